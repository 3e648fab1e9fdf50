"""Reading request bodies: a size cap per endpoint, then strict JSON with located errors."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Final, NoReturn

from aiohttp import web

from spreader_app.core.gc_pause import gc_paused
from spreader_app.server.errors import MalformedBody, PayloadTooLarge, UnsupportedMediaType

MIB: Final = 1024 * 1024
DEFAULT_LIMIT: Final = MIB
# An Open Chat body carries up to 100,000 recipients (plus the text): 16 MiB leaves room.
OPEN_CHAT_LIMIT: Final = 16 * MIB
_CHUNK: Final = 64 * 1024
# Bodies above this are decoded on a worker thread, so a 16 MiB recipient list does not
# hold up replies and webhooks waiting on the event loop.
_PARSE_OFF_LOOP: Final = 256 * 1024
_JSON_TYPES: Final = ("application/json", "text/json", "text/plain", "application/octet-stream")


def _too_large(limit: int) -> NoReturn:
    raise PayloadTooLarge(
        f"The request body is larger than {limit // MIB} MiB, the limit for this endpoint. "
        "Split the work into several requests.",
        details={"limit_bytes": limit},
    )


async def read_bytes(request: web.Request, limit: int = DEFAULT_LIMIT) -> bytes:
    """The raw body; raises ``PayloadTooLarge`` as soon as it exceeds ``limit`` bytes.

    A declared ``Content-Length`` over the limit is refused before anything is read, and a
    chunked body is counted as it arrives, so an oversized upload is never held in memory.
    """
    declared = request.content_length
    if declared is not None and declared > limit:
        _too_large(limit)
    parts: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(_CHUNK):
        size += len(chunk)
        if size > limit:
            _too_large(limit)
        parts.append(chunk)
    return b"".join(parts)


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed in JSON; send numbers as plain digits")


def parse_json(body: bytes) -> Any:
    """Decodes a UTF-8 JSON document; raises ``MalformedBody`` saying where it broke."""
    if not body.strip():
        raise MalformedBody(
            "The request body is empty; send a JSON object (Content-Type: application/json)."
        )
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedBody(
            f"The request body is not UTF-8 text (bad byte at position {exc.start}); "
            "send JSON encoded as UTF-8.",
            details={"position": exc.start},
        ) from None
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise MalformedBody(
            f"The request body is not valid JSON: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno} (character {exc.pos}).",
            details={"line": exc.lineno, "column": exc.colno, "position": exc.pos},
        ) from None
    except RecursionError:
        raise MalformedBody("The JSON document is nested too deeply to be read.") from None
    except ValueError as exc:
        # Integers with thousands of digits, or the NaN/Infinity constants.
        raise MalformedBody(f"The request body has a value JSON cannot carry: {exc}.") from None
    # PostgreSQL's text cannot hold a NUL character; refusing it on every database keeps
    # both alike. The substring test is C speed; the walk runs only when it may be one.
    if "\\u0000" in text and _has_nul(value):
        raise MalformedBody("The request body has a NUL character (\\u0000) in a text value.")
    return value


def _has_nul(value: Any) -> bool:
    """Whether a string anywhere in the decoded JSON ``value`` (keys too) holds U+0000."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _check_media_type(request: web.Request) -> None:
    media = request.content_type
    # aiohttp reports a missing header as application/octet-stream; be lenient with
    # plain-text clients (curl -d) and strict with forms, which never carry JSON.
    if media in _JSON_TYPES or media.endswith("+json"):
        return
    raise UnsupportedMediaType(
        f"The body is sent as {media}; send it as JSON with Content-Type: application/json.",
        details={"content_type": media},
    )


async def read_json(request: web.Request, limit: int = DEFAULT_LIMIT) -> Any:
    """The JSON body of ``request``, size-checked (413), typed (415) and parsed (400)."""
    if request.body_exists:
        _check_media_type(request)
    body = await read_bytes(request, limit)
    if len(body) > _PARSE_OFF_LOOP:
        # A big body is a big heap of new objects: no point letting the collector scan it.
        parse = gc_paused(parse_json)
        return await asyncio.get_running_loop().run_in_executor(None, parse, body)
    return parse_json(body)
