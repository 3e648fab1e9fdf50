"""Classifies Zentra answers into ``OutcomeKind`` (ZENTRA.md) and reads the lookup answers.

Everything here is a pure function of what came back over the wire: status code, headers,
body text or the exception the HTTP client raised. No token ever reaches these functions.
A result's ``detail`` is one of the sentences of ``core.gateway_words`` in English, the
gateway's own words inside it, so the window can read it back and translate it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from spreader_app.core import gateway_words as w
from spreader_app.core.models import GatewayResult, OutcomeKind
from spreader_app.core.text import Text

RAW_LIMIT = 4096
_DETAIL_LIMIT = 300
_ACCEPTED_MSG = "MESSAGE_CREATED"
_NUMBER_KEYS = ("exists", "on_whatsapp", "onWhatsApp", "is_whatsapp", "isWhatsapp", "registered")
# Failures before a connection was made or taken from the pool.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError)
_STATUS_KEYS = ("status", "state", "connection", "connection_status")
# A profile-side refusal in these words is a ban or an ended subscription, not a dropped
# session: the device must leave the rotation instead of resting and trying again.
# not translated: patterns matched against the gateway's own words
_BANNED_WORDS = re.compile(r"\b(?:banned|blocked|expired|not allowed)\b", re.IGNORECASE)
_UNKNOWN_DEVICE = re.compile(  # not translated: a pattern, as above
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

    def result(kind: OutcomeKind, detail: Text) -> GatewayResult:
        return GatewayResult(
            kind=kind,
            status_code=status_code,
            detail=str(detail),
            raw=body[:RAW_LIMIT],
            retry_after=retry_after,
            elapsed_ms=elapsed_ms,
        )

    success = data.get("success") if data is not None else None
    ok = 200 <= status_code < 300
    if ok and success is True and data is not None and data.get("msg") == _ACCEPTED_MSG:
        # The answer to nearly every send: the gateway's words are not needed for it.
        return result(OutcomeKind.ACCEPTED, w.ACCEPTED())
    reason = _reason(data) if data is not None else ""
    status = str(status_code)
    banned = None
    if _BANNED_WORDS.search(reason):
        banned = w.with_reason(w.MAY_NOT_SEND, w.MAY_NOT_SEND_BECAUSE, reason, status=status)
    if ok:
        if data is not None and "success" in data and success is not True:
            if banned is not None:
                return result(OutcomeKind.BANNED, banned)
            if _UNKNOWN_DEVICE.search(reason):
                return result(
                    OutcomeKind.DEVICE_UNKNOWN,
                    w.with_reason(
                        w.UNKNOWN_DEVICE, w.UNKNOWN_DEVICE_BECAUSE, reason, status=status
                    ),
                )
            return result(
                OutcomeKind.DEVICE_UNAVAILABLE,
                w.with_reason(
                    w.CANNOT_SEND_NOW,
                    w.CANNOT_SEND_NOW,
                    reason or w.NO_REASON_GIVEN(),
                    status=status,
                ),
            )
        # The gateway answered, but not in the documented way: it may or may not have
        # queued the message. TRANSIENT (with not_delivered False) is how the engine already
        # treats a 5xx or a read timeout; DEVICE_UNAVAILABLE would instead fail the send
        # over to a second number and blame a device that did nothing wrong.
        if data is None:
            what = w.NOT_JSON()
        elif success is True:
            what = w.ODD_MSG(msg=repr(str(data.get("msg"))[:80]))
        else:
            what = w.NO_FLAG()
        return result(OutcomeKind.TRANSIENT, w.ODD_ANSWER(status=status, what=what))
    if status_code == 429:
        if retry_after is None:
            limited = w.with_reason(w.RATE_LIMITED, w.RATE_LIMITED_BECAUSE, reason, status=status)
        else:
            limited = w.with_reason(
                w.RATE_LIMITED_WAIT,
                w.RATE_LIMITED_WAIT_BECAUSE,
                reason,
                status=status,
                seconds=f"{retry_after:g}",
            )
        return result(OutcomeKind.RATE_LIMITED, limited)
    if status_code in (401, 403):
        if banned is not None:
            return result(OutcomeKind.BANNED, banned)
        return result(
            OutcomeKind.AUTH_ERROR,
            w.with_reason(
                w.TOKEN_REFUSED, w.TOKEN_REFUSED, reason or w.CHECK_TOKEN(), status=status
            ),
        )
    # 408 means the gateway gave up waiting for the request: sending again is the HTTP cure.
    if status_code >= 500 or status_code == 408:
        if status_code >= 500:
            trouble = w.with_reason(w.SERVER_ERROR, w.SERVER_ERROR_BECAUSE, reason, status=status)
        else:
            trouble = w.with_reason(w.GAVE_UP, w.GAVE_UP_BECAUSE, reason, status=status)
        return result(OutcomeKind.TRANSIENT, trouble)
    if 300 <= status_code < 400:
        where = _header(headers, "location")
        return result(
            OutcomeKind.REJECTED,
            w.REDIRECTED(status=status, where=where or w.ANOTHER_ADDRESS()),
        )
    return result(
        OutcomeKind.REJECTED, w.with_reason(w.REJECTED, w.REJECTED_BECAUSE, reason, status=status)
    )


def classify_error(exc: httpx.TransportError, *, elapsed_ms: float = 0.0) -> GatewayResult:
    """Classify a request that got no usable answer: always ``TRANSIENT``.

    ``not_delivered`` is true only when no connection was ever made (connect error or
    timeout, including the wait for a free pooled connection), so nothing can have reached
    the gateway.
    """
    never_sent = isinstance(exc, _NEVER_SENT)
    error = type(exc).__name__
    cause = str(exc).strip().rstrip(".")
    if isinstance(exc, httpx.TimeoutException) and never_sent:
        detail = w.with_reason(w.TIMED_OUT, w.TIMED_OUT_BECAUSE, cause, error=error)
    elif isinstance(exc, httpx.TimeoutException):
        detail = (
            w.TIMED_OUT_MAYBE_SENT_BECAUSE(error=error, reason=cause)
            if cause
            else w.TIMED_OUT_MAYBE_SENT(error=error)
        )
    elif never_sent:
        detail = w.with_reason(w.UNREACHABLE, w.UNREACHABLE_BECAUSE, cause)
    else:
        detail = w.FAILED_BECAUSE(error=error, reason=cause) if cause else w.FAILED(error=error)
    return GatewayResult(
        kind=OutcomeKind.TRANSIENT,
        status_code=None,
        detail=str(detail)[:_DETAIL_LIMIT],
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


_NOT_CONNECTED_WORDS = re.compile(  # not translated: a pattern of the gateway's words
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
        detail = str(w.DEVICE_REPORTS(word=repr(word)))
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
