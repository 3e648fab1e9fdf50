"""The health deductions as stored, on both databases: written with the answer that caused
them, read back as the profile's log with its reply credit, pruned after a week, and an
opt-out charged to the device the customer wrote to."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from spreader_app.core.health_score import KEEP, REPLY_CREDIT
from spreader_app.core.models import HealthDeduction, ProfileUpdate
from spreader_app.storage.answers import apply_profile_updates
from spreader_app.storage.orm import HealthEventRow
from tests.campaign_data import FAST, numbers
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain
from tests.integration.test_open_campaign import make_package
from tests.property.test_pool_props import _send


def _write(c: Container, update: ProfileUpdate, at: float) -> None:
    c.db.run_sync(lambda s: apply_profile_updates(s.connection(), [(update, at, False)]))


def _rows(c: Container) -> list[tuple[str, str, int]]:
    def q(s):  # type: ignore[no-untyped-def]
        rows = s.execute(
            select(HealthEventRow.profile_id, HealthEventRow.reason, HealthEventRow.points)
        )
        return [tuple(r) for r in rows]

    return list(c.db.run_sync(q))


async def test_deductions_are_stored_with_the_update_and_pruned_after_a_week(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    c = container
    _, (a, b) = await make_package(c, fake_zentra, 2, **FAST)
    now = clock.timestamp()
    old = HealthDeduction(a, now - KEEP - 60, "disconnected", 10)
    _write(c, ProfileUpdate(a, 100, 0, deductions=(old,)), now - KEEP - 60)
    hit = HealthDeduction(a, now, "rate_limited", 5)
    _write(c, ProfileUpdate(a, 95, 0, deductions=(hit, hit)), now)
    # The week-old deduction is gone; the new ones are there, the cached score beside them.
    assert sorted(_rows(c)) == [(a, "rate_limited", 5), (a, "rate_limited", 5)]
    assert (await c.store.get_profile(a)).health_score == 95  # type: ignore[union-attr]
    logs = await c.store.health_logs([a, b], now)
    assert set(logs) == {a} and logs[a].score(now) == 90 and logs[a].credit == 0


async def test_a_reply_rate_of_ten_percent_is_credit(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    c = container
    package_id, (a,) = await make_package(c, fake_zentra, 1, **FAST)
    people = numbers(20)
    await _send(c, package_id, people)
    await drain(c, clock)
    for phone in people[:2]:
        body = {"device_uuid": "dev-0", "from": phone.lstrip("+"), "text": "Thanks!"}
        await c.inbox.receive(json.dumps(body).encode(), "application/json")
    now = clock.timestamp()
    _write(c, ProfileUpdate(a, 80, 0, deductions=(HealthDeduction(a, now, "x", 30),)), now)
    assert (await c.store.health_logs([a], now))[a].credit == REPLY_CREDIT
    assert (await c.store.health_logs([a], now))[a].score(now) == 80


async def test_an_opt_out_costs_the_device_the_customer_wrote_to(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    c = container
    _, (a, b) = await make_package(c, fake_zentra, 2, **FAST)
    body = {"device_uuid": "dev-1", "from": "201066183456", "text": "STOP"}
    receipt = await c.inbox.receive(json.dumps(body).encode(), "application/json")
    assert receipt.opted_out == 1
    assert _rows(c) == [(b, "opt_out", 10)]
    count = c.db.run_sync(lambda s: s.scalar(select(func.count()).select_from(HealthEventRow)))
    assert count == 1
    log = (await c.store.health_logs([a, b], clock.timestamp()))[b]
    assert log.score(clock.timestamp()) == 90
