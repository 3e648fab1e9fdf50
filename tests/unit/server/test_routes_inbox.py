"""Conversations and the suppression list over the API."""

from __future__ import annotations

import httpx

from tests.unit.server.conftest import Shop, assert_error


async def test_conversation_thread_shows_both_directions(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    profile_id = await shop.profile(package_id, "dev-a")
    await shop.inbound("dev-a", "201066183456", "Where is my order?")
    await client.post(
        f"/api/v1/packages/{package_id}/messages/reply",
        json={"text": "Tomorrow", "recipient": "+201066183456"},
    )
    for phone in ("+201066183456", "201066183456"):
        r = await client.get(f"/api/v1/packages/{package_id}/conversations/{phone}")
        assert r.status_code == 200
        thread = r.json()
        assert thread["customer_phone"] == "+201066183456" and thread["total"] == 2
        assert [(i["direction"], i["text"]) for i in thread["items"]] == [
            ("in", "Where is my order?"),
            ("out", "Tomorrow"),
        ]
        assert thread["items"][1]["profile_id"] == profile_id
        assert thread["items"][1]["status"] == "sent"
    empty = (await client.get(f"/api/v1/packages/{package_id}/conversations/+201000000009")).json()
    assert empty["items"] == [] and empty["total"] == 0
    assert_error(await client.get("/api/v1/packages/pkg_nope/conversations"), 404, "not_found")


async def test_suppressions_add_list_remove(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    url = f"/api/v1/packages/{package_id}/suppressions"
    r = await client.post(url, json={"phone": "201066183456"})
    assert r.status_code == 201
    assert r.json() == {
        "package_id": package_id,
        "phone": "+201066183456",
        "skipped_deliveries": 0,
    }
    listed = (await client.get(url)).json()
    assert listed["total"] == 1 and listed["items"][0]["reason"] == "manual"
    assert listed["items"][0]["created_at"] == "2025-06-16T06:00:00Z"
    # A "+" in a query string must be percent-encoded; the bare digits work as well.
    assert (await client.delete(url, params={"phone": "201066183456"})).status_code == 204
    assert (await client.get(url)).json()["total"] == 0
    assert_error(await client.delete(url, params={"phone": "201066183456"}), 404, "not_found")
    error = assert_error(await client.delete(url), 422, "validation_error")
    assert error["details"][0]["field"] == "query.phone"
    error = assert_error(await client.post(url, json={"number": "1"}), 422, "validation_error")
    assert {d["field"] for d in error["details"]} == {"number", "phone"}
