"""Reply Chat overhead: the reply endpoint's response time minus the gateway's latency.

The gateway's latency is measured beside each reply: the same client process, right before
each reply, sends the same ``POST /messages`` form straight to the fake gateway, as any
client that called the gateway itself would. The overhead of a reply is its response time
minus that direct call's: what going through Spreader adds. Two stricter figures are shown
beside it: the response time minus the time the fake's handler held that very send
(``took_ms`` in its report, which leaves the fake's own request parsing and wake-up on
Spreader's side), and minus the configured delay.

Run from the repository root: ``python -m tests.benchmarks.bench_reply [--replies 300]``.
Spreader (engine + API) runs on the main event loop as in ``spreader serve``; the fake
gateway answers after ``--latency-ms`` from its own process, and the timed client (a shop
system, say) calls from a process of its own, so neither adds its work to the process being
measured. Two scenarios: an idle engine, and an Open Chat campaign dispatching through the
same profiles meanwhile; then, as a baseline, the same client through a bare pass-through to
the gateway on the same loop (``tests.benchmarks.passthrough``): the cost of the extra hop.
Exits 1 when a median overhead of Spreader reaches ``--budget-ms`` (5 ms).
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

from spreader_app.bootstrap import Container
from spreader_app.core.models import MessageContent, SendRequest
from spreader_app.core.services.sending import read_open_request
from spreader_app.server.runner import ApiServer
from spreader_app.zentra.payloads import encode_multipart, send_form
from tests.benchmarks.harness import API_KEY, engine, gateway, make_package
from tests.benchmarks.passthrough import passthrough
from tests.campaign_data import numbers
from tests.serve_process import FakeProcess

DEVICES = {f"dev-{i}": f"token-{i}-abcdefgh" for i in range(3)}
CAMPAIGN = 20_000
IDLE, DISPATCHING, PASSTHROUGH = "idle", "open chat dispatching", "bare pass-through"
WARM_UP = 20  # replies that open connections and fill caches, not timed
TEXT = "Thanks, on its way"


@dataclass(frozen=True)
class Timed:
    """One timed reply (ms): its recipient, response time, and the direct call to the
    gateway made just before it."""

    recipient: str
    response_ms: float
    direct_ms: float


@dataclass(frozen=True)
class Run:
    """One scenario's timed replies, and the campaign sends made meanwhile."""

    scenario: str
    timed: list[Timed]
    campaign_sent: int = 0


@dataclass(frozen=True)
class Result:
    scenario: str
    overheads_ms: list[float]  # response time minus the direct gateway call beside it
    over_held_ms: list[float]  # response time minus the time the fake's handler held it
    over_latency_ms: list[float]  # response time minus the configured gateway latency
    direct_ms: list[float]  # the direct gateway calls
    campaign_sent: int

    @property
    def median(self) -> float:
        return statistics.median(self.overheads_ms)

    @property
    def p99(self) -> float:
        return statistics.quantiles(self.overheads_ms, n=100)[98]


class _Http:
    """One kept-alive connection with the standard library's client: the least client-side
    work in the measured time (httpx added 0.4-0.9 ms per request here)."""

    def __init__(self, url: str) -> None:
        where = urllib.parse.urlsplit(url)
        self.root = where.path.rstrip("/")
        self.conn = http.client.HTTPConnection(
            where.hostname or "127.0.0.1", where.port, timeout=30
        )

    def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes, float]:
        """Status, body and the elapsed time (ms) of one POST."""
        start = time.perf_counter()
        self.conn.request("POST", self.root + path, body, headers)
        response = self.conn.getresponse()
        data = response.read()
        return response.status, data, (time.perf_counter() - start) * 1000


def timed_replies(url: str, zentra_url: str, package_id: str, n: int, first: int) -> list[Timed]:
    """Sends ``n`` replies one after another (recipients numbered from ``first``), each
    right after the same send made straight to the gateway (recipients from ``first`` + 1M)."""
    spreader, direct = _Http(url), _Http(zentra_url)
    device, token = next(iter(DEVICES.items()))
    reply_headers = {"X-API-Key": API_KEY, "Content-Type": "application/json"}
    timed = []
    try:
        for i in range(n + WARM_UP):
            recipient = f"+2011{first + i:08d}"
            own = SendRequest(
                device, token, f"+2011{first + 1_000_000 + i:08d}", MessageContent(text=TEXT)
            )
            form, content_type = encode_multipart(send_form(own))
            status, data, direct_ms = direct.post(
                "/messages", form, {"x-api-token": token, "Content-Type": content_type}
            )
            if status != 201:
                raise SystemExit(f"direct gateway call failed: {status} {data!r}")
            body = json.dumps({"text": TEXT, "recipient": recipient}).encode()
            status, data, elapsed = spreader.post(
                f"/api/v1/packages/{package_id}/messages/reply", body, reply_headers
            )
            answer = json.loads(data)
            if status != 200 or answer.get("status") != "sent":
                raise SystemExit(f"reply failed: {status} {data!r}")
            if i >= WARM_UP:
                timed.append(Timed(recipient, elapsed, direct_ms))
    finally:
        spreader.conn.close()
        direct.conn.close()
    return timed


async def client_process(
    url: str, zentra_url: str, package_id: str, n: int, first: int
) -> list[Timed]:
    """``timed_replies`` in a process of its own; its CPU time is not the engine's."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.benchmarks.bench_reply",
        "--client",
        url,
        zentra_url,
        package_id,
        str(n),
        str(first),
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"the reply client failed ({proc.returncode})")
    return [Timed(**row) for row in json.loads(out)]


def held_times(gw: FakeProcess) -> dict[str, float]:
    """How long the fake held each accepted send (ms), by recipient in E.164."""
    attempts = gw.report()["attempts"]
    return {f"+{a['recipient']}": a["took_ms"] for a in attempts if a["outcome"] == "accepted"}


async def scenario(
    c: Container, server: ApiServer, package_id: str, name: str, first: int, replies: int
) -> Run:
    """``replies`` timed replies (recipients numbered from ``first``) on the engine, idle or,
    for any other ``name``, while an Open Chat campaign dispatches through the same profiles."""
    campaign = None
    if name != IDLE:
        req = read_open_request({"text": "Sale", "recipients": numbers(CAMPAIGN)})
        campaign = (await c.sending.send_open(package_id, req)).message.id
        await asyncio.sleep(0.5)  # let the dispatcher get going
    timed = await client_process(server.url, c.settings.zentra_url, package_id, replies, first)
    if campaign is None:
        return Run(name, timed)
    sent = (await c.sending.message(package_id, campaign)).sent_count
    await c.sending.cancel(package_id, campaign)
    return Run(name, timed, sent)


async def run_all(replies: int, latency_ms: float) -> list[Result]:
    """Idle, then while dispatching, then through the bare pass-through (``tests.benchmarks.
    passthrough``) on the same loop: what any reply path pays here for the extra hop alone.
    Each run has recipients of its own; the fake's report is read once, at the end."""
    with gateway(DEVICES, latency_ms) as gw:
        async with engine(gw.url) as e:
            package_id = await make_package(e.container, DEVICES)
            runs = [
                await scenario(e.container, e.server, package_id, IDLE, 0, replies),
                await scenario(e.container, e.server, package_id, DISPATCHING, 100_000, replies),
            ]
            device, token = next(iter(DEVICES.items()))
            async with passthrough(gw.url, device, token) as url:
                timed = await client_process(url, gw.url, "bare", replies, 200_000)
            runs.append(Run(PASSTHROUGH, timed))
        held = await asyncio.to_thread(held_times, gw)
    return [
        Result(
            run.scenario,
            overheads_ms=[t.response_ms - t.direct_ms for t in run.timed],
            over_held_ms=[t.response_ms - held[t.recipient] for t in run.timed],
            over_latency_ms=[t.response_ms - latency_ms for t in run.timed],
            direct_ms=[t.direct_ms for t in run.timed],
            campaign_sent=run.campaign_sent,
        )
        for run in runs
    ]


async def main(args: argparse.Namespace) -> int:
    results = await run_all(args.replies, args.latency_ms)
    print("overhead: reply response time minus the direct gateway call made beside it")
    print("over held: response time minus the time the fake's handler held the send")
    print(f"over {args.latency_ms:g} ms: response time minus the configured gateway latency")
    print(
        f"{'scenario':<23}{'replies':>8}{'overhead median':>17}{'p99':>8}"
        f"{'over held':>12}{'over latency':>14}{'direct call':>13}{'campaign sends':>16}"
    )
    for r in results:
        print(
            f"{r.scenario:<23}{len(r.overheads_ms):>8}{r.median:>14.2f} ms{r.p99:>8.2f}"
            f"{statistics.median(r.over_held_ms):>9.2f} ms"
            f"{statistics.median(r.over_latency_ms):>11.2f} ms"
            f"{statistics.median(r.direct_ms):>10.2f} ms{r.campaign_sent:>16}"
        )
    slow = [r.scenario for r in results if r.scenario != PASSTHROUGH and r.median >= args.budget_ms]
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
        url, zentra_url, package, n, first = sys.argv[2:7]
        rows = timed_replies(url, zentra_url, package, int(n), int(first))
        print(json.dumps([vars(t) for t in rows]))
        sys.exit(0)
    sys.exit(asyncio.run(main(parse_args(sys.argv[1:]))))
