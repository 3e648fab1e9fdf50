"""A webhook flood from its own process: ``concurrency`` senders posting inbound messages.

``python -m tests.benchmarks.flood URL SECONDS [--concurrency N]`` posts JSON bodies as the
gateway would (a device, a customer, a text, a unique message id) to ``URL`` for ``SECONDS``
after a short warm-up, and prints one JSON line: the answers counted, the failures, and
each answer's latency in milliseconds. Running apart keeps its CPU time off the server's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time

import aiohttp

from tests.benchmarks.harness import PROFILES, devices
from tests.campaign_data import numbers

WARM_UP = 0.5


async def flood(url: str, seconds: float, concurrency: int) -> dict[str, object]:
    uuids = list(devices(PROFILES))
    customers = numbers(1000)
    latencies: list[float] = []
    failures = 0
    seq = 0

    async def sender(session: aiohttp.ClientSession, timed_from: float, end: float) -> None:
        nonlocal failures, seq
        while (started := time.perf_counter()) < end:
            seq += 1
            body = {
                "device_uuid": uuids[seq % len(uuids)],
                "from": customers[seq % len(customers)].lstrip("+"),
                "text": f"Where is my order {seq}?",
                "message_id": f"flood-{seq}",
            }
            async with session.post(url, json=body) as answer:
                await answer.read()
                ok = answer.status == 200
            if started >= timed_from:
                latencies.append((time.perf_counter() - started) * 1000)
                failures += not ok

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        timed_from = time.perf_counter() + WARM_UP
        end = timed_from + seconds
        await asyncio.gather(*(sender(session, timed_from, end) for _ in range(concurrency)))
    return {"answers": len(latencies), "failures": failures, "seconds": seconds, "ms": latencies}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("seconds", type=float)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(flood(args.url, args.seconds, args.concurrency))))


if __name__ == "__main__":
    main()
