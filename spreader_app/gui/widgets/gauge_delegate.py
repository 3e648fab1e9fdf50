"""Limit gauges painted in table cells: the cell's text beside a bar coloured by headroom.

The bar reads ``VALUE_ROLE``: a ``(used, cap)`` pair or a fraction in ``[0, 1]``. The text is
the cell's ``DisplayRole``, so the model decides what the numbers say and the delegate only
draws. No cell widgets: one delegate paints every row, however many refreshes arrive.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from spreader_app.gui.tables.snapshot_model import VALUE_ROLE

# Headroom is the share of the cap still free. Amber warns early enough to act (a third of
# the cap left); red means the next few sends hit the cap.
AMBER_BELOW = 0.30
RED_AT_OR_BELOW = 0.10

BAR_HEIGHT = 8
BAR_MIN_WIDTH = 40
PADDING = 6


class GaugeLevel(enum.StrEnum):
    """How much room a gauge shows: plenty, getting low, (nearly) none."""

    OK = "ok"
    LOW = "low"
    OUT = "out"


LEVEL_COLORS = {
    GaugeLevel.OK: QColor("#2e9d5b"),
    GaugeLevel.LOW: QColor("#e0a100"),
    GaugeLevel.OUT: QColor("#d64545"),
}


def gauge_fraction(value: Any) -> float | None:
    """The filled share of a bar for a ``VALUE_ROLE`` value, clamped to ``[0, 1]``.

    ``(used, cap)`` gives ``used / cap`` (a cap of 0 or less counts as full); a number is
    taken as the fraction itself; anything else (``None``, text) gives ``None``: no bar.
    """
    if isinstance(value, tuple) and len(value) == 2:
        used, cap = value
        if not _is_number(used) or not _is_number(cap):
            return None
        fraction = 1.0 if cap <= 0 else used / cap
    elif _is_number(value):
        fraction = float(value)
    else:
        return None
    return min(1.0, max(0.0, fraction))


def headroom_level(fraction: float, *, higher_is_better: bool = False) -> GaugeLevel:
    """The colour level of a bar filled to ``fraction``.

    For usage gauges (the default) the headroom is what is left, ``1 - fraction``; for
    ``higher_is_better`` gauges such as health the fraction itself is the headroom.
    At most 10 % headroom is ``OUT`` (red), under 30 % ``LOW`` (amber), else ``OK`` (green).
    """
    headroom = fraction if higher_is_better else 1.0 - fraction
    if headroom <= RED_AT_OR_BELOW:
        return GaugeLevel.OUT
    if headroom < AMBER_BELOW:
        return GaugeLevel.LOW
    return GaugeLevel.OK


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class GaugeDelegate(QStyledItemDelegate):
    """Paints the cell's text, then a rounded bar in the rest of the cell; right to left
    (text at the right, the bar filling from the right) in a right-to-left layout.

    ``higher_is_better`` flips the colouring for gauges where a full bar is good (health).
    Cells whose value is not a gauge value are painted as plain text.
    """

    def __init__(self, parent: Any = None, *, higher_is_better: bool = False) -> None:
        super().__init__(parent)
        self.higher_is_better = higher_is_better

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        fraction = gauge_fraction(index.data(VALUE_ROLE))
        if fraction is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background, selection and focus frame exactly as the style draws any other cell.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        rect: QRect = opt.rect.adjusted(PADDING, 0, -PADDING, 0)
        # Laid out left to right, then mirrored within the cell for a right-to-left layout.
        direction = opt.direction

        def placed(r: QRectF) -> QRectF:
            return QRectF(QStyle.visualRect(direction, rect, r.toAlignedRect()))

        text_width = opt.fontMetrics.horizontalAdvance(text) if text else 0
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if text:
                painter.setPen(opt.palette.color(text_role))
                painter.drawText(
                    placed(QRectF(rect.left(), rect.top(), text_width, rect.height())),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
            bar_left = rect.left() + (text_width + PADDING if text else 0)
            bar_width = rect.right() - bar_left
            if bar_width >= BAR_MIN_WIDTH // 2:
                top = rect.top() + (rect.height() - BAR_HEIGHT) / 2
                track = placed(QRectF(bar_left, top, bar_width, BAR_HEIGHT))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(opt.palette.color(QPalette.ColorRole.Midlight))
                painter.drawRoundedRect(track, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
                if fraction > 0:
                    filled = QRectF(bar_left, top, bar_width, BAR_HEIGHT)
                    filled.setWidth(min(bar_width, max(BAR_HEIGHT, bar_width * fraction)))
                    filled = placed(filled)
                    level = headroom_level(fraction, higher_is_better=self.higher_is_better)
                    painter.setBrush(LEVEL_COLORS[level])
                    painter.drawRoundedRect(filled, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        finally:
            painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if gauge_fraction(index.data(VALUE_ROLE)) is None:
            return size
        return QSize(size.width() + BAR_MIN_WIDTH + 2 * PADDING, size.height())
