"""Secrets stay secret and strangers stay out: a device token that went through every path
of the app is found in plaintext nowhere (database, WAL, logs at DEBUG, CSV exports, API
answers); wrong API keys get 401 through a constant-time comparison; the API listens on
loopback unless told otherwise; every change leaves an audit event."""

from __future__ import annotations

import asyncio
import hmac
import json
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from spreader_app.bootstrap import build
from spreader_app.config import load_settings
from spreader_app.core.models import MessageFilter
from spreader_app.gui.tables.messages_table import (
    DELIVERY_HEADER,
    MESSAGE_HEADER,
    delivery_csv_row,
    message_csv_row,
    write_csv,
)
from spreader_app.server.runner import ApiServer
from spreader_app.vault.key_sources import MemoryKeySource
from tests.campaign_data import FAST, numbers
from tests.reliability.conftest import devices, live_stack, query, stack_settings
from tests.serve_process import API_KEY, WEBHOOK_SECRET, Processes, ServeProcess, wait_until

TOKEN = "zQ7tokenSECRET4471abcdef"
DEVICE = "dev-secret"
HOOK = f"/webhooks/zentra/{WEBHOOK_SECRET}"


def listening_address(port: int) -> str:
    """The IPv4 address a local socket listens on for ``port``, from ``/proc/net/tcp``."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, _, hex_port = local.partition(":")
        if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
            return ".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0))
    raise AssertionError(f"nothing listens on port {port}")


def database_contents(db: Path | str, data_dir: Path) -> dict[str, bytes]:
    """What the live database holds, as bytes to search: the SQLite file and its write-ahead
    log, or, on another database, every row of every table as text."""
    if isinstance(db, Path):
        files = {p.name: p.read_bytes() for p in data_dir.glob("spreader.db*")}
        assert {"spreader.db", "spreader.db-wal"} <= set(files)
        return files
    tables = query(
        db, "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", "public"
    )
    assert len(tables) > 10, tables
    return {
        f"table {name}": "\n".join(
            str(row[0]) for row in query(db, f'SELECT t::text FROM "{name}" t')
        ).encode()
        for (name,) in tables
    }


def drive_every_path(serve: ServeProcess, bodies: list[str]) -> tuple[str, str]:
    """Profile, campaign, inbound, reply, errors and reads, through the API; every answer
    body lands in ``bodies``. Returns the package and message ids."""

    def keep(r: httpx.Response) -> None:
        r.read()
        bodies.append(r.text)

    hooks: dict[str, list[Callable[[httpx.Response], Any]]] = {"response": [keep]}
    with serve.client(event_hooks=hooks) as c:
        r = c.post("/api/v1/packages", json={"name": "Shop", **FAST, "retry_delay_ms": 100})
        package_id = r.json()["id"]
        base = f"/api/v1/packages/{package_id}"
        profile = {"name": "Phone", "zentra_uuid": DEVICE, "zentra_api_token": TOKEN}
        assert c.post(f"{base}/profiles", json={**profile, "priority": -5}).status_code == 422
        r = c.post(f"{base}/profiles", json=profile)
        assert r.status_code == 201 and r.json()["token_masked"].endswith(TOKEN[-4:])
        pid = r.json()["id"]
        assert c.post(f"{base}/profiles", json=profile).status_code == 409
        assert c.put(f"{base}/profiles/{pid}", json={"zentra_api_token": TOKEN}).status_code == 200
        r = c.post(f"{base}/messages/open", json={"text": "Sale", "recipients": numbers(20)})
        message_id = r.json()["message_id"]
        url = f"{base}/messages/{message_id}"
        wait_until(lambda: c.get(url).json()["finished_at"] is not None, 120, "the campaign")
        inbound = {"device_uuid": DEVICE, "from": numbers(1)[0], "text": "Hi"}
        assert c.post(HOOK, json=inbound).status_code == 200
        for text in ("Thanks", "Anything else?", "Bye"):
            reply = c.post(
                f"{base}/messages/reply", json={"text": text, "recipient": numbers(1)[0]}
            )
            assert reply.status_code == 200
        for path in (
            "/api/v1/packages",
            base,
            f"{base}/profiles",
            f"{base}/profiles/{pid}",
            f"{base}/profiles/{pid}/health",
            f"{base}/stats",
            f"{base}/messages",
            f"{url}?limit=1000",
            f"{base}/conversations",
            f"{base}/conversations/{numbers(1)[0]}",
            "/api/v1/openapi.json",
        ):
            assert c.get(path).status_code == 200, path
        assert c.get("/api/v1/packages", headers={"X-API-Key": TOKEN}).status_code == 401
    return package_id, message_id


async def export_csv(serve: ServeProcess, package_id: str, folder: Path) -> list[Path]:
    """The Messages page's CSV exports of the package, written from the stopped app's data."""
    url = serve.db if isinstance(serve.db, str) else ""
    settings = stack_settings(serve.data_dir, serve.zentra_url, url)
    c = build(settings, key_source=MemoryKeySource())
    try:
        messages, _ = await c.sending.messages(package_id, MessageFilter(limit=500))
        names = {p.id: p.name for p in await c.profiles.list(package_id)}
        files = [folder / "messages.csv"]
        write_csv(files[0], MESSAGE_HEADER, [message_csv_row(m) for m in messages])
        for m in messages:
            found, _ = await c.sending.deliveries(package_id, m.id, limit=1000)
            files.append(folder / f"deliveries-{m.id}.csv")
            write_csv(files[-1], DELIVERY_HEADER, [delivery_csv_row(d, names) for d in found])
        return files
    finally:
        await c.stop()


def test_secrets_token_is_nowhere_in_plaintext(processes: Processes, tmp_path: Path) -> None:
    fake = processes.fake({DEVICE: TOKEN}, faults={"echo_token": 0.3})
    serve = processes.serve(fake, SPREADER_LOG_LEVEL="DEBUG")
    serve.start()
    assert listening_address(serve.port) == "127.0.0.1"
    bodies: list[str] = []
    package_id, _ = drive_every_path(serve, bodies)
    # The gateway really did echo the token back in failing answers, and the app kept them.
    echoes = [a for a in fake.report()["attempts"] if a["outcome"] == "echo_token"]
    assert echoes, "no failing send echoed the token; raise the fault rate"
    kept = query(serve.db, "SELECT count(*) FROM delivery_attempts WHERE detail LIKE '%token ***%'")
    assert kept[0][0] > 0
    live_files = database_contents(serve.db, serve.data_dir)
    assert serve.stop(signal.SIGTERM) == 0
    exports = asyncio.run(export_csv(serve, package_id, tmp_path))

    logs = list((serve.data_dir / "logs").glob("spreader.log*"))
    assert logs and " DEBUG " in logs[0].read_text()
    places: dict[str, bytes] = {f"live {name}": data for name, data in live_files.items()}
    places |= {p.name: p.read_bytes() for p in serve.data_dir.rglob("*") if p.is_file()}
    places |= {p.name: p.read_bytes() for p in exports}
    places |= {f"response {i}": b.encode() for i, b in enumerate(bodies)}
    found = [where for where, data in places.items() if TOKEN.encode() in data]
    assert found == [], f"the token is in plaintext in {found}"
    # 22 fixed requests plus at least one poll of the campaign: every answer was looked at.
    assert len(bodies) >= 23 and len(exports) == 5


async def test_secrets_wrong_keys_get_401_through_a_constant_time_compare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    async with live_stack(tmp_path) as st:
        anon = httpx.AsyncClient(base_url=st.server.url, timeout=30)
        async with anon:
            wrong = [
                {},
                {"X-API-Key": "not-the-key-0123456789"},
                {"Authorization": "Bearer not-the-key-0123456789"},
                {"Authorization": f"Basic {API_KEY}"},
                {"X-API-Key": API_KEY[:-1]},
            ]
            for headers in wrong:
                r = await anon.get("/api/v1/packages", headers=headers)
                assert r.status_code == 401, headers
                assert r.json()["error"]["code"] == "unauthorized"
                assert API_KEY not in r.text
            r = await anon.get("/api/v1/packages", params={"api_key": API_KEY})
            assert r.status_code == 401
            for headers in ({"X-API-Key": API_KEY}, {"Authorization": f"Bearer {API_KEY}"}):
                assert (await anon.get("/api/v1/packages", headers=headers)).status_code == 200
            assert (await anon.post("/webhooks/zentra/guess", json={})).status_code == 404
    presented = {a for a, _ in compared}
    assert b"not-the-key-0123456789" in presented and API_KEY[:-1].encode() in presented
    assert b"guess" in presented
    assert all(b in (API_KEY.encode(), WEBHOOK_SECRET.encode()) for _, b in compared)


async def test_secrets_api_listens_on_loopback_unless_spreader_host_says_otherwise(
    tmp_path: Path,
) -> None:
    base = {
        "SPREADER_DATA_DIR": str(tmp_path),
        "SPREADER_API_KEY": API_KEY,
        "SPREADER_WEBHOOK_SECRET": WEBHOOK_SECRET,
    }
    for env, expected in ((base, "127.0.0.1"), ({**base, "SPREADER_HOST": "0.0.0.0"}, "0.0.0.0")):
        settings = load_settings(env)
        assert settings.host == expected
        container = build(settings, key_source=MemoryKeySource())
        server = ApiServer(container)
        await server.start(settings.host, 0)
        try:
            port = int(server.url.rsplit(":", 1)[1])
            assert listening_address(port) == expected
            async with httpx.AsyncClient(timeout=30) as c:
                r = await c.get(f"http://127.0.0.1:{port}/api/v1/packages")
                assert r.status_code == 401  # the key is still required on any address
        finally:
            await server.stop()
            await container.stop()


async def test_secrets_every_send_and_change_leaves_an_audit_event(
    tmp_path: Path, database_url: str
) -> None:
    async with live_stack(tmp_path, database_url=database_url) as st:
        c, shop = st.client, devices(2)
        package_id = await st.package(shop)
        base = f"/api/v1/packages/{package_id}"
        assert (await c.put(base, json={"description": "Main"})).status_code == 200
        profiles = (await c.get(f"{base}/profiles")).json()["items"]
        pid = profiles[0]["id"]
        assert (await c.put(f"{base}/profiles/{pid}", json={"weight": 3})).status_code == 200
        r = await c.patch(f"{base}/profiles/{pid}/status", json={"status": "inactive"})
        assert r.status_code == 200
        later = {"schedule_at": "2099-01-01T09:00:00Z"}
        body = {"text": "Sale", "recipients": numbers(2), "options": later}
        message_id = (await c.post(f"{base}/messages/open", json=body)).json()["message_id"]
        for action in ("pause", "resume", "cancel"):
            r = await c.post(f"{base}/messages/{message_id}/{action}")
            assert r.status_code == 200, r.text
        reply = {"text": "Hi", "recipient": numbers(1, 50)[0]}
        assert (await c.post(f"{base}/messages/reply", json=reply)).status_code == 200
        r = await c.post(f"{base}/suppressions", json={"phone": numbers(1, 60)[0]})
        assert r.status_code == 201
        await st.container.app_settings.update({"theme": "dark"})
        await st.container.app_settings.regenerate_webhook_secret()
        assert (await c.delete(f"{base}/profiles/{pid}")).status_code == 204
        assert (await c.delete(base)).status_code == 204
        deadline = time.monotonic() + 10
        while not query(st.db, "SELECT 1 FROM audit_events WHERE action LIKE 'reply_%'"):
            assert time.monotonic() < deadline
            await asyncio.sleep(0.05)
    rows = query(st.db, "SELECT action, target, details FROM audit_events ORDER BY id")
    actions = [a for a, _, _ in rows]
    for expected in (
        "package_created",
        "package_updated",
        "package_deleted",
        "profile_created",
        "profile_updated",
        "profile_deleted",
        "open_message_created",
        "message_paused",
        "message_resumed",
        "message_cancelled",
        "reply_sent",
        "number_suppressed",
        "settings_changed",
        "webhook_secret_regenerated",
    ):
        assert expected in actions, f"no {expected} audit event in {actions}"
    assert actions.count("profile_created") == 2
    assert actions.count("profile_updated") == 2  # the weight, then the status
    created = [json.loads(d) for a, _, d in rows if a == "open_message_created"]
    assert created == [{"package_id": package_id, "recipients": 2}]
