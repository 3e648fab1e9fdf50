"""Reply Chat overhead: the reply endpoint's response time minus the gateway's latency.

The gateway's latency is the time the fake gateway held that very send, from its handler's
start to its answer (``took_ms`` in its report): its configured delay plus its own parsing
and timer slack, which are the gateway's, not Spreader's. The response time minus the
configured delay is shown beside it.

Run from the repository root: ``python -m tests.benchmarks.bench_reply [--replies 300]``.
Spreader (engine + API) runs on the main event loop as in ``spreader serve``; the fake
gateway answers after ``--latency-ms`` from its own process, and the timed client (a shop
system, say) calls from a process of its own, so neither adds its work to the process being
measured. Two scenarios: an idle engine, and an Open Chat campaign dispatching through the
same profiles meanwhile.
Exits 1 when a median overhead reaches ``--budget-ms`` (5 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import statistics
import sys
import time
import urllib.parse
from dataclasses import dataclass

import httpx

from spreader_app.bootstrap import Container
from spreader_app.server.runner import ApiServer
from tests.benchmarks.harness import API_KEY, engine, gateway
from tests.campaign_data import FAST

DEVICES = {f"dev-{i}": f"token-{i}-abcdefgh" for i in range(3)}
CAMPAIGN = 20_000


@dataclass(frozen=True)
class Result:
    scenario: str
    overheads_ms: list[float]  # response time minus the time the gateway held the send
    over_latency_ms: list[float]  # response time minus the configured gateway latency
    gateway_ms: list[float]  # the gateway call as Spreader timed it
    campaign_sent: int

    @property
    def median(self) -> float:
        return statistics.median(self.overheads_ms)

    @property
    def p99(self) -> float:
        return statistics.quantiles(self.overheads_ms, n=100)[98]


def timed_replies(url: str, package_id: str, n: int, first: int) -> list[tuple[str, float, float]]:
    """Sends ``n`` replies one after another (recipients numbered from ``first``); returns
    each one's recipient, response time and the gateway call as Spreader timed it (ms)."""
    # The standard library's client on one kept-alive connection: the least client-side
    # work in the measured time (httpx added 0.4-0.9 ms per request here).
    timed = []
    where = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=30)
    headers = {"X-API-Key": API_KEY, "Content-Type": "application/json"}
    path = f"/api/v1/packages/{package_id}/messages/reply"
    try:
        for i in range(n + 20):
            recipient = f"+2011{first + i:08d}"
            body = json.dumps({"text": "Thanks, on its way", "recipient": recipient})
            start = time.perf_counter()
            conn.request("POST", path, body, headers)
            response = conn.getresponse()
            text = response.read()
            elapsed = (time.perf_counter() - start) * 1000
            answer = json.loads(text)
            if response.status != 200 or answer.get("status") != "sent":
                raise SystemExit(f"reply failed: {response.status} {text!r}")
            if i >= 20:  # the first replies warm up connections and caches
                timed.append((recipient, elapsed, float(answer["delivery_time_ms"])))
    finally:
        conn.close()
    return timed


async def client_process(
    url: str, package_id: str, n: int, first: int
) -> list[tuple[str, float, float]]:
    """``timed_replies`` in a process of its own; its CPU time is not the engine's."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.benchmarks.bench_reply",
        "--client",
        url,
        package_id,
        str(n),
        str(first),
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"the reply client failed ({proc.returncode})")
    return [(str(r), float(e), float(g)) for r, e, g in json.loads(out)]


def gateway_times(zentra_url: str) -> dict[str, float]:
    """How long the fake held each accepted send (ms), by recipient in E.164."""
    root = zentra_url.rsplit("/v1", 1)[0]
    attempts = httpx.get(f"{root}/__received", timeout=30).json()["attempts"]
    return {f"+{a['recipient']}": a["took_ms"] for a in attempts if a["outcome"] == "accepted"}


async def prepare(c: Container) -> str:
    package = await c.packages.create({"name": "Bench", **FAST})
    for uuid, token in DEVICES.items():
        body = {"name": uuid, "zentra_uuid": uuid, "zentra_api_token": token}
        await c.profiles.create(package.id, body)
    return package.id


async def scenario(
    c: Container, server: ApiServer, package_id: str, name: str, args: argparse.Namespace
) -> Result:
    campaign = None
    if name != "idle":
        from spreader_app.core.services.sending import read_open_request

        recipients = [f"+2010{i:08d}" for i in range(CAMPAIGN)]
        req = read_open_request({"text": "Sale", "recipients": recipients})
        campaign = (await c.sending.send_open(package_id, req)).message.id
        await asyncio.sleep(0.5)  # let the dispatcher get going
    first = 0 if name == "idle" else 100_000  # each scenario its own recipients
    timed = await client_process(server.url, package_id, args.replies, first)
    held = await asyncio.to_thread(gateway_times, c.settings.zentra_url)
    overheads = [elapsed - held[recipient] for recipient, elapsed, _ in timed]
    over_fixed = [elapsed - args.latency_ms for _, elapsed, _ in timed]
    gateway = [g for _, _, g in timed]
    sent = 0
    if campaign is not None:
        sent = (await c.sending.message(package_id, campaign)).sent_count
        await c.sending.cancel(package_id, campaign)
    return Result(name, overheads, over_fixed, gateway, sent)


async def main(args: argparse.Namespace) -> int:
    with gateway(DEVICES, args.latency_ms) as gw:
        async with engine(gw.url) as e:
            package_id = await prepare(e.container)
            results = [
                await scenario(e.container, e.server, package_id, name, args)
                for name in ("idle", "open chat dispatching")
            ]
    print("overhead: reply response time minus the time the gateway held the send")
    print(f"over {args.latency_ms:g} ms: response time minus the configured gateway latency")
    print("own: response time minus the gateway call as Spreader timed it")
    print(
        f"{'scenario':<23}{'replies':>8}{'overhead median':>17}{'p99':>8}"
        f"{'over latency':>14}{'own median':>12}{'campaign sends':>16}"
    )
    for r in results:
        own = statistics.median(
            o + args.latency_ms - g for o, g in zip(r.over_latency_ms, r.gateway_ms, strict=True)
        )
        print(
            f"{r.scenario:<23}{len(r.overheads_ms):>8}{r.median:>14.2f} ms{r.p99:>8.2f}"
            f"{statistics.median(r.over_latency_ms):>11.2f} ms{own:>9.2f} ms{r.campaign_sent:>16}"
        )
    slow = [r.scenario for r in results if r.median >= args.budget_ms]
    if slow:
        print(f"FAIL: median overhead >= {args.budget_ms} ms in: {', '.join(slow)}")
        return 1
    print(f"OK: median overhead below {args.budget_ms} ms")
    return 0


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=300, help="timed replies per scenario")
    parser.add_argument("--latency-ms", type=float, default=20.0, help="fake gateway latency")
    parser.add_argument("--budget-ms", type=float, default=5.0, help="allowed median overhead")
    return parser.parse_args(argv)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--client"]:
        url, package, n, first = sys.argv[2:6]
        print(json.dumps(timed_replies(url, package, int(n), int(first))))
        sys.exit(0)
    sys.exit(asyncio.run(main(parse_args(sys.argv[1:]))))
