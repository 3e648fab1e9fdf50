"""Quiet hours on the recipient's clock and the ``why`` of each delivery, as a user meets
them: ``spreader serve`` and the fake gateway as real processes, real time.

The package's quiet hours are set from the clock now so that, whatever the hour of the run,
Egypt and Saudi Arabia are inside them while Morocco and the UK are not.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from tests.campaign_data import FAST
from tests.integration.conftest import Spawn
from tests.serve_process import wait_until

DEVICES = {"dev-a": "token-aaaa-1111", "dev-b": "token-bbbb-2222"}
EGYPT = ["+201001234567", "+201001234568"]
SAUDI = ["+966501234567"]
MOROCCO = ["+212612345678"]
UK = ["+447911123456"]


def _quiet_window(now: datetime) -> str:
    """Quiet from 90 minutes after London's time now, for 12 hours: Cairo (London + 2 h)
    and Riyadh (+ 3 h or + 2 h) are inside, Casablanca (+ 1 h or + 0 h) and London not."""
    london = now.astimezone(ZoneInfo("Europe/London"))
    start = london + timedelta(minutes=90)
    end = start + timedelta(hours=12)
    return f"{start:%H:%M}-{end:%H:%M}"


def _reached(c: httpx.Client, base: str, mid: str) -> dict[str, str]:
    r = c.get(f"{base}/messages/{mid}", params={"limit": 100})
    assert r.status_code == 200, r.text
    return {d["recipient"]: d["status"] for d in r.json()["deliveries"]}


def test_recipients_inside_their_quiet_hours_wait_and_say_until_when_and_where(
    spawn: Spawn,
) -> None:
    fake, serve = spawn(DEVICES)
    with serve.client() as c:
        window = _quiet_window(datetime.now(UTC))
        body = {"name": "Cairo shop", **FAST, "timezone": "Africa/Cairo"}
        body["recipient_quiet_hours"] = window
        r = c.post("/api/v1/packages", json=body)
        assert r.status_code == 201, r.text
        assert r.json()["recipient_quiet_hours"] == window
        base = f"/api/v1/packages/{r.json()['id']}"
        for uuid, token in DEVICES.items():
            profile = {"name": f"Phone {uuid[-1]}", "zentra_uuid": uuid, "zentra_api_token": token}
            assert c.post(f"{base}/profiles", json=profile).status_code == 201
        recipients = EGYPT + SAUDI + MOROCCO + UK
        r = c.post(f"{base}/messages/open", json={"text": "Sale", "recipients": recipients})
        assert r.status_code == 202, r.text
        mid = r.json()["message_id"]
        awake = set(MOROCCO + UK)
        wait_until(
            lambda: {p for p, s in _reached(c, base, mid).items() if s == "sent"} == awake,
            60,
            "the recipients whose day it is",
        )
        r = c.get(f"{base}/messages/{mid}", params={"explain": "1"})
        assert r.status_code == 200, r.text
        detail = r.json()
        by_phone = {d["recipient"]: d for d in detail["deliveries"]}
        assert all(d["why"] for d in detail["deliveries"])
        for phone in EGYPT + SAUDI:
            d = by_phone[phone]
            assert d["status"] == "pending", d
            assert "waits until" in d["why"] and "for quiet hours in" in d["why"], d["why"]
            assert d["decision"]["constraints"] == ["quiet_hours"]
            assert d["decision"]["candidates"] == 2
        assert by_phone[EGYPT[0]]["recipient_zone"] == "Africa/Cairo"
        assert "quiet hours in Riyadh" in by_phone[SAUDI[0]]["why"]
        assert by_phone[MOROCCO[0]]["zone_source"] == "override"
        for phone in awake:
            assert by_phone[phone]["why"].startswith("Sent by Phone "), by_phone[phone]
        assert detail["waiting_by_reason"] == {
            "quiet_hours:Africa/Cairo": 2,
            "quiet_hours:Asia/Riyadh": 1,
        }
        assert len(fake.report()["received"]) == 2
