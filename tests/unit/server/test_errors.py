"""One JSON error shape for every failure: routing, limits, bodies, storage, and bugs."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from spreader_app.bootstrap import Container
from spreader_app.core.errors import StorageUnavailable
from spreader_app.server.runner import ApiServer
from tests.unit.server.conftest import Shop, assert_error

MIB = 1024 * 1024


async def test_unknown_route_is_404_json(client: httpx.AsyncClient) -> None:
    error = assert_error(await client.get("/api/v1/nothing-here"), 404, "not_found")
    assert "/api/v1/nothing-here" in error["message"]
    assert_error(await client.get("/"), 404, "not_found")


async def test_wrong_method_is_405_with_allow(client: httpx.AsyncClient) -> None:
    r = await client.delete("/api/v1/packages")
    error = assert_error(r, 405, "method_not_allowed")
    assert "POST" in r.headers["Allow"] and "GET" in r.headers["Allow"]
    assert "POST" in error["details"]["allowed"]


async def test_malformed_json_is_400_saying_where(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/v1/packages",
        content=b'{"name": "Shop",\n "timezone": }',
        headers={"Content-Type": "application/json"},
    )
    error = assert_error(r, 400, "malformed_json")
    assert "line 2, column 14" in error["message"]
    assert error["details"] == {"line": 2, "column": 14, "position": 30}


async def test_empty_body_is_400(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/v1/packages", headers={"Content-Type": "application/json"})
    assert "empty" in assert_error(r, 400, "malformed_json")["message"]


async def test_form_body_is_415(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/v1/packages", data={"name": "Shop"})
    assert_error(r, 415, "unsupported_media_type")


async def test_json_that_is_not_an_object_is_422(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/v1/packages", json=["Shop"])
    error = assert_error(r, 422, "validation_error")
    assert error["details"] == [{"field": "body", "message": "expected an object"}]


async def test_body_over_one_mib_is_413(client: httpx.AsyncClient) -> None:
    body = json.dumps({"name": "x" * MIB}).encode()
    r = await client.post(
        "/api/v1/packages", content=body, headers={"Content-Type": "application/json"}
    )
    error = assert_error(r, 413, "payload_too_large")
    assert error["details"] == {"limit_bytes": MIB}


async def test_chunked_body_over_the_limit_is_413(client: httpx.AsyncClient) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):
            yield b" " * 65536  # no Content-Length: the server counts as it reads

    r = await client.post(
        "/api/v1/packages", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert_error(r, 413, "payload_too_large")


async def test_open_chat_takes_100000_recipients(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    await shop.profile(package_id, "dev-a")
    recipients = [f"+2010{i:08d}" for i in range(100_000)]
    body = json.dumps({"type": "text", "text": "Sale", "recipients": recipients}).encode()
    assert MIB < len(body) < 16 * MIB
    r = await client.post(
        f"/api/v1/packages/{package_id}/messages/open",
        content=body,
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 202, r.text
    assert r.json()["accepted"] == 100_000


async def test_large_malformed_body_still_says_where(client: httpx.AsyncClient, shop: Shop) -> None:
    package_id = await shop.package()
    body = json.dumps({"recipients": ["+201000000001"] * 30_000})[:-1].encode()  # no "}"
    assert len(body) > 256 * 1024
    r = await client.post(
        f"/api/v1/packages/{package_id}/messages/open",
        content=body,
        headers={"Content-Type": "application/json"},
    )
    error = assert_error(r, 400, "malformed_json")
    assert error["details"]["position"] == len(body)


async def test_open_chat_declaring_over_16_mib_is_refused_before_reading(
    api: ApiServer, container: Container, shop: Shop
) -> None:
    package_id = await shop.package()
    host, port = api.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    head = (
        f"POST /api/v1/packages/{package_id}/messages/open HTTP/1.1\r\n"
        f"Host: {host}\r\nX-API-Key: {container.settings.api_key}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {16 * MIB + 1}\r\n\r\n"
    )
    writer.write(head.encode() + b'{"recipients": [')
    await writer.drain()
    status = await reader.readline()
    writer.close()
    await writer.wait_closed()
    assert status.startswith(b"HTTP/1.1 413")


async def test_storage_unavailable_is_503_with_its_message(
    client: httpx.AsyncClient, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def locked() -> None:
        raise StorageUnavailable("Another program is holding the database. Close it.")

    monkeypatch.setattr(container.store, "list_packages", locked)
    error = assert_error(await client.get("/api/v1/packages"), 503, "storage_unavailable")
    assert error["message"] == "Another program is holding the database. Close it."


async def test_unexpected_exception_is_a_logged_generic_500(
    container: Container, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken() -> None:
        raise RuntimeError("secret internals /home/user/db")

    monkeypatch.setattr(container.store, "list_packages", broken)
    server = ApiServer(container)
    await server.start("127.0.0.1", 0)
    try:
        headers = {"X-API-Key": container.settings.api_key}
        async with httpx.AsyncClient(base_url=server.url, headers=headers) as c:
            r = await c.get("/api/v1/packages")
        error = assert_error(r, 500, "internal_error")
        assert "secret internals" not in r.text
        assert "log" in error["message"]
        assert server.unexpected_errors == 1
        assert any("secret internals" in (rec.exc_text or "") for rec in caplog.records)
    finally:
        await server.stop()
