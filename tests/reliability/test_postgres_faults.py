"""PostgreSQL goes wrong under a running campaign: another session holds the tables, or the
server drops every connection of the app. The owner gets a clear 503 while it lasts, and
the campaign finishes by itself afterwards, every recipient sent once.

The SQLite counterparts (a locked file, a full disk, a read-only folder) are in
``test_storage_faults.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.pool import NullPool

from tests.campaign_data import numbers
from tests.postgres import PostgresServer
from tests.reliability.conftest import Stack, devices, live_stack
from tests.reliability.test_storage_faults import assert_finishes, assert_refused, until

pytestmark = pytest.mark.sqlite_only  # runs on PostgreSQL only, through its own fixture
DEVICES = devices(2)


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.create_database()
    try:
        yield url
    finally:
        postgres_server.drop_database(url)


@contextlib.asynccontextmanager
async def pg_stack(tmp_path: Path, url: str) -> AsyncIterator[Stack]:
    async with live_stack(tmp_path, latency=0.05, database_url=url) as st:
        yield st


def short_lock_wait(stack: Stack, ms: int = 300) -> None:
    """The app waits 5 s for a lock before giving up; the test waits 0.3 s, same code path."""

    def set_timeout(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            cur.execute(f"SET lock_timeout = {ms}")
        dbapi_conn.commit()

    event.listen(stack.container.db.engine, "connect", set_timeout)
    stack.container.db.engine.dispose()


def admin(url: str) -> Engine:
    return create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")


async def test_postgres_tables_held_by_another_session_answer_503_and_resume(
    tmp_path: Path, pg_url: str
) -> None:
    async with pg_stack(tmp_path, pg_url) as st:
        short_lock_wait(st)
        package_id = await st.package(DEVICES)
        message_id = await st.campaign(package_id, numbers(40))
        await until(st, package_id, message_id, "started", 30)
        holder = create_engine(pg_url, poolclass=NullPool).connect()
        holder.execute(text("LOCK TABLE deliveries, messages, inbound_payloads IN EXCLUSIVE MODE"))
        try:
            await assert_refused(st, package_id, "Another program is holding the database")
            # Reading still works, so the owner can see what is going on.
            assert (await st.client.get("/api/v1/packages")).status_code == 200
            await asyncio.sleep(1.5)  # answers keep arriving while nothing can be written
        finally:
            holder.rollback()
            holder.close()
        await assert_finishes(st, package_id, message_id, 40)


async def test_postgres_connections_dropped_mid_campaign_lose_and_repeat_nothing(
    tmp_path: Path, pg_url: str
) -> None:
    name = make_url(pg_url).database
    killer = admin(pg_url)
    dropped = 0
    async with pg_stack(tmp_path, pg_url) as st:
        package_id = await st.package(DEVICES)
        message_id = await st.campaign(package_id, numbers(60))
        await until(st, package_id, message_id, "started", 30)
        # Every 100 ms for 2 s, the server ends every connection of the app, as a restart
        # of PostgreSQL or a network cut would.
        for _ in range(20):
            with killer.connect() as conn:
                dropped += len(
                    conn.execute(
                        text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = :name AND pid <> pg_backend_pid()"
                        ),
                        {"name": name},
                    ).all()
                )
            await asyncio.sleep(0.1)
        await assert_finishes(st, package_id, message_id, 60)
    killer.dispose()
    assert dropped > 0, "no connection of the app was ever dropped"
