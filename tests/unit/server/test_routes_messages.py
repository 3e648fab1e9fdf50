"""Open Chat, Reply Chat (stickiness and re-routing), message status, lists and controls."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import httpx

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from spreader_app.core.models import ProfileStatus
from tests.helpers import drain
from tests.unit.server.conftest import TOKENS, Shop, assert_error

# Around the clock for the recipients too: these tests pin planned times to the minute.
ALL_DAY = {
    "active_hours_start": "00:00",
    "active_hours_end": "00:00",
    "cooldown_seconds": 0,
    "recipient_quiet_hours": None,
}
NUMBERS = ["+201000000001", "+201000000002", "+201000000003", "+201000000004"]


def msgs(package_id: str) -> str:
    return f"/api/v1/packages/{package_id}/messages"


async def test_open_chat_answers_202_with_plan_and_limits(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package(**ALL_DAY)
    a = await shop.profile(package_id, "dev-a")
    b = await shop.profile(package_id, "dev-b")
    body = {
        "type": "text",
        "text": "Hello! Special offer for you...",
        "recipients": [*NUMBERS, "201000000001", "12", "2.01066E+11"],
        "options": {"waiting_strategy": "drip", "drip_interval_minutes": 2, "schedule_at": None},
    }
    r = await client.post(f"{msgs(package_id)}/open", json=body)
    assert r.status_code == 202, r.text
    out = r.json()
    assert out["message_id"].startswith("msg_") and out["mode"] == "open"
    assert out["status"] == "queued"
    assert out["total_recipients"] == 7 and out["accepted"] == 4
    assert sorted(s["reason"] for s in out["skipped"]) == [
        "duplicate",
        "invalid:missing_country_code",
        "invalid:scientific_notation",
    ]
    assert all(s["input"] and s["message"] for s in out["skipped"])
    assert set(out["distribution"]) == {a, b}
    assert sorted(n for ns in out["distribution"].values() for n in ns) == NUMBERS
    assert out["estimated_completion"].endswith("Z")
    assert out["limits_status"][a]["hourly"] == "0/50"
    assert out["limits_status"][b]["status"] == "active"
    assert r.headers["Location"] == f"{msgs(package_id)}/{out['message_id']}"


async def test_open_chat_scheduled_for_later(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package(**ALL_DAY)
    await shop.profile(package_id, "dev-a")
    body = {
        "text": "Later",
        "recipients": NUMBERS[:1],
        "options": {"schedule_at": "2025-06-17T09:00:00+03:00"},
    }
    out = (await client.post(f"{msgs(package_id)}/open", json=body)).json()
    assert out["status"] == "scheduled"
    assert out["estimated_completion"] == "2025-06-17T06:00:00Z"


async def test_open_chat_validation_errors_name_their_fields(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    r = await client.post(
        f"{msgs(package_id)}/open",
        json={
            "type": "fax",
            "recipients": [],
            "options": {"waiting_strategy": "drip", "schedule_at": "tomorrow"},
        },
    )
    error = assert_error(r, 422, "validation_error")
    fields = {d["field"] for d in error["details"]}
    assert {"type", "recipients", "options.drip_interval_minutes", "options.schedule_at"} <= fields


async def test_open_chat_text_over_65536_characters_is_422(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    r = await client.post(
        f"{msgs(package_id)}/open", json={"text": "x" * 65_537, "recipients": NUMBERS}
    )
    error = assert_error(r, 422, "validation_error")
    assert error["details"][0]["field"] == "text"
    assert "65536" in error["details"][0]["message"]


async def test_open_chat_refuses_local_file_paths(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    r = await client.post(
        f"{msgs(package_id)}/open",
        json={"type": "document", "media_path": "/etc/passwd", "recipients": NUMBERS},
    )
    error = assert_error(r, 422, "validation_error")
    assert error["details"][0]["field"] == "media_path"


async def test_open_chat_with_no_valid_recipient_is_422_per_input(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    await shop.profile(package_id, "dev-a")
    r = await client.post(f"{msgs(package_id)}/open", json={"text": "Hi", "recipients": ["12"]})
    error = assert_error(r, 422, "validation_error")
    assert error["details"][0]["input"] == "12"


async def test_open_chat_without_profiles_is_409(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    r = await client.post(f"{msgs(package_id)}/open", json={"text": "Hi", "recipients": NUMBERS})
    assert_error(r, 409, "no_profile_available")
    r = await client.post(f"{msgs('pkg_nope')}/open", json={"text": "Hi", "recipients": NUMBERS})
    assert_error(r, 404, "not_found")


async def test_message_status_with_paginated_deliveries(
    client: httpx.AsyncClient, shop: Shop, container: Container, clock: ManualClock
) -> None:
    package_id = await shop.package(**ALL_DAY)
    profile_id = await shop.profile(package_id, "dev-a")
    body = {"text": "Hi", "recipients": [*NUMBERS, "12"]}
    message_id = (await client.post(f"{msgs(package_id)}/open", json=body)).json()["message_id"]
    await drain(container, clock)

    r = await client.get(f"{msgs(package_id)}/{message_id}", params={"limit": 2, "offset": 1})
    assert r.status_code == 200
    out = r.json()
    assert out["status"] == "completed"
    assert out["total_recipients"] == 5 and out["processed_count"] == 5
    assert out["sent_count"] == 4 and out["failed_count"] == 0 and out["skipped_count"] == 1
    assert out["deliveries_total"] == 5 and out["limit"] == 2 and out["offset"] == 1
    assert [d["recipient"] for d in out["deliveries"]] == NUMBERS[1:3]
    first = out["deliveries"][0]
    assert first["profile_id"] == profile_id and first["status"] == "sent"
    assert first["attempt_count"] == 1 and first["sent_at"].endswith("Z")
    assert first["error"] == "" and first["skip_reason"] == ""
    skipped = (
        await client.get(f"{msgs(package_id)}/{message_id}", params={"status": "skipped"})
    ).json()
    assert skipped["deliveries_total"] == 1
    assert skipped["deliveries"][0]["skip_reason"] == "invalid:missing_country_code"
    bad = await client.get(f"{msgs(package_id)}/{message_id}", params={"limit": "lots"})
    assert assert_error(bad, 422, "validation_error")["details"][0]["field"] == "query.limit"
    assert_error(await client.get(f"{msgs(package_id)}/msg_nope"), 404, "not_found")


async def test_list_messages_filters_and_paginates(
    client: httpx.AsyncClient, shop: Shop, clock: ManualClock
) -> None:
    package_id = await shop.package(**ALL_DAY)
    await shop.profile(package_id, "dev-a")
    ids = []
    for n in NUMBERS[:3]:
        r = await client.post(f"{msgs(package_id)}/open", json={"text": "Hi", "recipients": [n]})
        ids.append(r.json()["message_id"])
        clock.advance(60)
    page = (await client.get(msgs(package_id), params={"limit": 2})).json()
    assert page["total"] == 3 and page["limit"] == 2 and page["offset"] == 0
    assert [m["message_id"] for m in page["items"]] == ids[::-1][:2]
    since = (clock.now() - timedelta(seconds=150)).isoformat().replace("+00:00", "Z")
    recent = (await client.get(msgs(package_id), params={"since": since})).json()
    assert [m["message_id"] for m in recent["items"]] == ids[::-1][:2]
    # A "+hh:mm" offset whose "+" was not percent-encoded still reads as an offset.
    until = "2025-06-16T09:00:30 03:00"
    early = (await client.get(f"{msgs(package_id)}?until={until}")).json()
    assert [m["message_id"] for m in early["items"]] == ids[:1]
    assert (await client.get(msgs(package_id), params={"mode": "reply"})).json()["total"] == 0
    assert (await client.get(msgs(package_id), params={"status": "queued"})).json()["total"] == 3
    r = await client.get(msgs(package_id), params={"status": "lost", "limit": 501, "since": "x"})
    error = assert_error(r, 422, "validation_error")
    assert {d["field"] for d in error["details"]} == {"query.status", "query.limit", "query.since"}


async def test_cancel_pause_resume(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package(**ALL_DAY)
    await shop.profile(package_id, "dev-a")
    body = {"text": "Hi", "recipients": NUMBERS}
    message_id = (await client.post(f"{msgs(package_id)}/open", json=body)).json()["message_id"]
    url = f"{msgs(package_id)}/{message_id}"
    assert (await client.post(f"{url}/pause")).json()["status"] == "paused"
    assert (await client.post(f"{url}/resume")).json()["status"] == "queued"
    cancelled = (await client.post(f"{url}/cancel")).json()
    assert cancelled["status"] == "cancelled" and cancelled["processed_count"] == 4
    assert_error(await client.post(f"{url}/cancel"), 409, "conflict")
    assert_error(await client.post(f"{url}/resume"), 409, "conflict")
    assert_error(await client.post(f"{msgs(package_id)}/msg_nope/pause"), 404, "not_found")


async def test_reply_is_sent_at_once_with_the_plan_note(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    profile_id = await shop.profile(package_id, "dev-a")
    body = {"type": "text", "text": "Your order will arrive tomorrow!", "recipient": "201066183456"}
    r = await client.post(f"{msgs(package_id)}/reply", json=body | {"conversation_id": "c-1"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["mode"] == "reply" and out["status"] == "sent"
    assert out["profile_used"] == profile_id and out["rerouted"] is False
    assert out["sent_at"] == "2025-06-16T06:00:00Z" and out["error"] == ""
    assert isinstance(out["delivery_time_ms"], int)
    assert out["note"] == "Reply messages bypass all rate limits"
    assert [m.recipient for m in shop.fake.received] == ["201066183456"]


async def test_reply_uses_the_default_region_for_national_numbers(
    client: httpx.AsyncClient, shop: Shop, container: Container
) -> None:
    package_id = await shop.package()
    await shop.profile(package_id, "dev-a")
    body = {"text": "Hi", "recipient": "01066183456"}
    r = await client.post(f"{msgs(package_id)}/reply", json=body)
    assert assert_error(r, 422, "validation_error")["details"][0]["field"] == "recipient"
    container.settings = dataclasses.replace(container.settings, default_region="EG")
    assert (await client.post(f"{msgs(package_id)}/reply", json=body)).json()["status"] == "sent"


async def test_reply_sticks_to_the_profile_the_customer_wrote_to(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    await shop.profile(package_id, "dev-a")
    b = await shop.profile(package_id, "dev-b")
    await shop.inbound("dev-b", "201066183456", "Where is my order?")
    body = {"text": "On its way", "recipient": "+201066183456"}
    out = (await client.post(f"{msgs(package_id)}/reply", json=body)).json()
    assert out["profile_used"] == b and out["rerouted"] is False
    assert shop.fake.received[-1].device_uuid == "dev-b"


async def test_reply_reroutes_when_the_sticky_profile_is_inactive_or_blocked(
    client: httpx.AsyncClient, shop: Shop, container: Container, clock: ManualClock
) -> None:
    package_id = await shop.package()
    a = await shop.profile(package_id, "dev-a")
    b = await shop.profile(package_id, "dev-b")
    await shop.inbound("dev-b", "201066183456", "Hello")
    await client.patch(
        f"/api/v1/packages/{package_id}/profiles/{b}/status", json={"status": "inactive"}
    )
    body = {"text": "Hi", "recipient": "+201066183456"}
    out = (await client.post(f"{msgs(package_id)}/reply", json=body)).json()
    assert out["status"] == "sent" and out["profile_used"] == a and out["rerouted"] is True

    await shop.inbound("dev-a", "201077777777", "Hello")
    profile = await container.profiles.get(package_id, a)
    blocked = dataclasses.replace(profile, status=ProfileStatus.BLOCKED, status_reason="banned")
    await container.store.update_profile(blocked, None, clock.timestamp(), "test", {})
    await client.patch(
        f"/api/v1/packages/{package_id}/profiles/{b}/status", json={"status": "active"}
    )
    body = {"text": "Hi", "recipient": "+201077777777"}
    out = (await client.post(f"{msgs(package_id)}/reply", json=body)).json()
    assert out["profile_used"] == b and out["rerouted"] is True


async def test_reply_failure_is_reported_not_raised(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    await shop.profile(package_id, "dev-a")
    shop.fake.set_device_state("dev-a", "banned")
    body = {"text": "Hi", "recipient": "+201066183456"}
    r = await client.post(f"{msgs(package_id)}/reply", json=body)
    assert r.status_code == 200
    out = r.json()
    assert out["status"] == "failed" and out["sent_at"] is None and out["error"]
    assert TOKENS["dev-a"] not in r.text


async def test_reply_errors(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    r = await client.post(f"{msgs(package_id)}/reply", json={"text": "Hi", "recipient": "+2010"})
    assert assert_error(r, 422, "validation_error")["details"][0]["field"] == "recipient"
    body = {"text": "Hi", "recipient": "+201066183456"}
    assert_error(
        await client.post(f"{msgs(package_id)}/reply", json=body), 409, "no_profile_available"
    )
    assert_error(await client.post(f"{msgs('pkg_nope')}/reply", json=body), 404, "not_found")
    await client.put(f"/api/v1/packages/{package_id}", json={"status": "inactive"})
    await shop.profile(package_id, "dev-a")
    assert_error(await client.post(f"{msgs(package_id)}/reply", json=body), 409, "conflict")
