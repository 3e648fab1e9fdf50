"""A round claims only the head the engine checked, reports any other head for the engine to
check, and writes the engine's quiet-hours waits before it claims (on both databases)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import pytest
from sqlalchemy import select

from spreader_app.core.models import QuietWait, RoundResult
from spreader_app.storage import dispatch_store, migrate
from spreader_app.storage.database import Database
from spreader_app.storage.orm import DeliveryRow
from tests.unit.storage.seeding import seed_campaign

NOW = 1_750_053_600.0
ONE = ("prof-a",)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    migrate.upgrade(database.engine)
    seed_campaign(database, ONE, 3, NOW)
    yield database
    database.close()


def _round(
    db: Database, checked: Mapping[str, int] | None, waits: Sequence[QuietWait] = ()
) -> RoundResult:
    return db.run_sync(
        lambda s: dispatch_store.dispatch_round(
            s, [], ONE, ONE, None, NOW, quiet_waits=waits, checked=checked
        )
    )


def _pending(db: Database) -> list[int]:
    return db.run_sync(
        lambda s: list(
            s.scalars(
                select(DeliveryRow.id)
                .where(DeliveryRow.status == "pending")
                .order_by(DeliveryRow.not_before, DeliveryRow.id)
            )
        )
    )


def test_a_round_claims_the_checked_head_and_reports_the_one_after_it(db: Database) -> None:
    first, second, _ = _pending(db)

    result = _round(db, {"prof-a": first})

    assert [c.delivery_id for c in result.claims] == [first]
    head = result.heads["prof-a"]
    assert head.delivery_id == second
    assert head.recipient.startswith("+")


def test_a_head_other_than_the_checked_one_is_reported_not_claimed(db: Database) -> None:
    first, second, _ = _pending(db)

    result = _round(db, {"prof-a": second})

    assert result.claims == []
    assert result.heads["prof-a"].delivery_id == first
    assert _pending(db) == [first, second, _]


def test_a_quiet_wait_is_written_before_the_claim_and_the_next_head_is_left_to_check(
    db: Database,
) -> None:
    first, second, third = _pending(db)

    result = _round(db, {"prof-a": first}, [QuietWait(first, NOW + 3600, '{"n":1}')])

    # The waited head is behind the others now; the checked id no longer leads, so nothing
    # unchecked goes out.
    assert result.claims == []
    assert result.heads["prof-a"].delivery_id == second
    assert _pending(db) == [second, third, first]
    decided = db.run_sync(
        lambda s: s.scalars(select(DeliveryRow.decided_by).where(DeliveryRow.id == first)).one()
    )
    assert "quiet_hours" in decided.split()


def test_a_quiet_wait_for_a_delivery_claimed_meanwhile_changes_nothing(db: Database) -> None:
    first, _, _ = _pending(db)
    _round(db, None)  # another round claimed it

    _round(db, {}, [QuietWait(first, NOW + 3600, "{}")])

    row = db.run_sync(
        lambda s: s.execute(
            select(DeliveryRow.status, DeliveryRow.decided_by).where(DeliveryRow.id == first)
        ).one()
    )
    assert row.status == "sending" and "quiet_hours" not in row.decided_by
