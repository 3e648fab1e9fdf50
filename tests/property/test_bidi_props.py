"""Invariants of ``text_direction``: only the first strong letter outside isolates decides;
symbols (emoji, flags) never do."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from spreader_app.core.bidi import Direction, text_direction

PROPS = settings(derandomize=True, deadline=None, max_examples=300)

_DECIDING = {"L", "R", "AL"}
_ISOLATES = {"LRI", "RLI", "FSI", "PDI"}
# What people put before the first word: digits (Western and Arabic-Indic), signs,
# punctuation, spaces and line breaks, emoji with their joiners and variation selectors.
_COMMON_NEUTRALS = "0123456789٠١٢٣٤٥٦٧٨٩+-.,:;!?()%٪*#@ \n\t\u200d\ufe0f😀👍🎉❤🇸🇦"

strong = st.characters(codec="utf-8", exclude_categories=("Cs", "So")).filter(
    lambda c: unicodedata.bidirectional(c) in _DECIDING
)
neutral = st.one_of(
    st.sampled_from(_COMMON_NEUTRALS),
    st.characters(codec="utf-8", exclude_categories=("Cs",)).filter(
        lambda c: (
            unicodedata.category(c) == "So"
            or unicodedata.bidirectional(c) not in _DECIDING | _ISOLATES
        )
    ),
)
neutrals = st.text(neutral, max_size=20)
anything = st.text(max_size=20)


def direction_of(letter: str) -> Direction:
    return Direction.LTR if unicodedata.bidirectional(letter) == "L" else Direction.RTL


@PROPS
@given(neutrals, strong, anything)
def test_text_direction_is_the_first_strong_letters(before: str, letter: str, after: str) -> None:
    assert text_direction(before + letter + after) is direction_of(letter)


@PROPS
@given(
    neutrals,
    st.sampled_from("\u2066\u2067\u2068"),
    st.text(st.one_of(neutral, strong)),
    neutrals,
    strong,
    anything,
)
def test_text_direction_skips_isolated_text(
    before: str, opener: str, isolated: str, between: str, letter: str, after: str
) -> None:
    text = f"{before}{opener}{isolated}\u2069{between}{letter}{after}"
    assert text_direction(text) is direction_of(letter)


@PROPS
@given(neutrals)
def test_text_direction_is_none_without_a_strong_letter(text: str) -> None:
    assert text_direction(text) is None
