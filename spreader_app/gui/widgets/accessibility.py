"""Accessible names for the parts Qt builds inside composite controls."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)


def name_internals(root: QWidget) -> None:
    """Names the parts Qt builds inside composite controls (a spin box's text field, a line
    edit's clear button, a table's select-all corner) after the control that owns them, so
    assistive tools never meet an unnamed control. Parts already named are left alone."""
    for child in root.findChildren(QAbstractButton) + root.findChildren(QLineEdit):
        owner = child.parentWidget()
        if child.accessibleName() or owner is None or not owner.accessibleName():
            continue
        if isinstance(owner, QTableView):
            child.setAccessibleName(f"Select all {owner.accessibleName()}")
        elif isinstance(owner, QLineEdit):
            child.setAccessibleName(f"Clear {owner.accessibleName()}")
        elif isinstance(owner, QAbstractSpinBox | QComboBox):
            child.setAccessibleName(owner.accessibleName())


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label naming ``widget``; its ``&`` mnemonic (Alt+letter) moves the focus there."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
