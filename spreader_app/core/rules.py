"""Eligibility and timing rules for Open Chat sends, as a chain of small rule objects.

Each rule answers one question: may this profile send (to this recipient) at time ``t``,
and if not, from when? ``earliest()`` runs the chain to a fixed point and reports which
rules pushed the time, so the engine can record why a delivery went when it did.

Every rule here is *monotone*: once allowed at ``t`` (with no new sends), it stays allowed
later, except active hours, which the chain re-checks after any other rule moves ``t``.
Times are POSIX seconds (float). Semantics (DESIGN.md section 2):

- hourly cap: at most ``hourly_cap`` sends in any rolling 3600 s window, i.e. a send at
  ``t`` needs fewer than ``hourly_cap`` earlier sends in ``(t - 3600, t]``;
- daily cap: the same over 86400 s with ``daily_cap = min(package cap, profile limit)``;
- cooldown: ``t >= last send + cooldown + jitter``, where jitter is never negative;
- active hours: ``[start, end)`` local time in the package's zone, possibly over midnight.
"""

from __future__ import annotations

import math
from bisect import bisect_right, insort
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import cycle
from typing import NamedTuple, Protocol

from spreader_app.core.active_hours import ActiveHours
from spreader_app.core.contact_log import ContactLog
from spreader_app.core.health_score import HealthLog
from spreader_app.core.models import LimitState, Package, Profile, ProfileStatus

HOUR = 3600.0
DAY = 86400.0


@dataclass(slots=True)
class ProfileState:
    """What the rules need to know about one profile; mutable, owned by one engine loop.

    ``sends`` holds the profile's Open Chat dispatch times of the last 24 hours, ascending.
    ``contacts`` counts first contacts and unanswered sends, for the warm-up and budget
    rules (``None``: neither applies to this profile). ``health_log`` gives the health
    score at any time (``None``: ``health`` is the score, fixed).
    """

    profile_id: str
    status: ProfileStatus = ProfileStatus.ACTIVE
    hourly_cap: int = 50
    daily_cap: int = 500
    cooldown: float = 2.0
    priority: int = 1
    weight: int = 1
    health: int = 100
    paused_until: float | None = None
    sends: deque[float] = field(default_factory=deque)
    # Extra gap after the last send, drawn once per send; only ever lengthens the cooldown.
    jitter: float = 0.0
    contacts: ContactLog | None = None
    health_log: HealthLog | None = None
    # The rules of a chain that can hold this profile back: ``RuleChain``'s cache, keyed on
    # the chain and on what decides it (``RuleSet``).
    rule_set: RuleSet | None = field(default=None, repr=False, compare=False)

    def health_at(self, t: float) -> int:
        """The health score at ``t``."""
        log = self.health_log
        return self.health if log is None else log.score(t)

    @classmethod
    def from_profile(
        cls,
        profile: Profile,
        package: Package,
        sends: Iterable[float] = (),
        contacts: ContactLog | None = None,
    ) -> ProfileState:
        return cls(
            profile_id=profile.id,
            status=profile.status,
            hourly_cap=package.max_messages_per_profile_per_hour,
            daily_cap=min(package.max_messages_per_profile_per_day, profile.daily_message_limit),
            cooldown=float(package.cooldown_seconds),
            priority=profile.priority,
            weight=profile.weight,
            health=profile.health_score,
            paused_until=profile.paused_until.timestamp() if profile.paused_until else None,
            sends=deque(sorted(sends)),
            contacts=contacts,
        )

    def copy(self) -> ProfileState:
        """An independent copy (the planner simulates on copies)."""
        contacts = self.contacts.copy() if self.contacts is not None else None
        return replace(self, sends=deque(self.sends), contacts=contacts)

    def record_send(self, t: float, jitter: float = 0.0, recipient: str | None = None) -> None:
        """Adds a dispatch at ``t`` (kept in order) and forgets those older than a day;
        ``recipient`` (``None``: unknown, counted as new) feeds the contact log."""
        if jitter < 0:
            raise ValueError("jitter may only lengthen the gap")
        contacts = self.contacts
        if contacts is not None and contacts.record(t, recipient):
            self.rule_set = None  # the budget may bind from now on (``UnansweredRule``)
        if self.sends and t < self.sends[-1]:
            # The window counts bisect ``sends``: keep it ascending even for a late record.
            insort(self.sends, t)
        else:
            self.sends.append(t)
        self.jitter = jitter
        self.prune(t)

    def prune(self, t: float) -> None:
        horizon = t - DAY
        while self.sends and self.sends[0] <= horizon:
            self.sends.popleft()

    @property
    def last_send(self) -> float | None:
        return self.sends[-1] if self.sends else None

    def count_within(self, t: float, span: float) -> int:
        """Sends in ``(t - span, t]``."""
        # Bisection on the deque: the daily window may hold hundreds of sends.
        sends = self.sends
        return bisect_right(sends, t) - bisect_right(sends, t - span)

    def nth_latest_within(self, t: float, span: float, k: int) -> float:
        """The ``k``-th latest send (1 = latest) in ``(t - span, t]``; caller checks the count."""
        return self.sends[bisect_right(self.sends, t) - k]


class Hold(NamedTuple):
    """A rule's refusal: ``until`` is the earliest time it could allow, ``None`` for never."""

    until: float | None
    reason: str


class Rule(Protocol):
    """One eligibility or timing rule; ``hold`` returns ``None`` when ``t`` is allowed.

    A rule may declare ``monotone = True``: for a given state and recipient, once it allows
    some ``t`` it allows every later one (caps, cooldown and pauses only free up with
    time). ``RuleChain`` then asks it until it allows and never again. Rules on a clock
    (active hours) refuse a later ``t`` they allowed, and must not declare it.
    """

    name: str

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None: ...


class ConditionalRule(Rule, Protocol):
    """A rule that may never hold some profiles back (warm-up over a graduated profile).

    ``inert_from(state)`` is a time from which on ``hold`` allows ``state`` at every time,
    whatever the recipient and the sends to come (``-inf``: always; ``None``: no such time
    is known). It may read only the rule's own inputs (fixed when it is built), the
    state's ``contacts`` and ``health_log`` objects and ``health`` value, and the contact
    log's counts as far as ``record_send`` reports their change by dropping the state's
    ``rule_set``: ``RuleChain`` leaves the rule out for the state until one of those
    changes.
    """

    def inert_from(self, state: ProfileState) -> float | None: ...


_Holds = tuple[tuple[Callable[[ProfileState, float, str | None], Hold | None], str], ...]


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules of ``chain`` that can hold back a state whose ``contacts`` and
    ``health_log`` are these objects and whose ``health`` is this value, at any time in
    ``[since, until)``: the others are inert there (``ConditionalRule``)."""

    chain: RuleChain
    contacts: ContactLog | None
    health_log: HealthLog | None
    health: int
    since: float
    until: float
    steady: _Holds
    clocked: _Holds


class StatusRule:
    """Only an ``active`` profile sends; a profile cooling down after trouble waits."""

    name = "status"
    monotone = True

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        if state.status is ProfileStatus.ACTIVE:
            return None
        if state.status is ProfileStatus.COOLDOWN and state.paused_until is not None:
            if t >= state.paused_until:
                return None
            return Hold(state.paused_until, "profile paused after device trouble")
        return Hold(None, f"profile is {state.status.value}")


class CooldownRule:
    name = "cooldown"
    monotone = True

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        sends = state.sends
        if not sends:
            return None
        ready = sends[-1] + state.cooldown + state.jitter
        return None if t >= ready else Hold(ready, "cooldown between sends")


def cap_release(sends: deque[float], upto: int, span: float, cap: int, name: str) -> Hold:
    """The hold of a full rolling window: ``upto`` sends are at or before the asked time."""
    if cap <= 0:
        return Hold(None, f"{name} is 0")
    # The window must lose its oldest sends: wait until the cap-th latest leaves it.
    leaving = sends[upto - cap]
    release = leaving + span
    # Rounding can keep ``leaving`` inside the window at ``release`` (tiny timestamps).
    while release - span < leaving:
        release = math.nextafter(release, math.inf)
    return Hold(release, f"{name} reached")


class HourlyCapRule:
    """At most ``hourly_cap`` sends in any rolling hour."""

    name = "hourly_cap"
    monotone = True

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        # count_within, inlined: this runs on every evaluation of the chain.
        sends = state.sends
        upto = bisect_right(sends, t)
        if upto - bisect_right(sends, t - HOUR) < state.hourly_cap:
            return None
        return cap_release(sends, upto, HOUR, state.hourly_cap, self.name)


class DailyCapRule:
    """At most ``daily_cap`` sends in any rolling 24 hours."""

    name = "daily_cap"
    monotone = True

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        sends = state.sends
        upto = bisect_right(sends, t)
        if upto - bisect_right(sends, t - DAY) < state.daily_cap:
            return None
        return cap_release(sends, upto, DAY, state.daily_cap, self.name)


class ActiveHoursRule:
    name = "active_hours"

    def __init__(self, hours: ActiveHours) -> None:
        self.hours = hours

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        opens = self.hours.next_open(t)
        return None if opens == t else Hold(opens, "outside active hours")


# Rules that ration a profile's capacity (rather than pace it): a profile they hold back is
# "full" for distribution, which then prefers profiles that still have room.
CAPACITY_RULES = frozenset(
    {"status", "critical", "hourly_cap", "daily_cap", "warmup", "unanswered"}
)


class Decision(NamedTuple):
    """When a profile may next send: ``at`` is ``None`` when it cannot send at all.

    ``capacity_until`` is set when a rule in ``CAPACITY_RULES`` held the profile back: the
    latest time such a rule pushed the answer to, i.e. when the profile has room again.
    Asked from any later time up to ``at``, the answer is still ``at``, and (with the
    capacity rules ahead of the others, as in ``for_package``) no capacity rule holds it.
    """

    at: float | None
    decided_by: tuple[str, ...] = ()
    reason: str = ""
    capacity_until: float | None = None


class RuleChain:
    """An ordered set of rules evaluated to a fixed point."""

    def __init__(self, rules: Sequence[Rule], active_hours: ActiveHours) -> None:
        self.rules = tuple(rules)
        self.active_hours = active_hours
        self._steady, self._clocked = _split(self.rules)
        self._inert = tuple(
            (rule, inert_from)
            for rule in self.rules
            if (inert_from := getattr(rule, "inert_from", None)) is not None
        )

    @classmethod
    def for_package(cls, package: Package, extra: Sequence[Rule] = ()) -> RuleChain:
        hours = ActiveHours(package.active_hours_start, package.active_hours_end, package.timezone)
        rules: list[Rule] = [
            StatusRule(),
            CooldownRule(),
            HourlyCapRule(),
            DailyCapRule(),
            *extra,
            ActiveHoursRule(hours),
        ]
        return cls(rules, hours)

    def earliest(self, state: ProfileState, t: float, recipient: str | None = None) -> Decision:
        """The earliest time ``>= t`` at which every rule allows ``state`` to send.

        The monotone rules come first, each asked until it allows: every later move keeps
        them allowing, so none is asked twice. The rules on a clock then settle among
        themselves: they are cycled until all of them allow the same ``t`` (a fixed point).
        The result is the least time every rule allows, whatever the order.

        Rules that cannot hold ``state`` back from ``t`` on (``ConditionalRule``) are not
        asked: which ones is kept on the state until its inputs change (``RuleSet``).
        """
        steady, clocked = self._steady, self._clocked
        if self._inert:
            chosen = state.rule_set
            if (
                chosen is None
                or chosen.chain is not self
                or chosen.contacts is not state.contacts
                or chosen.health_log is not state.health_log
                or chosen.health != state.health
                or not chosen.since <= t < chosen.until
            ):
                chosen = state.rule_set = self._rule_set(state, t)
            steady, clocked = chosen.steady, chosen.clocked
        decided: list[str] = []
        capacity_until: float | None = None
        moves = 64 * len(self.rules)

        def move(name: str, until: float) -> None:
            nonlocal t, capacity_until, moves
            t = until
            if name not in decided:
                decided.append(name)
            if name in CAPACITY_RULES:
                capacity_until = until
            moves -= 1
            if moves == 0:
                raise RuntimeError("rules did not settle; a rule is not monotone")

        for hold_at, name in steady:
            while (hold := hold_at(state, t, recipient)) is not None:
                if hold.until is None:
                    return Decision(None, (*decided, name), hold.reason)
                if hold.until <= t:
                    break
                move(name, hold.until)
        n = len(clocked)
        calm = 0
        for hold_at, name in cycle(clocked) if n else ():
            if calm == n:
                break
            hold = hold_at(state, t, recipient)
            if hold is None or (hold.until is not None and hold.until <= t):
                calm += 1
                continue
            if hold.until is None:
                return Decision(None, (*decided, name), hold.reason)
            move(name, hold.until)
            calm = 0
        return Decision(t, tuple(decided), "", capacity_until)

    def _rule_set(self, state: ProfileState, t: float) -> RuleSet:
        """The rules that can hold ``state`` back at ``t``, and for how long that holds."""
        since, until = -math.inf, math.inf
        left_out: list[Rule] = []
        for rule, inert_from in self._inert:
            start = inert_from(state)
            if start is None:
                continue
            if start <= t:
                left_out.append(rule)
                since = max(since, start)
            else:
                until = min(until, start)
        steady, clocked = _split([r for r in self.rules if r not in left_out])
        return RuleSet(
            self, state.contacts, state.health_log, state.health, since, until, steady, clocked
        )

    def limit_state(self, state: ProfileState, t: float) -> LimitState:
        """The gauge state of a profile at ``t``, most severe first."""
        if state.status is ProfileStatus.BLOCKED:
            return LimitState.BLOCKED
        if state.status is ProfileStatus.INACTIVE:
            return LimitState.INACTIVE
        if state.status is ProfileStatus.COOLDOWN and (
            state.paused_until is None or t < state.paused_until
        ):
            return LimitState.COOLDOWN
        if not self.active_hours.is_open(t):
            return LimitState.OUTSIDE_HOURS
        if (
            state.count_within(t, HOUR) >= state.hourly_cap
            or state.count_within(t, DAY) >= state.daily_cap
            or (state.contacts is not None and state.contacts.full(t))
        ):
            return LimitState.LIMIT_REACHED
        last = state.last_send
        if last is not None and t < last + state.cooldown + state.jitter:
            return LimitState.COOLDOWN
        return LimitState.ACTIVE


def _split(rules: Sequence[Rule]) -> tuple[_Holds, _Holds]:
    """The monotone rules' and the clocked rules' ``(hold, name)``, each in chain order."""
    steady = tuple((r.hold, r.name) for r in rules if getattr(r, "monotone", False))
    clocked = tuple((r.hold, r.name) for r in rules if not getattr(r, "monotone", False))
    return steady, clocked


def violations(
    send_times: Sequence[float],
    *,
    hourly_cap: int,
    daily_cap: int,
    cooldown: float,
    hours: ActiveHours,
) -> list[str]:
    """Every way one profile's dispatch log breaks the rules (empty when it keeps them).

    Independent of ``RuleChain``: tests and the reliability suite check the engine with it.
    """
    found: list[str] = []
    times = sorted(send_times)
    for i, t in enumerate(times):
        if i and t - times[i - 1] < cooldown - 1e-6:
            found.append(f"gap {t - times[i - 1]:.3f} s under cooldown at {t}")
        if not hours.is_open(t):
            found.append(f"send outside active hours at {t}")
        for span, cap, label in ((HOUR, hourly_cap, "hour"), (DAY, daily_cap, "day")):
            first = bisect_right(times, t - span)
            if i + 1 - first > cap:
                found.append(f"{i + 1 - first} sends in the {label} ending {t} (cap {cap})")
    return found
