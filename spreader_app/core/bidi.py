"""The reading direction of a text, decided as WhatsApp decides it: by its first strong letter."""

from __future__ import annotations

import enum
import re
import unicodedata

from spreader_app.core.phones import BIDI_ISOLATE_END, BIDI_ISOLATE_START

__all__ = [
    "FIRST_STRONG_ISOLATE",
    "Direction",
    "first_strong_isolated",
    "has_right_to_left",
    "isolate_numbers",
    "text_direction",
]

FIRST_STRONG_ISOLATE = "\u2068"  # FSI: the isolate takes its first strong letter's direction


def first_strong_isolated(text: object) -> str:
    """``text`` in FSI … PDI: it keeps its own direction (that of its first strong letter;
    left to right without one) inside a sentence of either direction. For the screen only."""
    return f"{FIRST_STRONG_ISOLATE}{text}{BIDI_ISOLATE_END}"


class Direction(enum.StrEnum):
    """A paragraph's reading direction."""

    LTR = "ltr"
    RTL = "rtl"


_STRONG = {"L": Direction.LTR, "R": Direction.RTL, "AL": Direction.RTL}
_ISOLATE_OPENERS = frozenset({"LRI", "RLI", "FSI"})
# A signed number, or digit groups split by spaces, dashes, dots or slashes: the shapes whose
# parts right-to-left text reorders (``+966 50 123 4567`` shows as ``4567 123 50 966+``).
_NUMBER = re.compile(r"\+?\d+(?:[ \u00a0./-]\d+)+|\+\d+")


def text_direction(text: str) -> Direction | None:
    """The direction of ``text``'s first strong character, or ``None`` when it has none.

    This is the Unicode rule for a paragraph's direction (UAX #9, rules P2 and P3), applied to
    the whole text: letters of left-to-right scripts (Latin, Cyrillic…) give ``LTR``, Arabic
    and Hebrew letters give ``RTL``. Digits (``+966 50``, ``٢٠``), punctuation, spaces and
    emoji do not decide, and neither does anything inside an isolate (LRI, RLI or FSI … PDI),
    such as a phone number shown through ``phones.display``. Unlike UAX #9, symbols never
    decide: Unicode counts the letters that make up flag emoji (🇸🇦) and a few other symbols
    as left-to-right, but WhatsApp, like a reader, skips them.
    """
    depth = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _ISOLATE_OPENERS:
            depth += 1
        elif kind == "PDI":
            depth = max(depth - 1, 0)
        elif depth == 0 and kind in _STRONG and unicodedata.category(char) != "So":
            return _STRONG[kind]
    return None


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter (Arabic, Hebrew…), wherever it is."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def isolate_numbers(text: str) -> str:
    """``text`` for display, with every phone-number-like run isolated left to right
    (LRI … PDI) so that Arabic around it cannot reorder its digit groups, and its spaces made
    non-breaking so that wrapping cannot split it either.

    For showing text only: never for what is sent, where the invisible marks would travel to
    the customer.
    """
    return _NUMBER.sub(_isolated, text)


def _isolated(number: re.Match[str]) -> str:
    kept_whole = number.group().replace(" ", "\u00a0")
    return f"{BIDI_ISOLATE_START}{kept_whole}{BIDI_ISOLATE_END}"
