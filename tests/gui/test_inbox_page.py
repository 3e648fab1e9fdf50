"""The Inbox: customers' messages by customer, the sticky profile, replies and opt-outs."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spreader_app.core.models import ConversationItem, ConversationSummary, DeliveryStatus
from spreader_app.core.reply_router import ReplyResult
from spreader_app.gui.i18n import install_language, uninstall_language
from spreader_app.gui.pages.inbox_page import InboxPage, describe_reply
from spreader_app.gui.tables.inbox_table import (
    COUNT,
    CUSTOMER,
    FLAGS,
    LAST,
    PROFILE,
    ConversationRow,
    ConversationTableModel,
    ThreadModel,
    thread_lines,
)
from spreader_app.gui.tables.snapshot_model import ROW_ROLE
from spreader_app.gui.widgets.bubble_delegate import BODY_ROLE, OUTGOING_ROLE
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_question, click_row

CUSTOMER_PHONE = "+201066183456"
OTHER_PHONE = "+201066183457"
HELLO = {
    "device_uuid": "dev-1",
    "from": "201066183456",
    "text": "Hi",
    "message_id": "m1",
    "timestamp": 1732460000,
}


def receive(env: GuiEnv, **fields: Any) -> None:
    """A webhook call as Zentra makes it, in the documented clean shape."""
    body = json.dumps({**HELLO, **fields}).encode()
    env.run(env.container.inbox.receive(body, "application/json"))


def cell(model: QAbstractItemModel, row: int, column: int) -> str:
    return str(model.index(row, column).data())


@pytest.fixture
def page(qtbot: QtBot, gui_env: GuiEnv) -> InboxPage:
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    gui_env.add_profile(package_id, 2)
    page = InboxPage(gui_env.context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def open_first(qtbot: QtBot, env: GuiEnv, page: InboxPage) -> None:
    env.wait(lambda: page.proxy.rowCount() >= 1)
    click_row(qtbot, page.table, 0)
    env.wait(lambda: page.thread_model.rowCount() >= 1)


def test_inbox_page_empty_state_says_where_messages_come_from(
    page: InboxPage, gui_env: GuiEnv
) -> None:
    gui_env.wait(lambda: not page.refresher.loading)
    assert page.stack.currentWidget() is page.empty
    assert "Paste the webhook URL from Settings into the Zentra dashboard" in page.empty.text.text()


def test_inbox_page_lists_inbound_message_with_its_sticky_profile(
    qtbot: QtBot, page: InboxPage, gui_env: GuiEnv
) -> None:
    receive(gui_env)
    gui_env.wait(lambda: page.proxy.rowCount() == 1)
    assert page.stack.currentWidget() is page.content
    assert "+20 10 66183456" in cell(page.proxy, 0, CUSTOMER)
    assert cell(page.proxy, 0, PROFILE) == "Phone 1"
    assert cell(page.proxy, 0, LAST) == "Hi"
    assert cell(page.proxy, 0, COUNT) == "1"
    assert cell(page.proxy, 0, FLAGS) == ""

    open_first(qtbot, gui_env, page)
    assert "+20 10 66183456" in page.customer_label.text()
    assert "Phone 1" in page.sticky_label.text()
    line = cell(page.thread_model, 0, 0)
    assert line.startswith("Customer") and "to Phone 1" in line and line.endswith("\nHi")


def test_inbox_page_reply_is_sent_from_the_customers_device(
    qtbot: QtBot, page: InboxPage, gui_env: GuiEnv
) -> None:
    receive(gui_env)
    open_first(qtbot, gui_env, page)
    qtbot.keyClicks(page.reply_edit, "Thanks, on its way")
    qtbot.keyClick(page.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    gui_env.wait(lambda: page.result_label.text().startswith("Sent"))
    assert [(m.device_uuid, m.recipient, m.text) for m in gui_env.fake.received] == [
        ("dev-1", "201066183456", "Thanks, on its way")
    ]
    assert page.result_label.text().startswith("Sent via Phone 1 in ")
    assert page.reply_edit.toPlainText() == ""
    gui_env.wait(lambda: page.thread_model.rowCount() == 2)
    assert cell(page.thread_model, 1, 0).startswith("You via Phone 1")


def test_inbox_page_reply_says_when_it_was_rerouted(
    qtbot: QtBot, page: InboxPage, gui_env: GuiEnv
) -> None:
    receive(gui_env)
    open_first(qtbot, gui_env, page)
    gui_env.fake.set_device_state("dev-1", "disconnected")
    qtbot.keyClicks(page.reply_edit, "Hello again")
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)

    gui_env.wait(lambda: page.result_label.text().startswith("Sent"))
    assert "Sent via Phone 2" in page.result_label.text()
    assert "Rerouted" in page.result_label.text()
    assert [m.device_uuid for m in gui_env.fake.received] == ["dev-2"]
    gui_env.wait(lambda: "Phone 2" in page.sticky_label.text())


def test_inbox_page_failed_reply_is_explained_in_plain_words(
    qtbot: QtBot, page: InboxPage, gui_env: GuiEnv
) -> None:
    receive(gui_env)
    open_first(qtbot, gui_env, page)
    gui_env.fake.set_device_state("dev-1", "disconnected")
    gui_env.fake.set_device_state("dev-2", "disconnected")
    qtbot.keyClicks(page.reply_edit, "Hello?")
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)

    gui_env.wait(lambda: page.result_label.text().startswith("Not sent"))
    assert "not connected to WhatsApp" in page.result_label.text()
    assert page.reply_edit.toPlainText() == "Hello?"  # kept so it can be sent again


def test_inbox_page_blank_reply_is_not_sent(qtbot: QtBot, page: InboxPage, gui_env: GuiEnv) -> None:
    receive(gui_env)
    open_first(qtbot, gui_env, page)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    assert page.result_label.text() == "Write the reply first."
    assert gui_env.fake.attempts == []


def test_inbox_page_stop_word_shows_the_number_as_suppressed(
    qtbot: QtBot, page: InboxPage, gui_env: GuiEnv
) -> None:
    receive(gui_env, text="STOP")
    gui_env.wait(lambda: page.proxy.rowCount() == 1)
    assert cell(page.proxy, 0, FLAGS) == "Suppressed"
    open_first(qtbot, gui_env, page)
    assert page.flag_label.text().startswith("Suppressed")
    assert page.unsuppress_button.isVisible() and not page.suppress_button.isVisible()

    qtbot.mouseClick(page.unsuppress_button, Qt.MouseButton.LeftButton)
    answer_question(gui_env, "Lift suppression")
    gui_env.wait(lambda: cell(page.proxy, 0, FLAGS) == "")
    package_id = gui_env.context.package_id
    assert gui_env.run(gui_env.container.inbox.suppressions(package_id)) == []


def test_inbox_page_possible_opt_out_is_confirmed_by_the_owner(
    qtbot: QtBot, page: InboxPage, gui_env: GuiEnv
) -> None:
    receive(gui_env, text="cancel the order please")
    gui_env.wait(lambda: page.proxy.rowCount() == 1)
    assert cell(page.proxy, 0, FLAGS) == "Possible opt-out"
    open_first(qtbot, gui_env, page)
    assert "may have asked to stop" in page.flag_label.text()
    assert page.suppress_button.isVisible()

    qtbot.mouseClick(page.suppress_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: cell(page.proxy, 0, FLAGS) == "Suppressed")
    package_id = gui_env.context.package_id
    suppressed = gui_env.run(gui_env.container.inbox.suppressions(package_id))
    assert [s.phone for s in suppressed] == [CUSTOMER_PHONE]
    assert page.unsuppress_button.isVisible()


def test_inbox_page_new_messages_keep_the_open_conversation(
    qtbot: QtBot, page: InboxPage, gui_env: GuiEnv
) -> None:
    receive(gui_env)
    open_first(qtbot, gui_env, page)
    receive(gui_env, **{"from": "201066183457", "text": "Price?", "message_id": "m2"})
    gui_env.wait(lambda: page.proxy.rowCount() == 2)
    selected = page.table.selectionModel().selectedRows()
    assert [i.data(ROW_ROLE).phone for i in selected] == [CUSTOMER_PHONE]
    assert page.phone == CUSTOMER_PHONE

    receive(gui_env, text="Are you there?", message_id="m3", timestamp=1732460100)
    gui_env.wait(lambda: page.thread_model.rowCount() == 2)
    assert cell(page.thread_model, 1, 0).endswith("\nAre you there?")
    assert page.phone == CUSTOMER_PHONE


def test_inbox_page_quick_filter_finds_a_customer_by_digits(
    page: InboxPage, gui_env: GuiEnv
) -> None:
    receive(gui_env)
    receive(gui_env, **{"from": "201066183457", "text": "Price?", "message_id": "m2"})
    gui_env.wait(lambda: page.proxy.rowCount() == 2)
    page.filter_edit.setText("183457")
    assert page.proxy.rowCount() == 1
    assert cell(page.proxy, 0, LAST) == "Price?"
    page.filter_edit.setText("")
    assert page.proxy.rowCount() == 2


def test_describe_reply_names_the_profile_and_time() -> None:
    sent = ReplyResult("msg_1", DeliveryStatus.SENT, None, "p1", 41.6, False, "")
    assert describe_reply(sent, {"p1": "Phone 1"}) == ("Sent via Phone 1 in 42 ms.", True)
    failed = ReplyResult(
        "msg_2", DeliveryStatus.FAILED, None, "p1", 9.0, False, "auth_error: bad token"
    )
    text, ok = describe_reply(failed, {"p1": "Phone 1"})
    assert not ok and "refused the device's token" in text and "bad token" in text


def test_inbox_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    summary = ConversationSummary("pkg", CUSTOMER_PHONE, "p1", "Hi", None, 2, True, False)
    model = ConversationTableModel()
    model.apply([ConversationRow(summary, "Phone 1")])
    qtmodeltester.check(model)
    items = [
        ConversationItem("in", "Hi", None, "p1"),
        ConversationItem("out", "Hello", None, "p1", "sent"),
    ]
    thread = ThreadModel()
    thread.apply(thread_lines(items, {"p1": "Phone 1"}))
    qtmodeltester.check(thread)
    assert thread.index(1, 0).data(OUTGOING_ROLE) is True
    assert thread.index(0, 0).data(BODY_ROLE) == "Hi"


def test_a_device_name_in_a_reply_result_is_isolated_where_directions_differ(
    qapp: QApplication,
) -> None:
    # An Arabic device name in the English window, and an English one in the Arabic window,
    # keep their own direction inside the sentence (the digits cannot join the "42 ms").
    fsi, lri, pdi = "\u2068", "\u2066", "\u2069"
    sent = ReplyResult("m", DeliveryStatus.SENT, None, "p1", 41.6, False, "")
    text, _ = describe_reply(sent, {"p1": "مبيعات 1"})
    assert text == f"Sent via {fsi}مبيعات 1{pdi} in 42 ms."
    installed = install_language(qapp, "ar")
    try:
        text, _ = describe_reply(sent, {"p1": "Phone 1"})
        assert f"{lri}Phone 1{pdi}" in text
    finally:
        uninstall_language(qapp, installed)
