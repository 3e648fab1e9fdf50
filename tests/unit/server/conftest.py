"""Fixtures for the API tests: a real ``ApiServer`` on loopback over the shared container
(fake gateway, manual clock), clients with and without the key, and a ``Shop`` that sets up
packages and profiles through the API itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from spreader_app.bootstrap import Container
from spreader_app.server.runner import ApiServer
from tests.fakes.fake_zentra import FakeZentra

TOKENS = {"dev-a": "token-aaaa-1111", "dev-b": "token-bbbb-2222", "dev-c": "token-cccc-3333"}


@pytest.fixture
async def api(container: Container) -> AsyncIterator[ApiServer]:
    server = ApiServer(container)
    await server.start("127.0.0.1", 0)
    try:
        yield server
    finally:
        await server.stop()
        assert server.unexpected_errors == 0, "a request reached the 500 handler"


@pytest.fixture
async def client(api: ApiServer, container: Container) -> AsyncIterator[httpx.AsyncClient]:
    headers = {"X-API-Key": container.settings.api_key}
    async with httpx.AsyncClient(base_url=api.url, headers=headers, timeout=30) as c:
        yield c


@pytest.fixture
async def anon(api: ApiServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=api.url, timeout=30) as c:
        yield c


class Shop:
    """Creates packages and profiles through the API, registering devices on the fake."""

    def __init__(self, client: httpx.AsyncClient, fake: FakeZentra, container: Container):
        self.client = client
        self.fake = fake
        self.container = container

    @property
    def hook(self) -> str:
        return f"/webhooks/zentra/{self.container.settings.webhook_secret}"

    async def package(self, **fields: Any) -> str:
        body = {"name": "Shop", "timezone": "Africa/Cairo", **fields}
        r = await self.client.post("/api/v1/packages", json=body)
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    async def profile(self, package_id: str, device: str, **fields: Any) -> str:
        token = TOKENS[device]
        self.fake.add_device(device, token)
        body = {"name": f"Phone {device}", "zentra_uuid": device, "zentra_api_token": token}
        r = await self.client.post(f"/api/v1/packages/{package_id}/profiles", json=body | fields)
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    async def inbound(self, device: str, sender: str, text: str, **extra: Any) -> dict[str, Any]:
        body = {"device_uuid": device, "from": sender, "text": text, **extra}
        r = await self.client.post(self.hook, json=body)
        assert r.status_code == 200, r.text
        return dict(r.json())


@pytest.fixture
def shop(client: httpx.AsyncClient, fake_zentra: FakeZentra, container: Container) -> Shop:
    return Shop(client, fake_zentra, container)


def assert_error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The answer has ``status`` and the one JSON error shape with ``code``."""
    assert r.status_code == status, r.text
    assert r.headers["Content-Type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return dict(body["error"])
