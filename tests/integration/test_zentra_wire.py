"""``ZentraClient``'s own transport over real HTTP against a programmable gateway on loopback:
the failures only a real network makes (refused, dropped, slow, a full pool) and the pool's
life cycle. What goes on the wire and how answers are read: tests/unit/zentra/test_client.py."""

from __future__ import annotations

import asyncio
import gc
import re
import socket
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import web
from multidict import CIMultiDictProxy
from yarl import URL

from spreader_app import __version__
from spreader_app.core.models import (
    OutcomeKind,
)
from spreader_app.zentra.client import ZentraClient, proxy_for
from spreader_app.zentra.webhook import decode_body
from tests.gateway_requests import TOKEN, assert_no_token, send_request

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
    result = await client.send(send_request())
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


async def test_client_send_to_a_closed_port_was_never_delivered(closed_port: int) -> None:
    async with ZentraClient(f"http://127.0.0.1:{closed_port}/v1", timeout=5.0) as client:
        result = await client.send(send_request())
    assert result.kind is OutcomeKind.TRANSIENT
    assert result.status_code is None
    assert result.not_delivered
    assert "could not be reached" in result.detail


async def test_client_send_dropped_without_an_answer_may_have_been_delivered(
    gateway: Gateway, client: ZentraClient
) -> None:
    gateway.drop(MESSAGES)
    result = await client.send(send_request())
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
        result = await client.send(send_request())
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
            client.send(send_request()), client.send(send_request())
        )
    assert len(gateway.calls(MESSAGES)) == 1
    assert first.kind is OutcomeKind.TRANSIENT and not first.not_delivered
    assert second.kind is OutcomeKind.TRANSIENT and second.not_delivered
    assert "timed out" in second.detail


async def test_client_send_never_leaks_the_token_from_an_exception(
    gateway: Gateway, client: ZentraClient
) -> None:
    # A broken answer whose malformed header line echoes the token: the HTTP parser
    # quotes that line in its exception text.
    gateway.drop(MESSAGES, f"HTTP/1.1 200 OK\r\nX-Echo {TOKEN}\r\n\r\n".encode())
    result = await client.send(send_request())
    assert result.kind is OutcomeKind.TRANSIENT and not result.not_delivered
    assert "***" in result.detail
    assert_no_token(result)


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


async def test_client_device_status_network_failure_is_none(gateway: Gateway) -> None:
    gateway.hang("/v1/devices/dev-1/status")
    async with ZentraClient(gateway.url, timeout=SHORT_TIMEOUT) as client:
        assert await client.device_status("dev-1", TOKEN) is None


async def test_client_aclose_of_an_unused_client_does_nothing(gateway: Gateway) -> None:
    await ZentraClient(gateway.url).aclose()
    async with ZentraClient(gateway.url):
        pass
    assert gateway.requests == []
    assert gateway.server.connections == []


async def test_client_aclose_closes_the_connections_of_a_used_client(gateway: Gateway) -> None:
    gateway.answer(MESSAGES, 201, CREATED)
    client = ZentraClient(gateway.url, timeout=5.0)
    assert (await client.send(send_request())).accepted
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
