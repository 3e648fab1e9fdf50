"""The engine, not storage, keeps a slipped plan out of recipients' quiet hours: a head that
falls due inside them waits for the window, and the heads behind it still go."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from spreader_app.core.quiet_hours import SPREAD_SECONDS
from spreader_app.core.services.sending import read_open_request
from spreader_app.storage.orm import AttemptRow, DeliveryRow
from tests.fakes.fake_zentra import FakeZentra
from tests.helpers import drain
from tests.integration.test_open_campaign import delivery_statuses, make_package, numbers

CAIRO = ZoneInfo("Africa/Cairo")
LONDON = ZoneInfo("Europe/London")


def local_hour(t: float, zone: ZoneInfo) -> float:
    at = datetime.fromtimestamp(t, UTC).astimezone(zone)
    return at.hour + at.minute / 60 + at.second / 3600


def quiet(hour: float) -> bool:
    return hour >= 21 or hour < 9


def sends(c: Container, message_id: str) -> list[tuple[str, float, str]]:
    """``(recipient, started, decided_by)`` of every gateway call of a message."""

    def q(s):  # type: ignore[no-untyped-def]
        rows = s.execute(
            select(AttemptRow.recipient, AttemptRow.started_at, DeliveryRow.decided_by)
            .join(DeliveryRow, DeliveryRow.id == AttemptRow.delivery_id)
            .where(DeliveryRow.message_id == message_id)
        )
        return [(r, at.timestamp(), by) for r, at, by in rows]

    return c.db.run_sync(q)


def planned_times(c: Container, message_id: str) -> dict[str, float]:
    def q(s):  # type: ignore[no-untyped-def]
        rows = s.execute(
            select(DeliveryRow.recipient, DeliveryRow.not_before).where(
                DeliveryRow.message_id == message_id
            )
        )
        return {r: at.timestamp() for r, at in rows}

    return c.db.run_sync(q)


async def test_heads_that_fall_due_in_quiet_hours_wait_and_the_rest_still_go(
    container: Container, fake_zentra: FakeZentra, clock: ManualClock
) -> None:
    package_id, _ = await make_package(
        container, fake_zentra, 2, recipient_quiet_hours="21:00-09:00", warmup_enabled=False
    )
    # 20:50 in Cairo: everyone may be messaged, and the plan says so.
    evening = datetime(2025, 6, 16, 20, 50, tzinfo=CAIRO)
    clock.set(evening.timestamp())
    egypt = numbers(20)
    uk = [f"447911{i:06d}" for i in range(10)]
    body = {"type": "text", "text": "Hello", "recipients": egypt + uk}
    result = await container.sending.send_open(package_id, read_open_request(body))
    planned = planned_times(container, result.message.id)
    # The engine comes back 40 minutes late: the plan slipped into Cairo's quiet hours, while
    # it is 19:30 in London.
    clock_at_return = (evening + timedelta(minutes=40)).timestamp()
    clock.set(clock_at_return)
    assert sum(1 for r in egypt if planned["+" + r] < clock_at_return) >= 5

    rounds = await drain(container, clock, max_rounds=2000)

    assert delivery_statuses(container, result.message.id) == Counter({"sent": 30})
    calls = sends(container, result.message.id)
    assert len(calls) == 30 == len({r for r, _, _ in calls})
    for recipient, at, decided_by in calls:
        zone = LONDON if recipient.startswith("+44") else CAIRO
        assert not quiet(local_hour(at, zone)), (recipient, datetime.fromtimestamp(at, zone))
        if zone is CAIRO:
            # Sent the next morning, none before the window opens.
            morning = datetime(2025, 6, 17, 9, 0, tzinfo=CAIRO).timestamp()
            assert morning <= at <= morning + 3 * 3600
            if planned[recipient] < clock_at_return:
                # Due when the engine came back: the engine made it wait, and says so.
                assert "quiet_hours" in decided_by.split()
    uk_sent = [at for r, at, _ in calls if r.startswith("+44")]
    assert max(uk_sent) < (evening + timedelta(hours=1)).timestamp()
    # The first morning sends open within the spread, not all at 09:00:00.
    first = min(at for r, at, _ in calls if not r.startswith("+44"))
    assert first <= morning + SPREAD_SECONDS
    # One round per quiet head at most, not a round per second of the night.
    assert rounds < 200, rounds
