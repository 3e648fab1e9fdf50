"""Warm-up of new numbers and the unanswered budget, as rules of the chain.

Warm-up (BAN_SAFETY.md section 2): a profile at stage 1-9 may reach at most
``STAGE_CAPS[stage - 1]`` new recipients in any rolling 24 hours, and a sixth of that (at
least 5) in any rolling hour; stage 10 is graduated and only the package caps apply. The
pool factor scales both, as it scales every cap. The unanswered budget: at most
``max_unanswered_per_profile_per_30d`` Open Chat sends in any rolling 30 days to recipients
who have not written to the package since (0 = off); it is a month's budget, so a day's
pool factor does not scale it.

The rules are asked without a recipient by the planner and the dispatcher (they pick the
recipient after the profile): then a send counts as a first contact, so a profile whose
day of first contacts is used waits, even for a known customer. Reply Chat never asks.
"""

from __future__ import annotations

import math
from bisect import bisect_right

from spreader_app.core.contact_log import (
    MONTH,
    ContactHistory,
    ContactLog,
    ContactQuery,
    hourly_share,
)
from spreader_app.core.models import Package, Profile
from spreader_app.core.pool import Pool, factor_bounded, profile_factor, room_at
from spreader_app.core.rules import DAY, HOUR, Hold, ProfileState, cap_release

# New recipients per rolling 24 h at stages 1-9 (BAN_SAFETY.md section 2).
STAGE_CAPS = (20, 30, 45, 70, 100, 150, 220, 320, 450)
GRADUATED = len(STAGE_CAPS) + 1
FIRST_STAGE = 1


def stage_cap(stage: int) -> int | None:
    """New recipients per 24 h at ``stage`` (``None``: graduated, no warm-up cap)."""
    if stage >= GRADUATED:
        return None
    return STAGE_CAPS[max(FIRST_STAGE, stage) - 1]


def new_recipient_cap(profile: Profile, package: Package) -> int | None:
    """The warm-up cap that applies to ``profile`` (``None``: none)."""
    return stage_cap(profile.warmup_stage) if package.warmup_enabled else None


def contact_query(profile: Profile, package: Package) -> ContactQuery | None:
    """What storage must read for the profile's contact log (``None``: nothing)."""
    warming = new_recipient_cap(profile, package) is not None
    budget = package.max_unanswered_per_profile_per_30d
    return ContactQuery(warming, budget) if warming or budget > 0 else None


def contact_log(profile: Profile, package: Package, history: ContactHistory) -> ContactLog | None:
    """The profile's contact log under the package's policy (``None``: no rule needs one)."""
    return ContactLog.build(
        history,
        new_cap=new_recipient_cap(profile, package),
        unanswered_cap=package.max_unanswered_per_profile_per_30d,
    )


class WarmupRule:
    """A stage's cap on first contacts per rolling hour and day, scaled by the pool factor.

    Monotone like ``PoolRule``: a hold never reaches past the factor's next rise.
    """

    name = "warmup"
    monotone = True

    def __init__(self, pool: Pool) -> None:
        self.pool = pool

    def inert_from(self, state: ProfileState) -> float | None:
        """Always for a graduated profile (or warm-up off); never known otherwise."""
        log = state.contacts
        return -math.inf if log is None or log.new_cap is None else None

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        log = state.contacts
        if log is None or log.new_cap is None or not log.is_new(recipient):
            return None
        factor = profile_factor(self.pool, state, t)
        windows = ((HOUR, hourly_share(log.new_cap)), (DAY, log.new_cap))
        until = room_at(log.first_contacts, t, windows, factor)
        if until is None:
            return Hold(None, f"{self.name} is 0")
        if until <= t:
            return None
        return Hold(
            factor_bounded(self.pool, state, until, t),
            f"warm-up: {log.new_cap} new recipients a day at this stage",
        )


class UnansweredRule:
    """At most ``unanswered_cap`` unanswered Open Chat sends in any rolling 30 days."""

    name = "unanswered"
    monotone = True

    def inert_from(self, state: ProfileState) -> float | None:
        """Always without a budget, or while its log has room: the send that fills the
        log drops the state's rule set (``ProfileState.record_send``)."""
        log = state.contacts
        if log is None or len(log.unanswered_at) < log.unanswered_cap or log.unanswered_cap <= 0:
            return -math.inf
        return None

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        log = state.contacts
        if log is None:
            return None
        times = log.unanswered_at
        # The log keeps only the cap's latest sends: while it holds fewer, the budget has room.
        if len(times) < log.unanswered_cap or log.unanswered_cap <= 0:
            return None
        upto = bisect_right(times, t)
        if upto - bisect_right(times, t - MONTH) < log.unanswered_cap:
            return None
        release = cap_release(times, upto, MONTH, log.unanswered_cap, self.name)
        return Hold(
            release.until,
            f"unanswered budget: {log.unanswered_cap} messages in 30 days without a reply",
        )
