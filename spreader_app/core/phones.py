"""Phone numbers: cell normalisation, validation to E.164, and screening of recipient lists.

The one place the rest of the program imports them from. The work is done in:

- :mod:`~spreader_app.core.phone_cells`: a cell to ``digits``/``+digits`` (``normalize_cell``);
- :mod:`~spreader_app.core.phone_check`: one input judged (``check_phone``, ``normalize_region``),
  and which interpretation wins for digits written without ``+``;
- :mod:`~spreader_app.core.phone_screening`: a list sorted into buckets (``screen_recipients``);
- :mod:`~spreader_app.core.phone_reasons`: the reject codes and their sentences;
- :mod:`~spreader_app.core.phone_parsing` and :mod:`~spreader_app.core.phone_types`: phonenumbers'
  parse and number type, made cheap for the common shapes.

This module keeps what is shown on screen: ``display`` and ``digits``.
"""

from __future__ import annotations

import re

import phonenumbers

from spreader_app.core.phone_cells import normalize_cell
from spreader_app.core.phone_check import PhoneCheck, check_phone, normalize_region
from spreader_app.core.phone_parsing import parse_international
from spreader_app.core.phone_reasons import RejectReason
from spreader_app.core.phone_screening import (
    CONTACTS_JOIN,
    DuplicateRow,
    PickedRow,
    RejectedRow,
    Screening,
    SuppressedRow,
    screen_recipients,
)

__all__ = [
    "BIDI_ISOLATE_END",
    "BIDI_ISOLATE_START",
    "CONTACTS_JOIN",
    "DuplicateRow",
    "PhoneCheck",
    "PickedRow",
    "RejectReason",
    "RejectedRow",
    "Screening",
    "SuppressedRow",
    "check_phone",
    "digits",
    "display",
    "normalize_cell",
    "normalize_region",
    "screen_recipients",
]

BIDI_ISOLATE_START = "\u2066"  # LEFT-TO-RIGHT ISOLATE
BIDI_ISOLATE_END = "\u2069"  # POP DIRECTIONAL ISOLATE

_E164 = re.compile(r"\+[0-9]+")


def digits(e164: str) -> str:
    """The digits of an E.164 number without ``+``, as the gateway expects them.

    Raises ``ValueError`` when ``e164`` is not ``+`` followed by digits.
    """
    if not _E164.fullmatch(e164):
        raise ValueError(f"Not an E.164 number: {e164!r} (expected + followed by digits)")
    return e164[1:]


def display(e164: str) -> str:
    """The number in international format, isolated left-to-right for any layout.

    Wrapped in LRI … PDI (U+2066 … U+2069) so ``+966 50 123 4567`` does not turn into
    ``4567 123 50 966+`` in a right-to-left label (CAMPAIGNS.md §3). Only for the screen: never
    put the result in an outgoing message. Text that is not a parseable number is wrapped as is.
    """
    number, _ = parse_international(e164) if _E164.fullmatch(e164) else (None, None)
    if number is None:
        return f"{BIDI_ISOLATE_START}{e164}{BIDI_ISOLATE_END}"
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return f"{BIDI_ISOLATE_START}{shown}{BIDI_ISOLATE_END}"
