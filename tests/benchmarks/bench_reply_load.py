"""Reply overhead against its targets, from ``bench_reply``'s two scenarios.

The reply endpoint's response time minus the gateway's latency, which is measured beside
each reply by the same client calling the gateway directly (see ``tests.benchmarks.bench_reply``),
on an idle engine and while an Open Chat campaign dispatches through the same profiles; the
targets apply to the second, and the first is its baseline. The idle figure has a baseline of
its own: the same client through a bare pass-through to the gateway (same HTTP libraries, no
validation, key, database or routing), the floor any reply path has on this machine. Two
stricter differences are
shown beside them: minus the time the fake's handler held the send, and minus the
configured 20 ms. 300 timed replies per scenario (``--quick``: 100).
Run: ``python -m tests.benchmarks.bench_reply_load [--quick]``.
"""

from __future__ import annotations

import asyncio
import statistics
import sys

from tests.benchmarks import bench_reply
from tests.benchmarks.figures import Bound, Figure, section_main
from tests.benchmarks.harness import LATENCY_MS

SECTION = "reply"


async def measure_async(quick: bool) -> list[Figure]:
    idle, busy, bare = await bench_reply.run_all(100 if quick else 300, LATENCY_MS)
    return [
        Figure(
            SECTION,
            "overhead median, campaign dispatching",
            busy.median,
            "ms",
            Bound("<", 5.0),
            ratio=busy.median / idle.median if idle.median > 0 else None,
            baseline=f"of idle ({idle.median:.2f} ms)",
            note=f"{len(busy.overheads_ms)} replies; {busy.campaign_sent} campaign sends meanwhile",
        ),
        Figure(
            SECTION,
            "overhead p99, campaign dispatching",
            busy.p99,
            "ms",
            Bound("<", 20.0),
            ratio=busy.p99 / idle.p99 if idle.p99 > 0 else None,
            baseline=f"of idle ({idle.p99:.2f} ms)",
        ),
        Figure(
            SECTION,
            "overhead median, idle",
            idle.median,
            "ms",
            ratio=idle.median / bare.median if bare.median > 0 else None,
            baseline=f"of a bare pass-through ({bare.median:.2f} ms)",
            note=(
                f"Spreader's own work {idle.median - bare.median:.2f} ms; the rest is the "
                "extra process hop any reply path pays (tests/benchmarks/passthrough.py)"
            ),
        ),
        Figure(
            SECTION,
            "minus the fake's handler time, median, campaign dispatching",
            statistics.median(busy.over_held_ms),
            "ms",
            note="stricter: the fake's own request parsing and wake-up count as Spreader's",
        ),
        Figure(
            SECTION,
            f"minus the configured {LATENCY_MS:g} ms, median, campaign dispatching",
            statistics.median(busy.over_latency_ms),
            "ms",
            note=f"direct gateway calls took {statistics.median(busy.direct_ms):.2f} ms (median)",
        ),
    ]


def measure(quick: bool) -> list[Figure]:
    return asyncio.run(measure_async(quick))


if __name__ == "__main__":
    sys.exit(section_main(measure, __doc__))
