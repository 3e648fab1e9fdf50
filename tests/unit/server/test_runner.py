"""Starting and stopping the server on the running loop."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from spreader_app.bootstrap import Container
from spreader_app.server.runner import ApiServer


async def test_runner_serves_on_a_free_port_and_stops(container: Container) -> None:
    server = ApiServer(container)
    with pytest.raises(RuntimeError):
        _ = server.url
    await server.start("127.0.0.1", 0)
    assert server.url.startswith("http://127.0.0.1:")
    async with httpx.AsyncClient() as c:
        assert (await c.get(f"{server.url}/health")).status_code == 200
    await server.stop()
    await server.stop()  # idempotent
    async with httpx.AsyncClient() as c:
        with pytest.raises(httpx.ConnectError):
            await c.get(f"{server.url}/health")


async def test_runner_refuses_a_second_start(container: Container) -> None:
    server = ApiServer(container)
    await server.start("127.0.0.1", 0)
    try:
        with pytest.raises(RuntimeError):
            await server.start("127.0.0.1", 0)
    finally:
        await server.stop()


async def test_runner_port_in_use_raises_oserror(container: Container) -> None:
    first = ApiServer(container)
    await first.start("127.0.0.1", 0)
    port = int(first.url.rsplit(":", 1)[1])
    second = ApiServer(container)
    try:
        with pytest.raises(OSError):
            await second.start("127.0.0.1", port)
        await second.stop()  # safe after a failed start
    finally:
        await first.stop()


async def test_runner_lets_a_request_in_progress_finish_on_stop(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = asyncio.Event()
    release = asyncio.Event()
    real = container.packages.list

    async def slow_list():  # type: ignore[no-untyped-def]
        started.set()
        await release.wait()
        return await real()

    monkeypatch.setattr(container.packages, "list", slow_list)
    server = ApiServer(container)
    await server.start("127.0.0.1", 0)
    headers = {"X-API-Key": container.settings.api_key}
    async with httpx.AsyncClient(base_url=server.url, headers=headers) as c:
        pending = asyncio.create_task(c.get("/api/v1/packages"))
        await started.wait()
        stopping = asyncio.create_task(server.stop())
        await asyncio.sleep(0)
        release.set()
        r = await pending
        await stopping
    assert r.status_code == 200
