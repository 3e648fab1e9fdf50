"""What the pool's ban protection costs: planner and dispatch with its rules on and off.

The protection adds rules to the chain (pool breaker, warm-up, unanswered budget) and a
contact log per profile. Its cost must stay within 10 % of the same work without it, both
measured in this run so that the shared machine's noise hits both alike.

- Planner: 100,000 recipients over 50 profiles, round robin, with the package's caps only
  (``RuleChain.for_package``), then with the whole chain (``package_chain``) over graduated
  profiles that carry an unanswered budget large enough not to bind; the plans must agree.
  Median of 5 (``--quick``: 1), the two alternating.
- Dispatch: an engine sends a 100,000-recipient campaign over 50 devices with warm-up off and
  no budget, then with warm-up on (every number declared warm) and a budget that does not
  bind; sends per second over 10 s (``--quick``: 4 s) after a warm-up, alternating, median
  of 3 (``--quick``: 1) each.

Run: ``python -m tests.benchmarks.bench_protection [--quick]``.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
from dataclasses import replace

from spreader_app.core.chain import package_chain
from spreader_app.core.contact_log import ContactHistory, ContactLog
from spreader_app.core.models import DistributionMode, WaitingStrategy
from spreader_app.core.plan_result import Plan
from spreader_app.core.planner import plan
from spreader_app.core.pool import Pool
from spreader_app.core.rules import RuleChain
from spreader_app.core.warmup import GRADUATED
from tests.benchmarks.bench_accept import post_open
from tests.benchmarks.bench_planner import PACKAGE, RECIPIENTS, START, states
from tests.benchmarks.figures import Bound, Figure, median, section_main
from tests.benchmarks.harness import PROFILES, SendCounter, devices, engine, gateway, make_package
from tests.campaign_data import numbers
from tests.serve_process import FakeProcess

SECTION = "ban protection"
# Larger than any profile's share of the campaign: the budget is tracked but never binds.
BUDGET = 10 * RECIPIENTS // PROFILES
WITHIN = Bound("<=", 1.10)


def _plan_once(recipients: list[str], protected: bool) -> tuple[float, Plan]:
    profiles = states()
    if protected:
        package = replace(PACKAGE, max_unanswered_per_profile_per_30d=BUDGET)
        chain = package_chain(package, Pool())
        for state in profiles:
            state.contacts = ContactLog.build(ContactHistory(), new_cap=None, unanswered_cap=BUDGET)
    else:
        chain = RuleChain.for_package(PACKAGE)
    gc.collect()
    started = time.thread_time()
    result = plan(
        recipients,
        profiles,
        chain,
        mode=DistributionMode.ROUND_ROBIN,
        strategy=WaitingStrategy.IMMEDIATE,
        start=START,
    )
    return time.thread_time() - started, result


def planner_figure(runs: int) -> Figure:
    recipients = numbers(RECIPIENTS)
    plain, protected = [], []
    for _ in range(runs):
        seconds, without = _plan_once(recipients, protected=False)
        plain.append(seconds)
        seconds, with_rules = _plan_once(recipients, protected=True)
        protected.append(seconds)
        if [(p.profile_id, p.at) for p in with_rules.items] != [
            (p.profile_id, p.at) for p in without.items
        ]:
            raise AssertionError("a budget that cannot bind changed the plan")
    ratio = median(protected) / median(plain)
    return Figure(
        SECTION,
        "plan 100k, round robin, protection on (CPU)",
        median(protected),
        "s",
        ratio=ratio,
        baseline=f"of {median(plain):.2f} s without",
        ratio_target=WITHIN,
        note=f"median of {runs}",
    )


async def _rate(gw: FakeProcess, protected: bool, window: float) -> float:
    policy = (
        {"warmup_enabled": True, "max_unanswered_per_profile_per_30d": BUDGET}
        if protected
        else {"warmup_enabled": False, "max_unanswered_per_profile_per_30d": 0}
    )
    async with engine(gw.url) as e:
        c = e.container
        package_id = await make_package(c, devices(PROFILES), **policy)
        if protected:
            for profile in await c.profiles.list(package_id):
                await c.profiles.update(package_id, profile.id, {"warmup_stage": GRADUATED})
        counter = SendCounter()
        c.events.subscribe(counter)
        body = json.dumps({"text": "Big sale", "recipients": numbers(RECIPIENTS)}).encode()
        await asyncio.to_thread(post_open, e.server.url, package_id, body)
        await counter.wait_for(10 * PROFILES, 120)
        sent, started = counter.sent, time.perf_counter()
        await asyncio.sleep(window)
        return (counter.sent - sent) / (time.perf_counter() - started)


async def dispatch_figure(runs: int, window: float) -> Figure:
    plain, protected = [], []
    with gateway(devices(PROFILES)) as gw:
        for _ in range(runs):
            plain.append(await _rate(gw, False, window))
            protected.append(await _rate(gw, True, window))
    ratio = median(plain) / median(protected)
    return Figure(
        SECTION,
        "dispatch, 50 devices, protection on",
        median(protected),
        "/s",
        ratio=ratio,
        baseline=f"time per send vs {median(plain):,.0f}/s without",
        ratio_target=WITHIN,
        note=f"median of {runs}, {window:.0f} s each",
    )


def measure(quick: bool) -> list[Figure]:
    return [
        planner_figure(1 if quick else 5),
        asyncio.run(dispatch_figure(1 if quick else 3, 4.0 if quick else 10.0)),
    ]


if __name__ == "__main__":
    sys.exit(section_main(measure, __doc__))
