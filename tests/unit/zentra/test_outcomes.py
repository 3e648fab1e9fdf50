from __future__ import annotations

import json

import httpx
import pytest

from spreader_app.core.models import GatewayResult, OutcomeKind
from spreader_app.zentra.outcomes import (
    RAW_LIMIT,
    classify_error,
    classify_response,
    parse_retry_after,
    read_device_status,
    read_number_check,
)

NOW = 1_732_460_000.0


def _classify(status: int, body: object, headers: dict[str, str] | None = None) -> GatewayResult:
    text = body if isinstance(body, str) else json.dumps(body)
    return classify_response(status, headers or {}, text, now=NOW, elapsed_ms=12.5)


def test_classify_accepted_needs_success_true_and_message_created() -> None:
    result = _classify(201, {"success": True, "msg": "MESSAGE_CREATED", "data": {"x": 1}})
    assert result.kind is OutcomeKind.ACCEPTED
    assert result.status_code == 201
    assert result.elapsed_ms == 12.5
    assert json.loads(result.raw)["data"] == {"x": 1}


@pytest.mark.parametrize(
    ("status", "msg", "kind"),
    [
        (201, "Device is not connected. Please scan QR code first", OutcomeKind.DEVICE_UNAVAILABLE),
        (200, "Device not found", OutcomeKind.DEVICE_UNKNOWN),
        (200, "Invalid device", OutcomeKind.DEVICE_UNKNOWN),
    ],
)
def test_classify_2xx_success_false_is_a_device_problem(
    status: int, msg: str, kind: OutcomeKind
) -> None:
    result = _classify(status, {"success": False, "msg": msg})
    assert result.kind is kind
    assert msg in result.detail
    assert f"HTTP {status}" in result.detail


@pytest.mark.parametrize(
    "body",
    [
        "<html>ok</html>",
        "",
        {"success": True, "msg": "QUEUED"},
        {"msg": "MESSAGE_CREATED"},
        ["MESSAGE_CREATED"],
    ],
)
def test_classify_2xx_without_documented_acceptance_is_transient_not_sent(body: object) -> None:
    result = _classify(200, body)
    assert result.kind is OutcomeKind.TRANSIENT
    assert not result.accepted
    assert "may or may not have been sent" in result.detail
    assert not result.not_delivered


def test_classify_429_reads_retry_after_seconds() -> None:
    result = _classify(429, {"message": "Slow down"}, {"Retry-After": "30"})
    assert result.kind is OutcomeKind.RATE_LIMITED
    assert result.retry_after == 30.0
    assert "retry after 30 s" in result.detail and "Slow down" in result.detail


def test_classify_429_without_retry_after_has_none() -> None:
    assert _classify(429, "busy").retry_after is None


@pytest.mark.parametrize("status", [401, 403])
def test_classify_auth_errors(status: int) -> None:
    result = _classify(status, {"message": "Unauthenticated."})
    assert result.kind is OutcomeKind.AUTH_ERROR
    assert "Unauthenticated." in result.detail


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408])
def test_classify_server_errors_are_transient(status: int) -> None:
    result = _classify(status, "<html>Bad Gateway</html>")
    assert result.kind is OutcomeKind.TRANSIENT
    assert not result.not_delivered
    assert f"HTTP {status}" in result.detail


def test_classify_503_keeps_retry_after_for_the_backoff() -> None:
    assert _classify(503, "", {"retry-after": "5"}).retry_after == 5.0


@pytest.mark.parametrize("status", [400, 404, 405, 413, 422])
def test_classify_other_4xx_are_rejected(status: int) -> None:
    assert _classify(status, {"message": "nope"}).kind is OutcomeKind.REJECTED


def test_classify_redirect_is_rejected_and_points_at_the_url_setting() -> None:
    result = _classify(301, "", {"Location": "https://elsewhere.test/v1/messages"})
    assert result.kind is OutcomeKind.REJECTED
    assert "https://elsewhere.test/v1/messages" in result.detail
    assert "gateway URL" in result.detail


def test_classify_detail_includes_message_and_field_errors() -> None:
    body = {
        "success": False,
        "message": "The given data was invalid.",
        "errors": {"ids": ["The ids field is required."], "type_message": "bad"},
    }
    detail = _classify(422, body).detail
    assert detail.startswith("The gateway rejected the request (HTTP 422): ")
    assert "The given data was invalid." in detail
    assert "ids: The ids field is required." in detail
    assert "type_message: bad" in detail


def test_classify_detail_from_error_list_or_string() -> None:
    assert "first. second" in _classify(400, {"errors": ["first", "second"]}).detail
    assert "only this" in _classify(400, {"errors": "only this"}).detail


def test_classify_raw_is_verbatim_and_truncated() -> None:
    body = "x" * (RAW_LIMIT + 100)
    result = _classify(500, body)
    assert result.raw == "x" * RAW_LIMIT


REFUSED = (
    "Cannot connect to host gateway.test:443 ssl:default [Connect call failed ('203.0.113.5', 443)]"
)


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ConnectError(REFUSED),
        httpx.ConnectTimeout("Connection timeout to host https://gateway.test/v1"),
        httpx.PoolTimeout(""),
        httpx.ProxyError("Cannot connect to proxy proxy.office:3128"),
    ],
)
def test_classify_error_connect_failures_were_never_delivered(exc: httpx.TransportError) -> None:
    result = classify_error(exc, elapsed_ms=3.0)
    assert result.kind is OutcomeKind.TRANSIENT
    assert result.not_delivered
    assert result.status_code is None
    assert result.elapsed_ms == 3.0
    assert "may or may not" not in result.detail


def test_classify_error_refused_connection_names_the_host() -> None:
    detail = classify_error(httpx.ConnectError(REFUSED)).detail
    assert detail.startswith("The gateway could not be reached: Cannot connect to host ")
    assert "gateway.test:443" in detail


@pytest.mark.parametrize(
    ("exc", "what"),
    [
        (httpx.ReadTimeout("Timeout on reading data from socket"), "timed out"),
        (httpx.WriteTimeout(""), "timed out"),
        (httpx.RemoteProtocolError("Server disconnected"), "connection failed"),
        (httpx.ReadError("Connection reset by peer"), "connection failed (ReadError)"),
        (httpx.NetworkError(""), "connection failed"),
    ],
)
def test_classify_error_after_connecting_may_have_been_delivered(
    exc: httpx.TransportError, what: str
) -> None:
    result = classify_error(exc)
    assert result.kind is OutcomeKind.TRANSIENT
    assert not result.not_delivered
    assert result.detail.startswith(f"The gateway {what}")
    assert result.detail.endswith("; the message may or may not have been sent.")


def test_parse_retry_after_http_date_is_measured_from_the_date_header() -> None:
    headers = {"Date": "Sun, 24 Nov 2024 15:00:00 GMT"}
    seconds = parse_retry_after("Sun, 24 Nov 2024 15:01:30 GMT", headers, now=0.0)
    assert seconds == 90.0


def test_parse_retry_after_http_date_without_date_header_uses_now() -> None:
    # 1732460000 is Sun, 24 Nov 2024 14:53:20 GMT
    assert parse_retry_after("Sun, 24 Nov 2024 14:53:50 GMT", now=NOW) == 30.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), ("soon", None), ("nan", None), ("-5", 0.0), ("1.5", 1.5)],
)
def test_parse_retry_after_edge_values(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


def test_parse_retry_after_date_in_the_past_is_zero() -> None:
    assert parse_retry_after("Sun, 24 Nov 2024 14:00:00 GMT", now=NOW) == 0.0


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (200, {"exists": True}, True),
        (200, {"success": True, "data": {"on_whatsapp": False}}, False),
        (200, {"data": {"onWhatsApp": "true"}}, True),
        (200, {"success": False, "exists": True}, None),
        (200, {"result": "yes"}, None),
        (200, "not json", None),
        (404, {"exists": True}, None),
        (500, "", None),
    ],
)
def test_read_number_check(status: int, body: object, expected: bool | None) -> None:
    text = body if isinstance(body, str) else json.dumps(body)
    assert read_number_check(status, text) is expected


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (200, {"success": True, "data": {"status": "connected"}}, "connected"),
        (200, {"state": " qr_required "}, "qr_required"),
        (200, {"data": {"connected": False}}, "disconnected"),
        (200, {"connected": True}, "connected"),
        (200, {"success": False, "status": "connected"}, None),
        (200, {"data": {"status": 3}}, None),
        (200, "[]", None),
        (404, {"status": "connected"}, None),
    ],
)
def test_read_device_status(status: int, body: object, expected: str | None) -> None:
    text = body if isinstance(body, str) else json.dumps(body)
    assert read_device_status(status, text) == expected
