"""Personal messages over the API: templates, object recipients with variables, the exact
text each delivery sent, and the refusal when a value is missing."""

from __future__ import annotations

from typing import Any

import httpx

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain
from tests.unit.server.conftest import Shop, assert_error

# Around the clock for the recipients too: these tests pin planned times to the minute.
ALL_DAY = {
    "active_hours_start": "00:00",
    "active_hours_end": "00:00",
    "cooldown_seconds": 0,
    "recipient_quiet_hours": None,
}
AHMED, SARA, OMAR = "+201000000001", "+201000000002", "+201000000003"
GREETING = "{مرحبا|أهلا} {{الاسم | عميلنا}}، طلبك {{Order No}} جاهز"


def tpls(package_id: str) -> str:
    return f"/api/v1/packages/{package_id}/templates"


def recipient(phone: str, **variables: Any) -> dict[str, Any]:
    return {"phone": phone, "variables": variables}


async def test_templates_are_created_listed_changed_and_deleted(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    r = await client.post(tpls(package_id), json={"name": "Order ready", "text": GREETING})
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["text"] == GREETING and created["type"] == "text"
    assert r.headers["Location"] == f"{tpls(package_id)}/{created['template_id']}"

    taken = await client.post(tpls(package_id), json={"name": "order READY", "text": "x"})
    assert_error(taken, 409, "conflict")
    broken = await client.post(tpls(package_id), json={"name": "Deep", "text": "{a|{b|{c|{d|e}}}}"})
    assert "3" in assert_error(broken, 422, "validation_error")["message"]

    url = f"{tpls(package_id)}/{created['template_id']}"
    changed = (await client.put(url, json={"name": "Ready"})).json()
    assert changed["name"] == "Ready" and changed["text"] == GREETING
    listed = (await client.get(tpls(package_id))).json()
    assert [t["name"] for t in listed["items"]] == ["Ready"]

    assert (await client.delete(url)).status_code == 204
    assert_error(await client.get(url), 404, "not_found")


async def test_open_chat_with_a_template_sends_each_recipient_its_own_text(
    client: httpx.AsyncClient,
    shop: Shop,
    container: Container,
    clock: ManualClock,
    fake_zentra: FakeZentra,
) -> None:
    package_id = await shop.package(**ALL_DAY)
    await shop.profile(package_id, "dev-a")
    template = (
        await client.post(tpls(package_id), json={"name": "Ready", "text": GREETING})
    ).json()
    body = {
        "template_id": template["template_id"],
        "recipients": [
            recipient(AHMED, الاسم="أحمد", **{"order no": 1041}),
            recipient(SARA, **{"ORDER NO": "1042"}),
        ],
    }

    r = await client.post(f"/api/v1/packages/{package_id}/messages/open", json=body)
    assert r.status_code == 202, r.text
    message_id = r.json()["message_id"]
    await drain(container, clock)

    sent = {m.recipient: m.text for m in fake_zentra.received}
    assert sent[AHMED.removeprefix("+")].endswith("أحمد، طلبك 1041 جاهز")
    assert sent[SARA.removeprefix("+")].endswith("عميلنا، طلبك 1042 جاهز")
    assert "{" not in "".join(sent.values()) and "\u200d" not in "".join(sent.values())
    detail = (await client.get(f"/api/v1/packages/{package_id}/messages/{message_id}")).json()
    assert {d["recipient"]: d["text"] for d in detail["deliveries"]} == {
        AHMED: sent[AHMED.removeprefix("+")],
        SARA: sent[SARA.removeprefix("+")],
    }
    thread = (await client.get(f"/api/v1/packages/{package_id}/conversations/{AHMED}")).json()
    assert thread["items"][-1]["text"] == sent[AHMED.removeprefix("+")]


async def test_a_missing_value_without_fallback_refuses_the_request_naming_the_row(
    client: httpx.AsyncClient, shop: Shop, container: Container, clock: ManualClock
) -> None:
    package_id = await shop.package(**ALL_DAY)
    await shop.profile(package_id, "dev-a")
    body: dict[str, Any] = {
        "text": "Hi {{name}}, your code is {{code}}",
        "recipients": [
            recipient(AHMED, name="Ahmed", code="A1"),
            recipient(SARA, name="", code="B2"),
        ],
    }
    url = f"/api/v1/packages/{package_id}/messages/open"

    error = assert_error(await client.post(url, json=body), 422, "validation_error")
    assert "rows 2" in error["message"] and "nothing was sent" in error["message"]
    assert error["details"] == [
        {
            "field": "recipients[1]",
            "row": 2,
            "input": SARA,
            "reason": "missing_variable",
            "message": "Empty {{name}} and no fallback.",
        }
    ]
    assert (await client.get(f"/api/v1/packages/{package_id}/messages")).json()["total"] == 0

    skipped = (await client.post(url, json={**body, "options": {"on_missing": "skip"}})).json()
    assert skipped["accepted"] == 1
    assert [(s["input"], s["reason"]) for s in skipped["skipped"]] == [(SARA, "missing_variable")]

    filled = await client.post(url, json={**body, "options": {"fallbacks": {"Name": "friend"}}})
    assert filled.json()["accepted"] == 2
    await drain(container, clock)


async def test_unknown_variables_name_the_columns_there_are(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package(**ALL_DAY)
    await shop.profile(package_id, "dev-a")
    body = {
        "text": "Hi {{nmae}}",
        "recipients": [recipient(AHMED, name="Ahmed", city="Giza"), OMAR],
    }

    r = await client.post(f"/api/v1/packages/{package_id}/messages/open", json=body)

    error = assert_error(r, 422, "validation_error")
    assert "{{nmae}}" in error["message"] and "name, city" in error["message"]


async def test_a_text_over_the_limit_once_filled_is_skipped_for_that_recipient(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package(**ALL_DAY)
    await shop.profile(package_id, "dev-a")
    long_value = "x" * 4000
    body = {
        "type": "image",
        "media_url": "https://example.com/a.jpg",
        "caption": "Hi {{name}}",
        "recipients": [recipient(AHMED, name="Ahmed"), recipient(SARA, name=long_value)],
    }

    out = (await client.post(f"/api/v1/packages/{package_id}/messages/open", json=body)).json()

    assert out["accepted"] == 1
    assert [(s["input"], s["reason"]) for s in out["skipped"]] == [(SARA, "too_long")]
    assert "1,024" in out["skipped"][0]["message"]


async def test_template_id_and_content_together_are_refused(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    body = {"template_id": "tpl_x", "text": "Hi", "recipients": [AHMED]}

    r = await client.post(f"/api/v1/packages/{package_id}/messages/open", json=body)

    assert assert_error(r, 422, "validation_error")["details"][0]["field"] == "text"
