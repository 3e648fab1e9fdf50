from __future__ import annotations

import math
import time as clock
from collections import Counter
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from spreader_app.core.models import (
    DistributionMode,
    Package,
    ProfileStatus,
    WaitingStrategy,
)
from spreader_app.core.plan_result import Plan
from spreader_app.core.planner import plan
from spreader_app.core.rules import DAY, HOUR, Decision, ProfileState, RuleChain, violations

ALL_DAY = Package(id="pk", name="all day", active_hours_start=time(0), active_hours_end=time(0))
CAIRO = Package(
    id="pk",
    name="cairo",
    active_hours_start=time(8),
    active_hours_end=time(22),
    timezone="Africa/Cairo",
)
# Monday 2025-06-16 09:00 in Cairo (UTC+3): inside 08:00-22:00.
MORNING = datetime(2025, 6, 16, 9, 0, tzinfo=ZoneInfo("Africa/Cairo")).timestamp()
NIGHT = datetime(2025, 6, 16, 23, 0, tzinfo=ZoneInfo("Africa/Cairo")).timestamp()
NEXT_OPEN = datetime(2025, 6, 17, 8, 0, tzinfo=ZoneInfo("Africa/Cairo")).timestamp()
CAIRO_CLOSE = datetime(2025, 6, 16, 22, 0, tzinfo=ZoneInfo("Africa/Cairo")).timestamp()

IMMEDIATE = WaitingStrategy.IMMEDIATE
RR = DistributionMode.ROUND_ROBIN


def _state(pid: str, *, cooldown: float = 10.0, **fields: Any) -> ProfileState:
    return ProfileState(pid, cooldown=cooldown, **fields)


def _recipients(n: int) -> list[str]:
    return [f"+2010{i:08d}" for i in range(n)]


def _plan(
    n: int,
    states: list[ProfileState],
    package: Package = ALL_DAY,
    *,
    mode: DistributionMode = RR,
    strategy: WaitingStrategy = IMMEDIATE,
    start: float = MORNING,
    **kwargs: Any,
) -> Plan:
    return plan(
        _recipients(n),
        states,
        RuleChain.for_package(package),
        mode=mode,
        strategy=strategy,
        start=start,
        **kwargs,
    )


def _shares(result: Plan) -> dict[str, int]:
    return {pid: len(rs) for pid, rs in result.distribution.items()}


def _times(result: Plan, pid: str) -> list[float]:
    return [i.at for i in result.items if i.profile_id == pid and i.at is not None]


def test_plan_round_robin_splits_evenly_and_paces_by_cooldown() -> None:
    result = _plan(9, [_state("a"), _state("b"), _state("c")])
    assert _shares(result) == {"a": 3, "b": 3, "c": 3}
    assert [i.profile_id for i in result.items] == list("abcabcabc")
    assert _times(result, "a") == [MORNING, MORNING + 10, MORNING + 20]
    assert result.items[0].decided_by == ("round_robin",)
    assert result.items[3].decided_by == ("cooldown", "round_robin")
    assert result.estimated_completion == MORNING + 20
    assert result.unassigned == 0


def test_plan_weighted_gives_exact_proportional_shares() -> None:
    states = [_state("a", weight=1), _state("b", weight=2), _state("c", weight=3)]
    result = _plan(60, states, mode=DistributionMode.WEIGHTED)
    assert _shares(result) == {"a": 10, "b": 20, "c": 30}


def test_plan_sequential_fills_one_profile_to_its_daily_cap_then_the_next() -> None:
    states = [_state(pid, daily_cap=5) for pid in "abc"]
    result = _plan(12, states, mode=DistributionMode.SEQUENTIAL)
    assert [i.profile_id for i in result.items] == list("aaaaabbbbbcc")
    assert _times(result, "b")[0] == MORNING


def test_plan_sequential_moves_on_when_the_hourly_cap_is_reached() -> None:
    states = [_state(pid, hourly_cap=3) for pid in "ab"]
    result = _plan(8, states, mode=DistributionMode.SEQUENTIAL)
    # Both full after 3 each: the rest goes to whoever has room first, an hour later.
    assert [i.profile_id for i in result.items[:6]] == list("aaabbb")
    assert result.items[6].at == MORNING + HOUR
    assert "hourly_cap" in result.items[6].decided_by


def test_plan_priority_sends_through_the_highest_until_it_is_full() -> None:
    states = [_state("low", priority=1), _state("high", priority=9, hourly_cap=4)]
    result = _plan(6, states, mode=DistributionMode.PRIORITY)
    assert [i.profile_id for i in result.items] == ["high"] * 4 + ["low"] * 2


def test_plan_random_is_reproducible_for_a_seed() -> None:
    states = [_state(pid) for pid in "abcd"]

    def picks(seed: int) -> list[str | None]:
        result = _plan(40, states, mode=DistributionMode.RANDOM, seed=seed)
        return [i.profile_id for i in result.items]

    assert picks(5) == picks(5)
    assert picks(5) != picks(6)


def test_plan_smart_mode_favours_healthy_profiles() -> None:
    states = [_state("sick", health=10), _state("well", health=100)]
    result = _plan(10, states, mode=DistributionMode.SMART)
    counts = Counter(i.profile_id for i in result.items)
    assert counts["well"] > counts["sick"]


def test_plan_gives_nothing_to_inactive_or_blocked_profiles() -> None:
    states = [
        _state("off", status=ProfileStatus.INACTIVE),
        _state("on"),
        _state("banned", status=ProfileStatus.BLOCKED),
    ]
    result = _plan(5, states)
    assert _shares(result) == {"off": 0, "on": 5, "banned": 0}


def test_plan_without_any_profile_able_to_send_marks_every_item_with_a_reason() -> None:
    states = [
        _state("off", status=ProfileStatus.INACTIVE),
        _state("capless", daily_cap=0),
    ]
    result = _plan(3, states)
    assert result.unassigned == 3
    assert result.estimated_completion is None
    for item in result.items:
        assert item.profile_id is None and item.at is None
        assert "off: profile is inactive" in item.reason
        assert "capless: daily_cap is 0" in item.reason


def test_plan_for_a_package_without_profiles_says_so() -> None:
    result = _plan(2, [])
    assert result.unassigned == 2
    assert "no profiles" in result.items[0].reason
    assert result.distribution == {}


def test_plan_of_no_recipients_is_empty() -> None:
    result = _plan(0, [_state("a")], strategy=WaitingStrategy.SMART)
    assert result.items == [] and result.estimated_completion is None


def test_plan_waits_for_a_paused_profile_only_when_no_other_can_send() -> None:
    paused = _state("p", status=ProfileStatus.COOLDOWN, paused_until=MORNING + 300)
    alone = _plan(2, [paused])
    assert _times(alone, "p") == [MORNING + 300, MORNING + 310]
    assert alone.items[0].decided_by == ("status", "round_robin")
    shared = _plan(4, [paused, _state("q")])
    assert _shares(shared) == {"p": 0, "q": 4}


def test_plan_respects_send_history_passed_in_the_states() -> None:
    full = _state("full", hourly_cap=2)
    for t in (MORNING - 600, MORNING - 300):
        full.record_send(t)
    result = _plan(3, [full, _state("free")])
    assert _shares(result) == {"full": 0, "free": 3}


def test_plan_waits_for_the_window_to_open_when_started_at_night() -> None:
    result = _plan(2, [_state("a")], CAIRO, start=NIGHT)
    assert _times(result, "a") == [NEXT_OPEN, NEXT_OPEN + 10]
    assert result.items[0].decided_by == ("active_hours", "round_robin")


def test_plan_sticky_recipient_goes_to_its_profile_even_when_it_must_wait() -> None:
    a = _state("a", hourly_cap=1)
    b = _state("b")
    recipients = _recipients(3)
    result = plan(
        recipients,
        [a, b],
        RuleChain.for_package(ALL_DAY),
        mode=RR,
        strategy=IMMEDIATE,
        start=MORNING,
        sticky={recipients[1]: "a", recipients[2]: "a"},
    )
    by_recipient = {i.recipient: i for i in result.items}
    assert by_recipient[recipients[0]].profile_id == "a"
    second = by_recipient[recipients[1]]
    assert second.profile_id == "a" and second.decided_by[-1] == "sticky"
    assert second.at == MORNING + HOUR
    assert by_recipient[recipients[2]].at == MORNING + 2 * HOUR


def test_plan_sticky_profile_that_cannot_send_falls_back_to_the_mode() -> None:
    recipients = _recipients(1)
    result = plan(
        recipients,
        [_state("off", status=ProfileStatus.BLOCKED), _state("b")],
        RuleChain.for_package(ALL_DAY),
        mode=RR,
        strategy=IMMEDIATE,
        start=MORNING,
        sticky={recipients[0]: "off", "someone else": "missing"},
    )
    assert result.items[0].profile_id == "b"
    assert result.items[0].decided_by == ("round_robin",)


def test_plan_drip_spaces_recipients_by_the_interval() -> None:
    result = _plan(4, [_state("a"), _state("b")], strategy=WaitingStrategy.DRIP, drip_interval=120)
    assert [i.at for i in result.items] == [MORNING + k * 120 for k in range(4)]


def test_plan_drip_gap_grows_when_the_rules_delay_a_recipient() -> None:
    states = [_state("a", hourly_cap=2)]
    result = _plan(3, states, strategy=WaitingStrategy.DRIP, drip_interval=60)
    times = [i.at for i in result.items]
    assert times[:2] == [MORNING, MORNING + 60]
    assert times[2] == MORNING + HOUR


@pytest.mark.parametrize("interval", [None, 0, -5, math.inf])
def test_plan_drip_without_a_positive_interval_is_refused(interval: float | None) -> None:
    with pytest.raises(ValueError, match="drip_interval > 0"):
        _plan(2, [_state("a")], strategy=WaitingStrategy.DRIP, drip_interval=interval)


def test_plan_smart_strategy_spreads_evenly_over_the_rest_of_the_window() -> None:
    result = _plan(10, [_state("a"), _state("b")], CAIRO, strategy=WaitingStrategy.SMART)
    times = [i.at for i in result.items]
    assert all(t is not None and MORNING <= t < CAIRO_CLOSE for t in times)
    spacing = (CAIRO_CLOSE - MORNING) / 10
    for k, t in enumerate(times):
        assert t is not None
        # Positive jitter only, below 30 % of the spacing.
        assert MORNING + k * spacing <= t <= MORNING + (k + 0.3) * spacing
    assert result.notes == []


def test_plan_smart_strategy_uses_the_next_window_when_started_outside_hours() -> None:
    result = _plan(4, [_state("a")], CAIRO, strategy=WaitingStrategy.SMART, start=NIGHT)
    times = [i.at for i in result.items if i.at is not None]
    assert len(times) == 4
    assert times[0] >= NEXT_OPEN
    assert times[-1] < NEXT_OPEN + 14 * HOUR


def test_plan_smart_strategy_spreads_an_all_day_package_over_24_hours() -> None:
    result = _plan(4, [_state("a")], ALL_DAY, strategy=WaitingStrategy.SMART)
    times = [i.at for i in result.items if i.at is not None]
    assert times[1] - times[0] > 3 * HOUR
    assert times[-1] < MORNING + DAY


def test_plan_smart_strategy_falls_back_to_as_fast_as_allowed_when_it_cannot_fit() -> None:
    # One profile at 10 an hour cannot send 200 in the 13 hours left today.
    result = _plan(200, [_state("a", hourly_cap=10)], CAIRO, strategy=WaitingStrategy.SMART)
    assert len(result.notes) == 1 and "do not fit" in result.notes[0]
    fast = _plan(200, [_state("a", hourly_cap=10)], CAIRO)
    assert [i.at for i in result.items] == [i.at for i in fast.items]


def test_plan_smart_strategy_is_reproducible_for_a_seed() -> None:
    def times(seed: int) -> list[float | None]:
        result = _plan(5, [_state("a")], CAIRO, strategy=WaitingStrategy.SMART, seed=seed)
        return [i.at for i in result.items]

    assert times(1) == times(1)
    assert times(1) != times(2)


def test_plan_queued_starts_after_the_earlier_work_recorded_in_the_states() -> None:
    a = _state("a")
    pending = [MORNING + 100 * k for k in range(5)]
    for t in pending:
        a.record_send(t)
    result = _plan(2, [a], strategy=WaitingStrategy.QUEUED, start=pending[-1])
    assert _times(result, "a") == [pending[-1] + 10, pending[-1] + 20]


def test_plan_works_on_copies_unless_told_otherwise() -> None:
    a = _state("a")
    _plan(3, [a])
    assert list(a.sends) == []
    _plan(3, [a], copy_states=False)
    assert list(a.sends) == [MORNING, MORNING + 10, MORNING + 20]


def test_plan_without_copies_records_the_smart_spread_on_the_states() -> None:
    a = _state("a")
    result = _plan(3, [a], CAIRO, strategy=WaitingStrategy.SMART, copy_states=False)
    assert list(a.sends) == [i.at for i in result.items]


def test_plan_keeps_the_rules_over_several_days() -> None:
    states = [_state(pid, hourly_cap=7, daily_cap=40, cooldown=30.0) for pid in "abc"]
    result = _plan(400, states, CAIRO, mode=DistributionMode.SMART)
    hours = RuleChain.for_package(CAIRO).active_hours
    for pid in "abc":
        times = _times(result, pid)
        assert violations(times, hourly_cap=7, daily_cap=40, cooldown=30.0, hours=hours) == []
    assert result.estimated_completion == max(i.at for i in result.items if i.at is not None)
    assert result.estimated_completion > MORNING + 3 * DAY


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("mode", "loudest", "unknown distribution mode"),
        ("strategy", "later", "unknown waiting strategy"),
        ("start", math.nan, "start must be a finite"),
    ],
)
def test_plan_rejects_bad_arguments(field: str, value: object, message: str) -> None:
    args: dict[str, Any] = {"mode": RR, "strategy": IMMEDIATE, "start": MORNING}
    args[field] = value
    with pytest.raises(ValueError, match=message):
        plan(_recipients(1), [_state("a")], RuleChain.for_package(ALL_DAY), **args)


def test_plan_rejects_a_profile_listed_twice() -> None:
    with pytest.raises(ValueError, match="repeated: a"):
        _plan(1, [_state("a"), _state("a")])


class _CountingChain(RuleChain):
    calls = 0

    def earliest(self, state: ProfileState, t: float, recipient: str | None = None) -> Decision:
        _CountingChain.calls += 1
        return super().earliest(state, t, recipient)


@pytest.mark.parametrize("strategy", [IMMEDIATE, WaitingStrategy.DRIP])
def test_plan_asks_the_rules_a_bounded_number_of_times_per_recipient(
    strategy: WaitingStrategy,
) -> None:
    base = RuleChain.for_package(CAIRO)
    chain = _CountingChain(base.rules, base.active_hours)
    states = [_state(f"p{k}", hourly_cap=20, daily_cap=100) for k in range(50)]
    _CountingChain.calls = 0
    plan(
        _recipients(5000),
        states,
        chain,
        mode=RR,
        strategy=strategy,
        start=MORNING,
        drip_interval=60.0,
    )
    # Linear work: the profile that sent, plus at most one refresh of the chosen one.
    assert _CountingChain.calls <= 2 * 5000 + 50


def test_plan_handles_a_large_campaign_quickly() -> None:
    states = [_state(f"p{k}", hourly_cap=30, daily_cap=200, cooldown=20.0) for k in range(50)]
    began = clock.perf_counter()
    result = _plan(20_000, states, CAIRO)
    elapsed = clock.perf_counter() - began
    assert result.unassigned == 0
    # About 0.15 s on a 2-core machine; the bound only catches a return to quadratic work.
    assert elapsed < 3.0
