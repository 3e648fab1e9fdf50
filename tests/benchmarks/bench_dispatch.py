"""Dispatch throughput, memory, and how the cost of a send grows with the queue.

Throughput: 50 profiles with no cooldown, caps as high as allowed and all-day hours; the
fake gateway answers in 20 ms from its own process, so the bound is 50 / 0.020 s = 2,500
sends/s. A 100,000-recipient campaign is accepted through the API, then sends are counted
over 30 s (``--quick``: 5 s) after a warm-up. Its baseline, measured in the same run on the
same gateway: 50 workers posting the same form through a bare aiohttp session as fast as
the gateway answers (``tests.benchmarks.bare_client``), and ``ZentraClient`` alone.
Resident memory is read from ``/proc``: idle (engine and API started, nothing queued),
right after the campaign is accepted, and at its highest during the window. Scaling:
fresh engines with 1,000, 10,000 and 100,000 recipients queued; the engine's CPU time per
send over the first 2,000 sends (``--quick``: 300) on the same fake. Decision records: the
same throughput with records and quiet hours (open at the time of the run) on, against both
off, alternated. Profile: the engine's CPU per send split by layer beside the bare client's
and ``ZentraClient``'s alone (``tests.benchmarks.profile_dispatch``), in the notes.
Run: ``python -m tests.benchmarks.bench_dispatch [--quick]``.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
from contextlib import nullcontext
from datetime import datetime, timedelta
from unittest.mock import patch
from zoneinfo import ZoneInfo

from spreader_app.core.decision import ExclusionBook
from spreader_app.core.services.sending import read_open_request
from tests.benchmarks.bare_client import bare_rate, client_rate
from tests.benchmarks.bench_accept import post_open
from tests.benchmarks.figures import Bound, Figure, median, section_main
from tests.benchmarks.harness import (
    LATENCY_MS,
    PROFILES,
    LoopLag,
    SendCounter,
    cpu_seconds,
    devices,
    engine,
    gateway,
    make_package,
    peak_rss_mb,
    rss_mb,
)
from tests.benchmarks.profile_dispatch import DispatchProfile, profile_dispatch
from tests.campaign_data import numbers
from tests.serve_process import FakeProcess

SECTION = "dispatch"
RECIPIENTS = 100_000
BOUND = PROFILES / (LATENCY_MS / 1000)
SIZES = (1_000, 10_000, 100_000)


async def sample_rss(samples: list[float], period: float = 0.5) -> None:
    while True:
        samples.append(rss_mb())
        await asyncio.sleep(period)


async def throughput(gw: FakeProcess, window: float) -> list[Figure]:
    bare = await bare_rate(gw.url, window)
    client = await client_rate(gw.url, window)
    async with engine(gw.url) as e:
        c = e.container
        package_id = await make_package(c, devices(PROFILES))
        gc.collect()
        await asyncio.sleep(1.0)
        idle = rss_mb()
        counter = SendCounter()
        c.events.subscribe(counter)
        body = json.dumps({"text": "Big sale", "recipients": numbers(RECIPIENTS)}).encode()
        await asyncio.to_thread(post_open, e.server.url, package_id, body)
        del body
        queued = rss_mb()
        samples: list[float] = [queued]
        sampler = asyncio.create_task(sample_rss(samples))
        # Warm-up: every device has had a few round trips and the pool is full.
        await counter.wait_for(10 * PROFILES, 120)
        lag = LoopLag()
        sent, cpu, gw_cpu = counter.sent, cpu_seconds(), cpu_seconds(gw.pid)
        started = time.perf_counter()
        await lag.run(window)
        elapsed = time.perf_counter() - started
        rate = (counter.sent - sent) / elapsed
        engine_cpu = (cpu_seconds() - cpu) / elapsed
        gateway_cpu = (cpu_seconds(gw.pid) - gw_cpu) / elapsed
        sampler.cancel()
        peak = max(samples)
        failures = counter.other
    return [
        Figure(
            SECTION,
            f"sends/s sustained over {window:.0f} s",
            rate,
            "/s",
            Bound(">=", 2000),
            ratio=rate / bare,
            baseline=f"of a bare aiohttp client ({bare:,.0f}/s)",
            ratio_target=Bound(">=", 0.9),
            note=(
                f"{rate / BOUND:.2f}x of the bound {BOUND:,.0f}/s; engine CPU {engine_cpu:.0%} "
                f"of a core, gateway CPU {gateway_cpu:.0%}; {failures} non-sent outcomes"
            ),
        ),
        Figure(
            SECTION,
            "ZentraClient alone, 50 workers",
            client,
            "/s",
            ratio=client / bare,
            baseline=f"of a bare aiohttp client ({bare:,.0f}/s)",
            note="the gateway client without the engine: what the HTTP layer costs",
        ),
        Figure(
            SECTION,
            "sends per engine CPU-second",
            rate / engine_cpu if engine_cpu > 0 else float("nan"),
            "/s",
            note=(
                "the rate one fully available core would allow at this CPU cost per send: "
                "a ceiling that does not depend on other processes"
            ),
        ),
        Figure(
            SECTION,
            "headless loop lag p99 (10 ms sleep)",
            lag.p99,
            "ms",
            note=f"median {median(lag.lags_ms):.1f} ms, max {max(lag.lags_ms):.0f} ms",
        ),
        Figure(SECTION, "RSS idle", idle, "MB"),
        Figure(
            SECTION,
            "RSS with 100k queued",
            peak,
            "MB",
            Bound("<", 250),
            ratio=peak / idle,
            baseline="of idle",
            note=(
                f"highest sample during dispatch; {queued:.0f} MB right after the 202, "
                f"process peak (VmHWM, includes accepting) {peak_rss_mb():.0f} MB"
            ),
        ),
    ]


def _open_now_window() -> str:
    """Quiet hours that leave Cairo's recipients open for the next hours, whenever it runs."""
    cairo = datetime.now(ZoneInfo("Africa/Cairo"))
    start = cairo + timedelta(hours=6)
    return f"{start:%H:%M}-{start + timedelta(hours=1):%H:%M}"


async def rate_with(gw: FakeProcess, window: float, *, records: bool) -> float:
    """Sends/s sustained with decision records and quiet hours (open now) on, or both off."""
    policy: dict[str, object] = {"recipient_quiet_hours": _open_now_window() if records else None}
    with patch.object(ExclusionBook, "record", _no_record) if not records else nullcontext():
        async with engine(gw.url) as e:
            c = e.container
            package_id = await make_package(c, devices(PROFILES), **policy)
            counter = SendCounter()
            c.events.subscribe(counter)
            body = json.dumps({"text": "Big sale", "recipients": numbers(RECIPIENTS)}).encode()
            await asyncio.to_thread(post_open, e.server.url, package_id, body)
            await counter.wait_for(10 * PROFILES, 120)
            sent, started = counter.sent, time.perf_counter()
            await asyncio.sleep(window)
            return (counter.sent - sent) / (time.perf_counter() - started)


def _no_record(*_: object) -> str:
    return ""


async def records_figure(gw: FakeProcess, window: float, runs: int) -> Figure:
    """Throughput with decision records on against the same run with them off, alternated."""
    on: list[float] = []
    off: list[float] = []
    for _ in range(runs):
        off.append(await rate_with(gw, window, records=False))
        on.append(await rate_with(gw, window, records=True))
    with_records, without = median(on), median(off)
    return Figure(
        SECTION,
        "sends/s with decision records and quiet hours",
        with_records,
        "/s",
        ratio=with_records / without,
        baseline=f"of the same without them ({without:,.0f}/s)",
        ratio_target=Bound(">=", 0.95),
        note=f"median of {runs} alternated runs of {window:.0f} s each",
    )


async def cost_per_send(gw: FakeProcess, n: int, sends: int) -> tuple[float, float, float]:
    """CPU ms per send over the first ``sends`` sends with ``n`` queued; also accept CPU
    µs per recipient and the wall ms per send."""
    async with engine(gw.url) as e:
        c = e.container
        package_id = await make_package(c, devices(PROFILES))
        counter = SendCounter()
        c.events.subscribe(counter)
        req = read_open_request({"text": "Big sale", "recipients": numbers(n)})
        gc.collect()
        cpu = cpu_seconds()
        await c.sending.send_open(package_id, req)
        accept = cpu_seconds() - cpu
        # The first sends may be recorded while the campaign is still being accepted: they
        # are not timed, and the wait is for as many as the rest of the campaign can give
        # (waiting for all of a 1,000-recipient campaign after missing some never ended).
        sends = min(sends, n - counter.sent)
        counter.sent = 0
        cpu, started = cpu_seconds(), time.perf_counter()
        await counter.wait_for(sends, 600)
        return (
            (cpu_seconds() - cpu) / sends * 1000,
            accept / n * 1e6,
            (time.perf_counter() - started) / sends * 1000,
        )


def profile_figures(found: DispatchProfile) -> list[Figure]:
    """The CPU per send of the engine and of ``ZentraClient`` alone beside the bare
    client's, with the engine's split by layer (``profile_dispatch``) in the notes."""
    bare = found.bare.total_us
    return [
        Figure(
            SECTION,
            "CPU per send, engine (by layer in the notes)",
            found.engine.total_us,
            "us",
            ratio=found.engine.total_us / bare,
            baseline=f"of a bare aiohttp client's ({bare:.0f} us)",
            note=found.summary(),
        ),
        Figure(
            SECTION,
            "CPU per send, ZentraClient alone",
            found.client.total_us,
            "us",
            ratio=found.client.total_us / bare,
            baseline=f"of a bare aiohttp client's ({bare:.0f} us)",
        ),
    ]


async def measure_async(quick: bool) -> list[Figure]:
    window = 5.0 if quick else 30.0
    with gateway(devices(PROFILES)) as gw:
        figures = await throughput(gw, window)
        figures += profile_figures(await profile_dispatch(gw.url, max(4.0, window / 3)))
        figures.append(await records_figure(gw, window, 1 if quick else 3))
        costs = {n: await cost_per_send(gw, n, min(n, 300 if quick else 2000)) for n in SIZES}
    base, base_accept = costs[SIZES[0]][0], costs[SIZES[0]][1]
    for n, (per_send, accept, wall) in costs.items():
        last = n == SIZES[-1]
        figures.append(
            Figure(
                SECTION,
                f"scaling: CPU per send, {n // 1000}k queued",
                per_send,
                "ms",
                ratio=per_send / base,
                baseline="of 1k",
                ratio_target=Bound("<=", 1.5) if last else None,
                note=f"wall {wall:.2f} ms per send",
            )
        )
        figures.append(
            Figure(
                SECTION,
                f"scaling: accept CPU per recipient, {n // 1000}k",
                accept,
                "us",
                ratio=accept / base_accept,
                baseline="of 1k",
            )
        )
    return figures


def measure(quick: bool) -> list[Figure]:
    return asyncio.run(measure_async(quick))


if __name__ == "__main__":
    sys.exit(section_main(measure, __doc__))
