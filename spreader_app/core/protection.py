"""The pool's ban protection as the Open Chat engine keeps it (BAN_SAFETY.md).

One object holds what protects a package's numbers between rounds: the health scores and
bands (``HealthWatch``), the ban evidence, the pool breaker and the daily warm-up review. It
turns the answers' profile updates, band changes and stage reviews into the devices' new
states, pool events and published events, and gives each package a chain built on its pool
as it is now. The dispatcher asks it; it never sends or claims anything itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from spreader_app.core.chain import package_chain
from spreader_app.core.clock import Clock
from spreader_app.core.events import EventBus, PoolChanged, ProfileStatusChanged
from spreader_app.core.fleet import Fleet
from spreader_app.core.health import BanEvidence
from spreader_app.core.health_score import deduction
from spreader_app.core.health_watch import HealthWatch, with_crowd
from spreader_app.core.models import PoolEvent, ProfileStatus, Resolution
from spreader_app.core.outcomes import HealthReason
from spreader_app.core.pool import Pool, PoolBreaker
from spreader_app.core.ports import ContactPort, HealthPort
from spreader_app.core.warmup_review import StageReview, next_midnight, review


class ProtectionStore(HealthPort, ContactPort, Protocol):
    """The storage the protection writes to: scores and stage reviews."""


class Protection:
    """Health, ban evidence, the pool breaker and warm-up reviews of the engine's fleet."""

    def __init__(self, fleet: Fleet, store: ProtectionStore, events: EventBus, clock: Clock):
        self._fleet = fleet
        self._store = store
        self._events = events
        self._clock = clock
        self.watch = HealthWatch()
        self.evidence = BanEvidence()
        self.breaker = PoolBreaker()

    def pool(self, package_id: str) -> Pool:
        """The package's pool now: its events, and its profiles' health (the crowd)."""
        states = [self._fleet.states[pid] for pid in self._fleet.packages[package_id].profiles]
        return with_crowd(self.breaker.pool(package_id), states, self._clock.timestamp())

    def rechain(self, package_id: str) -> None:
        """Gives the package a chain built on its pool as it is now."""
        rt = self._fleet.packages[package_id]
        rt.chain = package_chain(rt.package, self.pool(package_id))

    def publish_pool(self, event: PoolEvent, package_id: str) -> None:
        view = self.pool(package_id).view(event.at)
        self._events.publish(
            PoolChanged(
                package_id,
                event.type,
                event.profile_id,
                view.state.value,
                view.factor,
                event.reason,
            )
        )

    def apply(self, resolution: Resolution, at: float) -> bool:
        """Takes an answer's profile updates into the devices' states; publishes each status
        change and trips the breaker on a block. ``True`` when a status changed (work may
        have to move)."""
        changed = False
        for update in resolution.profile_updates:
            state = self._fleet.states.get(update.profile_id)
            if state is None:
                continue
            state.health = update.health_score
            state.health_log = self.watch.logs.get(update.profile_id)
            self.watch.written(update.profile_id, update.health_score)
            if update.status is None:
                continue
            # A repeated pause is news too: it moves the time the device is tried again.
            if update.status is state.status and update.paused_until == state.paused_until:
                continue
            state.status = update.status
            state.paused_until = update.paused_until
            changed = True
            package_id = self._fleet.owner[update.profile_id]
            reason = update.status_reason or ""
            self._events.publish(
                ProfileStatusChanged(
                    update.profile_id, package_id, update.status, update.health_score, reason
                )
            )
            if update.status is ProfileStatus.BLOCKED:
                self._trip(package_id, update.profile_id, reason, at)
        return changed

    def _trip(self, package_id: str, profile_id: str, reason: str, at: float) -> None:
        """The pool breaker: the package's chain takes the new pool at once."""
        events = self.breaker.trip(package_id, profile_id, reason, at)
        self.rechain(package_id)
        for event in events:
            self.publish_pool(event, package_id)

    async def check_health(self, now: float, holds: Callable[[str], bool]) -> None:
        """Band changes (and the breaker triggers they pull) become pool events, written
        with this round's outcomes; scores that moved with time are written now. Only the
        devices this engine ``holds`` are watched."""
        found = self.watch.check(
            now,
            {pid: s.status for pid, s in self._fleet.states.items()},
            self._fleet.owner,
            self.breaker.history,
            holds,
        )
        if found.scores:
            await self._store.set_health_scores(found.scores, now)
        for package_id, events in found.events.items():
            self.breaker.add(events)
            self.rechain(package_id)
            for event in events:
                self.publish_pool(event, package_id)

    async def review_warmup(self, now: float, holds: Callable[[str], bool]) -> bool:
        """The daily warm-up review of every package whose local day turned, for the
        devices this engine ``holds``. ``True`` when a stage changed: the rule states must
        be rebuilt (a cap may have risen and a queue may move)."""
        reviews: list[StageReview] = []
        for rt in self._fleet.packages.values():
            if now < rt.review_at:
                continue
            rt.review_at = next_midnight(now, rt.package.timezone)
            for pid, profile in rt.profiles.items():
                if not holds(pid):
                    continue  # another engine reviews its own devices
                evidence = self.evidence.evidence_run(pid) > 0
                done = review(
                    profile, rt.package, self._fleet.states[pid], now, ban_evidence=evidence
                )
                if done is None:
                    continue
                reviews.append(done)
                rt.profiles[pid] = replace(
                    profile, warmup_stage=done.stage, warmup_reviewed_on=done.day
                )
        if not reviews:
            return False
        await self._store.record_stage_reviews(reviews)
        staged = False
        for done in reviews:
            if done.event is not None:
                self.publish_pool(done.event, self._fleet.owner[done.profile_id])
                staged = True
        return staged

    def opted_out(self, profile_id: str) -> None:
        """A customer opted out through the device: a deduction the next band check sees
        (stored with the opt-out itself)."""
        found = deduction(profile_id, HealthReason.OPT_OUT, self._clock.timestamp())
        self._fleet.states[profile_id].health_log = self.watch.add(found)
