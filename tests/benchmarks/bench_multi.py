"""Dispatch rate of 1, 2 and 4 ``spreader serve`` processes sharing one PostgreSQL.

Each run gets a new database, the fake gateway (20 ms per call, its own process) with 50
devices, and N engines started as real processes with one vault key. A campaign of 40,000
recipients is accepted through the first engine; once every engine holds its share of the
devices (leases rebalance within a couple of heartbeats) and the sends are warm, the sends
recorded ``sent`` in the database are counted over 30 s (``--quick``: 8 s). The figures
say how the work spreads, not how it scales on this machine: every engine shares the same
two cores with the gateway and PostgreSQL. Run: ``python -m tests.benchmarks.bench_multi``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import create_engine, func, select

from spreader_app.storage.orm import DeliveryRow, DeviceLeaseRow, InstanceRow
from tests.benchmarks.figures import Figure, section_main
from tests.benchmarks.harness import LATENCY_MS, PROFILES, cpu_seconds, devices, postgres
from tests.campaign_data import FAST, numbers
from tests.serve_process import Processes, ServeProcess, wait_until

SECTION = "multi"
RECIPIENTS = 40_000
ENGINES = (1, 2, 4)


def _setup(first: ServeProcess) -> str:
    """A package of ``PROFILES`` devices through the first engine's API; its id."""
    with first.client() as c:
        r = c.post("/api/v1/packages", json={"name": "Bench", **FAST})
        r.raise_for_status()
        package_id = str(r.json()["id"])
        for uuid, token in devices(PROFILES).items():
            body = {"name": uuid, "zentra_uuid": uuid, "zentra_api_token": token}
            body["daily_message_limit"] = 100_000
            c.post(f"/api/v1/packages/{package_id}/profiles", json=body).raise_for_status()
        body = {"text": "Big sale", "recipients": numbers(RECIPIENTS)}
        c.post(f"/api/v1/packages/{package_id}/messages/open", json=body).raise_for_status()
    return package_id


def _counter(url: str) -> tuple[Callable[[], int], Callable[[], list[int]], Callable[[], None]]:
    """Reads of the shared database: sends so far, devices held per live engine; and close."""
    engine = create_engine(url)

    def sent() -> int:
        with engine.connect() as conn:
            q = select(func.count()).where(DeliveryRow.status == "sent")
            return int(conn.execute(q).scalar_one())

    def shares() -> list[int]:
        with engine.connect() as conn:
            held = conn.execute(
                select(func.count())
                .select_from(DeviceLeaseRow)
                .join(InstanceRow, InstanceRow.id == DeviceLeaseRow.instance_id)
                .group_by(DeviceLeaseRow.instance_id)
            ).scalars()
            return sorted(int(n) for n in held)

    return sent, shares, engine.dispose


def run(n: int, window: float) -> tuple[float, float, list[int]]:
    """Sends/s of ``n`` engines, their CPU in cores, and the devices each held."""
    url = postgres().create_database()
    with tempfile.TemporaryDirectory(prefix="spreader-multi-") as tmp:
        procs = Processes(Path(tmp))
        sent, shares, close = _counter(url)
        try:
            fake = procs.fake(devices(PROFILES), latency_ms=LATENCY_MS)
            key = Fernet.generate_key().decode()
            serves = []
            for _ in range(n):
                serve = procs.serve(fake, SPREADER_DATABASE_URL=url)
                serve.master_key = key
                serve.start()
                serves.append(serve)
            _setup(serves[0])
            share = PROFILES // n
            wait_until(lambda: len(shares()) == n and min(shares()) >= share, 60, "even shares")
            wait_until(lambda: sent() >= 10 * PROFILES, 120, "warm sends")
            before, cpu = sent(), sum(cpu_seconds(s.pid) for s in serves)
            started = time.perf_counter()
            time.sleep(window)
            elapsed = time.perf_counter() - started
            rate = (sent() - before) / elapsed
            cores = (sum(cpu_seconds(s.pid) for s in serves) - cpu) / elapsed
            held = shares()
        finally:
            close()
            procs.close()
            postgres().drop_database(url)
    return rate, cores, held


def measure(quick: bool) -> list[Figure]:
    window = 8.0 if quick else 30.0
    results = {n: run(n, window) for n in ENGINES}
    base = results[1][0]
    return [
        Figure(
            SECTION,
            f"sends/s, {n} engine{'s' if n > 1 else ''} on one PostgreSQL",
            rate,
            "/s",
            ratio=rate / base,
            baseline="of 1 engine",
            note=f"engines' CPU {cores:.0%} of a core in all; devices held {held}",
        )
        for n, (rate, cores, held) in results.items()
    ]


if __name__ == "__main__":
    sys.exit(section_main(measure, __doc__))
