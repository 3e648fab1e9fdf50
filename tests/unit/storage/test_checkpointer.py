"""The checkpointer moves committed transactions from the write-ahead log into the database
file by itself, so no writer's commit has to, and it stops when asked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from spreader_app.storage.checkpointer import Checkpointer
from spreader_app.storage.database import Database
from tests.serve_process import wait_until


def _in_main_file(path: Path) -> int:
    """Rows of ``t`` in the database file alone: ``immutable`` readers ignore the log."""
    with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM t").fetchone()[0])
        except sqlite3.OperationalError:  # the table itself is still only in the log
            return 0


def test_checkpointer_copies_committed_rows_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "spreader.db"
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")  # only the checkpointer may copy
    writer.execute("CREATE TABLE t (x INTEGER)")
    writer.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(500)])
    writer.commit()
    assert _in_main_file(path) == 0

    checkpointer = Checkpointer(str(path), interval=0.01)
    checkpointer.start()
    try:
        wait_until(lambda: _in_main_file(path) == 500, 10, "the rows in the database file")
    finally:
        checkpointer.stop()
        writer.close()


def test_checkpointer_stop_is_final_and_repeatable(tmp_path: Path) -> None:
    checkpointer = Checkpointer(str(tmp_path / "spreader.db"), interval=0.01)
    checkpointer.start()
    checkpointer.stop()
    checkpointer.stop()
    assert not checkpointer._thread.is_alive()


def test_database_file_is_checkpointed_without_a_writer_doing_it(tmp_path: Path) -> None:
    path = tmp_path / "spreader.db"
    db = Database(f"sqlite:///{path}")
    try:
        db.run_sync(lambda s: s.connection().exec_driver_sql("CREATE TABLE t (x INTEGER)"))
        for i in range(20):  # far below the writers' own checkpoint limit
            db.run_sync(
                lambda s, i=i: s.connection().exec_driver_sql(f"INSERT INTO t VALUES ({i})")
            )
        wait_until(lambda: _in_main_file(path) == 20, 10, "the rows in the database file")
    finally:
        db.close()
