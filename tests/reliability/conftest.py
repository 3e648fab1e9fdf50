"""Reliability fixtures: real processes (``spreader serve`` and the fake gateway, from
``tests.serve_process``), an in-process stack on the real clock, a tiny file system that can
fill up or turn read-only, and read-only looks into a live database.

``slow`` tests (the long variants) are skipped unless ``-m`` names ``slow``.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from spreader_app.bootstrap import Container, build
from spreader_app.config import Settings
from spreader_app.core.clock import SystemClock
from spreader_app.server.runner import ApiServer
from spreader_app.vault.key_sources import MemoryKeySource
from tests.campaign_data import FAST
from tests.fakes.fake_zentra import FakeZentra
from tests.serve_process import API_KEY, WEBHOOK_SECRET, Processes


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("slow") and "slow" not in (item.config.option.markexpr or ""):
        pytest.skip("long variant: run with -m slow")


def devices(n: int) -> dict[str, str]:
    """``n`` device UUIDs and their tokens."""
    return {f"dev-{i}": f"token-{i}-reliability" for i in range(n)}


def query(db: Path | str, sql: str, *args: object) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (``?`` placeholders) from a connection closed at once, so it never
    holds a lock while the server writes. ``db`` is an SQLite file (opened read-only) or a
    database URL (``ServeProcess.db``, ``Stack.db``)."""
    if isinstance(db, Path):
        lite = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return lite.execute(sql, args).fetchall()
        finally:
            lite.close()
    names = iter(range(len(args)))
    statement = text(re.sub(r"\?", lambda _: f":p{next(names)}", sql))
    engine = create_engine(db, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(statement, {f"p{i}": a for i, a in enumerate(args)})
            return [tuple(row) for row in rows]
    finally:
        engine.dispose()


def integrity(db: Path) -> str:
    """``PRAGMA integrity_check`` of the database file (``ok`` when sound)."""
    return str(query(db, "PRAGMA integrity_check")[0][0])


def rss_kib(pid: int) -> int:
    """Resident memory of process ``pid`` in KiB, from ``/proc/<pid>/status``."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmRSS for process {pid}")


# --- processes ---------------------------------------------------------------------------


@pytest.fixture
def processes(tmp_path: Path, backend: str, database_url: str) -> Iterator[Processes]:
    """Starts fake gateways and ``spreader serve`` processes for one test, on the test's
    database (SQLite in each data folder, or its PostgreSQL database); ends them all."""
    procs = Processes(tmp_path, database_url=database_url if backend == "postgresql" else "")
    try:
        yield procs
    finally:
        procs.close()


def create_package(
    c: httpx.Client, devs: Mapping[str, str], **policy: Any
) -> tuple[str, dict[str, str]]:
    """A package (``FAST`` unless ``policy`` says otherwise) with one profile per device,
    through the API; returns its id and device UUID → profile id."""
    r = c.post("/api/v1/packages", json={"name": "Shop", **FAST, **policy})
    assert r.status_code == 201, r.text
    package_id = str(r.json()["id"])
    profiles = {}
    for uuid, token in devs.items():
        body = {"name": uuid, "zentra_uuid": uuid, "zentra_api_token": token}
        r = c.post(f"/api/v1/packages/{package_id}/profiles", json=body)
        assert r.status_code == 201, r.text
        profiles[uuid] = str(r.json()["id"])
    return package_id, profiles


# --- an in-process stack on the real clock ------------------------------------------------


@dataclass
class Stack:
    """A container on the real clock with its dispatcher running, its API on a real
    loopback socket, an API client and the in-process fake gateway."""

    container: Container
    server: ApiServer
    client: httpx.AsyncClient
    fake: FakeZentra

    @property
    def file(self) -> Path:
        """The SQLite database file (the stack must be on SQLite)."""
        db = self.db
        assert isinstance(db, Path), f"not on SQLite: {db}"
        return db

    @property
    def db(self) -> Path | str:
        """The SQLite file, or the URL of another database (for ``query``)."""
        url = self.container.settings.database_url
        return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:") else url

    async def package(self, devs: Mapping[str, str], **policy: Any) -> str:
        r = await self.client.post("/api/v1/packages", json={"name": "Shop", **FAST, **policy})
        assert r.status_code == 201, r.text
        package_id = str(r.json()["id"])
        for uuid, token in devs.items():
            self.fake.add_device(uuid, token)
            body = {"name": uuid, "zentra_uuid": uuid, "zentra_api_token": token}
            r = await self.client.post(f"/api/v1/packages/{package_id}/profiles", json=body)
            assert r.status_code == 201, r.text
        return package_id

    async def campaign(self, package_id: str, recipients: list[str]) -> str:
        body = {"text": "Sale", "recipients": recipients}
        r = await self.client.post(f"/api/v1/packages/{package_id}/messages/open", json=body)
        assert r.status_code == 202, r.text
        return str(r.json()["message_id"])

    async def message(self, package_id: str, message_id: str) -> dict[str, Any]:
        r = await self.client.get(f"/api/v1/packages/{package_id}/messages/{message_id}")
        assert r.status_code == 200, r.text
        return dict(r.json())


def stack_settings(data_dir: Path, zentra_url: str, database_url: str = "") -> Settings:
    """Settings of the in-process stack on ``data_dir``.

    The API rate limit is lifted so that polling a long campaign never runs into it. Only
    here: a served process keeps the default (600 requests a minute), which the load test's
    burst must run into. ``database_url`` defaults to ``spreader.db`` in ``data_dir``.
    """
    return Settings(
        data_dir=data_dir,
        database_url=database_url or f"sqlite:///{data_dir / 'spreader.db'}",
        api_key=API_KEY,
        webhook_secret=WEBHOOK_SECRET,
        zentra_url=zentra_url,
        api_rate_limit_per_minute=100_000,
    )


@contextlib.asynccontextmanager
async def live_stack(
    data_dir: Path, *, latency: float = 0.0, database_url: str = ""
) -> AsyncIterator[Stack]:
    """A ``Stack`` on ``data_dir`` (and ``database_url``, see ``stack_settings``); stops
    everything on the way out."""
    async with FakeZentra(latency=latency) as fake:
        container = build(
            stack_settings(data_dir, fake.url, database_url),
            clock=SystemClock(),
            key_source=MemoryKeySource(),
            rng=random.Random(11),
        )
        await container.start()
        server = ApiServer(container)
        await server.start("127.0.0.1", 0)
        headers = {"X-API-Key": API_KEY}
        try:
            async with httpx.AsyncClient(base_url=server.url, headers=headers, timeout=60) as c:
                yield Stack(container, server, c, fake)
        finally:
            await server.stop()
            await container.stop(timeout=5)


# --- a tiny file system -------------------------------------------------------------------


def _run(*args: str) -> bool:
    return subprocess.run(args, capture_output=True).returncode == 0


@dataclass
class TinyFs:
    """A tmpfs of a few MiB mounted at ``path``: it fills up, and can turn read-only."""

    path: Path

    def remount(self, *options: str) -> None:
        if not _run("mount", "-o", ",".join(("remount", *options)), str(self.path)):
            raise AssertionError(f"cannot remount {self.path} with {options}")


@contextlib.contextmanager
def mounted_tmpfs(path: Path) -> Iterator[TinyFs | None]:
    """A 16 MiB tmpfs at ``path`` (created), or ``None`` where this process may not mount
    one (not root, not Linux); unmounted on the way out."""
    path.mkdir()
    if sys.platform != "linux" or not _run(
        "mount", "-t", "tmpfs", "-o", "size=16M", "tmpfs", str(path)
    ):
        yield None
        return
    try:
        yield TinyFs(path)
    finally:
        # Lazy: a file a failed test left open must not keep the mount alive.
        _run("umount", "-l", str(path))


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[TinyFs]:
    """A 16 MiB tmpfs; skipped where this process may not mount one."""
    with mounted_tmpfs(tmp_path / "tinyfs") as fs:
        if fs is None:
            pytest.skip("mounting a tmpfs needs root on Linux")
        yield fs


def fill(folder: Path, leave_kib: int = 0) -> Path:
    """Fills the file system of ``folder`` up to ``leave_kib`` KiB free; returns the filler."""
    filler = folder / "filler.bin"
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize - leave_kib * 1024
    with filler.open("wb") as f:
        chunk = b"\0" * (1024 * 1024)
        while free > 0:
            try:
                f.write(chunk[: min(free, len(chunk))])
                f.flush()
            except OSError:
                break
            free -= len(chunk)
    return filler
