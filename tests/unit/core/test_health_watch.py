from __future__ import annotations

from spreader_app.core.health_band import HealthBand
from spreader_app.core.health_score import HealthLog
from spreader_app.core.health_watch import HealthWatch, crowd_until, trigger_events, with_crowd
from spreader_app.core.models import HealthDeduction, PoolEvent, Profile, ProfileStatus
from spreader_app.core.pool import Pool, PoolEventType, PoolState
from spreader_app.core.rules import DAY, HOUR, ProfileState

T = 1_750_000_000.0
ACTIVE = ProfileStatus.ACTIVE


def _profile(pid: str, score: int = 100) -> Profile:
    return Profile(pid, "pk", pid, f"dev-{pid}", health_score=score)


def _hit(pid: str, points: int, at: float = T) -> HealthDeduction:
    return HealthDeduction(pid, at, "rate_limited", points)


def _check(watch: HealthWatch, now: float, history: list[PoolEvent]) -> list[PoolEvent]:
    owner = {pid: "pk" for pid in watch.logs}
    statuses = dict.fromkeys(watch.logs, ACTIVE)
    return watch.check(now, statuses, owner, lambda _: history, lambda _: True).events.get("pk", [])


def test_a_band_change_is_an_event_with_its_reasons_both_ways() -> None:
    watch = HealthWatch()
    watch.load({}, [_profile("a"), _profile("b"), _profile("c"), _profile("d")])
    watch.add(_hit("a", 25))
    down = _check(watch, T, [])
    assert [(e.type, e.profile_id, e.note) for e in down] == [
        (PoolEventType.BAND_CHANGED, "a", "at_risk")
    ]
    assert "ok -> at_risk" in down[0].reason and "rate_limited -25" in down[0].reason
    # Time heals it: the watch knows when, and says so then.
    back = watch.next_change(T, [ProfileState("a", health_log=watch.logs["a"])])
    assert back is not None and T < back < T + DAY
    assert _check(watch, back - 1, down) == []
    up = _check(watch, back, down)
    assert [(e.profile_id, e.note) for e in up] == [("a", "ok")]


def test_a_second_critical_profile_within_a_day_pauses_the_pool() -> None:
    first = PoolEvent("pk", PoolEventType.BAND_CHANGED, T, "a", "critical", HealthBand.CRITICAL)
    second = PoolEvent(
        "pk", PoolEventType.BAND_CHANGED, T + 5 * HOUR, "b", "critical", HealthBand.CRITICAL
    )
    bands = {p: HealthBand.OK for p in "cdefghij"} | {"a": HealthBand.OK}
    bands["b"] = HealthBand.CRITICAL
    out = trigger_events([first], [second], bands, T + 5 * HOUR)
    assert [e.type for e in out] == [PoolEventType.PAUSED]
    # A day later, or the same profile again, or a pool already paused: no pause.
    assert trigger_events([first], [second], bands, T + DAY + 1) == []
    again = PoolEvent("pk", PoolEventType.BAND_CHANGED, T + HOUR, "a", "x", HealthBand.CRITICAL)
    assert trigger_events([first], [again], bands, T + HOUR) == []
    paused = PoolEvent("pk", PoolEventType.PAUSED, T, "a")
    assert trigger_events([first, paused], [second], bands, T + 5 * HOUR) == []


def test_over_30_percent_below_ok_slows_the_pool_until_fewer_are() -> None:
    states = [ProfileState(p) for p in "abcdefghij"]
    for s, points in zip(states[:4], (25, 25, 25, 70), strict=False):
        s.health_log = HealthLog([_hit(s.profile_id, points)])
    until = crowd_until(states, T)
    # 4 of 10 below OK; the crowd ends when the first of the three 25-point ones is back.
    assert until == states[0].health_log.reaches(80)  # type: ignore[union-attr]
    pool = with_crowd(Pool(), states, T)
    assert pool.factor(T) == 0.5 and pool.factor(until) == 1.0
    view = pool.view(T)
    assert (view.state, view.until) == (PoolState.SLOWED, until)
    # Three of ten is not more than 30 %; three of nine is.
    assert crowd_until([*states[:3], *states[4:], ProfileState("k")], T) is None
    assert crowd_until([*states[:3], *states[4:]], T) is not None


def test_the_crowd_events_record_its_start_and_end() -> None:
    change = PoolEvent("pk", PoolEventType.BAND_CHANGED, T, "a", "x", HealthBand.AT_RISK)
    crowded = {"a": HealthBand.AT_RISK, "b": HealthBand.OK}
    out = trigger_events([], [change], crowded, T)
    assert [e.type for e in out] == [PoolEventType.CROWD_SLOWED]
    healed = PoolEvent("pk", PoolEventType.BAND_CHANGED, T + 9, "a", "x", HealthBand.OK)
    calm = {"a": HealthBand.OK, "b": HealthBand.OK}
    assert [e.type for e in trigger_events(out, [healed], calm, T + 9)] == [
        PoolEventType.CROWD_CLEARED
    ]
