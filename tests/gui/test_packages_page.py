"""The Packages page: create by typing, checked as you type, edit, delete with a question."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QTimeEdit,
)
from pytestqt.qtbot import QtBot

from spreader_app.core.models import DistributionMode
from spreader_app.gui.pages.package_editor import form_errors, retry_hint
from spreader_app.gui.pages.packages_page import PackagesPage
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_question, come_back, show_in_window, type_into

CAP = "max_messages_per_profile_per_hour"


@pytest.fixture
def page(qtbot: QtBot, gui_env: GuiEnv) -> Iterator[PackagesPage]:
    page = PackagesPage(gui_env.context)
    host = show_in_window(qtbot, gui_env, page)
    yield page
    host.hide()


def type_time(qtbot: QtBot, edit: QTimeEdit, hhmm: str) -> None:
    """Types a time into ``edit`` from its hour section on, e.g. ``"22:00"``."""
    edit.setFocus()
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, hhmm.replace(":", ""))


def test_packages_page_creates_first_package_by_typing(
    qtbot: QtBot, gui_env: GuiEnv, page: PackagesPage
) -> None:
    assert page.stack.currentWidget() is page.empty
    assert page.empty.button is not None
    assert page.empty.button.text() == "Create your first package"
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor.isVisible() and editor.title.text() == "New package"

    type_into(qtbot, editor.name_edit, "Cairo shop")
    type_into(qtbot, editor.hourly_cap, "0")
    assert editor.error_text(CAP) == "Hourly cap is 0; it must be between 1 and 10000."
    assert not editor.save_button.isEnabled()
    type_into(qtbot, editor.hourly_cap, "40")
    assert editor.error_text(CAP) == ""
    assert editor.save_button.isEnabled()

    zone = editor.timezone.lineEdit()
    assert zone is not None
    type_into(qtbot, zone, "Mars/Base")
    assert "Africa/Cairo" in editor.error_text("timezone")
    assert not editor.save_button.isEnabled()
    type_into(qtbot, zone, "Africa/Cairo")
    type_into(qtbot, editor.cooldown, "5")
    editor.mode.setCurrentIndex(editor.mode.findData(DistributionMode.WEIGHTED.value))
    assert editor.hint_text("active_hours_start") == "08:00–22:00, Africa/Cairo"
    assert editor.hint_text("cooldown_seconds") == "5\u00a0s between messages per number."
    assert editor.hint_text("distribution_mode") == "In proportion to each profile's weight."

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: len(gui_env.context.packages) == 1 and page.model.rowCount() == 1)
    saved = gui_env.context.packages[0]
    assert (saved.name, saved.max_messages_per_profile_per_hour) == ("Cairo shop", 40)
    assert saved.timezone == "Africa/Cairo" and saved.cooldown_seconds == 5
    assert saved.distribution_mode is DistributionMode.WEIGHTED
    assert gui_env.context.package_id == saved.id
    assert page.selected_package() == saved
    assert editor.title.text() == "Cairo shop"
    assert editor.saved_label.text() == "Saved."
    assert not editor.save_button.isEnabled()  # nothing changed since saving


def test_packages_page_edits_with_pool_hints(
    qtbot: QtBot, gui_env: GuiEnv, page: PackagesPage
) -> None:
    package_id = gui_env.add_package(name="Shop")
    gui_env.add_profile(package_id, 1)
    gui_env.add_profile(package_id, 2)
    come_back(page)  # profiles are counted when the page comes into view
    editor = page.editor
    gui_env.wait(lambda: editor.profile_count == 2)
    assert page.stack.currentIndex() == 1 and editor.title.text() == "Shop"
    assert editor.hint_text("max_messages_per_profile_per_day") == (
        "2 profiles × 500/day = up to 1,000 messages a day from this package, at most 100 an hour."
    )
    type_into(qtbot, editor.daily_cap, "300")
    assert "up to 600 messages a day" in editor.hint_text("max_messages_per_profile_per_day")

    type_time(qtbot, editor.hours_start, "22:00")
    type_time(qtbot, editor.hours_end, "06:00")
    assert editor.hint_text("active_hours_start") == "22:00–06:00, Etc/UTC (crosses midnight)"
    type_time(qtbot, editor.hours_end, "22:00")
    assert editor.hint_text("active_hours_start") == "All day, Etc/UTC"
    type_time(qtbot, editor.hours_end, "06:00")

    qtbot.keyClick(editor.daily_cap, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    gui_env.wait(
        lambda: (
            gui_env.context.package is not None
            and gui_env.context.package.max_messages_per_profile_per_day == 300
        )
    )
    stored = gui_env.run(gui_env.context.services.packages.get(package_id))
    assert (f"{stored.active_hours_start:%H:%M}", f"{stored.active_hours_end:%H:%M}") == (
        "22:00",
        "06:00",
    )
    assert "300/day" in page.model.data(page.model.index(0, 3))


def test_packages_page_deletes_after_confirming(
    qtbot: QtBot, gui_env: GuiEnv, page: PackagesPage
) -> None:
    package_id = gui_env.add_package(name="Old shop")
    gui_env.add_profile(package_id, 1)
    come_back(page)
    gui_env.wait(lambda: page.editor.profile_count == 1)
    page.table.setFocus()

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    question = answer_question(gui_env, "Cancel")
    assert "Old shop" in question and "1 profile" in question
    gui_env.wait(lambda: page.table.isEnabled())
    assert len(gui_env.context.packages) == 1

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    answer_question(gui_env, "Delete")
    gui_env.wait(lambda: gui_env.context.packages == [])
    assert page.stack.currentWidget() is page.empty
    assert gui_env.context.package_id == ""


def test_packages_page_explains_a_save_that_failed(
    qtbot: QtBot, gui_env: GuiEnv, page: PackagesPage
) -> None:
    package_id = gui_env.add_package(name="Shop")
    editor = page.editor
    gui_env.wait(lambda: editor.package is not None)
    type_into(qtbot, editor.name_edit, "Shop renamed")
    gui_env.run(gui_env.container.packages.delete(package_id))  # e.g. through the local API
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: editor.form_error.isVisible())
    assert package_id in editor.form_error.text()
    assert editor.name_edit.text() == "Shop renamed"  # the typing is kept


def test_package_retry_hint_reads_as_a_sentence() -> None:
    assert retry_hint(False, 3, 5000) == "Failed messages are not tried again."
    assert retry_hint(True, 0, 5000) == "Failed messages are not tried again."
    assert retry_hint(True, 1, 5000).startswith("Up to 1 more try after")
    assert "3 more tries" in retry_hint(True, 3, 5000)
    assert "the first after 5\u00a0s," in retry_hint(True, 3, 5000)


def test_package_form_errors_are_the_services_own_verdict() -> None:
    errors = form_errors({"name": " ", "retry_delay_ms": 50, "timezone": "Cairo"})
    assert errors == {
        "name": "Name must not be empty.",
        "retry_delay_ms": "Retry delay is 50; it must be between 100 and 3600000.",
        "timezone": "Time zone is 'Cairo'; use an IANA time zone such as Africa/Cairo or "
        "Asia/Riyadh.",
    }
    assert form_errors({"name": "Shop"}) == {}
