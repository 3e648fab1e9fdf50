"""When a gateway failure that passes with time is tried again on the same profile.

Which failures those are is ``core.outcomes.OUTCOMES`` (``retry``): ``transient`` and
``rate_limited``.
"""

from __future__ import annotations

import math
import random

# Positive jitter on top of the exponential delay: up to this share of it.
BACKOFF_JITTER = 0.25


def backoff_seconds(
    attempt: int,
    base_ms: int,
    rng: random.Random,
    *,
    retry_after: float | None = None,
    cap: float = 3600,
) -> float:
    """Seconds to wait before retry number ``attempt`` (1 = the first retry).

    ``base_ms * 2**(attempt - 1)`` milliseconds plus a jitter drawn from ``rng`` of up to
    25 % of that (never negative), at least ``retry_after`` seconds when the gateway asked
    for it, and at most ``cap`` seconds (the cap wins over a longer ``retry_after``, so a
    bogus header cannot park a delivery for days).

    Raises ``ValueError`` when ``attempt < 1``, ``base_ms < 0`` or ``cap < 0``.
    """
    if attempt < 1:
        raise ValueError(f"attempt counts retries from 1, got {attempt}")
    if base_ms < 0:
        raise ValueError(f"base_ms must be 0 or more milliseconds, got {base_ms}")
    if not cap >= 0:
        raise ValueError(f"cap must be 0 or more seconds, got {cap}")
    # Past 2**60 the delay is beyond any cap; stop there instead of overflowing.
    delay = base_ms / 1000.0 * 2.0 ** min(attempt - 1, 60)
    delay += rng.uniform(0.0, BACKOFF_JITTER * delay)
    if retry_after is not None and math.isfinite(retry_after):
        delay = max(delay, retry_after)
    return min(delay, cap)
