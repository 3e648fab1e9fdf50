"""The database becomes unusable under a running campaign: locked by another program, on a
full disk, on a read-only file system. The owner gets a clear 503 saying what is wrong, the
file is never damaged, and the campaign finishes by itself once the fault clears."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import event

from spreader_app.bootstrap import build
from spreader_app.core.errors import StorageUnavailable
from spreader_app.vault.key_sources import MemoryKeySource
from tests.campaign_data import numbers
from tests.reliability.conftest import (
    Stack,
    TinyFs,
    devices,
    fill,
    integrity,
    live_stack,
    mounted_tmpfs,
    query,
    stack_settings,
)
from tests.serve_process import API_KEY, ROOT, WEBHOOK_SECRET

DEVICES = devices(2)
HOOK = f"/webhooks/zentra/{WEBHOOK_SECRET}"


def short_busy_wait(stack: Stack, ms: int = 300) -> None:
    """SQLite waits 5 s for a lock before giving up; the tests wait 0.3 s, same code path."""

    def pragma(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA busy_timeout={ms}")

    event.listen(stack.container.db.engine, "connect", pragma)
    stack.container.db.engine.dispose()


async def until(stack: Stack, package_id: str, message_id: str, check: str, timeout: float) -> None:
    """Polls the message (real time: the stack runs on the real clock) until ``check``."""
    deadline = time.monotonic() + timeout
    while True:
        m = await stack.message(package_id, message_id)
        if (check == "started" and m["sent_count"] >= 3) or (
            check == "finished" and m["finished_at"] is not None
        ):
            return
        assert time.monotonic() < deadline, f"the campaign never {check}: {m}"
        await asyncio.sleep(0.05)


async def assert_refused(stack: Stack, package_id: str, hint: str) -> None:
    """A new campaign and a webhook both get 503 with the reason in words."""
    body = {"text": "More", "recipients": numbers(2000, 50_000)}
    r = await stack.client.post(f"/api/v1/packages/{package_id}/messages/open", json=body)
    assert r.status_code == 503, r.text
    error = r.json()["error"]
    assert error["code"] == "storage_unavailable" and hint in error["message"], error
    print(f"\n503: {error['message']}")
    hook = await stack.client.post(HOOK, json={"device_uuid": "dev-0", "text": "x" * 200_000})
    assert hook.status_code == 503, hook.text
    assert hint in hook.json()["error"]["message"]


async def assert_finishes(stack: Stack, package_id: str, message_id: str, size: int) -> None:
    await until(stack, package_id, message_id, "finished", 90)
    done = await stack.message(package_id, message_id)
    assert done["sent_count"] == size and done["processed_count"] == size
    delivered = Counter(m.recipient for m in stack.fake.received)
    assert len(delivered) == size and max(delivered.values()) == 1


async def test_storage_locked_database_answers_503_and_resumes(tmp_path: Path) -> None:
    async with live_stack(tmp_path, latency=0.05) as st:
        short_busy_wait(st)
        package_id = await st.package(DEVICES)
        message_id = await st.campaign(package_id, numbers(40))
        await until(st, package_id, message_id, "started", 30)
        holder = sqlite3.connect(st.file, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            await assert_refused(st, package_id, "Another program is holding the database")
            # Reading still works, so the owner can see what is going on.
            assert (await st.client.get("/api/v1/packages")).status_code == 200
            await asyncio.sleep(1.5)  # answers keep arriving while nothing can be written
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        await assert_finishes(st, package_id, message_id, 40)
    assert integrity(st.file) == "ok"


class FullDisk:
    """Fills the disk under the data folder: a tmpfs filled to the brim where this process
    may mount one, else SQLite's page limit pinned at the database's size, which fails the
    same way ("database or disk is full")."""

    def __init__(self, folder: Path, fs: TinyFs | None) -> None:
        self.folder, self.fs = folder, fs
        self._filler: Path | None = None

    def fill(self, stack: Stack) -> None:
        if self.fs is not None:
            # Writes that fit in the write-ahead log's file space, already allocated, still
            # succeed on a full disk (and lose nothing): empty the log first, so the next
            # write needs new space, as on a disk that filled up while the log was short.
            _truncate_log(stack.file)
            self._filler = fill(self.folder)
        else:
            pages = query(stack.file, "PRAGMA page_count")[0][0]
            _pin_pragma(stack, f"max_page_count={pages}")

    def clear(self, stack: Stack) -> None:
        if self._filler is not None:
            self._filler.unlink()
        else:
            _pin_pragma(stack, "max_page_count=1073741823")


def _truncate_log(db: Path) -> None:
    # TRUNCATE waits (busy handler, up to the timeout) for the writer and readers to finish.
    conn = sqlite3.connect(db, timeout=30)
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    assert not busy, "the write-ahead log could not be emptied"


def _pin_pragma(stack: Stack, pragma: str) -> None:
    def apply(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA {pragma}")

    event.listen(stack.container.db.engine, "connect", apply)
    stack.container.db.engine.dispose()


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[FullDisk]:
    with mounted_tmpfs(tmp_path / "disk") as fs:
        yield FullDisk(tmp_path / "disk", fs)


async def test_storage_full_disk_answers_503_and_resumes(full_disk: FullDisk) -> None:
    async with live_stack(full_disk.folder, latency=0.05) as st:
        package_id = await st.package(DEVICES)
        message_id = await st.campaign(package_id, numbers(60))
        await until(st, package_id, message_id, "started", 30)
        full_disk.fill(st)
        try:
            await assert_refused(st, package_id, "The disk is full")
            await asyncio.sleep(1.5)
        finally:
            full_disk.clear(st)
        await assert_finishes(st, package_id, message_id, 60)
    assert integrity(st.file) == "ok"


def _remount_read_only(st: Stack, fs: TinyFs) -> None:
    # The kernel refuses while a file is open for writing: close the pooled connections
    # and try again until no database call is in progress.
    for _ in range(100):
        st.container.db.engine.dispose()
        try:
            fs.remount("ro")
            return
        except AssertionError:
            time.sleep(0.01)
    raise AssertionError("the file system stayed busy")


async def test_storage_read_only_folder_answers_503_and_resumes(tiny_fs: TinyFs) -> None:
    async with live_stack(tiny_fs.path, latency=0.05) as st:
        package_id = await st.package(DEVICES)
        message_id = await st.campaign(package_id, numbers(40))
        await until(st, package_id, message_id, "started", 30)
        _remount_read_only(st, tiny_fs)
        try:
            await assert_refused(st, package_id, "database")
            await asyncio.sleep(1.5)
        finally:
            tiny_fs.remount("rw")
        await assert_finishes(st, package_id, message_id, 40)
    assert integrity(st.file) == "ok"


@pytest.fixture(params=["no log folder yet", "log folder made"])
def read_only_data(request: pytest.FixtureRequest, tiny_fs: TinyFs) -> Iterator[Path]:
    """A data folder holding a database with a package, then made read-only."""
    if request.param == "log folder made":
        (tiny_fs.path / "logs").mkdir()
    container = build(
        stack_settings(tiny_fs.path, "http://127.0.0.1:9/v1"), key_source=MemoryKeySource()
    )

    async def setup() -> None:
        await container.start(dispatch=False)
        await container.packages.create({"name": "Shop"})
        await container.stop()

    asyncio.run(setup())
    tiny_fs.remount("ro")
    try:
        yield tiny_fs.path
    finally:
        tiny_fs.remount("rw")
        assert integrity(tiny_fs.path / "spreader.db") == "ok"
        assert query(tiny_fs.path / "spreader.db", "SELECT count(*) FROM packages")[0][0] == 1


def test_storage_read_only_folder_at_start_is_one_clear_error(read_only_data: Path) -> None:
    with pytest.raises(StorageUnavailable, match="database"):
        build(stack_settings(read_only_data, "http://127.0.0.1:9/v1"), key_source=MemoryKeySource())
    env = {
        "SPREADER_DATA_DIR": str(read_only_data),
        "SPREADER_PORT": "9",
        "SPREADER_API_KEY": API_KEY,
        "SPREADER_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "SPREADER_MASTER_KEY": Fernet.generate_key().decode(),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-m", "spreader_app", "serve"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Logging error" not in done.stderr, done.stderr
    assert done.stderr.startswith("spreader: ") and "SPREADER_DATA_DIR" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
