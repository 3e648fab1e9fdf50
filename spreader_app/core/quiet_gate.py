"""Keeps Open Chat claims out of recipients' quiet hours, deciding in the engine.

A dispatch round reports each idle device's next pending delivery (``Head``: its recipient
and stored zone key included). Before the next round claims for a device whose package keeps
quiet hours, the gate checks that head: inside the recipient's quiet hours, it gets a
``QuietWait`` (the round writes it) and the device claims nothing this round; otherwise the
round may claim that delivery and no other (``checked``): a head that changed since it was
seen is reported back and checked first. Storage never asks the engine anything.

Each quiet head costs one round; a round that waited or met a new head asks for the next
round at once, so a backlog that crosses into the evening is stepped through quickly.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from spreader_app.core.models import Head, QuietWait

# ``(profile id, its due head, now)`` -> when the recipient's window opens and the re-decided
# record, or ``None`` when they may be messaged now.
WaitOf = Callable[[str, Head, float], "tuple[float, str] | None"]


@dataclass
class GatedClaims:
    """What a round gets from the gate: the devices to claim for, the delivery each checked
    device may claim, and the waits to write."""

    claim_for: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    waits: list[QuietWait] = field(default_factory=list)
    # The ready devices of gated packages, checked or not.
    gated: set[str] = field(default_factory=set)


class QuietGate:
    """The heads the engine has seen, by device, and the check before each claim."""

    def __init__(self) -> None:
        # ``None``: the device had no pending Open Chat work when last seen.
        self._heads: dict[str, Head | None] = {}

    def sort(
        self, ready: Collection[str], gated: Callable[[str], bool], wait_of: WaitOf, now: float
    ) -> GatedClaims:
        """Splits the devices whose rules allow a send now: those outside ``gated`` packages
        claim as before; a gated one claims its seen head if ``wait_of`` finds the recipient
        awake, writes a wait if not, and claims nothing while its head is unknown."""
        out = GatedClaims()
        for pid in ready:
            if not gated(pid):
                out.claim_for.append(pid)
                continue
            out.gated.add(pid)
            head = self._heads.get(pid)
            if head is None or head.not_before > now:
                continue
            wait = wait_of(pid, head, now)
            if wait is None:
                out.claim_for.append(pid)
                out.checked[pid] = head.delivery_id
            else:
                out.waits.append(QuietWait(head.delivery_id, *wait))
        return out

    def learn(
        self,
        looked: Collection[str],
        heads: Mapping[str, Head],
        claimed: Collection[str],
        gated: GatedClaims,
        now: float,
    ) -> bool:
        """Takes the heads a round reported for the devices it ``looked`` at. ``True`` when a
        ready gated device claimed nothing and now shows a due head the gate has not checked:
        the next round should come at once."""
        for pid in looked:
            if pid in heads:
                self._heads[pid] = heads[pid]
            elif pid in claimed and pid not in gated.checked:
                self._heads.pop(pid, None)  # not read after its claim: unknown
            else:
                self._heads[pid] = None
        for pid in gated.gated:
            if pid in claimed or pid not in heads:
                continue
            head = heads[pid]
            if head.not_before <= now and gated.checked.get(pid) != head.delivery_id:
                return True
        return False
