"""Plans keep every rule, for every mode and strategy, whatever the package and history."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spreader_app.core.models import DistributionMode, Package, ProfileStatus, WaitingStrategy
from spreader_app.core.planner import plan
from spreader_app.core.rules import DAY, ProfileState, RuleChain, violations
from tests.property.test_rules_props import moments, packages

PROPS = settings(
    derandomize=True,
    deadline=None,
    database=None,
    max_examples=1200,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

STATUSES = [ProfileStatus.ACTIVE] * 5 + [
    ProfileStatus.INACTIVE,
    ProfileStatus.BLOCKED,
    ProfileStatus.COOLDOWN,
]


@dataclass
class Scenario:
    package: Package
    chain: RuleChain
    start: float
    states: list[ProfileState]
    history: dict[str, list[float]]
    recipients: list[str]
    sticky: dict[str, str]
    mode: DistributionMode
    strategy: WaitingStrategy
    drip_interval: float | None
    seed: int


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    package = draw(packages())
    chain = RuleChain.for_package(package)
    start = draw(moments())
    # Profile details come from one drawn seed: thousands of cases stay fast to generate.
    rnd = random.Random(draw(st.integers(0, 2**32)))
    states: list[ProfileState] = []
    history: dict[str, list[float]] = {}
    for k in range(draw(st.integers(1, 8))):
        status = rnd.choice(STATUSES)
        state = ProfileState(
            f"p{k}",
            status=status,
            hourly_cap=package.max_messages_per_profile_per_hour,
            daily_cap=min(package.max_messages_per_profile_per_day, rnd.randint(1, 250)),
            cooldown=float(package.cooldown_seconds),
            priority=rnd.randint(1, 3),
            weight=rnd.randint(0, 4),
            health=rnd.randint(0, 100),
            paused_until=(
                start + rnd.uniform(-3600, 7200) if status is ProfileStatus.COOLDOWN else None
            ),
        )
        # Earlier sends made under the same rules, cut off at the start.
        if status is ProfileStatus.ACTIVE and rnd.random() < 0.6:
            t = start - rnd.uniform(0, 2 * DAY)
            jitter = rnd.choice([0.0, 3.5])
            for _ in range(rnd.randint(1, 40)):
                at = chain.earliest(state, t).at
                if at is None or at >= start:
                    break
                state.record_send(at, jitter)
                t = at
        history[state.profile_id] = list(state.sends)
        states.append(state)
    recipients = [f"+2010{i:08d}" for i in range(draw(st.integers(0, 120)))]
    ids = [s.profile_id for s in states] + ["gone"]
    sticky = {r: rnd.choice(ids) for r in recipients if rnd.random() < 0.1}
    strategy = draw(st.sampled_from(WaitingStrategy))
    return Scenario(
        package=package,
        chain=chain,
        start=start,
        states=states,
        history=history,
        recipients=recipients,
        sticky=sticky,
        mode=draw(st.sampled_from(DistributionMode)),
        strategy=strategy,
        drip_interval=(
            draw(st.sampled_from([60.0, 300.0, 3600.0, 1.5]))
            if strategy is WaitingStrategy.DRIP
            else None
        ),
        seed=draw(st.integers(0, 3)),
    )


def _run(s: Scenario) -> object:
    return plan(
        s.recipients,
        s.states,
        s.chain,
        mode=s.mode,
        strategy=s.strategy,
        start=s.start,
        drip_interval=s.drip_interval,
        sticky=s.sticky,
        seed=s.seed,
    )


@PROPS
@given(scenarios())
def test_plan_keeps_every_rule_and_places_every_recipient_once(s: Scenario) -> None:
    result = plan(
        s.recipients,
        s.states,
        s.chain,
        mode=s.mode,
        strategy=s.strategy,
        start=s.start,
        drip_interval=s.drip_interval,
        sticky=s.sticky,
        seed=s.seed,
    )
    items = result.items
    assert [i.recipient for i in items] == s.recipients
    # The caller's states are untouched (the plan works on copies).
    assert {p.profile_id: list(p.sends) for p in s.states} == s.history

    by_id = {p.profile_id: p for p in s.states}
    can_send = {pid for pid, p in by_id.items() if s.chain.earliest(p, s.start).at is not None}
    if not can_send:
        assert result.unassigned == len(items)
        assert all(i.profile_id is None and i.at is None and i.reason for i in items)
        assert result.estimated_completion is None
        return
    assert result.unassigned == 0

    for pid, profile in by_id.items():
        mine = [i for i in items if i.profile_id == pid]
        assert result.distribution[pid] == [i.recipient for i in mine]
        if profile.status in (ProfileStatus.INACTIVE, ProfileStatus.BLOCKED):
            assert mine == []
        times = [i.at for i in mine if i.at is not None]
        assert len(times) == len(mine)
        assert all(t >= s.start for t in times)
        if profile.paused_until is not None:
            assert all(t >= profile.paused_until for t in times)
        found = violations(
            s.history[pid] + times,
            hourly_cap=profile.hourly_cap,
            daily_cap=profile.daily_cap,
            cooldown=profile.cooldown,
            hours=s.chain.active_hours,
        )
        assert found == []

    planned = [i.at for i in items if i.at is not None]
    assert result.estimated_completion == (max(planned) if planned else None)
    for item in items:
        wanted = s.sticky.get(item.recipient)
        if wanted in can_send:
            assert item.profile_id == wanted and item.decided_by[-1] == "sticky"
        else:
            assert item.decided_by[-1] == s.mode.value
    if s.strategy is WaitingStrategy.DRIP and s.drip_interval is not None:
        for before, after in zip(planned, planned[1:], strict=False):
            assert after - before >= s.drip_interval - 1e-6
    if s.strategy is WaitingStrategy.SMART and planned and not result.notes:
        hours = s.chain.active_hours
        opens = hours.next_open(s.start)
        closes = opens + DAY if hours.all_day else hours.window_end(planned[0])
        assert all(opens <= t < closes for t in planned)


@settings(PROPS, max_examples=300)
@given(scenarios())
def test_plan_is_the_same_for_the_same_seed(s: Scenario) -> None:
    assert _run(s) == _run(s)
