"""A recipient list as read (:class:`Table`), and its cells as text for display and
personalisation.

The sentences keep the translation context ``Recipients`` (they were written in
``recipients.py``), so the catalogues' entries still match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.phones import RejectReason, normalize_cell
from spreader_app.core.text import Text


@dataclass(slots=True)
class Table:
    """A recipient list as read, before any column is chosen.

    ``rows`` exclude the header row and blank rows, and all have ``len(headers)`` cells: text
    for text files; for spreadsheets whatever the cell held (``str``, ``float`` for every
    number, ``bool``, ``datetime`` ...). Headers are unique and never empty (``Column 3`` when
    the file has no header or a blank one). ``encoding`` and ``delimiter`` are empty for
    spreadsheets; ``delimiter`` is also empty for a plain one-number-per-line list. ``sheet`` is
    the sheet read and ``sheets`` every sheet of the workbook, in order.
    """

    headers: list[str]
    rows: list[list[object]]
    encoding: str = ""
    delimiter: str = ""
    has_header: bool = False
    warnings: list[Text] = field(default_factory=list)
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)


def build_table(raw_rows: list[list[object]], has_header: bool | None) -> Table:
    rows = [row for row in raw_rows if any(cell_text(cell).strip() for cell in row)]
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    if not rows:
        has_header = False
    elif has_header is None:
        has_header = not any(looks_numeric(cell) for cell in rows[0])
    names = [cell_text(cell).strip() for cell in rows[0]] if has_header else [""] * width
    return Table(
        headers=_unique_headers(names), rows=rows[1:] if has_header else rows, has_header=has_header
    )


def looks_numeric(cell: object) -> bool:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return True
    normalized = normalize_cell(cell)
    return normalized in _LOST_DIGITS or not isinstance(normalized, RejectReason)


_LOST_DIGITS = (RejectReason.SCIENTIFIC_NOTATION, RejectReason.EXCEL_ROUNDED)


def _unique_headers(names: list[str]) -> list[str]:
    headers: list[str] = []
    taken: set[str] = set()
    for index, name in enumerate(names):
        base = name or f"Column {index + 1}"
        candidate, copy = base, 2
        while candidate in taken:
            candidate, copy = f"{base} ({copy})", copy + 1
        headers.append(candidate)
        taken.add(candidate)
    return headers


def cell_text(value: object) -> str:
    """A cell as text for display and personalisation: whole floats without ``.0``, dates ISO."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def column_values(table: Table, index: int) -> list[object]:
    """The cells of one column, in row order. Raises :class:`ValidationFailed` if out of range."""
    _check_column(table, index)
    return [row[index] for row in table.rows]


def row_values(table: Table, row: int, *, skip: int | None = None) -> dict[str, str]:
    """One row as ``{header: text}`` for personalisation, without column ``skip`` (the phone).

    Raises :class:`ValidationFailed` when ``row`` is out of range.
    """
    if not 0 <= row < len(table.rows):
        raise ValidationFailed(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients",
                    "Row {row} does not exist: the table has {count} rows (0 to {last}).",
                ),
                row=row,
                count=len(table.rows),
                last=len(table.rows) - 1,
            )
        )
    cells = table.rows[row]
    return {h: cell_text(cells[i]) for i, h in enumerate(table.headers) if i != skip}


def _check_column(table: Table, index: int) -> None:
    if not 0 <= index < len(table.headers):
        raise ValidationFailed(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients",
                    "Column {column} does not exist: the table has {count} columns (0 to {last}).",
                ),
                column=index,
                count=len(table.headers),
                last=len(table.headers) - 1,
            ),
            details=[{"field": "column", "message": "out of range"}],
        )
