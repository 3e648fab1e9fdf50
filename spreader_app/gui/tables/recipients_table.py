"""Item models of the send panel: recipients that will not be messaged, and a file preview.

``RejectedTableModel`` lists every input a screening did not accept (invalid, duplicate,
suppressed) with its reason, so nothing is dropped silently (CAMPAIGNS.md §1);
``write_rejected_csv`` exports the same rows. ``TablePreviewModel`` shows the first rows of
an imported recipient file so the person can pick the phone column.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from spreader_app.core.bidi import first_strong_isolated
from spreader_app.core.phones import BIDI_ISOLATE_END, BIDI_ISOLATE_START, Screening, display
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, shown, translate
from spreader_app.gui.tables.columns import Column
from spreader_app.gui.tables.snapshot_model import SnapshotTableModel

DUPLICATE = "duplicate"
OPTED_OUT = "opted_out"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class RejectedEntry:
    """One input that will not be messaged.

    ``row`` is the 1-based row a person finds it at (line of the paste, row of the file);
    ``reason`` is the code the engine records as the skip reason (``invalid:<RejectReason>``,
    ``duplicate`` or ``opted_out``) and ``message`` says what to do about it.
    """

    row: int
    raw: str
    reason: str
    message: str


def rejected_entries(screening: Screening, first_row: int = 1) -> list[RejectedEntry]:
    """Every input of ``screening`` that is not a valid recipient, in input order.

    ``first_row`` is the row number people see for input 0 (2 for a file with a header row).
    """
    out = [
        RejectedEntry(r.row + first_row, r.raw, f"invalid:{r.reason.value}", shown(r.reason.text))
        for r in screening.rejected
    ]
    out += [
        RejectedEntry(
            d.row + first_row,
            d.raw,
            DUPLICATE,
            translate("RecipientsTable", "Same number as row {row} ({number}); sent once.").format(
                row=d.first_row + first_row, number=display(d.e164)
            ),
        )
        for d in screening.duplicates
    ]
    out += [
        RejectedEntry(
            s.row + first_row,
            s.raw,
            OPTED_OUT,
            translate(
                "RecipientsTable",
                "{number} opted out or is suppressed in this package; it is skipped.",
            ).format(number=display(s.e164)),
        )
        for s in screening.suppressed
    ]
    out.sort(key=lambda e: e.row)
    return out


_REASON_LABELS = {
    "empty": QT_TRANSLATE_NOOP("RecipientsTable", "Empty"),
    "scientific_notation": QT_TRANSLATE_NOOP("RecipientsTable", "Scientific notation"),
    "not_a_number": QT_TRANSLATE_NOOP("RecipientsTable", "Not a number"),
    "missing_country_code": QT_TRANSLATE_NOOP("RecipientsTable", "Missing country code"),
    "invalid_country_code": QT_TRANSLATE_NOOP("RecipientsTable", "Invalid country code"),
    "too_short": QT_TRANSLATE_NOOP("RecipientsTable", "Too short"),
    "too_long": QT_TRANSLATE_NOOP("RecipientsTable", "Too long"),
    "invalid_number": QT_TRANSLATE_NOOP("RecipientsTable", "Invalid number"),
    "not_mobile": QT_TRANSLATE_NOOP("RecipientsTable", "Not mobile"),
    DUPLICATE: QT_TRANSLATE_NOOP("RecipientsTable", "Duplicate"),
    OPTED_OUT: QT_TRANSLATE_NOOP("RecipientsTable", "Opted out"),
}


def reason_label(reason: str) -> str:
    """A short name for a skip reason code: ``invalid:too_short`` → ``Too short``."""
    code = reason.removeprefix("invalid:")
    label = _REASON_LABELS.get(code)
    if label is None:
        return code.replace("_", " ").capitalize()
    return translate("RecipientsTable", label)


def _isolated(raw: str) -> str:
    return f"{BIDI_ISOLATE_START}{raw}{BIDI_ISOLATE_END}"


REJECTED_COLUMNS: tuple[Column[RejectedEntry], ...] = (
    Column(
        QT_TRANSLATE_NOOP("Column", "Row"),
        lambda e: e.row,
        align=_RIGHT,
        header_tooltip=QT_TRANSLATE_NOOP("Column", "Row in the file or the paste"),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Value"),
        lambda e: e.raw,
        display=_isolated,
        header_tooltip=QT_TRANSLATE_NOOP("Column", "The value as given"),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Problem"),
        lambda e: e.reason,
        display=reason_label,
        tooltip=lambda e: e.message,
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "What to do"), lambda e: e.message, tooltip=lambda e: e.message
    ),
)


class RejectedTableModel(SnapshotTableModel[RejectedEntry]):
    """Rows are :class:`RejectedEntry` keyed by row number."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(REJECTED_COLUMNS, key=lambda e: e.row, parent=parent)


_FORMULA_START = ("=", "@", "\t", "\r")
_PHONE_CHARS = frozenset("0123456789 +-().")


def _csv_safe(text: str) -> str:
    # A spreadsheet would run a cell starting like a formula; phone-shaped text is harmless.
    risky = text.startswith(_FORMULA_START) or (
        text[:1] in ("+", "-") and not set(text) <= _PHONE_CHARS
    )
    return f"'{text}" if risky else text


def write_rejected_csv(path: Path, entries: Sequence[RejectedEntry]) -> None:
    """Writes ``row,value,reason,message`` rows to ``path``.

    UTF-8 with a byte-order mark, so Excel shows Arabic text correctly. Cells that a
    spreadsheet would run as a formula get a leading ``'``. Raises ``OSError`` when the file
    cannot be written.
    """
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["row", "value", "reason", "message"])
        for e in entries:
            writer.writerow([e.row, _csv_safe(e.raw), e.reason, _csv_safe(e.message)])


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One row of an imported file as text; ``number`` is its 1-based row in the file."""

    number: int
    cells: tuple[str, ...]


def _preview_column(index: int, header: str) -> Column[PreviewRow]:
    return Column(header, lambda r: r.cells[index], display=first_strong_isolated)


class TablePreviewModel(SnapshotTableModel[PreviewRow]):
    """The first rows of an imported file; its columns follow the file's headers."""

    def __init__(self, parent: object = None) -> None:
        super().__init__([], key=lambda r: r.number, parent=parent)

    def show_table(self, headers: Sequence[str], rows: Sequence[PreviewRow]) -> None:
        """Replaces columns and rows in one model reset."""
        self.beginResetModel()
        self.columns = [_preview_column(i, h) for i, h in enumerate(headers)]
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            row = self.row_at(section)
            if row is not None and role == Qt.ItemDataRole.DisplayRole:
                return str(row.number)
            return None
        return super().headerData(section, orientation, role)
