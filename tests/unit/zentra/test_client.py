"""``ZentraClient`` over ``httpx.MockTransport`` and respx: what goes on the wire and how
each answer is read, without sockets (tests/integration/test_zentra_wire.py has the real
network's failures)."""

from __future__ import annotations

import gzip
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from spreader_app import __version__
from spreader_app.core.models import (
    MessageContent,
    MessageType,
    OutcomeKind,
    SendRequest,
)
from spreader_app.zentra.client import ZentraClient
from spreader_app.zentra.webhook import decode_body
from tests.gateway_requests import TOKEN, assert_no_token, send_request

BASE = "https://gateway.test/v1"
CREATED = {"success": True, "msg": "MESSAGE_CREATED", "data": {"queued": 1}}

Handler = Callable[[httpx.Request], httpx.Response]


def form(request: httpx.Request) -> dict[str, Any]:
    """The form fields, decoded from the multipart body the way the gateway would."""
    content_type = request.headers["Content-Type"]
    assert re.fullmatch(r"multipart/form-data; boundary=[0-9a-f]{32}", content_type)
    fields = decode_body(request.content, content_type)
    assert isinstance(fields, dict)
    return fields


@pytest.fixture
def gateway() -> respx.MockRouter:
    return respx.MockRouter(base_url=BASE, assert_all_called=False)


@pytest.fixture
async def client(gateway: respx.MockRouter) -> AsyncIterator[ZentraClient]:
    transport = httpx.MockTransport(gateway.async_handler)
    async with ZentraClient(BASE, transport=transport) as zentra:
        yield zentra


def _client_raising(exc: Exception) -> ZentraClient:
    def fail(request: httpx.Request) -> httpx.Response:
        raise exc

    return ZentraClient(BASE, transport=httpx.MockTransport(fail))


async def test_client_send_text_posts_the_documented_multipart_form(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    result = await client.send(send_request())
    assert result.kind is OutcomeKind.ACCEPTED
    assert result.status_code == 201
    assert result.elapsed_ms > 0
    sent = route.calls.last.request
    assert sent.url == f"{BASE}/messages"
    assert sent.headers["x-api-token"] == TOKEN
    assert sent.headers["User-Agent"] == f"Spreader/{__version__}"
    assert form(sent) == {
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
    assert (await client.send(send_request(content))).accepted
    fields = form(route.calls.last.request)
    assert fields["type_message"] == wire
    assert fields["media_url"] == "https://cdn.test/f.bin"
    assert fields["text_message"] == "Look"
    assert fields["ids"] == "201066183456"
    assert "media" not in fields


async def test_client_send_uploads_a_local_file_as_the_media_part(
    gateway: respx.MockRouter, client: ZentraClient, tmp_path: Path
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    photo = tmp_path / "menu.png"
    photo.write_bytes(b"\x89PNG-fake-image-bytes")
    content = MessageContent(type=MessageType.IMAGE, media_path=str(photo), caption="Menu")
    assert (await client.send(send_request(content))).accepted
    sent = route.calls.last.request
    fields = form(sent)
    assert fields["media"] == {"filename": "menu.png", "content_type": "image/png", "size": 21}
    assert fields["text_message"] == "Menu"
    assert b"\x89PNG-fake-image-bytes" in sent.content


async def test_client_send_body_survives_quotes_and_line_breaks_with_a_fresh_boundary(
    gateway: respx.MockRouter, client: ZentraClient, tmp_path: Path
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    photo = tmp_path / 'say "hi".png'
    photo.write_bytes(b"--not-a-boundary\r\n")
    caption = "line one\r\nline two"
    content = MessageContent(type=MessageType.IMAGE, media_path=str(photo), caption=caption)
    for _ in range(2):
        assert (await client.send(send_request(content))).accepted
    first, second = (call.request for call in route.calls)
    assert first.headers["Content-Type"] != second.headers["Content-Type"]
    fields = form(first)
    # Browsers escape a quote in a filename as %22; the gateway sees the name that way.
    assert fields["media"] == {
        "filename": "say %22hi%22.png",
        "content_type": "image/png",
        "size": 18,
    }
    assert fields["text_message"] == caption


@pytest.mark.parametrize(
    ("request_", "kind", "words"),
    [
        (
            send_request(MessageContent(type=MessageType.IMAGE, media_path="/nowhere/gone.jpg")),
            OutcomeKind.REJECTED,
            "does not exist",
        ),
        (
            SendRequest("dev-1", TOKEN, "0106 618 3456", MessageContent(text="hi")),
            OutcomeKind.REJECTED,
            "E.164",
        ),
        (send_request(token="abc\r\nX-Evil: 1"), OutcomeKind.AUTH_ERROR, "paste the token"),
    ],
)
async def test_client_send_input_that_cannot_be_sent_makes_no_call(
    gateway: respx.MockRouter,
    client: ZentraClient,
    request_: SendRequest,
    kind: OutcomeKind,
    words: str,
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    result = await client.send(request_)
    assert result.kind is kind and result.not_delivered
    assert words in result.detail
    assert "abc" not in result.detail
    assert not route.called


async def test_client_send_text_ignores_a_stray_media_path(
    gateway: respx.MockRouter, client: ZentraClient, tmp_path: Path
) -> None:
    route = gateway.post("/messages").respond(201, json=CREATED)
    content = MessageContent(text="Just text", media_path=str(tmp_path / "gone.jpg"))
    assert (await client.send(send_request(content))).accepted
    assert "media" not in form(route.calls.last.request)


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (201, CREATED, OutcomeKind.ACCEPTED),
        (
            201,
            {"success": False, "msg": "Device is not connected. Please scan QR code first"},
            OutcomeKind.DEVICE_UNAVAILABLE,
        ),
        (200, {"success": False, "msg": "Device expired"}, OutcomeKind.BANNED),
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
    gateway: respx.MockRouter, client: ZentraClient, status: int, body: object, kind: OutcomeKind
) -> None:
    if isinstance(body, str):
        gateway.post("/messages").respond(status, text=body)
    else:
        gateway.post("/messages").respond(status, json=body)
    result = await client.send(send_request())
    assert result.kind is kind
    assert result.status_code == status
    assert not result.not_delivered
    assert_no_token(result)


async def test_client_send_does_not_follow_a_redirect(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    gateway.post("/messages").respond(301, headers={"Location": "/v2/messages"})
    moved = gateway.post("https://gateway.test/v2/messages").respond(201, json=CREATED)
    result = await client.send(send_request())
    assert result.kind is OutcomeKind.REJECTED
    assert "/v2/messages" in result.detail
    assert not moved.called


async def test_client_send_rate_limit_carries_retry_after(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    gateway.post("/messages").respond(429, json={}, headers={"Retry-After": "42"})
    result = await client.send(send_request())
    assert result.kind is OutcomeKind.RATE_LIMITED
    assert result.retry_after == 42.0


async def test_client_send_reads_a_compressed_answer_in_its_charset(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    text = '{"success": false, "msg": "الجهاز غير متصل"}'
    gateway.post("/messages").respond(
        201,
        content=gzip.compress(text.encode("utf-16")),
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json; charset=utf-16"},
    )
    result = await client.send(send_request())
    assert result.kind is OutcomeKind.DEVICE_UNAVAILABLE
    assert "الجهاز غير متصل" in result.detail


@pytest.mark.parametrize(
    ("exc", "never_sent", "words"),
    [
        (httpx.ConnectError("Cannot connect to host gateway.test:443"), True, "not be reached"),
        (httpx.ConnectTimeout("Connection timeout"), True, "timed out"),
        (httpx.ReadTimeout("Timeout on reading data"), False, "timed out"),
        (httpx.RemoteProtocolError("Server disconnected"), False, "connection failed"),
    ],
)
async def test_client_send_network_failures_say_whether_anything_left(
    exc: Exception, never_sent: bool, words: str
) -> None:
    async with _client_raising(exc) as client:
        result = await client.send(send_request())
    assert result.kind is OutcomeKind.TRANSIENT
    assert result.status_code is None
    assert result.not_delivered is never_sent
    assert words in result.detail
    assert ("may or may not have been sent" in result.detail) is not never_sent


async def test_client_send_never_leaks_the_token_echoed_by_the_gateway(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    echo = {"success": False, "msg": f"Token {TOKEN} is not valid for device dev-1"}
    gateway.post("/messages").respond(201, json=echo)
    result = await client.send(send_request())
    assert result.kind is OutcomeKind.DEVICE_UNAVAILABLE
    assert "***" in result.detail and "***" in result.raw
    assert_no_token(result)


async def test_client_send_never_leaks_the_token_from_an_exception() -> None:
    async with _client_raising(httpx.RemoteProtocolError(f"bad header X-Echo {TOKEN}")) as client:
        result = await client.send(send_request())
    assert result.kind is OutcomeKind.TRANSIENT and not result.not_delivered
    assert "***" in result.detail
    assert_no_token(result)


async def test_client_send_truncates_a_huge_body(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    gateway.post("/messages").respond(500, text="e" * 10_000)
    result = await client.send(send_request())
    assert result.raw == "e" * 4096


async def test_client_rebase_sends_later_requests_to_the_new_address(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    old = gateway.post("/messages").respond(201, json=CREATED)
    new = gateway.post("https://other.test/api/messages").respond(201, json=CREATED)
    assert (await client.send(send_request())).accepted
    client.rebase("https://other.test/api")
    assert (await client.send(send_request())).accepted
    assert (old.call_count, new.call_count) == (1, 1)


async def test_client_check_number_reads_the_answer(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.post("/check-whatsapp").respond(200, json={"data": {"exists": False}})
    assert await client.check_number("dev-1", TOKEN, "+201066183456") is False
    sent = route.calls.last.request
    assert sent.headers["x-api-token"] == TOKEN
    assert form(sent) == {"device_uuid": "dev-1", "phone": "201066183456"}


@pytest.mark.parametrize(
    ("status", "body"),
    [(404, {"message": "Route not found"}), (200, "yes"), (500, "")],
)
async def test_client_check_number_degrades_to_none(
    gateway: respx.MockRouter, client: ZentraClient, status: int, body: object
) -> None:
    gateway.post("/check-whatsapp").respond(status, text=body if isinstance(body, str) else None)
    assert await client.check_number("dev-1", TOKEN, "+201066183456") is None


async def test_client_check_number_network_failure_or_bad_input_is_none(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.post("/check-whatsapp").mock(side_effect=httpx.ReadError("reset"))
    assert await client.check_number("dev-1", TOKEN, "+201066183456") is None
    assert await client.check_number("dev-1", TOKEN, "not a number") is None
    assert await client.check_number("dev-1", "bad token", "+201066183456") is None
    assert route.call_count == 1


async def test_client_device_status_reads_the_answer_and_quotes_the_uuid(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    route = gateway.get(url__regex=r".*/status$").respond(
        200, json={"success": True, "data": {"status": "connected"}}
    )
    assert await client.device_status("dev/1", TOKEN) == "connected"
    sent = route.calls.last.request
    assert sent.url.raw_path == b"/v1/devices/dev%2F1/status"
    assert sent.headers["x-api-token"] == TOKEN


@pytest.mark.parametrize(("status", "body"), [(404, ""), (200, '{"weird": 1}'), (401, "")])
async def test_client_device_status_degrades_to_none(
    gateway: respx.MockRouter, client: ZentraClient, status: int, body: str
) -> None:
    gateway.get("/devices/dev-1/status").respond(status, text=body)
    assert await client.device_status("dev-1", TOKEN) is None


async def test_client_device_check_classifies_and_network_trouble_is_transient(
    gateway: respx.MockRouter, client: ZentraClient
) -> None:
    gateway.get("/devices/dev-1/status").respond(200, json={"status": "disconnected"})
    checked = await client.device_check("dev-1", TOKEN)
    assert checked is not None and checked.kind is OutcomeKind.DEVICE_UNAVAILABLE
    async with _client_raising(httpx.ReadTimeout("slow")) as failing:
        assert await failing.device_status("dev-1", TOKEN) is None
        checked = await failing.device_check("dev-1", TOKEN)
    assert checked is not None and checked.kind is OutcomeKind.TRANSIENT


@pytest.mark.parametrize("url", ["", "ftp://gateway.test/v1", "gateway.test/v1", "http://"])
def test_client_rejects_a_base_url_that_is_not_http(url: str) -> None:
    with pytest.raises(ValueError, match="not an http"):
        ZentraClient(url)


async def test_client_aclose_closes_the_transport() -> None:
    closed: list[bool] = []

    class Transport(httpx.MockTransport):
        async def aclose(self) -> None:
            closed.append(True)

    async with ZentraClient(BASE, transport=Transport(lambda r: httpx.Response(201))):
        pass
    assert closed == [True]
