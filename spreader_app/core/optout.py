"""Opt-out and opt-in words in inbound messages (CAMPAIGNS.md §2).

:func:`classify` only reads the text. Acting on the verdict is the caller's job: suppress the
sender's number for the whole package on ``OPT_OUT``, flag the conversation for the owner on
``POSSIBLE_OPT_OUT``, and lift a suppression on ``OPT_IN`` **only when the sender is currently
suppressed** (an opt-in word from anyone else is an ordinary reply).
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "DEFAULT_OPT_IN",
    "DEFAULT_OPT_OUT",
    "OptOutVerdict",
    "classify",
    "normalize_text",
    "normalize_words",
]


class OptOutVerdict(enum.StrEnum):
    """What an inbound message means for the sender's subscription."""

    OPT_OUT = "opt_out"  # the whole message is an opt-out word: suppress the number
    POSSIBLE_OPT_OUT = "possible_opt_out"  # an opt-out word inside a longer message: ask owner
    OPT_IN = "opt_in"  # the whole message is an opt-in word: lift a suppression, if any
    NONE = "none"


_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        # Persian keyboards type these for the Arabic yeh and kaf.
        "ی": "ي",
        "ک": "ك",
    }
    | {chr(0x0660 + i): str(i) for i in range(10)}
    | {chr(0x06F0 + i): str(i) for i in range(10)}
)
_TATWEEL = "\u0640"
# Dropped by Unicode category: Mn/Me hold tashkeel and emoji variation selectors and keycaps,
# Cf the zero-width and bidi marks, So/Sk the emoji and their skin-tone modifiers.
_DROPPED_CATEGORIES = frozenset({"Mn", "Me", "Cf", "So", "Sk"})
_LETTER_RUN = re.compile(r"([^\W\d_])\1{2,}")


def normalize_text(text: str) -> str:
    """Reduce a message to the form the word lists are stored in.

    NFKC and casefold; tashkeel, tatweel, zero-width and bidi marks and emoji removed; Arabic
    letter variants unified (``أ إ آ ٱ → ا``, ``ى → ي``, ``ة → ه``, ``ؤ → و``, ``ئ → ي``);
    Arabic-Indic and Persian digits made ASCII; punctuation (Arabic and Latin) turned into
    spaces; runs of three or more identical letters reduced to one (``stoppp``, ``الغاااء``);
    whitespace collapsed. Idempotent.
    """
    result = _normalize_once(text)
    # One pass is not always a fixed point: removing a mark can join characters that compose
    # or repeat. Stored words and messages must meet in the same form, so repeat until stable.
    for _ in range(_MAX_PASSES):
        again = _normalize_once(result)
        if again == result:
            break
        result = again
    return result


_MAX_PASSES = 4


def _normalize_once(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(
        " " if unicodedata.category(ch).startswith("P") else ch
        for ch in folded
        if ch != _TATWEEL and unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )
    unified = kept.translate(_ARABIC_LETTERS)
    return " ".join(_LETTER_RUN.sub(r"\1", unified).split())


def normalize_words(words: Iterable[str]) -> frozenset[str]:
    """Normalise a user-edited word list for storage; blank entries are dropped."""
    return frozenset(word for word in map(normalize_text, words) if word)


DEFAULT_OPT_OUT: frozenset[str] = normalize_words(
    [
        "stop",
        "stopall",
        "unsubscribe",
        "cancel",
        "end",
        "quit",
        "optout",
        "opt out",
        "revoke",
        "remove",
        "الغاء",
        "الغاء الاشتراك",
        "الغاء اشتراك",
        "ايقاف",
        "توقف",
        "توقيف",
        "وقف",
        "لا ترسل",
        "لا ترسلوا",
        "ازاله",
        "خروج",
    ]
)
# Not "yes"/"نعم": too common in ordinary replies to mean "subscribe me again".
DEFAULT_OPT_IN: frozenset[str] = normalize_words(["start", "unstop", "اشتراك", "اشترك", "ابدا"])


@functools.lru_cache(maxsize=32)
def _normal_words(words: frozenset[str]) -> frozenset[str]:
    """``normalize_words``, remembered: every inbound message is classified against the same
    few lists, and normalising a list costs more than the message itself."""
    return normalize_words(words)


def classify(
    text: str,
    opt_out_words: Iterable[str] = DEFAULT_OPT_OUT,
    opt_in_words: Iterable[str] = DEFAULT_OPT_IN,
) -> OptOutVerdict:
    """Classify an inbound message by the opt-out rule (Twilio's): the whole message must match.

    Both word lists are normalised here, so user-entered spellings work. ``OPT_OUT`` when the
    normalised message equals an opt-out word; ``OPT_IN`` when it equals an opt-in word (a word
    in both lists counts as opt-out); ``POSSIBLE_OPT_OUT`` when an opt-out word appears as whole
    words inside a longer message (``الغاء الطلب``, "cancel the order"), which suppresses
    nothing; ``NONE`` otherwise. Opt-in applies only to suppressed senders: see the module doc.
    """
    message = normalize_text(text)
    if not message:
        return OptOutVerdict.NONE
    opt_out = _normal_words(frozenset(opt_out_words))
    if message in opt_out:
        return OptOutVerdict.OPT_OUT
    if message in _normal_words(frozenset(opt_in_words)):
        return OptOutVerdict.OPT_IN
    padded = f" {message} "
    if any(f" {word} " in padded for word in opt_out):
        return OptOutVerdict.POSSIBLE_OPT_OUT
    return OptOutVerdict.NONE
