"""Warm-up and the unanswered budget over generated histories: no stage cap (scaled by
the pool factor), hourly share or budget is ever exceeded, and the planner's times are
the dispatcher's under the same clock."""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import time

from hypothesis import given, settings
from hypothesis import strategies as st

from spreader_app.bootstrap import Container
from spreader_app.core.chain import package_chain
from spreader_app.core.clock import ManualClock
from spreader_app.core.contact_log import MONTH, ContactHistory, ContactLog
from spreader_app.core.models import Package
from spreader_app.core.pool import Pool, scaled_cap
from spreader_app.core.rules import DAY, HOUR, ProfileState
from spreader_app.core.warmup import STAGE_CAPS, hourly_share, stage_cap
from tests.campaign_data import FAST, numbers
from tests.conftest import START
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain
from tests.integration.test_open_campaign import make_package
from tests.property.test_pool_props import ENGINE, _engine, _send, _times
from tests.property.test_rules_props import PROPS


def _within(times: list[float], t: float, span: float) -> int:
    return bisect_right(times, t) - bisect_right(times, t - span)


@settings(PROPS, max_examples=300)
@given(
    stage=st.integers(1, len(STAGE_CAPS)),
    budget=st.integers(0, 40),
    known=st.integers(0, 30),
    tripped=st.one_of(st.none(), st.floats(-3 * DAY, 0, allow_nan=False)),
    sends=st.integers(1, 120),
    seed=st.integers(0, 2**32),
)
def test_no_stage_cap_hourly_share_or_unanswered_budget_is_exceeded(
    stage: int, budget: int, known: int, tripped: float | None, sends: int, seed: int
) -> None:
    start = START.timestamp()
    package = Package(
        "pk",
        "props",
        max_messages_per_profile_per_hour=1000,
        max_messages_per_profile_per_day=10_000,
        cooldown_seconds=0,
        active_hours_start=time(0, 0),
        active_hours_end=time(0, 0),
        max_unanswered_per_profile_per_30d=budget,
    )
    pool = Pool(tripped_at=None if tripped is None else start + tripped)
    chain = package_chain(package, pool)
    cap = stage_cap(stage)
    assert cap is not None
    old_friends = numbers(known)
    contacts = ContactLog.build(
        ContactHistory(known=frozenset(old_friends)), new_cap=cap, unanswered_cap=budget
    )
    state = ProfileState("p", hourly_cap=1000, daily_cap=10_000, cooldown=0.0, contacts=contacts)
    rnd = random.Random(seed)
    strangers = iter(numbers(sends, start=10_000))
    first: list[float] = []
    all_sends: list[tuple[float, str]] = []
    t = start
    for _ in range(sends):
        asked = t + rnd.choice([0.0, rnd.uniform(0, 6 * HOUR)])
        decision = chain.earliest(state, asked)
        # Every hold here ends (a window rolls on): the profile is never stopped for good.
        assert decision.at is not None, decision.reason
        at = decision.at
        recipient = (
            rnd.choice(old_friends) if old_friends and rnd.random() < 0.3 else next(strangers)
        )
        is_new = recipient not in old_friends and recipient not in {r for _, r in all_sends}
        factor = pool.factor(at)
        if is_new:
            assert _within(first, at, DAY) + 1 <= scaled_cap(cap, factor)
            assert _within(first, at, HOUR) + 1 <= scaled_cap(hourly_share(cap), factor)
            first.append(at)
        if budget:
            assert _within([s for s, _ in all_sends], at, MONTH) + 1 <= budget
        state.record_send(at, recipient=recipient)
        all_sends.append((at, recipient))
        t = at


@ENGINE
@given(profiles=st.integers(1, 2), count=st.integers(1, 45), budget=st.integers(0, 30))
def test_warmup_planner_times_equal_dispatcher_times(
    profiles: int, count: int, budget: int
) -> None:
    async def run(c: Container, fake: FakeZentra, clock: ManualClock) -> None:
        policy = {**FAST, "warmup_enabled": True, "max_unanswered_per_profile_per_30d": budget}
        package_id, _ = await make_package(c, fake, profiles, **policy)
        message_id = await _send(c, package_id, numbers(count))
        await drain(c, clock)
        rows = _times(c, message_id)
        assert all(sent is not None for _, _, sent in rows)
        assert [planned for _, planned, _ in rows] == [sent for _, _, sent in rows]
        # A new profile reaches at most 20 new people in any 24 hours.
        for pid_times in _per_device(fake).values():
            for at in pid_times:
                assert _within(pid_times, at, DAY) <= 20

    _engine(run)


def _per_device(fake: FakeZentra) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for m in fake.received:
        out.setdefault(m.device_uuid, []).append(m.at)
    return {k: sorted(v) for k, v in out.items()}


@settings(PROPS, max_examples=300)
@given(
    health=st.integers(0, 100),
    hourly=st.integers(1, 12),
    cooldown=st.integers(0, 900),
    sends=st.integers(1, 40),
    seed=st.integers(0, 2**32),
)
def test_a_profile_below_the_ok_band_keeps_half_its_caps_and_pace(
    health: int, hourly: int, cooldown: int, sends: int, seed: int
) -> None:
    start = START.timestamp()
    package = Package(
        "pk",
        "props",
        max_messages_per_profile_per_hour=hourly,
        cooldown_seconds=cooldown,
        active_hours_start=time(0, 0),
        active_hours_end=time(0, 0),
    )
    chain = package_chain(package, Pool())
    state = ProfileState("p", hourly_cap=hourly, cooldown=float(cooldown), health=health)
    factor = 0.5 if health < 80 else 1.0
    rnd = random.Random(seed)
    t = start
    for _ in range(sends):
        at = chain.earliest(state, t + rnd.uniform(0, HOUR)).at
        assert at is not None
        times = list(state.sends)
        assert _within(times, at, HOUR) + 1 <= scaled_cap(hourly, factor)
        if times:
            assert at - times[-1] >= cooldown / factor - 1e-6
        state.record_send(at)
        t = at
