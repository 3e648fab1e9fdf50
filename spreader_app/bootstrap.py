"""The composition root: builds every service of one process from its settings (no Qt).

``build()`` wires clock, database, vault, gateway client, engine and services into a
``Container``; ``desktop.py`` and ``headless.py`` start and stop it on their event loop.
Clock, gateway, key source and randomness can be injected (tests, benchmarks).
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import gc
import logging
import os
import random
import socket
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spreader_app.config import Settings, save_settings
from spreader_app.core.clock import Clock, SystemClock
from spreader_app.core.dispatcher import Dispatcher
from spreader_app.core.events import (
    Event,
    EventBus,
    PoolChanged,
    ProfileStatusChanged,
    TunnelChanged,
)
from spreader_app.core.leasing import InstanceInfo, LeaseKeeper
from spreader_app.core.models import InboundMessage
from spreader_app.core.ports import Gateway
from spreader_app.core.reply_router import ReplyRouter
from spreader_app.core.services.inbox import InboxService
from spreader_app.core.services.packages import PackageService
from spreader_app.core.services.pool import PoolService
from spreader_app.core.services.profiles import ProfileService
from spreader_app.core.services.receiving import ReceivingService
from spreader_app.core.services.sending import SendingService
from spreader_app.core.services.settings import Applier, SettingsService
from spreader_app.core.services.stats import StatsService
from spreader_app.core.services.templates import TemplateService
from spreader_app.core.services.why import WhyService
from spreader_app.core.supervisor import Supervisor
from spreader_app.core.tokens import TokenCache
from spreader_app.storage import migrate
from spreader_app.storage.database import Database
from spreader_app.storage.leases import SqlLeases
from spreader_app.storage.notices import RELOAD, WAKE, LocalNotices, PgNotices, notices_for
from spreader_app.storage.store import SqlStore
from spreader_app.tunnel.child import find_tool
from spreader_app.tunnel.probe import WebhookProber
from spreader_app.tunnel.runner import STATE_FILE, QuickTunnel
from spreader_app.vault.key_sources import KeySource, default_key_chain
from spreader_app.vault.vault import Vault
from spreader_app.zentra.client import ZentraClient
from spreader_app.zentra.webhook import decode_body, parse_inbound

log = logging.getLogger(__name__)
SWITCH_INTERVAL = 0.001  # seconds; see Container.start


def local_timezone() -> str:
    """The desktop's IANA zone name (``TZ`` or ``/etc/localtime``), ``UTC`` when unknown."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and "/" in tz:
        return tz
    try:
        target = Path("/etc/localtime").resolve()
        parts = target.parts
        if "zoneinfo" in parts:
            return "/".join(parts[parts.index("zoneinfo") + 1 :])
    except OSError:
        pass
    return "UTC"


class ConfigSettings:
    """``SettingsPort`` over ``config.save_settings``; keeps the container's settings current."""

    def __init__(self, holder: list[Container], initial: Settings) -> None:
        self._holder = holder
        self._initial = initial

    @property
    def current(self) -> Settings:
        return self._holder[0].settings if self._holder else self._initial

    def snapshot(self) -> dict[str, Any]:
        return dataclasses.asdict(self.current)

    def save(self, changes: dict[str, Any]) -> dict[str, Any]:
        updated = save_settings(self.current, changes)
        self._holder[0].settings = updated
        return dataclasses.asdict(updated)


@dataclass
class Container:
    """Every service of one process; ``start()`` and ``stop()`` run on its event loop."""

    settings: Settings
    clock: Clock
    db: Database
    store: SqlStore
    vault: Vault
    gateway: Gateway
    events: EventBus
    dispatcher: Dispatcher
    tokens: TokenCache
    packages: PackageService
    profiles: ProfileService
    sending: SendingService
    why: WhyService
    templates: TemplateService
    replies: ReplyRouter
    stats: StatsService
    inbox: InboxService
    app_settings: SettingsService
    pool: PoolService
    receiving: ReceivingService
    leases: LeaseKeeper
    notices: LocalNotices | PgNotices
    supervisor: Supervisor = field(default_factory=Supervisor)
    vault_source: str = ""

    def engine_changed(self) -> None:
        """Packages or profiles changed: the engine re-reads them, cached tokens are dropped."""
        self.tokens.invalidate()
        self.dispatcher.wake(reload=True)

    def _on_notice(self, kind: str) -> None:
        """Another engine on the database changed something (``notices``)."""
        if kind == RELOAD:
            self.engine_changed()
        else:
            self.dispatcher.wake()

    async def database_ready(self) -> str:
        """The configured database's schema revision when it answers at head (``/health``);
        raises ``StorageUnavailable`` saying why not."""
        return await migrate.ready_revision(self.db)

    async def start(self, *, dispatch: bool = True) -> None:
        """Loads the vault key (off the loop: keyring calls block), recovers interrupted
        sends and starts the dispatcher. Raises ``VaultUnavailable`` without a key.

        Also shortens the interpreter's thread switch interval to ``SWITCH_INTERVAL``: the
        database thread and the event loop hand work to each other all the time, and with
        the default 5 ms a reply waiting on either could sit idle for most of that (measured:
        reply overhead p99 29 -> 17 ms, median 6.9 -> 5.2 ms while a campaign dispatches)."""
        sys.setswitchinterval(SWITCH_INTERVAL)
        loop = asyncio.get_running_loop()
        self.vault_source = await loop.run_in_executor(None, self.vault.load)
        recovered = await self.dispatcher.recover()
        if recovered:
            log.warning(
                "%d messages had sends in flight at the last stop: marked uncertain", recovered
            )
        self.notices.start(self._on_notice)
        if dispatch:
            self.supervisor.start("dispatcher", self.dispatcher.run())

    async def stop(self, timeout: float = 10.0) -> None:
        """Stops taking work, lets in-flight sends finish and be recorded, hands the devices
        back to the other engines on the database, then closes."""
        await self.receiving.stop()
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self.notices.stop)
        await self.dispatcher.stop(timeout)
        await self.supervisor.stop_all(timeout)
        try:
            await self.leases.leave(self.clock.timestamp())
        except Exception:  # its leases then expire and another engine takes over
            log.exception("could not hand the devices back")
        await self.gateway.aclose()
        await asyncio.get_running_loop().run_in_executor(None, self.db.close)


@functools.cache  # once per process
def settle_heap() -> None:
    """Collects start-up garbage once, then takes what is alive (modules, classes, caches,
    the window) out of the cycle collector's scans, so a full collection during a campaign
    only walks what was created since. Measured in the desktop during dispatch: full
    collections every few seconds took 125-155 ms each over ~150,000 long-lived objects,
    44 ms at most after this. For the process's entry points, once start-up is done; later
    calls do nothing (freezing again would keep later garbage cycles forever)."""
    gc.collect()
    gc.freeze()


def build(
    settings: Settings,
    *,
    clock: Clock | None = None,
    gateway: Gateway | None = None,
    key_source: KeySource | None = None,
    rng: random.Random | None = None,
    env: dict[str, str] | None = None,
    role: str = "serve",
    tunnel_loopback: bool = False,
) -> Container:
    """Wires a container and brings the database schema up to date (synchronously).

    ``role`` (``serve`` or ``desktop``) tells the other engines sharing the database what
    this one is. ``tunnel_loopback`` lets the tunnel take a stand-in's ``http://127.0.0.1``
    address (tests)."""
    clock = clock or SystemClock()
    rng = rng or random.Random()
    db = Database(settings.database_url)
    migrate.upgrade(db.engine)
    store = SqlStore(db)
    environ = env if env is not None else dict(os.environ)
    vault = Vault(key_source or default_key_chain(environ, settings.data_dir))
    gateway = gateway or ZentraClient(settings.zentra_url)
    events = EventBus()
    tokens = TokenCache(store, vault)
    leases = LeaseKeeper(
        SqlLeases(db),
        InstanceInfo(db.instance_id, socket.gethostname(), os.getpid(), role),
        exclusive=db.engine.dialect.name == "sqlite",
        ttl=float(settings.lease_seconds),
    )
    notices = notices_for(db)
    dispatcher = Dispatcher(store, gateway, tokens, clock, events, rng, leases)
    stats = StatsService(store, clock, live=dispatcher.states)
    templates = TemplateService(store, store, clock)
    holder: list[Container] = []

    def changed() -> None:
        holder[0].engine_changed()
        notices.publish(RELOAD)

    def wake() -> None:
        dispatcher.wake()
        notices.publish(WAKE)

    def tell_others(event: Event) -> None:
        # A device this engine paused or blocked, or a pool it tripped: the other engines'
        # failover and rules must see it too.
        if isinstance(event, PoolChanged | ProfileStatusChanged):
            notices.publish(RELOAD)

    events.subscribe(tell_others)

    tunnel = QuickTunnel(
        tool=lambda: find_tool(holder[0].settings.cloudflared_path),
        local_url=lambda: holder[0].receiving.local_base,
        clock=clock,
        on_change=lambda state: events.publish(TunnelChanged(state)),
        state_file=settings.data_dir / STATE_FILE,
        allow_loopback=tunnel_loopback,
    )
    settings_port = ConfigSettings(holder, settings)

    def parse(body: bytes, content_type: str | None) -> list[InboundMessage]:
        return parse_inbound(decode_body(body, content_type))

    container = Container(
        settings=settings,
        clock=clock,
        db=db,
        store=store,
        vault=vault,
        gateway=gateway,
        events=events,
        dispatcher=dispatcher,
        tokens=tokens,
        packages=PackageService(store, clock, changed, default_timezone=local_timezone()),
        profiles=ProfileService(
            store, vault, gateway, clock, changed, region=lambda: holder[0].settings.default_region
        ),
        sending=SendingService(
            store,
            clock,
            stats,
            wake,
            region=lambda: holder[0].settings.default_region,
            templates=templates,
        ),
        why=WhyService(store, clock),
        templates=templates,
        replies=ReplyRouter(store, gateway, tokens, clock, events, on_blocked=changed),
        stats=stats,
        inbox=InboxService(store, clock, events, parse, wake),
        app_settings=SettingsService(settings_port, store, clock),
        pool=PoolService(store, clock, changed),
        receiving=ReceivingService(settings_port, store, clock, tunnel, WebhookProber()),
        leases=leases,
        notices=notices,
    )
    holder.append(container)
    if isinstance(gateway, ZentraClient):
        container.app_settings.add_applier(_rebase_gateway(gateway, holder))
    return container


def _rebase_gateway(gateway: ZentraClient, holder: list[Container]) -> Applier:
    """A new gateway URL takes effect at the next request."""

    async def apply(changes: Mapping[str, Any]) -> set[str]:
        if "zentra_url" not in changes:
            return set()
        gateway.rebase(holder[0].settings.zentra_url)
        return {"zentra_url"}

    return apply
