"""Request bodies for the Zentra API, one multipart form per call (see ZENTRA.md).

Every form value is a string and the body is always ``multipart/form-data``, even for a
text-only send: plain fields are ``(None, value)`` tuples (no filename, so no file
semantics), uploads are ``(filename, bytes, content_type)``. ``encode_multipart`` turns a
form into one body.
"""

from __future__ import annotations

import asyncio
import mimetypes
import random
import re
from dataclasses import dataclass
from pathlib import Path

from spreader_app.core.models import MessageType, SendRequest

TYPE_MESSAGE: dict[MessageType, str] = {
    MessageType.TEXT: "text",
    MessageType.IMAGE: "image",
    MessageType.VIDEO: "video",
    MessageType.DOCUMENT: "doc",
    # Unconfirmed on the real gateway; "audio" is the most likely spelling.
    MessageType.VOICE: "audio",
}

_E164 = re.compile(r"\+?[0-9]{6,15}")
# Visible ASCII only: anything else cannot travel in an HTTP header without mangling.
_HEADER_SAFE = re.compile(r"[\x21-\x7e]+")
# Characters a form-data name or filename cannot carry raw (WHATWG HTML multipart rules).
_BOUNDARIES = random.Random()
_PARAM_ESCAPES = {ord('"'): "%22", ord("\r"): "%0D", ord("\n"): "%0A"}

FormField = tuple[str, tuple[str | None, str] | tuple[str, bytes, str]]


class PayloadError(ValueError):
    """A request that cannot be put on the wire; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class MediaUpload:
    """A local file read into memory, ready to be sent as the ``media`` part."""

    filename: str
    data: bytes
    content_type: str


def wire_number(phone_e164: str) -> str:
    """The number as Zentra expects it: international digits, no ``+``.

    Raises ``PayloadError`` when ``phone_e164`` is not 6 to 15 digits with an optional ``+``.
    """
    if not _E164.fullmatch(phone_e164):
        raise PayloadError(
            f"Recipient {phone_e164!r} is not an international number in E.164 form "
            "(a '+' and 6 to 15 digits, e.g. +201066183456)."
        )
    return phone_e164.removeprefix("+")


def check_token(token: str) -> None:
    """Raise ``PayloadError`` when a token cannot be sent as a header value.

    The message never repeats the token.
    """
    if not _HEADER_SAFE.fullmatch(token):
        raise PayloadError(
            "The device token is empty or contains spaces, line breaks or non-ASCII "
            "characters; paste the token from the Zentra dashboard again."
        )


async def load_upload(path: str) -> MediaUpload:
    """Read ``path`` off the event loop.

    Raises ``PayloadError`` when the file is missing or unreadable.
    """
    file = Path(path)
    try:
        data = await asyncio.to_thread(file.read_bytes)
    except FileNotFoundError:
        raise PayloadError(
            f"The media file {path!r} does not exist; choose the file again."
        ) from None
    except OSError as exc:
        raise PayloadError(
            f"The media file {path!r} cannot be read ({exc.strerror or exc}); "
            "check that it is a readable file."
        ) from None
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return MediaUpload(filename=file.name, data=data, content_type=content_type)


def send_form(request: SendRequest, upload: MediaUpload | None = None) -> list[FormField]:
    """The ``POST /messages`` form for one recipient.

    Text sends carry ``text_message``; media sends carry the caption (``content.caption``,
    else ``content.text``) when there is one, and either the uploaded ``media`` part (when
    ``upload`` is given, which wins over a URL) or ``media_url``. Raises ``PayloadError``
    for a bad recipient, an empty text message or a media message without media.
    """
    content = request.content
    fields: list[FormField] = [
        ("device_uuid", (None, request.device_uuid)),
        ("type_message", (None, TYPE_MESSAGE[content.type])),
        ("type_contact", (None, "numbers")),
        ("ids", (None, wire_number(request.recipient_e164))),
    ]
    if content.type is MessageType.TEXT:
        if not content.text.strip():
            raise PayloadError("A text message needs a non-empty text.")
        fields.append(("text_message", (None, content.text)))
        return fields
    caption = content.caption if content.caption is not None else content.text
    if caption:
        fields.append(("text_message", (None, caption)))
    if upload is not None:
        fields.append(("media", (upload.filename, upload.data, upload.content_type)))
    elif content.media_url:
        fields.append(("media_url", (None, content.media_url)))
    else:
        raise PayloadError(f"A {content.type.value} message needs a media file or a media URL.")
    return fields


def check_number_form(device_uuid: str, phone_e164: str) -> list[FormField]:
    """The ``POST /check-whatsapp`` form; raises ``PayloadError`` for a bad number."""
    return [
        ("device_uuid", (None, device_uuid)),
        ("phone", (None, wire_number(phone_e164))),
    ]


def encode_multipart(fields: list[FormField]) -> tuple[bytes, str]:
    """The ``multipart/form-data`` body of ``fields`` and its ``Content-Type`` header value.

    Plain fields carry no per-part content type (as browsers send them); uploads carry
    their filename and content type. The boundary is 128 random bits, so it does not occur
    in a part by accident; it needs no secrecy, so it does not cost a system call.
    """
    boundary = f"{_BOUNDARIES.getrandbits(128):032x}"
    dash = f"--{boundary}\r\n".encode("ascii")
    chunks: list[bytes] = []
    for name, part in fields:
        chunks.append(dash)
        disposition = f'Content-Disposition: form-data; name="{name.translate(_PARAM_ESCAPES)}"'
        if len(part) == 2:
            chunks.append(f"{disposition}\r\n\r\n".encode())
            chunks.append(part[1].encode())
        else:
            filename, data, content_type = part
            head = (
                f'{disposition}; filename="{filename.translate(_PARAM_ESCAPES)}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n"
            )
            chunks.append(head.encode())
            chunks.append(data)
        chunks.append(b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode("ascii"))
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"
