"""``spreader serve`` as a user runs it: a real process, real HTTP, the fake gateway in its
own process, a stop signal in the middle of a campaign and a crash (SIGKILL); each on SQLite
and on PostgreSQL (``SPREADER_DATABASE_URL``)."""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx

from tests.campaign_data import FAST, numbers
from tests.integration.conftest import Spawn
from tests.serve_process import ALARMING, WEBHOOK_SECRET, ServeProcess, wait_until

DEVICES = {"dev-a": "token-aaaa-1111", "dev-b": "token-bbbb-2222"}


def make_package(c: httpx.Client, **policy: Any) -> tuple[str, list[str]]:
    # Real time, many sends a minute: new numbers' warm-up (its own tests) would stretch
    # these campaigns over days.
    body = {"name": "Shop", **FAST, "warmup_enabled": False, **policy}
    r = c.post("/api/v1/packages", json=body)
    assert r.status_code == 201, r.text
    package_id = r.json()["id"]
    profiles = []
    for uuid, token in DEVICES.items():
        body = {"name": uuid, "zentra_uuid": uuid, "zentra_api_token": token}
        r = c.post(f"/api/v1/packages/{package_id}/profiles", json=body)
        assert r.status_code == 201, r.text
        profiles.append(r.json()["id"])
    return package_id, profiles


def message(c: httpx.Client, package_id: str, message_id: str, **query: Any) -> dict[str, Any]:
    r = c.get(f"/api/v1/packages/{package_id}/messages/{message_id}", params=query)
    assert r.status_code == 200, r.text
    return dict(r.json())


def finished(c: httpx.Client, package_id: str, message_id: str) -> Callable[[], bool]:
    return lambda: message(c, package_id, message_id)["finished_at"] is not None


def deliveries(c: httpx.Client, package_id: str, message_id: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        page = message(c, package_id, message_id, limit=1000, offset=len(out))
        out += page["deliveries"]
        if len(out) >= page["deliveries_total"]:
            return out


def assert_clean(serve: ServeProcess) -> None:
    text = serve.stderr()
    assert not [line for line in text.splitlines() if any(a in line for a in ALARMING)], text
    assert all(token not in text for token in DEVICES.values())


def test_serve_drives_every_endpoint_over_real_http(spawn: Spawn, backend: str) -> None:
    fake, serve = spawn(DEVICES)
    anon = httpx.Client(base_url=serve.url, timeout=30)
    with serve.client() as c, anon:
        health = anon.get("/health").json()
        assert (health["status"], health["database"]) == ("ok", backend)
        assert anon.get("/api/v1/openapi.json").json()["openapi"] == "3.1.0"
        assert anon.get("/api/v1/packages").status_code == 401

        package_id, (a, b) = make_package(c)
        base = f"/api/v1/packages/{package_id}"
        assert c.get("/api/v1/packages").json()["total"] == 1
        assert c.put(base, json={"description": "Main shop"}).json()["description"] == "Main shop"
        assert {p["id"] for p in c.get(f"{base}/profiles").json()["items"]} == {a, b}
        assert c.get(f"{base}/profiles/{a}/health").json()["health_score"] == 100

        recipients = numbers(30)
        r = c.post(
            f"{base}/messages/open", json={"text": "Sale", "recipients": [*recipients, "12"]}
        )
        assert r.status_code == 202, r.text
        opened = r.json()
        assert opened["accepted"] == 30 and set(opened["distribution"]) == {a, b}
        wait_until(finished(c, package_id, opened["message_id"]), 60, "the campaign")
        done = message(c, package_id, opened["message_id"])
        assert done["status"] == "completed" and done["sent_count"] == 30
        rows = deliveries(c, package_id, opened["message_id"])
        sent = [d["recipient"] for d in rows if d["status"] == "sent"]
        assert sorted(sent) == sorted(recipients)
        assert Counter(d["status"] for d in rows) == {"sent": 30, "skipped": 1}
        assert {d["profile_id"] for d in rows if d["status"] == "sent"} == {a, b}
        stats = c.get(f"{base}/stats").json()
        assert stats["today"]["open"]["sent"] == 30
        assert c.get(f"{base}/messages", params={"mode": "open"}).json()["total"] == 1

        inbound = {"device_uuid": "dev-b", "from": "201099999999", "text": "Where is my order?"}
        hook = f"/webhooks/zentra/{WEBHOOK_SECRET}"
        assert anon.post(hook, json=inbound).json()["status"] == "stored"
        reply = {"text": "Tomorrow", "recipient": "+201099999999"}
        out = c.post(f"{base}/messages/reply", json=reply).json()
        assert out["status"] == "sent" and out["profile_used"] == b and not out["rerouted"]
        c.patch(f"{base}/profiles/{b}/status", json={"status": "inactive"})
        out = c.post(f"{base}/messages/reply", json=reply).json()
        assert out["status"] == "sent" and out["profile_used"] == a and out["rerouted"]
        thread = c.get(f"{base}/conversations/+201099999999").json()
        assert [i["direction"] for i in thread["items"]] == ["in", "out", "out"]
        assert c.get(f"{base}/conversations").json()["total"] == 1

        checked = c.post("/api/v1/validate-numbers", json={"numbers": ["+201066183456", "12"]})
        assert [x["valid"] for x in checked.json()["results"]] == [True, False]
        assert c.post(f"{base}/suppressions", json={"phone": "+201000000077"}).status_code == 201
        assert c.get(f"{base}/suppressions").json()["total"] == 1
        gone = c.delete(f"{base}/suppressions", params={"phone": "+201000000077"})
        assert gone.status_code == 204

        later = {"text": "Later", "recipients": numbers(3, 100)}
        later["options"] = {"schedule_at": "2099-01-01T09:00:00Z"}
        scheduled = c.post(f"{base}/messages/open", json=later).json()
        url = f"{base}/messages/{scheduled['message_id']}"
        assert scheduled["status"] == "scheduled"
        assert c.post(f"{url}/pause").json()["status"] == "paused"
        assert c.post(f"{url}/resume").json()["status"] in ("queued", "scheduled")
        assert c.post(f"{url}/cancel").json()["status"] == "cancelled"

        assert c.delete(base).status_code == 204
        assert c.get(base).status_code == 404
    assert serve.stop() == 0
    assert_clean(serve)


def test_serve_restart_in_the_middle_of_a_campaign_sends_each_recipient_once(
    spawn: Spawn,
) -> None:
    _, serve = spawn(DEVICES)
    recipients = numbers(12)
    with serve.client() as c:
        package_id, _ = make_package(c, cooldown_seconds=1)
        body = {"text": "Sale", "recipients": recipients}
        message_id = c.post(f"/api/v1/packages/{package_id}/messages/open", json=body).json()[
            "message_id"
        ]
        wait_until(lambda: message(c, package_id, message_id)["sent_count"] >= 3, 60, "sends")
    assert serve.stop(signal.SIGTERM) == 0
    serve.start()
    with serve.client() as c:
        before = message(c, package_id, message_id)
        assert before["finished_at"] is None, "the campaign should have been stopped midway"
        wait_until(finished(c, package_id, message_id), 60, "the campaign after a restart")
        rows = deliveries(c, package_id, message_id)
    assert Counter(d["status"] for d in rows) == {"sent": len(recipients)}
    assert sorted(d["recipient"] for d in rows) == sorted(recipients)
    assert all(d["attempt_count"] == 1 for d in rows), "a recipient was sent twice"
    assert serve.stop() == 0
    assert_clean(serve)


def test_serve_crash_leaves_in_flight_sends_uncertain_and_never_resends_them(
    spawn: Spawn,
) -> None:
    _, serve = spawn(DEVICES, latency_ms=1500)
    recipients = numbers(6)
    with serve.client() as c:
        package_id, _ = make_package(c)
        body = {"text": "Sale", "recipients": recipients}
        message_id = c.post(f"/api/v1/packages/{package_id}/messages/open", json=body).json()[
            "message_id"
        ]

        def in_flight() -> bool:
            return message(c, package_id, message_id, status="sending")["deliveries_total"] > 0

        wait_until(in_flight, 30, "a send in flight")
        flying = {
            d["recipient"]
            for d in message(c, package_id, message_id, status="sending")["deliveries"]
        }
    assert serve.stop(signal.SIGKILL) == -signal.SIGKILL
    crashed_log = len(serve.logs)
    serve.start()
    with serve.client() as c:
        wait_until(finished(c, package_id, message_id), 60, "the campaign after a crash")
        rows = {d["recipient"]: d for d in deliveries(c, package_id, message_id)}
        done = message(c, package_id, message_id)
    assert flying and set(rows) == set(recipients)
    for number in recipients:
        d = rows[number]
        if number in flying:
            assert d["status"] == "uncertain" and d["attempt_count"] == 1, d
            assert d["error"]
        else:
            assert d["status"] == "sent" and d["attempt_count"] == 1, d
    assert done["processed_count"] == len(recipients)
    assert serve.stop() == 0
    serve.logs = serve.logs[crashed_log:]  # the killed run had no chance to finish its log
    assert_clean(serve)
