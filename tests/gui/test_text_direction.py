"""People's text in its own direction: the composer, the campaign view, table cells and
tooltips."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from spreader_app.core.bidi import isolate_numbers
from spreader_app.core.models import Message, MessageContent, MessageMode, MessageStatus
from spreader_app.gui.pages.campaign_view import CampaignView
from spreader_app.gui.pages.send.content_box import ContentBox
from spreader_app.gui.widgets.text_direction import DirectedTextDelegate, tooltip_html
from tests.gui.conftest import GuiEnv

RTL = Qt.LayoutDirection.RightToLeft
LTR = Qt.LayoutDirection.LeftToRight
TWO_LINES = (
    "عرض خاص لعملائنا الكرام: خصم ٢٠٪ على كل الطلبات هذا الأسبوع فقط، والتوصيل مجاني\n"
    "اتصلوا بنا على +966 50 123 4567 أو زوروا موقعنا. Special offer: 20% off this week."
)


def start_of_text_x(box: ContentBox) -> int:
    """Where the caret stands before the first character, in the editor's viewport."""
    cursor = box.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    return box.text_edit.cursorRect(cursor).x()


def test_composer_follows_the_direction_of_its_text(qtbot: QtBot) -> None:
    box = ContentBox()
    qtbot.addWidget(box)
    box.resize(500, 300)
    box.show()
    middle = box.text_edit.viewport().width() / 2

    box.text_edit.setPlainText("مرحبا، your order 12345 is ready 😀")
    assert box.text_edit.document().defaultTextOption().textDirection() == RTL
    assert start_of_text_x(box) > middle  # an Arabic message starts at the right edge

    box.text_edit.setPlainText("😀 Hello, طلبك جاهز")
    assert box.text_edit.document().defaultTextOption().textDirection() == LTR
    assert start_of_text_x(box) < middle


def test_campaign_view_shows_a_two_line_text_whole(qtbot: QtBot, gui_env: GuiEnv) -> None:
    view = CampaignView(gui_env.context)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    message = Message(
        "m1", "p", MessageMode.OPEN, MessageContent(text=TWO_LINES), MessageStatus.COMPLETED
    )
    view.show_message(dataclasses.replace(message, total_recipients=1))

    shown = [
        label
        for label in view.findChildren(QLabel)
        if label.isVisible() and label.text() == isolate_numbers(TWO_LINES)
    ]
    assert len(shown) == 1, "the whole text, both lines, in one place"
    label = shown[0]
    assert label.wordWrap() and "…" not in label.text()
    assert label.layoutDirection() == RTL
    needed = label.heightForWidth(label.width())
    assert needed > label.fontMetrics().height()  # more than one line
    assert label.height() >= needed


def test_table_cells_read_in_their_own_direction(qtbot: QtBot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(QStringListModel(["مرحبا Hello", "Hello مرحبا", "12345"], table))
    delegate = DirectedTextDelegate(table)
    directions = []
    for row in range(3):
        option = QStyleOptionViewItem()
        option.initFrom(table)
        index: QModelIndex = table.model().index(row, 0)
        delegate.initStyleOption(option, index)
        directions.append(option.direction)
    assert directions == [RTL, LTR, table.layoutDirection()]


def test_tooltips_wrap_read_in_their_direction_and_show_markup_as_text() -> None:
    assert tooltip_html("مرحبا <b>Hi</b>") == (
        '<p dir="rtl" style="white-space: pre-wrap">مرحبا &lt;b&gt;Hi&lt;/b&gt;</p>'
    )
    assert 'dir="ltr"' in tooltip_html("Call +20 10 1234 5678")
    assert isolate_numbers("+20 10 1234 5678") in tooltip_html("Call +20 10 1234 5678")
    assert tooltip_html("") == ""
