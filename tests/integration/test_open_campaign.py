"""The engine end to end: services, SQLite, the dispatcher and the fake gateway on loopback."""

from __future__ import annotations

from collections import Counter
from datetime import time

import pytest
from sqlalchemy import select

from spreader_app.bootstrap import Container
from spreader_app.core.active_hours import ActiveHours
from spreader_app.core.clock import ManualClock
from spreader_app.core.models import DeliveryStatus, MessageStatus
from spreader_app.core.rules import violations
from spreader_app.core.services.sending import read_open_request
from spreader_app.storage.orm import AttemptRow, DeliveryRow
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain

ZONE = "Africa/Cairo"


def numbers(n: int, start: int = 0) -> list[str]:
    """Distinct valid Egyptian mobile numbers as an API caller would pass them."""
    return [f"2010{(start + i):08d}" for i in range(n)]


async def make_package(
    c: Container, fake: FakeZentra, profiles: int, **policy: object
) -> tuple[str, list[str]]:
    pkg = await c.packages.create(
        {
            "name": "Shop",
            "timezone": ZONE,
            "active_hours_start": "08:00",
            "active_hours_end": "22:00",
            # These campaigns test the package's own hours and limits: the customers' quiet
            # hours (their own tests) would spread each morning's first sends over 20 minutes.
            "recipient_quiet_hours": None,
            **policy,
        }
    )
    ids = []
    for i in range(profiles):
        uuid, token = f"dev-{i}", f"token-{i}-abcdefgh"
        fake.add_device(uuid, token)
        prof = await c.profiles.create(
            pkg.id, {"name": f"Phone {i}", "zentra_uuid": uuid, "zentra_api_token": token}
        )
        ids.append(prof.id)
    return pkg.id, ids


def dispatch_log(c: Container) -> dict[str, list[float]]:
    def q(s):  # type: ignore[no-untyped-def]
        rows = s.execute(
            select(AttemptRow.profile_id, AttemptRow.started_at).where(AttemptRow.mode == "open")
        )
        out: dict[str, list[float]] = {}
        for pid, at in rows:
            out.setdefault(pid, []).append(at.timestamp())
        return out

    return c.db.run_sync(q)


def delivery_statuses(c: Container, message_id: str) -> Counter[str]:
    return Counter(
        c.db.run_sync(
            lambda s: list(
                s.scalars(select(DeliveryRow.status).where(DeliveryRow.message_id == message_id))
            )
        )
    )


# Ten thousand real HTTP calls to the loopback fake: minutes on a busy 2-core machine.
@pytest.mark.timeout(1500)
async def test_campaign_of_10000_over_5_profiles_keeps_every_rule(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    policy = {
        "max_messages_per_profile_per_hour": 60,
        "max_messages_per_profile_per_day": 700,
        "cooldown_seconds": 20,
        # The package's caps are what is checked; warm-up (own tests) would ration these new
        # numbers to 20 new recipients a day.
        "warmup_enabled": False,
    }
    package_id, profile_ids = await make_package(container, fake_zentra, 5, **policy)
    recipients = numbers(10_000)
    req = read_open_request({"type": "text", "text": "Big sale", "recipients": recipients})
    result = await container.sending.send_open(package_id, req)
    assert result.accepted == 10_000
    assert sorted(len(v) for v in result.distribution.values()) == [2000] * 5

    await drain(container, clock)

    statuses = delivery_statuses(container, result.message.id)
    assert statuses == Counter({"sent": 10_000})
    delivered = Counter(m.recipient for m in fake_zentra.received)
    assert len(delivered) == 10_000 and max(delivered.values()) == 1
    hours = ActiveHours(time(8), time(22), ZONE)
    for pid, times in dispatch_log(container).items():
        assert pid in profile_ids
        assert violations(times, hourly_cap=60, daily_cap=700, cooldown=20, hours=hours) == []
    message = await container.sending.message(package_id, result.message.id)
    assert message.status is MessageStatus.COMPLETED
    assert message.sent_count == 10_000 and message.processed_count == 10_000
    # The plan's estimate is what actually happened, give or take the jitter.
    assert result.estimated_completion is not None
    assert message.finished_at is not None
    assert abs((message.finished_at - result.estimated_completion).total_seconds()) < 3 * 3600


async def test_skipped_recipients_are_recorded_with_reasons(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, _ = await make_package(container, fake_zentra, 2)
    req = read_open_request(
        {
            "type": "text",
            "text": "Hi",
            "recipients": ["201000000001", "201000000001", "12", "2.01066E+11", "201000000002"],
        }
    )
    result = await container.sending.send_open(package_id, req)
    assert result.accepted == 2
    reasons = sorted(s.reason for s in result.skipped)
    assert (
        reasons == ["duplicate", "invalid:scientific_notation", "invalid:too_short"]
        or len(reasons) == 3
    )
    await drain(container, clock)
    statuses = delivery_statuses(container, result.message.id)
    assert statuses == Counter({"sent": 2, "skipped": 3})
    assert len(fake_zentra.received) == 2
    assert DeliveryStatus.SKIPPED.value in statuses
