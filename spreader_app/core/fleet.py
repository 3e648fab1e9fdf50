"""``Fleet``: what the dispatcher knows of every package and device between rounds.

It holds each device's ``ProfileState`` (rebuilt from the send log on every reload, so caps
survive restarts) and each package's rule chain and selector, and answers the questions
that read only those: which devices can send now, which are resting, and where the Open
Chat work stranded on a device that cannot send should go. The dispatcher owns one.
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from spreader_app.core.chain import chain_quiet, package_chain
from spreader_app.core.clock import Clock
from spreader_app.core.contact_log import ContactHistory, ContactLog
from spreader_app.core.decision import quiet_wait
from spreader_app.core.distribution import Selector, make_selector
from spreader_app.core.health import BanEvidence
from spreader_app.core.health_score import HealthLog
from spreader_app.core.models import (
    Failover,
    Head,
    Move,
    Package,
    PackageStatus,
    Profile,
    ProfileStatus,
    Stranded,
)
from spreader_app.core.pool import PoolBreaker
from spreader_app.core.quiet_hours import QuietHoursRule
from spreader_app.core.rules import ProfileState, RuleChain
from spreader_app.core.warmup import GRADUATED, contact_log


@dataclass(slots=True)
class PackageRuntime:
    package: Package
    chain: RuleChain
    selector: Selector
    profiles: dict[str, Profile] = field(default_factory=dict)
    # When the package's next warm-up review is due (its next local midnight).
    review_at: float = -math.inf
    # ``quiet`` of the chain it was found in: asked for every due device in every round,
    # and a chain's rules never change (a new pool gives the package a new chain).
    _quiet: tuple[RuleChain, QuietHoursRule | None] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def quiet(self) -> QuietHoursRule | None:
        """The chain's recipient quiet-hours rule, if the package keeps quiet hours."""
        found = self._quiet
        if found is None or found[0] is not self.chain:
            found = self._quiet = (self.chain, chain_quiet(self.chain))
        return found[1]


def _more_room(before: ContactLog | None, after: ContactLog | None) -> bool:
    """Whether a profile's warm-up cap rose (or ended) between two loads."""
    old = before.new_cap if before is not None else None
    new = after.new_cap if after is not None else None
    return old is not None and (new is None or new > old)


class Fleet:
    """Packages by id, device rule states by profile id, and each device's package."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.packages: dict[str, PackageRuntime] = {}
        self.states: dict[str, ProfileState] = {}
        self.owner: dict[str, str] = {}  # profile id -> package id

    def rebuild(
        self,
        snapshot: Sequence[tuple[Package, list[tuple[Profile, list[float]]]]],
        histories: dict[str, ContactHistory],
        breaker: PoolBreaker,
        rng: random.Random,
        logs: Mapping[str, HealthLog],
        evidence: BanEvidence,
    ) -> set[str]:
        """Replaces the picture with ``snapshot`` (packages, profiles, last-day sends) and
        each device's contact ``histories``; keeps selectors and jitter across reloads.
        Each device takes its health log from ``logs`` (which has every profile's) and
        ``evidence`` is restored from the profiles. Returns the devices whose
        warm-up cap rose, so their queue may move early."""
        gained: set[str] = set()
        packages: dict[str, PackageRuntime] = {}
        states: dict[str, ProfileState] = {}
        owner: dict[str, str] = {}
        for package, profiles in snapshot:
            old = self.packages.get(package.id)
            selector = (
                old.selector
                if old and old.package.distribution_mode is package.distribution_mode
                else make_selector(package.distribution_mode, rng)
            )
            chain = package_chain(package, breaker.pool(package.id))
            rt = PackageRuntime(package, chain, selector)
            for profile, sends in profiles:
                rt.profiles[profile.id] = profile
                history = histories.get(profile.id, ContactHistory())
                contacts = contact_log(profile, package, history)
                state = ProfileState.from_profile(profile, package, sends, contacts)
                previous = self.states.get(profile.id)
                if previous is not None:
                    state.jitter = previous.jitter
                    if _more_room(previous.contacts, contacts):
                        gained.add(profile.id)
                state.health_log = logs[profile.id]
                states[profile.id] = state
                owner[profile.id] = package.id
                evidence.restore(profile.id, profile.evidence_run)
            packages[package.id] = rt
        self.packages, self.states, self.owner = packages, states, owner
        return gained

    def can_dispatch(self, profile_id: str) -> bool:
        """Whether the device may send Open Chat now: its package is active and it is
        active, or its rest is over."""
        state = self.states.get(profile_id)
        if state is None:
            return False
        rt = self.packages[self.owner[profile_id]]
        if rt.package.status is not PackageStatus.ACTIVE:
            return False
        if state.status is ProfileStatus.ACTIVE:
            return True
        return (
            state.status is ProfileStatus.COOLDOWN
            and state.paused_until is not None
            and self._clock.timestamp() >= state.paused_until
        )

    def chain(self, profile_id: str) -> RuleChain:
        return self.packages[self.owner[profile_id]].chain

    def paused(self, profile_id: str, now: float) -> bool:
        """Whether the device rests at ``now`` (``cooldown`` until a time to come)."""
        state = self.states.get(profile_id)
        return (
            state is not None
            and state.status is ProfileStatus.COOLDOWN
            and state.paused_until is not None
            and now < state.paused_until
        )

    def pause_ended(self, now: float) -> bool:
        """Whether some device's rest is over by ``now`` (its stranded work may move)."""
        return any(
            state.status is ProfileStatus.COOLDOWN
            and state.paused_until is not None
            and now >= state.paused_until
            for state in self.states.values()
        )

    def failover(self, now: float, moves: tuple[Move, ...]) -> Failover:
        """Work of paused devices moves once due, that of blocked ones is held (the pool
        breaker), that of the other devices that cannot send moves now; ``moves`` are the
        decisions on the work the last round reported."""
        paused = frozenset(pid for pid in self.states if self.paused(pid, now))
        blocked = frozenset(
            pid for pid, s in self.states.items() if s.status is ProfileStatus.BLOCKED
        )
        stranded = frozenset(
            pid
            for pid in self.states
            if not self.can_dispatch(pid) and pid not in paused and pid not in blocked
        )
        return Failover(stranded, moves, paused=paused, due_by=now, hold=blocked)

    def decide_moves(self, stranded: Sequence[Stranded]) -> tuple[Move, ...]:
        """Where each stranded delivery goes; those no device can take stay."""
        moves = []
        for s in stranded:
            target = self.choose_failover(s.package_id, s.recipient, s.tried)
            if target is not None and target != s.profile_id:
                moves.append(Move(s.delivery_id, s.profile_id, target))
        return tuple(moves)

    def choose_failover(self, package_id: str, recipient: str, tried: frozenset[str]) -> str | None:
        """Picks a new profile for a delivery that must move; ``None`` when none can take it.

        Untried profiles come first, so a recipient is not sent again to a device that
        already failed it.
        """
        rt = self.packages.get(package_id)
        if rt is None:
            return None
        able = [pid for pid in rt.profiles if self.can_dispatch(pid)]
        pool = [pid for pid in able if pid not in tried] or able
        if not pool:
            return None
        return rt.selector.choose([self.states[pid] for pid in pool], recipient).profile_id

    def keeps_quiet(self, profile_id: str) -> bool:
        """Whether the device's package keeps recipient quiet hours (its heads are checked)."""
        return self.packages[self.owner[profile_id]].quiet is not None

    def quiet_wait(self, profile_id: str, head: Head, now: float) -> tuple[float, str] | None:
        """When a due head's recipient's window opens, with the re-decided record, or
        ``None`` when they may be messaged now."""
        rt = self.packages[self.owner[profile_id]]
        quiet = rt.quiet
        if quiet is None or quiet.allowed_from(head.recipient, now, head.zone) <= now:
            return None
        states = [self.states[p] for p in rt.profiles if p in self.states]
        return quiet_wait(rt.chain, states, head.recipient, head.zone, now)

    def next_wake(
        self, heads: Mapping[str, Head], now: float, busy: Collection[str], band: float | None
    ) -> float | None:
        """The earliest moment the engine has something to do, from the devices' next
        ``heads`` (``busy`` ones are sending), the next health ``band`` change, the warm-up
        review of a warming device with work waiting, and the end of a pause."""
        wake: float | None = None
        for pid, head in heads.items():
            if self.paused(pid, now) and head.not_before > now:
                wake = head.not_before if wake is None else min(wake, head.not_before)
            if pid in busy or pid not in self.states or not self.can_dispatch(pid):
                continue
            decision = self.chain(pid).earliest(self.states[pid], max(now, head.not_before))
            if decision.at is not None and (wake is None or decision.at < wake):
                wake = decision.at
        # The daily warm-up review may raise a stage of a warming device with work waiting,
        # and its queue may move then.
        review = min(
            (
                self.packages[self.owner[pid]].review_at
                for pid in heads
                if pid in self.owner and self._warming(pid)
            ),
            default=None,
        )
        for later in (band, review):
            if later is not None and later > now and (wake is None or later < wake):
                wake = later
        for state in self.states.values():
            pause = state.paused_until
            if state.status is ProfileStatus.COOLDOWN and pause is not None and pause > now:
                # When the pause ends, stranded work may move back or on.
                if wake is None or pause < wake:
                    wake = pause
        return wake

    def _warming(self, profile_id: str) -> bool:
        rt = self.packages[self.owner[profile_id]]
        return rt.package.warmup_enabled and rt.profiles[profile_id].warmup_stage < GRADUATED
