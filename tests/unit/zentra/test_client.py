"""``ZentraClient`` over real HTTP against a programmable gateway on loopback."""

from __future__ import annotations

import asyncio
import gc
import re
import socket
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from multidict import CIMultiDictProxy
from yarl import URL

from spreader_app import __version__
from spreader_app.core.models import (
    GatewayResult,
    MessageContent,
    MessageType,
    OutcomeKind,
    SendRequest,
)
from spreader_app.zentra.client import ZentraClient, proxy_for
from spreader_app.zentra.webhook import decode_body

TOKEN = "tok-S3cr3t-9f8e7d"
CREATED = {"success": True, "msg": "MESSAGE_CREATED", "data": {"queued": 1}}
MESSAGES = "/v1/messages"
CHECK = "/v1/check-whatsapp"
# Short enough to keep the network failure tests quick, long enough for loopback.
SHORT_TIMEOUT = 0.2

Route = Callable[[web.BaseRequest], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Seen:
    """One request as the gateway received it; ``path`` is raw (still percent-encoded)."""

    method: str
    path: str
    headers: CIMultiDictProxy[str]
    body: bytes

    def form(self) -> dict[str, Any]:
        """The form fields, decoded from the multipart body the way the gateway would."""
        content_type = self.headers["Content-Type"]
        assert re.fullmatch(r"multipart/form-data; boundary=[0-9a-f]{32}", content_type)
        form = decode_body(self.body, content_type)
        assert isinstance(form, dict)
        return form


class Gateway:
    """A Zentra stand-in: one programmable route per raw path, 404 for any other path."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.url = ""
        self.server = web.Server(self._handle)
        self._routes: dict[str, Route] = {}
        self._release = asyncio.Event()

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        body = await request.read()
        self.requests.append(Seen(request.method, request.raw_path, request.headers, body))
        route = self._routes.get(request.raw_path)
        if route is None:
            return web.json_response({"message": "Route not found"}, status=404)
        return await route(request)

    def answer(
        self, path: str, status: int, body: object = "", headers: Mapping[str, str] | None = None
    ) -> None:
        """Answer ``path`` with ``status`` and ``body``: JSON unless it is a string."""

        async def route(_: web.BaseRequest) -> web.StreamResponse:
            if isinstance(body, str):
                return web.Response(
                    status=status, text=body, content_type="text/html", headers=headers
                )
            return web.json_response(body, status=status, headers=headers)

        self._routes[path] = route

    def hang(self, path: str) -> None:
        """Read requests to ``path`` and answer only once the test is over."""

        async def route(_: web.BaseRequest) -> web.StreamResponse:
            await self._release.wait()
            return web.Response(status=504)

        self._routes[path] = route

    def drop(self, path: str, raw: bytes = b"") -> None:
        """Read requests to ``path``, write ``raw`` bytes and close the connection."""

        async def route(request: web.BaseRequest) -> web.StreamResponse:
            assert request.transport is not None
            request.transport.write(raw)
            request.transport.close()
            # Never written: the connection is gone.
            return web.Response()

        self._routes[path] = route

    def calls(self, path: str) -> list[Seen]:
        return [seen for seen in self.requests if seen.path == path]

    def release(self) -> None:
        self._release.set()


@pytest.fixture
async def gateway(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Gateway]:
    # The client honours proxy settings from the environment; loopback must stay direct.
    monkeypatch.setenv("no_proxy", "*")
    fake = Gateway()
    runner = web.ServerRunner(fake.server, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    fake.url = f"http://{host}:{port}/v1"
    try:
        yield fake
    finally:
        fake.release()
        await runner.cleanup()


@pytest.fixture
async def client(gateway: Gateway) -> AsyncIterator[ZentraClient]:
    async with ZentraClient(gateway.url, timeout=5.0) as zentra:
        yield zentra


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port that refuses connections: bound (so nobody else takes it), not listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def _send_request(content: MessageContent | None = None, token: str = TOKEN) -> SendRequest:
    return SendRequest(
        device_uuid="dev-1",
        token=token,
        recipient_e164="+201066183456",
        content=content or MessageContent(text="Hello there"),
    )


def _assert_no_token(result: GatewayResult) -> None:
    assert TOKEN not in result.detail
    assert TOKEN not in result.raw
    assert TOKEN not in repr(result)


async def _until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for the server side to notice what the client already did."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached"
        await asyncio.sleep(0.01)


async def test_client_send_text_posts_the_documented_multipart_form(
    gateway: Gateway, client: ZentraClient
) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    result = await client.send(_send_request())
    assert result.kind is OutcomeKind.ACCEPTED
    assert result.status_code == 201
    assert result.elapsed_ms > 0
    [sent] = gateway.requests
    assert (sent.method, sent.path) == ("POST", MESSAGES)
    assert sent.headers["x-api-token"] == TOKEN
    assert sent.headers["User-Agent"] == f"Spreader/{__version__}"
    assert sent.form() == {
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
    gateway: Gateway, client: ZentraClient, kind: MessageType, wire: str
) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    content = MessageContent(type=kind, media_url="https://cdn.test/f.bin", caption="Look")
    assert (await client.send(_send_request(content))).accepted
    form = gateway.calls(MESSAGES)[-1].form()
    assert form["type_message"] == wire
    assert form["media_url"] == "https://cdn.test/f.bin"
    assert form["text_message"] == "Look"
    assert form["ids"] == "201066183456"
    assert "media" not in form


async def test_client_send_uploads_a_local_file_as_the_media_part(
    gateway: Gateway, client: ZentraClient, tmp_path: Path
) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    photo = tmp_path / "menu.png"
    photo.write_bytes(b"\x89PNG-fake-image-bytes")
    content = MessageContent(type=MessageType.IMAGE, media_path=str(photo), caption="Menu")
    assert (await client.send(_send_request(content))).accepted
    [sent] = gateway.calls(MESSAGES)
    form = sent.form()
    assert form["media"] == {"filename": "menu.png", "content_type": "image/png", "size": 21}
    assert form["text_message"] == "Menu"
    assert b"\x89PNG-fake-image-bytes" in sent.body


async def test_client_send_body_survives_quotes_and_line_breaks_with_a_fresh_boundary(
    gateway: Gateway, client: ZentraClient, tmp_path: Path
) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    photo = tmp_path / 'say "hi".png'
    photo.write_bytes(b"--not-a-boundary\r\n")
    caption = "line one\r\nline two"
    content = MessageContent(type=MessageType.IMAGE, media_path=str(photo), caption=caption)
    for _ in range(2):
        assert (await client.send(_send_request(content))).accepted
    first, second = gateway.calls(MESSAGES)
    assert first.headers["Content-Type"] != second.headers["Content-Type"]
    form = first.form()
    # Browsers escape a quote in a filename as %22; the gateway sees the name that way.
    assert form["media"] == {
        "filename": "say %22hi%22.png",
        "content_type": "image/png",
        "size": 18,
    }
    assert form["text_message"] == caption
    assert form["ids"] == "201066183456"


async def test_client_send_missing_media_file_is_rejected_without_a_call(
    gateway: Gateway, client: ZentraClient, tmp_path: Path
) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    content = MessageContent(type=MessageType.IMAGE, media_path=str(tmp_path / "gone.jpg"))
    result = await client.send(_send_request(content))
    assert result.kind is OutcomeKind.REJECTED
    assert result.not_delivered
    assert "gone.jpg" in result.detail and "does not exist" in result.detail
    assert gateway.requests == []


async def test_client_send_text_ignores_a_stray_media_path(
    gateway: Gateway, client: ZentraClient, tmp_path: Path
) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    content = MessageContent(text="Just text", media_path=str(tmp_path / "gone.jpg"))
    assert (await client.send(_send_request(content))).accepted
    assert "media" not in gateway.calls(MESSAGES)[-1].form()


async def test_client_send_bad_recipient_is_rejected_without_a_call(
    gateway: Gateway, client: ZentraClient
) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    request = SendRequest("dev-1", TOKEN, "0106 618 3456", MessageContent(text="hi"))
    result = await client.send(request)
    assert result.kind is OutcomeKind.REJECTED and result.not_delivered
    assert gateway.requests == []


async def test_client_send_unusable_token_is_an_auth_error_without_a_call(
    gateway: Gateway, client: ZentraClient
) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    result = await client.send(_send_request(token="abc\r\nX-Evil: 1"))
    assert result.kind is OutcomeKind.AUTH_ERROR and result.not_delivered
    assert "abc" not in result.detail
    assert gateway.requests == []


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
    gateway: Gateway, client: ZentraClient, status: int, body: object, kind: OutcomeKind
) -> None:
    gateway.answer(MESSAGES, status, body)
    result = await client.send(_send_request())
    assert result.kind is kind
    assert result.status_code == status
    assert not result.not_delivered
    _assert_no_token(result)


async def test_client_send_does_not_follow_a_redirect(
    gateway: Gateway, client: ZentraClient
) -> None:
    gateway.answer(MESSAGES, 301, headers={"Location": "/v2/messages"})
    gateway.answer("/v2/messages", 201, CREATED)
    result = await client.send(_send_request())
    assert result.kind is OutcomeKind.REJECTED
    assert "/v2/messages" in result.detail
    assert gateway.calls("/v2/messages") == []


async def test_client_send_rate_limit_carries_retry_after(
    gateway: Gateway, client: ZentraClient
) -> None:
    gateway.answer(MESSAGES, 429, {}, headers={"Retry-After": "42"})
    result = await client.send(_send_request())
    assert result.kind is OutcomeKind.RATE_LIMITED
    assert result.retry_after == 42.0


async def test_client_send_to_a_closed_port_was_never_delivered(closed_port: int) -> None:
    async with ZentraClient(f"http://127.0.0.1:{closed_port}/v1", timeout=5.0) as client:
        result = await client.send(_send_request())
    assert result.kind is OutcomeKind.TRANSIENT
    assert result.status_code is None
    assert result.not_delivered
    assert "could not be reached" in result.detail


async def test_client_send_dropped_without_an_answer_may_have_been_delivered(
    gateway: Gateway, client: ZentraClient
) -> None:
    gateway.drop(MESSAGES)
    result = await client.send(_send_request())
    assert len(gateway.calls(MESSAGES)) == 1
    assert result.kind is OutcomeKind.TRANSIENT
    assert result.status_code is None
    assert not result.not_delivered
    assert "may or may not have been sent" in result.detail


async def test_client_send_slower_than_the_timeout_may_have_been_delivered(
    gateway: Gateway,
) -> None:
    gateway.hang(MESSAGES)
    async with ZentraClient(gateway.url, timeout=SHORT_TIMEOUT) as client:
        result = await client.send(_send_request())
    assert len(gateway.calls(MESSAGES)) == 1
    assert result.kind is OutcomeKind.TRANSIENT
    assert result.status_code is None
    assert not result.not_delivered
    assert "timed out" in result.detail


async def test_client_send_waiting_too_long_for_a_connection_was_never_delivered(
    gateway: Gateway,
) -> None:
    gateway.hang(MESSAGES)
    async with ZentraClient(gateway.url, timeout=SHORT_TIMEOUT, max_connections=1) as client:
        # The second send starts waiting for the only connection before the first has it
        # on the wire, so its wait runs out before the first one's answer does.
        first, second = await asyncio.gather(
            client.send(_send_request()), client.send(_send_request())
        )
    assert len(gateway.calls(MESSAGES)) == 1
    assert first.kind is OutcomeKind.TRANSIENT and not first.not_delivered
    assert second.kind is OutcomeKind.TRANSIENT and second.not_delivered
    assert "timed out" in second.detail


async def test_client_send_never_leaks_the_token_echoed_by_the_gateway(
    gateway: Gateway, client: ZentraClient
) -> None:
    echo = {"success": False, "msg": f"Token {TOKEN} is not valid for device dev-1"}
    gateway.answer(MESSAGES, 201, echo)
    result = await client.send(_send_request())
    assert result.kind is OutcomeKind.DEVICE_UNAVAILABLE
    assert "***" in result.detail and "***" in result.raw
    _assert_no_token(result)


async def test_client_send_never_leaks_the_token_from_an_exception(
    gateway: Gateway, client: ZentraClient
) -> None:
    # A broken answer whose malformed header line echoes the token: the HTTP parser
    # quotes that line in its exception text.
    gateway.drop(MESSAGES, f"HTTP/1.1 200 OK\r\nX-Echo {TOKEN}\r\n\r\n".encode())
    result = await client.send(_send_request())
    assert result.kind is OutcomeKind.TRANSIENT and not result.not_delivered
    assert "***" in result.detail
    _assert_no_token(result)


async def test_client_send_truncates_a_huge_body(gateway: Gateway, client: ZentraClient) -> None:
    gateway.answer(MESSAGES, 500, "e" * 10_000)
    result = await client.send(_send_request())
    assert result.raw == "e" * 4096


async def test_client_check_number_reads_the_answer(gateway: Gateway, client: ZentraClient) -> None:
    gateway.answer(CHECK, 200, {"data": {"exists": False}})
    assert await client.check_number("dev-1", TOKEN, "+201066183456") is False
    [sent] = gateway.requests
    assert (sent.method, sent.path) == ("POST", CHECK)
    assert sent.headers["x-api-token"] == TOKEN
    assert sent.form() == {"device_uuid": "dev-1", "phone": "201066183456"}


@pytest.mark.parametrize(
    ("status", "body"),
    [(404, {"message": "Route not found"}), (200, "yes"), (500, "")],
)
async def test_client_check_number_degrades_to_none(
    gateway: Gateway, client: ZentraClient, status: int, body: object
) -> None:
    gateway.answer(CHECK, status, body)
    assert await client.check_number("dev-1", TOKEN, "+201066183456") is None


async def test_client_check_number_network_failure_or_bad_input_is_none(
    gateway: Gateway, client: ZentraClient
) -> None:
    gateway.drop(CHECK)
    assert await client.check_number("dev-1", TOKEN, "+201066183456") is None
    assert await client.check_number("dev-1", TOKEN, "not a number") is None
    assert await client.check_number("dev-1", "bad token", "+201066183456") is None
    assert len(gateway.calls(CHECK)) == 1


async def test_client_device_status_reads_the_answer_and_quotes_the_uuid(
    gateway: Gateway, client: ZentraClient
) -> None:
    path = "/v1/devices/dev%2F1/status"
    gateway.answer(path, 200, {"success": True, "data": {"status": "connected"}})
    assert await client.device_status("dev/1", TOKEN) == "connected"
    [sent] = gateway.requests
    assert (sent.method, sent.path) == ("GET", path)
    assert sent.headers["x-api-token"] == TOKEN


@pytest.mark.parametrize(("status", "body"), [(404, ""), (200, {"weird": 1}), (401, "")])
async def test_client_device_status_degrades_to_none(
    gateway: Gateway, client: ZentraClient, status: int, body: object
) -> None:
    gateway.answer("/v1/devices/dev-1/status", status, body)
    assert await client.device_status("dev-1", TOKEN) is None


async def test_client_device_status_network_failure_is_none(gateway: Gateway) -> None:
    gateway.hang("/v1/devices/dev-1/status")
    async with ZentraClient(gateway.url, timeout=SHORT_TIMEOUT) as client:
        assert await client.device_status("dev-1", TOKEN) is None


@pytest.mark.parametrize("url", ["", "ftp://gateway.test/v1", "gateway.test/v1", "http://"])
def test_client_rejects_a_base_url_that_is_not_http(url: str) -> None:
    with pytest.raises(ValueError, match="not an http"):
        ZentraClient(url)


async def test_client_aclose_of_an_unused_client_does_nothing(gateway: Gateway) -> None:
    await ZentraClient(gateway.url).aclose()
    async with ZentraClient(gateway.url):
        pass
    assert gateway.requests == []
    assert gateway.server.connections == []


async def test_client_aclose_closes_the_connections_of_a_used_client(gateway: Gateway) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    client = ZentraClient(gateway.url, timeout=5.0)
    assert (await client.send(_send_request())).accepted
    assert len(gateway.server.connections) == 1
    await client.aclose()
    await _until(lambda: gateway.server.connections == [])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del client
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_client_proxy_comes_from_the_environment_and_honours_no_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.office:3128")
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    assert proxy_for(URL("https://api.zentramsg.com/v1")) == "http://proxy.office:3128"
    assert proxy_for(URL("http://127.0.0.1:9000/v1")) is None  # listed in NO_PROXY
    assert proxy_for(URL("http://gateway.test/v1")) is None  # no proxy for plain http
