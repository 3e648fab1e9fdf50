"""Every detail the gateway classifier writes is one of ``core.gateway_words``' sentences:
read back from its stored English, it translates, and the gateway's own words stay a
separate, whole token (the window quotes and isolates them)."""

from __future__ import annotations

import json

import httpx
from hypothesis import given
from hypothesis import strategies as st

from spreader_app.core.gateway_words import QUOTED, delivery_error, gateway_detail
from spreader_app.core.text import Text
from spreader_app.zentra.outcomes import classify_error, classify_response

NOW = 1_732_460_000.0
STATUSES = st.sampled_from([200, 201, 204, 301, 302, 400, 401, 403, 404, 408, 422, 429, 500, 503])
GATEWAY_WORDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=60
)


def upper(_context: str, template: str) -> str:
    """A "translation" that changes every sentence's own words and keeps the placeholders."""
    return "".join(c.upper() if not inside else c for c, inside in _marks(template))


def _marks(template: str) -> list[tuple[str, bool]]:
    out, inside = [], False
    for c in template:
        inside = inside or c == "{"
        out.append((c, inside))
        inside = inside and c != "}"
    return out


def bracketed(token: str) -> str:
    return f"[{token}]"


def bodies() -> st.SearchStrategy[str]:
    fields = st.fixed_dictionaries(
        {},
        optional={
            "success": st.booleans(),
            "msg": GATEWAY_WORDS,
            "message": GATEWAY_WORDS,
            "errors": st.dictionaries(st.sampled_from(["ids", "text"]), GATEWAY_WORDS, max_size=2),
        },
    )
    return st.one_of(fields.map(json.dumps), GATEWAY_WORDS)


@given(
    status=STATUSES,
    body=bodies(),
    retry=st.one_of(st.none(), st.integers(0, 120).map(str)),
    location=st.one_of(st.none(), st.just("https://elsewhere.example/v1")),
)
def test_every_classified_detail_is_read_back_as_the_sentence_that_wrote_it(
    status: int, body: str, retry: str | None, location: str | None
) -> None:
    headers = {k: v for k, v in (("Retry-After", retry), ("Location", location)) if v}
    result = classify_response(status, headers, body, now=NOW)

    text = gateway_detail(result.detail)

    assert str(text) == result.detail  # the API's English, unchanged
    assert text.template != QUOTED.template  # a sentence, not a bare quote
    # Every word but the values goes through the translator.
    assert not any(c.islower() for c in text.render(upper, lambda value: ""))


def test_the_gateway_s_own_words_stay_one_token_after_the_translated_sentence() -> None:
    body = json.dumps({"success": False, "message": "rate_limited: slow down"})
    result = classify_response(429, {"Retry-After": "30"}, body, now=NOW)

    shown = gateway_detail(result.detail).render(upper, bracketed)

    assert shown == (
        "THE GATEWAY IS RATE LIMITING REQUESTS (HTTP [429]; RETRY AFTER [30] S): "
        "[rate_limited: slow down.]"
    )


@given(cause=GATEWAY_WORDS.filter(lambda t: len(t) < 200))
def test_network_failures_are_read_back_too(cause: str) -> None:
    for exc in (
        httpx.ConnectError(cause),
        httpx.ConnectTimeout(cause),
        httpx.ReadTimeout(cause),
        httpx.RemoteProtocolError(cause),
    ):
        detail = classify_error(exc).detail

        text = gateway_detail(detail)

        assert str(text) == detail
        assert text.template != QUOTED.template
        assert not any(c.islower() for c in text.render(upper, lambda value: ""))


def test_a_stored_delivery_error_names_its_kind_and_keeps_its_english() -> None:
    body = json.dumps({"success": False, "msg": "Device is banned"})
    detail = classify_response(200, {}, body, now=NOW).detail
    stored = f"banned: {detail}"

    text = delivery_error(stored)

    assert isinstance(text, Text) and str(text) == stored
    assert text.render(upper, bracketed).startswith("BANNED: THE GATEWAY SAYS")
    assert "[Device is banned.]" in text.render(upper, bracketed)


def test_words_no_sentence_wrote_are_quoted_whole_or_left_alone() -> None:
    unknown = delivery_error("transient: internal error: boom")

    assert isinstance(unknown, Text)
    assert unknown.render(upper, bracketed) == "TRANSIENT: [internal error: boom]"
    assert delivery_error("Same number as row 3; sent once.") == "Same number as row 3; sent once."
    assert delivery_error("") == ""
