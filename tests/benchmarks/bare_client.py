"""The floor under dispatch on this machine: 50 workers sending as fast as the gateway answers.

``bare_rate`` posts the same multipart form the engine sends, through one pooled aiohttp
session and nothing else (no database, no rules, no events); ``client_rate`` does the same
through ``ZentraClient``. Both run on the calling loop against the same fake gateway, so the
dispatch section can print the engine's rate beside the bare one measured in the same run.
Run alone: ``python -m tests.benchmarks.bare_client`` prints both rates for 5 s windows.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable

import aiohttp

from spreader_app.core.models import MessageContent, SendRequest
from spreader_app.zentra.client import ZentraClient
from spreader_app.zentra.payloads import encode_multipart, send_form
from tests.benchmarks.harness import PROFILES, devices, gateway
from tests.campaign_data import numbers

Send = Callable[[SendRequest], Awaitable[bool]]


def _requests(workers: int) -> list[SendRequest]:
    phones = numbers(workers)
    return [
        SendRequest(uuid, token, phones[i], MessageContent(text="Big sale"))
        for i, (uuid, token) in enumerate(devices(workers).items())
    ]


async def _rate(send: Send, workers: int, seconds: float) -> float:
    """Sends/s over ``seconds`` with ``workers`` sending in a loop (after one warm-up each)."""
    requests = _requests(workers)
    await asyncio.gather(*(send(r) for r in requests))
    done = 0
    end = time.perf_counter() + seconds

    async def worker(request: SendRequest) -> None:
        nonlocal done
        while time.perf_counter() < end:
            if await send(request):
                done += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker(r) for r in requests))
    return done / (time.perf_counter() - started)


async def bare_rate(zentra_url: str, seconds: float, workers: int = PROFILES) -> float:
    """Sends/s of a bare aiohttp session posting the engine's form."""
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100)) as session:

        async def send(request: SendRequest) -> bool:
            body, content_type = encode_multipart(send_form(request))
            headers = {"x-api-token": request.token, "Content-Type": content_type}
            async with session.post(f"{zentra_url}/messages", data=body, headers=headers) as r:
                await r.read()
                return r.status < 300

        return await _rate(send, workers, seconds)


async def client_rate(zentra_url: str, seconds: float, workers: int = PROFILES) -> float:
    """Sends/s of ``ZentraClient`` alone (classification included, no engine)."""
    async with ZentraClient(zentra_url) as client:

        async def send(request: SendRequest) -> bool:
            return (await client.send(request)).accepted

        return await _rate(send, workers, seconds)


async def _main() -> None:
    with gateway(devices(PROFILES)) as gw:
        for name, measure in (("bare aiohttp", bare_rate), ("ZentraClient", client_rate)):
            print(f"{name}: {await measure(gw.url, 5.0):,.0f} sends/s")


if __name__ == "__main__":
    asyncio.run(_main())
    sys.exit(0)
