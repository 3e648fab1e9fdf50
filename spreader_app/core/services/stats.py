"""Live limit status per profile and today's totals per mode, for gauges and ``/stats``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from spreader_app.core.clock import Clock
from spreader_app.core.errors import NotFound
from spreader_app.core.models import LimitState, Package, Profile
from spreader_app.core.ports import Store
from spreader_app.core.rules import DAY, HOUR, ProfileState, RuleChain


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


class StatsService:
    """Computes limit status from the delivery log with the same rules the engine keeps."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    async def package_stats(self, package_id: str) -> PackageStats:
        package = await self._store.get_package(package_id)
        if package is None:
            raise NotFound(f"No package with id {package_id}.")
        profiles = await self._store.list_profiles(package_id)
        now = self._clock.timestamp()
        limits = await self.limits(package, profiles, now)
        midnight = _local_midnight(now, package.timezone)
        today = await self._store.mode_totals(package_id, midnight)
        return PackageStats(package_id, now, limits, today)

    async def limits(
        self, package: Package, profiles: list[Profile], now: float
    ) -> list[ProfileLimits]:
        sends = await self._store.open_send_times(now - DAY, [p.id for p in profiles])
        chain = RuleChain.for_package(package)
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
                    state.hourly_cap,
                    state.count_within(now, DAY),
                    state.daily_cap,
                    cooldown_left,
                    chain.earliest(state, now).at,
                    p.health_score,
                    p.status_reason,
                )
            )
        return out


def _local_midnight(now: float, zone: str) -> float:
    local = datetime.fromtimestamp(now, ZoneInfo(zone))
    return local.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
