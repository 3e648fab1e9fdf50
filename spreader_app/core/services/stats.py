"""Live limit status per profile and today's totals per mode, for gauges and ``/stats``."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Protocol
from zoneinfo import ZoneInfo

from spreader_app.core.chain import package_chain
from spreader_app.core.clock import Clock
from spreader_app.core.contact_log import ContactHistory, ContactLog, ContactQuery
from spreader_app.core.errors import NotFound
from spreader_app.core.health_band import HealthBand, health_band
from spreader_app.core.health_score import EMPTY_LOG, Reason
from spreader_app.core.health_watch import with_crowd
from spreader_app.core.models import LimitState, Package, Profile
from spreader_app.core.pool import NORMAL_POOL, Pool, PoolView, profile_factor, scaled_cap
from spreader_app.core.ports import CatalogPort, ContactPort, HealthPort, PoolPort, StatsPort
from spreader_app.core.rules import DAY, HOUR, ProfileState
from spreader_app.core.services.pool import current_pool
from spreader_app.core.services.words import NO_PACKAGE
from spreader_app.core.warmup import GRADUATED, contact_log, contact_query


class StatsStore(CatalogPort, StatsPort, ContactPort, PoolPort, HealthPort, Protocol):
    """The storage the live statistics read."""


@dataclass(frozen=True, slots=True)
class ProfileLimits:
    """One profile's usage against its caps at ``at`` (POSIX seconds)."""

    profile_id: str
    name: str
    state: LimitState
    hourly_used: int
    hourly_cap: int
    daily_used: int
    daily_cap: int
    cooldown_remaining: float
    next_send_at: float | None
    health_score: int
    status_reason: str
    health_band: HealthBand = HealthBand.OK
    warmup_stage: int = GRADUATED
    new_recipients_cap: int | None = None
    new_recipients_used: int = 0
    unanswered_used: int = 0
    unanswered_cap: int = 0
    # The share of its caps and pace the profile has: the pool's factor times its health's.
    factor: float = 1.0
    # The deductions still counting, newest first (``core.health_score``).
    health_reasons: tuple[Reason, ...] = ()

    @property
    def hourly(self) -> str:
        return f"{self.hourly_used}/{self.hourly_cap}"

    @property
    def daily(self) -> str:
        return f"{self.daily_used}/{self.daily_cap}"


@dataclass(frozen=True, slots=True)
class PackageStats:
    package_id: str
    at: float
    profiles: list[ProfileLimits]
    today: dict[str, dict[str, int]]
    pool: PoolView = NORMAL_POOL


class StatsService:
    """Computes limit status from the send log with the same rules the engine keeps.

    ``live`` gives the running engine's rule states by profile id (``Dispatcher.states``):
    their send logs are the database's, kept in memory as the engine claims each send, so
    a profile the engine holds costs no database read. Gauges poll every second during a
    campaign, and reading a day of sends back (100,000 rows at full speed) took longer than
    the engine's own work on the database thread.
    """

    def __init__(
        self,
        store: StatsStore,
        clock: Clock,
        live: Callable[[], Mapping[str, ProfileState]] | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._live = live

    async def package_stats(self, package_id: str) -> PackageStats:
        package = await self._store.get_package(package_id)
        if package is None:
            raise NotFound(NO_PACKAGE(package_id=package_id))
        profiles = await self._store.list_profiles(package_id)
        now = self._clock.timestamp()
        states = await self.profile_states(package, profiles, now)
        pool = with_crowd(await current_pool(self._store, package_id), states, now)
        limits = self._limits(package, profiles, pool, states, now)
        midnight = _local_midnight(now, package.timezone)
        today = await self._store.mode_totals(package_id, midnight)
        created = package.created_at.timestamp() if package.created_at else None
        return PackageStats(package_id, now, limits, today, pool.view(now, created))

    async def limits(
        self, package: Package, profiles: list[Profile], now: float
    ) -> list[ProfileLimits]:
        """Each profile's usage and caps at ``now``, scaled by the pool's and its health's
        factor (the crowd slow-down counts every profile of the package, asked or not)."""
        every = await self._store.list_profiles(package.id)
        asked = {p.id for p in profiles}
        states = await self.profile_states(package, every, now)
        pool = with_crowd(await current_pool(self._store, package.id), states, now)
        pairs = [(p, s) for p, s in zip(every, states, strict=True) if p.id in asked]
        return self._limits(package, [p for p, _ in pairs], pool, [s for _, s in pairs], now)

    async def profile_states(
        self,
        package: Package,
        profiles: Sequence[Profile],
        now: float,
        more_sends: Mapping[str, Sequence[float]] | None = None,
    ) -> list[ProfileState]:
        """Fresh rule states of ``profiles`` at ``now`` (the caller's to change): their send
        logs plus ``more_sends``, and their contact logs."""
        sends = await self.send_logs([p.id for p in profiles], now)
        for pid, times in (more_sends or {}).items():
            sends.setdefault(pid, []).extend(times)
        contacts = await self.contact_logs(package, profiles, now)
        logs = await self._store.health_logs([p.id for p in profiles], now)
        states = [
            ProfileState.from_profile(p, package, sends.get(p.id, []), contacts.get(p.id))
            for p in profiles
        ]
        for state in states:
            state.health_log = logs.get(state.profile_id, EMPTY_LOG)
            state.health = state.health_at(now)
        return states

    async def contact_logs(
        self, package: Package, profiles: Sequence[Profile], now: float
    ) -> dict[str, ContactLog | None]:
        """Fresh contact logs of ``profiles``: copies of the engine's where it holds one
        under the same policy, else read from the database."""
        live = self._live() if self._live is not None else {}
        out: dict[str, ContactLog | None] = {}
        queries: dict[str, ContactQuery] = {}
        for p in profiles:
            query = contact_query(p, package)
            held = live.get(p.id)
            log = held.contacts if held is not None else None
            if query is None:
                out[p.id] = None
            elif log is not None and (log.new_cap is not None, log.unanswered_cap) == query:
                out[p.id] = log.copy()
            else:
                queries[p.id] = query
        if queries:
            histories = await self._store.contact_histories(queries, now)
            for p in profiles:
                if p.id in queries:
                    history = histories.get(p.id, ContactHistory())
                    out[p.id] = contact_log(p, package, history)
        return out

    def _limits(
        self,
        package: Package,
        profiles: list[Profile],
        pool: Pool,
        states: Sequence[ProfileState],
        now: float,
    ) -> list[ProfileLimits]:
        chain = package_chain(package, pool)
        out: list[ProfileLimits] = []
        for p, state in zip(profiles, states, strict=True):
            factor = profile_factor(pool, state, now)
            log = state.contacts
            new_cap = log.new_cap if log is not None else None
            last = state.last_send
            cooldown_left = max(0.0, last + state.cooldown - now) if last is not None else 0.0
            out.append(
                ProfileLimits(
                    p.id,
                    p.name,
                    chain.limit_state(state, now),
                    state.count_within(now, HOUR),
                    scaled_cap(state.hourly_cap, factor),
                    state.count_within(now, DAY),
                    scaled_cap(state.daily_cap, factor),
                    cooldown_left,
                    chain.earliest(state, now).at,
                    state.health,
                    p.status_reason,
                    health_band(p.status, state.health),
                    p.warmup_stage if new_cap is not None else GRADUATED,
                    scaled_cap(new_cap, factor) if new_cap is not None else None,
                    log.first_contacts_within(now, DAY) if log is not None else 0,
                    log.unanswered_within(now) if log is not None else 0,
                    package.max_unanswered_per_profile_per_30d,
                    factor=factor,
                    health_reasons=tuple(state.health_log.reasons(now)) if state.health_log else (),
                )
            )
        return out

    async def send_logs(self, profile_ids: Sequence[str], now: float) -> dict[str, list[float]]:
        """Each profile's Open Chat send times of the day before ``now``, ascending: the
        log the caps count. ``now`` is the present (the engine's memory holds the last
        day, not older history). Fresh lists, the caller's to change; a profile without
        sends may be missing. From the engine's memory where it holds the profile, else
        read from the database."""
        live = self._live() if self._live is not None else {}
        since = now - DAY
        out: dict[str, list[float]] = {}
        missing: list[str] = []
        for pid in profile_ids:
            state = live.get(pid)
            if state is None:
                missing.append(pid)
                continue
            sends = state.sends
            out[pid] = list(islice(sends, bisect_right(sends, since), None))
        if missing:
            out.update(await self._store.open_send_times(since, missing))
        return out


def _local_midnight(now: float, zone: str) -> float:
    local = datetime.fromtimestamp(now, ZoneInfo(zone))
    return local.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
