from __future__ import annotations

import random
from collections import Counter

import pytest

from spreader_app.core.distribution import (
    PrioritySelector,
    RandomSelector,
    RoundRobinSelector,
    Selector,
    SequentialSelector,
    SmartSelector,
    WeightedSelector,
    make_selector,
    remaining_capacity,
)
from spreader_app.core.models import DistributionMode
from spreader_app.core.rules import HOUR, ProfileState

T = 1_750_000_000.0


def _profiles(*ids: str) -> list[ProfileState]:
    return [ProfileState(pid) for pid in ids]


def _picks(selector: Selector, pool: list[ProfileState], n: int) -> str:
    return "".join(selector.choose(pool, f"r{i}").profile_id for i in range(n))


def test_make_selector_builds_each_mode() -> None:
    kinds = {
        DistributionMode.ROUND_ROBIN: RoundRobinSelector,
        DistributionMode.SEQUENTIAL: SequentialSelector,
        DistributionMode.RANDOM: RandomSelector,
        DistributionMode.WEIGHTED: WeightedSelector,
        DistributionMode.PRIORITY: PrioritySelector,
        DistributionMode.SMART: SmartSelector,
    }
    for mode, kind in kinds.items():
        assert isinstance(make_selector(mode, random.Random(0)), kind)
    assert isinstance(make_selector("weighted", random.Random(0)), WeightedSelector)


def test_make_selector_rejects_unknown_mode_naming_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="unknown distribution mode 'fastest'.*round_robin"):
        make_selector("fastest", random.Random(0))


def test_round_robin_rotates_through_profiles_in_order() -> None:
    pool = _profiles("a", "b", "c")
    assert _picks(RoundRobinSelector(), pool, 7) == "abcabca"


def test_round_robin_continues_after_the_last_pick_when_the_set_changes() -> None:
    a, b, c, d = _profiles("a", "b", "c", "d")
    rr = RoundRobinSelector()
    assert rr.choose([a, b, c, d], "r").profile_id == "a"
    assert rr.choose([a, b, c, d], "r").profile_id == "b"
    # b is full now: the turn passes to the next one after b, not back to a.
    assert rr.choose([a, c, d], "r").profile_id == "c"
    # c is out; the next after c in the package order is d.
    assert rr.choose([a, b, d], "r").profile_id == "d"
    assert rr.choose([a, b, c, d], "r").profile_id == "a"


def test_round_robin_places_a_profile_it_never_saw_by_the_given_order() -> None:
    a, b, c, d = _profiles("a", "b", "c", "d")
    rr = RoundRobinSelector()
    assert [rr.choose([a, c, d], "r").profile_id for _ in range(2)] == ["a", "c"]
    # b appears for the first time; it sits between a and c, so after c comes d, then a, b.
    assert [rr.choose([a, b, c, d], "r").profile_id for _ in range(4)] == ["d", "a", "b", "c"]


def test_sequential_keeps_the_first_eligible_profile() -> None:
    a, b, c = _profiles("a", "b", "c")
    seq = SequentialSelector()
    assert [seq.choose([a, b, c], "r").profile_id for _ in range(3)] == ["a", "a", "a"]
    assert seq.choose([b, c], "r").profile_id == "b"


def test_random_is_reproducible_for_a_seed_and_uses_every_profile() -> None:
    pool = _profiles("a", "b", "c")

    def run(seed: int) -> list[str]:
        sel = make_selector("random", random.Random(seed))
        return [sel.choose(pool, "r").profile_id for _ in range(30)]

    assert run(7) == run(7)
    assert run(7) != run(8)
    sel = RandomSelector(random.Random(3))
    counts = Counter(sel.choose(pool, "r").profile_id for _ in range(3000))
    assert set(counts) == {"a", "b", "c"}
    assert all(800 < n < 1200 for n in counts.values())


def test_weighted_shares_follow_weights_exactly_and_smoothly() -> None:
    pool = [
        ProfileState("a", weight=1),
        ProfileState("b", weight=2),
        ProfileState("c", weight=3),
    ]
    picks = _picks(WeightedSelector(), pool, 60)
    assert Counter(picks) == {"a": 10, "b": 20, "c": 30}
    # nginx's smooth order: interleaved, never a burst of one profile.
    assert picks[:6] == "cbacbc"
    assert "ccc" not in picks


def test_weighted_never_picks_zero_weight_unless_all_are_zero() -> None:
    pool = [ProfileState("a", weight=0), ProfileState("b", weight=2), ProfileState("c", weight=-1)]
    assert set(_picks(WeightedSelector(), pool, 20)) == {"b"}
    zeros = [ProfileState("a", weight=0), ProfileState("b", weight=0)]
    assert Counter(_picks(WeightedSelector(), zeros, 10)) == {"a": 5, "b": 5}


def test_weighted_keeps_shares_when_a_profile_leaves_and_returns() -> None:
    a, b = ProfileState("a", weight=1), ProfileState("b", weight=1)
    sel = WeightedSelector()
    picks = [sel.choose([a, b], "r").profile_id for _ in range(4)]
    picks += [sel.choose([b], "r").profile_id for _ in range(2)]
    picks += [sel.choose([a, b], "r").profile_id for _ in range(4)]
    assert picks[4:6] == ["b", "b"]
    assert Counter(picks[6:]) == {"a": 2, "b": 2}


def test_priority_prefers_the_highest_and_rotates_among_equals() -> None:
    low = ProfileState("low", priority=1)
    hi1 = ProfileState("hi1", priority=5)
    hi2 = ProfileState("hi2", priority=5)
    sel = PrioritySelector()
    assert [sel.choose([low, hi1, hi2], "r").profile_id for _ in range(4)] == [
        "hi1",
        "hi2",
        "hi1",
        "hi2",
    ]
    assert sel.choose([low], "r").profile_id == "low"


def test_remaining_capacity_counts_both_caps_at_the_latest_send() -> None:
    fresh = ProfileState("a", hourly_cap=10, daily_cap=30)
    assert remaining_capacity(fresh) == 10
    busy = ProfileState("b", hourly_cap=10, daily_cap=30)
    for i in range(4):
        busy.record_send(T + i * 60)
    assert remaining_capacity(busy) == 6
    day = ProfileState("c", hourly_cap=10, daily_cap=12)
    for i in range(11):
        day.record_send(T + i * HOUR)
    # One send in the last hour, but only one left for the day.
    assert remaining_capacity(day) == 1
    over = ProfileState("d", hourly_cap=2, daily_cap=30)
    for i in range(3):
        over.record_send(T + i)
    assert remaining_capacity(over) == 0


def test_smart_prefers_weight_health_and_room() -> None:
    heavy = ProfileState("heavy", weight=3, health=100)
    sick = ProfileState("sick", weight=3, health=20)
    busy = ProfileState("busy", weight=3, health=100, hourly_cap=10)
    for i in range(9):
        busy.record_send(T + i)
    assert SmartSelector().choose([sick, busy, heavy], "r").profile_id == "heavy"


def test_smart_sees_a_profile_s_capacity_shrink_as_it_sends() -> None:
    a = ProfileState("a", hourly_cap=3)
    b = ProfileState("b", hourly_cap=3)
    sel = SmartSelector()
    picks = []
    t = T
    for _ in range(4):
        chosen = sel.choose([a, b], "r")
        picks.append(chosen.profile_id)
        chosen.record_send(t)
        t += 10
    # Equal scores take turns; after each send the sender has less room than the other.
    assert picks == ["a", "b", "a", "b"]


def test_smart_ties_rotate_and_zero_scores_still_choose() -> None:
    pool = [ProfileState("a", health=0), ProfileState("b", health=0)]
    sel = SmartSelector()
    assert [sel.choose(pool, "r").profile_id for _ in range(3)] == ["a", "b", "a"]
