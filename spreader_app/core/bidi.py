"""The reading direction of a text, decided as WhatsApp decides it: by its first strong letter."""

from __future__ import annotations

import enum
import unicodedata

__all__ = ["Direction", "text_direction"]


class Direction(enum.StrEnum):
    """A paragraph's reading direction."""

    LTR = "ltr"
    RTL = "rtl"


_STRONG = {"L": Direction.LTR, "R": Direction.RTL, "AL": Direction.RTL}
_ISOLATE_OPENERS = frozenset({"LRI", "RLI", "FSI"})


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
