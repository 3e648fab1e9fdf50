"""Planner: 100,000 recipients over 50 profiles under caps, cooldown and active hours.

Every distribution mode plans the same campaign (median of 5 runs, ``--quick``: 1); then
round robin plans 1,000, 10,000 and 100,000 recipients to show how the cost per recipient
grows. Run: ``python -m tests.benchmarks.bench_planner [--quick]``.
"""

from __future__ import annotations

import gc
import sys
import time
from datetime import UTC, datetime
from datetime import time as clock_time

from spreader_app.core.models import DistributionMode, Package, WaitingStrategy
from spreader_app.core.planner import plan
from spreader_app.core.rules import ProfileState, RuleChain
from tests.benchmarks.figures import Bound, Figure, median, section_main
from tests.campaign_data import numbers

SECTION = "planner"
RECIPIENTS = 100_000
SIZES = (1_000, 10_000, 100_000)
# A realistic policy that binds: 50 x 700 a day means the plan spans about three days.
PACKAGE = Package(
    id="pkg_bench",
    name="Bench",
    max_messages_per_profile_per_hour=60,
    max_messages_per_profile_per_day=700,
    cooldown_seconds=20,
    active_hours_start=clock_time(8),
    active_hours_end=clock_time(22),
    timezone="Africa/Cairo",
)
# Monday 2025-06-16 09:00 in Cairo: inside the active hours.
START = datetime(2025, 6, 16, 6, 0, tzinfo=UTC).timestamp()


def states(n: int = 50) -> list[ProfileState]:
    """``n`` fresh profiles with varied priorities and weights, as the six modes use them."""
    return [
        ProfileState(
            f"prof_{i:03d}",
            hourly_cap=PACKAGE.max_messages_per_profile_per_hour,
            daily_cap=PACKAGE.max_messages_per_profile_per_day,
            cooldown=float(PACKAGE.cooldown_seconds),
            priority=1 + i % 5,
            weight=1 + i % 4,
        )
        for i in range(n)
    ]


def time_plan(recipients: list[str], mode: DistributionMode, runs: int) -> tuple[float, float]:
    """Median wall and CPU time (s) of ``runs`` plans, each on fresh states and chain."""
    times, cpu = [], []
    for _ in range(runs):
        profiles, chain = states(), RuleChain.for_package(PACKAGE)
        gc.collect()
        started, cpu_started = time.perf_counter(), time.thread_time()
        result = plan(
            recipients,
            profiles,
            chain,
            mode=mode,
            strategy=WaitingStrategy.IMMEDIATE,
            start=START,
        )
        times.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - cpu_started)
        if result.unassigned:
            raise AssertionError(f"{mode}: {result.unassigned} recipients left unplanned")
    return median(times), median(cpu)


def measure(quick: bool) -> list[Figure]:
    runs = 1 if quick else 5
    recipients = numbers(RECIPIENTS)
    figures = []
    for mode in DistributionMode:
        wall, cpu = time_plan(recipients, mode, runs)
        figures.append(
            Figure(
                SECTION,
                f"plan 100k, {mode.value}",
                wall,
                "s",
                Bound("<", 1.0),
                note=f"median of {runs}; CPU {cpu:.2f} s",
            )
        )
    per_recipient: dict[int, float] = {}
    for n in SIZES:
        # Small plans are quick: repeat them so each size is timed over similar work.
        reps = max(runs, RECIPIENTS // n // (20 if quick else 4))
        # CPU time: the per-recipient cost, free of other processes' noise.
        _, cpu = time_plan(recipients[:n], DistributionMode.ROUND_ROBIN, reps)
        per_recipient[n] = cpu / n * 1e6
    base = per_recipient[SIZES[0]]
    for n in SIZES:
        figures.append(
            Figure(
                SECTION,
                f"scaling: CPU per recipient at {n // 1000}k",
                per_recipient[n],
                "us",
                ratio=per_recipient[n] / base,
                baseline="of 1k",
                ratio_target=Bound("<=", 1.5) if n == SIZES[-1] else None,
            )
        )
    return figures


if __name__ == "__main__":
    sys.exit(section_main(measure, __doc__))
