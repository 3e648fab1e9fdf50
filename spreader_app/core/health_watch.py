"""The engine's watch over its profiles' health: band changes and the breaker triggers
they pull (BAN_SAFETY.md sections 3 and 4).

Every band change (OK, AT_RISK, CRITICAL; BANNED has its own ``blocked`` event) becomes a
``band_changed`` pool event with the reasons still counting, whether a deduction caused it
or time healed it. Two profiles of a package entering CRITICAL within 24 h pause its Open
Chat, like a second ban; more than ``CROWD_SHARE`` of its profiles below OK at once slow it
to 0.5 until fewer are.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from spreader_app.core import reasons
from spreader_app.core.health_band import AT_RISK_FROM, OK_FROM, HealthBand, health_band
from spreader_app.core.health_score import EMPTY_LOG, HealthLog
from spreader_app.core.models import HealthDeduction, PoolEvent, Profile, ProfileStatus
from spreader_app.core.pool import Pool, PoolEventType
from spreader_app.core.rules import DAY, ProfileState

# More than this share of a package's profiles below the OK band slows the whole pool.
CROWD_SHARE = 0.30
# A second profile entering CRITICAL this soon after another pauses the pool.
CRITICAL_PAUSE_WINDOW = DAY
BELOW_OK = frozenset({HealthBand.AT_RISK, HealthBand.CRITICAL})


def reasons_text(log: HealthLog, at: float) -> str:
    """The reasons still counting at ``at``, e.g. ``"rate_limited -5, disconnected -9"``."""
    return ", ".join(f"{r.reason} -{r.points}" for r in log.reasons(at)) or "nothing left"


def band_event(
    package_id: str, profile_id: str, old: HealthBand, new: HealthBand, log: HealthLog, at: float
) -> PoolEvent:
    """The ``band_changed`` event of one profile; ``note`` holds the new band."""
    reason = str(
        reasons.BAND_CHANGED(
            score=log.score(at), old=old.value, new=new.value, reasons=reasons_text(log, at)
        )
    )
    return PoolEvent(package_id, PoolEventType.BAND_CHANGED, at, profile_id, reason, new.value)


def trigger_events(
    history: Sequence[PoolEvent],
    changes: Sequence[PoolEvent],
    bands: Mapping[str, HealthBand],
    at: float,
) -> list[PoolEvent]:
    """What the band ``changes`` (just decided, after ``history``) do to one package's pool,
    whose profiles are now in ``bands``: a pause for a second CRITICAL profile within
    ``CRITICAL_PAUSE_WINDOW`` (unless paused already), and the crowd slow-down starting or
    ending."""
    if not changes:
        return []
    package_id = changes[0].package_id
    pool = Pool.from_events(history)
    seen = list(history)
    out: list[PoolEvent] = []
    paused = pool.paused_at is not None
    for change in changes:
        if change.note == HealthBand.CRITICAL and not paused:
            earlier = [
                e
                for e in seen
                if e.type == PoolEventType.BAND_CHANGED
                and e.note == HealthBand.CRITICAL
                and e.profile_id != change.profile_id
                and 0 <= at - e.at < CRITICAL_PAUSE_WINDOW
            ]
            if earlier:
                paused = True
                out.append(
                    PoolEvent(
                        package_id,
                        PoolEventType.PAUSED,
                        at,
                        change.profile_id,
                        str(reasons.CRITICAL_PAUSED(reason=change.reason)),
                    )
                )
        seen.append(change)
    below = sum(1 for band in bands.values() if band in BELOW_OK)
    crowded = below > CROWD_SHARE * len(bands)
    if crowded and pool.crowded_at is None:
        out.append(
            PoolEvent(
                package_id,
                PoolEventType.CROWD_SLOWED,
                at,
                reason=str(reasons.CROWD_SLOWED(below=below, total=len(bands))),
            )
        )
    elif not crowded and pool.crowded_at is not None:
        out.append(
            PoolEvent(
                package_id,
                PoolEventType.CROWD_CLEARED,
                at,
                reason=str(reasons.CROWD_CLEARED(below=below, total=len(bands))),
            )
        )
    return out


def crowd_until(states: Iterable[ProfileState], t: float) -> float | None:
    """Until when more than ``CROWD_SHARE`` of the profiles ``states`` stay below the OK
    band, with no new deductions (``None``: not so at ``t``)."""
    every = list(states)
    backs = sorted(
        s.health_log.reaches(OK_FROM) if s.health_log is not None else math.inf
        for s in every
        if health_band(s.status, s.health_at(t)) in BELOW_OK
    )
    allowed = math.floor(CROWD_SHARE * len(every))
    if len(backs) <= allowed:
        return None
    # The crowd ends when all but ``allowed`` of them are back at OK.
    return backs[len(backs) - allowed - 1]


def with_crowd(pool: Pool, states: Iterable[ProfileState], t: float) -> Pool:
    """``pool`` with the crowd slow-down that the package's profiles ``states`` give at ``t``."""
    until = crowd_until(states, t)
    return pool if until is None and pool.crowd_until is None else replace(pool, crowd_until=until)


@dataclass(slots=True)
class HealthCheck:
    """What one ``HealthWatch.check`` found: scores to write (changed since the last
    write) and new pool events by package."""

    scores: dict[str, int] = field(default_factory=dict)
    events: dict[str, list[PoolEvent]] = field(default_factory=dict)


class HealthWatch:
    """The health logs of the engine's profiles, the band last seen of each, and the
    score last written. ``logs`` is shared with ``outcome_policy.resolve``, which adds
    the deductions of each answer."""

    def __init__(self) -> None:
        self.logs: dict[str, HealthLog] = {}
        self._bands: dict[str, HealthBand] = {}
        self._scores: dict[str, int] = {}

    def load(self, logs: Mapping[str, HealthLog], profiles: Iterable[Profile]) -> None:
        """Takes the stored ``logs``; a profile seen for the first time starts from its
        cached score (a band it left while no engine watched is reported at the next
        ``check``)."""
        self.logs = {}
        for p in profiles:
            self.logs[p.id] = logs.get(p.id, EMPTY_LOG)
            self._scores.setdefault(p.id, p.health_score)
            self._bands.setdefault(p.id, health_band(p.status, p.health_score))

    def add(self, found: HealthDeduction) -> HealthLog:
        """Adds a deduction stored elsewhere (an opt-out); returns the profile's new log."""
        log = self.logs[found.profile_id] = self.logs.get(
            found.profile_id, EMPTY_LOG
        ).with_deductions((found,))
        return log

    def check(
        self,
        now: float,
        statuses: Mapping[str, ProfileStatus],
        owner: Mapping[str, str],
        history: Callable[[str], list[PoolEvent]],
        held: Callable[[str], bool],
    ) -> HealthCheck:
        """Compares each profile's band at ``now`` with the last one seen. ``history``
        gives a package's earlier pool events; only profiles ``held`` by this engine get
        events and score writes (another engine watches the rest)."""
        out = HealthCheck()
        bands: dict[str, dict[str, HealthBand]] = {}
        for pid, package_id in owner.items():
            log = self.logs.get(pid, EMPTY_LOG)
            score = log.score(now)
            band = health_band(statuses[pid], score)
            bands.setdefault(package_id, {})[pid] = band
            if not held(pid):
                continue
            if self._scores.get(pid) != score:
                out.scores[pid] = self._scores[pid] = score
            old = self._bands.get(pid, band)
            self._bands[pid] = band
            if old is not band and HealthBand.BANNED not in (old, band):
                event = band_event(package_id, pid, old, band, log, now)
                out.events.setdefault(package_id, []).append(event)
        for package_id, changes in out.events.items():
            changes += trigger_events(history(package_id), changes, bands[package_id], now)
        return out

    def written(self, profile_id: str, score: int) -> None:
        """``score`` was written for the profile with an outcome."""
        self._scores[profile_id] = score

    def next_change(self, now: float, states: Iterable[ProfileState]) -> float | None:
        """When the band of one of the profiles ``states`` next rises after ``now``
        (``None``: none is AT_RISK or CRITICAL; a banned one waits for its owner)."""
        soonest = math.inf
        for state in states:
            log = state.health_log
            if log is None:
                continue
            score = log.score(now)
            if health_band(state.status, score) not in BELOW_OK:
                continue
            level = OK_FROM if score >= AT_RISK_FROM else AT_RISK_FROM
            if now < (at := log.reaches(level)):
                soonest = min(soonest, at)
        return None if soonest == math.inf else soonest
