"""Package and profile endpoints: CRUD, live limits, health, status toggle, masked tokens."""

from __future__ import annotations

import httpx

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from spreader_app.core.services.sending import read_open_request
from tests.helpers import drain
from tests.unit.server.conftest import TOKENS, Shop, assert_error

PKGS = "/api/v1/packages"


async def test_create_package_applies_the_plan_defaults(client: httpx.AsyncClient) -> None:
    r = await client.post(PKGS, json={"name": "Shop", "timezone": "Africa/Cairo"})
    assert r.status_code == 201
    body = r.json()
    assert r.headers["Location"] == f"{PKGS}/{body['id']}"
    assert body["id"].startswith("pkg_")
    expected = {
        "status": "active",
        "distribution_mode": "round_robin",
        "max_messages_per_profile_per_hour": 50,
        "max_messages_per_profile_per_day": 500,
        "cooldown_seconds": 2,
        "active_hours_start": "08:00",
        "active_hours_end": "22:00",
        "retry_failed_messages": True,
        "retry_attempts": 3,
        "retry_delay_ms": 5000,
        "sticky_open_chat": True,
        "timezone": "Africa/Cairo",
        "profiles": [],
        "created_at": "2025-06-16T06:00:00Z",
    }
    assert {k: body[k] for k in expected} == expected


async def test_create_package_lists_every_bad_field(client: httpx.AsyncClient) -> None:
    r = await client.post(
        PKGS,
        json={
            "cooldown_seconds": -1,
            "active_hours_start": "25:00",
            "timezone": "Mars/Olympus",
            "colour": "red",
        },
    )
    error = assert_error(r, 422, "validation_error")
    fields = {d["field"] for d in error["details"]}
    assert fields == {"name", "cooldown_seconds", "active_hours_start", "timezone", "colour"}


async def test_list_get_update_delete_package(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    listed = (await client.get(PKGS)).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == package_id
    r = await client.put(f"{PKGS}/{package_id}", json={"cooldown_seconds": 0, "name": "Outlet"})
    assert r.status_code == 200
    assert r.json()["cooldown_seconds"] == 0 and r.json()["name"] == "Outlet"
    assert (await client.get(f"{PKGS}/{package_id}")).json()["name"] == "Outlet"
    r = await client.delete(f"{PKGS}/{package_id}")
    assert r.status_code == 204 and r.content == b""
    assert_error(await client.get(f"{PKGS}/{package_id}"), 404, "not_found")
    assert_error(await client.delete(f"{PKGS}/{package_id}"), 404, "not_found")


async def test_delete_package_cascades_to_profiles_and_messages(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    profile_id = await shop.profile(package_id, "dev-a")
    sent = await client.post(
        f"{PKGS}/{package_id}/messages/open",
        json={"type": "text", "text": "Hi", "recipients": ["+201066183456"]},
    )
    assert sent.status_code == 202
    assert (await client.delete(f"{PKGS}/{package_id}")).status_code == 204
    assert_error(await client.get(f"{PKGS}/{package_id}/profiles/{profile_id}"), 404, "not_found")
    message_id = sent.json()["message_id"]
    assert_error(await client.get(f"{PKGS}/{package_id}/messages/{message_id}"), 404, "not_found")


async def test_update_unknown_package_is_404(client: httpx.AsyncClient) -> None:
    assert_error(await client.put(f"{PKGS}/pkg_nope", json={"name": "x"}), 404, "not_found")


async def test_package_detail_and_stats_show_live_limits(
    client: httpx.AsyncClient, shop: Shop, container: Container, clock: ManualClock
) -> None:
    package_id = await shop.package(
        max_messages_per_profile_per_hour=3, active_hours_start="00:00", active_hours_end="00:00"
    )
    profile_id = await shop.profile(package_id, "dev-a")
    req = read_open_request({"text": "Hi", "recipients": ["+201000000001", "+201000000002"]})
    await container.sending.send_open(package_id, req)
    await drain(container, clock)

    detail = (await client.get(f"{PKGS}/{package_id}")).json()
    (profile,) = detail["profiles"]
    assert profile["id"] == profile_id
    assert profile["limits"]["hourly"] == "2/3" and profile["limits"]["daily"] == "2/500"

    stats = (await client.get(f"{PKGS}/{package_id}/stats")).json()
    limits = stats["limits_status"][profile_id]
    assert limits["hourly"] == "2/3" and limits["daily"] == "2/500"
    assert limits["status"] in ("active", "cooldown")
    assert stats["today"]["open"]["sent"] == 2 and stats["today"]["reply"]["sent"] == 0
    assert_error(await client.get(f"{PKGS}/pkg_nope/stats"), 404, "not_found")


async def test_profile_crud_never_returns_the_token(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    profile_id = await shop.profile(package_id, "dev-a", priority=5)
    base = f"{PKGS}/{package_id}/profiles"
    answers = [
        await client.get(base),
        await client.get(f"{base}/{profile_id}"),
        await client.put(f"{base}/{profile_id}", json={"zentra_api_token": TOKENS["dev-b"]}),
        await client.get(f"{PKGS}/{package_id}"),
    ]
    for r in answers:
        assert r.status_code == 200
        assert TOKENS["dev-a"] not in r.text and TOKENS["dev-b"] not in r.text
    listed = answers[0].json()
    assert listed["total"] == 1
    assert listed["items"][0]["token_masked"] == "••••1111"
    assert listed["items"][0]["priority"] == 5
    assert listed["items"][0]["limits"]["hourly"] == "0/50"
    assert answers[2].json()["token_masked"] == "••••2222"
    assert (await client.delete(f"{base}/{profile_id}")).status_code == 204
    assert (await client.get(base)).json()["total"] == 0


async def test_create_profile_reports_field_paths(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    r = await client.post(
        f"{PKGS}/{package_id}/profiles",
        json={"name": "", "zentra_uuid": "bad uuid!", "zentra_api_token": "short"},
    )
    error = assert_error(r, 422, "validation_error")
    assert {d["field"] for d in error["details"]} == {"name", "zentra_uuid", "zentra_api_token"}
    assert "short" not in r.text


async def test_same_device_twice_in_a_package_is_409(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    await shop.profile(package_id, "dev-a")
    r = await client.post(
        f"{PKGS}/{package_id}/profiles",
        json={"name": "Again", "zentra_uuid": "dev-a", "zentra_api_token": TOKENS["dev-a"]},
    )
    assert_error(r, 409, "conflict")


async def test_profile_status_toggle(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    profile_id = await shop.profile(package_id, "dev-a")
    url = f"{PKGS}/{package_id}/profiles/{profile_id}/status"
    r = await client.patch(url, json={"status": "inactive"})
    assert r.status_code == 200
    assert r.json()["status"] == "inactive" and r.json()["limits"]["status"] == "inactive"
    assert (await client.patch(url, json={"status": "active"})).json()["status"] == "active"
    error = assert_error(
        await client.patch(url, json={"status": "blocked"}), 422, "validation_error"
    )
    assert error["details"][0]["field"] == "status"
    error = assert_error(await client.patch(url, json={}), 422, "validation_error")
    assert error["details"] == [{"field": "status", "message": "is required"}]


async def test_profile_health_reports_score_and_device_status(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    profile_id = await shop.profile(package_id, "dev-a")
    url = f"{PKGS}/{package_id}/profiles/{profile_id}/health"
    body = (await client.get(url)).json()
    assert body["health_score"] == 100 and body["status"] == "active"
    assert body["device_status_supported"] is False and body["device_status"] is None
    shop.fake.lookups_enabled = True
    body = (await client.get(url)).json()
    assert body["device_status_supported"] is True and body["device_status"] == "connected"
    assert_error(await client.get(f"{PKGS}/{package_id}/profiles/nope/health"), 404, "not_found")
