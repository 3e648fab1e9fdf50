"""The database engine and the one awaitable seam through which all database work runs.

``Database.run(fn)`` executes ``fn(session)`` inside one short transaction on a single
dedicated thread. SQLite then sees one writer, connections never cross threads, and the
event loop never blocks on disk.
"""

from __future__ import annotations

import asyncio
import itertools
import queue
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Result, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from spreader_app.core.errors import StorageUnavailable
from spreader_app.storage.checkpointer import BACKSTOP_PAGES, Checkpointer

T = TypeVar("T")
INSTANCE_OPTION = "spreader_instance"
# How long a transaction waits for a lock held elsewhere before it fails, on either database.
LOCK_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # NORMAL is durable across application crashes in WAL mode; only an OS crash or power
    # loss can lose the last transactions, which the recovery rules then mark uncertain.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={LOCK_TIMEOUT_MS}")
    # 32 MB of page cache (the default is 2 MB): a campaign's queue and its indexes stay in
    # memory, so a dispatch round reads no pages back from disk.
    cur.execute("PRAGMA cache_size=-32000")
    # The checkpointer thread empties the log; a commit checkpoints only if it falls behind.
    cur.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # As SQLite's busy timeout: a lock held elsewhere fails the transaction after 5 s (a
    # clear 503, the engine retries) instead of stalling the one database thread for good.
    options = f"-c lock_timeout={LOCK_TIMEOUT_MS}"
    return create_engine(url, pool_pre_ping=True, connect_args={"options": options})


def instance_of(conn: Connection) -> str | None:
    """The engine instance whose ``Database`` opened ``conn``: it stamps the gateway calls
    it makes, so that only its own become ``uncertain`` if it dies."""
    value = conn.get_execution_options().get(INSTANCE_OPTION)
    return None if value is None else str(value)


def affected(result: Result[Any]) -> int:
    """Rows changed by an UPDATE or DELETE."""
    return int(getattr(result, "rowcount", 0) or 0)


def storage_error(exc: OperationalError) -> StorageUnavailable:
    """Turns a driver error into words the owner can act on."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered or "lock timeout" in lowered:
        hint = "Another program is holding the database. Close it and try again."
    elif "readonly" in lowered or "read-only" in lowered:
        hint = "The data folder is read-only. Make it writable or set SPREADER_DATA_DIR."
    elif "disk" in lowered and "full" in lowered:
        hint = "The disk is full. Free some space; queued work resumes by itself."
    elif "unable to open" in lowered:
        hint = "The database file cannot be opened. Check SPREADER_DATA_DIR and permissions."
    elif "connect" in lowered or "connection" in lowered or "authentication" in lowered:
        hint = (
            "The database server cannot be reached. Check that it is running and that "
            "SPREADER_DATABASE_URL names the right host, port, database, user and password."
        )
    else:
        hint = "The database could not be written."
    return StorageUnavailable(f"{hint} ({text})", details={"driver_error": text})


class Database:
    """Owns the engine, the session factory, the one database thread and, for a database
    file, the thread that checkpoints its write-ahead log.

    Work is queued for that thread; ``urgent`` work (Reply Chat) goes ahead of anything
    still waiting, so a reply waits at most for the transaction already running.
    """

    def __init__(self, url: str, *, instance_id: str | None = None) -> None:
        self.url = url
        # This process's engine instance on the database (several may share a PostgreSQL).
        self.instance_id = instance_id or str(uuid.uuid4())
        self.engine = make_engine(url)
        bound = self.engine.execution_options(**{INSTANCE_OPTION: self.instance_id})
        self._sessions = sessionmaker(bound, expire_on_commit=False)
        self._queue: queue.PriorityQueue[_Job] = queue.PriorityQueue()
        self._seq = itertools.count()
        self._thread = threading.Thread(target=self._work, name="spreader-db", daemon=True)
        self._thread.start()
        path = self.engine.url.database
        self._checkpointer: Checkpointer | None = None
        if url.startswith("sqlite") and path and path != ":memory:":
            self._checkpointer = Checkpointer(path)
            self._checkpointer.start()

    def run_sync(self, fn: Callable[[Session], T]) -> T:
        """Runs ``fn`` in one transaction on the calling thread (start-up and tests only)."""
        try:
            with self._sessions.begin() as session:
                return fn(session)
        except OperationalError as exc:
            raise storage_error(exc) from exc

    async def run(self, fn: Callable[[Session], T], *, urgent: bool = False) -> T:
        """Runs ``fn(session)`` in one transaction on the database thread.

        Commits when ``fn`` returns, rolls back when it raises. Driver failures (locked,
        read-only, disk full) surface as ``StorageUnavailable`` with a plain-words message.
        """
        return await self.submit(fn, urgent=urgent)

    def submit(self, fn: Callable[[Session], T], *, urgent: bool = False) -> asyncio.Future[T]:
        """Queues ``fn`` as ``run`` does, now, and returns the future of its result: work
        queued later with the same or lower urgency runs after it. Call on the event loop."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._queue.put(_Job(0 if urgent else 1, next(self._seq), fn, loop, future))
        return future

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job.fn is None:
                return
            try:
                result: Any = self.run_sync(job.fn)
            except BaseException as exc:  # handed to the awaiting coroutine, not swallowed
                job.loop.call_soon_threadsafe(_settle, job.future, None, exc)
            else:
                job.loop.call_soon_threadsafe(_settle, job.future, result, None)

    def close(self) -> None:
        """Finishes the queued work, stops the thread and releases the connections."""
        if self._thread.is_alive():
            self._queue.put(_Job(2, next(self._seq), None, None, None))
            self._thread.join()
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self.engine.dispose()


@dataclass(order=True)
class _Job:
    priority: int
    seq: int
    fn: Any = field(compare=False)
    loop: Any = field(compare=False)
    future: Any = field(compare=False)


def _settle(future: asyncio.Future[Any], result: Any, exc: BaseException | None) -> None:
    if future.cancelled():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(result)
