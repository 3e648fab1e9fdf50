"""The webhook receiver: secret, raw storage first, quick 200, opt-outs, limits."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select

from spreader_app.bootstrap import Container
from spreader_app.core.models import DeliveryStatus
from spreader_app.server.runner import ApiServer
from spreader_app.storage import intake_store
from spreader_app.storage.orm import InboundPayloadRow
from tests.fakes.fake_zentra import post_webhook
from tests.unit.server.conftest import Shop, assert_error

ALL_DAY = {"active_hours_start": "00:00", "active_hours_end": "00:00"}


async def test_webhook_wrong_secret_is_404_json(anon: httpx.AsyncClient) -> None:
    r = await anon.post("/webhooks/zentra/not-the-secret", json={"from": "201066183456"})
    assert_error(r, 404, "not_found")
    assert_error(await anon.get("/webhooks/zentra/not-the-secret"), 404, "not_found")


async def test_webhook_get_answers_200_for_url_checks(anon: httpx.AsyncClient, shop: Shop) -> None:
    r = await anon.get(shop.hook)
    assert r.status_code == 200 and r.json() == {"status": "ok"}


async def test_webhook_stores_and_routes_an_inbound_message(
    anon: httpx.AsyncClient, shop: Shop, client: httpx.AsyncClient
) -> None:
    package_id = await shop.package()
    profile_id = await shop.profile(package_id, "dev-a")
    body = {"device_uuid": "dev-a", "from": "201066183456", "text": "Hi", "message_id": "m-1"}
    r = await anon.post(shop.hook, json=body)
    assert r.status_code == 200
    out = r.json()
    assert out["status"] == "stored" and out["messages"] == 1 and out["problem"] == ""
    assert out["duplicates"] == 0 and isinstance(out["payload_id"], int)
    again = (await anon.post(shop.hook, json=body)).json()
    assert again["duplicates"] == 1
    conversations = (await client.get(f"/api/v1/packages/{package_id}/conversations")).json()
    assert conversations["items"][0]["customer_phone"] == "+201066183456"
    assert conversations["items"][0]["profile_id"] == profile_id
    assert conversations["items"][0]["inbound_count"] == 1


async def test_webhook_accepts_form_bodies_as_gateways_send_them(
    shop: Shop, api: ApiServer
) -> None:
    package_id = await shop.package()
    await shop.profile(package_id, "dev-a")
    url = api.url + shop.hook
    payload = {"device_uuid": "dev-a", "phone": "201066183456", "message": "Hello"}
    assert await post_webhook(url, payload, form=True) == 200


async def test_webhook_stores_what_it_cannot_understand(
    anon: httpx.AsyncClient, shop: Shop
) -> None:
    for body in (b"", b"\xff\xfe garbage", b'{"event": "ping"}', b"[1, 2"):
        r = await anon.post(shop.hook, content=body, headers={"Content-Type": "application/json"})
        assert r.status_code == 200, body
        out = r.json()
        assert out["status"] == "stored" and out["messages"] == 0 and out["problem"]


async def test_webhook_body_whose_messages_cannot_be_recorded_is_kept_flagged(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    package_id = await shop.package()
    await shop.profile(package_id, "dev-a")

    def broken(*args: object) -> None:
        raise RuntimeError("the inbox table is broken")

    monkeypatch.setattr(intake_store, "record_inbound", broken)
    body = {"device_uuid": "dev-a", "from": "201066183456", "text": "Hi", "message_id": "m-9"}
    # Raised, so the request is answered 500 and the gateway sends the body again.
    with pytest.raises(RuntimeError, match="broken"):
        await shop.container.inbox.receive(json.dumps(body).encode(), "application/json")
    kept = shop.container.store.db.run_sync(
        lambda s: s.execute(select(InboundPayloadRow.body, InboundPayloadRow.problem)).all()
    )
    [(text, problem)] = kept
    assert json.loads(text) == body
    assert problem == "not recorded: the inbox table is broken"


async def test_webhook_body_over_one_mib_is_413(anon: httpx.AsyncClient, shop: Shop) -> None:
    r = await anon.post(
        shop.hook, content=b"x" * (1024 * 1024 + 1), headers={"Content-Type": "text/plain"}
    )
    assert_error(r, 413, "payload_too_large")


async def test_opt_out_word_suppresses_the_number_and_skips_its_queued_sends(
    client: httpx.AsyncClient, shop: Shop, container: Container
) -> None:
    package_id = await shop.package(**ALL_DAY)
    await shop.profile(package_id, "dev-a")
    body = {"text": "Sale", "recipients": ["+201066183456", "+201000000002"]}
    sent = await client.post(f"/api/v1/packages/{package_id}/messages/open", json=body)
    message_id = sent.json()["message_id"]

    receipt = await shop.inbound("dev-a", "201066183456", "STOP")
    assert receipt["opted_out"] == 1

    detail = (await client.get(f"/api/v1/packages/{package_id}/messages/{message_id}")).json()
    by_number = {d["recipient"]: d for d in detail["deliveries"]}
    assert by_number["+201066183456"]["status"] == DeliveryStatus.SKIPPED.value
    assert by_number["+201066183456"]["skip_reason"] == "opted_out"
    assert by_number["+201000000002"]["status"] == "pending"
    listed = (await client.get(f"/api/v1/packages/{package_id}/suppressions")).json()
    assert [s["phone"] for s in listed["items"]] == ["+201066183456"]
    assert listed["items"][0]["reason"] == "opted_out"
