"""The engine learns of every package and profile change, even one that lands while it is
re-reading them: a device the owner just added takes its share of the next campaign."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain
from tests.integration.test_engine_behaviour import send
from tests.integration.test_open_campaign import ZONE, delivery_statuses, numbers


async def test_engine_sends_from_a_profile_added_while_it_reread_the_packages(
    container: Container,
    fake_zentra: FakeZentra,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The desktop's first minute: a package, then its first device a few milliseconds later,
    # while the engine is still reading the package. Once it left a campaign "Queued" forever.
    package = await container.packages.create(
        {
            "name": "Shop",
            "timezone": ZONE,
            "active_hours_start": "00:00",
            "active_hours_end": "00:00",
        }
    )
    read, resume = asyncio.Event(), asyncio.Event()
    reader = container.store.engine_snapshot

    async def held_after_reading(now: float):  # type: ignore[no-untyped-def]
        snapshot = await reader(now)
        read.set()
        await resume.wait()
        return snapshot

    monkeypatch.setattr(container.store, "engine_snapshot", held_after_reading)
    round_ = asyncio.create_task(container.dispatcher.tick())
    await asyncio.wait_for(read.wait(), 10)
    fake_zentra.add_device("dev-0", "token-0-abcdefgh")
    await container.profiles.create(
        package.id,
        {"name": "Sales", "zentra_uuid": "dev-0", "zentra_api_token": "token-0-abcdefgh"},
    )
    resume.set()
    await round_

    result = await send(container, package.id, numbers(3))
    await drain(container, clock)
    assert delivery_statuses(container, result.message.id) == Counter({"sent": 3})
    assert {m.device_uuid for m in fake_zentra.received} == {"dev-0"}
