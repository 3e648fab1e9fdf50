"""How the engine reacts to the gateway, to the owner and to a crash: every case ends with
each recipient in exactly one final state and nothing sent twice."""

from __future__ import annotations

import dataclasses
import json
import random
from collections import Counter

from sqlalchemy import select

from spreader_app.bootstrap import Container, build
from spreader_app.config import Settings
from spreader_app.core.clock import ManualClock
from spreader_app.core.events import ProfileStatusChanged
from spreader_app.core.models import DeliveryStatus, LimitState, MessageStatus, ProfileStatus
from spreader_app.core.reply_router import read_reply_request
from spreader_app.core.rules import DAY
from spreader_app.core.services.sending import read_open_request
from spreader_app.core.services.stats import ProfileLimits, StatsService
from spreader_app.storage.orm import AttemptRow, DeliveryRow
from spreader_app.vault.key_sources import MemoryKeySource
from tests.fakes.fake_zentra import FakeZentra, Fault
from tests.helpers import drain
from tests.integration.test_open_campaign import (
    delivery_statuses,
    dispatch_log,
    make_package,
    numbers,
)


def attempts_of(c: Container, message_id: str) -> list[tuple[str, str, float, float | None, str]]:
    """(recipient, profile, started, finished, outcome) of every gateway call of a message."""

    def q(s):  # type: ignore[no-untyped-def]
        rows = s.execute(
            select(
                AttemptRow.recipient,
                AttemptRow.profile_id,
                AttemptRow.started_at,
                AttemptRow.finished_at,
                AttemptRow.outcome,
            )
            .join(DeliveryRow, DeliveryRow.id == AttemptRow.delivery_id)
            .where(DeliveryRow.message_id == message_id)
            .order_by(AttemptRow.id)
        )
        return [
            (r, p, a.timestamp(), f.timestamp() if f else None, o or "") for r, p, a, f, o in rows
        ]

    return c.db.run_sync(q)


async def send(c: Container, package_id: str, recipients: list[str], **options: object):  # type: ignore[no-untyped-def]
    body: dict[str, object] = {"type": "text", "text": "Hello", "recipients": recipients}
    if options:
        body["options"] = options
    return await c.sending.send_open(package_id, read_open_request(body))


async def test_engine_retries_a_server_error_after_the_backoff(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, _ = await make_package(container, fake_zentra, 1, retry_delay_ms=4000)
    fake_zentra.faults.add(Fault.SERVER_ERROR, at={1})
    result = await send(container, package_id, numbers(1))
    await drain(container, clock)
    calls = attempts_of(container, result.message.id)
    assert [c[4] for c in calls] == ["transient", "accepted"]
    first_finished, retry_started = calls[0][3], calls[1][2]
    assert first_finished is not None and retry_started - first_finished >= 4.0
    assert delivery_statuses(container, result.message.id) == Counter({"sent": 1})
    assert len(fake_zentra.received) == 1


async def test_engine_gives_up_after_the_retry_attempts_with_the_reason(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, _ = await make_package(container, fake_zentra, 1, retry_attempts=2)
    fake_zentra.faults.add(Fault.SERVER_ERROR, rate=1.0)
    result = await send(container, package_id, numbers(1))
    await drain(container, clock)
    assert [c[4] for c in attempts_of(container, result.message.id)] == ["transient"] * 3
    deliveries, _ = await container.sending.deliveries(package_id, result.message.id)
    assert deliveries[0].status is DeliveryStatus.FAILED
    assert "transient" in deliveries[0].error
    message = await container.sending.message(package_id, result.message.id)
    assert message.status is MessageStatus.FAILED and message.failed_count == 1


async def test_engine_moves_work_off_a_disconnected_device(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, (p0, p1) = await make_package(container, fake_zentra, 2)
    fake_zentra.set_device_state("dev-0", "disconnected")
    seen: list[ProfileStatusChanged] = []
    container.events.subscribe(
        lambda e: seen.append(e) if isinstance(e, ProfileStatusChanged) else None
    )
    result = await send(container, package_id, numbers(10))
    await drain(container, clock)
    assert delivery_statuses(container, result.message.id) == Counter({"sent": 10})
    assert {m.device_uuid for m in fake_zentra.received} == {"dev-1"}
    assert len({m.recipient for m in fake_zentra.received}) == 10
    profile = await container.profiles.get(package_id, p0)
    assert profile.status in (ProfileStatus.COOLDOWN, ProfileStatus.BLOCKED)
    assert "scan the QR code" in profile.status_reason or "banned" in profile.status_reason
    assert any(e.profile_id == p0 for e in seen)


async def test_engine_blocks_a_device_when_others_deliver_what_it_failed(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, (p0, p1) = await make_package(
        container,
        fake_zentra,
        2,
        max_messages_per_profile_per_hour=500,
        max_messages_per_profile_per_day=5000,
        cooldown_seconds=30,
        # The evidence needs the healthy device to deliver at the package's pace.
        warmup_enabled=False,
    )
    fake_zentra.set_device_state("dev-0", "disconnected")
    result = await send(container, package_id, numbers(60))
    await drain(container, clock)
    statuses = delivery_statuses(container, result.message.id)
    # Anything the device still had when the evidence blocked it would be held, not handed on.
    assert statuses["sent"] + statuses["held"] == 60
    profile = await container.profiles.get(package_id, p0)
    # Each pause ends with another try, whose recipient another device then delivers.
    assert profile.status is ProfileStatus.BLOCKED
    assert "Likely banned" in profile.status_reason
    tries = [c for c in attempts_of(container, result.message.id) if c[1] == p0]
    # One device of two below the OK band slows the pool (the crowd rule), so the healthy
    # device delivers the failed recipients later and one more pause may end first.
    assert len(tries) in (3, 4) and all(c[4] == "device_unavailable" for c in tries)
    healthy = await container.profiles.get(package_id, p1)
    assert healthy.status is ProfileStatus.ACTIVE
    pool = await container.pool.view_of(package_id)
    assert (pool.state.value, pool.factor) == ("slowed", 0.5)


async def test_engine_holds_a_banned_device_s_work_and_slows_the_pool(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, (p0, p1, p2) = await make_package(container, fake_zentra, 3)
    fake_zentra.set_device_state("dev-0", "banned")
    seen: list[object] = []
    container.events.subscribe(seen.append)
    result = await send(container, package_id, numbers(30))
    await drain(container, clock)
    statuses = delivery_statuses(container, result.message.id)
    assert statuses == Counter({"sent": 20, "held": 10})
    assert "dev-0" not in {m.device_uuid for m in fake_zentra.received}
    assert len([a for a in fake_zentra.attempts if a.device_uuid == "dev-0"]) == 1
    message = await container.sending.message(package_id, result.message.id)
    assert message.held_count == 10 and message.finished_at is None
    profile = await container.profiles.get(package_id, p0)
    assert profile.status is ProfileStatus.BLOCKED and "Device banned" in profile.status_reason
    blocked = [e for e in seen if isinstance(e, ProfileStatusChanged) and e.profile_id == p0]
    assert blocked and blocked[-1].status is ProfileStatus.BLOCKED
    assert [e.type for e in await container.pool.events(package_id)] == [
        "blocked",
        "breaker_tripped",
    ]
    assert await container.pool.release(package_id) == 10
    await drain(container, clock)
    assert delivery_statuses(container, result.message.id) == Counter({"sent": 30})
    assert "dev-0" not in {m.device_uuid for m in fake_zentra.received}


async def test_engine_marks_sends_in_flight_at_a_crash_uncertain_and_never_resends_them(
    settings: Settings, clock: ManualClock, fake_zentra: FakeZentra, key_source: MemoryKeySource
) -> None:
    cfg = dataclasses.replace(settings, zentra_url=fake_zentra.url)
    first = build(cfg, clock=clock, key_source=key_source, rng=random.Random(1))
    await first.start(dispatch=False)
    package_id, _ = await make_package(first, fake_zentra, 2)
    result = await send(first, package_id, numbers(6))
    fake_zentra.latency = 0.5
    await first.dispatcher.tick()  # claims one delivery per profile and calls the gateway
    assert first.dispatcher.inflight == 2
    await first.dispatcher.stop(timeout=0)  # the process dies with both calls in flight
    await first.gateway.aclose()
    first.notices.stop()
    first.db.close()
    fake_zentra.latency = 0.0
    if cfg.database_url.startswith("postgresql"):
        # On a shared database another engine could still hold the devices: the dead
        # engine's are taken over, and its sends in flight settled, once its leases expire.
        clock.advance(cfg.lease_seconds)

    second = build(cfg, clock=clock, key_source=key_source, rng=random.Random(2))
    await second.start(dispatch=False)
    try:
        await drain(second, clock)
        statuses = delivery_statuses(second, result.message.id)
        assert statuses == Counter({"sent": 4, "uncertain": 2})
        deliveries, _ = await second.sending.deliveries(package_id, result.message.id)
        uncertain = {d.recipient for d in deliveries if d.status is DeliveryStatus.UNCERTAIN}
        calls = Counter(r for r, *_ in attempts_of(second, result.message.id))
        assert all(calls[r] == 1 for r in uncertain)
        message = await second.sending.message(package_id, result.message.id)
        assert message.finished_at is not None and message.processed_count == 6
    finally:
        await second.stop(timeout=5)


async def test_engine_counts_caps_from_the_log_across_a_restart(
    settings: Settings, clock: ManualClock, fake_zentra: FakeZentra, key_source: MemoryKeySource
) -> None:
    cfg = dataclasses.replace(settings, zentra_url=fake_zentra.url)
    first = build(cfg, clock=clock, key_source=key_source, rng=random.Random(1))
    await first.start(dispatch=False)
    package_id, _ = await make_package(
        first, fake_zentra, 1, max_messages_per_profile_per_hour=3, cooldown_seconds=0
    )
    await send(first, package_id, numbers(3))
    await drain(first, clock)
    start = clock.timestamp()
    await first.stop()

    second = build(cfg, clock=clock, key_source=key_source, rng=random.Random(2))
    await second.start(dispatch=False)
    try:
        result = await send(second, package_id, numbers(1, start=100))
        await drain(second, clock)
        calls = attempts_of(second, result.message.id)
        assert len(calls) == 1 and calls[0][2] >= start + 3600 - 60
    finally:
        await second.stop(timeout=5)


async def test_engine_cancel_stops_what_has_not_been_sent(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, _ = await make_package(container, fake_zentra, 1)
    result = await send(
        container, package_id, numbers(5), waiting_strategy="drip", drip_interval_minutes=10
    )
    await container.dispatcher.tick()
    await container.dispatcher.wait_idle()
    await container.dispatcher.tick()
    cancelled = await container.sending.cancel(package_id, result.message.id)
    await drain(container, clock)
    assert cancelled.status is MessageStatus.CANCELLED
    assert delivery_statuses(container, result.message.id) == Counter({"sent": 1, "cancelled": 4})
    assert len(fake_zentra.received) == 1


async def test_engine_pause_holds_a_campaign_until_resumed(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, _ = await make_package(container, fake_zentra, 1)
    result = await send(container, package_id, numbers(3))
    await container.sending.pause(package_id, result.message.id)
    await drain(container, clock)
    assert fake_zentra.received == []
    resumed = await container.sending.resume(package_id, result.message.id)
    assert resumed.status is MessageStatus.QUEUED
    await drain(container, clock)
    assert delivery_statuses(container, result.message.id) == Counter({"sent": 3})


async def test_reply_goes_through_the_device_the_customer_wrote_to(
    container: Container, fake_zentra: FakeZentra
) -> None:
    package_id, (p0, p1) = await make_package(container, fake_zentra, 2)
    body = {
        "device_uuid": "dev-1",
        "from": "201066183456",
        "text": "Where is my order?",
        "message_id": "in-1",
        "timestamp": 1750050000,
    }
    receipt = await container.inbox.receive(json.dumps(body).encode(), "application/json")
    assert receipt.messages == 1 and not receipt.problem
    reply = await container.replies.send_reply(
        package_id, read_reply_request({"text": "Tomorrow!", "recipient": "201066183456"}, "")
    )
    assert reply.status is DeliveryStatus.SENT and reply.profile_used == p1
    assert not reply.rerouted
    assert fake_zentra.received[-1].device_uuid == "dev-1"


async def test_reply_reroutes_when_the_sticky_device_cannot_send(
    container: Container, fake_zentra: FakeZentra
) -> None:
    package_id, (p0, p1) = await make_package(container, fake_zentra, 2)
    body = {"device_uuid": "dev-0", "from": "201066183456", "text": "Hi", "message_id": "in-2"}
    await container.inbox.receive(json.dumps(body).encode(), "application/json")
    fake_zentra.set_device_state("dev-0", "disconnected")
    reply = await container.replies.send_reply(
        package_id, read_reply_request({"text": "Hello", "recipient": "+201066183456"}, "")
    )
    assert reply.status is DeliveryStatus.SENT and reply.rerouted and reply.profile_used == p1
    # The customer now talks to the device that answered.
    again = await container.replies.send_reply(
        package_id, read_reply_request({"text": "Anything else?", "recipient": "201066183456"}, "")
    )
    assert again.profile_used == p1 and not again.rerouted


async def test_opt_out_word_suppresses_the_number_and_skips_its_queued_work(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, _ = await make_package(container, fake_zentra, 1)
    target = numbers(1)[0]
    result = await send(
        container, package_id, numbers(3), waiting_strategy="drip", drip_interval_minutes=30
    )
    body = {
        "device_uuid": "dev-0",
        "from": target,
        "text": "  إلغاء الاشتراك ",
        "message_id": "o-1",
    }
    receipt = await container.inbox.receive(json.dumps(body).encode(), "application/json")
    assert receipt.opted_out == 1
    await drain(container, clock)
    deliveries, _ = await container.sending.deliveries(package_id, result.message.id)
    by_recipient = {d.recipient: d for d in deliveries}
    assert by_recipient["+" + target].status is DeliveryStatus.SKIPPED
    assert by_recipient["+" + target].skip_reason == "opted_out"
    assert target not in {m.recipient for m in fake_zentra.received}
    # A new campaign to the same number skips it too.
    again = await send(container, package_id, [target, numbers(1, start=50)[0]])
    assert [s.reason for s in again.skipped] == ["opted_out"]


async def test_webhook_duplicates_are_stored_once(
    container: Container, fake_zentra: FakeZentra
) -> None:
    await make_package(container, fake_zentra, 1)
    body = json.dumps(
        {"device_uuid": "dev-0", "from": "201066183456", "text": "Hi", "message_id": "dup"}
    )
    first = await container.inbox.receive(body.encode(), "application/json")
    second = await container.inbox.receive(body.encode(), "application/json")
    assert (first.duplicates, second.duplicates) == (0, 1)


async def test_webhook_garbage_is_kept_and_flagged(container: Container) -> None:
    receipt = await container.inbox.receive(b"\x00not json at all", "application/json")
    assert receipt.problem
    assert receipt.payload_id > 0


def to_ms(limits: list[ProfileLimits]) -> list[ProfileLimits]:
    """Times to the millisecond: the database keeps them to the microsecond, memory exactly."""
    return [
        dataclasses.replace(
            p,
            cooldown_remaining=round(p.cooldown_remaining, 3),
            next_send_at=None if p.next_send_at is None else round(p.next_send_at, 3),
        )
        for p in limits
    ]


async def test_limits_from_the_engines_memory_match_the_database_log(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, profile_ids = await make_package(
        container,
        fake_zentra,
        2,
        max_messages_per_profile_per_hour=3,
        max_messages_per_profile_per_day=5,
        cooldown_seconds=60,
    )
    await send(container, package_id, numbers(10))
    await drain(container, clock)
    package = await container.packages.get(package_id)
    profiles = await container.store.list_profiles(package_id)
    log = dispatch_log(container)
    # Just after the last send: the database keeps times to the microsecond.
    last = max(t for times in log.values() for t in times) + 0.001
    from_database = StatsService(container.store, clock)  # no engine: reads the log back
    assert set(container.dispatcher.states()) >= set(profile_ids)
    for now in (last, last + 1800, last + 7200, last + DAY + 60):
        live = await container.stats.limits(package, profiles, now)
        assert to_ms(live) == to_ms(await from_database.limits(package, profiles, now))
        assert {p.profile_id: p.daily_used for p in live} == {
            pid: sum(1 for t in log.get(pid, []) if now - DAY < t <= now) for pid in profile_ids
        }
    # Ten recipients, two profiles, five a day each: both are at their cap after the last send.
    after_last = await container.stats.limits(package, profiles, last)
    assert [(p.daily_used, p.state) for p in after_last] == [(5, LimitState.LIMIT_REACHED)] * 2
