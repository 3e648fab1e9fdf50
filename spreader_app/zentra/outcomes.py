"""Classifies Zentra answers into ``OutcomeKind`` (ZENTRA.md) and reads the lookup answers.

Everything here is a pure function of what came back over the wire: status code, headers,
body text or the exception the HTTP client raised. No token ever reaches these functions.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from spreader_app.core.models import GatewayResult, OutcomeKind

RAW_LIMIT = 4096
_DETAIL_LIMIT = 300
_ACCEPTED_MSG = "MESSAGE_CREATED"
_NUMBER_KEYS = ("exists", "on_whatsapp", "onWhatsApp", "is_whatsapp", "isWhatsapp", "registered")
# Failures before a connection was made or taken from the pool.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError)
_STATUS_KEYS = ("status", "state", "connection", "connection_status")
# A profile-side refusal in these words is a ban or an ended subscription, not a dropped
# session: the device must leave the rotation instead of resting and trying again.
_BANNED_WORDS = re.compile(r"\b(?:banned|blocked|expired|not allowed)\b", re.IGNORECASE)
_UNKNOWN_DEVICE = re.compile(
    r"\bdevice\b.{0,40}\bnot (?:found|exist)|\b(?:unknown|invalid|no such) device\b",
    re.IGNORECASE,
)


def classify_response(
    status_code: int,
    headers: Mapping[str, str],
    body: str,
    *,
    now: float,
    elapsed_ms: float = 0.0,
) -> GatewayResult:
    """Classify one ``POST /messages`` answer.

    ``now`` (POSIX seconds) turns an HTTP-date ``Retry-After`` into seconds when the answer
    carries no ``Date`` header. ``raw`` is ``body`` truncated to ``RAW_LIMIT`` characters.
    """
    data = _json_object(body)
    retry_after = parse_retry_after(_header(headers, "retry-after"), headers, now=now)

    def result(kind: OutcomeKind, detail: str) -> GatewayResult:
        return GatewayResult(
            kind=kind,
            status_code=status_code,
            detail=detail,
            raw=body[:RAW_LIMIT],
            retry_after=retry_after,
            elapsed_ms=elapsed_ms,
        )

    success = data.get("success") if data is not None else None
    ok = 200 <= status_code < 300
    if ok and success is True and data is not None and data.get("msg") == _ACCEPTED_MSG:
        # The answer to nearly every send: the gateway's words are not needed for it.
        return result(OutcomeKind.ACCEPTED, "Accepted by the gateway.")
    reason = _reason(data) if data is not None else ""
    http = f"HTTP {status_code}"
    banned = ""
    if _BANNED_WORDS.search(reason):
        banned = _sentence(f"The gateway says this device may not send ({http})", reason)
    if ok:
        if data is not None and "success" in data and success is not True:
            if banned:
                return result(OutcomeKind.BANNED, banned)
            if _UNKNOWN_DEVICE.search(reason):
                return result(
                    OutcomeKind.DEVICE_UNKNOWN,
                    _sentence(f"The gateway does not know this device ({http})", reason),
                )
            return result(
                OutcomeKind.DEVICE_UNAVAILABLE,
                _sentence(
                    f"The device cannot send right now ({http})",
                    reason or "the gateway answered success=false without a reason",
                ),
            )
        # The gateway answered, but not in the documented way: it may or may not have
        # queued the message. TRANSIENT (with not_delivered False) is how the engine already
        # treats a 5xx or a read timeout; DEVICE_UNAVAILABLE would instead fail the send
        # over to a second number and blame a device that did nothing wrong.
        if data is None:
            what = "a body that is not a JSON object"
        elif success is True:
            what = f"success=true but msg {str(data.get('msg'))[:80]!r}"
        else:
            what = "JSON without a success flag"
        return result(
            OutcomeKind.TRANSIENT,
            f"The gateway answered {http} with {what}, instead of {_ACCEPTED_MSG}; "
            "the message may or may not have been sent.",
        )
    if status_code == 429:
        wait = f"; retry after {retry_after:g} s" if retry_after is not None else ""
        return result(
            OutcomeKind.RATE_LIMITED,
            _sentence(f"The gateway is rate limiting requests ({http}{wait})", reason),
        )
    if status_code in (401, 403):
        if banned:
            return result(OutcomeKind.BANNED, banned)
        return result(
            OutcomeKind.AUTH_ERROR,
            _sentence(
                f"The gateway refused the device token ({http})",
                reason or "check the token in the profile settings",
            ),
        )
    # 408 means the gateway gave up waiting for the request: sending again is the HTTP cure.
    if status_code >= 500 or status_code == 408:
        trouble = "had a server error" if status_code >= 500 else "gave up reading the request"
        return result(OutcomeKind.TRANSIENT, _sentence(f"The gateway {trouble} ({http})", reason))
    if 300 <= status_code < 400:
        where = _header(headers, "location")
        return result(
            OutcomeKind.REJECTED,
            f"The gateway redirected the request ({http}) to {where or 'another address'}; "
            "check the gateway URL in the settings.",
        )
    return result(
        OutcomeKind.REJECTED,
        _sentence(f"The gateway rejected the request ({http})", reason),
    )


def classify_error(exc: httpx.TransportError, *, elapsed_ms: float = 0.0) -> GatewayResult:
    """Classify a request that got no usable answer: always ``TRANSIENT``.

    ``not_delivered`` is true only when no connection was ever made (connect error or
    timeout, including the wait for a free pooled connection), so nothing can have reached
    the gateway.
    """
    never_sent = isinstance(exc, _NEVER_SENT)
    if isinstance(exc, httpx.TimeoutException):
        what = f"timed out ({type(exc).__name__})"
    elif never_sent:
        what = "could not be reached"
    else:
        what = f"connection failed ({type(exc).__name__})"
    cause = str(exc).strip().rstrip(".")
    detail = f"The gateway {what}" + (f": {cause}" if cause else "")
    if not never_sent:
        detail += "; the message may or may not have been sent"
    return GatewayResult(
        kind=OutcomeKind.TRANSIENT,
        status_code=None,
        detail=_sentence(detail, "")[:_DETAIL_LIMIT],
        elapsed_ms=elapsed_ms,
        not_delivered=never_sent,
    )


def parse_retry_after(
    value: str | None, headers: Mapping[str, str] | None = None, *, now: float
) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or an HTTP-date).

    An HTTP-date is measured from the answer's ``Date`` header when present, else from
    ``now`` (POSIX seconds). Never negative; ``None`` when absent or unreadable.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text).timestamp()
            date = _header(headers or {}, "date")
            start = parsedate_to_datetime(date).timestamp() if date else now
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        seconds = when - start
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def read_number_check(status_code: int, body: str) -> bool | None:
    """Whether ``/check-whatsapp`` says the number is on WhatsApp; ``None`` if unsure."""
    data = _json_object(body)
    if not 200 <= status_code < 300 or data is None or data.get("success") is False:
        return None
    for scope in (data, data.get("data")):
        if isinstance(scope, dict):
            for key in _NUMBER_KEYS:
                found = _as_bool(scope.get(key))
                if found is not None:
                    return found
    return None


_NOT_CONNECTED_WORDS = re.compile(
    r"disconnect|not connected|offline|qr|scan|logged out|closed|pairing", re.IGNORECASE
)


def classify_device_status(
    status_code: int, body: str, *, elapsed_ms: float = 0.0
) -> GatewayResult | None:
    """Classify a ``GET /devices/{uuid}/status`` answer like a send's: ``ACCEPTED`` when the
    device says it is connected, ``DEVICE_UNAVAILABLE`` (or ``BANNED``) when its status says
    otherwise, the send's classes for refusals (token, unknown device, server trouble), and
    ``None`` when the gateway has no such call (a 404 that is not about the device, or an
    answer in no known shape)."""
    word = read_device_status(status_code, body)
    if word is not None:
        kind = OutcomeKind.ACCEPTED
        if _BANNED_WORDS.search(word):
            kind = OutcomeKind.BANNED
        elif _NOT_CONNECTED_WORDS.search(word):
            kind = OutcomeKind.DEVICE_UNAVAILABLE
        detail = f"The gateway reports the device as {word!r}."
        return GatewayResult(kind, status_code, detail, body[:RAW_LIMIT], elapsed_ms=elapsed_ms)
    data = _json_object(body)
    reason = _reason(data) if data is not None else ""
    if status_code == 404 and not _UNKNOWN_DEVICE.search(reason):
        return None
    result = classify_response(status_code, {}, body, now=0.0, elapsed_ms=elapsed_ms)
    if result.kind is OutcomeKind.TRANSIENT and 200 <= status_code < 300:
        return None  # an answer, but not a status: the call is not what we think it is
    return result


def read_device_status(status_code: int, body: str) -> str | None:
    """A short status word from ``/devices/{uuid}/status``; ``None`` if not understood."""
    data = _json_object(body)
    if not 200 <= status_code < 300 or data is None or data.get("success") is False:
        return None
    for scope in (data.get("data"), data):
        if not isinstance(scope, dict):
            continue
        for key in _STATUS_KEYS:
            value = scope.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()[:64]
        connected = _as_bool(scope.get("connected"))
        if connected is not None:
            return "connected" if connected else "disconnected"
    return None


def _json_object(body: str) -> dict[str, Any] | None:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _reason(data: Mapping[str, Any]) -> str:
    """The gateway's own words: ``msg`` or ``message``, then ``errors``."""
    parts = [str(data[key]).strip() for key in ("msg", "message") if isinstance(data.get(key), str)]
    errors = data.get("errors")
    if isinstance(errors, dict):
        for field, problems in errors.items():
            listed = problems if isinstance(problems, list) else [problems]
            parts.append(f"{field}: " + "; ".join(str(p) for p in listed))
    elif isinstance(errors, list):
        parts.extend(str(e) for e in errors)
    elif isinstance(errors, str):
        parts.append(errors)
    unique = list(dict.fromkeys(p for p in parts if p))
    return " ".join(_sentence(p, "") for p in unique)[:_DETAIL_LIMIT]


def _sentence(lead: str, reason: str) -> str:
    text = f"{lead}: {reason}" if reason else lead
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None
