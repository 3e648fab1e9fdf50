"""Style roles: the ``role`` property by which ``base.qss`` styles labels and buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from spreader_app.gui.widgets.accessibility import show_value


def set_role(widget: QWidget, role: str) -> None:
    """Switches a widget's style role (``ok``, ``error``, ``hint``, ``primary``) and re-applies
    the style sheet, which does not notice property changes by itself."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def error_label() -> QLabel:
    """A hidden, word-wrapped label in the ``error`` role, for a message shown on failure."""
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    """Shows ``text`` in ``label`` (and to assistive tools); an empty text hides the label."""
    show_value(label, text)
    label.setVisible(bool(text))
