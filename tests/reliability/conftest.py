"""Reliability fixtures: real processes (``spreader serve`` and the fake gateway), an
in-process stack on the real clock, a tiny file system that can fill up or turn read-only,
and read-only looks into a live database.

``slow`` tests (the long variants) are skipped unless ``-m`` names ``slow``.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.fernet import Fernet

from spreader_app.bootstrap import Container, build
from spreader_app.config import Settings
from spreader_app.core.clock import SystemClock
from spreader_app.server.runner import ApiServer
from spreader_app.vault.key_sources import MemoryKeySource
from tests.fakes.fake_zentra import FakeZentra
from tests.integration.conftest import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "reliability-api-key-0123456789"
WEBHOOK_SECRET = "reliability-webhook-secret-0123456789"
# A package that sends as fast as the gateway answers, at any hour.
FAST: dict[str, Any] = {
    "timezone": "UTC",
    "active_hours_start": "00:00",
    "active_hours_end": "00:00",
    "cooldown_seconds": 0,
    "max_messages_per_profile_per_hour": 10_000,
    "max_messages_per_profile_per_day": 100_000,
}


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("slow") and "slow" not in (item.config.option.markexpr or ""):
        pytest.skip("long variant: run with -m slow")


def numbers(n: int, start: int = 0) -> list[str]:
    """Distinct valid Egyptian mobile numbers in E.164."""
    return [f"+2010{start + i:08d}" for i in range(n)]


def devices(n: int) -> dict[str, str]:
    """``n`` device UUIDs and their tokens."""
    return {f"dev-{i}": f"token-{i}-reliability" for i in range(n)}


def query(db: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` from a read-only connection, closed at once so it never holds a lock
    (the server may be writing at the same time)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


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


@dataclass
class FakeProcess:
    """``python -m tests.fakes.fake_zentra`` in its own process."""

    proc: subprocess.Popen[str]
    url: str

    def report(self) -> dict[str, list[dict[str, Any]]]:
        """Everything the fake received and every attempt (``GET /__received``)."""
        root = self.url.removesuffix("/v1")
        r = httpx.get(f"{root}/__received", timeout=30)
        r.raise_for_status()
        return dict(r.json())

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@dataclass
class ServeProcess:
    """One ``spreader serve`` on ``data_dir``, restartable; ``env`` adds variables."""

    data_dir: Path
    zentra_url: str
    port: int = field(default_factory=free_port)
    master_key: str = field(default_factory=lambda: Fernet.generate_key().decode())
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None
    logs: list[Path] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db(self) -> Path:
        return self.data_dir / "spreader.db"

    @property
    def pid(self) -> int:
        assert self.proc is not None, "not running"
        return self.proc.pid

    def client(self, **kwargs: Any) -> httpx.Client:
        headers = {"X-API-Key": API_KEY}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60, **kwargs)

    def start(self, *, wait: bool = True) -> None:
        err = self.data_dir / f"stderr-{len(self.logs) + 1}.txt"
        self.logs.append(err)
        env = {k: v for k, v in os.environ.items() if not k.startswith("SPREADER_")}
        env |= {
            "SPREADER_DATA_DIR": str(self.data_dir),
            "SPREADER_PORT": str(self.port),
            "SPREADER_ZENTRA_URL": self.zentra_url,
            "SPREADER_API_KEY": API_KEY,
            "SPREADER_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "SPREADER_MASTER_KEY": self.master_key,
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        with err.open("wb") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "spreader_app", "serve"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        if wait:
            wait_until(self._healthy, 90, f"spreader serve on port {self.port}")

    def _healthy(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"spreader serve exited early:\n{self.stderr()}")
        try:
            return httpx.get(f"{self.url}/health", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    def wait(self, timeout: float = 90) -> int:
        assert self.proc is not None
        code = self.proc.wait(timeout=timeout)
        self.proc = None
        return code

    def signal(self, sig: signal.Signals) -> int:
        """Sends ``sig`` and returns the exit code."""
        assert self.proc is not None
        self.proc.send_signal(sig)
        return self.wait()

    def stderr(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in self.logs if p.exists())


@dataclass
class Processes:
    """Starts processes for one test and ends every one of them afterwards."""

    tmp_path: Path
    fakes: list[FakeProcess] = field(default_factory=list)
    serves: list[ServeProcess] = field(default_factory=list)

    def fake(
        self, devs: Mapping[str, str], *, latency_ms: float = 0, faults: Mapping[str, float] = {}
    ) -> FakeProcess:
        args = [sys.executable, "-m", "tests.fakes.fake_zentra", "--port", "0", "--seed", "3"]
        args += ["--latency-ms", str(latency_ms)]
        for uuid, token in devs.items():
            args += ["--device", f"{uuid}:{token}"]
        for kind, rate in faults.items():
            args += ["--fault", f"{kind}:{rate}"]
        proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        fake = FakeProcess(proc, url)
        self.fakes.append(fake)
        assert url.startswith("http://"), f"the fake gateway did not start: {url!r}"
        return fake

    def serve(self, fake: FakeProcess, **env: str) -> ServeProcess:
        data = self.tmp_path / f"data-{len(self.serves)}"
        data.mkdir()
        serve = ServeProcess(data, fake.url, env=dict(env))
        self.serves.append(serve)
        return serve

    def close(self) -> None:
        for serve in self.serves:
            if serve.proc is not None:
                serve.proc.kill()
                serve.wait()
        for fake in self.fakes:
            fake.stop()


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    procs = Processes(tmp_path)
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
    def db(self) -> Path:
        return self.container.settings.data_dir / "spreader.db"

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


def stack_settings(data_dir: Path, zentra_url: str) -> Settings:
    return Settings(
        data_dir=data_dir,
        database_url=f"sqlite:///{data_dir / 'spreader.db'}",
        api_key=API_KEY,
        webhook_secret=WEBHOOK_SECRET,
        zentra_url=zentra_url,
        api_rate_limit_per_minute=100_000,
    )


@contextlib.asynccontextmanager
async def live_stack(data_dir: Path, *, latency: float = 0.0) -> AsyncIterator[Stack]:
    """A ``Stack`` on ``data_dir``; stops everything on the way out."""
    async with FakeZentra(latency=latency) as fake:
        container = build(
            stack_settings(data_dir, fake.url),
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
