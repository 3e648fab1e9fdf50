"""The Messages log: filters, sorting, deliveries of a message, live refresh and CSV export."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtWidgets import QComboBox, QTableView
from pytestqt.qtbot import QtBot

from spreader_app.core.reply_router import read_reply_request
from spreader_app.core.services.sending import read_open_request
from spreader_app.gui.pages import messages_page
from spreader_app.gui.pages.messages_page import MessagesPage, date_bounds
from spreader_app.gui.tables.messages_table import (
    DELIVERY_HEADER,
    DeliveryLine,
    DeliveryTableModel,
    MessageTableModel,
    QuickFilterProxy,
    delivery_columns,
    phone_cell,
    text_cell,
)
from tests.fakes.fake_zentra import Fault
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_file_dialog, click_row

STATUS, MODE, RECIPIENTS = 3, 1, 5  # message table columns
D_HEADERS = [c.header for c in delivery_columns()]
D_RECIPIENT, D_STATUS, D_PROFILE, D_WHY, D_SKIP = (
    D_HEADERS.index(h) for h in ("Recipient", "Status", "Profile", "Why?", "Skip reason")
)
CUSTOMERS = ["+201066183456", "+201066183457"]


def cells(model: QAbstractItemModel, column: int) -> list[str]:
    return [str(model.index(r, column).data()) for r in range(model.rowCount())]


def choose(combo: QComboBox, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def click_header(qtbot: QtBot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    pos = header.rect().center()
    pos.setX(x)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def send_campaign(env: GuiEnv, package_id: str, recipients: list[str]) -> str:
    request = read_open_request({"text": "Sale today", "recipients": recipients})
    result = env.run(env.container.sending.send_open(package_id, request))
    message_id = result.message.id

    async def finished() -> None:
        sending = env.container.sending
        while (await sending.message(package_id, message_id)).finished_at is None:
            await asyncio.sleep(0.02)

    env.run(finished())
    return message_id


@pytest.fixture
def log(gui_env: GuiEnv) -> str:
    """An Open Chat campaign to two customers plus one bad number, then a failed reply."""
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    gui_env.add_profile(package_id, 2)
    send_campaign(gui_env, package_id, [*CUSTOMERS, "12"])
    # A server error fails the reply without resting the devices, so later sends still go.
    gui_env.fake.faults.add(Fault.SERVER_ERROR, rate=1.0)
    reply = read_reply_request({"text": "Thanks", "recipient": CUSTOMERS[0]}, "")
    gui_env.run(gui_env.container.replies.send_reply(package_id, reply))
    gui_env.fake.faults.clear()
    return package_id


@pytest.fixture
def page(qtbot: QtBot, gui_env: GuiEnv, log: str) -> MessagesPage:
    page = MessagesPage(gui_env.context)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    gui_env.wait(lambda: page.proxy.rowCount() == 2)
    return page


def test_messages_page_filters_by_mode_and_status(page: MessagesPage, gui_env: GuiEnv) -> None:
    choose(page.mode_combo, "Open Chat")
    gui_env.wait(lambda: cells(page.proxy, MODE) == ["Open Chat"])
    assert cells(page.proxy, STATUS) == ["completed"]

    choose(page.mode_combo, "Any mode")
    choose(page.status_combo, "failed")
    gui_env.wait(lambda: cells(page.proxy, MODE) == ["Reply Chat"])

    choose(page.mode_combo, "Open Chat")
    gui_env.wait(lambda: page.count_label.text() == "No message matches these filters.")
    assert page.proxy.rowCount() == 0
    assert page.stack.currentWidget() is page.content  # the filters stay reachable


def test_messages_page_date_range_excludes_other_days(
    qtbot: QtBot, page: MessagesPage, gui_env: GuiEnv
) -> None:
    qtbot.mouseClick(page.until_check, Qt.MouseButton.LeftButton)
    page.until_edit.setDate(QDate(2020, 1, 1))
    gui_env.wait(lambda: page.count_label.text() == "No message matches these filters.")
    qtbot.mouseClick(page.until_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.since_check, Qt.MouseButton.LeftButton)
    page.since_edit.setDate(QDate.currentDate())
    gui_env.wait(lambda: page.proxy.rowCount() == 2)
    page.since_edit.setDate(QDate.currentDate().addDays(1))
    gui_env.wait(lambda: page.proxy.rowCount() == 0)


def test_messages_page_sorts_by_clicked_column(
    qtbot: QtBot, page: MessagesPage, gui_env: GuiEnv
) -> None:
    click_header(qtbot, page.table, RECIPIENTS)
    assert cells(page.proxy, RECIPIENTS) == ["1", "3"]
    click_header(qtbot, page.table, RECIPIENTS)
    assert cells(page.proxy, RECIPIENTS) == ["3", "1"]


def test_messages_page_shows_deliveries_of_the_selected_message(
    qtbot: QtBot, page: MessagesPage, gui_env: GuiEnv
) -> None:
    choose(page.mode_combo, "Open Chat")
    gui_env.wait(lambda: page.proxy.rowCount() == 1)
    click_row(qtbot, page.table, 0)
    gui_env.wait(lambda: page.delivery_proxy.rowCount() == 3)

    statuses = cells(page.delivery_proxy, D_STATUS)
    assert sorted(statuses) == ["sent", "sent", "skipped"]
    profiles = set(cells(page.delivery_proxy, D_PROFILE)) - {""}
    assert profiles <= {"Phone 1", "Phone 2"} and profiles
    assert any(c.startswith("invalid: ") for c in cells(page.delivery_proxy, D_SKIP))
    assert page.delivery_label.text() == "3 of 3 deliveries"
    # Every delivery says why: the sent ones by which device, the skipped one what was wrong.
    why = sorted(cells(page.delivery_proxy, D_WHY))
    assert [w.split(" at ")[0] for w in why[:2]] in (
        ["Sent by Phone 1", "Sent by Phone 2"],
        ["Sent by Phone 1", "Sent by Phone 1"],
        ["Sent by Phone 2", "Sent by Phone 2"],
    )
    assert why[2].startswith("Skipped: ")

    choose(page.delivery_status, "skipped")
    gui_env.wait(lambda: cells(page.delivery_proxy, D_STATUS) == ["skipped"])
    choose(page.delivery_status, "Any status")
    gui_env.wait(lambda: page.delivery_proxy.rowCount() == 3)
    page.delivery_search.setText("183457")
    assert page.delivery_proxy.rowCount() == 1


def test_messages_page_exports_deliveries_as_excel_friendly_csv(
    qtbot: QtBot, page: MessagesPage, gui_env: GuiEnv, tmp_path: Path
) -> None:
    choose(page.mode_combo, "Open Chat")
    gui_env.wait(lambda: page.proxy.rowCount() == 1)
    click_row(qtbot, page.table, 0)
    gui_env.wait(lambda: page.delivery_proxy.rowCount() == 3)

    target = tmp_path / "deliveries.csv"
    qtbot.mouseClick(page.export_deliveries_button, Qt.MouseButton.LeftButton)
    answer_file_dialog(gui_env, target)
    gui_env.wait(lambda: page.export_label.text().startswith("Exported 3 deliveries"))

    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == DELIVERY_HEADER
    by_recipient = {r[1]: r for r in rows[1:]}
    assert set(by_recipient) == {"\t+201066183456", "\t+201066183457", "\t12"}
    assert by_recipient["\t+201066183456"][2] == "sent"
    assert by_recipient["\t12"][2] == "skipped"
    assert {r[0] for r in rows[1:]} == {page.message_id}


def test_messages_page_exports_the_filtered_message_list(
    qtbot: QtBot, page: MessagesPage, gui_env: GuiEnv, tmp_path: Path
) -> None:
    choose(page.status_combo, "failed")
    gui_env.wait(lambda: page.proxy.rowCount() == 1)
    target = tmp_path / "messages.csv"
    qtbot.mouseClick(page.export_messages_button, Qt.MouseButton.LeftButton)
    answer_file_dialog(gui_env, target)
    gui_env.wait(lambda: page.export_label.text().startswith("Exported 1 message to"))
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [(r[2], r[4], r[5]) for r in rows[1:]] == [("Reply Chat", "failed", "Thanks")]


def test_messages_page_loads_more_on_request(
    qtbot: QtBot, gui_env: GuiEnv, log: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages_page, "PAGE", 1)
    page = MessagesPage(gui_env.context)
    qtbot.addWidget(page)
    page.show()
    gui_env.wait(lambda: page.count_label.text() == "1 of 2 messages")
    assert page.more_button.isVisible()
    qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: page.count_label.text() == "2 of 2 messages")
    assert not page.more_button.isVisible()
    assert sorted(cells(page.proxy, MODE)) == ["Open Chat", "Reply Chat"]


def test_messages_page_refreshes_live_only_while_visible(
    qtbot: QtBot, page: MessagesPage, gui_env: GuiEnv, log: str
) -> None:
    send_campaign(gui_env, log, [CUSTOMERS[1]])
    gui_env.wait(lambda: page.proxy.rowCount() == 3)

    page.hide()
    flushes = gui_env.bridge.flush_count
    send_campaign(gui_env, log, [CUSTOMERS[0]])
    gui_env.wait(lambda: gui_env.bridge.flush_count > flushes and not page.refresher.scheduled)
    assert page.model.rowCount() == 3
    page.show()
    gui_env.wait(lambda: page.proxy.rowCount() == 4)


def test_messages_page_empty_log_points_to_sending(qtbot: QtBot, gui_env: GuiEnv) -> None:
    gui_env.add_package()
    page = MessagesPage(gui_env.context)
    qtbot.addWidget(page)
    page.show()
    gui_env.wait(lambda: page.stack.currentWidget() is page.empty)
    with qtbot.waitSignal(gui_env.context.navigate) as sent:
        qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    assert sent.args == ["send"]


def test_csv_cells_keep_numbers_as_text_and_defuse_formulas() -> None:
    assert phone_cell("+201066183456") == "\t+201066183456"
    assert phone_cell("") == ""
    assert text_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert text_cell("شكرا لك") == "شكرا لك"


def test_date_bounds_cover_whole_local_days() -> None:
    start, end = date_bounds(date(2025, 6, 16), date(2025, 6, 16))
    assert start is not None and end is not None
    assert start.tzinfo is UTC and end.tzinfo is UTC
    assert start.astimezone().date() == end.astimezone().date() == date(2025, 6, 16)
    assert (end - start).total_seconds() == pytest.approx(86400, abs=1)
    assert date_bounds(None, None) == (None, None)


def test_messages_models_pass_the_model_tester(
    qtmodeltester: Any, page: MessagesPage, gui_env: GuiEnv
) -> None:
    messages = MessageTableModel()
    messages.apply(page.model.rows())
    qtmodeltester.check(messages)
    proxy = QuickFilterProxy()
    proxy.setSourceModel(messages)
    proxy.set_query("sale")
    qtmodeltester.check(proxy)
    assert cells(proxy, MODE) == ["Open Chat"]

    open_chat = next(m for m in page.model.rows() if m.total_recipients == 3)
    found, _ = gui_env.run(
        gui_env.container.sending.deliveries(gui_env.context.package_id, open_chat.id)
    )
    deliveries = DeliveryTableModel()
    deliveries.apply([DeliveryLine(d, "Phone 1") for d in found])
    qtmodeltester.check(deliveries)
    assert sorted(cells(deliveries, D_STATUS)) == ["sent", "sent", "skipped"]
