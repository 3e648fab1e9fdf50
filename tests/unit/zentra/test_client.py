from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from spreader_app.core.models import (
    GatewayResult,
    MessageContent,
    MessageType,
    OutcomeKind,
    SendRequest,
)
from spreader_app.zentra.client import ZentraClient
from spreader_app.zentra.webhook import decode_body

BASE = "https://gateway.test/v1"
TOKEN = "tok-S3cr3t-9f8e7d"
CREATED = {"success": True, "msg": "MESSAGE_CREATED", "data": {"queued": 1}}


@pytest.fixture
def gateway() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


@pytest.fixture
async def client() -> AsyncIterator[ZentraClient]:
    async with ZentraClient(BASE, timeout=5.0) as zentra:
        yield zentra


def _send_request(content: MessageContent | None = None, token: str = TOKEN) -> SendRequest:
    return SendRequest(
        device_uuid="dev-1",
        token=token,
        recipient_e164="+201066183456",
        content=content or MessageContent(text="Hello there"),
    )


def _form(request: httpx.Request) -> dict[str, Any]:
    """The form fields the gateway sees (the multipart body decoded)."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    form = decode_body(request.content, content_type)
    assert isinstance(form, dict)
    return form


def _assert_no_token(result: GatewayResult) -> None:
    assert TOKEN not in result.detail
    assert TOKEN not in result.raw
    assert TOKEN not in repr(result)


async def test_client_send_text_posts_the_documented_multipart_form(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    result = await client.send(_send_request())
    assert result.kind is OutcomeKind.ACCEPTED
    assert result.elapsed_ms > 0
    sent = route.calls.last.request
    assert sent.url == "https://gateway.test/v1/messages"
    assert sent.headers["x-api-token"] == TOKEN
    assert _form(sent) == {
        "device_uuid": "dev-1",
        "type_message": "text",
        "type_contact": "numbers",
        "ids": "201066183456",
        "text_message": "Hello there",
    }


@pytest.mark.parametrize(
    ("kind", "wire"),
    [
        (MessageType.IMAGE, "image"),
        (MessageType.VIDEO, "video"),
        (MessageType.DOCUMENT, "doc"),
        (MessageType.VOICE, "audio"),
    ],
)
async def test_client_send_media_url_per_type(
    gateway: respx.MockRouter, client: ZentraClient, kind: MessageType, wire: str
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    content = MessageContent(type=kind, media_url="https://cdn.test/f.bin", caption="Look")
    assert (await client.send(_send_request(content))).accepted
    form = _form(route.calls.last.request)
    assert form["type_message"] == wire
    assert form["media_url"] == "https://cdn.test/f.bin"
    assert form["text_message"] == "Look"
    assert form["ids"] == "201066183456"
    assert "media" not in form


async def test_client_send_uploads_a_local_file_as_the_media_part(
    gateway: respx.MockRouter, client: ZentraClient, tmp_path: Path
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    photo = tmp_path / "menu.png"
    photo.write_bytes(b"\x89PNG-fake-image-bytes")
    content = MessageContent(type=MessageType.IMAGE, media_path=str(photo), caption="Menu")
    assert (await client.send(_send_request(content))).accepted
    sent = route.calls.last.request
    form = _form(sent)
    assert form["media"] == {"filename": "menu.png", "content_type": "image/png", "size": 21}
    assert form["text_message"] == "Menu"
    assert b"\x89PNG-fake-image-bytes" in sent.content


async def test_client_send_missing_media_file_is_rejected_without_a_call(
    gateway: respx.MockRouter, client: ZentraClient, tmp_path: Path
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    content = MessageContent(type=MessageType.IMAGE, media_path=str(tmp_path / "gone.jpg"))
    result = await client.send(_send_request(content))
    assert result.kind is OutcomeKind.REJECTED
    assert result.not_delivered
    assert "gone.jpg" in result.detail and "does not exist" in result.detail
    assert not route.called


async def test_client_send_text_ignores_a_stray_media_path(
    gateway: respx.MockRouter, client: ZentraClient, tmp_path: Path
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    content = MessageContent(text="Just text", media_path=str(tmp_path / "gone.jpg"))
    assert (await client.send(_send_request(content))).accepted
    assert "media" not in _form(route.calls.last.request)


async def test_client_send_bad_recipient_is_rejected_without_a_call(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    request = SendRequest("dev-1", TOKEN, "0106 618 3456", MessageContent(text="hi"))
    result = await client.send(request)
    assert result.kind is OutcomeKind.REJECTED and result.not_delivered
    assert not route.called


async def test_client_send_unusable_token_is_an_auth_error_without_a_call(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    result = await client.send(_send_request(token="abc\r\nX-Evil: 1"))
    assert result.kind is OutcomeKind.AUTH_ERROR and result.not_delivered
    assert "abc" not in result.detail
    assert not route.called


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (201, CREATED, OutcomeKind.ACCEPTED),
        (
            201,
            {"success": False, "msg": "Device is not connected. Please scan QR code first"},
            OutcomeKind.DEVICE_UNAVAILABLE,
        ),
        (200, {"success": False, "msg": "Device expired"}, OutcomeKind.DEVICE_UNAVAILABLE),
        (200, {"success": True, "msg": "SOMETHING_ELSE"}, OutcomeKind.TRANSIENT),
        (200, "<html>maintenance</html>", OutcomeKind.TRANSIENT),
        (429, {"message": "Too Many Attempts."}, OutcomeKind.RATE_LIMITED),
        (401, {"message": "Unauthenticated."}, OutcomeKind.AUTH_ERROR),
        (403, {"message": "Forbidden"}, OutcomeKind.AUTH_ERROR),
        (500, {"message": "Server Error"}, OutcomeKind.TRANSIENT),
        (502, "<html>Bad Gateway</html>", OutcomeKind.TRANSIENT),
        (503, "", OutcomeKind.TRANSIENT),
        (422, {"message": "invalid", "errors": {"ids": ["bad"]}}, OutcomeKind.REJECTED),
        (404, {"message": "Not Found"}, OutcomeKind.REJECTED),
    ],
)
async def test_client_send_classifies_every_answer(
    gateway: respx.MockRouter,
    client: ZentraClient,
    status: int,
    body: object,
    kind: OutcomeKind,
) -> None:
    response = (
        httpx.Response(status, text=body)
        if isinstance(body, str)
        else httpx.Response(status, json=body)
    )
    gateway.post("/messages").mock(return_value=response)
    result = await client.send(_send_request())
    assert result.kind is kind
    assert result.status_code == status
    assert not result.not_delivered
    _assert_no_token(result)


async def test_client_send_rate_limit_carries_retry_after(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    gateway.post("/messages").respond(429, headers={"Retry-After": "42"}, json={})
    result = await client.send(_send_request())
    assert result.kind is OutcomeKind.RATE_LIMITED
    assert result.retry_after == 42.0


@pytest.mark.parametrize(
    ("error", "not_delivered"),
    [
        (httpx.ConnectError("All connection attempts failed"), True),
        (httpx.ConnectTimeout("timed out"), True),
        (httpx.ReadTimeout("timed out"), False),
        (httpx.WriteTimeout("timed out"), False),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), False),
        (httpx.ReadError("Connection reset by peer"), False),
    ],
)
async def test_client_send_network_failures_are_transient(
    gateway: respx.MockRouter, client: ZentraClient, error: Exception, not_delivered: bool
) -> None:
    gateway.post("/messages").mock(side_effect=error)
    result = await client.send(_send_request())
    assert result.kind is OutcomeKind.TRANSIENT
    assert result.status_code is None
    assert result.not_delivered is not_delivered


async def test_client_send_never_leaks_the_token_echoed_by_the_gateway(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    echo = {"success": False, "msg": f"Token {TOKEN} is not valid for device dev-1"}
    gateway.post("/messages").respond(201, json=echo)
    result = await client.send(_send_request())
    assert result.kind is OutcomeKind.DEVICE_UNAVAILABLE
    assert "***" in result.detail and "***" in result.raw
    _assert_no_token(result)


async def test_client_send_never_leaks_the_token_from_an_exception(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    gateway.post("/messages").mock(side_effect=httpx.ReadError(f"boom {TOKEN}"))
    result = await client.send(_send_request())
    _assert_no_token(result)


async def test_client_send_truncates_a_huge_body(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    gateway.post("/messages").respond(500, text="e" * 10_000)
    result = await client.send(_send_request())
    assert len(result.raw) == 4096


async def test_client_check_number_reads_the_answer(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.post("/check-whatsapp").respond(200, json={"data": {"exists": False}})
    assert await client.check_number("dev-1", TOKEN, "+201066183456") is False
    sent = route.calls.last.request
    assert sent.headers["x-api-token"] == TOKEN
    assert _form(sent) == {"device_uuid": "dev-1", "phone": "201066183456"}


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(404, json={"message": "Route not found"}),
        httpx.Response(200, text="yes"),
        httpx.Response(500),
    ],
)
async def test_client_check_number_degrades_to_none(
    gateway: respx.MockRouter, client: ZentraClient, response: httpx.Response
) -> None:
    gateway.post("/check-whatsapp").mock(return_value=response)
    assert await client.check_number("dev-1", TOKEN, "+201066183456") is None


async def test_client_check_number_network_failure_or_bad_input_is_none(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.post("/check-whatsapp").mock(side_effect=httpx.ConnectError("refused"))
    assert await client.check_number("dev-1", TOKEN, "+201066183456") is None
    assert await client.check_number("dev-1", TOKEN, "not a number") is None
    assert route.call_count == 1


async def test_client_device_status_reads_the_answer_and_quotes_the_uuid(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.get("/devices/dev%2F1/status").respond(
        200, json={"success": True, "data": {"status": "connected"}}
    )
    assert await client.device_status("dev/1", TOKEN) == "connected"
    assert route.calls.last.request.headers["x-api-token"] == TOKEN


@pytest.mark.parametrize(
    "response",
    [httpx.Response(404), httpx.Response(200, json={"weird": 1}), httpx.Response(401)],
)
async def test_client_device_status_degrades_to_none(
    gateway: respx.MockRouter, client: ZentraClient, response: httpx.Response
) -> None:
    gateway.get("/devices/dev-1/status").mock(return_value=response)
    assert await client.device_status("dev-1", TOKEN) is None


async def test_client_device_status_network_failure_is_none(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    gateway.get("/devices/dev-1/status").mock(side_effect=httpx.ReadTimeout("slow"))
    assert await client.device_status("dev-1", TOKEN) is None


@pytest.mark.parametrize("url", ["", "ftp://gateway.test/v1", "gateway.test/v1", "http://"])
def test_client_rejects_a_base_url_that_is_not_http(url: str) -> None:
    with pytest.raises(ValueError, match="not an http"):
        ZentraClient(url)


async def test_client_uses_an_injected_transport() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(201, json=CREATED)

    async with ZentraClient(
        "http://local.test/api/v1", transport=httpx.MockTransport(handler)
    ) as c:
        assert (await c.send(_send_request())).accepted
    assert str(seen[0].url) == "http://local.test/api/v1/messages"
