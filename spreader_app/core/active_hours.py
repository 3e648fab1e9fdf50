"""A package's active hours: when its devices may send Open Chat, in its own time zone.

``ActiveHours`` answers when the window next opens and where it ends; the chain asks it
through ``core.rules.ActiveHoursRule`` and the planner's smart strategy directly.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo


class ActiveHours:
    """``[start, end)`` local time in ``zone``; ``start == end`` means all day.

    ``next_open(t)`` is ``t`` itself inside the window, else the next window start. A window
    that crosses midnight (22:00-06:00) is open late evening and early morning.
    """

    def __init__(self, start: time, end: time, zone: str) -> None:
        self.start = start
        self.end = end
        self.zone = ZoneInfo(zone)
        self.all_day = start == end
        # The last answer covers a stretch [lo, hi) where next_open(t) == max(t, opens):
        # the gap before one window and the window itself. Rules ask about nearby times
        # over and over, so most calls skip the time-zone arithmetic.
        self._span = (0.0, 0.0, 0.0)

    def is_open(self, t: float) -> bool:
        return self.next_open(t) == t

    def next_open(self, t: float) -> float:
        if self.all_day:
            return t
        lo, hi, opens = self._span
        if lo <= t < hi:
            return t if t >= opens else opens
        local = datetime.fromtimestamp(t, UTC).astimezone(self.zone)
        day = local.date()
        # Candidate windows: the one that began yesterday (may still be open), today's, tomorrow's.
        passed = t
        for offset in (-1, 0, 1, 2):
            begin, finish = self._window(day + timedelta(days=offset))
            # A start inside a spring-forward gap can land after the end: no window that day.
            if t < finish and begin < finish:
                # Every t' in [passed, finish) skips the same earlier windows, so shares the answer.
                self._span = (passed if offset > -1 else t, finish, begin)
                return max(t, begin)
            passed = finish
        raise AssertionError("unreachable: a window opens within two days")

    def window_end(self, t: float) -> float:
        """End of the window containing ``t`` (``t`` must be inside it); inf when all day."""
        if self.all_day:
            return float("inf")
        local = datetime.fromtimestamp(t, UTC).astimezone(self.zone)
        for offset in (-1, 0, 1):
            begin, finish = self._window(local.date() + timedelta(days=offset))
            if begin <= t < finish:
                return finish
        raise ValueError("t is outside the active window")

    def window_start(self, t: float) -> float:
        """Start of the window containing ``t`` (``t`` must be inside it); -inf when all day."""
        if self.all_day:
            return -math.inf
        local = datetime.fromtimestamp(t, UTC).astimezone(self.zone)
        for offset in (0, -1, 1):
            begin, finish = self._window(local.date() + timedelta(days=offset))
            if begin <= t < finish:
                return begin
        raise ValueError("t is outside the active window")

    def _window(self, day: date) -> tuple[float, float]:
        return _window_bounds(day, self.start, self.end, self.zone)


@lru_cache(maxsize=4096)
def _window_bounds(day: date, start: time, end: time, zone: ZoneInfo) -> tuple[float, float]:
    begin = datetime.combine(day, start, zone)
    end_day = day if end > start else day + timedelta(days=1)
    finish = datetime.combine(end_day, end, zone)
    return begin.timestamp(), finish.timestamp()
