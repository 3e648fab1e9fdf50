"""Accepting a big campaign: ``POST .../messages/open`` with 100,000 recipients until 202.

Each run starts a fresh engine (dispatcher running, fake gateway with 50 devices in its own
process), creates a 50-profile package with caps and cooldown, and times the request from
a client thread. Beside it, on the same file system, the same 100,000 delivery rows (read
back from the engine's database, every column it wrote) are inserted with one bare
``sqlite3`` ``executemany`` in one transaction, into a fresh copy of the schema and into a
table of the same columns without indexes: the floor any accept path pays (on SQLite; on
PostgreSQL the accept time stands alone). The ratio target applies to the unindexed one.
Median of 5 runs (``--quick``: 1).
Run: ``python -m tests.benchmarks.bench_accept [--quick]``.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
import time
from pathlib import Path

import httpx

from spreader_app.storage import migrate
from spreader_app.storage.database import _sqlite_pragmas, make_engine
from spreader_app.storage.orm import DeliveryRow
from tests.benchmarks.figures import Bound, Figure, median, section_main
from tests.benchmarks.harness import (
    API_KEY,
    PROFILES,
    cpu_seconds,
    devices,
    engine,
    gateway,
    make_package,
)
from tests.campaign_data import numbers

SECTION = "accept"
RECIPIENTS = 100_000
POLICY = {
    "max_messages_per_profile_per_hour": 60,
    "max_messages_per_profile_per_day": 700,
    "cooldown_seconds": 20,
    # A new package's default: every recipient gets a zone and a decision record.
    "recipient_quiet_hours": "21:00-09:00",
}
COLUMNS = [c.name for c in DeliveryRow.__table__.columns if c.name != "id"]


def post_open(url: str, package_id: str, body: bytes) -> tuple[float, httpx.Response]:
    """Seconds from sending the request to the whole 202 answer; runs in a client thread."""
    headers = {"X-API-Key": API_KEY, "Content-Type": "application/json"}
    with httpx.Client(base_url=url, headers=headers, timeout=300) as client:
        client.get("/health")  # connect before the clock starts
        started = time.perf_counter()
        response = client.post(f"/api/v1/packages/{package_id}/messages/open", content=body)
        elapsed = time.perf_counter() - started
    if response.status_code != 202:
        raise RuntimeError(f"open chat answered {response.status_code}: {response.text[:500]}")
    return elapsed, response


def bare_insert(app_db: Path, baseline_db: Path, message_id: str) -> tuple[float, ...]:
    """Wall and CPU seconds of one ``executemany`` of the message's delivery rows into a
    fresh copy of the schema, then of the same into a table of the same columns with no
    index and no constraint."""
    schema = make_engine(f"sqlite:///{baseline_db}")
    migrate.upgrade(schema)
    schema.dispose()
    conn = sqlite3.connect(baseline_db, isolation_level=None)
    try:
        _sqlite_pragmas(conn, None)
        conn.execute("ATTACH DATABASE ? AS app", (str(app_db),))
        # The rows the deliveries point to, so foreign keys are checked as in the engine.
        for table in ("packages", "profiles"):
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM app.{table}")
        conn.execute(
            "INSERT INTO main.messages SELECT * FROM app.messages WHERE id = ?", (message_id,)
        )
        cols = ", ".join(COLUMNS)
        rows = conn.execute(
            f"SELECT {cols} FROM app.deliveries WHERE message_id = ? ORDER BY id", (message_id,)
        ).fetchall()
        conn.execute("DETACH DATABASE app")
        if len(rows) != RECIPIENTS:
            raise RuntimeError(f"expected {RECIPIENTS} delivery rows, found {len(rows)}")
        conn.execute(f"CREATE TABLE plain ({cols})")
        timed: list[float] = []
        for table in ("deliveries", "plain"):
            insert = f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(COLUMNS))})"
            started, cpu = time.perf_counter(), time.thread_time()
            conn.execute("BEGIN")
            conn.executemany(insert, rows)
            conn.execute("COMMIT")
            timed += [time.perf_counter() - started, time.thread_time() - cpu]
        return tuple(timed)
    finally:
        conn.close()


async def one_run(url: str, body: bytes) -> tuple[float, float, tuple[float, ...]]:
    """Wall and CPU seconds of the engine process to the 202, then those of the bare
    inserts (``bare_insert``; none on PostgreSQL)."""
    devs = devices(PROFILES)
    async with engine(url) as e:
        package_id = await make_package(e.container, devs, **POLICY)
        cpu = cpu_seconds()
        elapsed, response = await asyncio.to_thread(post_open, e.server.url, package_id, body)
        used = cpu_seconds() - cpu
        answer = response.json()
        if answer["accepted"] != RECIPIENTS:
            raise RuntimeError(f"accepted {answer['accepted']} of {RECIPIENTS}")
        if not e.container.settings.database_url.startswith("sqlite"):
            return elapsed, used, ()
        app_db = e.data_dir / "spreader.db"
        floors = await asyncio.to_thread(
            bare_insert, app_db, e.data_dir / "baseline.db", answer["message_id"]
        )
    return elapsed, used, floors


async def measure_async(quick: bool) -> list[Figure]:
    runs = 1 if quick else 5
    body = json.dumps({"text": "Big sale this week", "recipients": numbers(RECIPIENTS)}).encode()
    accepted, cpu = [], []
    floors: list[tuple[float, ...]] = []
    with gateway(devices(PROFILES)) as gw:
        for _ in range(runs):
            elapsed, used, floor = await one_run(gw.url, body)
            accepted.append(elapsed)
            cpu.append(used)
            if floor:
                floors.append(floor)
    accept, accept_cpu = median(accepted), median(cpu)
    times = f"median of {runs}: " + ", ".join(f"{t:.2f}" for t in accepted) + " s; "
    if not floors:
        note = f"{times}CPU of the engine process meanwhile {accept_cpu:.2f} s"
        return [Figure(SECTION, "POST open 100k -> 202", accept, "s", Bound("<", 3.0), note=note)]
    bare, bare_cpu, plain, plain_cpu = (median([f[i] for f in floors]) for i in range(4))
    return [
        Figure(
            SECTION,
            "POST open 100k -> 202",
            accept,
            "s",
            Bound("<", 3.0),
            ratio=accept / plain,
            baseline=f"of bare executemany, unindexed table ({plain:.2f} s)",
            ratio_target=Bound("<=", 5.0),
            note=(
                f"{times}CPU of the engine process meanwhile {accept_cpu:.2f} s, "
                f"{accept_cpu / plain_cpu:.1f}x the unindexed insert's CPU; "
                f"{accept / bare:.1f}x the insert into the real schema"
            ),
        ),
        Figure(
            SECTION,
            "bare sqlite3 executemany 100k rows, real schema",
            bare,
            "s",
            note=f"CPU {bare_cpu:.2f} s (the deliveries table with its indexes and keys)",
        ),
        Figure(
            SECTION,
            "bare sqlite3 executemany 100k rows, unindexed table",
            plain,
            "s",
            note=f"CPU {plain_cpu:.2f} s",
        ),
    ]


def measure(quick: bool) -> list[Figure]:
    return asyncio.run(measure_async(quick))


if __name__ == "__main__":
    sys.exit(section_main(measure, __doc__))
