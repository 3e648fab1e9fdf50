"""Sentences the engine writes (phone validation, a blocked profile's reason) read in the
window's language, with numbers isolated; the English window and the stored words stay as
they were."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spreader_app.core import reasons
from spreader_app.core.models import ProfileStatus
from spreader_app.core.phones import BIDI_ISOLATE_END, BIDI_ISOLATE_START, RejectReason
from spreader_app.gui.i18n import install_language, shown_reason, uninstall_language
from spreader_app.gui.pages.profiles_page import ProfilesPage
from spreader_app.gui.pages.send_page import SendPage
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import show_in_window
from tests.gui.test_profiles_page import loaded, rows, select, send

ISOLATED_EXAMPLE = f"{BIDI_ISOLATE_START}+20 106 618 3456{BIDI_ISOLATE_END}"


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    installed = install_language(qapp, "ar")
    yield
    uninstall_language(qapp, installed)


def what_to_do(page: SendPage) -> list[str]:
    model = page.recipients.rejected_model
    return [str(model.index(r, 3).data()) for r in range(model.rowCount())]


def paste(qtbot: QtBot, gui_env: GuiEnv, text: str) -> SendPage:
    gui_env.add_profile(gui_env.add_package(), 1)
    page = SendPage(gui_env.context)
    qtbot.addWidget(page)
    page.show()
    page.recipients.paste_edit.insertPlainText(text)
    gui_env.wait(lambda: page.recipients.rejected_model.rowCount() == 1)
    return page


def test_arabic_window_shows_a_phone_validation_message_in_arabic(
    qtbot: QtBot, gui_env: GuiEnv, arabic: None
) -> None:
    page = paste(qtbot, gui_env, "hello\n")

    [advice] = what_to_do(page)
    assert advice.startswith("هذا ليس رقم هاتف")
    assert ISOLATED_EXAMPLE in advice


def test_english_window_shows_the_engine_sentence_unchanged(qtbot: QtBot, gui_env: GuiEnv) -> None:
    page = paste(qtbot, gui_env, "hello\n")

    assert what_to_do(page) == [RejectReason.NOT_A_NUMBER.message]
    assert "(for example +20 106 618 3456)." in RejectReason.NOT_A_NUMBER.message


def test_arabic_window_explains_a_banned_profile_in_arabic(
    qtbot: QtBot, gui_env: GuiEnv, arabic: None
) -> None:
    page = ProfilesPage(gui_env.context)
    host = show_in_window(qtbot, gui_env, page)
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    gui_env.add_profile(package_id, 2)
    gui_env.wait(lambda: loaded(page, "Phone 1", "Phone 2"))
    gui_env.fake.set_device_state("dev-1", "banned")
    send(gui_env, package_id, "+201001234567")
    gui_env.wait(lambda: rows(page)["Phone 1"].profile.status is ProfileStatus.BLOCKED)

    select(qtbot, page, "Phone 1")
    stored = rows(page)["Phone 1"].profile.status_reason
    shown = page.reason_panel.reason.text()
    host.hide()

    assert stored.startswith("Banned or expired: ")  # the database keeps the English
    # The gateway's detail inside it is translated too, its own words quoted and isolated.
    assert shown.startswith("محظور أو منتهي الاشتراك: تقول البوابة إن هذا الجهاز ممنوع من الإرسال")
    assert f"«{BIDI_ISOLATE_START}" in shown
    assert "اجعل الحساب نشطًا" in shown
    assert page.reason_panel.reason.accessibleDescription() == shown


def test_arabic_reason_isolates_a_phone_number_inside_it(arabic: None) -> None:
    stored = str(reasons.BANNED(detail="+966 50 123 4567 was reported"))

    shown = shown_reason(stored)

    assert f"{BIDI_ISOLATE_START}+966 50 123 4567 was reported{BIDI_ISOLATE_END}" in shown
    assert shown.startswith("محظور")


def test_english_reason_is_the_stored_sentence(qapp: QApplication) -> None:
    stored = str(reasons.LIKELY_BANNED(count=4))

    assert shown_reason(stored) == stored
    assert shown_reason("typed by the owner") == "typed by the owner"
