"""What blocked profiles had in common, over generated attempts: everything listed was sent
by every blocked profile in the day before its block, and a campaign all of them sent is
never missed (while there is room)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from spreader_app.core.models import PoolEvent
from spreader_app.core.pool import PoolEventType
from spreader_app.core.pool_common import (
    LOOKBACK,
    MAX_SHARED,
    SentAttempt,
    hour_start,
    normalized,
    what_they_shared,
)
from spreader_app.core.rules import DAY
from tests.property.test_rules_props import PROPS

PROFILES = ("a", "b", "c")
ZONE = "Asia/Kolkata"

attempts_st = st.lists(
    st.builds(
        SentAttempt,
        st.sampled_from(PROFILES),
        st.sampled_from(["m1", "m2", "m3", "m4", "m5"]),
        st.sampled_from(["Sale", "sale ", "New stock", "Hello"]),
        st.floats(-2 * DAY, 0, allow_nan=False),
    ),
    max_size=40,
)
blocks_st = st.lists(
    st.tuples(st.sampled_from(PROFILES), st.floats(-DAY, 0, allow_nan=False)),
    min_size=1,
    max_size=3,
    unique_by=lambda b: b[0],
)


def _mine(attempts: list[SentAttempt], profile: str, at: float) -> list[SentAttempt]:
    return [a for a in attempts if a.profile_id == profile and at - LOOKBACK <= a.at <= at]


@settings(PROPS, max_examples=400)
@given(attempts=attempts_st, blocks=blocks_st)
def test_what_is_listed_is_shared_by_every_blocked_profile(
    attempts: list[SentAttempt], blocks: list[tuple[str, float]]
) -> None:
    events = [PoolEvent("pk", PoolEventType.BLOCKED, at, pid) for pid, at in blocks]
    common = what_they_shared(events, attempts, ZONE)
    if len(blocks) < 2:
        assert common is None
        return
    assert common is not None
    zone = ZoneInfo(ZONE)
    windows = [_mine(attempts, pid, at) for pid, at in blocks]
    for campaign in common.campaigns:
        assert all(any(a.message_id == campaign.message_id for a in w) for w in windows)
    for text in common.texts:
        assert all(any(normalized(a.text) == normalized(text) for a in w) for w in windows)
    for hour in common.hours:
        assert all(any(hour_start(a.at, zone) == hour for a in w) for w in windows)
    shared = set.intersection(*({a.message_id for a in w} for w in windows))
    assert {c.message_id for c in common.campaigns} == shared or len(common.campaigns) == (
        MAX_SHARED
    )
    assert max(len(common.campaigns), len(common.texts), len(common.hours)) <= MAX_SHARED
