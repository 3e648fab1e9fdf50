"""The evidence that a device is banned (health scores: ``core.health_score``).

The gateway's error text cannot tell a banned device from a bad recipient (ZENTRA.md).
What can: a recipient that one device failed and another device then reached. Each such
case is *ban evidence* against the device that failed; a run of them without a success of
that device in between marks it blocked.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import ClassVar

from spreader_app.core.models import OutcomeKind
from spreader_app.core.outcomes import kinds_where
from spreader_app.core.rules import DAY


class BanEvidence:
    """Remembers device-level failures per recipient and turns later successes into evidence.

    ``failed()`` keeps the failures that ``OUTCOMES`` marks as ``evidence`` (other kinds say
    nothing about a ban) for ``ttl`` seconds, for at most ``max_recipients`` recipients
    (the oldest are forgotten first). ``succeeded()`` returns the *other* profiles that
    failed the same recipient: evidence against each of them, which lengthens their
    evidence run. A success of a profile ends its run.

    The runs live in memory only. They must survive restarts, so the caller stores each
    profile's run on its profile row (``evidence_run``) and ``restore()``s it on start.
    Times are POSIX seconds.
    """

    BLOCK_AFTER_EVIDENCE: ClassVar[int] = 3
    BLOCK_SCORE: ClassVar[int] = 20
    DEVICE_FAILURES: ClassVar[frozenset[OutcomeKind]] = kinds_where("evidence")

    def __init__(self, *, ttl: float = DAY, max_recipients: int = 10_000) -> None:
        if ttl <= 0 or max_recipients <= 0:
            raise ValueError("ttl and max_recipients must be positive")
        self.ttl = ttl
        self.max_recipients = max_recipients
        # recipient -> {profile id: time of its latest failure}, least recently failed first
        self._failures: OrderedDict[str, dict[str, float]] = OrderedDict()
        self._runs: dict[str, int] = {}
        self._last_success: dict[str, float] = {}

    def failed(self, profile_id: str, recipient: str, kind: OutcomeKind, at: float) -> None:
        """Notes that ``profile_id`` failed ``recipient`` at ``at`` (ignored for other kinds)."""
        if kind not in self.DEVICE_FAILURES:
            return
        self._expire(at)
        failures = self._failures.get(recipient)
        if failures is None:
            failures = self._failures[recipient] = {}
        else:
            self._failures.move_to_end(recipient)
        failures[profile_id] = at
        while len(self._failures) > self.max_recipients:
            self._failures.popitem(last=False)

    def succeeded(self, profile_id: str, recipient: str, at: float) -> list[str]:
        """``profile_id`` reached ``recipient``: the other profiles that failed it before.

        Each returned profile's evidence run grows by one, ``profile_id``'s run ends, and
        the recipient's failures are forgotten. A failure older than the failing profile's
        own latest success is no evidence: the device worked after it, so it ends no run.
        """
        self._expire(at)
        failures = self._failures.pop(recipient, {})
        against = [
            pid
            for pid, when in failures.items()
            if pid != profile_id
            and at - when <= self.ttl
            and when >= self._last_success.get(pid, -math.inf)
        ]
        for pid in against:
            self._runs[pid] = self._runs.get(pid, 0) + 1
        self.reset(profile_id)
        self._last_success[profile_id] = at
        return against

    def evidence_run(self, profile_id: str) -> int:
        """Pieces of evidence against ``profile_id`` since its last success."""
        return self._runs.get(profile_id, 0)

    def reset(self, profile_id: str) -> None:
        """Ends ``profile_id``'s run (it sent successfully, or the user cleared it)."""
        self._runs.pop(profile_id, None)

    def restore(self, profile_id: str, run: int) -> None:
        """Sets ``profile_id``'s run from storage; raises ``ValueError`` if negative."""
        if run < 0:
            raise ValueError(f"an evidence run cannot be negative, got {run}")
        if run:
            self._runs[profile_id] = run
        else:
            self._runs.pop(profile_id, None)

    def should_block(self, profile_id: str, score: int) -> bool:
        """Whether ``profile_id``, now at health ``score``, should be marked blocked."""
        return self.blocks(self.evidence_run(profile_id), score)

    @classmethod
    def blocks(cls, run: int, score: int) -> bool:
        """The blocking rule: ``run`` pieces of evidence reach ``BLOCK_AFTER_EVIDENCE``, or
        any evidence at all while the score is at or below ``BLOCK_SCORE``."""
        return run >= cls.BLOCK_AFTER_EVIDENCE or (run > 0 and score <= cls.BLOCK_SCORE)

    def _expire(self, now: float) -> None:
        horizon = now - self.ttl
        failures = self._failures
        while failures:
            recipient, by_profile = next(iter(failures.items()))
            if max(by_profile.values()) >= horizon:
                break
            del failures[recipient]
