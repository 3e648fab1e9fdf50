"""Booking recipients on profiles under a rule chain: the simulation behind ``plan()``.

It walks the recipients in the order of their not-before times, picks a profile with the
same selectors the dispatcher uses, and books the send on that profile's ``ProfileState``
at the earliest time the ``RuleChain`` allows, so the next recipient sees it.

It stays fast for large campaigns by caching each profile's earliest time: the rules are
monotone, so an answer computed for ``t0`` holds for every later ``t0`` up to that time
until the profile sends again. Only the profile that just sent is asked again (and the
chosen one, when the not-before time has moved since it was last asked). Profiles that
are full (held back by a capacity rule) wait grouped by their earliest time, and in a
heap by the time they have room again.
"""

from __future__ import annotations

import heapq
import math
import random
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence

from spreader_app.core.chain import chain_quiet
from spreader_app.core.decision import ExclusionBook, exclusion_tag
from spreader_app.core.distribution import make_selector
from spreader_app.core.gc_pause import gc_paused
from spreader_app.core.models import DistributionMode
from spreader_app.core.plan_result import Plan, PlannedDelivery, dead_plan
from spreader_app.core.quiet_hours import spread_of
from spreader_app.core.rules import ProfileState, RuleChain

# How many of a recipient's windows its device may miss (busy until each closes) before the
# plan gives up on it: only a package whose hours never meet the recipient's gets there.
QUIET_TRIES = 14
NEVER_OPEN = (
    "the package's active hours never meet this recipient's sending window; widen the "
    "active hours or the package's recipient_quiet_hours"
)


@gc_paused
def simulate(
    recipients: Sequence[str],
    work: list[ProfileState],
    chain: RuleChain,
    mode: DistributionMode,
    sticky: Mapping[str, str],
    start: float,
    not_before: Callable[[int, float], float] | None,
    *,
    seed: int,
    deadline: float = math.inf,
) -> Plan | None:
    """Books every recipient on ``work`` (mutated); ``None`` once a time reaches ``deadline``.

    Each recipient may go from ``start``, or from ``not_before(index, previous planned
    time)`` when given, which must never decrease. A recipient inside their quiet hours
    (``chain_quiet``) waits in a heap until their window opens; recipients are booked in
    the order of their not-before times, so the cached answers below stay valid. A
    recipient deferred that way is not held to ``deadline``.

    Per profile k: ``cached_*[k]`` is ``earliest(work[k], asked[k])``, which stays the
    answer for any later not-before time up to its ``at``. A live profile is either free
    (in ``eligible``, in profile order) or full: then it sits in ``full[its at]`` and,
    while the not-before time moves, in ``by_room`` until its capacity returns.
    """
    earliest = chain.earliest
    quiet = chain_quiet(chain)
    heappush, heappop = heapq.heappush, heapq.heappop
    n_profiles = len(work)
    index = {s.profile_id: k for k, s in enumerate(work)}
    selector = make_selector(mode, random.Random(seed))
    how = mode.value
    cached_at = [0.0] * n_profiles
    cached_by: list[tuple[str, ...]] = [()] * n_profiles
    asked = [-math.inf] * n_profiles
    alive = [True] * n_profiles
    dead_reasons: dict[str, str] = {}
    free = [False] * n_profiles
    eligible_ids: list[int] = []
    eligible: list[ProfileState] = []
    full_at: list[float | None] = [None] * n_profiles
    full: dict[float, set[int]] = {}
    full_times: list[float] = []  # heap of the keys of ``full``; emptied keys linger
    version = [0] * n_profiles
    by_room: list[tuple[float, int, int]] = []
    moving = not_before is not None or quiet is not None
    book = ExclusionBook(work)

    def set_free(k: int, value: bool) -> None:
        free[k] = value
        pos = bisect_left(eligible_ids, k)
        if value:
            eligible_ids.insert(pos, k)
            eligible.insert(pos, work[k])
        else:
            del eligible_ids[pos]
            del eligible[pos]

    def leave_full(k: int) -> None:
        key = full_at[k]
        assert key is not None
        group = full[key]
        group.discard(k)
        if not group:
            del full[key]
        full_at[k] = None

    def refresh(k: int, t0: float) -> None:
        at, decided_by, reason, room = earliest(work[k], t0)
        version[k] += 1
        # Most answers exclude nothing (free, not held by the hours): skip the tag's rules.
        if at is None or room is not None or (at > t0 and decided_by[0] == "active_hours"):
            book.set(k, exclusion_tag(work[k], at, decided_by))
        else:
            book.set(k, None)
        if full_at[k] is not None:
            leave_full(k)
        if at is None:
            alive[k] = False
            dead_reasons[work[k].profile_id] = reason
            if free[k]:
                set_free(k, False)
            return
        cached_at[k] = at
        cached_by[k] = decided_by
        asked[k] = t0
        if room is None:
            if not free[k]:
                set_free(k, True)
            return
        if free[k]:
            set_free(k, False)
        group = full.get(at)
        if group is None:
            full[at] = {k}
            heappush(full_times, at)
        else:
            group.add(k)
        full_at[k] = at
        if moving:
            heappush(by_room, (room, k, version[k]))

    def first_room() -> float | None:
        while full_times and full_times[0] not in full:
            heappop(full_times)
        return full_times[0] if full_times else None

    n = len(recipients)
    slots: list[PlannedDelivery | None] = [None] * n
    distribution: dict[str, list[str]] = {s.profile_id: [] for s in work}
    latest = -math.inf
    previous = math.nan
    current = -math.inf
    waiting = _Waiting()  # recipients waiting for their window to open
    quieted: dict[int, int] = {}  # recipients whose time quiet hours moved
    if quiet is not None:
        zone_of, next_spread = quiet.resolver.zone, quiet.quiet.next_spread
        zones: list[tuple[str, ...]] = [()] * len(recipients)
        spreads = [0] * len(recipients)
    following = 0  # the next recipient in the strategy's own order
    upcoming: float | None = None
    first = True
    while True:
        if upcoming is None and following < n:
            upcoming = start if not_before is None else not_before(following, previous)
            if quiet is not None:
                zone_key = zone_of(recipients[following]).zones
                spreads[following] = spread = spread_of(recipients[following])
                zones[following] = zone_key
                opens = next_spread(zone_key, spread, upcoming)
                if opens != upcoming:
                    quieted[following] = 1
                    waiting.push(opens, following)
                    previous = upcoming  # the next one keeps the strategy's spacing
                    following += 1
                    upcoming = None
                    continue
        if waiting and (upcoming is None or waiting.first() < upcoming):
            t0, i = waiting.pop()
            in_order = False
        elif upcoming is not None:
            t0, i = upcoming, following
            following += 1
            upcoming = None
            in_order = True
        else:
            break
        recipient = recipients[i]
        if t0 != current:
            if first:
                first = False
                for k in range(n_profiles):
                    refresh(k, t0)
                if not any(alive):
                    return dead_plan(recipients, work, dead_reasons)
            else:
                # Full profiles with room again by t0 become eligible; their cached time is
                # asked again only if one of them is chosen.
                while by_room and by_room[0][0] <= t0:
                    _, k, v = heappop(by_room)
                    if v == version[k] and full_at[k] is not None:
                        leave_full(k)
                        set_free(k, True)
                        book.set(k, None)
                book.enter_hours(t0, cached_at)
            current = t0

        wanted = sticky.get(recipient) if sticky else None
        k = -1 if wanted is None else index.get(wanted, -1)
        if k >= 0 and alive[k]:
            choice = "sticky"
        elif eligible:
            k = index[selector.choose(eligible, recipient).profile_id]
            choice = how
        else:
            # Every profile is full: the selector picks among those that can send first.
            while full_times[0] not in full:
                heappop(full_times)
            group = full[full_times[0]]
            if len(group) == 1:
                (k,) = group
                selector.choose([work[k]], recipient)  # keeps a rotation in step
            else:
                candidates = [work[j] for j in sorted(group)]
                k = index[selector.choose(candidates, recipient).profile_id]
            choice = how
        if asked[k] != t0:
            refresh(k, t0)
        at: float | None = cached_at[k]
        state = work[k]
        rules = cached_by[k]
        if quiet is not None:
            # The device is free only once the recipient's window closed: it sends in their
            # next window (asked anew; the plan leaves the device idle until then).
            for _ in range(QUIET_TRIES):
                assert at is not None
                opens = next_spread(zones[i], spreads[i], at)
                if opens == at:
                    break
                quieted[i] = 1
                at, moved_by, _, _ = earliest(state, opens)
                if at is None:
                    break
                rules = (*rules, *(r for r in moved_by if r not in rules))
            else:
                at = None
            if at is None:
                slots[i] = PlannedDelivery(recipient, None, None, (), NEVER_OPEN)
                continue
            if i in quieted and "quiet_hours" not in rules:
                rules = (*rules, "quiet_hours")
        assert at is not None
        if in_order and i not in quieted and at >= deadline:
            return None
        state.record_send(at, recipient=recipient)
        pid = state.profile_id
        room = first_room()
        record = book.record(room, choice, rules, t0)
        slots[i] = PlannedDelivery(recipient, pid, at, (*rules, choice), "", record)
        distribution[pid].append(recipient)
        refresh(k, t0)
        if in_order:
            previous = at
        if at > latest:
            latest = at

    items = [item for item in slots if item is not None]
    unassigned = sum(1 for item in items if item.profile_id is None)
    return Plan(items, distribution, latest if latest > -math.inf else None, unassigned)


class _Waiting:
    """Recipients waiting for their window, by time: the bulk (pushed before the first pop,
    as a strategy's first pass defers them) is sorted once; later pushes go to a heap."""

    def __init__(self) -> None:
        self._run: list[tuple[float, int]] = []
        self._pos = 0
        self._sorted = False
        self._late: list[tuple[float, int]] = []

    def __bool__(self) -> bool:
        return self._pos < len(self._run) or bool(self._late)

    def push(self, t: float, i: int) -> None:
        if self._sorted:
            heapq.heappush(self._late, (t, i))
        else:
            self._run.append((t, i))

    def first(self) -> float:
        if not self._sorted:
            self._run.sort()
            self._sorted = True
        head = self._run[self._pos][0] if self._pos < len(self._run) else math.inf
        return min(head, self._late[0][0]) if self._late else head

    def pop(self) -> tuple[float, int]:
        self.first()
        if self._late and (self._pos >= len(self._run) or self._late[0] < self._run[self._pos]):
            return heapq.heappop(self._late)
        self._pos += 1
        return self._run[self._pos - 1]
