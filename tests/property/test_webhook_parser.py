from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from spreader_app.core.models import InboundMessage
from spreader_app.zentra.webhook import parse_inbound

_KEYS = st.sampled_from(
    [
        "data",
        "payload",
        "message",
        "messages",
        "from",
        "phone",
        "sender",
        "chatId",
        "remoteJid",
        "text",
        "body",
        "id",
        "key",
        "fromMe",
        "timestamp",
        "t",
        "device",
        "device_uuid",
        "instance",
        "caption",
    ]
) | st.text(max_size=8)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["201066183456@c.us", "1203@g.us", "x@lid", "2024-11-24T14:53:20Z", "{"])
)
JSON_LIKE = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=6),
    max_leaves=40,
)
_ID_TEXT = st.text(
    alphabet=st.characters(categories=["L", "N"], include_characters="-_.:"),
    min_size=1,
    max_size=40,
)


@st.composite
def clean_payloads(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "device_uuid": draw(_ID_TEXT),
        "from": draw(st.from_regex(r"[1-9][0-9]{6,14}", fullmatch=True)),
        "text": draw(st.text(max_size=200)),
        "message_id": draw(_ID_TEXT),
        "timestamp": draw(st.integers(min_value=0, max_value=99_999_999_999)),
    }


@given(JSON_LIKE)
def test_parse_inbound_never_raises_on_json_like_values(data: Any) -> None:
    found = parse_inbound(data)
    assert isinstance(found, list)
    for message in found:
        assert isinstance(message, InboundMessage)
        assert message.sender is None or (
            message.sender.startswith("+") and message.sender[1:].isdigit()
        )
        assert message.timestamp is None or message.timestamp.tzinfo is UTC


@given(clean_payloads())
def test_parse_inbound_clean_shape_round_trips(payload: dict[str, Any]) -> None:
    assert parse_inbound(payload) == [
        InboundMessage(
            device_uuid=payload["device_uuid"],
            sender="+" + payload["from"],
            text=payload["text"],
            message_id=payload["message_id"],
            timestamp=datetime.fromtimestamp(payload["timestamp"], UTC),
        )
    ]


@given(clean_payloads(), st.sampled_from(["data", "payload"]))
def test_parse_inbound_envelope_does_not_change_the_result(
    payload: dict[str, Any], wrapper: str
) -> None:
    assert parse_inbound({wrapper: payload}) == parse_inbound(payload)
