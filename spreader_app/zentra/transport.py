"""The transport under ``ZentraClient``: httpx's request and response types over aiohttp's
connection pool.

httpx's own pool (httpcore on anyio) costs several times the CPU of aiohttp's per request at
50 in flight, and the CPU per send is what bounds Open Chat throughput. This transport keeps
httpx's types (so tests swap in ``httpx.MockTransport`` or respx) and hands each request to
one aiohttp session. It is the idea of the ``httpx-aiohttp`` package in the few lines the
gateway needs. Measured at 50 in flight against the fake gateway, CPU per send: a bare
aiohttp session 115 us, the aiohttp-only client this replaced 145 us, ``httpx-aiohttp``'s
transport under ``httpx.AsyncClient`` 275 us, this transport under ``ZentraClient`` 195 us.
That package also streams each answer through two wrappers and reports a connection dropped
after the request was written as a connect timeout, which would tell the engine that
nothing reached the gateway. Here the httpx error class says which side of the write a
failure happened on (``outcomes.classify_error`` reads it).
"""

from __future__ import annotations

from collections.abc import Mapping

import aiohttp
import httpx
from yarl import URL

# Failures before a connection was made: nothing can have reached the gateway.
_NEVER_SENT: tuple[tuple[type[BaseException], type[httpx.TransportError]], ...] = (
    (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),
    (aiohttp.ClientProxyConnectionError, httpx.ProxyError),
    (aiohttp.ClientConnectorError, httpx.ConnectError),
)
# Failures once the request may have been written.
_MAYBE_SENT: tuple[tuple[type[BaseException], type[httpx.TransportError]], ...] = (
    (TimeoutError, httpx.ReadTimeout),
    (aiohttp.ClientPayloadError, httpx.ReadError),
    (aiohttp.ClientResponseError, httpx.RemoteProtocolError),
    (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),
    (aiohttp.ClientError, httpx.NetworkError),
    (OSError, httpx.NetworkError),
)


class GatewayTransport(httpx.AsyncBaseTransport):
    """Sends each request through one pooled aiohttp session and reads the answer whole.

    ``max_connections`` bounds the requests on the wire; a request waiting longer than the
    pool timeout for one fails as ``httpx.ConnectTimeout`` (never sent). ``proxy`` may be
    changed between requests. Redirects are never followed; the body is handed to httpx
    still encoded, which decodes it once.
    """

    def __init__(self, *, max_connections: int, proxy: str | None) -> None:
        self.proxy = proxy
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None
        self._timeouts: dict[tuple[object, ...], aiohttp.ClientTimeout] = {}

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            # No trust_env: it re-reads the proxy variables and ~/.netrc on every request
            # (in a worker thread), which cost more than the request itself.
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._max_connections),
                auto_decompress=False,
                skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding"),
            )
        return self._session

    def _timeout(self, extensions: Mapping[str, object]) -> aiohttp.ClientTimeout:
        given = extensions.get("timeout")
        limits: Mapping[str, float | None] = given if isinstance(given, Mapping) else {}
        key = tuple(limits.get(k) for k in ("connect", "read", "pool"))
        timeout = self._timeouts.get(key)
        if timeout is None:
            connect, read, pool = key
            timeout = self._timeouts[key] = aiohttp.ClientTimeout(
                total=None, connect=pool, sock_connect=connect, sock_read=read
            )
        return timeout

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # In memory (what ZentraClient sends): read without an async generator per send.
        in_memory = isinstance(request.stream, httpx.ByteStream)
        body = request.read() if in_memory else await request.aread()
        try:
            async with self._http().request(
                request.method,
                URL(str(request.url), encoded=True),
                data=body or None,
                # Plain strings: reading httpx's Headers by name decodes every header again.
                headers=[
                    (k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw
                ],
                allow_redirects=False,
                timeout=self._timeout(request.extensions),
                proxy=self.proxy,
            ) as answer:
                answer_body = await answer.read()
        except (aiohttp.ClientError, OSError) as exc:
            raise _precise(exc, request) from exc
        # A stream, not content=: httpx then decodes the body once, when it is read.
        return httpx.Response(
            answer.status,
            headers=answer.raw_headers,
            stream=httpx.ByteStream(answer_body),
            request=request,
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()


def _precise(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """The httpx error for an aiohttp failure; its message keeps aiohttp's words."""
    for table in (_NEVER_SENT, _MAYBE_SENT):
        for source, target in table:
            if isinstance(exc, source):
                return target(str(exc) or type(exc).__name__, request=request)
    return httpx.NetworkError(str(exc) or type(exc).__name__, request=request)
