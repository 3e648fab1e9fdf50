"""Conversation bubbles: a header line and the whole message, each line measured and drawn.

Qt's own item painter measures every line of a text for the size hint but, when painting,
assumes each next line is as tall as the one before; when the message's line comes from a
fallback font with a smaller line height than the header's (Arabic under a Latin UI font),
it decides the message does not fit, drops it and elides the header. This delegate lays
both texts out once, in ``BubbleDelegate.layout``, and sizes and paints from that layout.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from spreader_app.core.bidi import isolate_numbers
from spreader_app.gui.widgets.text_direction import text_option

HEADER_ROLE = Qt.ItemDataRole.UserRole + 10  # str: who wrote it and when
BODY_ROLE = Qt.ItemDataRole.UserRole + 11  # str: the message, shown whole
OUTGOING_ROLE = Qt.ItemDataRole.UserRole + 12  # bool: ours (right side) or theirs (left)

WIDTH_SHARE = 0.8  # of the view's width, as in chat apps: the sides stay distinguishable
PADDING = 8.0
GAP = 2.0  # between the header and the message
TOP = Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True)
class BubbleLayout:
    """Where one bubble's parts go, relative to the item's top-left corner."""

    header: QTextLayout
    body: QTextLayout
    bubble: QRectF
    header_at: QPointF
    body_at: QPointF

    def body_rect(self) -> QRectF:
        """The area the message's lines take, as drawn, each line its full height."""
        area = QRectF()
        for n in range(self.body.lineCount()):
            line = self.body.lineAt(n)
            ink = line.naturalTextRect()
            area = area.united(QRectF(ink.x(), line.y(), ink.width(), line.height()))
        return area.translated(self.body_at)


@dataclass(frozen=True)
class _Paragraph:
    layout: QTextLayout
    widest: float
    height: float
    right_aligned: bool


def _lay_out(text: str, font: QFont, width: float, fallback: Qt.LayoutDirection) -> _Paragraph:
    """``text`` broken into lines ``width`` wide, in its own direction, every line measured."""
    shown = isolate_numbers(text).replace("\n", "\u2028")  # QTextLayout's line break
    layout = QTextLayout(shown, font)
    option = text_option(text, fallback)
    layout.setTextOption(option)
    height = widest = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    right = bool(option.alignment() & Qt.AlignmentFlag.AlignRight)
    return _Paragraph(layout, widest, height, right)


class BubbleDelegate(QStyledItemDelegate):
    """Draws a thread's items as chat bubbles from ``HEADER_ROLE``, ``BODY_ROLE`` and
    ``OUTGOING_ROLE``: the whole message, wrapped, in its own direction; ours on the trailing
    side. The size hint is the drawn size, so no line is ever cut off."""

    def layout(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> BubbleLayout:
        """Lays out the item at ``index`` in a row ``option.rect`` wide."""
        row_width = option.rect.width()
        text_width = max(row_width * WIDTH_SHARE - 2 * PADDING, 40.0)
        ui_direction = option.direction

        header = _lay_out(
            str(index.data(HEADER_ROLE) or ""), _header_font(option.font), text_width, ui_direction
        )
        body = _lay_out(str(index.data(BODY_ROLE) or ""), option.font, text_width, ui_direction)

        used = min(max(header.widest, body.widest), text_width)
        height = header.height + GAP + body.height + 2 * PADDING
        size = QSize(math.ceil(used + 2 * PADDING), math.ceil(height))
        side = (
            Qt.AlignmentFlag.AlignRight if index.data(OUTGOING_ROLE) else Qt.AlignmentFlag.AlignLeft
        )
        bubble = QStyle.alignedRect(ui_direction, side | TOP, size, option.rect)
        inner = QRectF(bubble).adjusted(PADDING, PADDING, -PADDING, -PADDING)

        # Lines were broken at the widest width a bubble allows; right-aligned text is
        # moved back so that it ends at this bubble's right edge.
        def at(paragraph: _Paragraph, y: float) -> QPointF:
            shift = text_width - used if paragraph.right_aligned else 0.0
            return QPointF(inner.left() - shift, inner.top() + y)

        return BubbleLayout(
            header.layout,
            body.layout,
            QRectF(bubble),
            at(header, 0.0),
            at(body, header.height + GAP),
        )

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # A row as wide as the view's visible width, whatever width the row had before: a
        # list view passes the old rect, and a hint that wide would never let the rows
        # narrow when the view does.
        sized = QStyleOptionViewItem(option)
        view = option.widget
        if isinstance(view, QListView):
            sized.rect = QRect(0, 0, view.viewport().width() - 2 * view.spacing(), 0)
        bubble = self.layout(sized, index).bubble
        return QSize(math.ceil(bubble.width()), math.ceil(bubble.height()))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        parts = self.layout(option, index)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(palette.color(QPalette.ColorRole.Highlight))
        fill.setAlpha(40)  # a tint of the accent that keeps the text readable in both themes
        if not index.data(OUTGOING_ROLE):
            fill = palette.color(QPalette.ColorRole.AlternateBase)
        painter.setBrush(fill)
        border = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Midlight
        painter.setPen(palette.color(border))
        painter.drawRoundedRect(parts.bubble.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        parts.header.draw(painter, parts.header_at)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        parts.body.draw(painter, parts.body_at)
        painter.restore()


def _header_font(font: QFont) -> QFont:
    smaller = QFont(font)
    if font.pointSizeF() > 0:
        smaller.setPointSizeF(font.pointSizeF() * 0.9)
    else:  # a style sheet sized it in pixels
        smaller.setPixelSize(max(round(font.pixelSize() * 0.9), 1))
    return smaller
