"""Two ``spreader serve`` processes on one PostgreSQL share a campaign; one is killed.

400 recipients over 5 devices with a 100/h cap and a 1 s cooldown. Both engines run on a
clock three times faster than the real one (``tests.fakes.scaled_serve``, same origin, so
they agree on the time); every limit below is checked at the fake gateway, in that time.
"Final" means a delivery will never change again by itself: ``sent``, ``failed`` or
``uncertain`` (the killed engine's calls in flight; never re-sent).
"""

from __future__ import annotations

import signal
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.fernet import Fernet

from tests.campaign_data import FAST, numbers
from tests.integration.test_serve_blackbox import deliveries, message
from tests.postgres import PostgresServer
from tests.serve_process import ALARMING, Processes, ServeProcess, wait_until

SPEED = 3.0
DEVICES = {f"dev-{n}": f"token-{n}-{n}{n}{n}{n}-secret" for n in range(5)}
RECIPIENTS = 400
CAP = 100
COOLDOWN = 1.0
FINAL = {"sent", "failed", "uncertain"}
# How much the time from claim to gateway varies between two calls on a busy two-CPU machine
# (measured: up to 66 ms for a device's first call, which opens a connection), in real s.
# Two engines dispatching one device would show gaps near 0; the claims' own spacing is
# checked exactly, from the sending times the engines logged.
NOISE = 0.07


@pytest.fixture
def procs(tmp_path: Path) -> Iterator[Processes]:
    processes = Processes(tmp_path)
    try:
        yield processes
    finally:
        processes.close()


@pytest.fixture
def shared_url(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.create_database()
    try:
        yield url
    finally:
        postgres_server.drop_database(url)


def _package(c: httpx.Client) -> str:
    policy = {
        **FAST,
        "cooldown_seconds": int(COOLDOWN),
        "max_messages_per_profile_per_hour": CAP,
        "retry_failed_messages": False,
    }
    r = c.post("/api/v1/packages", json={"name": "Shop", **policy})
    assert r.status_code == 201, r.text
    package_id = str(r.json()["id"])
    for uuid, token in DEVICES.items():
        body = {"name": uuid, "zentra_uuid": uuid, "zentra_api_token": token}
        r = c.post(f"/api/v1/packages/{package_id}/profiles", json=body)
        assert r.status_code == 201, r.text
    return package_id


def _engines(procs: Processes, url: str, n: int) -> list[ServeProcess]:
    fake = procs.fakes[0]
    key = Fernet.generate_key().decode()  # one vault key: the tokens live in the shared db
    command = ("-m", "tests.fakes.scaled_serve", str(SPEED), str(time.time()))
    out = []
    for _ in range(n):
        serve = procs.serve(fake, SPREADER_DATABASE_URL=url)
        serve.master_key, serve.command = key, command
        serve.start()
        out.append(serve)
    return out


def _gaps_and_counts(received: list[dict[str, Any]]) -> tuple[dict[str, float], Counter[str]]:
    """The smallest gap between two sends of each device, in engine seconds, and each
    device's sends."""
    times: dict[str, list[float]] = defaultdict(list)
    for m in received:
        times[m["device_uuid"]].append(float(m["at"]))
    gaps = {}
    for device, ts in times.items():
        ts.sort()
        gaps[device] = min((b - a for a, b in zip(ts, ts[1:], strict=False)), default=99.0)
    return {d: g * SPEED for d, g in gaps.items()}, Counter({d: len(ts) for d, ts in times.items()})


def test_two_engines_share_a_campaign_and_the_survivor_finishes_it(
    procs: Processes, shared_url: str
) -> None:
    fake = procs.fake(DEVICES)
    a, b = _engines(procs, shared_url, 2)
    with a.client() as ca, b.client() as cb:
        package_id = _package(ca)  # created through a ...
        wait_until(  # ... and seen by b
            lambda: any(p["id"] == package_id for p in cb.get("/api/v1/packages").json()["items"]),
            10,
            "the package on the other engine",
        )
        r = cb.post(
            f"/api/v1/packages/{package_id}/messages/open",
            json={"text": "Sale", "recipients": numbers(RECIPIENTS)},
        )
        assert r.status_code == 202, r.text
        mid = str(r.json()["message_id"])
        wait_until(lambda: len(fake.report()["received"]) >= 150, 60, "the first 150 sends")
        assert a.stop(signal.SIGKILL) == -signal.SIGKILL
        at_kill = len(fake.report()["received"])
        assert at_kill < RECIPIENTS - 50, "the kill came too late to matter"

        wait_until(
            lambda: message(cb, package_id, mid)["finished_at"] is not None,
            90,
            "the survivor to finish the campaign",
        )
        rows = deliveries(cb, package_id, mid)
        summary = message(cb, package_id, mid)

    statuses = Counter(d["status"] for d in rows)
    assert set(statuses) <= FINAL and statuses.total() == RECIPIENTS, statuses
    assert summary["processed_count"] == RECIPIENTS
    # Only the killed engine's calls in flight (one per device it held) are uncertain.
    assert statuses["uncertain"] <= 3 and statuses["failed"] == 0, statuses

    report = fake.report()
    received = report["received"]
    accepted = Counter("+" + m["recipient"] for m in received)
    assert [r for r, n in accepted.items() if n > 1] == []  # nobody got the message twice
    sent = {d["recipient"] for d in rows if d["status"] == "sent"}
    uncertain = {d["recipient"] for d in rows if d["status"] == "uncertain"}
    assert sent <= set(accepted) <= sent | uncertain
    gaps, counts = _gaps_and_counts(received)
    assert set(counts) == set(DEVICES)
    # The whole run is far shorter than an hour of engine time: a device's total is what
    # its rolling hourly window saw.
    assert max(counts.values()) <= CAP, counts
    assert min(gaps.values()) >= COOLDOWN - NOISE * SPEED, gaps
    # Exactly, as claimed (and logged) by the engines: their sends' times per device.
    claimed: dict[str, list[datetime]] = defaultdict(list)
    for d in rows:
        if d["status"] == "sent":
            claimed[d["profile_id"]].append(datetime.fromisoformat(d["sent_at"]))
    for profile_id, ts in claimed.items():
        ts.sort()
        tight = [
            (a, b) for a, b in zip(ts, ts[1:], strict=False) if (b - a).total_seconds() < COOLDOWN
        ]
        assert tight == [], (profile_id, tight)
    # The survivor took over the killed engine's devices: every device sent after the kill.
    last = sorted(received, key=lambda m: float(m["at"]))[at_kill:]
    assert {m["device_uuid"] for m in last} == set(DEVICES)
    log = b.stderr()
    assert not [line for line in log.splitlines() if any(x in line for x in ALARMING)], log
