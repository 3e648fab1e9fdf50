"""The decision record of a delivery: why it got its device and its time (issue 19).

Written when a delivery is planned and again when the dispatcher decides anew, stored with
the delivery as compact JSON (short keys, usually under 100 bytes)::

    {"n": 5, "x": [["hourly_cap", 1, 50], ["blocked", 1]], "r": 1767012600,
     "by": "round_robin", "t": ["cooldown"], "d": 1767010000}

``n`` candidates (the package's devices); ``x`` how many each rule excluded, with the cap
where one applies; ``r`` when the first excluded device has room again; ``by`` the rule that
chose the device (a distribution mode, ``sticky``); ``t`` the rules that set its time; ``d``
the moment the decision was made. ``s`` optionally scores the devices that could send. The
chosen device and its time are the delivery's own ``profile_id`` and ``not_before``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spreader_app.core.models import ProfileStatus
from spreader_app.core.quiet_hours import QuietHoursRule
from spreader_app.core.rules import CAPACITY_RULES, DAY, HOUR, ProfileState, RuleChain


@dataclass(frozen=True, slots=True)
class Exclusion:
    """``count`` devices excluded by ``rule`` (``cap``: the cap they reached, if any)."""

    rule: str
    count: int
    cap: int | None = None


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    candidates: int
    excluded: tuple[Exclusion, ...] = ()
    room_at: float | None = None
    chosen_by: str = ""
    constraints: tuple[str, ...] = ()
    decided_at: float | None = None
    scores: tuple[tuple[str, float], ...] = ()

    @property
    def able(self) -> int:
        """How many devices could send when the decision was made."""
        return max(0, self.candidates - sum(x.count for x in self.excluded))

    def to_json(self) -> str:
        data: dict[str, Any] = {"n": self.candidates}
        if self.excluded:
            data["x"] = [_exclusion_list(x) for x in self.excluded]
        if self.room_at is not None:
            data["r"] = int(math.ceil(self.room_at))
        if self.chosen_by:
            data["by"] = self.chosen_by
        if self.constraints:
            data["t"] = list(self.constraints)
        if self.decided_at is not None:
            data["d"] = int(self.decided_at)
        if self.scores:
            data["s"] = [[pid, round(score, 3)] for pid, score in self.scores]
        return json.dumps(data, separators=(",", ":"))

    def as_api(self) -> dict[str, Any]:
        """The long-named form of the API's ``decision`` object (times as POSIX seconds)."""
        return {
            "candidates": self.candidates,
            "able": self.able,
            "excluded": [{"rule": x.rule, "count": x.count, "cap": x.cap} for x in self.excluded],
            "room_at": self.room_at,
            "chosen_by": self.chosen_by,
            "constraints": list(self.constraints),
            "decided_at": self.decided_at,
            "scores": [{"profile_id": pid, "score": score} for pid, score in self.scores],
        }


def _exclusion_list(x: Exclusion) -> list[object]:
    return [x.rule, x.count] if x.cap is None else [x.rule, x.count, x.cap]


def read_record(text: str | None) -> DecisionRecord | None:
    """The record stored as ``text``; ``None`` for none or one that cannot be read (an
    older or damaged row never breaks a listing)."""
    if not text:
        return None
    try:
        data = json.loads(text)
        excluded = tuple(
            Exclusion(str(x[0]), int(x[1]), int(x[2]) if len(x) > 2 and x[2] is not None else None)
            for x in data.get("x", ())
        )
        return DecisionRecord(
            candidates=int(data["n"]),
            excluded=excluded,
            room_at=float(data["r"]) if data.get("r") is not None else None,
            chosen_by=str(data.get("by", "")),
            constraints=tuple(str(t) for t in data.get("t", ())),
            decided_at=float(data["d"]) if data.get("d") is not None else None,
            scores=tuple((str(p), float(s)) for p, s in data.get("s", ())),
        )
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def exclusion_tag(state: ProfileState, at: float | None, decided_by: Sequence[str]) -> str | None:
    """Why a device could not take a recipient at the decision time, ``None`` when it could.

    ``at``/``decided_by`` are the chain's answer for the device from that time: a device that
    can never send is excluded by its status (or the rule that said never); one a capacity
    rule holds back by that rule; one outside the package's hours by them. Pace (cooldown, a
    slowed pool) does not exclude: the device has room, it is only busy.
    """
    if at is None:
        if decided_by and decided_by[-1] != "status":
            return decided_by[-1]
        return "paused" if state.status is ProfileStatus.COOLDOWN else state.status.value
    for name in decided_by:
        if name in CAPACITY_RULES:
            return name
    if decided_by and decided_by[0] == "active_hours":
        return "active_hours"
    return None


def cap_of(state: ProfileState, tag: str) -> int | None:
    """The cap behind an exclusion ``tag``, for "50/50" in the sentence."""
    if tag == "hourly_cap":
        return state.hourly_cap
    if tag == "daily_cap":
        return state.daily_cap
    if tag == "warmup" and state.contacts is not None:
        return state.contacts.new_cap
    return None


def used_of(state: ProfileState, tag: str, t: float) -> int | None:
    """How much of its cap a device used at ``t`` (hourly and daily caps)."""
    if tag == "hourly_cap":
        return state.count_within(t, HOUR)
    if tag == "daily_cap":
        return state.count_within(t, DAY)
    return None


def summarise(
    tags: Mapping[str, list[ProfileState]],
) -> tuple[Exclusion, ...]:
    """Exclusions from devices grouped by tag, most frequent first (ties by name)."""
    order = sorted(tags.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(
        Exclusion(tag, len(states), cap_of(states[0], tag)) for tag, states in order if states
    )


class ExclusionBook:
    """The planner's running account of which devices are excluded and why.

    The planner tells it each device's tag as it asks the chain again (``set``); a record
    then costs one string format, with the exclusions' JSON rebuilt only when a tag changes.
    """

    def __init__(self, states: Sequence[ProfileState]) -> None:
        self._states = states
        self._tags: list[str | None] = [None] * len(states)
        self._members: dict[str, set[int]] = {}
        self._fragment: str | None = ""
        self._head = f'{{"n":{len(states)}'
        self._constraints: dict[tuple[str, ...], str] = {}

    def set(self, k: int, tag: str | None) -> None:
        old = self._tags[k]
        if old == tag:
            return
        if old is not None:
            self._members[old].discard(k)
        if tag is not None:
            self._members.setdefault(tag, set()).add(k)
        self._tags[k] = tag
        self._fragment = None

    def enter_hours(self, t: float, cached_at: Sequence[float]) -> None:
        """Devices held only by the package's hours are no longer excluded once ``t``
        reaches the time they could send."""
        waiting = self._members.get("active_hours")
        if waiting:
            for k in [k for k in waiting if cached_at[k] <= t]:
                self.set(k, None)

    def record(
        self, room: float | None, by: str, constraints: tuple[str, ...], decided_at: float
    ) -> str:
        """The stored JSON of one decision (the form ``DecisionRecord.to_json`` writes)."""
        if self._fragment is None:
            tags = {t: [self._states[k] for k in sorted(m)] for t, m in self._members.items()}
            excluded = summarise(tags)
            self._fragment = (
                ',"x":' + json.dumps([_exclusion_list(x) for x in excluded], separators=(",", ":"))
                if excluded
                else ""
            )
        times = self._constraints.get(constraints)
        if times is None:
            times = self._constraints[constraints] = (
                ',"t":' + json.dumps(list(constraints), separators=(",", ":"))
                if constraints
                else ""
            )
        r = "" if room is None else f',"r":{math.ceil(room)}'
        return f'{self._head}{self._fragment}{r},"by":"{by}"{times},"d":{int(decided_at)}}}'


def record_at(
    states: Sequence[ProfileState],
    earliest: Callable[[ProfileState, float], tuple[float | None, tuple[str, ...]]],
    now: float,
    constraints: tuple[str, ...],
) -> str:
    """A fresh record for a delivery the dispatcher re-decides at ``now``: every device of
    its package asked again (a rare event: the hot path never calls this)."""
    book = ExclusionBook(states)
    room: float | None = None
    for k, state in enumerate(states):
        at, decided_by = earliest(state, now)
        if at is None or at > now:
            tag = exclusion_tag(state, at, decided_by)
            book.set(k, tag)
            if tag is not None and at is not None and (room is None or at < room):
                room = at
    return book.record(room, "", constraints, now)


def quiet_wait(
    chain: RuleChain, states: Sequence[ProfileState], recipient: str, zone: str | None, now: float
) -> tuple[float, str] | None:
    """When a due recipient's window opens under ``chain``'s quiet hours, with the record of
    that re-decision; ``None`` when they may be messaged now (or the chain keeps none)."""
    quiet = next((r for r in chain.rules if isinstance(r, QuietHoursRule)), None)
    if quiet is None:
        return None
    until = quiet.allowed_from(recipient, now, zone)
    if until <= now:
        return None

    def earliest(state: ProfileState, t: float) -> tuple[float | None, tuple[str, ...]]:
        decision = chain.earliest(state, t)
        return decision.at, decision.decided_by

    return until, record_at(states, earliest, now, ("quiet_hours",))
