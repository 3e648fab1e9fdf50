"""Tolerant parsing of inbound webhook payloads (ZENTRA.md, "Inbound webhooks").

Zentra's own payload shape is unknown, so the parser accepts the shapes WhatsApp gateways
commonly post (flat, nested under ``data``/``payload``/``message``, batched in arrays,
Baileys-style ``key.remoteJid``) plus Spreader's documented clean shape::

    {"device_uuid": "...", "from": "201066183456", "text": "...",
     "message_id": "...", "timestamp": 1732460000}
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from spreader_app.core.models import InboundMessage

_MAX_DEPTH = 12
_DEVICE_KEYS = (
    "device_uuid",
    "deviceUuid",
    "uuid",
    "device",
    "device_id",
    "deviceId",
    "instance",
    "instance_id",
    "instanceId",
)
_SENDER_KEYS = ("from", "sender", "phone", "number", "chatId", "chat_id", "remoteJid")
_TEXT_KEYS = ("text", "body", "message", "text_message", "content", "caption", "conversation")
# Baileys nests the text of rich messages one level down.
_NESTED_TEXT_KEYS = ("extendedTextMessage", "imageMessage", "videoMessage", "documentMessage")
_ID_KEYS = ("message_id", "messageId", "id")
_TIME_KEYS = ("timestamp", "time", "t", "messageTimestamp")
_FROM_ME_KEYS = ("fromMe", "from_me")
_WRAPPER_KEYS = ("data", "payload", "message", "messages")
_KNOWN_KEYS = frozenset(
    (*_DEVICE_KEYS, *_SENDER_KEYS, *_TEXT_KEYS, *_NESTED_TEXT_KEYS, *_ID_KEYS, *_TIME_KEYS)
    + (*_FROM_ME_KEYS, *_WRAPPER_KEYS, "key")
)
# Chats that are not one customer: groups, status broadcasts, channels.
_NOT_A_CUSTOMER = frozenset({"g.us", "broadcast", "newsletter"})
# A "linked id" hides the phone number; its digits must not be mistaken for one.
_NOT_A_PHONE = frozenset({"lid"})
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")

_T = TypeVar("_T")


def decode_body(body: bytes, content_type: str | None) -> Any:
    """Decode a webhook body: a JSON object or array, or form fields as a ``dict``.

    Form fields repeated in the body become lists; uploaded file parts of a multipart form
    become ``{"filename", "content_type", "size"}``. The declared ``content_type`` is tried
    first, then the other decoder, since gateways are careless with that header. Raises
    ``ValueError`` saying why when the body is empty, not UTF-8, or neither JSON nor a form.
    """
    media = (content_type or "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        return _decode_multipart(body, content_type or "")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"The webhook body is not UTF-8 text (bad byte at position {exc.start}); "
            "send JSON or form data encoded as UTF-8."
        ) from None
    if not text.strip():
        raise ValueError("The webhook body is empty; send a JSON object or form fields.")
    json_first = media == "application/json" or media.endswith("+json")
    if media != "application/x-www-form-urlencoded" and text.lstrip()[:1] in ("{", "["):
        json_first = True
    decoders: list[Callable[[str], Any]] = (
        [_decode_json, _decode_form] if json_first else [_decode_form, _decode_json]
    )
    errors: list[str] = []
    for decode in decoders:
        try:
            return decode(text)
        except ValueError as exc:
            errors.append(str(exc))
    raise ValueError(
        f"The webhook body is neither JSON nor form data ({errors[0]}); "
        "send a JSON object or form fields."
    )


def parse_inbound(data: Any) -> list[InboundMessage]:
    """Every customer message found in a decoded payload, in payload order.

    Envelope fields (device, sender, timestamp, and for a single nested object also the id
    and text) fill what a nested message lacks; elements of an array are separate messages.
    A message needs a sender or a non-empty text. Messages flagged as sent by the device
    (``fromMe``) are left out, a group or broadcast chat gives ``sender=None``, and
    ``sender`` is ``+<digits>``. Timestamps are aware UTC. Keys the parser does not know,
    of the message and of its envelopes, are kept in ``extra``. Never raises; returns
    ``[]`` when nothing is understood.
    """
    return [f.to_message() for f in _collect(data, _Fields(), 0) if not f.from_me]


@dataclass(frozen=True, slots=True)
class _Fields:
    device: str | None = None
    # "+digits", or "" for a chat that is present but is not one customer's phone.
    sender: str | None = None
    text: str | None = None
    message_id: str | None = None
    timestamp: datetime | None = None
    from_me: bool | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def over(self, parent: _Fields) -> _Fields:
        return _Fields(
            device=_first(self.device, parent.device),
            sender=_first(self.sender, parent.sender),
            text=_first(self.text, parent.text),
            message_id=_first(self.message_id, parent.message_id),
            timestamp=_first(self.timestamp, parent.timestamp),
            from_me=_first(self.from_me, parent.from_me),
            extra={**parent.extra, **self.extra},
        )

    def is_message(self) -> bool:
        return bool(self.sender) or bool(self.text)

    def to_message(self) -> InboundMessage:
        return InboundMessage(
            device_uuid=self.device,
            sender=self.sender or None,
            text=self.text or "",
            message_id=self.message_id,
            timestamp=self.timestamp,
            extra=dict(self.extra),
        )


def _first(own: _T | None, inherited: _T | None) -> _T | None:
    return own if own is not None else inherited


def _collect(node: Any, parent: _Fields, depth: int) -> list[_Fields]:
    if depth > _MAX_DEPTH:
        return []
    node = _maybe_json(node)
    if isinstance(node, list):
        # An array is a batch: its messages share the envelope, not its id or text.
        batch_parent = replace(parent, text=None, message_id=None)
        return [f for item in node for f in _collect(item, batch_parent, depth + 1)]
    if not isinstance(node, dict):
        return []
    fields = _own_fields(node).over(parent)
    found: list[_Fields] = []
    for key in _WRAPPER_KEYS:
        child = node.get(key)
        if key != "message":  # a string under "message" is the text itself
            child = _maybe_json(child)
        if isinstance(child, dict | list):
            found.extend(_collect(child, fields, depth + 1))
    if found:
        return found
    return [fields] if fields.is_message() else []


def _own_fields(node: dict[Any, Any]) -> _Fields:
    raw_key = node.get("key")
    key: Mapping[Any, Any] = raw_key if isinstance(raw_key, dict) else {}
    return _Fields(
        device=_pick(node, _DEVICE_KEYS, _identifier),
        sender=_sender(node, key),
        text=_text(node),
        message_id=_pick(node, _ID_KEYS, _identifier) or _identifier(key.get("id")),
        timestamp=_pick(node, _TIME_KEYS, _when),
        from_me=_first(_pick(node, _FROM_ME_KEYS, _flag), _flag(key.get("fromMe"))),
        extra={k: v for k, v in node.items() if isinstance(k, str) and k not in _KNOWN_KEYS},
    )


def _pick(
    node: Mapping[Any, Any], keys: tuple[str, ...], read: Callable[[Any], _T | None]
) -> _T | None:
    for key in keys:
        value = read(node.get(key))
        if value is not None:
            return value
    return None


def _identifier(value: Any) -> str | None:
    if isinstance(value, dict):
        value = _pick(value, ("_serialized", "uuid", "id"), _identifier)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _sender(node: Mapping[Any, Any], key: Mapping[Any, Any]) -> str | None:
    chats = [node.get(k) for k in _SENDER_KEYS] + [key.get("remoteJid")]
    candidates = [c for c in map(_chat_text, chats) if c is not None]
    if not candidates:
        return None
    for chat in candidates:
        local, _, domain = chat.partition("@")
        if domain.lower() in _NOT_A_CUSTOMER:
            return ""
    for chat in candidates:
        local, at, domain = chat.partition("@")
        if domain.lower() in _NOT_A_PHONE:
            continue
        # "2010...:12@s.whatsapp.net": the part after ":" numbers the linked device.
        digits = "".join(re.findall("[0-9]", local.split(":")[0] if at else local))
        if digits:
            return "+" + digits
    return ""


def _chat_text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = _pick(value, ("_serialized", "id", "user", "phone", "number"), _chat_text)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _text(node: Mapping[Any, Any]) -> str | None:
    for key in _TEXT_KEYS:
        value = node.get(key)
        if isinstance(value, dict) and key in ("text", "content"):
            value = value.get("body", value.get("text"))
        if isinstance(value, str) and value:
            return value
    for key in _NESTED_TEXT_KEYS:
        value = node.get(key)
        if isinstance(value, dict):
            inner = value.get("text", value.get("caption"))
            if isinstance(inner, str) and inner:
                return inner
    return None


def _when(value: Any) -> datetime | None:
    """Epoch seconds, milliseconds or microseconds, or an ISO 8601 string, as aware UTC."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, str):
            text = value.strip()
            if not _NUMBER.fullmatch(text):
                parsed = datetime.fromisoformat(text)
                if parsed.tzinfo is None:
                    return parsed.replace(tzinfo=UTC)
                return parsed.astimezone(UTC)
            value = float(text)
        if not isinstance(value, int | float):
            return None
        seconds = float(value)
        if not math.isfinite(seconds) or seconds < 0:
            return None
        # Seconds stay below 1e11 until the year 5138, so larger values are finer units.
        if seconds >= 1e14:
            seconds /= 1e6
        elif seconds >= 1e11:
            seconds /= 1e3
        return datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | str):
        return str(value).strip().lower() in ("1", "true", "yes")
    return None


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            return value
    return value


def _decode_json(text: str) -> Any:
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except ValueError as exc:
        raise ValueError(f"invalid JSON: {exc}") from None
    if not isinstance(data, dict | list):
        raise ValueError("JSON, but neither an object nor an array")
    return data


def _decode_form(text: str) -> dict[str, Any]:
    try:
        pairs = parse_qsl(text.strip(), keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise ValueError("not name=value form fields") from None
    return _group(pairs)


def _decode_multipart(body: bytes, content_type: str) -> dict[str, Any]:
    try:
        head = f"Content-Type: {content_type}\r\n\r\n".encode("ascii")
    except UnicodeEncodeError:
        raise ValueError("The webhook Content-Type header is not ASCII.") from None
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    pairs: list[tuple[str, Any]] = []
    if message.is_multipart():
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                continue
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            filename = part.get_filename()
            if filename:
                info = {"filename": filename, "content_type": part.get_content_type()}
                pairs.append((name, {**info, "size": len(data)}))
            else:
                pairs.append((name, _decode_text(data, part.get_content_charset())))
    if not pairs:
        raise ValueError(
            "The webhook body is declared multipart/form-data but holds no named fields; "
            "check the boundary in the Content-Type header."
        )
    return _group(pairs)


def _decode_text(data: bytes, charset: str | None) -> str:
    try:
        return data.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _group(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    grouped: dict[str, Any] = {}
    for name, value in pairs:
        if name not in grouped:
            grouped[name] = value
        elif isinstance(grouped[name], list):
            grouped[name].append(value)
        else:
            grouped[name] = [grouped[name], value]
    return grouped
