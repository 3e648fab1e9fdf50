"""Recipient lists: which column holds the numbers, and numbers pasted by a person.

Everything here is blocking and CPU-bound: run it off the event loop (CAMPAIGNS.md §1). Files
are read into a :class:`~spreader_app.core.recipient_table.Table` by
:mod:`~spreader_app.core.recipient_files`; which column holds the numbers is guessed by
:func:`guess_phone_column`, and the numbers themselves are screened by
:func:`spreader_app.core.phones.screen_recipients`.
"""

from __future__ import annotations

import re

from spreader_app.core.optout import normalize_text
from spreader_app.core.phones import CONTACTS_JOIN, RejectReason, screen_recipients
from spreader_app.core.recipient_table import Table, cell_text, looks_numeric

__all__ = ["guess_phone_column", "parse_pasted"]

_SAMPLE_ROWS = 200
_MIN_PHONE_SHARE = 0.6

_HEADER_WORDS = tuple(
    normalize_text(w)
    for w in ("phone", "mobile", "whatsapp", "number", "رقم", "جوال", "هاتف", "موبايل", "واتساب")
)
_HEADER_PREFIXES = ("tel", "cell")  # only as a word start: not "hotel", "cancelled"
_HEADER_TOKENS = re.compile(r"[^\W_]+")


def _is_phone_header(name: str) -> bool:
    tokens = _HEADER_TOKENS.findall(normalize_text(name))
    return any(
        any(word in token for word in _HEADER_WORDS) or token.startswith(_HEADER_PREFIXES)
        for token in tokens
    )


def guess_phone_column(table: Table, region: str = "") -> int | None:
    """The column most likely to hold the phone numbers, or ``None`` if none qualifies.

    Each column is scored by the share of valid numbers among the non-empty cells of its first
    200 rows; at least 60 % is needed. Ties go to a column whose header names a phone
    (``phone, mobile, whatsapp, number, tel, cell``, ``رقم، جوال، هاتف، موبايل، واتساب``), then
    to the leftmost. When no column qualifies (local numbers before a region is set), the
    first column with such a header whose cells are mostly digits is taken. Raises
    :class:`ValidationFailed` for an unknown region.
    """
    best: tuple[float, bool, int] | None = None
    sample = table.rows[:_SAMPLE_ROWS]
    named_digits: int | None = None
    for index, header in enumerate(table.headers):
        if named_digits is None and table.has_header and _is_phone_header(header):
            cells = [row[index] for row in sample if cell_text(row[index]).strip()]
            numeric = sum(1 for cell in cells if looks_numeric(cell) or CONTACTS_JOIN in str(cell))
            if cells and numeric >= _MIN_PHONE_SHARE * len(cells):
                named_digits = index
        screening = screen_recipients((row[index] for row in sample), region)
        empty = sum(1 for r in screening.rejected if r.reason is RejectReason.EMPTY)
        filled = screening.total - empty
        if not filled:
            continue
        share = (screening.valid_count + screening.duplicate_count) / filled
        named = table.has_header and _is_phone_header(header)
        score = (share, named, -index)
        if share >= _MIN_PHONE_SHARE and (best is None or score > best):
            best = score
    return named_digits if best is None else -best[2]


_PASTE_SEPARATORS = re.compile(r"[\r\n,;\t|\u060c\u061b]+")
_BEFORE_PLUS = re.compile(r"\s+(?=\+)")
# A whitespace-separated token this long is a whole number on its own; people group a single
# number in shorter blocks ("+20 106 618 3456", "050 123 4567").
_WHOLE_NUMBER_DIGITS = 7


def parse_pasted(text: str) -> list[str]:
    """Split numbers pasted by a person into one string per number (not yet validated).

    Numbers are separated by line breaks, commas, semicolons, tabs, ``|`` and the Arabic
    comma and semicolon. Inside one piece, whitespace separates numbers only where it is
    followed by ``+``, or where every whitespace-separated token has at least 7 digits; so
    ``+20 106 618 3456`` stays one number while ``01066183456 01112345678`` is two. Blank
    pieces are dropped; anything else is kept, for screening to reject visibly.
    """
    numbers: list[str] = []
    for piece in _PASTE_SEPARATORS.split(text):
        for part in _BEFORE_PLUS.split(piece.strip()):
            tokens = part.split()
            if len(tokens) > 1 and all(
                sum(ch.isdigit() for ch in token) >= _WHOLE_NUMBER_DIGITS for token in tokens
            ):
                numbers.extend(tokens)
            elif tokens:
                numbers.append(part.strip())
    return numbers
