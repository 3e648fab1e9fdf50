"""Creating a message writes it and every delivery in one transaction, with the values the
rest of the engine reads back: planned times, reasons, and timestamps as POSIX seconds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from spreader_app.core.models import (
    DeliveryStatus,
    Message,
    MessageContent,
    MessageMode,
    MessageStatus,
    NewDelivery,
    Package,
    Profile,
)
from spreader_app.storage import catalog_store, message_store, migrate
from spreader_app.storage.database import Database
from spreader_app.storage.orm import DeliveryRow

NOW = 1_750_053_600.25
PLANNED = [NOW + 20.5, NOW + 3600.125]
DELIVERIES = [
    NewDelivery(
        "+201066183456", DeliveryStatus.PENDING, "prof-a", PLANNED[0], "cooldown round_robin"
    ),
    NewDelivery("+201066183457", DeliveryStatus.PENDING, "prof-a", PLANNED[1], "hourly_cap sticky"),
    NewDelivery(
        "0106618",
        DeliveryStatus.SKIPPED,
        skip_reason="invalid:too_short",
        error="The number is too short for its country: check for missing digits.",
    ),
]
# Every stored column except the row id: what other queries and the exports read.
COLUMNS = [c.name for c in DeliveryRow.__table__.columns if c.name != "id"]


def _message(message_id: str = "msg_1") -> Message:
    return Message(
        id=message_id,
        package_id="pkg",
        mode=MessageMode.OPEN,
        content=MessageContent(text="Big sale this week"),
        status=MessageStatus.QUEUED,
    )


def _catalog(session: Session) -> None:
    created = datetime.fromtimestamp(NOW, UTC)
    package = Package(id="pkg", name="Shop", created_at=created, updated_at=created)
    catalog_store.add_package(session, package, NOW, "test")
    profile = Profile(
        id="prof-a",
        package_id="pkg",
        name="Phone A",
        zentra_uuid="dev-a",
        created_at=created,
        updated_at=created,
    )
    catalog_store.add_profile(session, profile, "ciphertext", NOW, "test")


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    migrate.upgrade(database.engine)
    database.run_sync(_catalog)
    try:
        yield database
    finally:
        database.close()


def _stored(session: Session, message_id: str) -> list[tuple[Any, ...]]:
    """The raw stored values of the message's deliveries, each with its stored type."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    typeof = "typeof({})" if sqlite else "pg_typeof({})::text"
    picks = ", ".join(f"{c}, {typeof.format(c)}" for c in COLUMNS)
    query = text(f"SELECT {picks} FROM deliveries WHERE message_id = :m ORDER BY id")
    return [tuple(row) for row in session.execute(query, {"m": message_id})]


def test_create_message_stores_deliveries_as_the_orm_would(db: Database) -> None:
    db.run_sync(lambda s: message_store.create_message(s, _message(), DELIVERIES, NOW, "test"))

    def orm_copy(session: Session) -> None:
        for d in DELIVERIES:
            session.add(
                DeliveryRow(
                    message_id="msg_1",
                    package_id="pkg",
                    mode="open",
                    recipient=d.recipient,
                    profile_id=d.profile_id,
                    status=d.status.value,
                    planned_at=d.planned_at,
                    not_before=d.planned_at,
                    error=d.error,
                    skip_reason=d.skip_reason,
                    decided_by=d.decided_by,
                    updated_at=NOW,
                )
            )

    written = db.run_sync(lambda s: _stored(s, "msg_1"))
    db.run_sync(orm_copy)
    both = db.run_sync(lambda s: _stored(s, "msg_1"))

    assert written == both[len(DELIVERIES) :]
    assert db.run_sync(lambda s: s.scalars(select(DeliveryRow.sent_at)).all()) == [None] * 6


def test_create_message_deliveries_read_back_with_their_plan(db: Database) -> None:
    change = db.run_sync(
        lambda s: message_store.create_message(s, _message(), DELIVERIES, NOW, "test")
    )

    rows, total = db.run_sync(lambda s: message_store.list_deliveries(s, "msg_1"))
    pending = db.run_sync(lambda s: message_store.pending_planned_times(s, "pkg"))

    assert change is None  # two recipients still to send
    assert total == 3
    assert [r.recipient for r in rows] == [d.recipient for d in DELIVERIES]
    assert [r.status for r in rows] == [d.status for d in DELIVERIES]
    assert [r.planned_at for r in rows] == [
        datetime.fromtimestamp(PLANNED[0], UTC),
        datetime.fromtimestamp(PLANNED[1], UTC),
        None,
    ]
    assert [r.not_before for r in rows] == [r.planned_at for r in rows]
    assert [r.decided_by for r in rows] == ["cooldown round_robin", "hourly_cap sticky", ""]
    assert rows[2].skip_reason == "invalid:too_short"
    assert rows[2].error.startswith("The number is too short")
    assert all(r.updated_at == datetime.fromtimestamp(NOW, UTC) for r in rows)
    assert all(r.attempt_count == 0 and r.sent_at is None for r in rows)
    assert pending == {"prof-a": PLANNED}


def test_create_message_writes_nothing_when_one_delivery_is_refused(db: Database) -> None:
    unknown_profile = NewDelivery("+201066183458", DeliveryStatus.PENDING, "gone", NOW, "")

    with pytest.raises(IntegrityError):
        db.run_sync(
            lambda s: message_store.create_message(
                s, _message(), [*DELIVERIES, unknown_profile], NOW, "test"
            )
        )

    assert db.run_sync(lambda s: message_store.get_message(s, "msg_1")) is None
    assert db.run_sync(lambda s: s.scalars(select(DeliveryRow.id)).all()) == []


def test_create_message_with_every_recipient_skipped_is_finished_at_once(db: Database) -> None:
    change = db.run_sync(
        lambda s: message_store.create_message(s, _message(), DELIVERIES[2:], NOW, "test")
    )

    assert change is not None
    assert change.finished
    assert (change.total, change.processed, change.sent) == (1, 1, 0)
