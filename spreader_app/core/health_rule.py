"""The CRITICAL band in the rule chain: no Open Chat for a day (BAN_SAFETY.md section 3)."""

from __future__ import annotations

import math

from spreader_app.core.rules import Hold, ProfileState


class CriticalRule:
    """A profile whose health fell below the AT_RISK band sends no Open Chat until
    ``HealthLog.critical_until``: 24 h after it entered CRITICAL, and not before its score is
    back in AT_RISK. Reply Chat never asks.

    Monotone: the hold's end is a function of the profile's log alone, so asked again from
    any later time it is the same (a new deduction comes with a new log).
    """

    name = "critical"
    monotone = True

    def inert_from(self, state: ProfileState) -> float | None:
        """From the end of the stop on (``-inf``: the log holds none)."""
        log = state.health_log
        until = log.critical_until() if log is not None else None
        return -math.inf if until is None else until

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        log = state.health_log
        if log is None:
            return None
        until = log.critical_until()
        if until is None or t >= until:
            return None
        return Hold(until, "health critical: no Open Chat for 24 hours")
