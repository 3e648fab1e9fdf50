"""One setup for the live, sortable, one-row-at-a-time tables (packages, profiles)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QTableView

from spreader_app.gui.tables.snapshot_model import SORT_ROLE


def setup_live_table(
    table: QTableView, source: QAbstractItemModel, name: str
) -> QSortFilterProxyModel:
    """Shows ``source`` in ``table`` sorted by its first column; returns the sorting proxy.

    Rows are selected one at a time and not edited in place. Columns fit their contents
    when rows arrive, not on every value change: a table refreshed many times a second
    during a campaign would otherwise measure every cell each time (this kept the event
    loop busy for tens of milliseconds per refresh). ``name`` is the table's accessible
    name; Qt's select-all corner button is named after it too.
    """
    proxy = QSortFilterProxyModel(table)
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    table.setAccessibleName(name)
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().hide()
    table.setCornerButtonEnabled(False)
    corner = table.findChild(QAbstractButton)
    if corner is not None:  # Qt's own select-all corner: named for assistive tools
        corner.setAccessibleName(f"Select all {name.lower()}")
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    proxy.rowsInserted.connect(table.resizeColumnsToContents)
    proxy.modelReset.connect(table.resizeColumnsToContents)
    return proxy
