"""Migrations build exactly the schema the ORM describes, and re-running them is harmless."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from spreader_app.storage import migrate
from spreader_app.storage.database import Database
from spreader_app.storage.orm import Base


def test_migrate_builds_the_orm_schema_exactly(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == []


def test_migrate_twice_changes_nothing_and_keeps_data(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'b.db'}")
    migrate.upgrade(db.engine)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO packages (id, name, description, status, distribution_mode,"
                " max_messages_per_profile_per_hour, max_messages_per_profile_per_day,"
                " cooldown_seconds, active_hours_start, active_hours_end, timezone,"
                " retry_failed_messages, retry_attempts, retry_delay_ms, sticky_open_chat,"
                " created_at, updated_at) VALUES ('p', 'Shop', '', 'active', 'round_robin',"
                " 50, 500, 2, '08:00', '22:00', 'UTC', 1, 3, 5000, 1, 0, 0)"
            )
        )
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM packages")).scalar() == "Shop"
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == "0001"
    assert "deliveries" in inspect(db.engine).get_table_names()
    db.close()


def test_database_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'c.db'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.close()
