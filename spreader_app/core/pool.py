"""The pool breaker (BAN_SAFETY.md section 4): one package's profiles as one body.

The pool's state is a pure function of its stored events and the time: nothing runs on a
timer. A ban (a profile becoming ``blocked``) trips the breaker: every profile's caps and
pace are scaled by 0.5 for 24 h, by 0.75 for the 24 h after that, then the pool is normal
again. A second ban within 24 h of another pauses the package's Open Chat until the owner
resumes it with a note; so do two profiles falling to CRITICAL health within 24 h, and more
than 30 % of the profiles below the OK band halve the pool until fewer are
(``core.health_watch``). ``PoolRule`` is the breaker's place in the ``RuleChain``, so the
planner and the dispatcher keep the same factor and pause. Reply Chat ignores all of it.
"""

from __future__ import annotations

import enum
import math
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spreader_app.core import reasons
from spreader_app.core.health_band import OK_FROM, health_factor
from spreader_app.core.models import PoolEvent
from spreader_app.core.rules import DAY, HOUR, Hold, ProfileState, cap_release

SLOW_FACTOR = 0.5
RECOVERING_FACTOR = 0.75
# A second ban this soon after another one pauses the pool.
PAUSE_WINDOW = DAY


class PoolEventType(enum.StrEnum):
    BLOCKED = "blocked"  # a profile left the rotation (banned, or evidence of a ban)
    BREAKER_TRIPPED = "breaker_tripped"  # caps and pace scaled down
    PAUSED = "paused"  # no Open Chat for the package until the owner resumes it
    RESUMED = "resumed"  # the owner resumed Open Chat (with a note)
    RELEASED = "released"  # the owner sent held recipients on
    CANCELLED = "cancelled"  # the owner cancelled held recipients
    STAGE_CHANGED = "stage_changed"  # a profile's warm-up stage went up or down
    BAND_CHANGED = "band_changed"  # a profile's health band changed (``note``: the new band)
    CROWD_SLOWED = "at_risk_slowed"  # over 30 % of the profiles below OK: caps and pace halved
    CROWD_CLEARED = "at_risk_cleared"  # fewer are again


class PoolState(enum.StrEnum):
    NORMAL = "normal"
    SLOWED = "slowed"
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class PoolView:
    """The pool as the API and the GUI show it; times are POSIX seconds."""

    state: PoolState
    factor: float
    since: float | None
    until: float | None
    reason: str


NORMAL_POOL = PoolView(PoolState.NORMAL, 1.0, None, None, "")


@dataclass(frozen=True, slots=True)
class Pool:
    """A package's breaker: ``tripped_at`` is the latest ban, ``paused_at`` the pause in
    force (``None``: not paused). ``crowd_until``: too many profiles are below the OK band
    until then (``core.health_watch.with_crowd`` works it out from their health logs, so the
    planner foresees its end); ``crowded_at`` and ``crowd_reason`` are from the event that
    recorded the slow-down. Build it with ``Pool.from_events``."""

    tripped_at: float | None = None
    paused_at: float | None = None
    reason: str = ""
    crowded_at: float | None = None
    crowd_reason: str = ""
    crowd_until: float | None = None

    @classmethod
    def from_events(cls, events: Iterable[PoolEvent]) -> Pool:
        """The pool after ``events`` (any order; other packages' events must be left out)."""
        tripped: PoolEvent | None = None
        pause: PoolEvent | None = None
        crowd: PoolEvent | None = None
        for event in sorted(events, key=lambda e: e.at):
            if event.type == PoolEventType.BLOCKED:
                tripped = event
            elif event.type == PoolEventType.PAUSED:
                pause = event
            elif event.type == PoolEventType.RESUMED:
                pause = None
            elif event.type == PoolEventType.CROWD_SLOWED:
                crowd = event
            elif event.type == PoolEventType.CROWD_CLEARED:
                crowd = None
        latest = pause or tripped
        return cls(
            tripped.at if tripped else None,
            pause.at if pause else None,
            latest.reason if latest else "",
            crowd.at if crowd else None,
            crowd.reason if crowd else "",
        )

    def factor(self, t: float) -> float:
        """The share of every cap and pace the pool allows at ``t``."""
        tripped = self._tripped_factor(t)
        return min(tripped, SLOW_FACTOR) if self.crowded(t) else tripped

    def crowded(self, t: float) -> bool:
        """Whether too many profiles are below the OK band at ``t``."""
        return self.crowd_until is not None and t < self.crowd_until

    def _tripped_factor(self, t: float) -> float:
        if self.tripped_at is None or t < self.tripped_at:
            return 1.0
        age = t - self.tripped_at
        if age < DAY:
            return SLOW_FACTOR
        return RECOVERING_FACTOR if age < 2 * DAY else 1.0

    def normal_from(self) -> float | None:
        """From when on the pool is neither paused nor slowed, as far as its events go
        (``-inf``: always; ``None``: paused until the owner resumes it)."""
        if self.paused_at is not None:
            return None
        tripped = self.tripped_at + 2 * DAY if self.tripped_at is not None else -math.inf
        return max(tripped, self.crowd_until if self.crowd_until is not None else -math.inf)

    def next_change(self, t: float) -> float | None:
        """When the factor next rises after ``t`` (``None``: it does not)."""
        steps = [self.crowd_until] if self.crowd_until is not None else []
        if self.tripped_at is not None:
            steps += [self.tripped_at + DAY, self.tripped_at + 2 * DAY]
        return min((step for step in steps if step > t), default=None)

    def bounded(self, until: float, t: float) -> float:
        """``until``, or the factor's next rise after ``t`` if that comes first: a hold
        under the factor must be asked again then."""
        change = self.next_change(t)
        return until if change is None else min(until, change)

    def view(self, t: float, created_at: float | None = None) -> PoolView:
        """The pool at ``t``; ``created_at`` (the package's) dates a pool never tripped."""
        factor = self.factor(t)
        if self.paused_at is not None:
            return PoolView(PoolState.PAUSED, factor, self.paused_at, None, self.reason)
        if self.crowded(t) and self._tripped_factor(t) > SLOW_FACTOR:
            reason = self.crowd_reason or "Too many devices have health below OK."
            began = self.crowded_at if self.crowded_at is not None else t
            return PoolView(PoolState.SLOWED, factor, began, self.crowd_until, reason)
        if factor == 1.0 or self.tripped_at is None:
            since = self.tripped_at + 2 * DAY if self.tripped_at is not None else created_at
            return PoolView(PoolState.NORMAL, 1.0, since, None, "")
        since = self.tripped_at if factor == SLOW_FACTOR else self.tripped_at + DAY
        return PoolView(PoolState.SLOWED, factor, since, self.next_change(t), self.reason)


def scaled_cap(cap: int, factor: float) -> int:
    """A cap under the pool factor: ``floor(cap * factor)``, at least 1 (0 stays 0)."""
    return cap if factor >= 1.0 or cap <= 0 else max(1, math.floor(cap * factor))


def profile_factor(pool: Pool, state: ProfileState, t: float) -> float:
    """The share of its caps and pace a profile has at ``t``: the pool's factor times its
    health's (halved below the OK band)."""
    return pool.factor(t) * health_factor(state.status, state.health_at(t))


def full_health_from(state: ProfileState) -> float | None:
    """From when on the profile's health factor is 1, as far as its health log goes
    (``-inf``: always; ``None``: not known to return)."""
    log = state.health_log
    if log is None:
        return -math.inf if state.health >= OK_FROM else None
    ok = log.reaches(OK_FROM)
    # ``reaches`` gives up where nothing recovers any more (a negative credit).
    return ok if log.score(ok) >= OK_FROM else None


def factor_bounded(pool: Pool, state: ProfileState, until: float, t: float) -> float:
    """``until``, or the next rise after ``t`` of ``profile_factor`` if that comes first
    (the pool's, or the profile's health back at the OK band): a hold under the factor
    must be asked again then."""
    until = pool.bounded(until, t)
    log = state.health_log
    if log is not None and state.health_at(t) < OK_FROM:
        back = log.reaches(OK_FROM)
        if t < back < until:
            until = back
    return until


def room_at(
    times: deque[float], t: float, windows: Iterable[tuple[float, int]], factor: float
) -> float | None:
    """The earliest time ``>= t`` at which every rolling ``(span, cap)`` window of
    ``times`` holds fewer than ``scaled_cap(cap, factor)``; ``None``: never (a cap of 0)."""
    upto = bisect_right(times, t)
    until = t
    for span, cap in windows:
        limit = scaled_cap(cap, factor)
        if upto - bisect_right(times, t - span) >= limit:
            release = cap_release(times, upto, span, limit, "")
            if release.until is None:
                return None
            until = max(until, release.until)
    return until


def breaker_events(
    history: Sequence[PoolEvent], package_id: str, profile_id: str, reason: str, at: float
) -> list[PoolEvent]:
    """What a profile becoming ``blocked`` at ``at`` does to its package's pool.

    ``history`` is the package's earlier events. Always: the block itself and the breaker
    trip (factor 0.5 from ``at``). Also a pause when another profile was blocked within
    ``PAUSE_WINDOW`` before and the pool is not paused already.
    """
    blocked = PoolEvent(package_id, PoolEventType.BLOCKED, at, profile_id, reason)
    tripped = PoolEvent(
        package_id,
        PoolEventType.BREAKER_TRIPPED,
        at,
        profile_id,
        str(reasons.BREAKER_TRIPPED(reason=reason)),
    )
    out = [blocked, tripped]
    recent = [
        e
        for e in history
        if e.type == PoolEventType.BLOCKED and at - e.at < PAUSE_WINDOW and e.at <= at
    ]
    if recent and Pool.from_events(history).paused_at is None:
        out.append(
            PoolEvent(
                package_id,
                PoolEventType.PAUSED,
                at,
                profile_id,
                str(reasons.BREAKER_PAUSED(reason=reason)),
            )
        )
    return out


class PoolRule:
    """The breaker in the rule chain: no Open Chat while paused; otherwise caps scaled to
    ``scaled_cap(cap, factor)`` and the cooldown divided by the factor, where the factor is
    the pool's times the profile's health factor (halved below the OK band).

    Monotone: the factor only rises with time (until a new ban, which rebuilds the chain).
    A hold never reaches past the factor's next rise, where the chain asks again.
    """

    name = "pool"
    monotone = True

    def __init__(self, pool: Pool) -> None:
        self.pool = pool

    def inert_from(self, state: ProfileState) -> float | None:
        """From when on both the pool and the profile's health are back to normal."""
        pool, health = self.pool.normal_from(), full_health_from(state)
        return None if pool is None or health is None else max(pool, health)

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        pool = self.pool
        if pool.paused_at is not None:
            return Hold(None, "Open Chat of this package is paused after a second ban")
        factor = profile_factor(pool, state, t)
        if factor >= 1.0:
            return None
        sends = state.sends
        room = room_at(sends, t, ((HOUR, state.hourly_cap), (DAY, state.daily_cap)), factor)
        if room is None:
            return Hold(None, "pool cap is 0")
        until = max(room, sends[-1] + state.cooldown / factor + state.jitter) if sends else room
        if until <= t:
            return None
        until = factor_bounded(pool, state, until, t)
        slowed = pool.factor(t)
        if slowed < 1.0:
            why = "too many devices at risk" if pool.crowded(t) else "after a ban"
            return Hold(until, f"pool slowed to {slowed:g}: {why}")
        return Hold(until, "health at risk: caps and pace halved")


class PoolBreaker:
    """The engine's memory of every package's pool: its event history (loaded from
    storage), the events decided since the last write, and the ``Pool`` they give."""

    def __init__(self) -> None:
        self._history: dict[str, list[PoolEvent]] = {}
        self._unrecorded: list[PoolEvent] = []

    def load(self, events: Iterable[PoolEvent]) -> None:
        """Replaces the history with the stored ``events``, keeping unwritten ones."""
        history: dict[str, list[PoolEvent]] = {}
        for event in [*events, *self._unrecorded]:
            history.setdefault(event.package_id, []).append(event)
        self._history = history

    def pool(self, package_id: str) -> Pool:
        return Pool.from_events(self._history.get(package_id, ()))

    def history(self, package_id: str) -> list[PoolEvent]:
        """The package's events so far, recorded or not."""
        return list(self._history.get(package_id, ()))

    def add(self, events: Iterable[PoolEvent]) -> None:
        """Keeps ``events`` (decided elsewhere) until they are recorded."""
        for event in events:
            self._history.setdefault(event.package_id, []).append(event)
            self._unrecorded.append(event)

    def trip(self, package_id: str, profile_id: str, reason: str, at: float) -> list[PoolEvent]:
        """A profile of ``package_id`` became blocked: returns the new events (also kept
        until ``recorded``)."""
        events = breaker_events(self.history(package_id), package_id, profile_id, reason, at)
        self.add(events)
        return events

    def unrecorded(self) -> list[PoolEvent]:
        """The events not written yet; ``recorded()`` once the write committed."""
        return list(self._unrecorded)

    def recorded(self, count: int) -> None:
        del self._unrecorded[:count]
