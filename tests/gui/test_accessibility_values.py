"""What a screen reader says: labels that carry a value report it through Qt's accessibility
interface as it changes, every dialog button can be pressed through accessibility, and
choosing a sidebar entry through accessibility switches the page.

Each check goes through ``QAccessible.queryAccessibleInterface``, the interface Qt's AT-SPI,
UI Automation and NSAccessibility bridges read from."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from spreader_app.core.content import MAX_TEXT
from spreader_app.core.errors import VaultUnavailable
from spreader_app.desktop import start_error
from spreader_app.gui.dialogs import confirm
from spreader_app.gui.main_window import PAGE_KEYS, PAGES, MainWindow
from spreader_app.gui.pages.campaign_view import CampaignView
from spreader_app.gui.pages.inbox_page import InboxPage
from spreader_app.gui.pages.messages_page import MessagesPage
from spreader_app.gui.pages.send_page import SendPage
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_file_dialog, visible_window
from tests.gui.test_campaign_view import send
from tests.gui.test_inbox_page import open_first, receive
from tests.gui.test_messages_page import CUSTOMERS, send_campaign

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description
PRESS = QAccessibleActionInterface.pressAction()


def spoken(widget: QWidget) -> tuple[str, str]:
    """The accessible name and description a screen reader reads for ``widget``."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(NAME), iface.text(DESCRIPTION)


def shown(qtbot: QtBot, page: QWidget) -> None:
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()


def test_send_page_validation_counts_are_read_with_their_value(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    gui_env.add_profile(gui_env.add_package(), 1)
    page = SendPage(gui_env.context)
    shown(qtbot, page)
    page.recipients.paste_edit.insertPlainText("+201066183456\n+966501234567\n12345\n")
    gui_env.wait(lambda: page.recipients.valid_label.text() == "Valid: 2")
    assert spoken(page.recipients.valid_label) == ("Valid", "Valid: 2")
    assert spoken(page.recipients.invalid_label) == ("Invalid", "Invalid: 1")


def test_composer_character_count_is_read_as_it_changes(qtbot: QtBot, gui_env: GuiEnv) -> None:
    gui_env.add_profile(gui_env.add_package(), 1)
    page = SendPage(gui_env.context)
    shown(qtbot, page)
    qtbot.keyClicks(page.content.text_edit, "Hello")
    assert spoken(page.content.counter_label) == (
        "Character count",
        f"5 / {MAX_TEXT:,} characters",
    )


def test_campaign_view_counts_status_and_progress_are_read_with_their_value(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    view = CampaignView(gui_env.context)
    shown(qtbot, view)
    view.show_message(send(gui_env))
    gui_env.wait(lambda: view.status_label.text() == "Status: Completed")
    gui_env.wait(lambda: view.sent_label.text() == "3")
    assert spoken(view.sent_label) == ("Sent", "3")
    assert spoken(view.failed_label) == ("Failed", "0")
    assert spoken(view.skipped_label) == ("Skipped", "0")
    assert spoken(view.status_label) == ("Campaign status", "Status: Completed")
    assert spoken(view.eta_label)[1].startswith("Finished at ")
    progress = QAccessible.queryAccessibleInterface(view.progress).valueInterface()
    assert progress.currentValue() == progress.maximumValue() == 3


def test_inbox_reply_result_is_read_with_its_text(qtbot: QtBot, gui_env: GuiEnv) -> None:
    gui_env.add_profile(gui_env.add_package(), 1)
    page = InboxPage(gui_env.context)
    shown(qtbot, page)
    receive(gui_env)
    open_first(qtbot, gui_env, page)
    assert spoken(page.sticky_label)[1] == "Talks to Phone 1: replies go through it."
    qtbot.keyClicks(page.reply_edit, "Thanks")
    qtbot.keyClick(page.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    gui_env.wait(lambda: page.result_label.text().startswith("Sent"))
    name, value = spoken(page.result_label)
    assert name == "Reply result"
    assert value == page.result_label.text() and value.startswith("Sent via Phone 1 in ")


def test_messages_export_result_is_read_with_its_text(
    qtbot: QtBot, gui_env: GuiEnv, tmp_path: Path
) -> None:
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    send_campaign(gui_env, package_id, CUSTOMERS)
    page = MessagesPage(gui_env.context)
    shown(qtbot, page)
    gui_env.wait(lambda: page.proxy.rowCount() == 1)
    qtbot.mouseClick(page.export_messages_button, Qt.MouseButton.LeftButton)
    answer_file_dialog(gui_env, tmp_path / "messages.csv")
    gui_env.wait(lambda: page.export_label.text().startswith("Exported"))
    assert spoken(page.export_label) == ("Export result", page.export_label.text())


def test_status_bar_reads_sending_activity_and_api_status(qtbot: QtBot, gui_env: GuiEnv) -> None:
    window = MainWindow(gui_env.context)
    qtbot.addWidget(window)
    window.show()
    assert spoken(window.activity_label) == ("Sending activity", "Idle")
    window.set_api_status("API: http://127.0.0.1:8787")
    assert spoken(window.api_label) == ("Local API status", "API: http://127.0.0.1:8787")
    send(gui_env, waiting_strategy="drip", drip_interval_minutes=1)
    gui_env.wait(lambda: window.activity_label.text().startswith("Sending: "))
    assert spoken(window.activity_label) == ("Sending activity", window.activity_label.text())


def press_through_accessibility(env: GuiEnv, text: str) -> None:
    """Presses the button labelled ``text`` in the open message box the way a screen reader
    does, after checking that every button of the box offers Press."""
    env.wait(lambda: visible_window(QMessageBox) is not None)
    box = visible_window(QMessageBox)
    assert box is not None
    actions = {
        b.text(): QAccessible.queryAccessibleInterface(b).actionInterface() for b in box.buttons()
    }
    assert all(a is not None and PRESS in a.actionNames() for a in actions.values())
    actions[text].doAction(PRESS)


def test_start_up_message_box_ok_is_pressed_through_accessibility(gui_env: GuiEnv) -> None:
    shown_error = asyncio.ensure_future(start_error(VaultUnavailable("No keyring.")))
    press_through_accessibility(gui_env, "OK")
    gui_env.wait(shown_error.done)
    assert visible_window(QMessageBox) is None


def test_question_buttons_are_pressed_through_accessibility(qtbot: QtBot, gui_env: GuiEnv) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    answer = asyncio.ensure_future(confirm(parent, "Cancel this campaign?", "Sure?", yes="Yes"))
    press_through_accessibility(gui_env, "Yes")
    gui_env.wait(answer.done)
    assert visible_window(QMessageBox) is None
    assert answer.result() is True


def test_sidebar_entry_chosen_through_accessibility_switches_the_page(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    window = MainWindow(gui_env.context)
    qtbot.addWidget(window)
    window.show()
    sidebar = QAccessible.queryAccessibleInterface(window.sidebar)
    for key in ("inbox", "settings", "settings", "packages"):
        entry = sidebar.child(PAGE_KEYS.index(key))
        title = PAGES[PAGE_KEYS.index(key)].title
        assert entry.text(NAME) == title
        actions = entry.actionInterface()
        assert actions is not None and actions.actionNames()
        actions.doAction(actions.actionNames()[0])
        assert window.current_page_key() == key
        assert window.stack.currentWidget() is window.page(key)
        assert window.sidebar.currentRow() == PAGE_KEYS.index(key)
        # Toggling the shown entry again unselects it; the sidebar selects it back.
        gui_env.wait(lambda t=title: selected_titles(window) == [t])


def selected_titles(window: MainWindow) -> list[str]:
    return [item.text() for item in window.sidebar.selectedItems()]
