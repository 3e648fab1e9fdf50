"""The transport under ``ZentraClient``: httpx's API over aiohttp's connection pool.

httpx's own pool (httpcore on anyio) costs several times the CPU of aiohttp's per request at
50 in flight, and the CPU per send is what bounds Open Chat throughput; ``httpx-aiohttp``
keeps httpx's request and response types (so tests can swap in ``httpx.MockTransport`` or
respx) over aiohttp's I/O. This module only corrects how failures are reported: the
package reports a connection dropped *after* the request was written as a connect timeout,
which would tell the engine that nothing reached the gateway. Here the httpx class says
which side of the write the failure happened on (``outcomes.classify_error`` reads it).
"""

from __future__ import annotations

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

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


class GatewayTransport(AiohttpTransport):
    """``AiohttpTransport`` that reads each answer whole and reports failures precisely.

    ``max_connections`` bounds the requests on the wire; a request waiting longer than
    the pool timeout for one fails as ``httpx.ConnectTimeout`` (never sent). The proxy, if
    any, is the attribute ``proxy`` and may be changed between requests.
    """

    def __init__(self, *, max_connections: int, proxy: str | None) -> None:
        super().__init__(
            limits=httpx.Limits(max_connections=max_connections),
            proxy=httpx.Proxy(proxy) if proxy else None,
            trust_env=False,
            client=self._session,
        )
        self._max_connections = max_connections

    def _session(self) -> aiohttp.ClientSession:
        # No trust_env: it re-reads the proxy variables and ~/.netrc on every request (in
        # a worker thread), which cost more than the request itself.
        connector = aiohttp.TCPConnector(limit=self._max_connections, ssl=self.ssl_context)
        return aiohttp.ClientSession(connector=connector, trust_env=False)

    def set_proxy(self, proxy: str | None) -> None:
        self.proxy = httpx.Proxy(proxy) if proxy else None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            streamed = await super().handle_async_request(request)
            try:
                # Raw bytes: the response built below decodes any Content-Encoding once.
                body = b"".join([chunk async for chunk in streamed.aiter_raw()])
            finally:
                await streamed.aclose()
        except httpx.TransportError as exc:
            raise _precise(exc.__cause__ or exc, request) from exc.__cause__
        except (aiohttp.ClientError, OSError) as exc:
            raise _precise(exc, request) from exc
        return httpx.Response(
            streamed.status_code,
            headers=streamed.headers,
            content=body,
            request=request,
            extensions=streamed.extensions,
        )


def _precise(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """The httpx error for an aiohttp failure; its message keeps aiohttp's words."""
    if isinstance(exc, httpx.TransportError):
        return exc
    for table in (_NEVER_SENT, _MAYBE_SENT):
        for source, target in table:
            if isinstance(exc, source):
                return target(str(exc) or type(exc).__name__, request=request)
    return httpx.NetworkError(str(exc) or type(exc).__name__, request=request)
