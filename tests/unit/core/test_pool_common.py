"""What blocked profiles had in common: the episode's blocks and the shared campaign, text
and hour, on hand-made histories."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from spreader_app.core.models import PoolEvent
from spreader_app.core.pool import PoolEventType
from spreader_app.core.pool_common import (
    SentAttempt,
    SharedCampaign,
    episode_blocks,
    hour_start,
    what_they_shared,
)
from spreader_app.core.rules import DAY, HOUR

T0 = datetime(2024, 5, 12, 14, 20, tzinfo=UTC).timestamp()


def block(profile: str, at: float) -> PoolEvent:
    return PoolEvent("pk", PoolEventType.BLOCKED, at, profile, f"{profile} banned")


def test_episode_holds_the_blocks_of_the_pause_and_ends_with_the_slowdown() -> None:
    old = block("a", T0 - 3 * DAY)
    first, second = block("b", T0), block("c", T0 + HOUR)
    paused = PoolEvent("pk", PoolEventType.PAUSED, T0 + HOUR, "c", "paused")
    events = [old, first, second, paused]
    assert episode_blocks(events, T0 + 5 * DAY) == [first, second]  # paused: no end
    resumed = PoolEvent("pk", PoolEventType.RESUMED, T0 + 2 * HOUR, reason="ok")
    assert episode_blocks([*events, resumed], T0 + 3 * HOUR) == [first, second]
    # Two days after the last block, a pool that is not paused is normal: nothing to show.
    assert episode_blocks([*events, resumed], T0 + HOUR + 2 * DAY) == []
    assert episode_blocks([], T0) == []


def test_the_same_profile_blocked_twice_counts_once() -> None:
    again = block("b", T0 + 10)
    assert episode_blocks([block("b", T0), again], T0 + 20) == [again]


def test_shared_campaign_text_and_hour_are_found_and_others_left_out() -> None:
    blocks = [block("a", T0), block("b", T0 + 30 * 60)]
    attempts = [
        SentAttempt("a", "m1", "Spring sale", T0 - 60),
        SentAttempt("b", "m1", "Spring sale", T0 + 60),
        # The same words in two other campaigns: "the same text".
        SentAttempt("a", "m2", "Call us  today", T0 - 2 * HOUR),
        SentAttempt("b", "m3", "call us today", T0 - 3 * HOUR),
        # Only one of them sent this, and this one too long before its block.
        SentAttempt("a", "m4", "Only a", T0 - 50),
        SentAttempt("b", "m4", "Only a", T0 - 2 * DAY),
        # Not a blocked profile.
        SentAttempt("c", "m5", "Other", T0),
    ]
    common = what_they_shared(blocks, attempts, "Africa/Cairo")
    assert common is not None and common.found
    assert common.profile_ids == ("a", "b")
    assert common.campaigns == (SharedCampaign("m1", "Spring sale"),)
    assert common.texts == ("Call us  today",)
    # Cairo is UTC+3 in May: 14:20 UTC is 17:20 there; both sent between 17:00 and 18:00.
    cairo = datetime.fromtimestamp(common.hours[0], ZoneInfo("Africa/Cairo"))
    assert (cairo.hour, cairo.minute) == (17, 0)


def test_nothing_to_compare_with_one_blocked_profile_and_nothing_found_apart() -> None:
    attempts = [SentAttempt("a", "m1", "Hi", T0 - 10)]
    assert what_they_shared([block("a", T0)], attempts, "UTC") is None
    apart = [SentAttempt("a", "m1", "Hi", T0 - 10), SentAttempt("b", "m2", "Bye", T0 - 5 * HOUR)]
    common = what_they_shared([block("a", T0), block("b", T0)], apart, "UTC")
    assert common is not None and not common.found


def test_hour_start_uses_the_zones_own_offset() -> None:
    # India is UTC+5:30: its clock hours start at half past the UTC hour.
    start = hour_start(T0, ZoneInfo("Asia/Kolkata"))
    assert datetime.fromtimestamp(start, UTC).minute == 30
