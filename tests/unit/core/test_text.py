"""Sentences of the engine: English when printed or sent through the API, translatable for
the window, and stored reasons recognised again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from spreader_app.core import reasons
from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.phones import RejectReason
from spreader_app.core.text import Sentence, Text, english, recover

GREETING = Sentence("Tests", QT_TRANSLATE_NOOP("Tests", "Send {count} messages to {phone}."))
ARABIC = {("Tests", GREETING.template): "أرسل {count} رسالة إلى {phone}."}


def arabic(context: str, template: str) -> str:
    return ARABIC.get((context, template), template)


def bracketed(token: str) -> str:
    return f"[{token}]"


def test_text_prints_its_english_sentence() -> None:
    text = GREETING(count=3, phone="+966 50 123 4567")

    assert str(text) == "Send 3 messages to +966 50 123 4567."
    assert text == GREETING(phone="+966 50 123 4567", count=3)
    assert len({text, GREETING(count=3, phone="+966 50 123 4567")}) == 1


def test_text_renders_translated_with_every_value_isolated() -> None:
    text = GREETING(count=3, phone="+966 50 123 4567")

    assert text.render(arabic, bracketed) == "أرسل [3] رسالة إلى [+966 50 123 4567]."


def test_nested_sentence_is_translated_not_isolated() -> None:
    outer = Sentence("Tests", "Why: {reason}")(reason=GREETING(count=1, phone="+20 10"))

    assert outer.render(arabic, bracketed) == "Why: أرسل [1] رسالة إلى [+20 10]."


def test_a_translation_that_lost_a_placeholder_falls_back_to_english() -> None:
    def broken(context: str, template: str) -> str:
        return "أرسل {number}"

    assert GREETING(count=2, phone="x").render(broken, str) == "Send 2 messages to x."


def test_error_given_a_text_keeps_english_for_the_api() -> None:
    region = RejectReason.TOO_SHORT.text
    error = ValidationFailed(region, details=[{"field": "numbers[0]", "message": region}])

    assert error.message == RejectReason.TOO_SHORT.message == str(region)
    assert error.details == [{"field": "numbers[0]", "message": str(region)}]
    assert error.text == region and error.detail_texts[0]["message"] == region
    assert english(("a", {"b": region})) == ("a", {"b": str(region)})


def test_stored_reason_is_recovered_with_its_nested_reason() -> None:
    blocked = reasons.BANNED(detail=reasons.NO_REASON())
    stored = str(reasons.BREAKER_TRIPPED(reason=str(blocked)))

    assert reasons.reason_text(stored) == reasons.BREAKER_TRIPPED(reason=blocked)


def test_reason_no_sentence_made_comes_back_as_it_is() -> None:
    assert reasons.reason_text("Paused by hand for the holidays") == (
        "Paused by hand for the holidays"
    )


_VALUE = st.text(st.sampled_from("abcXYZ0123456789 +-"), max_size=20)


@given(detail=_VALUE, minutes=st.integers(0, 10_000))
def test_recovering_a_stored_reason_gives_back_the_same_words(detail: str, minutes: int) -> None:
    stored = str(reasons.CANNOT_SEND(detail=detail, minutes=minutes))

    found = reasons.reason_text(stored)

    assert isinstance(found, Text) and found.template == reasons.CANNOT_SEND.template
    assert str(found) == stored


@given(count=st.integers(0, 10**6), phone=_VALUE)
def test_sentence_match_reads_back_its_parameters(count: int, phone: str) -> None:
    made = GREETING(count=count, phone=phone)

    assert recover(str(made), [GREETING]) == GREETING(count=str(count), phone=phone)
