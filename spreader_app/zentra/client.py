"""``ZentraClient``: the ``core.ports.Gateway`` over HTTP, one pooled httpx client."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Iterable
from types import TracebackType
from typing import cast
from urllib.parse import quote

import httpx

from spreader_app import __version__
from spreader_app.core.models import GatewayResult, MessageType, OutcomeKind, SendRequest
from spreader_app.zentra.outcomes import (
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
    load_upload,
    send_form,
)

_log = logging.getLogger(__name__)
_REDACTED = "***"


class ZentraClient:
    """Sends messages and asks lookups through the Zentra HTTP API.

    ``base_url`` is the API root (e.g. ``https://api.zentramsg.com/v1``); ``timeout`` is in
    seconds and applies to connecting, writing, reading and waiting for a pooled connection.
    ``transport`` replaces the network (tests). The constructor raises ``ValueError`` for a
    base URL that is not ``http(s)://host...``. No method raises for gateway or network
    trouble, and no result, log line or exception carries a token.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
        max_connections: int = 100,
    ) -> None:
        try:
            url = httpx.URL(base_url)
        except httpx.InvalidURL:
            url = httpx.URL()
        if url.scheme not in ("http", "https") or not url.host:
            raise ValueError(
                f"Gateway URL {base_url!r} is not an http(s) address; "
                "use the form https://api.zentramsg.com/v1."
            )
        if timeout <= 0 or max_connections < 1:
            raise ValueError("timeout must be positive and max_connections at least 1.")
        self._http = httpx.AsyncClient(
            base_url=url,
            timeout=httpx.Timeout(timeout),
            transport=transport,
            limits=httpx.Limits(max_connections=max_connections),
            headers={"User-Agent": f"Spreader/{__version__}", "Accept": "application/json"},
            follow_redirects=False,
        )

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
            files = send_form(request, upload)
        except PayloadError as exc:
            return _local_failure(OutcomeKind.REJECTED, exc, request.token, started)
        try:
            response = await self._http.send(self._one_piece("/messages", files, request.token))
        except httpx.HTTPError as exc:
            result = classify_error(exc, elapsed_ms=_ms_since(started))
        else:
            result = classify_response(
                response.status_code,
                response.headers,
                _redact(response.text, request.token),
                now=time.time(),
                elapsed_ms=_ms_since(started),
            )
        result = dataclasses.replace(result, detail=_redact(result.detail, request.token))
        _log.debug(
            "send via device %s: %s (HTTP %s, %.0f ms)",
            request.device_uuid,
            result.kind.value,
            result.status_code,
            result.elapsed_ms,
        )
        return result

    def _one_piece(self, path: str, files: list[FormField], token: str) -> httpx.Request:
        """A multipart POST whose body is sent in one write.

        httpx streams a multipart body part by part, one socket write each; joining it
        first (bodies are small, an uploaded file at most a few MB) cuts a send's CPU time
        several-fold. httpx still chooses the boundary and the content type.
        """
        built = self._http.build_request("POST", path, files=files)
        body = b"".join(cast(Iterable[bytes], built.stream))
        headers = {**_auth(token), "Content-Type": built.headers["Content-Type"]}
        return self._http.build_request("POST", path, content=body, headers=headers)

    async def check_number(self, device_uuid: str, token: str, phone_e164: str) -> bool | None:
        """``POST /check-whatsapp``: whether the number is on WhatsApp.

        ``None`` when the gateway does not offer the check (404), fails, or answers in a
        shape this client does not understand.
        """
        try:
            check_token(token)
            form = check_number_form(device_uuid, phone_e164)
            response = await self._http.post("/check-whatsapp", files=form, headers=_auth(token))
        except (PayloadError, httpx.HTTPError) as exc:
            _log.debug("number check unavailable: %s", type(exc).__name__)
            return None
        return read_number_check(response.status_code, response.text)

    async def device_status(self, device_uuid: str, token: str) -> str | None:
        """``GET /devices/{uuid}/status``: a short status word such as ``connected``.

        ``None`` when the gateway does not offer it (404), fails, or answers in a shape this
        client does not understand.
        """
        try:
            check_token(token)
            response = await self._http.get(
                f"/devices/{quote(device_uuid, safe='')}/status", headers=_auth(token)
            )
        except (PayloadError, httpx.HTTPError) as exc:
            _log.debug("device status unavailable: %s", type(exc).__name__)
            return None
        return read_device_status(response.status_code, response.text)

    async def aclose(self) -> None:
        """Close the pooled connections; the client cannot be used afterwards."""
        await self._http.aclose()

    async def __aenter__(self) -> ZentraClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


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


def _auth(token: str) -> dict[str, str]:
    return {"x-api-token": token}


def _redact(text: str, token: str) -> str:
    return text.replace(token, _REDACTED) if token else text


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0
