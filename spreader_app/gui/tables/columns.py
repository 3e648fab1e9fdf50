"""``Column``: how one field of a row snapshot shows in a table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt

from spreader_app.gui.i18n import translate

R = TypeVar("R")
COLUMN_CONTEXT = "Column"
"""The translation context of every column header and header tooltip: write them as
``QT_TRANSLATE_NOOP("Column", "Name")``; ``title()`` and ``title_tooltip()`` translate."""


@dataclass(frozen=True)
class Column(Generic[R]):
    """Header, value getter, display formatter, alignment, sort key and tooltip of a column.

    ``header`` and ``header_tooltip`` are English source texts (see ``COLUMN_CONTEXT``).
    """

    header: str
    value: Callable[[R], Any]
    display: Callable[[Any], str] = str
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    sort_key: Callable[[Any], Any] | None = None
    tooltip: Callable[[R], str] | None = None
    header_tooltip: str = ""

    def title(self) -> str:
        """The header in the interface language."""
        return translate(COLUMN_CONTEXT, self.header)

    def title_tooltip(self) -> str:
        """The header's tooltip in the interface language, ``""`` when it has none."""
        return translate(COLUMN_CONTEXT, self.header_tooltip) if self.header_tooltip else ""

    def text(self, row: R) -> str:
        value = self.value(row)
        return "" if value is None else self.display(value)

    def key(self, row: R) -> Any:
        value = self.value(row)
        if self.sort_key is not None:
            return self.sort_key(value)
        return value
