"""Quiet hours on the recipient's clock: no planned Open Chat send falls inside them, across
single-zone and multi-zone countries and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spreader_app.bootstrap import Container
from spreader_app.core.chain import chain_quiet, package_chain
from spreader_app.core.clock import ManualClock
from spreader_app.core.decision import read_record
from spreader_app.core.errors import ValidationFailed
from spreader_app.core.models import DistributionMode, Package, WaitingStrategy
from spreader_app.core.planner import plan
from spreader_app.core.pool import Pool
from spreader_app.core.quiet_hours import SPREAD_SECONDS, parse_quiet_hours
from spreader_app.core.recipient_zones import ZoneResolver
from spreader_app.core.rules import ProfileState
from tests.campaign_data import FAST
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain
from tests.integration.test_open_campaign import make_package
from tests.property.test_pool_props import ENGINE, _engine, _send, _times

PROPS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Mobile prefixes and how many digits follow: one zone, several close ones, a wide country
# (its default), and the two the override table corrects.
PREFIXES = {
    "+2010": 8,  # Egypt (daylight saving again since 2023)
    "+96650": 7,  # Saudi Arabia
    "+2126": 8,  # Morocco: Africa/Casablanca, whose clock moves for Ramadan
    "+2135": 8,  # Algeria
    "+447911": 6,  # the UK: London and the crown dependencies
    "+1212555": 4,  # New York
    "+1800555": 4,  # toll-free: the US default zone
    "+614": 8,  # Australian mobiles: Sydney
}
MOBILE = tuple(sorted(p for p in PREFIXES if not p.startswith("+1800")))
# Start moments around the daylight-saving changes of 2026 (and any day of the year).
CHANGES = [
    datetime(2026, 3, 8, tzinfo=UTC),  # the US springs forward
    datetime(2026, 3, 29, tzinfo=UTC),  # Europe springs forward
    datetime(2026, 4, 5, tzinfo=UTC),  # Sydney falls back
    datetime(2026, 4, 24, tzinfo=UTC),  # Egypt springs forward
    datetime(2026, 10, 25, tzinfo=UTC),  # Europe falls back
    datetime(2026, 10, 29, tzinfo=UTC),  # Egypt falls back
]


@st.composite
def phones(draw: st.DrawFn, prefixes: tuple[str, ...] = tuple(sorted(PREFIXES))) -> str:
    prefix = draw(st.sampled_from(prefixes))
    rest = draw(st.integers(0, 10 ** PREFIXES[prefix] - 1))
    return f"{prefix}{rest:0{PREFIXES[prefix]}d}"


@st.composite
def starts(draw: st.DrawFn) -> float:
    base = draw(st.sampled_from(CHANGES))
    return (base + timedelta(seconds=draw(st.integers(-2 * 86400, 2 * 86400)))).timestamp()


WINDOWS = st.sampled_from(["21:00-09:00", "22:00-08:00", "20:30-07:15", "02:00-05:00"])


def _open_in(t: float, zone: str, window: str) -> bool:
    quiet = parse_quiet_hours(window)
    local = datetime.fromtimestamp(t, UTC).astimezone(ZoneInfo(zone)).time()
    start, end = quiet.start, quiet.end
    inside = (start <= local or local < end) if start > end else (start <= local < end)
    return not inside


@PROPS
@given(
    recipients=st.lists(phones(), min_size=1, max_size=60, unique=True),
    start=starts(),
    window=WINDOWS,
    hourly=st.integers(1, 30),
    cooldown=st.integers(0, 600),
    profiles=st.integers(1, 3),
    strategy=st.sampled_from([WaitingStrategy.IMMEDIATE, WaitingStrategy.DRIP]),
)
def test_no_planned_send_falls_inside_the_recipients_quiet_hours(
    recipients: list[str],
    start: float,
    window: str,
    hourly: int,
    cooldown: int,
    profiles: int,
    strategy: WaitingStrategy,
) -> None:
    package = Package(
        "pk",
        "props",
        max_messages_per_profile_per_hour=hourly,
        cooldown_seconds=cooldown,
        active_hours_start=time(0, 0),
        active_hours_end=time(0, 0),
        timezone="Africa/Cairo",
        recipient_quiet_hours=window,
    )
    chain = package_chain(package, Pool())
    states = [
        ProfileState(f"p{i}", hourly_cap=hourly, cooldown=float(cooldown)) for i in range(profiles)
    ]
    result = plan(
        recipients,
        states,
        chain,
        mode=DistributionMode.ROUND_ROBIN,
        strategy=strategy,
        start=start,
        drip_interval=300.0 if strategy is WaitingStrategy.DRIP else None,
    )
    resolver = ZoneResolver()
    assert [i.recipient for i in result.items] == recipients
    assert result.unassigned == 0
    for item in result.items:
        assert item.at is not None and item.at >= start
        for zone in resolver.zone(item.recipient).zones:
            assert _open_in(item.at, zone, window), (item, zone)
        record = read_record(item.decision)
        assert record is not None and record.candidates == profiles
    # Each profile's own sends still keep its hourly cap and cooldown.
    for pid in (s.profile_id for s in states):
        times = sorted(i.at for i in result.items if i.profile_id == pid and i.at is not None)
        for a, b in zip(times, times[1:], strict=False):
            assert b - a >= cooldown - 1e-6
        for t in times:
            assert sum(1 for u in times if t - 3600 < u <= t) <= hourly


@PROPS
@given(recipient=phones(), t=starts(), window=WINDOWS)
def test_the_chain_rule_answers_the_first_open_moment_spread_within_20_minutes(
    recipient: str, t: float, window: str
) -> None:
    package = Package("pk", "props", timezone="UTC", recipient_quiet_hours=window)
    rule = chain_quiet(package_chain(package, Pool()))
    assert rule is not None
    at = rule.allowed_from(recipient, t)
    zones = rule.resolver.zone(recipient).zones
    assert at >= t and all(_open_in(at, z, window) for z in zones)
    assert rule.allowed_from(recipient, at) == at  # a fixed point
    if at > t:
        # Waiting: the window opened (in the last of its zones) at most 20 minutes before.
        assert any(not _open_in(at - SPREAD_SECONDS - 1, z, window) for z in zones) or any(
            not _open_in(u, z, window) for z in zones for u in (t,)
        )


@ENGINE
@given(
    # Numbers a campaign accepts: toll-free ones are refused.
    recipients=st.lists(phones(MOBILE), min_size=1, max_size=25, unique=True),
    start=starts(),
    late_minutes=st.integers(0, 16 * 60),
    window=WINDOWS,
    profiles=st.integers(1, 3),
    cooldown=st.integers(0, 120),
)
def test_no_dispatched_send_falls_inside_quiet_hours_even_when_the_engine_runs_late(
    recipients: list[str],
    start: float,
    late_minutes: int,
    window: str,
    profiles: int,
    cooldown: int,
) -> None:
    """The dispatcher keeps quiet hours itself: a plan that slipped (the engine was stopped
    for ``late_minutes``) never sends into a recipient's night, and everyone is still sent."""

    sent: dict[str, float | None] = {}

    async def run(c: Container, fake: FakeZentra, clock: ManualClock) -> None:
        clock.set(start)
        policy = {**FAST, "recipient_quiet_hours": window, "cooldown_seconds": cooldown}
        package_id, _ = await make_package(c, fake, profiles, **policy)
        try:
            message_id = await _send(c, package_id, [r.removeprefix("+") for r in recipients])
        except ValidationFailed:
            return  # no generated number was valid
        clock.advance(late_minutes * 60.0)
        await drain(c, clock)
        # Accepted ones have a planned time; a refused number has none.
        sent.update((r, at) for r, planned, at in _times(c, message_id) if planned is not None)

    _engine(run)
    resolver = ZoneResolver()
    # Every accepted recipient is sent (a generated number can be refused at acceptance).
    assert set(sent) <= set(recipients)
    for recipient, at in sent.items():
        assert at is not None, recipient
        for zone in resolver.zone(recipient).zones:
            assert _open_in(at, zone, window), (recipient, zone, datetime.fromtimestamp(at, UTC))
