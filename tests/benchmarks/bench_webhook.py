"""An inbound webhook flood: 32 concurrent senders posting customers' messages.

The engine runs as in the other sections (50 profiles, so each message finds its profile,
sets the customer's route and is checked for an opt-out word); the flood comes from its own
process (``tests.benchmarks.flood``) for 10 s (``--quick``: 3 s). Beside it, in the same run
and process, the same flood against a bare aiohttp handler that reads the body and answers
200 without storing anything: the HTTP floor on this machine. Each body is stored with its
messages in one transaction, shared by the bodies arriving together (``core.intake``).
Run: ``python -m tests.benchmarks.bench_webhook [--quick]``.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web

from tests.benchmarks.figures import Bound, Figure, median, percentile, section_main
from tests.benchmarks.harness import PROFILES, cpu_seconds, devices, engine, gateway, make_package

SECTION = "webhook"
CONCURRENCY = 32


async def run_flood(url: str, seconds: float) -> dict[str, object]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.benchmarks.flood",
        url,
        str(seconds),
        "--concurrency",
        str(CONCURRENCY),
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"the flood exited {proc.returncode}")
    result: dict[str, object] = json.loads(out)
    return result


@asynccontextmanager
async def bare_server() -> AsyncIterator[str]:
    """A handler that reads the body and answers 200: no parsing, no storage."""

    async def receive(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"status": "stored"})

    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    finally:
        await runner.cleanup()


def rate(result: dict[str, object]) -> float:
    return float(result["answers"]) / float(result["seconds"])  # type: ignore[arg-type]


async def measure_async(quick: bool) -> list[Figure]:
    seconds = 3.0 if quick else 10.0
    with gateway(devices(PROFILES)) as gw:
        async with bare_server() as bare_url:
            bare = await run_flood(bare_url, seconds)
        async with engine(gw.url) as e:
            await make_package(e.container, devices(PROFILES))
            hook = f"{e.server.url}/webhooks/zentra/{e.container.settings.webhook_secret}"
            cpu = cpu_seconds()
            flooded = await run_flood(hook, seconds)
            cpu = cpu_seconds() - cpu
    ms: list[float] = flooded["ms"]  # type: ignore[assignment]
    bare_ms: list[float] = bare["ms"]  # type: ignore[assignment]
    got, floor = rate(flooded), rate(bare)
    return [
        Figure(
            SECTION,
            f"stored/s, {CONCURRENCY} concurrent",
            got,
            "/s",
            Bound(">=", 1000),
            ratio=got / floor,
            baseline=f"of a bare handler ({floor:,.0f}/s)",
            note=(
                f"{flooded['failures']} answers other than 200; engine CPU "
                f"{cpu / (seconds + 0.5) * 1000 / max(got, 1):.2f} ms per body"
            ),
        ),
        Figure(
            SECTION,
            "latency p99",
            percentile(ms, 99),
            "ms",
            Bound("<", 50),
            ratio=percentile(ms, 99) / percentile(bare_ms, 99),
            baseline=f"of a bare handler ({percentile(bare_ms, 99):.1f} ms)",
            note=f"median {median(ms):.1f} ms (bare {median(bare_ms):.1f} ms)",
        ),
    ]


def measure(quick: bool) -> list[Figure]:
    return asyncio.run(measure_async(quick))


if __name__ == "__main__":
    sys.exit(section_main(measure, __doc__))
