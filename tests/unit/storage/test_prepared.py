"""Prepared statements run on the driver inside the caller's transaction: what they write
commits and rolls back with the rest, literals in the statement are bound by it, and
timestamps travel as POSIX seconds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from spreader_app.storage.database import Database
from spreader_app.storage.orm import AuditEventRow, table_of
from spreader_app.storage.prepared import Prepared

_AUDIT = table_of(AuditEventRow)
_ADD = Prepared(
    insert(_AUDIT).values(
        at=bindparam("at"), actor="engine", action=bindparam("action"), target="t", details="{}"
    )
)
_RENAME = Prepared(
    update(_AUDIT)
    .where(_AUDIT.c.id == bindparam("id"))
    .values(action=_AUDIT.c.action + "-" + bindparam("suffix"))
)
_READ = Prepared(select(_AUDIT.c.action, _AUDIT.c.at).where(_AUDIT.c.id == bindparam("id")))


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    _AUDIT.metadata.create_all(database.engine, tables=[_AUDIT])
    try:
        yield database
    finally:
        database.close()


def _actions(db: Database) -> list[str]:
    return db.run_sync(lambda s: list(s.scalars(select(_AUDIT.c.action).order_by(_AUDIT.c.id))))


def test_prepared_writes_commit_with_the_transaction(db: Database) -> None:
    def write(s: Session) -> int:
        row_id = _ADD.insert(s.connection(), {"at": 1_750_000_000.5, "action": "sent"})
        _RENAME.run(s.connection(), {"id": row_id, "suffix": "twice"})
        return row_id

    row_id = db.run_sync(write)

    assert db.run_sync(lambda s: _READ.run(s.connection(), {"id": row_id}).fetchone()) == (
        "sent-twice",
        1_750_000_000.5,
    )


def test_prepared_writes_roll_back_with_the_transaction(db: Database) -> None:
    def fail(s: Session) -> None:
        _ADD.run_many(s.connection(), [{"at": 1.0, "action": "a"}, {"at": 2.0, "action": "b"}])
        raise RuntimeError("the rest of the transaction failed")

    with pytest.raises(RuntimeError):
        db.run_sync(fail)

    assert _actions(db) == []


def test_prepared_names_a_missing_parameter(db: Database) -> None:
    with pytest.raises(KeyError, match="action"):
        db.run_sync(lambda s: _ADD.run(s.connection(), {"at": 1.0}))


def test_prepared_refuses_an_expanding_parameter() -> None:
    statement = select(_AUDIT.c.id).where(_AUDIT.c.id.in_(bindparam("ids", expanding=True)))
    with pytest.raises(ValueError, match="ids"):
        Prepared(statement)


def test_prepared_rows_are_named_and_typed_like_core_rows(db: Database) -> None:
    row_id = db.run_sync(
        lambda s: _ADD.insert(s.connection(), {"at": 1_750_000_000.5, "action": "x"})
    )

    (row,) = db.run_sync(lambda s: _READ.rows(s.connection(), {"id": row_id}))

    assert row.action == "x"
    assert row.at == datetime.fromtimestamp(1_750_000_000.5, UTC)
    with pytest.raises(TypeError, match="select"):
        db.run_sync(lambda s: _ADD.rows(s.connection()))
