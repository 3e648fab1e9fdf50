"""Whole-API properties: tokens never leak, and bad input never reaches the 500 handler."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from spreader_app.server.openapi import openapi_document
from tests.unit.server.conftest import TOKENS, Shop

BAD_VALUES: list[Any] = [None, True, -1, 10**30, 1.5, "", "x" * 70_000, [], {}, [[{}]], "\x00"]


async def test_token_never_appears_in_any_answer(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    profile_id = await shop.profile(package_id, "dev-a")
    await shop.profile(package_id, "dev-b")
    shop.fake.set_device_state("dev-b", "banned")
    base = f"/api/v1/packages/{package_id}"
    await shop.inbound("dev-b", "201066183456", "Hi")
    answers = [
        await client.get("/api/v1/packages"),
        await client.get(base),
        await client.get(f"{base}/profiles"),
        await client.get(f"{base}/profiles/{profile_id}/health"),
        await client.get(f"{base}/stats"),
        await client.post(
            f"{base}/messages/reply", json={"text": "Hi", "recipient": "+201066183456"}
        ),
        await client.post(f"{base}/messages/open", json={"text": "Hi", "recipients": ["+2010"]}),
        await client.get(f"{base}/messages"),
        await client.get(f"{base}/conversations/+201066183456"),
        await client.put(f"{base}/profiles/{profile_id}", json={"zentra_api_token": "bad token"}),
    ]
    for r in answers:
        assert r.status_code < 500
        for token in TOKENS.values():
            assert token not in r.text, r.request.url


def _operations() -> list[tuple[str, str]]:
    return [
        (method, path)
        for path, ops in openapi_document()["paths"].items()
        for method, op in ops.items()
        if "requestBody" in op
    ]


@pytest.mark.parametrize(("method", "path"), _operations())
async def test_bad_bodies_get_4xx_never_500(
    client: httpx.AsyncClient, shop: Shop, method: str, path: str
) -> None:
    package_id = await shop.package()
    profile_id = await shop.profile(package_id, "dev-a")
    url = (
        path.replace("{id}", package_id)
        .replace("{pid}", profile_id)
        .replace("{secret}", shop.container.settings.webhook_secret)
    )
    op = openapi_document()["paths"][path][method]
    schema_ref = op["requestBody"]["content"]["application/json"]["schema"].get("$ref", "")
    fields = list(
        openapi_document()["components"]["schemas"]
        .get(schema_ref.rsplit("/", 1)[-1], {})
        .get("properties", {})
    )
    bodies: list[Any] = [[], "text", 3, None, {"unknown": 1}]
    bodies += [{f: v} for f in fields for v in BAD_VALUES]
    bodies += [{"options": {"schedule_at": v}, "recipients": ["+201066183456"]} for v in BAD_VALUES]
    for body in bodies:
        r = await client.request(
            method.upper(),
            url,
            content=json.dumps(body),
            headers={"Content-Type": "application/json"},
        )
        assert r.status_code < 500, (str(body)[:200], r.text[:500])
