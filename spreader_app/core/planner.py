"""Open Chat planning: who sends to whom, and when, by simulating the engine's own rules.

``plan()`` is pure and deterministic for a seed. It checks its arguments, turns the waiting
strategy into each recipient's not-before time (``drip`` spacing; ``smart`` spreading over
the active window, with its fallback) and has ``core.plan_simulation`` book the recipients
on copies of the profiles' states. The result is a ``core.plan_result.Plan``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import TypeVar

from spreader_app.core.models import DistributionMode, WaitingStrategy
from spreader_app.core.plan_result import Plan
from spreader_app.core.plan_simulation import simulate
from spreader_app.core.rules import DAY, ProfileState, RuleChain

# The smart strategy's human-like jitter: up to this share of the spacing, never negative.
SMART_JITTER = 0.3

_E = TypeVar("_E", bound=StrEnum)


def plan(
    recipients: Sequence[str],
    states: Sequence[ProfileState],
    chain: RuleChain,
    *,
    mode: DistributionMode,
    strategy: WaitingStrategy,
    start: float,
    drip_interval: float | None = None,
    sticky: Mapping[str, str] | None = None,
    seed: int = 0,
    copy_states: bool = True,
) -> Plan:
    """Plans ``recipients`` over the profiles in ``states`` under ``chain``.

    ``states`` already hold each profile's send history (for ``queued``, the caller also
    records the package's earlier pending work as sends and passes a ``start`` after it).
    Times are POSIX seconds; ``drip_interval`` is in seconds and required (> 0) for
    ``drip``. ``sticky`` maps a recipient to the profile that must send to it whenever that
    profile can send at all. The states are simulated on copies unless ``copy_states`` is
    false, in which case they end up holding the planned sends.

    Strategies: ``immediate`` and ``queued`` start every recipient at ``start``; ``drip``
    starts each one ``drip_interval`` after the previous one's planned time; ``smart``
    spreads them evenly, with up to 30 % positive jitter, over what remains of the current
    active window (the next one when ``start`` is outside; the next 24 h when the package
    is active all day), and falls back to as-fast-as-allowed, saying so in ``notes``, when
    they do not fit. When no profile can send at all, every item is unassigned with a
    reason; nothing is raised for that.

    Raises ``ValueError`` for an unknown mode or strategy, a non-finite ``start``, a
    missing or non-positive drip interval, or two states with the same profile id.
    """
    mode = _member(DistributionMode, mode, "distribution mode")
    strategy = _member(WaitingStrategy, strategy, "waiting strategy")
    if not math.isfinite(start):
        raise ValueError(f"start must be a finite POSIX time in seconds, got {start!r}")
    ids = [s.profile_id for s in states]
    if len(set(ids)) != len(ids):
        dupes = sorted({pid for pid in ids if ids.count(pid) > 1})
        raise ValueError(f"each profile may appear once in states; repeated: {', '.join(dupes)}")
    sticky = sticky or {}

    # not_before(i, previous planned time) for strategies whose recipients do not all
    # start at ``start``.
    not_before: Callable[[int, float], float] | None = None
    if strategy is WaitingStrategy.DRIP:
        if drip_interval is None or not math.isfinite(drip_interval) or drip_interval <= 0:
            raise ValueError(
                f"the drip strategy needs drip_interval > 0 seconds, got {drip_interval!r}"
            )
        step = drip_interval

        def drip(i: int, previous: float) -> float:
            return start if i == 0 else previous + step

        not_before = drip

    notes: list[str] = []
    if strategy is WaitingStrategy.SMART and recipients:
        opens, closes = _spread_window(chain, start)
        spacing = (closes - opens) / len(recipients)
        jitter = random.Random(f"{seed}/spread")

        def spread(i: int, previous: float) -> float:
            return opens + i * spacing + jitter.uniform(0.0, SMART_JITTER * spacing)

        trial = simulate(
            recipients,
            _copies(states),
            chain,
            mode,
            sticky,
            start,
            spread,
            seed=seed,
            deadline=closes,
        )
        if trial is not None:
            if not copy_states:
                by_id = {s.profile_id: s for s in states}
                for item in trial.items:
                    if item.profile_id is not None and item.at is not None:
                        by_id[item.profile_id].record_send(item.at, recipient=item.recipient)
            return trial
        notes.append(
            f"The {len(recipients)} recipients do not fit in the active window ending "
            f"{datetime.fromtimestamp(closes, UTC).isoformat()} at the pace the limits "
            "allow, so they are planned as fast as the limits allow instead."
        )

    work = _copies(states) if copy_states else list(states)
    result = simulate(recipients, work, chain, mode, sticky, start, not_before, seed=seed)
    assert result is not None, "only a deadline makes a simulation give up"
    return replace(result, notes=notes)


def _member(enum: type[_E], value: str, what: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        valid = ", ".join(m.value for m in enum)
        raise ValueError(f"unknown {what} {value!r}; use one of: {valid}") from None


def _copies(states: Sequence[ProfileState]) -> list[ProfileState]:
    return [s.copy() for s in states]


def _spread_window(chain: RuleChain, start: float) -> tuple[float, float]:
    """The part of the active window the smart strategy spreads over: ``[opens, closes)``."""
    hours = chain.active_hours
    opens = hours.next_open(start)
    return opens, min(hours.window_end(opens), opens + DAY)
