"""Health from deductions over generated histories: the score stays within 0..100, heals
with time and is whole again a day after the last deduction; a CRITICAL profile sends no
Open Chat for 24 hours; the planner's times are the dispatcher's with the rule on."""

from __future__ import annotations

import math
from datetime import time

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from spreader_app.bootstrap import Container
from spreader_app.core.chain import package_chain
from spreader_app.core.clock import ManualClock
from spreader_app.core.health_band import AT_RISK_FROM, OK_FROM
from spreader_app.core.health_score import MAX_SCORE, RECOVERY, HealthLog, counted
from spreader_app.core.health_watch import with_crowd
from spreader_app.core.models import HealthDeduction, Package
from spreader_app.core.outcomes import HealthReason
from spreader_app.core.pool import Pool
from spreader_app.core.rules import DAY, HOUR, ProfileState
from spreader_app.storage.orm import HealthEventRow
from tests.campaign_data import FAST, numbers
from tests.conftest import START
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain
from tests.integration.test_open_campaign import make_package
from tests.property.test_pool_props import ENGINE, _engine, _send, _times
from tests.property.test_rules_props import PROPS

T0 = START.timestamp()


@st.composite
def deductions(draw: st.DrawFn, profile: str = "p") -> list[HealthDeduction]:
    n = draw(st.integers(0, 12))
    return [
        HealthDeduction(
            profile,
            T0 + draw(st.floats(-3 * DAY, 0, allow_nan=False)),
            draw(st.sampled_from(list(HealthReason))).value,
            draw(st.integers(1, 100)),
        )
        for _ in range(n)
    ]


@settings(PROPS, max_examples=400)
@given(
    found=deductions(),
    credit=st.integers(0, 10),
    after=st.floats(-2.0, 2.0, allow_nan=False),
    t=st.floats(-4 * DAY, 3 * DAY),
)
def test_the_score_is_the_sum_of_what_each_deduction_still_counts(
    found: list[HealthDeduction], credit: int, after: float, t: float
) -> None:
    """Also just around a day after the last deduction, where the log stops adding them."""
    log = HealthLog(found, credit)
    last = max((d.at for d in found), default=T0)
    for at in (T0 + t, last + RECOVERY + after):
        total = sum(counted(d, at) for d in found)
        assert log.score(at) == max(0, min(MAX_SCORE, MAX_SCORE + credit - total))


@settings(PROPS, max_examples=400)
@given(found=deductions(), credit=st.integers(0, 10), t=st.floats(-4 * DAY, 3 * DAY))
def test_the_score_is_always_within_0_and_100(
    found: list[HealthDeduction], credit: int, t: float
) -> None:
    log = HealthLog(found, credit)
    assert 0 <= log.score(T0 + t) <= MAX_SCORE
    # The reasons shown add up to what the score lost (before the floor at 0).
    if log.score(T0 + t) > 0:
        lost = sum(r.points for r in log.reasons(T0 + t))
        assert log.score(T0 + t) == min(MAX_SCORE, MAX_SCORE + credit - lost)


@settings(PROPS, max_examples=400)
@given(
    found=deductions(),
    credit=st.integers(0, 10),
    a=st.floats(0, 2 * DAY, allow_nan=False),
    b=st.floats(0, 2 * DAY, allow_nan=False),
)
def test_without_new_deductions_the_score_never_falls_and_is_whole_a_day_later(
    found: list[HealthDeduction], credit: int, a: float, b: float
) -> None:
    log = HealthLog(found, credit)
    last = log.last_at if log.last_at is not None else T0
    early, late = sorted((last + a, last + b))
    assert log.score(early) <= log.score(late)
    assert log.score(last + RECOVERY) == MAX_SCORE
    for level in (AT_RISK_FROM, OK_FROM):
        back = log.reaches(level)
        assert log.score(back) >= level
        if math.isfinite(back) and back > last:
            assert log.score(math.nextafter(back, -math.inf)) < level
            assert back <= last + RECOVERY


@settings(PROPS, max_examples=300)
@given(d=st.builds(HealthDeduction, st.just("p"), st.just(T0), st.just("x"), st.integers(1, 100)))
def test_a_deduction_never_counts_more_than_its_points_and_ends_after_a_day(
    d: HealthDeduction,
) -> None:
    assert counted(d, T0) == d.points
    assert counted(d, T0 - 1) == 0
    assert counted(d, T0 + RECOVERY) == 0


def _open_all_day(**policy: int) -> Package:
    return Package(
        "pk",
        "props",
        active_hours_start=time(0, 0),
        active_hours_end=time(0, 0),
        **policy,  # type: ignore[arg-type]
    )


@settings(PROPS, max_examples=300)
@given(
    found=deductions(),
    asks=st.lists(st.floats(0, 3 * DAY, allow_nan=False), min_size=1, max_size=20),
)
def test_a_critical_profile_sends_no_open_chat_for_24_hours(
    found: list[HealthDeduction], asks: list[float]
) -> None:
    package = _open_all_day(max_messages_per_profile_per_hour=1000, cooldown_seconds=0)
    chain = package_chain(package, Pool())
    log = HealthLog(found)
    state = ProfileState("p", hourly_cap=1000, daily_cap=10_000, cooldown=0.0, health_log=log)
    entered = log.critical_since()
    for ask in sorted(asks):
        at = chain.earliest(state, T0 + ask).at
        assert at is not None
        if entered is not None:
            assert not entered <= at < entered + DAY, (entered, at)
            assert log.score(at) >= AT_RISK_FROM
        state.record_send(at)


@ENGINE
@given(
    profiles=st.integers(1, 4),
    count=st.integers(1, 20),
    points=st.lists(st.integers(0, 100), min_size=4, max_size=4),
    ago_hours=st.floats(0, 30, allow_nan=False),
)
def test_health_planner_times_equal_dispatcher_times_with_the_critical_rule(
    profiles: int, count: int, points: list[int], ago_hours: float
) -> None:
    """Profiles carry a deduction each (CRITICAL from 61 points, AT_RISK from 21), so the
    CRITICAL stop, the halved pace and the crowd slow-down all come into play."""

    async def run(c: Container, fake: FakeZentra, clock: ManualClock) -> None:
        policy = {**FAST, "max_messages_per_profile_per_hour": 6}
        package_id, ids = await make_package(c, fake, profiles, **policy)
        at = clock.timestamp() - ago_hours * HOUR
        rows = [
            {"profile_id": pid, "at": at, "reason": "disconnected", "points": p}
            for pid, p in zip(ids, points, strict=False)
            if p
        ]
        if rows:
            c.db.run_sync(lambda s: s.execute(insert(HealthEventRow), rows))
        c.engine_changed()
        message_id = await _send(c, package_id, numbers(count))
        await drain(c, clock)
        times = _times(c, message_id)
        assert all(sent is not None for _, _, sent in times)
        assert [planned for _, planned, _ in times] == [sent for _, _, sent in times]
        # Nothing went through a profile while it was critical.
        for i, p in enumerate(points[:profiles]):
            log = HealthLog([HealthDeduction(ids[i], at, "disconnected", p)] if p else [])
            entered = log.critical_since()
            if entered is not None:
                device = f"dev-{i}"
                assert all(m.at >= entered + DAY for m in fake.received if m.device_uuid == device)

    _engine(run)


@settings(PROPS, max_examples=300)
@given(
    logs=st.lists(deductions(), min_size=1, max_size=8),
    later=st.lists(st.floats(0, 2 * DAY, allow_nan=False), min_size=1, max_size=10),
)
def test_the_crowd_slow_down_lasts_exactly_while_over_30_percent_are_below_ok(
    logs: list[list[HealthDeduction]], later: list[float]
) -> None:
    states = [ProfileState(f"p{i}", health_log=HealthLog(found)) for i, found in enumerate(logs)]
    pool = with_crowd(Pool(), states, T0)
    for dt in later:
        t = T0 + dt
        below = sum(1 for s in states if s.health_at(t) < OK_FROM)
        assert pool.factor(t) == (0.5 if below > 0.3 * len(states) else 1.0), (dt, below)
