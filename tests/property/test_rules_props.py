"""The rule chain keeps the rules it promises, and answers the *least* allowed time."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spreader_app.core.models import Package, ProfileStatus
from spreader_app.core.rules import (
    ActiveHours,
    ProfileState,
    RuleChain,
    violations,
)

PROPS = settings(
    derandomize=True,
    deadline=None,
    database=None,
    max_examples=1000,
    suppress_health_check=[HealthCheck.too_slow],
)

ZONES = ["Africa/Cairo", "Asia/Riyadh", "America/New_York", "UTC"]
# Days around daylight-saving changes (Cairo: late April / late October; New York: March /
# November), plus quiet ones, so windows meet missing and repeated local hours.
ANCHORS = [
    datetime(2024, 3, 10, tzinfo=UTC),
    datetime(2024, 4, 26, tzinfo=UTC),
    datetime(2024, 10, 31, tzinfo=UTC),
    datetime(2024, 11, 3, tzinfo=UTC),
    datetime(2025, 3, 9, tzinfo=UTC),
    datetime(2025, 4, 25, tzinfo=UTC),
    datetime(2025, 6, 16, tzinfo=UTC),
    datetime(2025, 10, 30, tzinfo=UTC),
    datetime(2025, 11, 2, tzinfo=UTC),
    datetime(2026, 1, 15, tzinfo=UTC),
]

clock_times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@st.composite
def moments(draw: st.DrawFn) -> float:
    anchor = draw(st.sampled_from(ANCHORS))
    offset = draw(st.floats(-3 * 86400, 3 * 86400, allow_nan=False))
    return (anchor + timedelta(seconds=offset)).timestamp()


@st.composite
def packages(draw: st.DrawFn) -> Package:
    start = draw(clock_times)
    # A third of the packages are active all day (start == end).
    end = draw(st.one_of(st.just(start), clock_times))
    return Package(
        id="pk",
        name="props",
        max_messages_per_profile_per_hour=draw(st.integers(1, 30)),
        max_messages_per_profile_per_day=draw(st.integers(1, 200)),
        cooldown_seconds=draw(st.integers(0, 600)),
        active_hours_start=start,
        active_hours_end=end,
        timezone=draw(st.sampled_from(ZONES)),
    )


def _refused_by_some_rule(chain: RuleChain, state: ProfileState, t: float) -> bool:
    return any(rule.hold(state, t, None) is not None for rule in chain.rules)


@PROPS
@given(
    package=packages(),
    start=moments(),
    pause=st.one_of(st.none(), st.floats(-3600, 3 * 3600)),
    sends=st.integers(1, 40),
    seed=st.integers(0, 2**32),
)
def test_earliest_then_record_never_breaks_a_rule_and_is_the_least_time(
    package: Package, start: float, pause: float | None, sends: int, seed: int
) -> None:
    # The per-send variations come from one drawn seed, so thousands of cases run quickly:
    # (extra jitter after the send, idle time before asking again), often zero.
    rnd = random.Random(seed)
    steps = [
        (rnd.choice([0.0, rnd.uniform(0, 120)]), rnd.choice([0.0, rnd.uniform(0, 7200)]))
        for _ in range(sends)
    ]
    chain = RuleChain.for_package(package)
    state = ProfileState(
        "p",
        # A profile resting after device trouble, until ``start + pause``.
        status=ProfileStatus.ACTIVE if pause is None else ProfileStatus.COOLDOWN,
        paused_until=None if pause is None else start + pause,
        hourly_cap=package.max_messages_per_profile_per_hour,
        daily_cap=package.max_messages_per_profile_per_day,
        cooldown=float(package.cooldown_seconds),
    )
    sent: list[float] = []
    t = start
    for jitter, idle in steps:
        asked = t + idle
        decision = chain.earliest(state, asked)
        assert decision.at is not None and decision.at >= asked
        if state.paused_until is not None:
            assert decision.at >= state.paused_until
        assert not _refused_by_some_rule(chain, state, decision.at)
        span = decision.at - asked
        for frac in (0.0, 0.3, 0.7, 0.999999):
            earlier = asked + span * frac
            if earlier < decision.at:
                assert _refused_by_some_rule(chain, state, earlier)
        if decision.capacity_until is not None:
            # The planner's premise: capacity rules hold the profile exactly until then.
            again = chain.earliest(state, decision.capacity_until)
            assert again.at == decision.at and again.capacity_until is None
            assert chain.earliest(state, asked).capacity_until is not None
        state.record_send(decision.at, jitter)
        sent.append(decision.at)
        t = decision.at
    found = violations(
        sent,
        hourly_cap=state.hourly_cap,
        daily_cap=state.daily_cap,
        cooldown=state.cooldown,
        hours=chain.active_hours,
    )
    assert found == []


@settings(PROPS, max_examples=500)
@given(
    start=clock_times,
    end=clock_times,
    zone=st.sampled_from(ZONES),
    first=moments(),
    seed=st.integers(0, 2**32),
)
def test_active_hours_answers_agree_with_a_fresh_calculation(
    start: time, end: time, zone: str, first: float, seed: int
) -> None:
    hours = ActiveHours(start, end, zone)
    rnd = random.Random(seed)
    # Nearby times, as the rules ask them, exercise the remembered window; jumps and steps
    # back leave it.
    asked = [first + rnd.choice([1, 1, 1, -1]) * rnd.uniform(0, 4 * 3600) for _ in range(30)]
    for t in asked:
        opens = hours.next_open(t)
        assert opens == ActiveHours(start, end, zone).next_open(t)
        assert opens >= t
        assert hours.is_open(opens)
        if opens > t:
            assert not hours.is_open(t)
            assert not hours.is_open(t + (opens - t) / 2)
        else:
            assert hours.window_end(t) > t


def test_active_hours_skip_a_window_lost_in_a_spring_forward_gap() -> None:
    # 2025-03-09 in New York: 02:30 does not exist, so 02:30-03:15 opens no window that day.
    hours = ActiveHours(time(2, 30), time(3, 15), "America/New_York")
    night = datetime(2025, 3, 9, 6, 0, tzinfo=UTC).timestamp()
    opens = hours.next_open(night)
    assert hours.is_open(opens)
    assert opens == datetime(2025, 3, 10, 6, 30, tzinfo=UTC).timestamp()


def test_rolling_cap_release_survives_rounding_of_small_timestamps() -> None:
    # 0.1 + 3600 - 3600 rounds below 0.1: the send would still count at its release time.
    chain = RuleChain.for_package(
        Package(
            id="pk",
            name="p",
            max_messages_per_profile_per_hour=1,
            cooldown_seconds=0,
            active_hours_start=time(0),
            active_hours_end=time(0),
        )
    )
    state = ProfileState("p", hourly_cap=1, cooldown=0.0)
    state.record_send(0.1)
    decision = chain.earliest(state, 0.1)
    assert decision.at is not None
    found = violations(
        [0.1, decision.at], hourly_cap=1, daily_cap=500, cooldown=0.0, hours=chain.active_hours
    )
    assert found == []


def test_record_send_keeps_sends_in_order_when_a_late_one_arrives() -> None:
    state = ProfileState("p", hourly_cap=2)
    for t in (100.0, 300.0, 200.0):
        state.record_send(t)
    assert list(state.sends) == [100.0, 200.0, 300.0]
    assert state.count_within(300.0, 150.0) == 2
