"""Focused checks of the engine rules the reliability runs exposed: answers survive a failed
database round, a retry keeps its back-off when the delivery changes device, a device that
worked after a failure is not blamed for it, and a device back from its pause is active."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from spreader_app.core.errors import StorageUnavailable
from spreader_app.core.events import ProfileStatusChanged
from spreader_app.core.health import BanEvidence
from spreader_app.core.models import (
    Claim,
    DeliveryStatus,
    GatewayResult,
    MessageContent,
    OutcomeKind,
    Package,
    ProfileStatus,
)
from spreader_app.core.outcome_policy import resolve
from spreader_app.core.services.sending import read_open_request
from tests.fakes.fake_zentra import FakeZentra, Fault
from tests.helpers import drain
from tests.integration.test_engine_behaviour import attempts_of
from tests.integration.test_open_campaign import delivery_statuses, make_package, numbers

T = 1_750_000_000.0
SERVER_ERROR = GatewayResult(OutcomeKind.TRANSIENT, 500, "The gateway had a server error.")
UNAVAILABLE = OutcomeKind.DEVICE_UNAVAILABLE


def claim(profile: str, attempt_count: int, retries: int, tried: set[str]) -> Claim:
    return Claim(
        delivery_id=1,
        attempt_id=attempt_count,
        message_id="m",
        package_id="p",
        profile_id=profile,
        recipient="+201000000001",
        content=MessageContent(text="Hi"),
        attempt_count=attempt_count,
        started_at=T,
        tried_profiles=frozenset(tried),
        retries=retries,
    )


def answer(c: Claim, package: Package) -> Any:
    return resolve(
        c,
        SERVER_ERROR,
        package=package,
        finished_at=T,
        health={},
        evidence=BanEvidence(),
        rng=random.Random(1),
        others_available=True,
    )


async def send(c: Container, package_id: str, n: int) -> str:
    req = read_open_request({"type": "text", "text": "Sale", "recipients": numbers(n)})
    return (await c.sending.send_open(package_id, req)).message.id


async def test_engine_recovery_answers_survive_a_failed_database_round(
    container: Container,
    fake_zentra: FakeZentra,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package_id, _ = await make_package(container, fake_zentra, 2)
    message_id = await send(container, package_id, 4)
    store = container.store
    real = store.dispatch_round
    failures = 0

    async def flaky(resolutions: Any, *args: Any) -> Any:
        nonlocal failures
        if resolutions and failures == 0:
            failures += 1
            raise StorageUnavailable("Another program is holding the database.")
        return await real(resolutions, *args)

    monkeypatch.setattr(store, "dispatch_round", flaky)
    await container.dispatcher.tick()
    await container.dispatcher.wait_idle()
    try:
        await container.dispatcher.tick()  # the answers arrive; the round cannot be written
    except StorageUnavailable:
        pass
    await drain(container, clock)
    assert failures == 1
    assert delivery_statuses(container, message_id) == Counter({"sent": 4})
    assert len(fake_zentra.received) == 4


def test_engine_recovery_a_move_to_another_device_keeps_the_retry_count() -> None:
    package = Package(id="p", name="Shop", retry_attempts=2, retry_delay_ms=4000)
    # Second transient failure, now on device b after device a was taken away.
    moved = answer(claim("b", 2, 1, {"a"}), package)
    assert moved.delivery_status is DeliveryStatus.PENDING
    assert moved.not_before is not None and moved.not_before - T >= 8.0
    # Third: the two retries are spent, wherever they were tried.
    assert answer(claim("b", 3, 2, {"a", "b"}), package).delivery_status is DeliveryStatus.FAILED
    # A device problem before the first transient failure spends no retry.
    once = Package(id="p", name="Shop", retry_attempts=1, retry_delay_ms=4000)
    after_pause = answer(claim("a", 2, 0, {"a"}), once)
    assert after_pause.delivery_status is DeliveryStatus.PENDING
    assert after_pause.not_before is not None and 4.0 <= after_pause.not_before - T < 8.0


async def test_engine_recovery_retry_count_comes_from_the_attempt_log(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, (p0, _) = await make_package(container, fake_zentra, 2, retry_delay_ms=4000)
    fake_zentra.faults.add(Fault.SERVER_ERROR, at={1, 2})
    message_id = await send(container, package_id, 1)
    await container.dispatcher.tick()
    await container.dispatcher.wait_idle()
    first = attempts_of(container, message_id)[0][1]
    await container.dispatcher.tick()  # records the failure: a retry on the same device
    await container.profiles.set_status(package_id, first, "inactive")
    await drain(container, clock)
    calls = attempts_of(container, message_id)
    assert [c[4] for c in calls] == ["transient", "transient", "accepted"]
    assert calls[1][1] != first  # the retry moved to the other device
    finished, retry = calls[1][3], calls[2][2]
    assert finished is not None and retry - finished >= 8.0  # the second retry's back-off


def test_engine_recovery_failure_before_the_devices_own_success_is_no_ban_evidence() -> None:
    ev = BanEvidence()
    ev.failed("a", "+1", UNAVAILABLE, T)
    ev.succeeded("a", "+2", T + 1)  # a works again
    assert ev.succeeded("b", "+1", T + 2) == []
    ev.failed("a", "+3", UNAVAILABLE, T + 3)  # after its success: counts
    assert ev.succeeded("b", "+3", T + 4) == ["a"] and ev.evidence_run("a") == 1


async def test_engine_recovery_device_back_from_its_pause_is_active_again(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, (p0,) = await make_package(container, fake_zentra, 1)
    fake_zentra.faults.add(Fault.SUCCESS_FALSE, at={1})
    seen: list[ProfileStatusChanged] = []
    container.events.subscribe(
        lambda e: seen.append(e) if isinstance(e, ProfileStatusChanged) else None
    )
    message_id = await send(container, package_id, 3)
    await drain(container, clock)
    assert delivery_statuses(container, message_id) == Counter({"sent": 3})
    profile = await container.profiles.get(package_id, p0)
    assert profile.status is ProfileStatus.ACTIVE
    assert profile.status_reason == "" and profile.paused_until is None
    assert [e.status for e in seen] == [ProfileStatus.COOLDOWN, ProfileStatus.ACTIVE]
