"""Migrations build exactly the schema the ORM describes, re-running them is harmless, and
a database already up to date starts without loading Alembic. The first two also run on
PostgreSQL, from an empty database."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from spreader_app.storage import migrate
from spreader_app.storage.database import Database
from spreader_app.storage.orm import Base

_PACKAGE = (
    "INSERT INTO packages (id, name, description, status, distribution_mode,"
    " max_messages_per_profile_per_hour, max_messages_per_profile_per_day,"
    " cooldown_seconds, active_hours_start, active_hours_end, timezone,"
    " retry_failed_messages, retry_attempts, retry_delay_ms, sticky_open_chat,"
    " created_at, updated_at) VALUES ('p', 'Shop', '', 'active', 'round_robin',"
    " 50, 500, 2, '08:00', '22:00', 'UTC', TRUE, 3, 5000, TRUE, 0, 0)"
)


@pytest.fixture
def empty_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database with no tables at all: a new SQLite file or PostgreSQL database."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'a.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    url = server.create_database(migrated=False)
    try:
        yield url
    finally:
        server.drop_database(url)


def test_migrate_builds_the_orm_schema_exactly(empty_url: str) -> None:
    db = Database(empty_url)
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == []


def test_migrate_twice_changes_nothing_and_keeps_data(empty_url: str) -> None:
    db = Database(empty_url)
    migrate.upgrade(db.engine)
    with db.engine.begin() as conn:
        conn.execute(text(_PACKAGE))
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM packages")).scalar() == "Shop"
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == migrate.HEAD_REVISION
    assert "deliveries" in inspect(db.engine).get_table_names()
    db.close()


def test_database_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'c.db'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.close()


def test_migrate_head_revision_is_the_newest_migration_script(tmp_path: Path) -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config(f"sqlite:///{tmp_path}/d.db"))
    assert scripts.get_heads() == [migrate.HEAD_REVISION]


# Run in a new interpreter: this test process has loaded Alembic already.
_START_AGAIN = """
import sys
from spreader_app.storage import migrate
from spreader_app.storage.database import Database
db = Database(sys.argv[1])
migrate.upgrade(db.engine)
db.close()
print(sorted(m for m in sys.modules if m.split(".")[0] in ("alembic", "mako")))
"""


def test_migrate_database_at_head_starts_without_loading_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'e.db'}"
    db = Database(url)
    migrate.upgrade(db.engine)
    db.close()

    out = subprocess.run(
        [sys.executable, "-c", _START_AGAIN, url], capture_output=True, text=True, check=True
    )

    assert out.stdout.strip() == "[]"


def test_a_database_of_the_first_release_upgrades_and_keeps_its_deliveries(
    tmp_path: Path,
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'f.db'}")
    with db.engine.begin() as conn:
        cfg = migrate.alembic_config(str(db.engine.url))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text(_PACKAGE))
        conn.execute(
            text(
                "INSERT INTO messages (id, package_id, mode, type, text, media_url, caption,"
                " media_path, status, waiting_strategy, total_recipients, processed_count,"
                " sent_count, failed_count, skipped_count, created_at, updated_at)"
                " VALUES ('m', 'p', 'open', 'text', 'Hi', '', '', '', 'completed',"
                " 'immediate', 1, 1, 1, 0, 0, 0, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO deliveries (message_id, package_id, mode, recipient, status,"
                " attempt_count, error, skip_reason, decided_by, gateway_response, updated_at)"
                " VALUES ('m', 'p', 'open', '+201066183456', 'sent', 1, '', '', '', '', 5)"
            )
        )

    migrate.upgrade(db.engine)

    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT recipient FROM deliveries")).scalar() == "+201066183456"
        # Today's totals read the new index alone, never the package's whole history.
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT mode, status, count(*) FROM deliveries"
                    " WHERE package_id = 'p' AND updated_at >= 0 GROUP BY mode, status"
                )
            )
        )
    assert "COVERING INDEX ix_deliveries_package_updated" in plan
    db.close()
