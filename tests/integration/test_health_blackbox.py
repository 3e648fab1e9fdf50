"""Health with reasons as a user meets it: ``spreader serve`` and the fake gateway as real
processes. A device the gateway keeps rate-limiting drops into AT_RISK and the API says
why; a ban answered to a reply trips the pool breaker as an Open Chat ban does."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from tests.campaign_data import FAST, numbers
from tests.integration.conftest import Spawn
from tests.integration.test_serve_blackbox import assert_clean, deliveries
from tests.serve_process import WEBHOOK_SECRET, wait_until

DEVICES = {"dev-a": "token-aaaa-1111", "dev-b": "token-bbbb-2222", "dev-c": "token-cccc-3333"}


def _package(c: httpx.Client, devices: list[str], **policy: Any) -> tuple[str, dict[str, str]]:
    r = c.post("/api/v1/packages", json={"name": "Shop", **FAST, **policy})
    assert r.status_code == 201, r.text
    package_id = r.json()["id"]
    profiles = {}
    for uuid in devices:
        body = {
            "name": uuid,
            "zentra_uuid": uuid,
            "zentra_api_token": DEVICES[uuid],
            "warmup_stage": 10,
        }
        r = c.post(f"/api/v1/packages/{package_id}/profiles", json=body)
        assert r.status_code == 201, r.text
        profiles[uuid] = r.json()["id"]
    return package_id, profiles


def _events(c: httpx.Client, base: str) -> list[dict[str, Any]]:
    return list(c.get(f"{base}/events").json()["items"])


def test_rate_limits_drop_a_device_into_at_risk_with_its_reasons(spawn: Spawn) -> None:
    fake, serve = spawn({"dev-a": DEVICES["dev-a"]}, faults={"rate_limit": 1.0})
    with serve.client() as c:
        package_id, profiles = _package(c, ["dev-a"], retry_delay_ms=100)
        base = f"/api/v1/packages/{package_id}"
        profile_url = f"{base}/profiles/{profiles['dev-a']}"
        r = c.post(f"{base}/messages/open", json={"text": "Sale", "recipients": numbers(2)})
        assert r.status_code == 202, r.text
        wait_until(
            lambda: c.get(profile_url).json()["health_band"] == "at_risk", 90, "AT_RISK band"
        )
        profile = c.get(profile_url).json()
        reasons = profile["health_reasons"]
        assert reasons and {x["reason"] for x in reasons} == {"rate_limited"}
        assert all(0 < x["points"] <= 5 for x in reasons)
        stamps = [datetime.fromisoformat(x["at"]) for x in reasons]
        assert stamps == sorted(stamps, reverse=True)  # newest first
        # The score is what the reasons took off.
        assert profile["health_score"] == 100 - sum(x["points"] for x in reasons)
        assert 40 <= profile["health_score"] < 80
        stats = c.get(f"{base}/stats").json()
        assert stats["limits_status"][profiles["dev-a"]]["health_band"] == "at_risk"
        assert stats["limits_status"][profiles["dev-a"]]["health_reasons"]
        # The band change is an event with its reasons; one device of one is over 30 %
        # below OK, so the pool slows until it heals.
        events = _events(c, base)
        band = [e for e in events if e["type"] == "band_changed"]
        assert band and band[0]["profile_id"] == profiles["dev-a"]
        assert "ok -> at_risk" in band[0]["reason"] and "rate_limited" in band[0]["reason"]
        assert "at_risk_slowed" in [e["type"] for e in events]
        pool = c.get(base).json()["pool"]
        assert (pool["state"], pool["factor"]) == ("slowed", 0.5) and pool["until"] is not None
        assert fake.report()["attempts"]
    assert_clean(serve)


def test_a_ban_answered_to_a_reply_trips_the_breaker(spawn: Spawn) -> None:
    fake, serve = spawn(DEVICES)
    with serve.client() as c:
        # One send per device, then a long cooldown: the rest waits while the reply goes.
        package_id, profiles = _package(c, list(DEVICES), cooldown_seconds=600)
        base = f"/api/v1/packages/{package_id}"
        r = c.post(f"{base}/messages/open", json={"text": "Sale", "recipients": numbers(9)})
        assert r.status_code == 202, r.text
        message_id = r.json()["message_id"]
        wait_until(lambda: len(fake.report()["received"]) == 3, 60, "one send per device")

        fake.set_device_state("dev-b", "banned")
        phone = "+201099999999"
        inbound = {"device_uuid": "dev-b", "from": phone.lstrip("+"), "text": "Hello?"}
        hook = c.post(f"/webhooks/zentra/{WEBHOOK_SECRET}", json=inbound)
        assert hook.json()["status"] == "stored"
        out = c.post(f"{base}/messages/reply", json={"text": "Hi!", "recipient": phone}).json()
        # The reply went on through another device.
        assert out["status"] == "sent" and out["rerouted"], out
        assert out["profile_used"] != profiles["dev-b"]

        wait_until(
            lambda: c.get(f"{base}/profiles/{profiles['dev-b']}").json()["status"] == "blocked",
            30,
            "dev-b blocked",
        )
        events = _events(c, base)
        assert [e["type"] for e in events][:2] == ["blocked", "breaker_tripped"]
        assert events[0]["profile_id"] == profiles["dev-b"]
        pool = c.get(base).json()["pool"]
        assert (pool["state"], pool["factor"]) == ("slowed", 0.5)
        # dev-b's waiting recipients are held, not handed to its neighbours.
        wait_until(
            lambda: any(d["status"] == "held" for d in deliveries(c, package_id, message_id)),
            30,
            "held recipients",
        )
        rows = deliveries(c, package_id, message_id)
        held = [d for d in rows if d["status"] == "held"]
        assert held and all(d["profile_id"] == profiles["dev-b"] for d in held)
    assert_clean(serve)
