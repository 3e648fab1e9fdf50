from __future__ import annotations

from pathlib import Path

import pytest

from spreader_app.core.models import MessageContent, MessageType, SendRequest
from spreader_app.zentra.payloads import (
    FormField,
    MediaUpload,
    PayloadError,
    check_number_form,
    check_token,
    encode_multipart,
    load_upload,
    send_form,
    wire_number,
)
from spreader_app.zentra.webhook import decode_body


def _request(content: MessageContent, recipient: str = "+201066183456") -> SendRequest:
    return SendRequest(device_uuid="dev-1", token="tok", recipient_e164=recipient, content=content)


def _values(fields: list[FormField]) -> dict[str, object]:
    return {name: part[1] for name, part in fields}


def test_wire_number_strips_plus_and_keeps_digits() -> None:
    assert wire_number("+201066183456") == "201066183456"
    assert wire_number("201066183456") == "201066183456"


@pytest.mark.parametrize(
    "bad", ["", "+", "+20 106 618 3456", "00201066183456x", "+12345", "+1234567890123456"]
)
def test_wire_number_rejects_what_is_not_e164(bad: str) -> None:
    with pytest.raises(PayloadError, match="E.164"):
        wire_number(bad)


def test_send_form_text_has_every_field_as_a_plain_string() -> None:
    fields = send_form(_request(MessageContent(text="Hello")))
    assert fields == [
        ("device_uuid", (None, "dev-1")),
        ("type_message", (None, "text")),
        ("type_contact", (None, "numbers")),
        ("ids", (None, "201066183456")),
        ("text_message", (None, "Hello")),
    ]


def test_send_form_rejects_an_empty_text_message() -> None:
    with pytest.raises(PayloadError, match="non-empty text"):
        send_form(_request(MessageContent(text="  ")))


@pytest.mark.parametrize(
    ("kind", "wire"),
    [
        (MessageType.IMAGE, "image"),
        (MessageType.VIDEO, "video"),
        (MessageType.DOCUMENT, "doc"),
        (MessageType.VOICE, "audio"),
    ],
)
def test_send_form_media_url_uses_zentra_type_names(kind: MessageType, wire: str) -> None:
    content = MessageContent(type=kind, media_url="https://x.test/f", caption="See this")
    values = _values(send_form(_request(content)))
    assert values["type_message"] == wire
    assert values["media_url"] == "https://x.test/f"
    assert values["text_message"] == "See this"


def test_send_form_media_caption_falls_back_to_text_and_is_omitted_when_empty() -> None:
    with_text = MessageContent(type=MessageType.IMAGE, text="fallback", media_url="https://x/i")
    assert _values(send_form(_request(with_text)))["text_message"] == "fallback"
    bare = MessageContent(type=MessageType.IMAGE, media_url="https://x/i")
    assert "text_message" not in _values(send_form(_request(bare)))


def test_send_form_upload_wins_over_url_and_is_a_file_part() -> None:
    content = MessageContent(type=MessageType.DOCUMENT, media_url="https://x/d", media_path="d")
    upload = MediaUpload("offer.pdf", b"%PDF", "application/pdf")
    fields = send_form(_request(content), upload)
    assert ("media", ("offer.pdf", b"%PDF", "application/pdf")) in fields
    assert "media_url" not in _values(fields)


def test_send_form_media_without_media_is_refused() -> None:
    with pytest.raises(PayloadError, match="video message needs a media file or a media URL"):
        send_form(_request(MessageContent(type=MessageType.VIDEO, caption="x")))


def test_check_token_accepts_visible_ascii() -> None:
    check_token("abc-123_XYZ.=")


@pytest.mark.parametrize("bad", ["", "sec ret", "sec\nret", "s\u00e9cret"])
def test_check_token_refuses_header_unsafe_tokens_without_echoing_them(bad: str) -> None:
    with pytest.raises(PayloadError, match="paste the token") as info:
        check_token(bad)
    assert "ret" not in str(info.value)


async def test_load_upload_reads_file_and_guesses_content_type(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8jpeg")
    upload = await load_upload(str(path))
    assert upload == MediaUpload("photo.jpg", b"\xff\xd8jpeg", "image/jpeg")


async def test_load_upload_unknown_extension_is_octet_stream(tmp_path: Path) -> None:
    path = tmp_path / "blob.zzz"
    path.write_bytes(b"1")
    assert (await load_upload(str(path))).content_type == "application/octet-stream"


async def test_load_upload_missing_or_unreadable_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(PayloadError, match="does not exist"):
        await load_upload(str(tmp_path / "gone.png"))
    with pytest.raises(PayloadError, match="cannot be read"):
        await load_upload(str(tmp_path))  # a folder, not a file


def test_check_number_form_uses_wire_number() -> None:
    assert check_number_form("dev-1", "+201066183456") == [
        ("device_uuid", (None, "dev-1")),
        ("phone", (None, "201066183456")),
    ]


FORM: list[FormField] = [
    ("device_uuid", (None, "dev-1")),
    ("text_message", (None, "Ahlan \u0645\u0631\u062d\u0628\u0627")),
    ("media", ("menu.png", b"\x89PNG\r\n\x00", "image/png")),
    ("ids", (None, "201066183456")),
]


def test_encode_multipart_round_trips_through_a_form_parser() -> None:
    body, content_type = encode_multipart(FORM)
    assert decode_body(body, content_type) == {
        "device_uuid": "dev-1",
        "text_message": "Ahlan \u0645\u0631\u062d\u0628\u0627",
        "media": {"filename": "menu.png", "content_type": "image/png", "size": 7},
        "ids": "201066183456",
    }
    assert b"\x89PNG\r\n\x00" in body


def test_encode_multipart_keeps_the_field_order() -> None:
    body, _ = encode_multipart(FORM)
    positions = [body.index(f'name="{name}"'.encode()) for name, _ in FORM]
    assert positions == sorted(positions)


def test_encode_multipart_upload_part_has_filename_and_content_type() -> None:
    body, content_type = encode_multipart(FORM)
    boundary = content_type.removeprefix("multipart/form-data; boundary=").encode()
    parts = body.split(b"--" + boundary)
    assert parts[0] == b"" and parts[-1] == b"--\r\n"
    heads = [part.split(b"\r\n\r\n", 1)[0] for part in parts[1:-1]]
    assert heads[2] == (
        b'\r\nContent-Disposition: form-data; name="media"; filename="menu.png"\r\n'
        b"Content-Type: image/png"
    )
    # Plain fields are sent as browsers send them: no per-part Content-Type.
    for head in (heads[0], heads[1], heads[3]):
        assert b"Content-Type" not in head
        assert b"filename" not in head


def test_encode_multipart_boundary_is_fresh_for_every_body() -> None:
    types = {encode_multipart(FORM)[1] for _ in range(20)}
    assert len(types) == 20
