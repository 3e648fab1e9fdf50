"""Where the engine's CPU per send goes, layer by layer, beside a bare aiohttp client's.

The dispatch section measures the engine's CPU per send without a profiler, per thread
(the event loop and the database thread); a second, shorter window of the same campaign
runs under ``cProfile`` on both threads with a per-thread CPU clock as its timer, so time
spent waiting (``epoll``, the database queue) is not counted. Each function's own time goes
to the layer of its file; the time of a function that belongs to no layer (a builtin such
as ``socket.send``, ``dataclasses.replace``, ``logging``) is split among its callers in
the proportion the profile recorded, up the call graph until a layer is found. The shares
of each thread are then applied to that thread's unprofiled CPU per send, so the profiler's
own overhead does not inflate the total (it still weighs small Python calls a little more
than C ones).

The bare client (``bare_client.bare_rate``) gets the same treatment, so the two columns
are comparable: what the engine spends beyond the bare client is what its layers add.
Run alone: ``python -m tests.benchmarks.profile_dispatch [--quick]`` prints the table.
"""

from __future__ import annotations

import asyncio
import cProfile
import json
import os
import pstats
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spreader_app.storage.database import Database
from spreader_app.storage.orm import AttemptRow
from tests.benchmarks.bare_client import bare_rate, client_rate
from tests.benchmarks.bench_accept import post_open
from tests.benchmarks.figures import median
from tests.benchmarks.harness import (
    PROFILES,
    SendCounter,
    devices,
    engine,
    gateway,
    make_package,
)
from tests.campaign_data import numbers

HTTP = "HTTP client"
STORAGE = "storage"
CORE = "core engine"
EVENTS = "events"
LOOP = "asyncio"
HARNESS = "benchmark harness"
OTHER = "other"
LAYERS = (HTTP, STORAGE, CORE, EVENTS, LOOP, HARNESS, OTHER)

# Files by path fragment, first match wins. The HTTP layer is the gateway client and the
# libraries under it; storage is the stores, SQLAlchemy and the drivers (their C calls are
# builtins, named below); the loop is asyncio itself, its transports and selectors.
_FILES: tuple[tuple[str, str], ...] = (
    ("spreader_app/zentra/", HTTP),
    ("spreader_app/core/events.py", EVENTS),
    ("spreader_app/core/", CORE),
    ("spreader_app/storage/", STORAGE),
    ("spreader_app/bootstrap.py", EVENTS),  # its event subscriber (tell_others)
    ("tests/benchmarks/bare_client.py", HTTP),  # the baselines' own send functions
    ("tests/benchmarks/", HARNESS),
    ("/aiohttp/", HTTP),
    ("/httpx/", HTTP),
    ("/yarl/", HTTP),
    ("/multidict/", HTTP),
    ("/aiohappyeyeballs/", HTTP),
    ("/propcache/", HTTP),
    ("/sqlalchemy/", STORAGE),
    ("/psycopg/", STORAGE),
    ("/asyncio/", LOOP),
    ("/selectors.py", LOOP),
)
_BUILTINS: tuple[tuple[str, str], ...] = (
    ("sqlite3.", STORAGE),
    ("psycopg", STORAGE),
    ("select.epoll", LOOP),
    ("_asyncio.", LOOP),
)


def layer_of(func: tuple[str, int, str]) -> str | None:
    """The layer of a profile entry ``(file, line, name)``; ``None``: its callers decide."""
    filename, _, name = func
    if filename == "~":
        return next((layer for part, layer in _BUILTINS if part in name), None)
    path = filename.replace(os.sep, "/")
    return next((layer for part, layer in _FILES if part in path), None)


def split_layers(stats: Mapping[Any, Any], overhead: float = 0.0) -> dict[str, float]:
    """Seconds of own time per layer in ``pstats.Stats.stats``, less ``overhead`` seconds
    per profiler event (``_events``); unclassified own time is shared among the callers by
    the time spent in the function from each of them."""
    memo: dict[Any, dict[str, float]] = {}

    def mix(func: Any, depth: int) -> dict[str, float]:
        layer = layer_of(func)
        if layer is not None:
            return {layer: 1.0}
        if func in memo:
            return memo[func]
        memo[func] = {OTHER: 1.0}  # a recursion through unclassified code ends here
        callers = stats[func][4] if func in stats else {}
        weights = {c: v[2] + v[3] for c, v in callers.items()}
        total = sum(weights.values())
        if depth > 40 or not callers or total <= 0:
            return memo[func]
        out: dict[str, float] = {}
        for caller, weight in weights.items():
            for name, share in mix(caller, depth + 1).items():
                out[name] = out.get(name, 0.0) + share * weight / total
        memo[func] = out
        return out

    events = _events(stats)
    seconds = dict.fromkeys(LAYERS, 0.0)
    for func, (_, _, own, _, _) in stats.items():
        own = max(0.0, own - overhead * events[func])
        for name, share in mix(func, 0).items():
            seconds[name] += own * share
    return seconds


def _events(stats: Mapping[Any, Any]) -> dict[Any, int]:
    """Profiler events charged to each function's own time: its own calls and the calls it
    makes (the profiler's bookkeeping around a call runs partly in the caller's time)."""
    out = {func: v[1] for func, v in stats.items()}
    for v in stats.values():
        for caller, (calls, *_) in v[4].items():
            out[caller] = out.get(caller, 0) + calls
    return out


def calibrated(stats: Mapping[Any, Any], cpu: float) -> dict[str, float]:
    """``split_layers`` less the profiler's own cost: the cost per event that brings the
    profiled own time down to ``cpu``, the seconds the same work takes without it."""
    own = sum(v[2] for v in stats.values())
    events = _events(stats)
    if cpu <= 0 or own <= cpu:
        return split_layers(stats)
    low, high = 0.0, own / max(1, sum(events.values()))
    for _ in range(50):
        mid = (low + high) / 2
        left = sum(max(0.0, v[2] - mid * events[f]) for f, v in stats.items())
        low, high = (mid, high) if left > cpu else (low, mid)
    return split_layers(stats, low)


def thread_cpu() -> dict[int, float]:
    """CPU seconds used so far by each thread of this process, by native thread id."""
    ticks = os.sysconf("SC_CLK_TCK")
    out: dict[int, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        out[int(task.name)] = (int(fields[11]) + int(fields[12])) / ticks
    return out


def _names() -> dict[int, str]:
    """Thread names by native id: the event loop, the database thread, the rest."""
    out: dict[int, str] = {}
    for t in threading.enumerate():
        if t.native_id is None:
            continue
        if t is threading.main_thread():
            out[t.native_id] = LOOP_THREAD
        elif t.name == "spreader-db":
            out[t.native_id] = DB_THREAD
        elif t.name == "spreader-wal":
            out[t.native_id] = WAL_THREAD
    return out


LOOP_THREAD = "loop"
DB_THREAD = "database"
WAL_THREAD = "WAL checkpoints"
REST = "other threads"
# The layer of a thread that is not profiled.
_THREAD_LAYER = {WAL_THREAD: STORAGE}


@dataclass
class Split:
    """Where one run's CPU per send went: µs per send per thread (measured without the
    profiler) and, for the profiled threads, seconds per layer (calibrated)."""

    thread_us: dict[str, float] = field(default_factory=dict)
    layer_us: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def total_us(self) -> float:
        return sum(self.thread_us.values())

    def layers(self) -> dict[str, float]:
        """µs per send per layer over all threads; a thread without a profile counts in
        its own layer (the WAL checkpoints in storage), or else in ``other``."""
        out = dict.fromkeys(LAYERS, 0.0)
        for thread, us in self.thread_us.items():
            split = self.layer_us.get(thread)
            if not split:
                out[_THREAD_LAYER.get(thread, OTHER)] += us
                continue
            scale = us / (sum(split.values()) or 1.0)
            for name, value in split.items():
                out[name] += value * scale
        return out


Counter = Callable[[], Awaitable[int]]


async def measured(window: Awaitable[object], sent: Counter) -> dict[str, float]:
    """µs per send of each thread while ``window`` runs (``sent()`` counts sends)."""
    before, count = thread_cpu(), await sent()
    await window
    after, names, sends = thread_cpu(), _names(), await sent() - count
    out: dict[str, float] = {}
    for tid, cpu in after.items():
        name = names.get(tid, REST)
        out[name] = out.get(name, 0.0) + (cpu - before.get(tid, 0.0)) / max(sends, 1) * 1e6
    return out


async def profiled(
    window: Awaitable[object], sent: Counter, db: Database | None, us: Mapping[str, float]
) -> tuple[dict[str, dict[str, float]], int]:
    """Layers of the loop thread (and of ``db``'s) while ``window`` runs under cProfile,
    each timed by its own thread's CPU clock and calibrated to the CPU per send ``us`` of
    that thread measured without the profiler; and how many dispatch rounds ran."""
    loop_prof = cProfile.Profile(time.thread_time)
    db_prof = cProfile.Profile(time.thread_time)
    count = await sent()
    if db is not None:
        await db.run(lambda _: db_prof.enable())
    loop_prof.enable()
    try:
        await window
    finally:
        loop_prof.disable()
        if db is not None:
            await db.run(lambda _: db_prof.disable())
    sends = await sent() - count
    out = {LOOP_THREAD: _layers(loop_prof, us.get(LOOP_THREAD, 0.0) * sends / 1e6)}
    rounds = 0
    if db is not None:
        out[DB_THREAD] = _layers(db_prof, us.get(DB_THREAD, 0.0) * sends / 1e6)
        stats: dict[Any, Any] = pstats.Stats(db_prof).stats  # type: ignore[attr-defined]
        rounds = sum(v[1] for f, v in stats.items() if f[2] == "dispatch_round")
    return out, rounds


def _layers(prof: cProfile.Profile, cpu: float) -> dict[str, float]:
    return calibrated(pstats.Stats(prof).stats, cpu)  # type: ignore[attr-defined]


def _attempt_times(session: Session, since: float) -> list[tuple[str, float, float]]:
    rows = session.execute(
        select(AttemptRow.profile_id, AttemptRow.started_at, AttemptRow.finished_at)
        .where(AttemptRow.finished_at.is_not(None))
        .order_by(AttemptRow.profile_id, AttemptRow.started_at)
    )
    return [
        (pid, started.timestamp(), finished.timestamp())
        for pid, started, finished in rows
        if finished is not None and started.timestamp() >= since
    ]


async def cycle(db: Database, since: float) -> tuple[float, float]:
    """A device's send cycle since ``since`` (POSIX seconds), from the attempt log, in ms
    (medians): from its claim to its answer, and from its answer to its next claim."""
    rows = await db.run(lambda s: _attempt_times(s, since))
    flights = [(finished - started) * 1000 for _, started, finished in rows]
    waits = [(b[1] - a[2]) * 1000 for a, b in zip(rows, rows[1:], strict=False) if a[0] == b[0]]
    return median(flights), median(waits)


@dataclass
class DispatchProfile:
    """The engine's CPU per send by layer beside the bare client's and ``ZentraClient``'s
    alone, the sends per dispatch round, and a device's send cycle (ms)."""

    engine: Split
    bare: Split
    client: Split
    sends_per_round: float
    in_flight_ms: float
    waiting_ms: float

    def rows(self) -> list[tuple[str, float, float, float]]:
        """``(layer, engine, ZentraClient, bare)`` µs per send, and the totals."""
        e, c, b = self.engine.layers(), self.client.layers(), self.bare.layers()
        rows = [(n, e[n], c[n], b[n]) for n in LAYERS if max(e[n], c[n], b[n]) >= 0.5]
        return [*rows, ("total", self.engine.total_us, self.client.total_us, self.bare.total_us)]

    def summary(self) -> str:
        """One line for the benchmark's notes."""
        layers = "; ".join(f"{n} {e:.0f}/{c:.0f}/{b:.0f}" for n, e, c, b in self.rows())
        threads = ", ".join(
            f"{name} {us:.0f}" for name, us in self.engine.thread_us.items() if us >= 0.5
        )
        return (
            f"CPU us per send by layer, engine/ZentraClient alone/bare aiohttp: {layers} "
            f"(engine by thread: {threads}); {self.sends_per_round:.1f} sends per dispatch "
            f"round; a device waits {self.in_flight_ms:.1f} ms from its claim to its "
            f"answer and {self.waiting_ms:.1f} ms from its answer to its next claim"
        )


async def engine_split(
    zentra_url: str, window: float, profile_window: float
) -> tuple[Split, float, float, float]:
    """The engine dispatching a 100,000-recipient campaign to ``PROFILES`` devices: CPU
    per send per thread, then per layer; sends per round, and the send cycle."""
    async with engine(zentra_url) as e:
        c = e.container
        package_id = await make_package(c, devices(PROFILES))
        counter = SendCounter()
        c.events.subscribe(counter)
        body = json.dumps({"text": "Big sale", "recipients": numbers(100_000)}).encode()
        await asyncio.to_thread(post_open, e.server.url, package_id, body)
        await counter.wait_for(10 * PROFILES, 120)

        async def sent() -> int:
            return counter.sent

        since = time.time()
        split = Split(await measured(asyncio.sleep(window), sent))
        in_flight, waiting = await cycle(c.db, since)
        before = counter.sent
        split.layer_us, rounds = await profiled(
            asyncio.sleep(profile_window), sent, c.db, split.thread_us
        )
        per_round = (counter.sent - before) / max(rounds, 1)
    return split, per_round, in_flight, waiting


Rate = Callable[[str, float], Awaitable[float]]


async def client_split(rate: Rate, zentra_url: str, window: float, profile_window: float) -> Split:
    """A client of ``bare_client`` (``bare_rate`` or ``client_rate``) measured the same
    way; it runs on the loop thread alone."""
    done = 0

    async def sent() -> int:
        return done

    async def run(seconds: float) -> None:
        nonlocal done
        # Its warm-up round (one send per worker) falls in the window too.
        done += round(await rate(zentra_url, seconds) * seconds) + PROFILES

    split = Split(await measured(run(window), sent))
    split.layer_us, _ = await profiled(run(profile_window), sent, None, split.thread_us)
    return split


async def profile_dispatch(zentra_url: str, window: float) -> DispatchProfile:
    """The three, each measured over ``window`` s and profiled over half of it."""
    bare = await client_split(bare_rate, zentra_url, window, window / 2)
    client = await client_split(client_rate, zentra_url, window, window / 2)
    eng, per_round, in_flight, waiting = await engine_split(zentra_url, window, window / 2)
    return DispatchProfile(eng, bare, client, per_round, in_flight, waiting)


async def _main(quick: bool) -> None:
    with gateway(devices(PROFILES)) as gw:
        found = await profile_dispatch(gw.url, 5.0 if quick else 20.0)
    print(f"{'CPU us per send':<18} {'engine':>8} {'client':>8} {'bare':>8}")
    for name, e, c, b in found.rows():
        print(f"{name:<18} {e:8.0f} {c:8.0f} {b:8.0f}")
    print(found.summary())


if __name__ == "__main__":
    asyncio.run(_main("--quick" in sys.argv))
    sys.exit(0)
