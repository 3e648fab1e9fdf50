"""The webhook self-probe: posts a recognisable probe to Spreader's own webhook, first on
this computer and then through the public address, and names the hop that failed.

The public request goes out like the app's gateway calls: through the proxy the
environment names (``HTTPS_PROXY``/``HTTP_PROXY``, ``NO_PROXY``) and trusting the system's
certificate store, or ``SSL_CERT_FILE``/``SSL_CERT_DIR`` when set (read at each probe).
"""

from __future__ import annotations

import json
import secrets
import ssl
import time
from collections.abc import Callable
from typing import Final

import aiohttp
from yarl import URL

from spreader_app.core.receiving import Hop, ProbeResult, probe_body
from spreader_app.zentra.client import proxy_for

PROBE_SECONDS: Final = 15.0
# What Cloudflare answers when the tunnel is up but cannot reach the local server.
_TUNNEL_CANNOT_REACH: Final = frozenset({502, 503, 504, 530})


class WebhookProber:
    """Implements ``core.receiving.WebhookProbe`` over aiohttp; ``timer`` measures the
    round trip in seconds."""

    def __init__(
        self, timeout: float = PROBE_SECONDS, timer: Callable[[], float] = time.perf_counter
    ) -> None:
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._timer = timer

    async def probe(self, public_webhook: str, local_webhook: str) -> ProbeResult:
        nonce = secrets.token_urlsafe(12)
        async with aiohttp.ClientSession(timeout=self._timeout) as http:
            local = await self._post(http, local_webhook, nonce, proxy=None)
            if not local.arrived:
                return _local_failure(local, local_webhook)
            url = URL(public_webhook)
            return await self._post(http, public_webhook, nonce, proxy=proxy_for(url))

    async def _post(
        self, http: aiohttp.ClientSession, url: str, nonce: str, proxy: str | None
    ) -> ProbeResult:
        shown = _without_secret(url)
        started = self._timer()
        try:
            async with http.post(
                url,
                data=probe_body(nonce),
                headers={"Content-Type": "application/json"},
                proxy=proxy,
                ssl=ssl.create_default_context(),
            ) as answer:
                body = await answer.read()
                status = answer.status
        except aiohttp.ClientConnectorDNSError:
            return ProbeResult(
                Hop.DNS,
                shown,
                f"The name {URL(url).host} cannot be found (DNS). A new quick-tunnel "
                "address can take a minute to be known; try again, or check the address.",
            )
        except (aiohttp.ClientConnectorCertificateError, aiohttp.ClientSSLError) as exc:
            return ProbeResult(
                Hop.UNREACHABLE,
                shown,
                f"The connection is not trusted ({exc}). Behind a company proxy, set "
                "SSL_CERT_FILE to its certificate.",
            )
        except aiohttp.ClientProxyConnectionError:
            return ProbeResult(
                Hop.UNREACHABLE, shown, f"The proxy {proxy} does not answer; check HTTPS_PROXY."
            )
        except aiohttp.ClientError as exc:
            return ProbeResult(Hop.UNREACHABLE, shown, f"No connection to {shown} ({exc}).")
        except TimeoutError:
            return ProbeResult(
                Hop.UNREACHABLE,
                shown,
                f"No answer from {shown} within {self._timeout.total:.0f} s.",
            )
        elapsed_ms = (self._timer() - started) * 1000.0
        return _judge(status, body, nonce, shown, elapsed_ms)


def _judge(status: int, body: bytes, nonce: str, shown: str, elapsed_ms: float) -> ProbeResult:
    if status == 200 and _echo(body) == nonce:
        return ProbeResult(
            Hop.ARRIVED, shown, f"The probe arrived in {elapsed_ms:.0f} ms.", elapsed_ms
        )
    if status in _TUNNEL_CANNOT_REACH:
        return ProbeResult(
            Hop.LOCAL_SERVER,
            shown,
            f"The public address answers (HTTP {status}) but cannot reach Spreader on this "
            "computer: the tunnel points at another port, or Spreader's server is stopped.",
        )
    return ProbeResult(
        Hop.WRONG_TARGET,
        shown,
        f"{shown} answers (HTTP {status}), but not as this Spreader's webhook: another "
        "program has this address, or the URL is old. Copy the webhook URL again.",
    )


def _local_failure(result: ProbeResult, local_webhook: str) -> ProbeResult:
    """A failure on this computer is the local server's, whatever the error was."""
    return ProbeResult(
        Hop.LOCAL_SERVER,
        _without_secret(local_webhook),
        f"Spreader's own server does not take the probe: {result.detail} Is Spreader (or "
        "spreader serve) running with this data folder?",
    )


def _echo(body: bytes) -> str | None:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    probe = data.get("probe") if isinstance(data, dict) else None
    return probe if isinstance(probe, str) else None


def _without_secret(url: str) -> str:
    """The address as shown in results: its last path segment (the webhook secret) is not
    repeated there."""
    parsed = URL(url)
    if len(parsed.parts) < 2:
        return url
    return str(parsed.parent) + "/…"
