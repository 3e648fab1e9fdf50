"""One setup for the live, sortable, one-row-at-a-time tables (packages, profiles)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QTableView

from spreader_app.gui.i18n import translate
from spreader_app.gui.tables.snapshot_model import SORT_ROLE
from spreader_app.gui.widgets.text_direction import DirectedTextDelegate


def setup_live_table(
    table: QTableView, source: QAbstractItemModel, name: str
) -> QSortFilterProxyModel:
    """Shows ``source`` in ``table`` sorted by its first column; returns the sorting proxy.

    As ``configure_table``, with a proxy that sorts by ``SORT_ROLE`` and the last column
    taking the room left.
    """
    proxy = QSortFilterProxyModel(table)
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    configure_table(table, proxy, name)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.horizontalHeader().setStretchLastSection(True)
    return proxy


def configure_table(table: QTableView, proxy: QSortFilterProxyModel, name: str) -> None:
    """Shows ``proxy`` (a sorting proxy with its source set) in ``table``.

    Rows are selected one at a time and not edited in place; a header click sorts. Columns
    fit their contents when the source's rows arrive, not on every value change nor when a
    filter brings rows back: a table refreshed many times a second during a campaign would
    otherwise measure every cell each time (this kept the event loop busy for tens of
    milliseconds per refresh). Each cell's text reads in its own direction. ``name`` is the
    table's accessible name; Qt's select-all corner button is named after it too.
    """
    table.setAccessibleName(name)
    table.setModel(proxy)
    table.setItemDelegate(DirectedTextDelegate(table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.verticalHeader().hide()
    table.setCornerButtonEnabled(False)
    corner = table.findChild(QAbstractButton)
    if corner is not None:  # Qt's own select-all corner: named for assistive tools
        corner.setAccessibleName(translate("LiveTable", "Select all {table}").format(table=name))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    source = proxy.sourceModel()
    source.rowsInserted.connect(table.resizeColumnsToContents)
    source.modelReset.connect(table.resizeColumnsToContents)
