"""How customers' messages reach this computer: the receive modes, the tunnel's state, the
webhook self-probe and what its answer means. Pure data and rules; the tunnel process and
the HTTP probe live in ``spreader_app.tunnel``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Protocol

from spreader_app.core.text import Text

WEBHOOK_PATH: Final = "/webhooks/zentra/{secret}"
PROBE_FIELD: Final = "spreader_probe"
_NONCE = re.compile(r"[A-Za-z0-9_-]{8,64}")


class ReceiveMode(StrEnum):
    """``off``: the webhook answers on this computer only; ``tunnel``: a quick tunnel the app
    starts gives it a public address; ``address``: the owner provides the public address
    (a forwarded port, a named tunnel, a reverse proxy, Tailscale Funnel)."""

    OFF = "off"
    TUNNEL = "tunnel"
    ADDRESS = "address"


class TunnelPhase(StrEnum):
    NOT_INSTALLED = "not_installed"
    STOPPED = "stopped"
    STARTING = "starting"
    RUNNING = "running"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class TunnelState:
    """The tunnel as the owner sees it. ``public_url`` is the base (``https://host``) while
    running; ``changed`` is true when it differs from the address of the previous run (the
    one pasted into the gateway then); ``retry_in`` is seconds until the next start after a
    failure; ``detail`` says why it failed, in words."""

    phase: TunnelPhase
    public_url: str = ""
    changed: bool = False
    retry_in: float = 0.0
    detail: str = ""


class Hop(StrEnum):
    """Where a probe stopped: the first hop that failed, or ``ARRIVED``."""

    ARRIVED = "arrived"
    NO_ADDRESS = "no_address"
    TUNNEL_DOWN = "tunnel_down"
    DNS = "dns"
    UNREACHABLE = "unreachable"
    LOCAL_SERVER = "local_server"
    WRONG_TARGET = "wrong_target"


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """One self-probe: ``hop`` is ``ARRIVED`` when the probe came back through the public
    address; ``round_trip_ms`` is then the time from sending to the answer."""

    hop: Hop
    url: str
    detail: str | Text  # Text: a sentence of the engine, which the window translates
    round_trip_ms: float | None = None

    @property
    def arrived(self) -> bool:
        return self.hop is Hop.ARRIVED


class TunnelControl(Protocol):
    """The quick tunnel a receive mode may own; implemented by ``tunnel.QuickTunnel``."""

    @property
    def state(self) -> TunnelState: ...

    def start(self) -> None:
        """Starts (or keeps) the tunnel and its watcher on the running loop."""
        ...

    async def stop(self) -> None:
        """Stops the tunnel; the child process is gone when this returns."""
        ...


class WebhookProbe(Protocol):
    async def probe(self, public_webhook: str, local_webhook: str) -> ProbeResult:
        """Posts a probe to ``local_webhook`` and then ``public_webhook``; never raises for
        network trouble: the result names the hop that failed."""
        ...


def webhook_url(base: str, secret: str) -> str:
    """The full webhook address under ``base`` (``https://host`` or ``http://host:port``)."""
    return base.rstrip("/") + WEBHOOK_PATH.format(secret=secret)


def probe_body(nonce: str) -> bytes:
    """What a self-probe posts; ``probe_nonce`` recognises it."""
    return json.dumps({PROBE_FIELD: nonce}).encode()


def probe_nonce(body: bytes) -> str | None:
    """The nonce when ``body`` is a self-probe (and nothing else), else ``None``: a probe
    is answered without being stored as a customer's message."""
    if PROBE_FIELD.encode() not in body[:128]:
        return None
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(data, dict) or set(data) != {PROBE_FIELD}:
        return None
    nonce = data[PROBE_FIELD]
    return nonce if isinstance(nonce, str) and _NONCE.fullmatch(nonce) else None
