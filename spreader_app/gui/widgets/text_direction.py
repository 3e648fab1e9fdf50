"""Showing people's text in its own direction: Arabic right to left, English left to right.

``core.bidi.text_direction`` decides; these helpers apply the decision to Qt's text layouts,
editors, labels, table cells and tooltips.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QTextOption
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStyledItemDelegate, QStyleOptionViewItem

from spreader_app.core.bidi import Direction, isolate_numbers, text_direction
from spreader_app.gui.widgets.accessibility import show_value

LTR = Qt.LayoutDirection.LeftToRight
RTL = Qt.LayoutDirection.RightToLeft


def layout_direction(text: str, fallback: Qt.LayoutDirection = LTR) -> Qt.LayoutDirection:
    """The Qt direction of ``text``; ``fallback`` when no letter decides (digits, emoji)."""
    found = text_direction(text)
    if found is None:
        return fallback
    return RTL if found is Direction.RTL else LTR


def leading_edge(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """The side a paragraph in ``direction`` starts from, as an absolute alignment (Qt would
    otherwise mirror a plain left alignment by the widget's direction, not the text's)."""
    side = Qt.AlignmentFlag.AlignRight if direction == RTL else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute


def text_option(text: str, fallback: Qt.LayoutDirection = LTR) -> QTextOption:
    """A word-wrapping ``QTextOption`` reading ``text`` in its direction from its leading edge.

    Words longer than a line (links, long numbers) break anywhere rather than overflow.
    """
    direction = layout_direction(text, fallback)
    option = QTextOption(leading_edge(direction))
    option.setTextDirection(direction)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def follow_text_direction(editor: QPlainTextEdit) -> None:
    """Keeps ``editor``'s text in its own direction as it is typed or set: a message starting
    in Arabic reads right to left from the right edge, as the customer will see it."""

    def update() -> None:
        document = editor.document()
        current = document.defaultTextOption()
        direction = layout_direction(editor.toPlainText(), editor.layoutDirection())
        if current.textDirection() == direction:
            return  # a new option lays the whole document out again: only on a change
        current.setTextDirection(direction)
        current.setAlignment(leading_edge(direction))
        document.setDefaultTextOption(current)

    editor.textChanged.connect(update)
    update()


def show_text(label: QLabel, text: str) -> None:
    """Shows ``text`` in ``label`` (plain text, wrapped) in its own direction, its phone
    numbers kept in order."""
    direction = layout_direction(text, QGuiApplication.layoutDirection())
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setLayoutDirection(direction)
    label.setAlignment(leading_edge(direction) | Qt.AlignmentFlag.AlignTop)
    show_value(label, isolate_numbers(text))


def tooltip_html(text: str) -> str:
    """``text`` as a tooltip that wraps and reads in its own direction.

    Qt wraps only rich-text tooltips, and guesses a plain string that looks like markup to be
    markup; escaped HTML gives both the wrapping and the guarantee that ``<b>`` in a customer's
    message is shown, not applied.
    """
    if not text:
        return ""
    direction = "rtl" if text_direction(text) is Direction.RTL else "ltr"
    shown = html.escape(isolate_numbers(text))
    return (
        f'<p dir="{direction}" style="white-space: pre-wrap">{shown}</p>'  # not translated: markup
    )


class DirectedTextDelegate(QStyledItemDelegate):
    """Draws each table cell's text in its own direction (the view's when no letter decides),
    so an Arabic message reads right to left and a mixed one keeps its order, numbers too."""

    def initStyleOption(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction = layout_direction(option.text, option.direction)
        option.text = isolate_numbers(option.text)
