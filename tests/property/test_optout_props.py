from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spreader_app.core.optout import (
    DEFAULT_OPT_IN,
    DEFAULT_OPT_OUT,
    OptOutVerdict,
    classify,
    normalize_text,
)

PROPS = settings(derandomize=True, deadline=None, max_examples=300)

TASHKEEL = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]
TATWEEL = ["\u0640"]
INVISIBLE = [chr(c) for c in range(0x200B, 0x2010)] + [
    chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0x061C]
]
MARKS = st.sampled_from(TASHKEEL + TATWEEL + INVISIBLE)

# Arabic letters and marks, Latin, digits, punctuation, emoji and invisible characters: the
# material of real messages, more often than uniform Unicode would give it.
message_text = st.one_of(
    st.text(),
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
            st.sampled_from("stopSTOP aeiou 019 !?.,،؛؟ 🙏👍❤️\u200f\u2066\u2069\ufeff"),
            MARKS,
        )
    ),
)

# How people write the defaults before normalisation, plus the stored forms themselves.
OPT_OUT_SPELLINGS = sorted(DEFAULT_OPT_OUT) + ["إلغاء", "إلغاء الاشتراك", "إيقاف", "إزالة", "STOP"]
OPT_IN_SPELLINGS = sorted(DEFAULT_OPT_IN) + ["ابدأ", "START"]


@st.composite
def with_marks(draw: st.DrawFn, words: list[str]) -> tuple[str, str]:
    word = draw(st.sampled_from(words))
    chars = list(word)
    for _ in range(draw(st.integers(1, 6))):
        chars.insert(draw(st.integers(0, len(chars))), draw(MARKS))
    return word, "".join(chars)


@PROPS
@given(message_text)
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)

    assert normalize_text(once) == once


@PROPS
@given(with_marks(OPT_OUT_SPELLINGS))
def test_classify_marks_never_hide_an_opt_out_word(pair: tuple[str, str]) -> None:
    word, marked = pair

    assert classify(marked) is classify(word) is OptOutVerdict.OPT_OUT


@PROPS
@given(with_marks(OPT_IN_SPELLINGS))
def test_classify_marks_never_hide_an_opt_in_word(pair: tuple[str, str]) -> None:
    word, marked = pair

    assert classify(marked) is classify(word) is OptOutVerdict.OPT_IN


@PROPS
@given(with_marks(["الغاء الطلب", "please cancel my order"]))
def test_classify_marks_never_turn_a_possible_opt_out_into_more(pair: tuple[str, str]) -> None:
    _, marked = pair

    assert classify(marked) is OptOutVerdict.POSSIBLE_OPT_OUT
