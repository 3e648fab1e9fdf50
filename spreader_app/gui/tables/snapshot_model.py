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

RoleHandler = Callable[[R, int], Any]


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
        role = Qt.ItemDataRole
        self._roles: dict[int, RoleHandler[R]] = {
            role.DisplayRole: lambda row, c: self.columns[c].text(row),
            role.AccessibleTextRole: lambda row, c: (
                f"{self.columns[c].title()}: {self.columns[c].text(row)}"
            ),
            role.TextAlignmentRole: lambda row, c: int(self.columns[c].align.value),
            role.ToolTipRole: self._tooltip,
            SORT_ROLE: lambda row, c: self.columns[c].key(row),
            VALUE_ROLE: lambda row, c: self.columns[c].value(row),
            ROW_ROLE: lambda row, c: row,
        }

    # --- Qt interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen roles per cell on every repaint: unknown roles must cost
        # almost nothing, so the role picks its handler before anything else is looked at.
        handler = self._roles.get(role)
        row = index.row()
        if handler is None or not 0 <= row < len(self._rows):
            return None
        return handler(self._rows[row], index.column())

    def set_role(self, role: int, handler: RoleHandler[R] | None) -> None:
        """Answers ``role`` with ``handler(row, column)``; ``None`` stops answering it."""
        if handler is None:
            self._roles.pop(role, None)
        else:
            self._roles[role] = handler

    def _tooltip(self, row: R, column: int) -> Any:
        tip = self.columns[column].tooltip
        return tip(row) if tip is not None else None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.title()
        if role == Qt.ItemDataRole.ToolTipRole and col.header_tooltip:
            return col.title_tooltip()
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
        changed: list[tuple[int, R]] = []
        for key, row in new_keys.items():
            at = self._index.get(key)
            if at is not None and self._rows[at] != row:
                changed.append((at, self._rows[at]))
                self._rows[at] = row
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
        changed: list[tuple[int, R]] = []
        for row in rows:
            at = self._index.get(self._key(row))
            if at is not None and self._rows[at] != row:
                changed.append((at, self._rows[at]))
                self._rows[at] = row
        self._emit_changed(changed)

    def _emit_changed(self, changed: list[tuple[int, R]]) -> None:
        """One ``dataChanged`` for the span of rows and columns that really changed.

        ``changed`` holds each replaced row's index and its previous snapshot. Views repaint
        the whole span, so naming only the changed columns (a live table's counters, not
        its names) keeps a refresh's repaint to those cells.
        """
        if not changed:
            return
        columns = [
            c
            for c, col in enumerate(self.columns)
            if any(col.value(old) != col.value(self._rows[at]) for at, old in changed)
        ]
        if not columns:  # only what no column shows changed (e.g. a tooltip's source)
            columns = [0, len(self.columns) - 1]
        rows = [at for at, _ in changed]
        self.dataChanged.emit(self.index(min(rows), columns[0]), self.index(max(rows), columns[-1]))

    def _reindex(self) -> None:
        self._index = {self._key(r): i for i, r in enumerate(self._rows)}
