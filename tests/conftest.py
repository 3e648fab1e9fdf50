"""Shared fixtures: a manual clock, a data folder, an in-memory vault key, the fake gateway
on loopback and a fully wired container on a temporary database.

The database is SQLite; in the suites of ``POSTGRES_SUITES`` every test that uses
``database_url`` (``settings`` and ``container`` do) runs twice, on SQLite and on a fresh
PostgreSQL database (``tests.postgres``), unless it is marked ``sqlite_only``.
"""

from __future__ import annotations

import os
import random
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from spreader_app.bootstrap import Container, build  # noqa: E402
from spreader_app.config import Settings  # noqa: E402
from spreader_app.core.clock import ManualClock  # noqa: E402
from spreader_app.vault.key_sources import MemoryKeySource  # noqa: E402
from tests.fakes.fake_cloudflared import put_first_on_path  # noqa: E402
from tests.fakes.fake_zentra import FakeZentra  # noqa: E402
from tests.helpers import drain  # noqa: E402,F401
from tests.postgres import PostgresServer, reason_unavailable, server_url  # noqa: E402

# Monday 2025-06-16 09:00 in Cairo (UTC+3 in summer): inside default active hours.
START = datetime(2025, 6, 16, 6, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


# Storage, API, engine and reliability; the GUI and the pure core stay on SQLite only.
POSTGRES_SUITES = ("unit/storage", "unit/server", "integration", "reliability")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    path = metafunc.definition.path.relative_to(Path(__file__).parent).as_posix()
    if path.startswith(POSTGRES_SUITES):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server; skips when there is none, fails under ``CI=true``."""
    url, cluster = server_url()
    if url is None:
        if os.environ.get("CI") == "true":
            pytest.fail(reason_unavailable() + " (CI must run the PostgreSQL variants)")
        pytest.skip(reason_unavailable())
    server = PostgresServer(url)
    try:
        yield server
    finally:
        server.close()
        if cluster is not None:
            cluster.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: the database the test runs on."""
    param: Any = getattr(request, "param", "sqlite")
    return str(param)


@pytest.fixture
def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty SQLite file in the data folder, or a new PostgreSQL database at the
    head revision (dropped afterwards)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'spreader.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database()
    try:
        yield url
    finally:
        server.drop_database(url)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=database_url,
        api_key="test-api-key-0123456789abcdef",
        webhook_secret="test-webhook-secret-0123456789",
        zentra_url="http://127.0.0.1:9/v1",
    )


@pytest.fixture
async def fake_zentra(clock: ManualClock) -> AsyncIterator[FakeZentra]:
    fake = FakeZentra(clock=clock)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
def key_source() -> MemoryKeySource:
    return MemoryKeySource()


@pytest.fixture
async def container(
    settings: Settings, clock: ManualClock, fake_zentra: FakeZentra, key_source: MemoryKeySource
) -> AsyncIterator[Container]:
    """A container on the fake gateway whose dispatcher is driven by the test (``drain``)."""
    import dataclasses

    c = build(
        dataclasses.replace(settings, zentra_url=fake_zentra.url),
        clock=clock,
        key_source=key_source,
        rng=random.Random(7),
    )
    await c.start(dispatch=False)
    try:
        yield c
    finally:
        await c.stop(timeout=5)


@pytest.fixture(autouse=True)
def _no_real_master_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("SPREADER_MASTER_KEY", raising=False)
    yield


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A machine without an OS keyring, as headless Linux desktops often are."""
    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(before)


@pytest.fixture
def fake_tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The stand-in ``cloudflared`` first on ``PATH``; the file its process ids go to."""
    env: dict[str, str] = {"PATH": os.environ["PATH"]}
    pids = put_first_on_path(tmp_path, env)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return pids
