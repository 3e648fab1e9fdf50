"""The chain leaves out, per profile, the rules that cannot hold it back (``RuleSet``).

Two promises keep that exact: a rule is never left out while it could still hold the
profile back (``inert_from``), and the chain notices when what decided its choice changes
(a new health log, contact log, health value or pool, or a time outside the choice's span)."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from spreader_app.core.chain import package_chain
from spreader_app.core.contact_log import ContactHistory, ContactLog
from spreader_app.core.health_score import HealthLog
from spreader_app.core.models import HealthDeduction, Package
from spreader_app.core.pool import Pool
from spreader_app.core.rules import DAY, HOUR, ProfileState, RuleChain
from spreader_app.core.warmup import STAGE_CAPS
from tests.property.test_chain_order_props import cycled
from tests.property.test_rules_props import PROPS, moments, packages

KNOWN = "+201000000001"


def pools(t: float) -> st.SearchStrategy[Pool]:
    """Normal, tripped (often near its 24 h and 48 h steps), crowded or paused pools."""
    near = st.one_of(
        st.floats(-3 * DAY, HOUR),
        st.floats(-DAY - HOUR, -DAY + HOUR),
        st.floats(-2 * DAY - HOUR, -2 * DAY + HOUR),
    )
    return st.builds(
        Pool,
        tripped_at=st.one_of(st.none(), near.map(lambda d: t + d)),
        paused_at=st.one_of(st.none(), st.just(t - HOUR)),
        crowd_until=st.one_of(st.none(), st.floats(-HOUR, DAY).map(lambda d: t + d)),
    )


def health_logs(t: float) -> st.SearchStrategy[HealthLog | None]:
    deductions = st.lists(st.tuples(st.floats(-2 * DAY, HOUR), st.integers(1, 100)), max_size=4)
    return st.one_of(
        st.none(),
        deductions.map(
            lambda ds: HealthLog(HealthDeduction("p", t + at, "disconnected", p) for at, p in ds)
        ),
    )


def contact_logs(
    rnd: random.Random, t: float, new_cap: int | None, budget: int
) -> ContactLog | None:
    firsts = tuple(sorted(t - rnd.uniform(0, DAY) for _ in range(rnd.randint(0, 30))))
    count = rnd.randint(0, 50)  # a budget's log often has room left, or little
    unanswered = tuple(
        sorted((t - rnd.uniform(0, 30 * DAY), f"+2010{i:08d}") for i in range(count))
    )
    history = ContactHistory(frozenset({KNOWN}), firsts, unanswered)
    return ContactLog.build(history, new_cap=new_cap, unanswered_cap=budget)


def a_state(
    package: Package, rnd: random.Random, t: float, contacts: ContactLog | None
) -> ProfileState:
    state = ProfileState(
        "p",
        hourly_cap=package.max_messages_per_profile_per_hour,
        daily_cap=package.max_messages_per_profile_per_day,
        cooldown=float(package.cooldown_seconds),
        health=rnd.choice([100, 80, 79, 50, 39, 0]),
        contacts=contacts,
    )
    state.sends.extend(sorted(t - rnd.uniform(0, DAY) for _ in range(rnd.randint(0, 250))))
    return state


@PROPS
@given(
    data=st.data(),
    package=packages(),
    t=moments(),
    seed=st.integers(0, 2**32),
    new_cap=st.one_of(st.none(), st.sampled_from(STAGE_CAPS)),
    budget=st.sampled_from([0, 5, 40]),
)
def test_a_rule_left_out_never_holds_the_profile_back(
    data: st.DataObject,
    package: Package,
    t: float,
    seed: int,
    new_cap: int | None,
    budget: int,
) -> None:
    rnd = random.Random(seed)
    chain = package_chain(
        replace(package, max_unanswered_per_profile_per_30d=budget), data.draw(pools(t))
    )
    state = a_state(package, rnd, t, contact_logs(rnd, t, new_cap, budget))
    state.health_log = data.draw(health_logs(t))
    for _ in range(8):
        chain.earliest(state, t)
        chosen = state.rule_set
        assert chosen is not None
        asked = {name for _, name in (*chosen.steady, *chosen.clocked)}
        left_out = [rule for rule in chain.rules if rule.name not in asked]
        # Until the chain drops the choice (a send fills the budget's log), any time in
        # its span: none of the rules left out holds the profile back.
        for _ in range(45):  # enough sends to fill a budget of 40
            if state.rule_set is not chosen:
                break
            at = max(t, chosen.since) + rnd.choice([0.0, rnd.uniform(0, HOUR), rnd.uniform(0, DAY)])
            if at >= chosen.until:
                break
            for rule in left_out:
                for recipient in (None, KNOWN, "+209999999999"):
                    assert rule.hold(state, at, recipient) is None, (rule.name, at)
            state.record_send(max(at, state.sends[-1] if state.sends else at), recipient=None)
            t = at
        t += rnd.choice([0.0, HOUR, DAY])


@PROPS
@given(
    data=st.data(),
    package=packages(),
    t=moments(),
    seed=st.integers(0, 2**32),
    steps=st.lists(
        st.sampled_from(["ask", "later", "earlier", "send", "health", "log", "contacts", "pool"]),
        min_size=1,
        max_size=12,
    ),
)
def test_the_chain_answers_the_fixed_point_as_the_profile_changes(
    data: st.DataObject,
    package: Package,
    t: float,
    seed: int,
    steps: list[str],
) -> None:
    """Questions between changes of the state and of the pool: every answer is that of
    every rule cycled to a fixed point, whatever the chain chose to leave out before."""
    rnd = random.Random(seed)
    package = replace(package, max_unanswered_per_profile_per_30d=rnd.choice([0, 5, 40]))

    def a_chain() -> RuleChain:
        return package_chain(package, data.draw(pools(t)))

    def a_log() -> ContactLog | None:
        new_cap = rnd.choice([None, *STAGE_CAPS])
        return contact_logs(rnd, t, new_cap, package.max_unanswered_per_profile_per_30d)

    chain = a_chain()
    state = a_state(package, rnd, t, a_log())
    state.health_log = data.draw(health_logs(t))
    for step in ["ask", *steps, "ask"]:
        if step == "later":
            t += rnd.choice([HOUR, DAY, 2 * DAY, rnd.uniform(0, 3 * DAY)])
        elif step == "earlier":
            t -= rnd.uniform(0, 2 * DAY)
        elif step == "send":
            state.record_send(max(t, state.sends[-1] if state.sends else t), recipient=None)
        elif step == "health":
            state.health = rnd.choice([100, 79, 39])
        elif step == "log":
            state.health_log = data.draw(health_logs(t))
        elif step == "contacts":
            state.contacts = a_log()
        elif step == "pool":
            chain = a_chain()
        recipient = rnd.choice([None, KNOWN, "+209999999999"])
        assert chain.earliest(state, t, recipient).at == cycled(chain, state, t, recipient)
