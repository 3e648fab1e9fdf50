"""Conversation bubbles draw every message whole, wrapped, in its own direction.

The bug this guards: Qt's item painter dropped a message's line when it came from a
fallback font with a smaller line height than the header's (Arabic under a Latin UI font),
so only the header was drawn.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QImage, QTextLayout
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from spreader_app.core.bidi import isolate_numbers
from spreader_app.core.models import ConversationItem
from spreader_app.gui.pages.inbox_page import InboxPage
from spreader_app.gui.tables.inbox_table import thread_lines
from spreader_app.gui.widgets.bubble_delegate import BubbleDelegate
from tests.gui.conftest import GuiEnv

AT = datetime(2025, 6, 16, 9, 30, tzinfo=UTC)
ARABIC = "مرحبا"
ARABIC_REPLY = "أهلاً بك! كيف يمكنني مساعدتك اليوم؟ طلبك في الطريق وسيصل غداً قبل الظهر."
ENGLISH = "Hello, is my order on its way? I have been waiting since Monday for it to arrive."
MIXED = "رقمي +966 50 123 4567، please call me tomorrow بعد الظهر 😀 شكراً"
TEXTS = [ARABIC, ARABIC_REPLY, ENGLISH, MIXED]


@pytest.fixture
def page(qtbot: QtBot, gui_env: GuiEnv) -> InboxPage:
    """The inbox showing one conversation of the four messages, read at a narrow width."""
    gui_env.add_package()
    page = InboxPage(gui_env.context)
    qtbot.addWidget(page)
    page.resize(760, 700)
    page.show()
    gui_env.wait(lambda: not page.refresher.loading)
    page.stack.setCurrentWidget(page.content)  # as when a conversation is open
    page.detail_stack.setCurrentIndex(1)
    items = [
        ConversationItem("in" if n % 2 == 0 else "out", text, AT, "p1", "sent")
        for n, text in enumerate(TEXTS)
    ]
    page.thread_model.apply(thread_lines(items, {"p1": "Phone 1"}))
    qtbot.waitUntil(lambda: page.thread_view.visualRect(page.thread_model.index(3, 0)).height() > 0)
    return page


def whole_text_height(text: str, option: QStyleOptionViewItem, width: float) -> float:
    """The height of ``text`` laid out line by line ``width`` wide, each line as tall as its
    own fonts make it."""
    layout = QTextLayout(text, option.font)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return height


def ink(image: QImage, area: QRect, text: QColor) -> int:
    """How many pixels in ``area`` are closer to the text colour than to the background."""
    count = 0
    for y in range(max(area.top(), 0), min(area.bottom(), image.height() - 1) + 1):
        for x in range(max(area.left(), 0), min(area.right(), image.width() - 1) + 1):
            if abs(image.pixelColor(x, y).lightness() - text.lightness()) < 100:
                count += 1
    return count


def test_bubbles_are_sized_for_their_whole_text(page: InboxPage) -> None:
    view = page.thread_view
    delegate = view.itemDelegate()
    assert isinstance(delegate, BubbleDelegate)
    for row, text in enumerate(TEXTS):
        index = page.thread_model.index(row, 0)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(index)
        parts = delegate.layout(option, index)
        assert parts.body.text() == isolate_numbers(text)  # whole, numbers kept in order
        shown = sum(parts.body.lineAt(i).textLength() for i in range(parts.body.lineCount()))
        assert shown == len(parts.body.text().encode("utf-16-le")) // 2  # Qt counts UTF-16
        body = parts.body_rect()
        assert body.height() >= whole_text_height(text, option, body.width()) - 0.5
        assert parts.bubble.contains(body)
        assert option.rect.height() >= parts.bubble.height()


def test_bubbles_draw_the_message_under_the_header(page: InboxPage) -> None:
    view = page.thread_view
    image = view.viewport().grab().toImage()
    text_colour = view.palette().color(view.foregroundRole())
    for row, text in enumerate(TEXTS):
        rect = view.visualRect(page.thread_model.index(row, 0))
        # Everything below the header line: the message's own lines.
        header = view.fontMetrics().height()
        below_header = rect.adjusted(0, header + 4, 0, 0)
        assert ink(image, below_header, text_colour) > 20, f"message {row} not drawn: {text!r}"


def test_bubbles_narrow_with_the_view(qtbot: QtBot, page: InboxPage) -> None:
    view = page.thread_view
    wide = view.viewport().width()
    page.resize(560, 700)
    qtbot.waitUntil(lambda: view.viewport().width() < wide)
    qtbot.waitUntil(lambda: not view.horizontalScrollBar().isVisible())
    delegate = view.itemDelegate()
    assert isinstance(delegate, BubbleDelegate)
    for row in range(len(TEXTS)):
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(page.thread_model.index(row, 0))
        assert delegate.layout(option, page.thread_model.index(row, 0)).bubble.right() <= (
            view.viewport().width()
        )
