"""Health 0-100 from recorded evidence (BAN_SAFETY.md section 3).

A profile's score is a pure function of its deductions, its reply credit and the time:

    score(t) = clamp(100 + credit - sum(counted(d, t)), 0, 100)

Each deduction (``HealthDeduction``: a reason and its points from ``core.outcomes``) counts
in full when it happens and loses its points linearly over ``RECOVERY`` (24 h):
``counted(d, t) = ceil(points * (1 - (t - at) / RECOVERY))``, rounded up so the reasons the
owner sees add up to the score. A deduction later than ``t`` does not count yet. So with no
new deductions the score never falls, and 24 h after the last one it is back at 100.

The reply credit: ``REPLY_CREDIT`` points while at least ``REPLY_RATE`` of the profile's
Open Chat recipients of the last 7 days (``REPLY_MIN_RECIPIENTS`` or more of them) wrote
back. It offsets deductions; it never lifts a score above 100.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from spreader_app.core.health_band import AT_RISK_FROM
from spreader_app.core.models import HealthDeduction, OutcomeKind
from spreader_app.core.outcomes import DEDUCTIONS, OUTCOMES, HealthReason

MAX_SCORE = 100
MIN_SCORE = 0
RECOVERY = 86400.0
# Deductions are kept this long (the reply rate looks as far back).
KEEP = 7 * RECOVERY
REPLY_WINDOW = KEEP
REPLY_RATE = 0.10
REPLY_MIN_RECIPIENTS = 20
REPLY_CREDIT = 10
# A profile stays out of Open Chat this long after its score fell below AT_RISK_FROM.
CRITICAL_STOP = RECOVERY


@dataclass(frozen=True, slots=True)
class Reason:
    """One deduction as the owner sees it: ``points`` still counted at the time asked."""

    reason: str
    points: int
    at: float


def counted(d: HealthDeduction, t: float) -> int:
    """The points ``d`` still takes off at ``t`` (0 before it happened or once recovered)."""
    if t < d.at:
        return 0
    left = 1.0 - (t - d.at) / RECOVERY
    return math.ceil(d.points * left) if left > 0 else 0


def score_at(deductions: Iterable[HealthDeduction], credit: int, t: float) -> int:
    """The score at ``t``, within ``MIN_SCORE``..``MAX_SCORE``."""
    total = sum(counted(d, t) for d in deductions)
    return max(MIN_SCORE, min(MAX_SCORE, MAX_SCORE + credit - total))


def next_drop(d: HealthDeduction, t: float) -> float | None:
    """The first time after ``t`` at which ``d`` counts less than at ``t`` (``None``: it
    counts nothing already)."""
    now = counted(d, t)
    if now <= 0:
        return None
    # counted <= now - 1 once points * (1 - (s - at) / RECOVERY) <= now - 1.
    s = max(t, d.at + RECOVERY * (1.0 - (now - 1) / d.points))
    while counted(d, s) >= now:
        s = math.nextafter(s, math.inf)
    return s


def reply_credit(recipients: int, replied: int) -> int:
    """The credit for ``replied`` of ``recipients`` Open Chat recipients writing back."""
    if recipients < REPLY_MIN_RECIPIENTS or replied < REPLY_RATE * recipients:
        return 0
    return REPLY_CREDIT


def deduction(profile_id: str, reason: HealthReason, at: float) -> HealthDeduction:
    """A deduction of ``reason``'s points (``core.outcomes.DEDUCTIONS``)."""
    return HealthDeduction(profile_id, at, reason.value, DEDUCTIONS[reason])


def answer_deduction(profile_id: str, kind: OutcomeKind, at: float) -> HealthDeduction | None:
    """What a gateway answer of ``kind`` costs the profile that sent (``None``: nothing)."""
    reason = OUTCOMES[kind].reason
    return deduction(profile_id, reason, at) if reason is not None else None


class HealthLog:
    """One profile's deductions (oldest first) and reply credit; immutable, so the planner
    and the engine may share it. The answers that need a walk over time are cached."""

    __slots__ = ("credit", "deductions", "_reaches", "_critical")

    def __init__(
        self,
        deductions: Iterable[HealthDeduction] = (),
        credit: int = 0,
        *,
        replies: tuple[int, int] | None = None,
    ) -> None:
        """``replies``: (Open Chat recipients, how many wrote back) over ``REPLY_WINDOW``,
        from which the credit follows (``reply_credit``); storage passes the counts, and
        the rule stays here."""
        self.deductions = tuple(sorted(deductions, key=lambda d: d.at))
        self.credit = reply_credit(*replies) if replies is not None else credit
        self._reaches: dict[int, float] = {}
        self._critical: tuple[float | None] | None = None

    def with_deductions(self, more: Iterable[HealthDeduction]) -> HealthLog:
        """This log with ``more`` deductions."""
        return HealthLog((*self.deductions, *more), self.credit)

    def score(self, t: float) -> int:
        if not self.deductions:  # most devices, most of the time: asked several times a send
            return max(MIN_SCORE, min(MAX_SCORE, MAX_SCORE + self.credit))
        return score_at(self.deductions, self.credit, t)

    def reasons(self, t: float) -> list[Reason]:
        """The deductions still counting at ``t``, newest first, with their points now."""
        return [
            Reason(d.reason, points, d.at)
            for d in reversed(self.deductions)
            if (points := counted(d, t)) > 0
        ]

    def lowest(self, start: float, end: float) -> int:
        """The lowest score in ``[start, end)``: between deductions the score only rises,
        so it is the score at ``start`` or right at one of the deductions."""
        hits = (self.score(d.at) for d in self.deductions if start <= d.at < end)
        return min((self.score(start), *hits))

    @property
    def last_at(self) -> float | None:
        return self.deductions[-1].at if self.deductions else None

    def reaches(self, level: int) -> float:
        """The earliest time, from the last deduction on, at which the score is at least
        ``level`` (``-inf`` without deductions). A function of the log alone: asked from
        any time, the answer is the same, which keeps the rules that use it monotone."""
        cached = self._reaches.get(level)
        if cached is not None:
            return cached
        last = self.last_at
        t = -math.inf if last is None else last
        if last is not None:
            while self.score(t) < level:
                drops = [s for d in self.deductions if (s := next_drop(d, t)) is not None]
                if not drops:
                    break  # unreachable for level <= MAX_SCORE: everything recovers
                t = min(drops)
        self._reaches[level] = t
        return t

    def critical_since(self) -> float | None:
        """When the score last fell below ``AT_RISK_FROM`` (entered CRITICAL); ``None``:
        never, as far as the log goes."""
        if self._critical is None:
            entered: float | None = None
            # Between deductions the score only rises: it can only fall into CRITICAL at one.
            for at in sorted({d.at for d in self.deductions}):
                if self.score(math.nextafter(at, -math.inf)) >= AT_RISK_FROM > self.score(at):
                    entered = at
            self._critical = (entered,)
        return self._critical[0]

    def critical_until(self) -> float | None:
        """Until when the profile sends no Open Chat: ``CRITICAL_STOP`` after it entered
        CRITICAL, and not before its score is back at ``AT_RISK_FROM`` (``None``: never
        stopped)."""
        since = self.critical_since()
        if since is None:
            return None
        return max(since + CRITICAL_STOP, self.reaches(AT_RISK_FROM))


EMPTY_LOG = HealthLog()
