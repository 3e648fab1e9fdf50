"""One spreadsheet cell or pasted text to ``digits``/``+digits``, or the reason it is none."""

from __future__ import annotations

import math
import re
import unicodedata

from spreader_app.core.phone_reasons import RejectReason

_INVISIBLE_MARKS = (
    [chr(c) for c in range(0x200B, 0x2010)]  # zero-width space/joiners, LRM, RLM
    + [chr(c) for c in range(0x202A, 0x202F)]  # embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # isolates
    + ["\ufeff", "\u061c", "\u2060"]  # BOM/ZWNBSP, Arabic letter mark, word joiner
)
_WHITESPACE = list("\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") + [
    chr(c) for c in range(0x2000, 0x200B)
]
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
_CLEAN = str.maketrans(_DIGITS | dict.fromkeys(map(ord, _INVISIBLE_MARKS + _WHITESPACE)))
_SEPARATORS = str.maketrans(dict.fromkeys(map(ord, "-.()/\u2010\u2011\u2012\u2013\u2014\u2212")))
_SCIENTIFIC = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]*)?[eE][+-]?[0-9]+")
# str() of a float cell ("966501234567.0"), also with a decimal comma.
_FLOAT_TAIL = re.compile(r"(\+?[0-9]+)[.,]0+")
_PHONE_TEXT = re.compile(r"\+?[0-9]+")


def normalize_cell(raw: object) -> str | RejectReason:
    """Turn one cell into ``digits`` or ``+digits``, or say why it cannot be a phone number.

    Order (CAMPAIGNS.md §1): numeric cells first (a whole float becomes ``str(int(v))``, any other
    float is ``NOT_A_NUMBER``, and a whole number ending in five zeros is ``EXCEL_ROUNDED``: Excel
    cut it); text gets NFKC, then spaces, NBSP, bidi and zero-width marks are
    removed and Arabic-Indic/Persian digits become ASCII; scientific notation is rejected; a
    trailing ``.0``/``,0`` is stripped; then the separators ``- . ( ) /`` are removed and a leading
    ``00`` becomes ``+``. The separators go *after* the two float checks, since dropping the dot
    first would turn ``966501234567.0`` into the wrong ``9665012345670``.

    Returns a :class:`RejectReason` (``EMPTY``, ``SCIENTIFIC_NOTATION``, ``EXCEL_ROUNDED`` or
    ``NOT_A_NUMBER``) for
    unusable cells; test for it before testing for ``str``. Never raises.
    """
    if raw is None:
        return RejectReason.EMPTY
    if isinstance(raw, bool):
        return RejectReason.NOT_A_NUMBER
    if isinstance(raw, float):
        if not math.isfinite(raw) or not raw.is_integer():
            return RejectReason.NOT_A_NUMBER
        raw = int(raw)
    if isinstance(raw, int):
        if raw <= 0:
            return RejectReason.NOT_A_NUMBER
        return RejectReason.EXCEL_ROUNDED if raw % 100_000 == 0 else str(raw)
    if not isinstance(raw, str):
        return RejectReason.NOT_A_NUMBER
    if _PHONE_TEXT.fullmatch(raw) and not raw.startswith("00"):  # the usual case, kept cheap
        return raw
    text = (raw if raw.isascii() else unicodedata.normalize("NFKC", raw)).translate(_CLEAN)
    if not text:
        return RejectReason.EMPTY
    if _SCIENTIFIC.fullmatch(text):
        return RejectReason.SCIENTIFIC_NOTATION
    tail = _FLOAT_TAIL.fullmatch(text)
    if tail:
        text = tail.group(1)
    text = text.translate(_SEPARATORS)
    if not text:
        return RejectReason.EMPTY  # a placeholder such as "-" or "()"
    if text.startswith("00"):
        text = "+" + text[2:]
    if not _PHONE_TEXT.fullmatch(text):
        return RejectReason.NOT_A_NUMBER
    return text
