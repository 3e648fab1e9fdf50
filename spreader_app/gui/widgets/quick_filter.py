"""The type-to-filter box and the table it filters (the inbox and the message log)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView

from spreader_app.gui.tables.messages_table import QuickFilterProxy


def filter_edit(proxy: QuickFilterProxy, name: str, placeholder: str, tip: str) -> QLineEdit:
    """A line edit, with a clear button, whose words filter ``proxy`` as they are typed."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setToolTip(tip)
    edit.setClearButtonEnabled(True)
    edit.textChanged.connect(proxy.set_query)
    return edit


def filter_table(proxy: QuickFilterProxy, name: str) -> QTableView:
    """A table of ``proxy``'s rows, selected one at a time and sorted by a header click.

    ``name`` is its accessible name; the caller picks the column it is first sorted by.
    """
    view = QTableView()
    view.setModel(proxy)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view
