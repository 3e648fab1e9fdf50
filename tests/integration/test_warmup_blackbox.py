"""Warm-up and the unanswered budget as a user meets them: ``spreader serve`` and the fake
gateway as real processes."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import httpx

from tests.campaign_data import FAST, numbers
from tests.integration.conftest import Spawn
from tests.serve_process import WEBHOOK_SECRET, FakeProcess, wait_until

DEVICE = {"dev-new": "token-new-12345678"}


def _package(c: httpx.Client, **policy: object) -> str:
    r = c.post("/api/v1/packages", json={"name": "Shop", **FAST, **policy})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _profile(c: httpx.Client, package_id: str, **fields: object) -> dict[str, object]:
    ((uuid, token),) = DEVICE.items()
    body = {"name": "New phone", "zentra_uuid": uuid, "zentra_api_token": token, **fields}
    r = c.post(f"/api/v1/packages/{package_id}/profiles", json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


def _reached(fake: FakeProcess) -> list[str]:
    return [m["recipient"] for m in fake.report()["received"]]


def _settled(fake: FakeProcess, seconds: float) -> list[str]:
    """What reached the gateway once nothing more arrived for ``seconds``."""
    seen = _reached(fake)
    quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < seconds:
        time.sleep(0.2)
        now = _reached(fake)
        if now != seen:
            seen, quiet_since = now, time.monotonic()
    return seen


def test_a_new_number_reaches_at_most_its_first_stage_and_the_finish_is_days_away(
    spawn: Spawn,
) -> None:
    fake, serve = spawn(DEVICE)
    with serve.client() as c:
        package_id = _package(c)
        profile = _profile(c, package_id)
        assert (profile["warmup_stage"], profile["health_band"]) == (1, "ok")
        base = f"/api/v1/packages/{package_id}"
        r = c.post(f"{base}/messages/open", json={"text": "Sale", "recipients": numbers(100)})
        assert r.status_code == 202, r.text
        finish = datetime.fromisoformat(r.json()["estimated_completion"])
        # 100 new people at 20 a day: the fifth day, not this afternoon.
        assert finish - datetime.now(finish.tzinfo) > timedelta(days=4)
        wait_until(lambda: len(_reached(fake)) >= 5, 60, "the first hour's share")
        reached = _settled(fake, 3.0)
        # Stage 1: 20 new recipients a day, of which 5 in any hour.
        assert 1 <= len(reached) <= 20 and len(reached) == 5
        stats = c.get(f"{base}/stats").json()["limits_status"][profile["id"]]
        assert stats["warmup"] == {"stage": 1, "new_recipients_cap": 20, "new_recipients_used": 5}
        assert stats["status"] == "limit_reached" and stats["health_band"] == "ok"
        # The owner knows the number is in use already: declared warm, the rest goes now.
        r = c.put(f"{base}/profiles/{profile['id']}", json={"warmup_stage": 10})
        assert r.status_code == 200 and r.json()["warmup_stage"] == 10, r.text
        wait_until(lambda: len(_reached(fake)) == 100, 60, "the rest of the campaign")


def test_the_unanswered_budget_stops_a_number_until_a_customer_answers(spawn: Spawn) -> None:
    fake, serve = spawn(DEVICE)
    with serve.client() as c:
        package_id = _package(c, max_unanswered_per_profile_per_30d=3)
        # A number already in use: the owner declares it warm, so only the budget applies.
        profile = _profile(c, package_id, warmup_stage=10)
        base = f"/api/v1/packages/{package_id}"
        recipients = numbers(6)
        r = c.post(f"{base}/messages/open", json={"text": "Sale", "recipients": recipients})
        assert r.status_code == 202, r.text
        wait_until(lambda: len(_reached(fake)) >= 3, 60, "the budget's sends")
        first = _settled(fake, 2.0)
        assert len(first) == 3
        stats = c.get(f"{base}/stats").json()["limits_status"][profile["id"]]
        assert stats["unanswered"] == {"used": 3, "cap": 3}
        inbound = {"device_uuid": "dev-new", "from": first[0].lstrip("+"), "text": "How much?"}
        assert c.post(f"/webhooks/zentra/{WEBHOOK_SECRET}", json=inbound).json()["status"] == (
            "stored"
        )
        # Their answer frees one send of the budget, and only one.
        wait_until(lambda: len(_reached(fake)) >= 4, 60, "the send the answer freed")
        assert len(_settled(fake, 2.0)) == 4
