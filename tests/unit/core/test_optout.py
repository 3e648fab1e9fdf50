from __future__ import annotations

import pytest

from spreader_app.core.optout import (
    DEFAULT_OPT_IN,
    DEFAULT_OPT_OUT,
    OptOutVerdict,
    classify,
    normalize_text,
    normalize_words,
)


@pytest.mark.parametrize(
    "message",
    [
        "STOP",
        "stop",
        "Stop!",
        "  stop  ",
        "stoppp",
        "STOP 🙏",
        "Unsubscribe.",
        "opt-out",
        "OPT OUT",
    ],
)
def test_classify_whole_message_opt_out_word_suppresses(message: str) -> None:
    assert classify(message) is OptOutVerdict.OPT_OUT


@pytest.mark.parametrize(
    "message",
    [
        "إلغاء",
        "الغاء",
        "الغاااء",
        "إِلْغَاء",  # tashkeel
        "الغـــاء",  # tatweel
        "\u200fإلغاء\u200f",  # right-to-left marks
        "إلغاء الاشتراك",
        "إلغاء، الاشتراك!",
        "لا ترسلوا!!",
        "إزالة",
        "توقف",
        "ﻻ ترسل",  # lam-alef presentation form
    ],
)
def test_classify_arabic_opt_out_spellings_suppress(message: str) -> None:
    assert classify(message) is OptOutVerdict.OPT_OUT


@pytest.mark.parametrize(
    "message",
    ["الغاء الطلب", "please cancel my order", "I want to unsubscribe please", "الغاء. شكرا"],
)
def test_classify_opt_out_word_inside_longer_message_is_only_possible(message: str) -> None:
    assert classify(message) is OptOutVerdict.POSSIBLE_OPT_OUT


@pytest.mark.parametrize("message", ["send me the price", "weekend offer?", "stopwatch", "endless"])
def test_classify_word_hidden_inside_another_word_is_ignored(message: str) -> None:
    assert classify(message) is OptOutVerdict.NONE


@pytest.mark.parametrize("message", ["yes", "YES!", "نعم", "ok", "", "   ", "🙏"])
def test_classify_ordinary_replies_mean_nothing(message: str) -> None:
    assert classify(message) is OptOutVerdict.NONE


@pytest.mark.parametrize("message", ["start", "START", "Unstop", "ابدأ", "اشتراك", "اشترك"])
def test_classify_whole_message_opt_in_word(message: str) -> None:
    assert classify(message) is OptOutVerdict.OPT_IN


def test_classify_normalises_user_edited_word_lists() -> None:
    assert classify("basta", opt_out_words=["BASTA!"]) is OptOutVerdict.OPT_OUT
    assert classify("stop", opt_out_words=["basta"]) is OptOutVerdict.NONE
    assert classify("Yes", opt_in_words=["yes"]) is OptOutVerdict.OPT_IN


def test_classify_word_in_both_lists_counts_as_opt_out() -> None:
    assert classify("stop", opt_in_words=["stop"]) is OptOutVerdict.OPT_OUT


def test_default_word_lists_are_stored_normalised() -> None:
    assert all(normalize_text(word) == word for word in DEFAULT_OPT_OUT | DEFAULT_OPT_IN)
    assert {"stop", "الغاء", "الغاء الاشتراك", "ازاله", "opt out"} <= DEFAULT_OPT_OUT
    assert {"start", "ابدا"} <= DEFAULT_OPT_IN
    assert not {"yes", "نعم"} & DEFAULT_OPT_IN


def test_normalize_text_unifies_arabic_letter_variants() -> None:
    assert normalize_text("أ إ آ ٱ ى ة ؤ ئ") == "ا ا ا ا ي ه و ي"


def test_normalize_text_maps_arabic_indic_digits_and_punctuation() -> None:
    assert normalize_text("١٢٣ ۴۵۶") == "123 456"
    assert normalize_text("الغاء،الاشتراك؛ stop؟ ok.") == "الغاء الاشتراك stop ok"


def test_normalize_text_only_collapses_runs_of_three_letters() -> None:
    assert normalize_text("stoop") == "stoop"
    assert normalize_text("STOOOOP") == "stop"
    assert normalize_text("code 1000") == "code 1000"


def test_normalize_words_drops_blank_entries() -> None:
    assert normalize_words(["Stop", " ", "!!", "STOP"]) == frozenset({"stop"})


def test_normalize_text_is_stable_when_a_dropped_mark_joins_characters() -> None:
    # Without the joiner the two jamo compose into one syllable; a second pass must agree.
    once = normalize_text("\u1100\u200d\u1161")

    assert once == "\uac00"
    assert normalize_text(once) == once
