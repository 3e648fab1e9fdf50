"""A recipient list sorted into buckets: valid, rejected, duplicate and suppressed.

Every input ends in exactly one bucket of a :class:`Screening` (CAMPAIGNS.md §1).
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from spreader_app.core.phone_cells import normalize_cell
from spreader_app.core.phone_check import Outcome, classify, normalize_region, raw_text
from spreader_app.core.phone_reasons import RejectReason


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """An input that is not a usable recipient. ``row`` is its 0-based position in the input."""

    row: int
    raw: str
    reason: RejectReason
    message: str


@dataclass(frozen=True, slots=True)
class DuplicateRow:
    """A repeat of an earlier valid input; ``first_row`` is where that number first appeared."""

    row: int
    raw: str
    e164: str
    first_row: int


@dataclass(frozen=True, slots=True)
class SuppressedRow:
    """A valid number that must not be messaged (opted out or otherwise suppressed)."""

    row: int
    raw: str
    e164: str


@dataclass(frozen=True, slots=True)
class PickedRow:
    """A cell holding several numbers (Google Contacts joins them with `` ::: ``): ``chosen``
    is the first mobile one, the number used."""

    row: int
    raw: str
    chosen: str


CONTACTS_JOIN = ":::"


def _first_mobile(raw: str, region: str | None, known: dict[str, Outcome]) -> str | RejectReason:
    """The first part of a `` ::: ``-joined cell that is a valid mobile number, else the
    reason the first part was rejected."""
    first: RejectReason | None = None
    for part in raw.split(CONTACTS_JOIN):
        cell = normalize_cell(part)
        if isinstance(cell, RejectReason):
            first = first or cell
            continue
        outcome = known.get(cell)
        if outcome is None:
            outcome = known[cell] = classify(cell, region)
        if outcome[1] is None and outcome[0] is not None:
            return cell
        first = first or outcome[1] or RejectReason.INVALID_NUMBER
    return first or RejectReason.EMPTY


@dataclass(frozen=True, slots=True)
class Screening:
    """Every input of a screening in exactly one bucket.

    ``valid`` holds unique E.164 numbers in first-seen order and ``valid_rows`` the 0-based input
    position of each (same length), so callers can attach the rest of that row.
    """

    valid: list[str] = field(default_factory=list)
    valid_rows: list[int] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)
    suppressed: list[SuppressedRow] = field(default_factory=list)
    # Cells with several numbers where the first mobile was taken (they are also counted in
    # the bucket that number fell in).
    picked: list[PickedRow] = field(default_factory=list)

    @property
    def valid_count(self) -> int:
        return len(self.valid)

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)

    @property
    def duplicate_count(self) -> int:
        return len(self.duplicates)

    @property
    def suppressed_count(self) -> int:
        return len(self.suppressed)

    @property
    def total(self) -> int:
        """Number of inputs screened: the sum of the four buckets."""
        return self.valid_count + self.rejected_count + self.duplicate_count + self.suppressed_count


def screen_recipients(
    raws: Iterable[object], region: str = "", suppressed: Container[str] = ()
) -> Screening:
    """Sort recipient inputs into valid, rejected, duplicate and suppressed buckets.

    A valid number found in ``suppressed`` (E.164 strings; pass a set, it is probed once per
    valid input) goes to ``suppressed`` every time it occurs; otherwise the second and later
    occurrences of a number are duplicates of the first. CPU-bound (about 5 µs per distinct
    number in the usual shapes, half a second for 100,000): run large lists off the event
    loop. Raises :class:`ValidationFailed` only for an unknown region.
    """
    default_region = normalize_region(region)
    result = Screening()
    first_seen: dict[str, int] = {}
    known: dict[str, Outcome] = {}
    for row, raw in enumerate(raws):
        cell = normalize_cell(raw)
        if cell is RejectReason.NOT_A_NUMBER and isinstance(raw, str) and CONTACTS_JOIN in raw:
            cell = _first_mobile(raw, default_region, known)
            if not isinstance(cell, RejectReason):
                result.picked.append(PickedRow(row, raw, cell))
        if isinstance(cell, RejectReason):
            result.rejected.append(RejectedRow(row, raw_text(raw), cell, cell.message))
            continue
        outcome = known.get(cell)
        if outcome is None:
            outcome = known[cell] = classify(cell, default_region)
        e164, reason, _ = outcome
        if reason is not None or e164 is None:
            failure = reason or RejectReason.INVALID_NUMBER
            result.rejected.append(RejectedRow(row, raw_text(raw), failure, failure.message))
        elif e164 in suppressed:
            result.suppressed.append(SuppressedRow(row, raw_text(raw), e164))
        elif e164 in first_seen:
            result.duplicates.append(DuplicateRow(row, raw_text(raw), e164, first_seen[e164]))
        else:
            first_seen[e164] = row
            result.valid.append(e164)
            result.valid_rows.append(row)
    return result
