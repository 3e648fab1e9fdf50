"""The chain asks its monotone rules once each and settles only the clocked ones; that gives
the same time as cycling every rule to a fixed point, with the whole ban protection on."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import cycle

from hypothesis import given
from hypothesis import strategies as st

from spreader_app.core.chain import package_chain
from spreader_app.core.contact_log import ContactHistory, ContactLog
from spreader_app.core.health_score import HealthLog
from spreader_app.core.models import HealthDeduction, Package, ProfileStatus
from spreader_app.core.pool import Pool
from spreader_app.core.rules import DAY, HOUR, ProfileState, RuleChain
from spreader_app.core.warmup import STAGE_CAPS
from tests.property.test_rules_props import PROPS, moments, packages


def cycled(chain: RuleChain, state: ProfileState, t: float, recipient: str | None) -> float | None:
    """The reference: every rule, in order, cycled until all allow the same time."""
    calm, n = 0, len(chain.rules)
    for rule in cycle(chain.rules):
        if calm == n:
            return t
        hold = rule.hold(state, t, recipient)
        if hold is None or (hold.until is not None and hold.until <= t):
            calm += 1
            continue
        if hold.until is None:
            return None
        t, calm = hold.until, 0
    raise AssertionError("unreachable")


@PROPS
@given(
    package=packages(),
    t=moments(),
    seed=st.integers(0, 2**32),
    status=st.sampled_from([ProfileStatus.ACTIVE, ProfileStatus.COOLDOWN]),
    # Often just before a rise of the factor (at 24 h and 48 h), where holds are cut short.
    tripped=st.one_of(
        st.none(),
        st.floats(-3 * DAY, HOUR),
        st.floats(-DAY - HOUR, -DAY),
        st.floats(-2 * DAY - HOUR, -2 * DAY),
    ),
    new_cap=st.one_of(st.none(), st.sampled_from(STAGE_CAPS)),
    budget=st.sampled_from([0, 5, 40]),
    deductions=st.lists(st.tuples(st.floats(-2 * DAY, 0), st.integers(1, 100)), max_size=4),
    new_recipient=st.booleans(),
)
def test_the_chain_answers_the_fixed_point_of_all_its_rules(
    package: Package,
    t: float,
    seed: int,
    status: ProfileStatus,
    tripped: float | None,
    new_cap: int | None,
    budget: int,
    deductions: list[tuple[float, int]],
    new_recipient: bool,
) -> None:
    rnd = random.Random(seed)
    package = replace(package, max_unanswered_per_profile_per_30d=budget)
    sends = sorted(t - rnd.uniform(0, DAY) for _ in range(rnd.randint(0, 250)))
    firsts = tuple(sorted(t - rnd.uniform(0, DAY) for _ in range(rnd.randint(0, 30))))
    unanswered = tuple(sorted((t - rnd.uniform(0, 30 * DAY), f"+2010{i:08d}") for i in range(50)))
    history = ContactHistory(frozenset({"+201000000001"}), firsts, unanswered)
    state = ProfileState(
        "p",
        status=status,
        hourly_cap=package.max_messages_per_profile_per_hour,
        daily_cap=package.max_messages_per_profile_per_day,
        cooldown=float(package.cooldown_seconds),
        paused_until=t + rnd.uniform(-HOUR, HOUR) if status is ProfileStatus.COOLDOWN else None,
        contacts=ContactLog.build(history, new_cap=new_cap, unanswered_cap=budget),
        health_log=HealthLog(
            HealthDeduction("p", t + at, "disconnected", p) for at, p in deductions
        ),
    )
    state.sends.extend(sends)
    pool = Pool(tripped_at=None if tripped is None else t + tripped)
    chain = package_chain(package, pool)
    recipient = None if new_recipient else "+201000000001"
    assert chain.earliest(state, t, recipient).at == cycled(chain, state, t, recipient)
