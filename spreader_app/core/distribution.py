"""The six distribution modes: which eligible profile takes the next recipient.

A selector sees only profiles that may send (the caller filters them with the rules) and
picks one. Selectors are deterministic given the injected ``random.Random`` and keep what
they need between calls (the rotation point, weighted round-robin's current weights) keyed
by profile id, so the eligible set may change from one call to the next.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

from spreader_app.core.models import DistributionMode
from spreader_app.core.rules import DAY, HOUR, ProfileState


class Selector(Protocol):
    """Picks one profile of ``eligible`` for ``recipient``.

    ``eligible`` is non-empty and in the package's profile order (the same order on every
    call); selectors neither keep nor change the sequence itself.
    """

    def choose(self, eligible: Sequence[ProfileState], recipient: str) -> ProfileState: ...


class _Rotation:
    """The package's profile order as learned from the eligible lists, and the last pick.

    "Next in rotation" is the first candidate after the last chosen profile in that order,
    wrapping around, even when the last chosen one is not a candidate now.
    """

    def __init__(self) -> None:
        self._order: list[str] = []
        self._rank: dict[str, int] = {}
        self._last: str | None = None
        self._position = 0

    def pick(self, candidates: Sequence[ProfileState]) -> ProfileState:
        if self._last is None or len(candidates) == 1:
            i = 0
        else:
            # Usually the candidates are those of the last call: the pick follows the last one.
            i = self._position + 1
            if not (i - 1 < len(candidates) and candidates[i - 1].profile_id == self._last):
                try:
                    i = self._after_last(candidates)
                except KeyError:
                    self._learn(candidates)
                    i = self._after_last(candidates)
            if i >= len(candidates):
                i = 0
        chosen = candidates[i]
        self._note(chosen, candidates, i)
        return chosen

    def _note(self, chosen: ProfileState, candidates: Sequence[ProfileState], i: int) -> None:
        """Records ``chosen`` (``candidates[i]``) as the last pick."""
        if chosen.profile_id not in self._rank:
            self._learn(candidates)
        self._last = chosen.profile_id
        self._position = i

    def _after_last(self, candidates: Sequence[ProfileState]) -> int:
        rank = self._rank
        assert self._last is not None
        return bisect_right(candidates, rank[self._last], key=lambda s: rank[s.profile_id])

    def _learn(self, candidates: Sequence[ProfileState]) -> None:
        # Merge: candidates keep their given order; known profiles that are not candidates
        # keep their place relative to the candidates that followed them before.
        given = [s.profile_id for s in candidates]
        wanted = set(given)
        merged: list[str] = []
        pending = iter(given)
        for pid in self._order:
            if pid in wanted:
                for nxt in pending:
                    merged.append(nxt)
                    if nxt == pid:
                        break
            else:
                merged.append(pid)
        merged.extend(pending)
        self._order = merged
        self._rank = {pid: i for i, pid in enumerate(merged)}


class RoundRobinSelector:
    """The next eligible profile in rotation after the last chosen one."""

    def __init__(self) -> None:
        self._rotation = _Rotation()

    def choose(self, eligible: Sequence[ProfileState], recipient: str) -> ProfileState:
        return self._rotation.pick(eligible)


class SequentialSelector:
    """The first eligible profile: one profile takes everything until it is full."""

    def choose(self, eligible: Sequence[ProfileState], recipient: str) -> ProfileState:
        return eligible[0]


class RandomSelector:
    """A uniformly random eligible profile from the injected generator."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def choose(self, eligible: Sequence[ProfileState], recipient: str) -> ProfileState:
        return self._rng.choice(eligible)


class WeightedSelector:
    """Smooth weighted round-robin (as in nginx): shares proportional to ``weight``.

    Each call adds every candidate's weight to its current value, picks the highest (the
    first on ties) and takes the total weight off it, so a 1:2:3 split interleaves as
    ``c b a c b c`` instead of arriving in bursts. Profiles with ``weight <= 0`` are
    passed over unless every candidate has one; then all count as weight 1.
    """

    def __init__(self) -> None:
        self._current: dict[str, int] = {}

    def choose(self, eligible: Sequence[ProfileState], recipient: str) -> ProfileState:
        if len(eligible) == 1:
            # A lone candidate gains and loses the same total: the state would not change.
            return eligible[0]
        chosen = self._step(eligible, uniform=False) or self._step(eligible, uniform=True)
        assert chosen is not None
        return chosen

    def _step(self, eligible: Sequence[ProfileState], *, uniform: bool) -> ProfileState | None:
        current = self._current
        total = 0
        best: ProfileState | None = None
        best_value = 0
        for s in eligible:
            weight = 1 if uniform else s.weight
            if weight <= 0:
                continue
            value = current.get(s.profile_id, 0) + weight
            current[s.profile_id] = value
            total += weight
            if best is None or value > best_value:
                best, best_value = s, value
        if best is not None:
            current[best.profile_id] = best_value - total
        return best


class PrioritySelector:
    """The eligible profile with the highest ``priority``; equals take turns in rotation."""

    def __init__(self) -> None:
        self._rotation = _Rotation()

    def choose(self, eligible: Sequence[ProfileState], recipient: str) -> ProfileState:
        if len(eligible) == 1:
            return self._rotation.pick(eligible)
        top = max(s.priority for s in eligible)
        tier = [s for s in eligible if s.priority == top]
        return self._rotation.pick(tier)


def remaining_capacity(state: ProfileState) -> int:
    """Sends left under both caps at the profile's latest send (its last known time).

    A profile that never sent (in the last 24 h) has its full caps; never negative.
    """
    sends = state.sends
    if not sends:
        return max(0, min(state.hourly_cap, state.daily_cap))
    # Every send is at or before the latest, so a window's count is a single bisection.
    last = sends[-1]
    hourly = state.hourly_cap - len(sends) + bisect_right(sends, last - HOUR)
    daily = state.daily_cap - len(sends) + bisect_right(sends, last - DAY)
    return max(0, min(hourly, daily))


class SmartSelector:
    """The highest ``weight x health x remaining capacity``; equals take turns in rotation.

    Negative weights and health count as 0, health above 100 as 100. Remaining capacity
    is ``remaining_capacity()``.
    """

    def __init__(self) -> None:
        self._rotation = _Rotation()
        # profile id -> (sends held, latest send, hourly cap, daily cap, remaining capacity):
        # capacity changes only when the profile sends, so most scores come from here.
        self._capacity: dict[str, tuple[int, float | None, int, int, int]] = {}

    def choose(self, eligible: Sequence[ProfileState], recipient: str) -> ProfileState:
        if len(eligible) == 1:
            return self._rotation.pick(eligible)
        known = self._capacity
        top = -1
        tier: list[ProfileState] = []
        for s in eligible:
            sends = s.sends
            last = sends[-1] if sends else None
            memo = known.get(s.profile_id)
            if (
                memo is not None
                and memo[0] == len(sends)
                and memo[1] == last
                and memo[2] == s.hourly_cap
                and memo[3] == s.daily_cap
            ):
                room = memo[4]
            else:
                room = remaining_capacity(s)
                known[s.profile_id] = (len(sends), last, s.hourly_cap, s.daily_cap, room)
            weight, health = s.weight, s.health
            if weight <= 0 or health <= 0:
                score = 0
            else:
                score = weight * (health if health < 100 else 100) * room
            if score > top:
                top = score
                tier = [s]
            elif score == top:
                tier.append(s)
        return self._rotation.pick(tier)


def make_selector(mode: DistributionMode | str, rng: random.Random) -> Selector:
    """A fresh selector for ``mode``; ``rng`` is used by ``random`` mode only.

    Raises ``ValueError`` naming the valid modes when ``mode`` is unknown.
    """
    try:
        mode = DistributionMode(mode)
    except ValueError:
        valid = ", ".join(m.value for m in DistributionMode)
        raise ValueError(f"unknown distribution mode {mode!r}; use one of: {valid}") from None
    if mode is DistributionMode.ROUND_ROBIN:
        return RoundRobinSelector()
    if mode is DistributionMode.SEQUENTIAL:
        return SequentialSelector()
    if mode is DistributionMode.RANDOM:
        return RandomSelector(rng)
    if mode is DistributionMode.WEIGHTED:
        return WeightedSelector()
    if mode is DistributionMode.PRIORITY:
        return PrioritySelector()
    return SmartSelector()
