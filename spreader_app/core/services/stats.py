"""Live limit status per profile and today's totals per mode, for gauges and ``/stats``."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from zoneinfo import ZoneInfo

from spreader_app.core.clock import Clock
from spreader_app.core.errors import NotFound
from spreader_app.core.models import LimitState, Package, Profile
from spreader_app.core.pool import NORMAL_POOL, Pool, PoolView, pool_chain, scaled_cap
from spreader_app.core.ports import Store
from spreader_app.core.rules import DAY, HOUR, ProfileState
from spreader_app.core.services.pool import current_pool


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
        store: Store,
        clock: Clock,
        live: Callable[[], Mapping[str, ProfileState]] | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._live = live

    async def package_stats(self, package_id: str) -> PackageStats:
        package = await self._store.get_package(package_id)
        if package is None:
            raise NotFound(f"No package with id {package_id}.")
        profiles = await self._store.list_profiles(package_id)
        now = self._clock.timestamp()
        pool = await current_pool(self._store, package_id)
        limits = self._limits(
            package, profiles, pool, await self.send_logs([p.id for p in profiles], now), now
        )
        midnight = _local_midnight(now, package.timezone)
        today = await self._store.mode_totals(package_id, midnight)
        created = package.created_at.timestamp() if package.created_at else None
        return PackageStats(package_id, now, limits, today, pool.view(now, created))

    async def limits(
        self, package: Package, profiles: list[Profile], now: float
    ) -> list[ProfileLimits]:
        """Each profile's usage and caps at ``now``, with the pool's factor applied."""
        sends = await self.send_logs([p.id for p in profiles], now)
        pool = await current_pool(self._store, package.id)
        return self._limits(package, profiles, pool, sends, now)

    def _limits(
        self,
        package: Package,
        profiles: list[Profile],
        pool: Pool,
        sends: Mapping[str, list[float]],
        now: float,
    ) -> list[ProfileLimits]:
        chain = pool_chain(package, pool)
        factor = pool.factor(now)
        out: list[ProfileLimits] = []
        for p in profiles:
            state = ProfileState.from_profile(p, package, sends.get(p.id, []))
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
                    p.health_score,
                    p.status_reason,
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
