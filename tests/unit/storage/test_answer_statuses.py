"""The statuses a round reads before it records the answers: every delivery's, in a few
statements, and none for a delivery deleted meanwhile (on both databases)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import delete, select, update

from spreader_app.storage import migrate
from spreader_app.storage.answers import current_statuses
from spreader_app.storage.database import Database
from spreader_app.storage.orm import DeliveryRow
from tests.unit.storage.seeding import seed_campaign

NOW = 1_750_053_600.0


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    migrate.upgrade(database.engine)
    seed_campaign(database, ("prof-a", "prof-b"), 75, NOW)
    yield database
    database.close()


def _ids(db: Database) -> list[int]:
    return db.run_sync(lambda s: list(s.scalars(select(DeliveryRow.id).order_by(DeliveryRow.id))))


@pytest.mark.parametrize("count", [1, 3, 64, 75])
def test_every_delivery_asked_for_has_its_own_status(db: Database, count: int) -> None:
    ids = _ids(db)[:count]
    sending = set(ids[::2])
    db.run_sync(
        lambda s: s.execute(
            update(DeliveryRow).where(DeliveryRow.id.in_(sending)).values(status="sending")
        )
    )

    found = db.run_sync(lambda s: current_statuses(s.connection(), ids))

    assert found == {i: "sending" if i in sending else "pending" for i in ids}


def test_a_deleted_delivery_has_no_status(db: Database) -> None:
    ids = _ids(db)[:5]
    db.run_sync(lambda s: s.execute(delete(DeliveryRow).where(DeliveryRow.id == ids[1])))

    found = db.run_sync(lambda s: current_statuses(s.connection(), ids))

    assert sorted(found) == [ids[0], *ids[2:]]
