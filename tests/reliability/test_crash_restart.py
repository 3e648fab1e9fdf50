"""``spreader serve`` killed with SIGKILL at seeded random points of a running campaign and
restarted on the same data folder each time: no recipient is lost, none is sent twice, a
crash leaves at most one ``uncertain`` send per device, and a retry planned before a crash
is not sent earlier after it."""

from __future__ import annotations

import random
import signal
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.campaign_data import numbers
from tests.reliability.conftest import create_package, devices, query
from tests.serve_process import ALARMING, Processes, ServeProcess, wait_until

DEVICES = devices(3)
RETRY_DELAY_MS = 1500
FAULTS = {"server_error": 0.08, "rate_limit": 0.04}
FINAL = ("sent", "failed", "uncertain")
# The shortest lease an engine may take: a dead one is noticed within it.
LEASE_SECONDS = 3


def finished_count(db: Path | str, message_id: str) -> int:
    marks = ",".join("?" * len(FINAL))
    sql = f"SELECT count(*) FROM deliveries WHERE message_id = ? AND status IN ({marks})"
    return int(query(db, sql, message_id, *FINAL)[0][0])


def status_count(db: Path | str, status: str) -> int:
    return int(query(db, "SELECT count(*) FROM deliveries WHERE status = ?", status)[0][0])


def planned_retries(db: Path | str) -> tuple[int, dict[int, float]]:
    """The last attempt id, and each delivery waiting for a retry with its planned time."""
    last = int(query(db, "SELECT coalesce(max(id), 0) FROM delivery_attempts")[0][0])
    rows = query(
        db,
        "SELECT id, not_before FROM deliveries WHERE status = 'pending' AND attempt_count > 0",
    )
    return last, {int(i): float(t) for i, t in rows}


@dataclass
class Crashes:
    """Per kill: sends in flight, and (last attempt id, retries waiting with their time)."""

    in_flight: list[int] = field(default_factory=list)
    waiting: list[tuple[int, dict[int, float]]] = field(default_factory=list)


def crash_and_restart(
    serve: ServeProcess, message_id: str, size: int, kills: int, seed: int
) -> Crashes:
    """Kills the server ``kills`` times at random progress points, restarting it each time."""
    rng = random.Random(seed)
    seen = Crashes()
    for _ in range(kills):
        target = finished_count(serve.db, message_id) + rng.randint(3, 15)

        def reached(target: int = target) -> bool:
            # Prefer a kill point with a retry waiting, so the crash has a schedule to keep.
            done = finished_count(serve.db, message_id)
            return done >= target + 10 or (done >= target and bool(planned_retries(serve.db)[1]))

        wait_until(reached, 120, "progress with a retry waiting")
        time.sleep(rng.uniform(0.0, 0.03))
        seen.waiting.append(planned_retries(serve.db))
        assert serve.stop(signal.SIGKILL) == -signal.SIGKILL
        flying = status_count(serve.db, "sending")
        # One gateway call at a time per device: at most one send per device in flight.
        assert flying <= len(DEVICES), f"{flying} sends in flight at the crash"
        uncertain = status_count(serve.db, "uncertain")
        assert finished_count(serve.db, message_id) < size, "the campaign ended before the kill"
        serve.start()
        # Recovery marks exactly the sends that were in flight, and nothing else: at once on
        # SQLite (one engine holds the file); on PostgreSQL once the dead engine's lease has
        # expired, as another engine would see it (``SPREADER_LEASE_SECONDS``, 3 s here).
        expected = uncertain + flying
        wait_until(
            lambda expected=expected: status_count(serve.db, "uncertain") >= expected,
            LEASE_SECONDS * 3,
            "recovery of the sends in flight",
        )
        assert status_count(serve.db, "uncertain") == expected
        seen.in_flight.append(flying)
    return seen


def run(processes: Processes, size: int, kills: int, seed: int) -> None:
    fake = processes.fake(DEVICES, latency_ms=30, faults=FAULTS)
    serve = processes.serve(fake, SPREADER_LEASE_SECONDS=str(LEASE_SECONDS))
    serve.start()
    recipients = numbers(size)
    with serve.client() as c:
        package_id, _ = create_package(c, DEVICES, retry_attempts=5, retry_delay_ms=RETRY_DELAY_MS)
        r = c.post(
            f"/api/v1/packages/{package_id}/messages/open",
            json={"text": "Sale", "recipients": recipients},
        )
        assert r.status_code == 202, r.text
        message_id = r.json()["message_id"]
    started = time.monotonic()
    seen = crash_and_restart(serve, message_id, size, kills, seed)
    wait_until(lambda: finished_count(serve.db, message_id) == size, 300, "the campaign")
    with serve.client() as c:
        done = c.get(f"/api/v1/packages/{package_id}/messages/{message_id}").json()
    elapsed = time.monotonic() - started
    assert serve.stop(signal.SIGTERM) == 0
    assert not [
        line for line in serve.logs[-1].read_text().splitlines() if any(a in line for a in ALARMING)
    ]

    # Nothing lost: every recipient is final and the message finished.
    rows = query(
        serve.db, "SELECT id, recipient, status FROM deliveries WHERE message_id = ?", message_id
    )
    statuses = Counter(s for _, _, s in rows)
    assert sorted(r for _, r, _ in rows) == sorted(recipients)
    assert set(statuses) <= set(FINAL), statuses
    assert done["finished_at"] is not None and done["processed_count"] == size
    # Nothing sent twice, and the app's account matches the gateway's.
    report = fake.report()
    delivered = Counter("+" + m["recipient"] for m in report["received"])
    assert max(delivered.values()) == 1, [n for n, k in delivered.items() if k > 1]
    sent = {r for _, r, s in rows if s == "sent"}
    uncertain = {r for _, r, s in rows if s == "uncertain"}
    assert sent <= set(delivered) <= sent | uncertain
    assert len(uncertain) == sum(seen.in_flight) <= len(DEVICES) * kills
    # An uncertain send is never tried again.
    calls = query(
        serve.db,
        "SELECT a.id, a.delivery_id, a.started_at, a.finished_at, a.outcome "
        "FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id "
        "WHERE d.message_id = ? ORDER BY a.id",
        message_id,
    )
    chains: dict[int, list[tuple[int, float, float, str]]] = defaultdict(list)
    for aid, did, start, end, outcome in calls:
        chains[did].append((aid, start, end, outcome))
    for chain in chains.values():
        assert all(c[3] != "uncertain" for c in chain[:-1])
    # Retries keep their back-off, and a retry planned before a crash keeps its time.
    kept = 0
    for last, plan in seen.waiting:
        for did, not_before in plan.items():
            later = [c for c in chains[did] if c[0] > last]
            if later:
                kept += 1
                assert later[0][1] >= not_before - 1e-3, "a retry was sent early after a crash"
    for chain in chains.values():
        failures = 0
        for before, after in zip(chain, chain[1:], strict=False):
            if before[3] in ("transient", "rate_limited"):
                failures += 1
                wait = RETRY_DELAY_MS / 1000 * 2 ** (failures - 1)
                assert after[1] - before[2] >= wait - 1e-3
    print(
        f"\n{size} recipients, {kills} kills in {elapsed:.0f} s: {dict(statuses)}; "
        f"in flight at each kill {seen.in_flight}; retries waiting across a crash {kept}; "
        f"gateway attempts {len(report['attempts'])}"
    )


@pytest.mark.timeout(600)
def test_crash_restart_short_loses_nothing_and_sends_nothing_twice(
    processes: Processes,
) -> None:
    run(processes, size=120, kills=3, seed=31)


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_crash_restart_long_loses_nothing_and_sends_nothing_twice(
    processes: Processes,
) -> None:
    run(processes, size=400, kills=10, seed=1031)
