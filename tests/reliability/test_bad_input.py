"""Whatever reaches the webhook of a real ``spreader serve``, it answers 200 (stored) or a
clear 4xx, never a 5xx, and keeps the raw body; a flood of inbound messages is stored whole.
(The API's own fuzzing lives in ``tests/integration/test_api_fuzz.py``.)"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import aiohttp
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.postgres import PostgresServer
from tests.reliability.conftest import create_package, devices, query
from tests.serve_process import WEBHOOK_SECRET, Processes, ServeProcess

HOOK = f"/webhooks/zentra/{WEBHOOK_SECRET}"
DEVICES = devices(1)
MIB = 1024 * 1024

KNOWN_KEYS = ["device_uuid", "deviceUuid", "from", "chatId", "remoteJid", "text", "body"]
KNOWN_KEYS += ["message", "message_id", "id", "timestamp", "data", "payload", "messages", "key"]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(["dev-0", "201066183456", "2010661834@c.us", "STOP", "1750050000"])
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KNOWN_KEYS) | st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=25,
)
CONTENT_TYPES = [
    None,
    "application/json",
    "application/json; charset=utf-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",
    "text/plain",
    "application/octet-stream",
    "text/html; charset=latin-1",
]


@st.composite
def bodies(draw: st.DrawFn) -> tuple[bytes, str | None]:
    kind = draw(st.sampled_from(["json", "form", "bytes"]))
    if kind == "json":
        text = json.dumps(draw(documents), ensure_ascii=draw(st.booleans()))
        return text.encode(), draw(st.sampled_from(CONTENT_TYPES[:3] + [None]))
    if kind == "form":
        fields = draw(st.dictionaries(st.sampled_from(KNOWN_KEYS) | st.text(max_size=8), scalars))
        return urlencode({k: "" if v is None else str(v) for k, v in fields.items()}).encode(), (
            draw(st.sampled_from(CONTENT_TYPES[3:4] + [None, "text/plain"]))
        )
    return draw(st.binary(max_size=3000)), draw(st.sampled_from(CONTENT_TYPES))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServeProcess]:
    """One ``spreader serve`` (with a package whose device is ``dev-0``) for the module, on
    SQLite and then on PostgreSQL."""
    server: PostgresServer | None = None
    url = ""
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_server")
        url = server.create_database()
    procs = Processes(tmp_path_factory.mktemp("bad-input"), database_url=url)
    try:
        serve = procs.serve(procs.fake(DEVICES))
        serve.start()
        with serve.client() as c:
            create_package(c, DEVICES)
        yield serve
    finally:
        procs.close()
        if server is not None:
            server.drop_database(url)


def post(serve: ServeProcess, body: bytes, content_type: str | None) -> httpx.Response:
    headers = {"Content-Type": content_type} if content_type else {}
    return httpx.post(serve.url + HOOK, content=body, headers=headers, timeout=60)


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(payload=bodies())
def test_bad_input_webhook_stores_anything_and_never_answers_5xx(
    served: ServeProcess, payload: tuple[bytes, str | None]
) -> None:
    body, content_type = payload
    r = post(served, body, content_type)
    assert r.status_code == 200, r.text
    receipt = r.json()
    assert receipt["status"] == "stored"
    stored = query(
        served.db,
        "SELECT body, content_type FROM inbound_payloads WHERE id = ?",
        receipt["payload_id"],
    )
    # Kept verbatim, but for NUL characters, which PostgreSQL's text cannot hold: they
    # become U+FFFD on both databases.
    kept = body.decode("utf-8", errors="replace").replace("\x00", "\ufffd")
    assert stored == [(kept, content_type or "")]


def test_bad_input_webhook_refuses_what_it_must(served: ServeProcess) -> None:
    before = query(served.db, "SELECT count(*) FROM inbound_payloads")[0][0]
    too_big = post(served, b"x" * (MIB + 1), "application/json")
    assert too_big.status_code == 413 and too_big.json()["error"]["code"] == "payload_too_large"
    wrong = httpx.post(served.url + "/webhooks/zentra/not-the-secret", json={"text": "hi"})
    assert wrong.status_code == 404
    assert query(served.db, "SELECT count(*) FROM inbound_payloads")[0][0] == before
    assert "Traceback" not in served.stderr()


async def flood(url: str, total: int, seconds: float, concurrency: int = 256) -> Counter[int]:
    """POSTs ``total`` distinct inbound messages spread evenly over ``seconds``."""
    gate = asyncio.Semaphore(concurrency)
    statuses: Counter[int] = Counter()
    start = time.monotonic()
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(i: int) -> None:
            body = {
                "device_uuid": "dev-0",
                "from": f"2011{i % 100_000:08d}",
                "text": f"flood message {i}",
                "message_id": f"flood-{i}",
            }
            try:
                async with session.post(url, json=body) as r:
                    statuses[r.status] += 1
                    await r.read()
            finally:
                gate.release()

        tasks: list[asyncio.Task[Any]] = []
        for i in range(total):
            delay = start + i * seconds / total - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            await gate.acquire()
            tasks.append(asyncio.create_task(one(i)))
        await asyncio.gather(*tasks)
    return statuses


def run_flood(served: ServeProcess, total: int, seconds: float) -> None:
    count = "SELECT count(*) FROM inbound_messages WHERE external_id LIKE 'flood-%'"
    before = query(served.db, count)[0][0]
    payloads = query(served.db, "SELECT count(*) FROM inbound_payloads")[0][0]
    started = time.monotonic()
    statuses = asyncio.run(flood(served.url + HOOK, total, seconds))
    elapsed = time.monotonic() - started
    assert statuses == {200: total}, statuses
    assert query(served.db, count)[0][0] - before == total
    assert query(served.db, "SELECT count(*) FROM inbound_payloads")[0][0] - payloads == total
    print(
        f"\nwebhook flood: {total} messages offered over {seconds:g} s, all answered "
        f"and stored in {elapsed:.1f} s ({total / elapsed:.0f}/s)"
    )


def test_bad_input_webhook_flood_of_500_in_half_a_second_is_stored_whole(
    served: ServeProcess,
) -> None:
    run_flood(served, 500, 0.5)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_bad_input_webhook_flood_of_10000_in_10_s_is_stored_whole(served: ServeProcess) -> None:
    run_flood(served, 10_000, 10.0)
