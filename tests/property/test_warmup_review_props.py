"""The daily warm-up review: stages move at most one up a day, only on a good day, and
drop as BAN_SAFETY.md section 2 says; the engine applies it at the package's midnight."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from spreader_app.core.health_band import HealthBand
from spreader_app.core.rules import DAY
from spreader_app.core.warmup import FIRST_STAGE, GRADUATED, stage_cap
from spreader_app.core.warmup_review import next_stage
from tests.campaign_data import FAST, numbers
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain
from tests.integration.test_open_campaign import make_package
from tests.property.test_pool_props import ENGINE, _engine, _send
from tests.property.test_rules_props import PROPS


@settings(PROPS, max_examples=500)
@given(
    stage=st.integers(FIRST_STAGE, GRADUATED),
    used=st.integers(0, 500),
    band=st.sampled_from(list(HealthBand)),
    evidence=st.booleans(),
    idle=st.booleans(),
)
def test_a_review_moves_at_most_one_stage_up_and_only_after_a_good_day(
    stage: int, used: int, band: HealthBand, evidence: bool, idle: bool
) -> None:
    after = next_stage(stage, used=used, band=band, ban_evidence=evidence, idle=idle)
    assert FIRST_STAGE <= after <= GRADUATED
    cap = stage_cap(stage)
    if after > stage:
        assert after == stage + 1 and band is HealthBand.OK and not evidence and not idle
        assert cap is not None and 2 * used >= cap
    if band in (HealthBand.CRITICAL, HealthBand.BANNED):
        assert after == FIRST_STAGE
    elif band is HealthBand.AT_RISK:
        assert after == max(FIRST_STAGE, stage - 1)
    elif idle:
        assert after == max(FIRST_STAGE, stage - 3)
    elif cap is not None and 2 * used >= cap and not evidence:
        assert after == stage + 1


@ENGINE
@given(first_day=st.integers(0, 20))
def test_the_engine_raises_a_stage_at_midnight_only_after_half_the_day_s_cap(
    first_day: int,
) -> None:
    async def run(c: Container, fake: FakeZentra, clock: ManualClock) -> None:
        package_id, (pid,) = await make_package(c, fake, 1, **{**FAST, "warmup_enabled": True})
        if first_day:
            await _send(c, package_id, numbers(first_day))
            await drain(c, clock)
        clock.set(_next_midnight(clock.timestamp()) + 60)
        await c.dispatcher.tick()
        profile = await c.profiles.get(package_id, pid)
        events = [e for e in await c.pool.events(package_id) if e.type == "stage_changed"]
        if first_day >= 10:
            assert profile.warmup_stage == 2 and len(events) == 1 and events[0].profile_id == pid
        else:
            assert profile.warmup_stage == 1 and not events
        # Reviewed once a day: another round the same day changes nothing.
        await c.dispatcher.tick()
        assert (await c.profiles.get(package_id, pid)).warmup_stage == profile.warmup_stage

    _engine(run)


def _next_midnight(t: float) -> float:
    return (t // DAY + 1) * DAY


def test_an_idle_engine_wakes_at_midnight_so_a_raised_stage_sends_at_once() -> None:
    """A new number that used its day's 20 new recipients waits a rolling day for the
    next; the review at the package's midnight raises its stage, and the queue moves then,
    not when the first send of the day ages out."""

    async def run(c: Container, fake: FakeZentra, clock: ManualClock) -> None:
        clock.set(_next_midnight(clock.timestamp()) + 60)  # a whole day ahead
        package_id, _ = await make_package(c, fake, 1, **{**FAST, "warmup_enabled": True})
        await _send(c, package_id, numbers(40))
        first = clock.timestamp()
        midnight = _next_midnight(first)
        d = c.dispatcher
        while len(fake.received) < stage_cap(FIRST_STAGE):  # type: ignore[operator]
            wake = await d.tick()
            if d.inflight:  # the answer wakes the engine, as in ``drain``
                await d.wait_idle()
                continue
            assert wake is not None and wake < midnight, "the first day's 20 did not go out"
            clock.set(max(wake, clock.timestamp()))
        await d.wait_idle()
        wake = await d.tick()
        assert wake is not None and wake <= midnight, "the engine sleeps through the review"
        clock.set(midnight + 1)
        for _ in range(5):
            await d.tick()
            await d.wait_idle()
        assert len(fake.received) > stage_cap(FIRST_STAGE)  # type: ignore[operator]
        assert clock.timestamp() < first + DAY

    _engine(run)
