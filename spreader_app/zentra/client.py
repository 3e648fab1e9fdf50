"""``ZentraClient``: the ``core.ports.Gateway`` over HTTP, on one pooled httpx transport."""

from __future__ import annotations

import dataclasses
import logging
import time
import urllib.request
from collections.abc import Mapping
from types import TracebackType
from typing import Protocol
from urllib.parse import quote

import httpx

from spreader_app import __version__
from spreader_app.core.models import GatewayResult, MessageType, OutcomeKind, SendRequest
from spreader_app.zentra.outcomes import (
    classify_device_status,
    classify_error,
    classify_response,
    read_device_status,
    read_number_check,
)
from spreader_app.zentra.payloads import (
    FormField,
    PayloadError,
    check_number_form,
    check_token,
    encode_multipart,
    load_upload,
    send_form,
)
from spreader_app.zentra.transport import GatewayTransport

_log = logging.getLogger(__name__)
_REDACTED = "***"
_URL_CACHE = 1024  # paths: "/messages", a status path per device
_HEADERS = {"User-Agent": f"Spreader/{__version__}", "Accept": "application/json"}
# What a request can raise besides an answer (every transport reports in httpx's terms).
_NETWORK_ERRORS = (httpx.TransportError,)


class ZentraClient:
    """Sends messages and asks lookups through the Zentra HTTP API.

    ``base_url`` is the API root (e.g. ``https://api.zentramsg.com/v1``); ``timeout`` is in
    seconds and bounds connecting (including the wait for a pooled connection) and each
    wait for the answer. At most ``max_connections`` requests are on the wire at once. The
    constructor raises ``ValueError`` for a base URL that is not ``http(s)://host...``. No
    method raises for gateway or network trouble, and no result, log line or exception
    carries a token. The connection pool is opened on first use, on the running event loop.

    ``transport`` replaces the network (``httpx.MockTransport``, respx); by default it is
    ``GatewayTransport``, httpx's API over aiohttp's I/O (see ``zentra.transport`` for why).
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 30.0,
        max_connections: int = 100,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        url = _base(base_url)
        if timeout <= 0 or max_connections < 1:
            raise ValueError("timeout must be positive and max_connections at least 1.")
        self._root = str(url).rstrip("/")
        self._extensions = {"timeout": httpx.Timeout(timeout).as_dict()}
        self._max_connections = max_connections
        self._transport = transport
        self._urls: dict[str, httpx.URL] = {}  # parsed once per path: parsing is costly
        self._by_token: dict[str, httpx.Headers] = {}
        self._proxy = proxy_for(url)

    def rebase(self, base_url: str) -> None:
        """Sends later requests to ``base_url`` (``ValueError`` as in the constructor);
        requests already on the wire finish where they went."""
        url = _base(base_url)
        self._root = str(url).rstrip("/")
        self._proxy = proxy_for(url)
        self._urls = {}
        if isinstance(self._transport, GatewayTransport):
            self._transport.proxy = self._proxy

    def _http(self) -> httpx.AsyncBaseTransport:
        # Built on first use: the default transport's TLS context costs tens of
        # milliseconds, which the window's start-up should not pay.
        if self._transport is None:
            self._transport = GatewayTransport(
                max_connections=self._max_connections, proxy=self._proxy
            )
        return self._transport

    async def _exchange(
        self, method: str, path: str, token: str, content: bytes = b"", **headers: str
    ) -> tuple[int, Mapping[str, str], str]:
        """One request straight through the transport; returns status, headers and text.

        No ``httpx.AsyncClient`` in between: the gateway needs none of its cookies,
        redirects, auth flows or hooks, and they cost more CPU per send than the transport.
        """
        url = self._urls.get(path)
        if url is None:
            url = httpx.URL(self._root + path)
            if len(self._urls) < _URL_CACHE:
                self._urls[path] = url
        sent = self._headers(token)
        if headers:
            sent = sent.copy()  # the request copies the headers it is given anyway
            for name, value in headers.items():
                sent[name] = value
        request = httpx.Request(
            method,
            url,
            headers=sent,
            # A stream skips httpx's body preparation; the transport sets the length.
            stream=httpx.ByteStream(content),
            extensions=self._extensions,
        )
        response = await self._http().handle_async_request(request)
        # Plain strings once: httpx's Headers decode every header on each lookup.
        answer = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in response.headers.raw}
        stream = response.stream
        try:
            if "content-encoding" in answer or not isinstance(stream, httpx.AsyncByteStream):
                content = await response.aread()  # httpx undoes any compression
            elif isinstance(stream, httpx.ByteStream):
                # Already in memory (the default transport's answers): read without an
                # async generator, which costs a hook and two weak-set updates per send.
                content = b"".join(stream)
            else:
                content = b"".join([part async for part in stream])
        finally:
            await response.aclose()
        return response.status_code, answer, _text(content, answer.get("content-type", ""))

    def _headers(self, token: str) -> httpx.Headers:
        """The headers every request of ``token``'s device carries, built once per device:
        httpx normalises each header it is given, on every request."""
        found = self._by_token.get(token)
        if found is None:
            found = httpx.Headers({**_HEADERS, "x-api-token": token})
            if len(self._by_token) < _URL_CACHE:
                self._by_token[token] = found
        return found

    async def _post_form(
        self, path: str, form: list[FormField], token: str
    ) -> tuple[int, Mapping[str, str], str]:
        """POSTs ``form`` as one multipart body.

        The body is built in one piece: bodies are small (an uploaded file at most a few
        MB) and one write is much cheaper than streaming part by part.
        """
        body, content_type = encode_multipart(form)
        return await self._exchange("POST", path, token, body, **{"Content-Type": content_type})

    async def send(self, request: SendRequest) -> GatewayResult:
        """``POST /messages`` for one recipient; every problem becomes a ``GatewayResult``.

        Input that cannot be sent (bad token, bad number, missing media file) gives
        ``REJECTED`` or ``AUTH_ERROR`` with ``not_delivered=True`` and no network call.
        """
        started = time.perf_counter()
        try:
            check_token(request.token)
        except PayloadError as exc:
            return _local_failure(OutcomeKind.AUTH_ERROR, exc, request.token, started)
        try:
            path = request.content.media_path
            has_media = request.content.type is not MessageType.TEXT
            upload = await load_upload(path) if path and has_media else None
            form = send_form(request, upload)
        except PayloadError as exc:
            return _local_failure(OutcomeKind.REJECTED, exc, request.token, started)
        try:
            status, headers, text = await self._post_form("/messages", form, request.token)
        except _NETWORK_ERRORS as exc:
            result = classify_error(exc, elapsed_ms=_ms_since(started))
        else:
            result = classify_response(
                status,
                headers,
                _redact(text, request.token),
                now=time.time(),
                elapsed_ms=_ms_since(started),
            )
        detail = _redact(result.detail, request.token)
        if detail != result.detail:
            result = dataclasses.replace(result, detail=detail)
        if _log.isEnabledFor(logging.DEBUG):
            _log.debug(
                "send via device %s: %s (HTTP %s, %.0f ms)",
                request.device_uuid,
                result.kind.value,
                result.status_code,
                result.elapsed_ms,
            )
        return result

    async def check_number(self, device_uuid: str, token: str, phone_e164: str) -> bool | None:
        """``POST /check-whatsapp``: whether the number is on WhatsApp.

        ``None`` when the gateway does not offer the check (404), fails, or answers in a
        shape this client does not understand.
        """
        try:
            check_token(token)
            form = check_number_form(device_uuid, phone_e164)
            status, _, text = await self._post_form("/check-whatsapp", form, token)
        except (PayloadError, *_NETWORK_ERRORS) as exc:
            _log.debug("number check unavailable: %s", type(exc).__name__)
            return None
        return read_number_check(status, text)

    async def device_status(self, device_uuid: str, token: str) -> str | None:
        """``GET /devices/{uuid}/status``: a short status word such as ``connected``.

        ``None`` when the gateway does not offer it (404), fails, or answers in a shape this
        client does not understand.
        """
        try:
            status, text = await self._get_status(device_uuid, token)
        except (PayloadError, *_NETWORK_ERRORS) as exc:
            _log.debug("device status unavailable: %s", type(exc).__name__)
            return None
        return read_device_status(status, text)

    async def device_check(self, device_uuid: str, token: str) -> GatewayResult | None:
        """``GET /devices/{uuid}/status`` classified (``outcomes.classify_device_status``):
        ``None`` when the gateway offers no status call; network trouble is ``TRANSIENT``."""
        started = time.perf_counter()
        try:
            status, text = await self._get_status(device_uuid, token)
        except PayloadError as exc:
            return _local_failure(OutcomeKind.AUTH_ERROR, exc, token, started)
        except _NETWORK_ERRORS as exc:
            return classify_error(exc, elapsed_ms=_ms_since(started))
        return classify_device_status(status, _redact(text, token), elapsed_ms=_ms_since(started))

    async def _get_status(self, device_uuid: str, token: str) -> tuple[int, str]:
        check_token(token)
        path = f"/devices/{quote(device_uuid, safe='')}/status"
        status, _, text = await self._exchange("GET", path, token)
        return status, text

    async def aclose(self) -> None:
        """Close the pooled connections; the client cannot be used afterwards."""
        if self._transport is not None:
            await self._transport.aclose()

    async def __aenter__(self) -> ZentraClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class _Address(Protocol):
    """What ``proxy_for`` reads of a URL (``httpx.URL`` and ``yarl.URL`` both have it)."""

    @property
    def scheme(self) -> str: ...

    @property
    def host(self) -> str | None: ...


def _base(base_url: str) -> httpx.URL:
    try:
        url = httpx.URL(base_url)
    except (TypeError, ValueError, httpx.InvalidURL):
        url = httpx.URL()
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(
            f"Gateway URL {base_url!r} is not an http(s) address; "
            "use the form https://api.zentramsg.com/v1."
        )
    return url


def proxy_for(url: _Address) -> str | None:
    """The proxy the environment names for ``url`` (``HTTPS_PROXY``/``HTTP_PROXY``,
    honouring ``NO_PROXY``), read once; ``None`` for a direct connection."""
    if not url.host or urllib.request.proxy_bypass(url.host):
        return None
    return urllib.request.getproxies().get(url.scheme)


def _text(content: bytes, content_type: str) -> str:
    """The body as text, undecodable bytes replaced: in the charset the Content-Type names,
    else UTF-8 (what JSON is)."""
    charset = "utf-8"
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(' "'):
            charset = value.strip(' "')
    try:
        return content.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        return content.decode("utf-8", errors="replace")


def _local_failure(
    kind: OutcomeKind, exc: PayloadError, token: str, started: float
) -> GatewayResult:
    return GatewayResult(
        kind=kind,
        status_code=None,
        detail=_redact(str(exc), token),
        elapsed_ms=_ms_since(started),
        not_delivered=True,
    )


def _redact(text: str, token: str) -> str:
    return text.replace(token, _REDACTED) if token else text


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0
