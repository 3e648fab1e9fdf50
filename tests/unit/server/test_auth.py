"""API key, rate limit and the local-origin rule, over real HTTP and as plain functions."""

from __future__ import annotations

import dataclasses

import httpx
import pytest

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from spreader_app.server.auth import (
    RateLimiter,
    is_local_host_header,
    is_local_origin,
    is_loopback,
    presented_key,
    same_secret,
)
from tests.unit.server.conftest import Shop, assert_error


def test_presented_key_reads_header_or_bearer() -> None:
    assert presented_key({"X-API-Key": " k1 "}) == "k1"
    assert presented_key({"Authorization": "Bearer k2"}) == "k2"
    assert presented_key({"Authorization": "bearer  k3 "}) == "k3"
    assert presented_key({"Authorization": "Basic abc"}) is None
    assert presented_key({}) is None


def test_same_secret_compares_whole_values() -> None:
    assert same_secret("abc", "abc")
    assert not same_secret("abc", "abcd")
    assert not same_secret("", "abc")
    assert same_secret("ключ", "ключ")


@pytest.mark.parametrize(
    ("value", "local"),
    [
        ("127.0.0.1:8765", True),
        ("localhost", True),
        ("[::1]:80", True),
        ("127.9.9.9", True),
        ("evil.example:8765", False),
        ("192.168.1.5:8765", False),
        ("", False),
        ("[::1", False),
    ],
)
def test_is_local_host_header(value: str, local: bool) -> None:
    assert is_local_host_header(value) is local


@pytest.mark.parametrize(
    ("origin", "local"),
    [
        ("http://localhost:3000", True),
        ("https://127.0.0.1", True),
        ("http://[::1]:8080", True),
        ("null", False),
        ("https://evil.example", False),
        ("file://", False),
        ("http://localhost.evil.example", False),
    ],
)
def test_is_local_origin(origin: str, local: bool) -> None:
    assert is_local_origin(origin) is local


def test_is_loopback_bind_addresses() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.0.10")


def test_rate_limiter_bursts_then_refills_at_the_set_rate() -> None:
    now = [0.0]
    limiter = RateLimiter(lambda: 60, lambda: now[0])
    assert all(limiter.take("k") is None for _ in range(60))
    wait = limiter.take("k")
    assert wait == pytest.approx(1.0)
    now[0] += 1.0
    assert limiter.take("k") is None
    assert limiter.take("other key") is None  # each key has its own bucket


async def test_auth_missing_key_is_401_with_json_error(anon: httpx.AsyncClient) -> None:
    error = assert_error(await anon.get("/api/v1/packages"), 401, "unauthorized")
    assert "X-API-Key" in error["message"]


async def test_auth_wrong_key_is_401(anon: httpx.AsyncClient) -> None:
    r = await anon.get("/api/v1/packages", headers={"X-API-Key": "wrong-key"})
    assert_error(r, 401, "unauthorized")
    assert "WWW-Authenticate" in r.headers


async def test_auth_bearer_key_is_accepted(anon: httpx.AsyncClient, container: Container) -> None:
    headers = {"Authorization": f"Bearer {container.settings.api_key}"}
    r = await anon.get("/api/v1/packages", headers=headers)
    assert r.status_code == 200


async def test_auth_follows_a_regenerated_key(
    client: httpx.AsyncClient, container: Container
) -> None:
    old = container.settings.api_key
    container.settings = dataclasses.replace(container.settings, api_key="new-key-0123456789abc")
    assert_error(await client.get("/api/v1/packages"), 401, "unauthorized")
    r = await client.get("/api/v1/packages", headers={"X-API-Key": "new-key-0123456789abc"})
    assert r.status_code == 200 and old != "new-key-0123456789abc"


async def test_auth_public_routes_need_no_key(anon: httpx.AsyncClient, shop: Shop) -> None:
    assert (await anon.get("/health")).status_code == 200
    assert (await anon.get("/api/v1/openapi.json")).status_code == 200
    assert (await anon.get(shop.hook)).status_code == 200


async def test_rate_limit_answers_429_with_retry_after(
    client: httpx.AsyncClient, container: Container, clock: ManualClock
) -> None:
    container.settings = dataclasses.replace(container.settings, api_rate_limit_per_minute=5)
    for _ in range(5):
        assert (await client.get("/api/v1/packages")).status_code == 200
    r = await client.get("/api/v1/packages")
    error = assert_error(r, 429, "rate_limited")
    assert r.headers["Retry-After"] == "12"  # one request every 60/5 seconds
    assert error["details"] == {"retry_after_seconds": 12}
    clock.advance(12)
    assert (await client.get("/api/v1/packages")).status_code == 200


async def test_rate_limit_does_not_count_public_routes(
    anon: httpx.AsyncClient, container: Container
) -> None:
    container.settings = dataclasses.replace(container.settings, api_rate_limit_per_minute=1)
    assert all([(await anon.get("/health")).status_code == 200 for _ in range(5)])


async def test_origin_of_another_site_is_refused(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/packages", headers={"Origin": "https://evil.example"})
    error = assert_error(r, 403, "forbidden")
    assert error["details"] == {"header": "Origin"}
    r = await client.get("/health", headers={"Origin": "null"})
    assert_error(r, 403, "forbidden")


async def test_local_origin_is_allowed(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/packages", headers={"Origin": "http://localhost:5173"})
    assert r.status_code == 200


async def test_foreign_host_header_is_refused_but_webhook_accepts_it(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    # What a DNS-rebinding page would send: the attacker's name for 127.0.0.1.
    r = await client.get("/api/v1/packages", headers={"Host": "rebind.evil.example:8765"})
    assert_error(r, 403, "forbidden")
    # A tunnel forwarding the gateway's webhook keeps the public host name.
    r = await client.get(shop.hook, headers={"Host": "abc.tunnel.example"})
    assert r.status_code == 200
