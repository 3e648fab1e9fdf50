"""Who a profile has talked to: what warm-up and the unanswered budget count.

Warm-up (BAN_SAFETY.md section 2) rations *new recipients*: people this profile never
exchanged a message with. The unanswered budget (issue 14 item 5) rations Open Chat sends
to recipients who have not written to the package since. Both are kept per profile beside
the send log in ``ProfileState.contacts``; a profile with neither rule has no log at all,
so graduated profiles pay nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from dataclasses import dataclass, field
from typing import NamedTuple

HOUR = 3600.0
DAY = 86400.0
# The unanswered budget is a rolling 30 days.
MONTH = 30 * DAY
# Warm-up reviews look at the previous local day, so first contacts are kept for two.
FIRST_CONTACT_SPAN = 2 * DAY


def hourly_share(cap: int) -> int:
    """A warm-up stage's new recipients per rolling hour: a sixth of its day, at least 5."""
    return max(5, cap // 6)


class ContactHistory(NamedTuple):
    """What storage knows of one profile's contacts at a time ``now``.

    ``known``: every number the profile exchanged a message with (sent to, in either
    mode, or received from). ``first_contacts``: times of Open Chat sends to a number new
    to the profile, over the last ``FIRST_CONTACT_SPAN``, ascending. ``unanswered``:
    ``(time, recipient)`` of the latest Open Chat sends in the last ``MONTH`` whose
    recipient has not written to the package since, ascending, at most the budget's cap.
    """

    known: frozenset[str] = frozenset()
    first_contacts: tuple[float, ...] = ()
    unanswered: tuple[tuple[float, str], ...] = ()


class ContactQuery(NamedTuple):
    """What storage reads for one profile: its first contacts (warm-up) and its latest
    ``unanswered_cap`` unanswered sends (0: none)."""

    first_contacts: bool
    unanswered_cap: int


@dataclass(slots=True)
class ContactLog:
    """One profile's contact counts; mutable, owned with its ``ProfileState``.

    ``new_cap`` is the warm-up stage's new recipients per 24 h (``None``: graduated or
    warm-up off; then no first contacts are tracked). ``unanswered_cap`` is the budget per
    30 days (0: off; then no unanswered sends are tracked). Both are fixed once built:
    the rule chain decides which rules a profile needs by its log's identity (a new stage
    or budget comes with a new log).
    """

    new_cap: int | None = None
    unanswered_cap: int = 0
    known: set[str] = field(default_factory=set)
    first_contacts: deque[float] = field(default_factory=deque)
    unanswered_at: deque[float] = field(default_factory=deque)
    unanswered_to: deque[str] = field(default_factory=deque)

    @classmethod
    def build(
        cls, history: ContactHistory, *, new_cap: int | None, unanswered_cap: int
    ) -> ContactLog | None:
        """The log for these caps (``None`` when neither rule applies)."""
        if new_cap is None and unanswered_cap <= 0:
            return None
        log = cls(new_cap, max(0, unanswered_cap))
        if new_cap is not None:
            log.known = set(history.known)
            log.first_contacts = deque(sorted(history.first_contacts))
        if unanswered_cap > 0:
            latest = sorted(history.unanswered)[-unanswered_cap:]
            log.unanswered_at = deque(t for t, _ in latest)
            log.unanswered_to = deque(r for _, r in latest)
        return log

    def copy(self) -> ContactLog:
        return ContactLog(
            self.new_cap,
            self.unanswered_cap,
            set(self.known),
            deque(self.first_contacts),
            deque(self.unanswered_at),
            deque(self.unanswered_to),
        )

    def is_new(self, recipient: str | None) -> bool:
        """Whether a send to ``recipient`` counts as a first contact (unknown: assume so)."""
        return recipient is None or recipient not in self.known

    def record(self, t: float, recipient: str | None) -> bool:
        """An Open Chat send at ``t``; a late record is kept in order (the rules bisect).
        Returns whether the budget's log just filled: from now on the budget may bind."""
        if self.new_cap is not None:
            self._first_contact(t, recipient)
        cap = self.unanswered_cap
        if cap > 0:
            times = self.unanswered_at
            if times and t < times[-1]:
                at = bisect_right(times, t)
                times.insert(at, t)
                self.unanswered_to.insert(at, recipient or "")
            else:  # the common case, on every send: sends come in order
                times.append(t)
                self.unanswered_to.append(recipient or "")
            if len(times) >= cap:
                return self._trim()
        return False

    def _first_contact(self, t: float, recipient: str | None) -> None:
        """Counts a send to a new recipient; forgets first contacts the reviews no longer
        look at."""
        if self.is_new(recipient):
            self.first_contacts.insert(bisect_right(self.first_contacts, t), t)
            if recipient is not None:
                self.known.add(recipient)
        horizon = self.first_contacts[-1] - FIRST_CONTACT_SPAN if self.first_contacts else t
        while self.first_contacts and self.first_contacts[0] <= horizon:
            self.first_contacts.popleft()

    def _trim(self) -> bool:
        """Keeps the latest ``cap`` unanswered sends, the only ones that can ever decide
        the budget; returns whether the log just filled."""
        times, to, cap = self.unanswered_at, self.unanswered_to, self.unanswered_cap
        if len(times) == cap:
            return True
        while len(times) > cap:
            times.popleft()
            to.popleft()
        return False

    def answered(self, sender: str, *, to_this_profile: bool) -> bool:
        """``sender`` wrote to the package: its sends no longer count against the budget;
        it is known to this profile when it wrote to this profile's device. Returns
        whether the budget gained room."""
        if to_this_profile and self.new_cap is not None:
            self.known.add(sender)
        if sender not in self.unanswered_to:
            return False
        pairs = zip(self.unanswered_at, self.unanswered_to, strict=True)
        kept = [(t, r) for t, r in pairs if r != sender]
        self.unanswered_at = deque(t for t, _ in kept)
        self.unanswered_to = deque(r for _, r in kept)
        return True

    def full(self, t: float) -> bool:
        """Whether a first contact or an unanswered send at ``t`` would break a cap."""
        cap = self.new_cap
        if cap is not None and (
            self.first_contacts_within(t, DAY) >= cap
            or self.first_contacts_within(t, HOUR) >= hourly_share(cap)
        ):
            return True
        return 0 < self.unanswered_cap <= self.unanswered_within(t)

    def first_contacts_within(self, t: float, span: float) -> int:
        """First contacts in ``(t - span, t]``."""
        times = self.first_contacts
        return bisect_right(times, t) - bisect_right(times, t - span)

    def unanswered_within(self, t: float) -> int:
        """Unanswered sends in ``(t - MONTH, t]``."""
        times = self.unanswered_at
        return bisect_right(times, t) - bisect_right(times, t - MONTH)
