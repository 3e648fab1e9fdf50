"""The type-to-filter box and the table it filters (the inbox and the message log)."""

from __future__ import annotations

from PySide6.QtCore import Qt
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


def filter_table(proxy: QuickFilterProxy, name: str, stretch: str) -> QTableView:
    """A table of ``proxy``'s rows, selected one at a time and sorted by a header click.

    ``name`` is its accessible name; the caller picks the column it is first sorted by. The
    column titled ``stretch`` (the long text) takes the room left; the others fit their
    contents when rows arrive (not on every refresh), and no cell wraps. Raises
    ``ValueError`` when no column has that title.
    """
    view = QTableView()
    view.setModel(proxy)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    if stretch not in titles:
        raise ValueError(f"{name}: no column titled {stretch!r}")
    header.setSectionResizeMode(titles.index(stretch), QHeaderView.ResizeMode.Stretch)
    proxy.rowsInserted.connect(view.resizeColumnsToContents)
    proxy.modelReset.connect(view.resizeColumnsToContents)
    return view
