"""The pool breaker's promises over generated histories: scaled caps and pace are kept,
the planner's times are the dispatcher's with the factor applied, and held recipients are
never sent before the owner releases them."""

from __future__ import annotations

import asyncio
import random
import tempfile
from bisect import bisect_right
from collections.abc import Awaitable, Callable
from datetime import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from spreader_app.bootstrap import Container, build
from spreader_app.config import Settings
from spreader_app.core.chain import package_chain
from spreader_app.core.clock import ManualClock
from spreader_app.core.models import Package, PoolEvent
from spreader_app.core.pool import Pool, PoolEventType, scaled_cap
from spreader_app.core.rules import DAY, HOUR, ProfileState
from spreader_app.core.services.sending import read_open_request
from spreader_app.storage.orm import DeliveryRow
from spreader_app.vault.key_sources import MemoryKeySource
from tests.campaign_data import FAST, numbers
from tests.conftest import START
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain
from tests.integration.test_open_campaign import make_package
from tests.property.test_rules_props import PROPS

ENGINE = settings(PROPS, max_examples=12, suppress_health_check=list(HealthCheck))


@settings(PROPS, max_examples=500)
@given(
    hourly=st.integers(1, 12),
    daily=st.integers(1, 60),
    cooldown=st.integers(0, 900),
    tripped=st.floats(-3 * DAY, 0, allow_nan=False),
    sends=st.integers(1, 60),
    seed=st.integers(0, 2**32),
)
def test_pool_scaled_caps_and_pace_are_never_exceeded(
    hourly: int, daily: int, cooldown: int, tripped: float, sends: int, seed: int
) -> None:
    start = START.timestamp()
    package = Package(
        "pk",
        "props",
        max_messages_per_profile_per_hour=hourly,
        max_messages_per_profile_per_day=daily,
        cooldown_seconds=cooldown,
        active_hours_start=time(0, 0),
        active_hours_end=time(0, 0),
    )
    pool = Pool(tripped_at=start + tripped)
    chain = package_chain(package, pool)
    state = ProfileState("p", hourly_cap=hourly, daily_cap=daily, cooldown=float(cooldown))
    rnd = random.Random(seed)
    t = start
    for _ in range(sends):
        asked = t + rnd.choice([0.0, rnd.uniform(0, 3 * HOUR)])
        at = chain.earliest(state, asked).at
        assert at is not None and at >= asked
        factor = pool.factor(at)
        times = state.sends
        for span, cap in ((HOUR, hourly), (DAY, daily)):
            inside = bisect_right(times, at) - bisect_right(times, at - span)
            assert inside + 1 <= scaled_cap(cap, factor)
        if times:
            assert at - times[-1] >= cooldown / factor - 1e-6
        state.record_send(at)
        t = at


def _engine(run: Callable[[Container, FakeZentra, ManualClock], Awaitable[None]]) -> None:
    """Runs ``run`` on a fresh container, fake gateway and manual clock."""

    async def main(folder: Path) -> None:
        clock = ManualClock(START)
        async with FakeZentra(clock=clock) as fake:
            config = Settings(
                data_dir=folder,
                database_url=f"sqlite:///{folder / 'spreader.db'}",
                api_key="test-api-key-0123456789abcdef",
                webhook_secret="test-webhook-secret-0123456789",
                zentra_url=fake.url,
            )
            c = build(config, clock=clock, key_source=MemoryKeySource(), rng=random.Random(7))
            await c.start(dispatch=False)
            try:
                await run(c, fake, clock)
            finally:
                await c.stop(timeout=5)

    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(main(Path(folder)))


def _times(c: Container, message_id: str) -> list[tuple[str, float | None, float | None]]:
    def q(s):  # type: ignore[no-untyped-def]
        rows = s.execute(
            select(DeliveryRow.recipient, DeliveryRow.planned_at, DeliveryRow.sent_at)
            .where(DeliveryRow.message_id == message_id)
            .order_by(DeliveryRow.id)
        )
        return [(r, p.timestamp() if p else None, x.timestamp() if x else None) for r, p, x in rows]

    return list(c.db.run_sync(q))


async def _send(c: Container, package_id: str, recipients: list[str]) -> str:
    body = {"type": "text", "text": "Hello", "recipients": recipients}
    return (await c.sending.send_open(package_id, read_open_request(body))).message.id


@ENGINE
@given(
    profiles=st.integers(1, 3),
    hourly=st.integers(1, 6),
    count=st.integers(1, 24),
    tripped_hours=st.floats(0, 47, allow_nan=False),
)
def test_pool_planner_times_equal_dispatcher_times_with_the_factor(
    profiles: int, hourly: int, count: int, tripped_hours: float
) -> None:
    async def run(c: Container, fake: FakeZentra, clock: ManualClock) -> None:
        policy = {**FAST, "max_messages_per_profile_per_hour": hourly}
        package_id, ids = await make_package(c, fake, profiles, **policy)
        now = clock.timestamp()
        trip = PoolEvent(package_id, PoolEventType.BLOCKED, now - tripped_hours * HOUR, ids[0])
        await c.store.add_pool_event(trip, "test")
        c.engine_changed()
        message_id = await _send(c, package_id, numbers(count))
        await drain(c, clock)
        rows = _times(c, message_id)
        assert all(sent is not None for _, _, sent in rows)
        assert [planned for _, planned, _ in rows] == [sent for _, _, sent in rows]

    _engine(run)


@ENGINE
@given(profiles=st.integers(2, 3), count=st.integers(2, 20), wait_hours=st.floats(0, 30))
def test_pool_held_recipients_are_never_sent_before_the_release(
    profiles: int, count: int, wait_hours: float
) -> None:
    async def run(c: Container, fake: FakeZentra, clock: ManualClock) -> None:
        package_id, _ = await make_package(c, fake, profiles, **FAST)
        fake.set_device_state("dev-0", "banned")
        message_id = await _send(c, package_id, numbers(count))
        await drain(c, clock)
        clock.advance(wait_hours * HOUR)
        await drain(c, clock)
        held = {r for r, _, _ in _times(c, message_id)} - {"+" + m.recipient for m in fake.received}
        released_at = clock.timestamp()
        assert await c.pool.release(package_id) == len(held)
        await drain(c, clock)
        late = {"+" + m.recipient: m.at for m in fake.received if "+" + m.recipient in held}
        assert set(late) == held and all(at >= released_at for at in late.values())
        assert "dev-0" not in {m.device_uuid for m in fake.received}

    _engine(run)
