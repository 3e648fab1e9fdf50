from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from spreader_app.core.models import InboundMessage
from spreader_app.zentra.webhook import decode_body, parse_inbound

T0 = datetime(2024, 11, 24, 14, 53, 20, tzinfo=UTC)  # epoch 1732460000
CLEAN = {
    "device_uuid": "dev-1",
    "from": "201066183456",
    "text": "Is the shop open today?",
    "message_id": "wamid-1",
    "timestamp": 1732460000,
}


def _one(data: Any) -> InboundMessage:
    found = parse_inbound(data)
    assert len(found) == 1, found
    return found[0]


def test_parse_inbound_clean_shape_exactly() -> None:
    assert parse_inbound(CLEAN) == [
        InboundMessage(
            device_uuid="dev-1",
            sender="+201066183456",
            text="Is the shop open today?",
            message_id="wamid-1",
            timestamp=T0,
            extra={},
        )
    ]


@pytest.mark.parametrize("wrapper", ["data", "payload", "message"])
def test_parse_inbound_unwraps_nested_envelopes(wrapper: str) -> None:
    assert parse_inbound({wrapper: CLEAN}) == parse_inbound(CLEAN)
    assert parse_inbound({"event": "x", wrapper: {wrapper: CLEAN}})[0].text == CLEAN["text"]


def test_parse_inbound_envelope_fields_fill_the_nested_message() -> None:
    found = _one(
        {
            "deviceUuid": "dev-9",
            "event": "message",
            "data": {"phone": "+20 106 618 3456", "body": "hi"},
        }
    )
    assert found.device_uuid == "dev-9"
    assert found.sender == "+201066183456"
    assert found.text == "hi"
    assert found.extra == {"event": "message"}


def test_parse_inbound_batch_gives_one_message_each_without_sharing_ids() -> None:
    payload = {
        "id": "evt-7",
        "instance": "dev-2",
        "messages": [
            {"chatId": "201000000001@c.us", "text": {"body": "first"}, "messageId": "a"},
            {"chat_id": "201000000002@c.us", "text_message": "second"},
        ],
    }
    first, second = parse_inbound(payload)
    assert (first.device_uuid, first.sender, first.text, first.message_id) == (
        "dev-2",
        "+201000000001",
        "first",
        "a",
    )
    assert (second.sender, second.text, second.message_id) == ("+201000000002", "second", None)


def test_parse_inbound_top_level_array_and_json_string_envelope() -> None:
    assert len(parse_inbound([CLEAN, CLEAN])) == 2
    assert parse_inbound({"data": json.dumps(CLEAN)}) == parse_inbound(CLEAN)


def test_parse_inbound_baileys_style_payload() -> None:
    payload = {
        "event": "messages.upsert",
        "instance": "dev-3",
        "data": {
            "key": {"remoteJid": "201066183456:12@s.whatsapp.net", "fromMe": False, "id": "3EB0"},
            "pushName": "Mona",
            "message": {"extendedTextMessage": {"text": "Price list please"}},
            "messageTimestamp": "1732460000",
        },
    }
    found = _one(payload)
    assert found == InboundMessage(
        device_uuid="dev-3",
        sender="+201066183456",
        text="Price list please",
        message_id="3EB0",
        timestamp=T0,
        extra={"event": "messages.upsert", "pushName": "Mona"},
    )


@pytest.mark.parametrize(
    "sender_field",
    [
        {"from": "120363041234567890@g.us"},
        {"chatId": "120363041234567890@g.us", "from": "201066183456@c.us"},
        {"remoteJid": "status@broadcast"},
    ],
)
def test_parse_inbound_group_or_broadcast_chat_is_not_a_customer(
    sender_field: dict[str, str],
) -> None:
    found = _one({**sender_field, "text": "hello all"})
    assert found.sender is None
    assert found.text == "hello all"


def test_parse_inbound_linked_id_is_not_taken_for_a_phone() -> None:
    assert _one({"from": "123456789012345@lid", "text": "x"}).sender is None
    both = _one({"from": "123456789012345@lid", "phone": "201066183456", "text": "x"})
    assert both.sender == "+201066183456"


@pytest.mark.parametrize(
    "flag",
    [{"fromMe": True}, {"from_me": "true"}, {"key": {"fromMe": True, "id": "x"}}, {"fromMe": 1}],
)
def test_parse_inbound_ignores_messages_sent_by_the_device(flag: dict[str, Any]) -> None:
    assert parse_inbound({**CLEAN, **flag}) == []


def test_parse_inbound_child_from_me_false_beats_an_envelope_flag() -> None:
    assert len(parse_inbound({"fromMe": True, "data": {**CLEAN, "fromMe": False}})) == 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (1732460000, T0),
        (1732460000123, datetime(2024, 11, 24, 14, 53, 20, 123000, tzinfo=UTC)),
        (1732460000.5, datetime(2024, 11, 24, 14, 53, 20, 500000, tzinfo=UTC)),
        ("2024-11-24T14:53:20Z", T0),
        ("2024-11-24T16:53:20+02:00", T0),
        ("2024-11-24T14:53:20", T0),
        ("1732460000", T0),
        ("yesterday", None),
        (-5, None),
        (10**30, None),
        (True, None),
        ({"low": 1}, None),
    ],
)
def test_parse_inbound_timestamps_are_aware_utc(raw: Any, expected: datetime | None) -> None:
    assert _one({"from": "201066183456", "text": "x", "t": raw}).timestamp == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ({"body": "b"}, "b"),
        ({"message": "m"}, "m"),
        ({"content": "c"}, "c"),
        ({"caption": "cap"}, "cap"),
        ({"text": {"body": "nested"}}, "nested"),
        ({"text": "", "body": "second choice"}, "second choice"),
    ],
)
def test_parse_inbound_text_aliases(field: dict[str, Any], expected: str) -> None:
    assert _one({"from": "201066183456", **field}).text == expected


def test_parse_inbound_media_without_caption_still_names_the_customer() -> None:
    found = _one({"from": 201066183456, "type": "image", "id": 77})
    assert (found.sender, found.text, found.message_id) == ("+201066183456", "", "77")
    assert found.extra == {"type": "image"}


def test_parse_inbound_device_and_id_objects() -> None:
    payload = {
        "device": {"uuid": "dev-4"},
        "id": {"_serialized": "false_2010@c.us_ABC", "id": "ABC"},
        "sender": {"id": "201066183456@c.us", "pushname": "Ali"},
        "body": "hi",
    }
    found = _one(payload)
    assert (found.device_uuid, found.message_id, found.sender) == (
        "dev-4",
        "false_2010@c.us_ABC",
        "+201066183456",
    )


@pytest.mark.parametrize(
    "data",
    [None, 42, "text", [], {}, {"event": "ack", "data": {"id": "x", "ack": 3}}, {"from": "abc"}],
)
def test_parse_inbound_returns_empty_when_nothing_is_understood(data: Any) -> None:
    assert parse_inbound(data) == []


def test_parse_inbound_survives_very_deep_nesting() -> None:
    deep: Any = CLEAN
    for _ in range(200):
        deep = {"data": deep}
    assert parse_inbound(deep) == []


def test_decode_body_json_object_and_array() -> None:
    assert decode_body(json.dumps(CLEAN).encode(), "application/json") == CLEAN
    assert decode_body(b"[1, 2]", "application/json; charset=utf-8") == [1, 2]
    assert decode_body(b'\xef\xbb\xbf{"a": 1}', None) == {"a": 1}


def test_decode_body_form_urlencoded_with_repeated_fields() -> None:
    body = b"from=%2B201066183456&text=hi+there&tag=a&tag=b"
    assert decode_body(body, "application/x-www-form-urlencoded") == {
        "from": "+201066183456",
        "text": "hi there",
        "tag": ["a", "b"],
    }


def test_decode_body_trusts_the_body_over_a_wrong_content_type() -> None:
    assert decode_body(b"from=2010&text=hi", "application/json") == {"from": "2010", "text": "hi"}
    assert decode_body(b'{"a": "b"}', "application/x-www-form-urlencoded") == {"a": "b"}
    assert decode_body(b'{"a": "b"}', "text/plain") == {"a": "b"}


def test_decode_body_multipart_form_with_a_file_part() -> None:
    request = httpx.Request(
        "POST",
        "http://x.test/",
        files=[
            ("from", (None, "201066183456")),
            ("text", (None, "héllo")),
            ("media", ("voice.ogg", b"OggS....", "audio/ogg")),
        ],
    )
    assert decode_body(request.read(), request.headers["content-type"]) == {
        "from": "201066183456",
        "text": "héllo",
        "media": {"filename": "voice.ogg", "content_type": "audio/ogg", "size": 8},
    }


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (b"", "application/json", "empty"),
        (b"   ", None, "empty"),
        (b"\xff\xfe\x00", "application/json", "not UTF-8"),
        (b"hello world", "text/plain", "neither JSON nor form data"),
        (b"{broken", "application/json", "invalid JSON"),
        (b'"just a string"', "application/json", "neither an object nor an array"),
        (b"--x\r\n\r\n", "multipart/form-data; boundary=zzz", "no named fields"),
        (b"[" * 100_000, "application/json", "nested too deeply"),
    ],
)
def test_decode_body_garbage_raises_a_clear_value_error(
    body: bytes, content_type: str | None, reason: str
) -> None:
    with pytest.raises(ValueError, match=reason):
        decode_body(body, content_type)
