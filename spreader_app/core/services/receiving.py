"""Receiving customers' messages: which way the webhook is reached from the internet (a
quick tunnel, the owner's own address, or not at all), its public URL, and the self-test."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from spreader_app.core.clock import Clock
from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.ports import AuditPort, SettingsPort
from spreader_app.core.receiving import (
    Hop,
    ProbeResult,
    ReceiveMode,
    TunnelControl,
    TunnelPhase,
    TunnelState,
    WebhookProbe,
    webhook_url,
)
from spreader_app.core.text import Text

_UNSPECIFIED = {"0.0.0.0", "::", ""}


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` accepts connections from this computer only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ReceivingView:
    """What the "Receive customers' messages" settings show.

    ``webhook_url`` is the address to paste into the gateway for the current mode (``""``
    while there is none yet); ``local_webhook_url`` answers on this computer only.
    ``exposed`` is true when the local server listens beyond this computer.
    """

    mode: ReceiveMode
    tunnel: TunnelState
    webhook_url: str
    local_webhook_url: str
    public_url: str
    host: str
    cloudflared_path: str
    exposed: bool


class ReceivingService:
    """Owns the receive mode: saves the owner's choice (audited), starts or stops the
    tunnel to match it, and runs the self-probe."""

    def __init__(
        self,
        port: SettingsPort,
        store: AuditPort,
        clock: Clock,
        tunnel: TunnelControl,
        prober: WebhookProbe,
    ) -> None:
        self._port = port
        self._store = store
        self._clock = clock
        self._tunnel = tunnel
        self._prober = prober
        self._local_base = ""

    @property
    def local_base(self) -> str:
        """Where the local server answers, as this computer reaches it (the tunnel's target)."""
        if self._local_base:
            return self._local_base
        s = self._port.snapshot()
        return local_base_of(s["host"], int(s["port"]))

    def serving_at(self, url: str) -> None:
        """The local server is listening at ``url`` (``http://host:port``)."""
        rest = url.partition("://")[2]
        host, _, port = rest.rpartition(":")
        self._local_base = local_base_of(host.strip("[]"), int(port))

    async def serving_moved(self, url: str) -> None:
        """The local server moved to ``url``: a running tunnel starts again towards it."""
        self.serving_at(url)
        if self._port.snapshot()["receive_mode"] == ReceiveMode.TUNNEL:
            await self._tunnel.stop()
            self._tunnel.start()

    def view(self) -> ReceivingView:
        return receiving_view(self._port.snapshot(), self._tunnel.state, self.local_base)

    def resume(self) -> None:
        """At start-up: starts the tunnel when the saved mode asks for it."""
        if self._port.snapshot()["receive_mode"] == ReceiveMode.TUNNEL:
            self._tunnel.start()

    def start_tunnel(self) -> None:
        """Starts the tunnel whatever the saved mode (``spreader serve --tunnel``)."""
        self._tunnel.start()

    async def stop(self) -> None:
        """Stops the tunnel (quit): its process is gone when this returns."""
        await self._tunnel.stop()

    async def choose(
        self, mode: ReceiveMode, actor: str = "desktop", **fields: str
    ) -> ReceivingView:
        """Saves ``mode`` and any of ``public_url``, ``host``, ``cloudflared_path``; raises
        ``ValidationFailed`` naming a bad field (nothing is saved then). The tunnel runs
        exactly while the mode is ``tunnel``; a new ``host`` takes effect on restart."""
        unknown = set(fields) - {"public_url", "host", "cloudflared_path"}
        if unknown:
            raise ValidationFailed(
                Text(
                    "Services",
                    QT_TRANSLATE_NOOP(
                        "Services", "These settings are not part of receiving: {names}."
                    ),
                    names=", ".join(sorted(unknown)),
                )
            )
        changes: dict[str, Any] = {"receive_mode": mode.value, **fields}
        before = self._port.snapshot()
        changes = {k: v for k, v in changes.items() if before.get(k) != v}
        if changes:
            self._port.save(changes)
            await self._store.audit(
                self._clock.timestamp(), actor, "settings_changed", "settings", changes
            )
        if mode is ReceiveMode.TUNNEL:
            self._tunnel.start()
        else:
            await self._tunnel.stop()
        return self.view()

    async def restart_tunnel(self, cloudflared_path: str, actor: str = "desktop") -> ReceivingView:
        """Chooses the tunnel with the ``cloudflared`` at ``cloudflared_path`` (``""``: the one
        on ``PATH``) and starts it afresh (a new address)."""
        await self._tunnel.stop()
        return await self.choose(ReceiveMode.TUNNEL, actor, cloudflared_path=cloudflared_path)

    async def test(self) -> ProbeResult:
        """Sends the self-probe through the public address of the current mode."""
        return await self_test(self.view(), self._prober)


def receiving_view(
    settings: Mapping[str, Any], tunnel: TunnelState, local_base: str
) -> ReceivingView:
    """The receive settings of ``settings`` (the ``Settings`` fields by name) with the
    tunnel in ``tunnel`` and the local server at ``local_base``."""
    mode = ReceiveMode(settings["receive_mode"])
    secret = settings["webhook_secret"]
    public = ""
    if mode is ReceiveMode.TUNNEL and tunnel.phase is TunnelPhase.RUNNING:
        public = webhook_url(tunnel.public_url, secret)
    elif mode is ReceiveMode.ADDRESS and settings["public_url"]:
        public = webhook_url(settings["public_url"], secret)
    return ReceivingView(
        mode=mode,
        tunnel=tunnel,
        webhook_url=public,
        local_webhook_url=webhook_url(local_base, secret),
        public_url=settings["public_url"],
        host=settings["host"],
        cloudflared_path=settings["cloudflared_path"],
        exposed=not is_loopback_host(settings["host"]),
    )


def local_base_of(host: str, port: int) -> str:
    """Where a server bound to ``host``:``port`` is reached from this computer."""
    return f"http://{_reachable(host)}:{port}"


async def self_test(view: ReceivingView, prober: WebhookProbe) -> ProbeResult:
    """The self-probe for ``view``: through its public webhook URL, or why there is none."""
    if view.webhook_url:
        return await prober.probe(view.webhook_url, view.local_webhook_url)
    return ProbeResult(_missing_hop(view), "", _missing_reason(view))


def _reachable(host: str) -> str:
    """A host to connect to for a server bound to ``host`` (any address → loopback)."""
    if host in _UNSPECIFIED:
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _missing_hop(view: ReceivingView) -> Hop:
    return Hop.TUNNEL_DOWN if view.mode is ReceiveMode.TUNNEL else Hop.NO_ADDRESS


def _missing_reason(view: ReceivingView) -> str | Text:
    if view.mode is ReceiveMode.ADDRESS:
        return _said(
            QT_TRANSLATE_NOOP(
                "Receiving",
                "No public address is set: enter the address that reaches this computer.",
            )
        )
    if view.mode is ReceiveMode.OFF:
        return _said(
            QT_TRANSLATE_NOOP(
                "Receiving",
                "Customers' messages are not received: choose how they reach this computer.",
            )
        )
    phase: Callable[[TunnelState], str | Text] = _TUNNEL_DOWN[view.tunnel.phase]
    return phase(view.tunnel)


def _said(template: str, **params: str) -> Text:
    return Text("Receiving", template, **params)


_TUNNEL_DOWN: dict[TunnelPhase, Callable[[TunnelState], str | Text]] = {
    TunnelPhase.NOT_INSTALLED: lambda s: _said(
        QT_TRANSLATE_NOOP("Receiving", "The tunnel is down: cloudflared is not installed.")
    ),
    TunnelPhase.STOPPED: lambda s: _said(
        QT_TRANSLATE_NOOP("Receiving", "The tunnel is down: it is not started.")
    ),
    TunnelPhase.STARTING: lambda s: _said(
        QT_TRANSLATE_NOOP("Receiving", "The tunnel is still starting; try again in a moment.")
    ),
    TunnelPhase.FAILED: lambda s: _said(
        QT_TRANSLATE_NOOP("Receiving", "The tunnel is down: {detail}"), detail=s.detail
    ),
    TunnelPhase.RUNNING: lambda s: "",
}
