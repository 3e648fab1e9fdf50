"""What a plan is: each recipient's planned sender and time, and the totals.

``core.planner.plan()`` makes one; the send service stores it and the API shows it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from spreader_app.core.rules import ProfileState


class PlannedDelivery(NamedTuple):
    """One recipient's planned sender and time (POSIX seconds).

    ``profile_id`` and ``at`` are ``None`` when no profile can take it; ``reason`` then
    says why. ``decided_by`` names the rules that set the time, then ``"sticky"`` or the
    distribution mode that chose the profile; ``decision`` is the full record.
    """

    recipient: str
    profile_id: str | None
    at: float | None
    decided_by: tuple[str, ...] = ()
    reason: str = ""
    # The decision record (core.decision) as stored JSON; "" when none was made.
    decision: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """The outcome of ``plan()``.

    ``items`` follow the recipients' order. ``distribution`` maps every profile id (in the
    given order, empty lists included) to its recipients in order. ``estimated_completion``
    is the latest planned time, ``None`` when nothing is planned. ``notes`` explain
    choices the caller did not make itself (a strategy fallback).
    """

    items: list[PlannedDelivery]
    distribution: dict[str, list[str]]
    estimated_completion: float | None
    unassigned: int
    notes: list[str] = field(default_factory=list)


def dead_plan(
    recipients: Sequence[str], work: Sequence[ProfileState], dead_reasons: Mapping[str, str]
) -> Plan:
    """The plan when no profile of ``work`` can send at all: every recipient unassigned,
    with a reason naming each profile's own (``dead_reasons`` by profile id)."""
    items = _unassigned(recipients, work, dead_reasons)
    return Plan(items, {s.profile_id: [] for s in work}, None, len(items))


def _unassigned(
    recipients: Sequence[str], work: Sequence[ProfileState], dead_reasons: Mapping[str, str]
) -> list[PlannedDelivery]:
    if not work:
        reason = "the package has no profiles; add a profile and set it active"
    else:
        why = "; ".join(f"{s.profile_id}: {dead_reasons.get(s.profile_id, '?')}" for s in work)
        reason = f"no profile can send ({why}); set a profile active or raise its limits"
    return [PlannedDelivery(r, None, None, (), reason) for r in recipients]
