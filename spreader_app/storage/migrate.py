"""Brings the database schema up to date with Alembic at start-up.

Alembic is imported only when there is something to migrate: a database already at
``HEAD_REVISION`` (every start but the first after an install or update) is recognised by
reading its version table, which saves importing Alembic and Mako on each start.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError

from spreader_app.core.errors import StorageUnavailable
from spreader_app.paths import migrations_dir
from spreader_app.storage.database import Database, make_engine, storage_error

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in ``migrations/versions``; a new migration must update it (a unit test
# compares it with the scripts).
HEAD_REVISION = "0008"
VERSION_TABLE = "alembic_version"
# Seconds a health check waits for the database.
READY_TIMEOUT = 5.0


def alembic_config(url: str) -> Config:
    """Alembic's configuration for the database at ``url`` and this package's scripts."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def stored_revision(conn: Connection) -> str | None:
    """The revision the database says it is at; ``None`` for a new database or one whose
    version table does not name exactly one revision."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    revisions = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return str(revisions[0]) if len(revisions) == 1 else None


def revision_problem(current: str | None) -> str | None:
    """Why a database at revision ``current`` is not ready to serve, or ``None`` when it is
    at ``HEAD_REVISION``."""
    if current == HEAD_REVISION:
        return None
    if current is None:
        return f"the database has no schema yet (expected revision {HEAD_REVISION})"
    return f"the database is at revision {current}, expected {HEAD_REVISION}"


def revision_at(url: str) -> str | None:
    """The revision of the database at ``url``, read without writing anything (``None``:
    no schema yet). Raises ``StorageUnavailable`` when it cannot be reached."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return stored_revision(conn)
    except OperationalError as exc:
        raise storage_error(exc) from exc
    finally:
        engine.dispose()


async def ready_revision(db: Database, timeout: float = READY_TIMEOUT) -> str:
    """The revision of ``db`` when it answers within ``timeout`` seconds (queued ahead of
    other work) at ``HEAD_REVISION``; raises ``StorageUnavailable`` saying why not."""
    try:
        current = await asyncio.wait_for(
            db.run(lambda s: stored_revision(s.connection()), urgent=True), timeout
        )
    except TimeoutError:
        raise StorageUnavailable(
            f"The database did not answer within {timeout:g} s: it is busy or stalled."
        ) from None
    problem = revision_problem(current)
    if problem is not None:
        raise StorageUnavailable(f"The database is not ready: {problem}. Restart Spreader.")
    return HEAD_REVISION


def upgrade(engine: Engine) -> None:
    """Applies every pending migration; safe to call on every start. Raises
    ``StorageUnavailable`` when the database cannot be opened or written."""
    try:
        with engine.begin() as conn:
            if stored_revision(conn) == HEAD_REVISION:
                return
            from alembic import command

            cfg = alembic_config(engine.url.render_as_string(hide_password=False))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise storage_error(exc) from exc
