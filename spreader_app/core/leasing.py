"""Device leases: which engine instance dispatches each device's Open Chat.

Several engines (``spreader serve`` or desktop apps) may share one PostgreSQL. Each device
(profile) is leased by at most one of them at a time, and only the holder claims its Open
Chat work. A device's rule state (``ProfileState``: rolling caps, cooldown) then lives in
one process, as with a single engine, and stays exact across engines: every send is logged
(an attempt row) in the transaction that claims it, before the gateway call, and a new
holder rebuilds the state from that shared log when it takes the lease over.

Leases and the instance row are renewed together by a heartbeat every ``ttl / 3`` seconds.
The holder stops using a lease ``ttl / 3`` before it expires unless renewed (one missed
heartbeat is tolerated); the others take it over only once it has expired. That gap absorbs
a slow database round and clock differences between machines. An instance whose heartbeat
expired is retired by the next heartbeat of any other: its gateway calls still in flight
become ``uncertain`` (never re-sent), its leases become free.

With SQLite the engine is alone on its database (the data-folder lock): it takes every
device, retires every other instance at start, and needs no periodic heartbeat.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from spreader_app.core.models import MessageChange

DEFAULT_TTL = 15.0
# How often an engine sharing its database looks for work another engine created, when no
# notice woke it (LISTEN/NOTIFY wakes it at once; this is the backstop).
DEFAULT_POLL = 2.0


@dataclass(frozen=True, slots=True)
class InstanceInfo:
    """This engine instance as the other instances see it."""

    id: str
    host: str
    pid: int
    role: str  # "serve" or "desktop"


@dataclass(frozen=True, slots=True)
class LeaseView:
    """What one heartbeat found, after renewing this instance's leases and retiring the
    instances whose heartbeat expired."""

    held: frozenset[str]  # devices this instance holds
    free: tuple[str, ...]  # devices no live instance holds, in the order to take them
    devices: int
    instances: int  # live instances, this one included
    recovered: tuple[MessageChange, ...] = ()  # retired instances' sends, now uncertain


class LeasePort(Protocol):
    """Persistence of instances and device leases; every call is one transaction."""

    async def heartbeat(
        self, me: InstanceInfo, now: float, ttl: float, *, retire_others: bool, first: bool
    ) -> LeaseView:
        """Records ``me`` alive until ``now + ttl`` and renews its leases as long; retires
        every other instance whose heartbeat expired (all of them with ``retire_others``):
        their sends in flight become ``uncertain``, their leases free. ``first`` (a start)
        also settles in-flight sends that name no instance (written by older versions)."""
        ...

    async def take(
        self, instance_id: str, profile_ids: Sequence[str], now: float, ttl: float
    ) -> frozenset[str]:
        """Leases each free device of ``profile_ids``; returns those taken (a device another
        instance took meanwhile is skipped)."""
        ...

    async def release(self, instance_id: str, profile_ids: Sequence[str]) -> None: ...

    async def leave(self, instance_id: str, now: float) -> None:
        """Frees every lease of the instance and removes it (an orderly stop); its sends
        still in flight (none, unless the stop gave up waiting) become ``uncertain``."""
        ...


def fair_share(devices: int, instances: int) -> int:
    """How many devices one of ``instances`` live instances should hold: every device is
    covered and no instance holds more than one device above another's share."""
    return math.ceil(devices / max(1, instances))


def rebalance(view: LeaseView, busy: Collection[str]) -> tuple[list[str], list[str]]:
    """The devices to take and those to release so this instance holds its fair share.

    A device with a send in flight (``busy``) is kept: the answer is recorded by this
    instance, and its new holder would otherwise see the send only as an open attempt.
    """
    share = fair_share(view.devices, view.instances)
    held = sorted(view.held)
    if len(held) < share:
        return list(view.free[: share - len(held)]), []
    idle = [pid for pid in reversed(held) if pid not in busy]
    return [], idle[: len(held) - share]


class LeaseKeeper:
    """Keeps this instance's device leases: renews them, takes its fair share, frees the
    surplus for newcomers. ``exclusive`` (SQLite): alone on the database."""

    def __init__(
        self,
        port: LeasePort,
        me: InstanceInfo,
        *,
        exclusive: bool,
        ttl: float = DEFAULT_TTL,
        poll: float = DEFAULT_POLL,
    ) -> None:
        if ttl <= 0:
            raise ValueError("a lease lasts a positive number of seconds")
        self._port = port
        self.me = me
        self.exclusive = exclusive
        self.ttl = ttl
        self.poll = poll
        self._held: frozenset[str] = frozenset()
        self._valid_until = -math.inf
        self._next_beat = -math.inf

    @property
    def held(self) -> frozenset[str]:
        return self._held

    def holds(self, profile_id: str, now: float) -> bool:
        """Whether this instance may dispatch the device's Open Chat at ``now``; alone on
        the database, every device (one added a moment ago too)."""
        return self.exclusive or (profile_id in self._held and now < self._valid_until)

    def next_look(self, now: float) -> float | None:
        """When the engine should run a round even if nothing woke it: the next heartbeat
        or poll of a shared database; ``None`` when alone on it."""
        if self.exclusive:
            return None
        return min(self._next_beat, now + self.poll)

    async def start(self, now: float) -> list[MessageChange]:
        """The first heartbeat: registers this instance, retires the dead (every other
        instance when exclusive) and takes a share. Returns the message changes of the
        sends they left in flight, now ``uncertain``."""
        _, changes = await self._beat(now, (), first=True)
        return changes

    async def keep(
        self, now: float, busy: Collection[str], *, force: bool = False
    ) -> tuple[bool, list[MessageChange]]:
        """Beats when one is due (or ``force``): returns whether the held devices changed
        (the engine then reloads their state from the log) and the changes of the sends
        retired instances left in flight."""
        if not force and now < self._next_beat:
            return False, []
        return await self._beat(now, busy, first=False)

    async def leave(self, now: float) -> None:
        """Hands every lease back at an orderly stop, so others take over at once."""
        self._held = frozenset()
        await self._port.leave(self.me.id, now)

    async def _beat(
        self, now: float, busy: Collection[str], *, first: bool
    ) -> tuple[bool, list[MessageChange]]:
        view = await self._port.heartbeat(
            self.me, now, self.ttl, retire_others=first and self.exclusive, first=first
        )
        held = set(view.held)
        take, release = rebalance(view, busy)
        if take:
            held |= await self._port.take(self.me.id, take, now, self.ttl)
        if release:
            await self._port.release(self.me.id, release)
            held -= set(release)
        changed = frozenset(held) != self._held
        self._held = frozenset(held)
        self._valid_until = now + self.ttl * 2 / 3
        self._next_beat = now + self.ttl / 3
        return changed, list(view.recovered)
