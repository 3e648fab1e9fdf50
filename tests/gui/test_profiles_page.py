"""The Profiles page: add and edit through the dialog, switch on and off, live gauges, and
the panel that explains a stopped profile."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget
from pytestqt.qtbot import QtBot

from spreader_app.core.models import LimitState, ProfileStatus
from spreader_app.core.services.connection import NO_STATUS_CHECK
from spreader_app.core.services.sending import read_open_request
from spreader_app.gui.pages.profile_dialog import ProfileDialog
from spreader_app.gui.pages.profiles_page import ProfilesPage
from spreader_app.gui.tables.profiles_table import HOURLY_COLUMN, ProfileRow
from spreader_app.gui.tables.snapshot_model import VALUE_ROLE
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_question, click_row, come_back, show_in_window, type_into


@pytest.fixture
def page(qtbot: QtBot, gui_env: GuiEnv) -> Iterator[ProfilesPage]:
    page = ProfilesPage(gui_env.context)
    host = show_in_window(qtbot, gui_env, page)
    yield page
    host.hide()  # stops the poll before the engine stops


def rows(page: ProfilesPage) -> dict[str, ProfileRow]:
    return {r.profile.name: r for r in page.model.rows()}


def loaded(page: ProfilesPage, *names: str) -> bool:
    shown = rows(page)
    return all(n in shown and shown[n].limits is not None for n in names)


def open_dialog(env: GuiEnv, page: ProfilesPage) -> ProfileDialog:
    """The profile dialog, once it is the active window (so keys go to it, as for a person)."""
    env.wait(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    dialog.activateWindow()
    env.wait(dialog.isActiveWindow)
    return dialog


def dialog_closed(env: GuiEnv, page: ProfilesPage) -> None:
    """Waits for the dialog to close; the offscreen platform, unlike a window manager, does
    not give the activation back to the window, so the test does."""
    env.wait(lambda: page.dialog is None)
    page.window().activateWindow()
    env.wait(page.window().isActiveWindow)


def fill_profile(qtbot: QtBot, dialog: ProfileDialog, name: str, device: str, token: str) -> None:
    type_into(qtbot, dialog.name_edit, name)
    type_into(qtbot, dialog.device_edit, device)
    type_into(qtbot, dialog.token_edit, token)


def select(qtbot: QtBot, page: ProfilesPage, name: str) -> None:
    at = page.model.row_for(rows(page)[name].id)
    assert at is not None
    click_row(qtbot, page.table, page.proxy.mapFromSource(page.model.index(at, 0)).row())
    selected = page.selected_row()
    assert selected is not None and selected.profile.name == name


def send(env: GuiEnv, package_id: str, *numbers: str) -> None:
    req = read_open_request({"type": "text", "text": "Sale today", "recipients": list(numbers)})
    env.run(env.container.sending.send_open(package_id, req))


def hourly_used(page: ProfilesPage) -> int:
    total = 0
    for r in range(page.model.rowCount()):
        value = page.model.data(page.model.index(r, HOURLY_COLUMN), VALUE_ROLE)
        total += value[0] if value else 0
    return total


def test_profiles_page_without_package_points_to_packages(
    qtbot: QtBot, gui_env: GuiEnv, page: ProfilesPage
) -> None:
    assert page.stack.currentWidget() is page.no_package
    assert page.no_package.title.text() == "Create a package first"
    assert not page.add_action.isEnabled()
    assert page.no_package.button is not None
    with qtbot.waitSignal(gui_env.context.navigate) as signal:
        qtbot.mouseClick(page.no_package.button, Qt.MouseButton.LeftButton)
    assert signal.args == ["packages"]


def test_profiles_page_adds_two_profiles_and_toggles_one(
    qtbot: QtBot, gui_env: GuiEnv, page: ProfilesPage
) -> None:
    gui_env.add_package()
    gui_env.wait(lambda: page.stack.currentWidget() is page.no_profiles)
    assert page.no_profiles.button is not None
    assert page.no_profiles.button.text() == "Add your first profile"

    qtbot.mouseClick(page.no_profiles.button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(gui_env, page)
    assert dialog.token_edit.echoMode() == dialog.token_edit.EchoMode.Password
    assert not dialog.save_button.isEnabled()  # name, device and token are required
    fill_profile(qtbot, dialog, "Sales 1", "dev-1", "token-1-abcdefgh")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog_closed(gui_env, page)
    gui_env.wait(lambda: loaded(page, "Sales 1"))
    assert page.stack.currentIndex() == 2
    assert page.selected_row() is not None  # the new profile is selected

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    dialog = open_dialog(gui_env, page)
    fill_profile(qtbot, dialog, "Sales 2", "dev-2", "token-2-abcdefgh")
    dialog.weight.setValue(3)
    qtbot.keyClick(dialog.token_edit, Qt.Key.Key_Return)  # the default button saves
    dialog_closed(gui_env, page)
    gui_env.wait(lambda: loaded(page, "Sales 1", "Sales 2"))
    assert rows(page)["Sales 2"].profile.weight == 3
    assert page.model.data(page.model.index(0, 1)) == "\u2066dev-1\u2069"

    select(qtbot, page, "Sales 1")
    menu = [a.text() for a in page.menu.actions() if not a.isSeparator()]
    assert menu == ["&Add profile…", "&Edit…", "Set &inactive", "&Delete…"]
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    gui_env.wait(lambda: rows(page)["Sales 1"].state is LimitState.INACTIVE)
    assert rows(page)["Sales 1"].profile.status is ProfileStatus.INACTIVE
    assert rows(page)["Sales 2"].state is LimitState.ACTIVE
    assert page.toggle_action.text() == "Set ac&tive"


def test_profiles_page_refuses_a_device_twice(
    qtbot: QtBot, gui_env: GuiEnv, page: ProfilesPage
) -> None:
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    gui_env.wait(lambda: loaded(page, "Phone 1"))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(gui_env, page)
    fill_profile(qtbot, dialog, "Copy", "dev-1", "token-9-abcdefgh")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: dialog.error_text("zentra_uuid") != "")
    assert "dev-1" in dialog.error_text("zentra_uuid")
    assert dialog.isVisible()  # the typing is still there to fix
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    dialog_closed(gui_env, page)
    assert list(rows(page)) == ["Phone 1"]


def test_profiles_page_edits_keeping_the_token_and_tests_connection(
    qtbot: QtBot, gui_env: GuiEnv, page: ProfilesPage
) -> None:
    package_id = gui_env.add_package()
    profile_id = gui_env.add_profile(package_id, 1)
    gui_env.wait(lambda: loaded(page, "Phone 1"))
    select(qtbot, page, "Phone 1")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = open_dialog(gui_env, page)
    assert dialog.token_edit.text() == ""
    assert dialog.token_edit.placeholderText() == "••••efgh"

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: str(NO_STATUS_CHECK) in dialog.test_result.text())
    type_into(qtbot, dialog.weight, "7")
    type_into(qtbot, dialog.name_edit, "Phone one")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog_closed(gui_env, page)
    gui_env.wait(lambda: loaded(page, "Phone one"))
    assert rows(page)["Phone one"].profile.weight == 7
    stored = gui_env.run(gui_env.container.profiles.get(package_id, profile_id))
    assert stored.token_masked == "••••efgh"
    send(gui_env, package_id, "+201001234567")  # the kept token still sends
    gui_env.wait(lambda: len(gui_env.fake.received) == 1)


def test_profiles_page_gauges_rise_after_sending(
    qtbot: QtBot, gui_env: GuiEnv, page: ProfilesPage
) -> None:
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    gui_env.add_profile(package_id, 2)
    gui_env.wait(lambda: loaded(page, "Phone 1", "Phone 2"))
    assert hourly_used(page) == 0
    assert rows(page)["Phone 1"].hourly == (0, 50)

    send(gui_env, package_id, "+201001234567", "+201001234568", "+201001234569")
    gui_env.wait(lambda: hourly_used(page) == 3)
    assert {r.daily for r in rows(page).values()} <= {(1, 500), (2, 500)}
    assert page.model.data(page.model.index(0, HOURLY_COLUMN)) in ("1/50", "2/50")


def test_profiles_page_polls_only_while_visible(
    qtbot: QtBot, gui_env: GuiEnv, page: ProfilesPage
) -> None:
    gui_env.add_package()
    assert page.timer.isActive()
    host = page.parentWidget()
    assert isinstance(host, QStackedWidget)
    host.setCurrentIndex(0)
    assert not page.timer.isActive()
    come_back(page)
    assert page.timer.isActive()


def test_profiles_page_explains_a_paused_profile_and_brings_it_back(
    qtbot: QtBot, gui_env: GuiEnv, page: ProfilesPage
) -> None:
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    gui_env.add_profile(package_id, 2)
    gui_env.wait(lambda: loaded(page, "Phone 1", "Phone 2"))
    gui_env.fake.set_device_state("dev-1", "disconnected")
    send(gui_env, package_id, "+201001234567", "+201001234568")
    gui_env.wait(lambda: rows(page)["Phone 1"].profile.status is ProfileStatus.COOLDOWN)
    assert rows(page)["Phone 1"].state is LimitState.COOLDOWN

    select(qtbot, page, "Phone 2")
    assert not page.reason_panel.isVisible()
    select(qtbot, page, "Phone 1")
    assert page.reason_panel.isVisible()
    assert "scan the QR code" in page.reason_panel.reason.text()
    assert page.reason_panel.title.text() == "Phone 1 is paused"

    gui_env.fake.set_device_state("dev-1", "connected")
    qtbot.mouseClick(page.reason_panel.activate_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: rows(page)["Phone 1"].profile.status is ProfileStatus.ACTIVE)
    gui_env.wait(lambda: not page.reason_panel.isVisible())


def test_profiles_page_deletes_after_confirming(
    qtbot: QtBot, gui_env: GuiEnv, page: ProfilesPage
) -> None:
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    gui_env.wait(lambda: loaded(page, "Phone 1"))
    select(qtbot, page, "Phone 1")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Phone 1" in answer_question(gui_env, "Delete")
    gui_env.wait(lambda: page.stack.currentWidget() is page.no_profiles)
    assert gui_env.run(gui_env.container.profiles.list(package_id)) == []
