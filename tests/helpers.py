"""Test helpers that drive the engine deterministically on a manual clock."""

from __future__ import annotations

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock


async def drain(c: Container, clock: ManualClock, *, max_rounds: int = 1_000_000) -> int:
    """Runs dispatch rounds, jumping the clock to each next wake, until no work is left.

    Returns the number of rounds. Every gateway call of a round completes before the clock
    moves, so the rules are checked against exactly the times the engine chose.
    """
    d = c.dispatcher
    for rounds in range(1, max_rounds + 1):
        wake = await d.tick()
        if d.inflight:
            await d.wait_idle()
            continue
        if wake is None:
            # One more round records answers that arrived after the last claim.
            if await d.tick() is None and not d.inflight:
                return rounds
            continue
        if wake > clock.timestamp():
            clock.set(wake)
    raise AssertionError("the engine did not settle")
