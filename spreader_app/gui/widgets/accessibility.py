"""What assistive tools read: names for the parts Qt builds inside composite controls, and
the changing text of labels that carry a value."""

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

from spreader_app.gui.i18n import translate


def name_internals(root: QWidget) -> None:
    """Names the parts Qt builds inside composite controls (a spin box's text field, a line
    edit's clear button, a table's select-all corner) after the control that owns them, so
    assistive tools never meet an unnamed control. Parts already named are left alone."""
    for child in root.findChildren(QAbstractButton) + root.findChildren(QLineEdit):
        owner = child.parentWidget()
        if child.accessibleName() or owner is None or not owner.accessibleName():
            continue
        if isinstance(owner, QTableView):
            text = translate("Accessibility", "Select all {table}")
            child.setAccessibleName(text.format(table=owner.accessibleName()))
        elif isinstance(owner, QLineEdit):
            text = translate("Accessibility", "Clear {field}")
            child.setAccessibleName(text.format(field=owner.accessibleName()))
        elif isinstance(owner, QAbstractSpinBox | QComboBox):
            child.setAccessibleName(owner.accessibleName())


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label naming ``widget``; its ``&`` mnemonic (Alt+letter) moves the focus there."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def show_value(label: QLabel, text: str) -> None:
    """Shows ``text`` in ``label`` and gives assistive tools the same text as the label's
    accessible description, which Qt announces as changed (``DescriptionChanged``).

    A label with an accessible name ("Sent") reports that name instead of its text, and Qt's
    label interface has no value, so without this a screen reader keeps saying "Sent" however
    the count changes. A label without a name already reads its text as its name, so it gets
    no description and nothing is read twice. Labels whose text changes at run time are set
    through here."""
    label.setText(text)
    if label.accessibleName():
        label.setAccessibleDescription(text)
