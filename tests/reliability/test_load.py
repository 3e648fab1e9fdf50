"""``spreader serve`` under a steady mix of API calls, webhooks, replies and small campaigns
from this process on loopback: nothing fails except deliberate 429s, and the server's
memory stays flat (RSS from ``/proc/<pid>/status`` at the start, middle and end)."""

from __future__ import annotations

import asyncio
import itertools
import signal
import time
from collections import Counter
from collections.abc import Awaitable, Callable

import httpx
import pytest

from tests.campaign_data import numbers
from tests.reliability.conftest import create_package, devices, rss_kib
from tests.serve_process import API_KEY, WEBHOOK_SECRET, Processes, ServeProcess

DEVICES = devices(3)
RATE = 20.0  # requests per second, all kinds together
WARM_UP = 3.0  # seconds of load before the first memory sample
# RSS may grow this much from the first sample to the last (caches, SQLite page cache).
GROWTH_BOUND_KIB = 24 * 1024

Call = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


def mix(package_id: str, message_ids: list[str]) -> list[Call]:
    base = f"/api/v1/packages/{package_id}"
    customer = numbers(1, 90_000)[0]

    async def campaign(c: httpx.AsyncClient, i: int) -> httpx.Response:
        body = {"text": f"Offer {i}", "recipients": numbers(5, 1000 + 5 * i)}
        r = await c.post(f"{base}/messages/open", json=body)
        if r.status_code == 202:
            message_ids.append(r.json()["message_id"])
        return r

    async def detail(c: httpx.AsyncClient, i: int) -> httpx.Response:
        if not message_ids:
            return await c.get(f"{base}/messages")
        return await c.get(f"{base}/messages/{message_ids[i % len(message_ids)]}")

    async def inbound(c: httpx.AsyncClient, i: int) -> httpx.Response:
        body = {"device_uuid": "dev-0", "from": customer, "text": f"hi {i}", "message_id": f"l-{i}"}
        return await c.post(f"/webhooks/zentra/{WEBHOOK_SECRET}", json=body)

    async def reply(c: httpx.AsyncClient, i: int) -> httpx.Response:
        return await c.post(f"{base}/messages/reply", json={"text": "ok", "recipient": customer})

    async def check(c: httpx.AsyncClient, i: int) -> httpx.Response:
        return await c.post("/api/v1/validate-numbers", json={"numbers": numbers(10, i)})

    def get(path: str) -> Call:
        async def call(c: httpx.AsyncClient, i: int) -> httpx.Response:
            return await c.get(path)

        return call

    return [
        get("/api/v1/packages"),
        get(f"{base}/stats"),
        get(f"{base}/messages?limit=20"),
        campaign,
        detail,
        inbound,
        reply,
        check,
        get(f"{base}/conversations"),
        get(f"{base}/profiles"),
    ]


async def steady_load(
    serve: ServeProcess, package_id: str, seconds: float
) -> tuple[Counter[int], list[int]]:
    """Calls the mix at ``RATE`` per second for ``WARM_UP + seconds``; samples the server's
    RSS (KiB) after the warm-up, halfway and at the end."""
    calls = mix(package_id, [])
    statuses: Counter[int] = Counter()
    samples: list[int] = []
    gate = asyncio.Semaphore(16)
    total = int((WARM_UP + seconds) * RATE)
    marks = {int(WARM_UP * RATE), int((WARM_UP + seconds / 2) * RATE)}
    headers = {"X-API-Key": API_KEY}
    async with httpx.AsyncClient(base_url=serve.url, headers=headers, timeout=60) as c:

        async def one(i: int, call: Call) -> None:
            try:
                statuses[(await call(c, i)).status_code] += 1
            finally:
                gate.release()

        start = time.monotonic()
        tasks = []
        for i, call in zip(range(total), itertools.cycle(calls), strict=False):
            delay = start + i / RATE - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if i in marks:
                samples.append(rss_kib(serve.pid))
            await gate.acquire()
            tasks.append(asyncio.create_task(one(i, call)))
        await asyncio.gather(*tasks)
        samples.append(rss_kib(serve.pid))
        # A deliberate burst past the per-key limit: 429 with Retry-After, then nothing else.
        burst = await asyncio.gather(*(c.get("/api/v1/packages") for _ in range(700)))
        limited = [r for r in burst if r.status_code == 429]
        assert limited and all(int(r.headers["Retry-After"]) >= 1 for r in limited)
        assert {r.status_code for r in burst} <= {200, 429}
        assert (await c.get("/health")).status_code == 200
    return statuses, samples


def run(processes: Processes, seconds: float) -> None:
    fake = processes.fake(DEVICES, latency_ms=30)
    serve = processes.serve(fake)
    serve.start()
    with serve.client() as c:
        package_id, _ = create_package(c, DEVICES)
    started = time.monotonic()
    statuses, samples = asyncio.run(steady_load(serve, package_id, seconds))
    elapsed = time.monotonic() - started
    ok = {200, 201, 202, 204}
    assert set(statuses) <= ok | {429}, statuses
    growth = samples[-1] - samples[0]
    print(
        f"\nload {seconds:.0f} s (+{WARM_UP:.0f} s warm-up) at {RATE:.0f}/s: "
        f"{sum(statuses.values())} requests in {elapsed:.1f} s, {dict(statuses)}; "
        f"RSS KiB {samples} (growth {growth} KiB)"
    )
    assert growth <= GROWTH_BOUND_KIB, f"RSS grew {growth} KiB: {samples}"
    assert serve.stop(signal.SIGTERM) == 0


@pytest.mark.timeout(300)
def test_load_short_steady_mix_has_no_errors_and_flat_memory(processes: Processes) -> None:
    run(processes, 10.0)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_load_long_steady_mix_has_no_errors_and_flat_memory(processes: Processes) -> None:
    run(processes, 60.0)
