"""Failover through the dispatch round: storage reports stranded work, the engine decides,
the next round writes the moves, and a move never takes a delivery someone else took."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from spreader_app.core.models import Failover, Move, RoundResult
from spreader_app.storage import dispatch_store, migrate
from spreader_app.storage.database import Database
from spreader_app.storage.orm import DeliveryRow
from tests.unit.storage.seeding import seed_campaign

NOW = 1_750_053_600.0


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    migrate.upgrade(database.engine)
    yield database
    database.close()


def _round(db: Database, failover: Failover | None, claim_for: tuple[str, ...] = ()) -> RoundResult:
    return db.run_sync(
        lambda s: dispatch_store.dispatch_round(s, [], claim_for, claim_for, failover, NOW)
    )


def _owners(db: Database) -> Counter[str | None]:
    return db.run_sync(lambda s: Counter(s.scalars(select(DeliveryRow.profile_id)).all()))


def test_failover_round_reports_stranded_work_and_moves_nothing_itself(db: Database) -> None:
    seed_campaign(db, ("prof-a", "prof-b"), 6, NOW)

    result = _round(db, Failover(frozenset({"prof-a"})))

    assert {s.profile_id for s in result.stranded} == {"prof-a"}
    assert len(result.stranded) == 3
    assert all(s.package_id == "pkg" and s.tried == frozenset() for s in result.stranded)
    assert _owners(db) == {"prof-a": 3, "prof-b": 3}


def test_failover_round_writes_the_engines_moves_and_reports_what_is_left(
    db: Database,
) -> None:
    seed_campaign(db, ("prof-a", "prof-b"), 6, NOW)
    stranded = _round(db, Failover(frozenset({"prof-a"}))).stranded
    moves = tuple(Move(s.delivery_id, s.profile_id, "prof-b") for s in stranded[:2])

    result = _round(db, Failover(frozenset({"prof-a"}), moves))

    assert _owners(db) == {"prof-a": 1, "prof-b": 5}
    assert [s.delivery_id for s in result.stranded] == [stranded[2].delivery_id]
    decided = db.run_sync(
        lambda s: s.scalars(
            select(DeliveryRow.decided_by).where(DeliveryRow.id == stranded[0].delivery_id)
        ).one()
    )
    assert decided.endswith("failover")


def test_failover_move_of_a_delivery_claimed_meanwhile_changes_nothing(db: Database) -> None:
    seed_campaign(db, ("prof-a", "prof-b"), 2, NOW)
    stranded = _round(db, Failover(frozenset({"prof-a"}))).stranded
    first = stranded[0]
    # The device came back and claimed its delivery before the move was written.
    claimed = _round(db, None, ("prof-a",)).claims
    assert [c.delivery_id for c in claimed] == [first.delivery_id]

    _round(db, Failover(frozenset(), (Move(first.delivery_id, "prof-a", "prof-b"),)))

    row = db.run_sync(
        lambda s: s.execute(
            select(DeliveryRow.profile_id, DeliveryRow.status).where(
                DeliveryRow.id == first.delivery_id
            )
        ).one()
    )
    assert tuple(row) == ("prof-a", "sending")
