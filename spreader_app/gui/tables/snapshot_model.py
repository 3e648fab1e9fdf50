"""A ``QAbstractTableModel`` over immutable row snapshots keyed by id, updated by diff.

``apply(rows)`` compares the new snapshot list with the current one: new ids are inserted
(``beginInsertRows``), changed rows emit ``dataChanged``, missing ids are removed
(``beginRemoveRows``). Views keep selection and scroll position through live updates; a
full reset happens only through ``reset(rows)``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from spreader_app.gui.tables.columns import Column

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
VALUE_ROLE = Qt.ItemDataRole.UserRole + 3


class SnapshotTableModel(QAbstractTableModel, Generic[R]):
    """Rows are immutable snapshots; ``key(row)`` identifies a row across updates."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        key: Callable[[R], Hashable],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._key = key
        self._rows: list[R] = []
        self._index: dict[Hashable, int] = {}

    # --- Qt interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{col.header}: {col.text(row)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        if role == SORT_ROLE:
            return col.key(row)
        if role == VALUE_ROLE:
            return col.value(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.header
        if role == Qt.ItemDataRole.ToolTipRole and col.header_tooltip:
            return col.header_tooltip
        return None

    # --- snapshots -----------------------------------------------------------------------

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_for(self, key: Hashable) -> int | None:
        return self._index.get(key)

    def reset(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def apply(self, rows: Sequence[R]) -> None:
        """Brings the model to ``rows`` (in that order for new rows) with minimal signals."""
        new_keys = {self._key(r): r for r in rows}
        # Remove vanished rows from the bottom up so indexes stay valid.
        for i in range(len(self._rows) - 1, -1, -1):
            if self._key(self._rows[i]) not in new_keys:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        self._reindex()
        changed: list[int] = []
        for key, row in new_keys.items():
            at = self._index.get(key)
            if at is not None and self._rows[at] != row:
                self._rows[at] = row
                changed.append(at)
        self._emit_changed(changed)
        fresh = [r for k, r in new_keys.items() if k not in self._index]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
            self._reindex()

    def update_rows(self, rows: Sequence[R]) -> None:
        """Replaces the rows whose keys are present; other rows stay (partial live update)."""
        changed: list[int] = []
        for row in rows:
            at = self._index.get(self._key(row))
            if at is not None and self._rows[at] != row:
                self._rows[at] = row
                changed.append(at)
        self._emit_changed(changed)

    def _emit_changed(self, rows: list[int]) -> None:
        # One signal for the whole span: views that size columns to their contents re-measure
        # once per update instead of once per changed row.
        if rows:
            last_col = len(self.columns) - 1
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), last_col))

    def _reindex(self) -> None:
        self._index = {self._key(r): i for i, r in enumerate(self._rows)}
