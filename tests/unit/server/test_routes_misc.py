"""``/health``, ``/validate-numbers`` (with the optional WhatsApp lookup)."""

from __future__ import annotations

import dataclasses

import httpx
from sqlalchemy import text

from spreader_app import __version__
from spreader_app.bootstrap import Container
from spreader_app.storage import migrate
from tests.unit.server.conftest import Shop, assert_error

VALIDATE = "/api/v1/validate-numbers"


async def test_health_needs_no_key_and_names_the_configured_database(
    anon: httpx.AsyncClient, backend: str
) -> None:
    r = await anon.get("/health")
    assert r.status_code == 200
    assert r.json() == {
        "status": "ok",
        "version": __version__,
        "database": backend,
        "revision": migrate.HEAD_REVISION,
    }


async def test_health_is_503_when_the_database_is_not_at_head(
    anon: httpx.AsyncClient, container: Container
) -> None:
    container.db.run_sync(
        lambda s: s.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    )

    r = await anon.get("/health")

    assert_error(r, 503, "storage_unavailable")
    assert f"revision 0001, expected {migrate.HEAD_REVISION}" in r.json()["error"]["message"]


async def test_validate_numbers_gives_a_verdict_per_input(client: httpx.AsyncClient) -> None:
    r = await client.post(
        VALIDATE, json={"numbers": ["+20 106 618 3456", "2.01066E+11", "+20223456789", 12]}
    )
    assert r.status_code == 200
    out = r.json()
    assert (out["total"], out["valid"], out["invalid"]) == (4, 1, 3)
    first, sci, landline, short = out["results"]
    assert first == {
        "input": "+20 106 618 3456",
        "e164": "+201066183456",
        "valid": True,
        "reason": None,
        "message": "",
        "type": "mobile",
        "on_whatsapp": None,
    }
    assert sci["reason"] == "scientific_notation" and "Text" in sci["message"]
    assert landline["reason"] == "not_mobile" and landline["e164"] == "+20223456789"
    assert short["input"] == "12" and short["valid"] is False


async def test_validate_numbers_reads_national_numbers_with_a_region(
    client: httpx.AsyncClient, container: Container
) -> None:
    body = {"numbers": ["01066183456"]}
    assert (await client.post(VALIDATE, json=body)).json()["valid"] == 0
    ok = (await client.post(VALIDATE, json=body | {"region": "eg"})).json()
    assert ok["results"][0]["e164"] == "+201066183456"
    container.settings = dataclasses.replace(container.settings, default_region="EG")
    assert (await client.post(VALIDATE, json=body)).json()["valid"] == 1
    r = await client.post(VALIDATE, json=body | {"region": "ZZ"})
    assert assert_error(r, 422, "validation_error")["details"][0]["field"] == "region"


async def test_validate_numbers_asks_the_gateway_when_told(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    package_id = await shop.package()
    await shop.profile(package_id, "dev-a")
    body = {
        "numbers": ["+201066183456", "+201000000009", "12"],
        "package_id": package_id,
        "check_whatsapp": True,
    }
    unsupported = (await client.post(VALIDATE, json=body)).json()
    assert [x["on_whatsapp"] for x in unsupported["results"]] == [None, None, None]
    shop.fake.lookups_enabled = True
    shop.fake.not_on_whatsapp.add("201000000009")
    out = (await client.post(VALIDATE, json=body)).json()
    assert [x["on_whatsapp"] for x in out["results"]] == [True, False, None]


async def test_validate_numbers_errors(client: httpx.AsyncClient, shop: Shop) -> None:
    error = assert_error(
        await client.post(VALIDATE, json={"numbers": ["1"], "check_whatsapp": True}),
        422,
        "validation_error",
    )
    assert error["details"][0]["field"] == "package_id"
    error = assert_error(
        await client.post(VALIDATE, json={"numbers": ["1"] * 10_001}), 422, "validation_error"
    )
    assert "10000" in error["details"][0]["message"]
    r = await client.post(VALIDATE, json={"numbers": [["+201066183456"]], "extra": 1})
    error = assert_error(r, 422, "validation_error")
    assert {d["field"] for d in error["details"]} == {"numbers[0]", "extra"}
    body = {"numbers": ["+201066183456"], "package_id": "pkg_nope", "check_whatsapp": True}
    assert_error(await client.post(VALIDATE, json=body), 404, "not_found")
    package_id = await shop.package()
    body["package_id"] = package_id
    assert_error(await client.post(VALIDATE, json=body), 409, "no_profile_available")


async def test_validation_messages_stay_english_for_the_api(client: httpx.AsyncClient) -> None:
    r = await client.post(VALIDATE, json={"numbers": ["01066183456"], "region": "ZZ"})

    error = assert_error(r, 422, "validation_error")
    assert error["message"].startswith("Unknown phone region 'ZZ': use a two-letter country code")
    assert error["details"] == [{"field": "region", "message": "unknown region"}]
