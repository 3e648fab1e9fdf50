"""The pool breaker as a user meets it: ``spreader serve`` and the fake gateway as real
processes, three devices, one banned mid-campaign, then a second one."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx

from tests.campaign_data import FAST, numbers
from tests.integration.conftest import Spawn
from tests.integration.test_serve_blackbox import assert_clean, deliveries, message
from tests.serve_process import WEBHOOK_SECRET, FakeProcess, wait_until

DEVICES = {"dev-a": "token-aaaa-1111", "dev-b": "token-bbbb-2222", "dev-c": "token-cccc-3333"}
COOLDOWN = 1


def _package(c: httpx.Client) -> tuple[str, dict[str, str]]:
    policy = {**FAST, "cooldown_seconds": COOLDOWN, "max_messages_per_profile_per_hour": 100}
    r = c.post("/api/v1/packages", json={"name": "Shop", **policy})
    assert r.status_code == 201, r.text
    package_id = r.json()["id"]
    assert r.json()["pool"]["state"] == "normal" and r.json()["pool"]["factor"] == 1
    profiles = {}
    for uuid, token in DEVICES.items():
        # Numbers already in use: the owner declares them warm (no warm-up caps).
        body = {"name": uuid, "zentra_uuid": uuid, "zentra_api_token": token, "warmup_stage": 10}
        r = c.post(f"/api/v1/packages/{package_id}/profiles", json=body)
        assert r.status_code == 201, r.text
        profiles[uuid] = r.json()["id"]
    return package_id, profiles


def _received(fake: FakeProcess) -> list[dict[str, Any]]:
    return fake.report()["received"]


def _open(c: httpx.Client, base: str, recipients: list[str]) -> str:
    r = c.post(f"{base}/messages/open", json={"text": "Sale", "recipients": recipients})
    assert r.status_code == 202, r.text
    return str(r.json()["message_id"])


def _reply_goes(c: httpx.Client, base: str, device: str, phone: str) -> None:
    inbound = {"device_uuid": device, "from": phone.lstrip("+"), "text": "Where is my order?"}
    assert c.post(f"/webhooks/zentra/{WEBHOOK_SECRET}", json=inbound).json()["status"] == "stored"
    out = c.post(f"{base}/messages/reply", json={"text": "Tomorrow", "recipient": phone}).json()
    assert out["status"] == "sent", out


def test_pool_breaker_holds_slows_pauses_and_releases(spawn: Spawn) -> None:
    fake, serve = spawn(DEVICES)
    with serve.client() as c:
        package_id, profiles = _package(c)
        base = f"/api/v1/packages/{package_id}"
        first = numbers(24)
        mid = _open(c, base, first)
        wait_until(lambda: len(_received(fake)) >= 6, 60, "the first sends")
        fake.set_device_state("dev-a", "banned")
        wait_until(
            lambda: c.get(f"{base}/profiles/{profiles['dev-a']}").json()["status"] == "blocked",
            60,
            "dev-a blocked",
        )
        wait_until(lambda: message(c, package_id, mid)["held_count"] > 0, 30, "held recipients")
        wait_until(
            lambda: (
                message(c, package_id, mid)["processed_count"]
                + message(c, package_id, mid)["held_count"]
                == len(first)
            ),
            120,
            "the rest of the campaign",
        )
        rows = deliveries(c, package_id, mid)
        held = {d["recipient"] for d in rows if d["status"] == "held"}
        assert Counter(d["status"] for d in rows) == {
            "sent": len(first) - len(held),
            "held": len(held),
        }
        assert message(c, package_id, mid)["finished_at"] is None
        got = _received(fake)
        # None of the held recipients reached another device (or any device).
        assert not held & {"+" + m["recipient"] for m in got}
        profile = c.get(f"{base}/profiles/{profiles['dev-a']}").json()
        assert "Device banned" in profile["status_reason"]

        # The others slowed to half: caps halved, and their gaps doubled after the ban.
        stats = c.get(f"{base}/stats").json()
        assert (stats["pool"]["state"], stats["pool"]["factor"]) == ("slowed", 0.5)
        assert stats["pool"]["until"] is not None
        assert stats["limits_status"][profiles["dev-b"]]["hourly_cap"] == 50
        banned_at = next(
            a["at"] for a in fake.report()["attempts"] if a["outcome"] == "device_banned"
        )
        for dev in ("dev-b", "dev-c"):
            times = sorted(m["at"] for m in got if m["device_uuid"] == dev and m["at"] > banned_at)
            gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
            assert gaps and min(gaps) >= 2 * COOLDOWN - 0.05, (dev, gaps)
        assert c.get(f"{base}").json()["pool"]["factor"] == 0.5
        events = c.get(f"{base}/events").json()["items"]
        assert [e["type"] for e in events] == ["blocked", "breaker_tripped"]
        assert events[0]["profile_id"] == profiles["dev-a"] and events[0]["reason"]
        _reply_goes(c, base, "dev-b", "+201099999999")

        # A second ban within 24 hours pauses Open Chat.
        fake.set_device_state("dev-b", "banned")
        second = _open(c, base, numbers(6, 100))
        wait_until(lambda: c.get(base).json()["pool"]["state"] == "paused", 60, "the pause")
        assert [e["type"] for e in c.get(f"{base}/events").json()["items"]][-1] == "paused"
        before = len(_received(fake))
        _reply_goes(c, base, "dev-c", "+201088888888")
        wait_until(lambda: len(_received(fake)) == before + 1, 30, "the reply")
        pending = message(c, package_id, second)
        # dev-c may send one before dev-b's first "banned" answer trips the pause (its pace
        # is halved: one send per 2 s); once paused, nothing more goes out (checked below).
        assert pending["sent_count"] <= 1 and pending["finished_at"] is None
        assert c.post(f"{base}/pool/resume", json={}).status_code == 422
        assert c.post(f"{base}/pool/resume", json={"note": "  "}).status_code == 422
        assert c.get(base).json()["pool"]["state"] == "paused"
        assert len(_received(fake)) == before + 1

        r = c.post(f"{base}/pool/resume", json={"note": "Checked both numbers; new text."})
        assert r.status_code == 200 and r.json()["state"] == "slowed"
        released = c.post(f"{base}/held/release").json()["released"]
        assert released >= len(held)
        wait_until(lambda: message(c, package_id, mid)["finished_at"] is not None, 120, "release")
        final = deliveries(c, package_id, mid)
        assert Counter(d["status"] for d in final) == {"sent": len(first)}
        by_device = {"+" + m["recipient"]: m["device_uuid"] for m in _received(fake)}
        assert {by_device[r] for r in held} == {"dev-c"}
        types = [e["type"] for e in c.get(f"{base}/events").json()["items"]]
        assert types[-2:] == ["resumed", "released"]
    assert_clean(serve)
