"""Shared fixtures: a manual clock, a data folder, an in-memory vault key, the fake gateway
on loopback and a fully wired container on a temporary SQLite database."""

from __future__ import annotations

import os
import random
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from spreader_app.bootstrap import Container, build  # noqa: E402
from spreader_app.config import Settings  # noqa: E402
from spreader_app.core.clock import ManualClock  # noqa: E402
from spreader_app.vault.key_sources import MemoryKeySource  # noqa: E402
from tests.fakes.fake_zentra import FakeZentra  # noqa: E402
from tests.helpers import drain  # noqa: E402,F401

# Monday 2025-06-16 09:00 in Cairo (UTC+3 in summer): inside default active hours.
START = datetime(2025, 6, 16, 6, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'spreader.db'}",
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
