"""What the benchmark sections share: the gateway process, a running engine, a package of
many devices, counting sends, and reading the process's memory and CPU time.

The engine runs as ``spreader serve`` does (real clock, dispatcher and API on the running
loop, SQLite in a temporary folder, or a new PostgreSQL database when ``DATABASE_ENV`` says
``postgresql``); the fake gateway runs in its own process so that its CPU time is not
charged to the engine.
"""

from __future__ import annotations

import asyncio
import atexit
import ctypes
import os
import random
import signal
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spreader_app.bootstrap import Container, build, settle_heap
from spreader_app.config import Settings
from spreader_app.core.events import DeliveryRecorded, Event
from spreader_app.core.models import DeliveryStatus
from spreader_app.server.runner import ApiServer
from spreader_app.vault.key_sources import MemoryKeySource
from tests.benchmarks.figures import percentile
from tests.campaign_data import FAST

if TYPE_CHECKING:
    from tests.postgres import PostgresServer
    from tests.serve_process import FakeProcess

API_KEY = "bench-api-key-0123456789abcdef"
DATABASE_ENV = "SPREADER_BENCH_DATABASE"
LATENCY_MS = 20.0
PROFILES = 50
_TICKS = os.sysconf("SC_CLK_TCK")


def devices(n: int) -> dict[str, str]:
    """``n`` gateway devices, uuid -> token, the same in the fake and in the profiles."""
    return {f"dev-{i:03d}": f"token-{i:03d}-abcdefgh" for i in range(n)}


@contextmanager
def gateway(devs: dict[str, str], latency_ms: float = LATENCY_MS) -> Iterator[FakeProcess]:
    """The fake gateway with ``devs`` in its own process, answering after ``latency_ms``."""
    # Imported here: the cold-start section imports this module, and its timed start-up
    # must not pay for the test processes' HTTP client.
    from tests.serve_process import start_fake

    fake = start_fake(devs, latency_ms=latency_ms, preexec_fn=_die_with_parent)
    try:
        yield fake
    finally:
        fake.stop()


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM when the benchmark dies, even by a crash, so no fake
    is left holding the section's output pipe open."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


_POSTGRES: list[PostgresServer] = []


def postgres() -> PostgresServer:
    """This process's PostgreSQL server (``tests.postgres``), started on first use and
    stopped with the process; raises ``RuntimeError`` when there is none."""
    if not _POSTGRES:
        from tests.postgres import PostgresServer, reason_unavailable, server_url

        url, cluster = server_url()
        if url is None:
            raise RuntimeError(reason_unavailable())
        server = PostgresServer(url)
        _POSTGRES.append(server)

        def close() -> None:
            server.close()
            if cluster is not None:
                cluster.stop()

        atexit.register(close)
    return _POSTGRES[0]


def database_url(data_dir: Path) -> str:
    """A new database for one engine: SQLite in ``data_dir``, or a new PostgreSQL database
    when ``DATABASE_ENV`` is ``postgresql``."""
    if os.environ.get(DATABASE_ENV, "sqlite") == "postgresql":
        return postgres().create_database()
    return f"sqlite:///{data_dir / 'spreader.db'}"


def settings_for(data_dir: Path, zentra_url: str, api_key: str = API_KEY) -> Settings:
    """Settings on a new database (``database_url``); port 0 lets the API pick a free port."""
    return Settings(
        data_dir=data_dir,
        database_url=database_url(data_dir),
        api_key=api_key,
        webhook_secret="bench-webhook-secret-0123456789",
        zentra_url=zentra_url,
        port=0,
        api_rate_limit_per_minute=100_000,
    )


@dataclass
class Engine:
    """What ``engine()`` yields: the started container, its API server and its data folder."""

    container: Container
    server: ApiServer
    data_dir: Path


def container_for(data_dir: Path, zentra_url: str, api_key: str = API_KEY) -> Container:
    """A container on a fresh database in ``data_dir`` with an in-memory vault key."""
    settings = settings_for(data_dir, zentra_url, api_key)
    return build(settings, key_source=MemoryKeySource(), rng=random.Random(1))


@asynccontextmanager
async def engine(zentra_url: str) -> AsyncIterator[Engine]:
    """A started container (dispatcher running) and its API on a free loopback port."""
    with tempfile.TemporaryDirectory(prefix="spreader-bench-") as tmp:
        data = Path(tmp)
        c = container_for(data, zentra_url)
        await c.start()
        server = ApiServer(c)
        await server.start("127.0.0.1", 0)
        settle_heap()  # as ``spreader serve`` does once it is up
        try:
            yield Engine(c, server, data)
        finally:
            await server.stop()
            await c.stop(timeout=5)


async def make_package(c: Container, devs: dict[str, str], **policy: Any) -> str:
    """A package with one profile per device; ``policy`` overrides ``FAST`` (caps as high
    as a package allows: the throughput figures measure the engine, not the rules)."""
    package = await c.packages.create({"name": "Bench", **FAST, **policy})
    for uuid, token in devs.items():
        body = {
            "name": uuid,
            "zentra_uuid": uuid,
            "zentra_api_token": token,
            "daily_message_limit": 100_000,
        }
        await c.profiles.create(package.id, body)
    return package.id


class SendCounter:
    """Counts Open Chat sends the engine records as ``sent`` (subscribe with ``attach``)."""

    def __init__(self) -> None:
        self.sent = 0
        self.other = 0

    def __call__(self, event: Event) -> None:
        if isinstance(event, DeliveryRecorded):
            if event.status is DeliveryStatus.SENT:
                self.sent += 1
            else:
                self.other += 1

    async def wait_for(self, n: int, timeout: float) -> None:
        """Returns once ``n`` sends are recorded; raises ``TimeoutError`` after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while self.sent < n:
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"only {self.sent} of {n} sends (and {self.other} other outcomes) "
                    f"within {timeout:.0f} s"
                )
            await asyncio.sleep(0.02)


@dataclass
class LoopLag:
    """How late a ``period``-second asyncio sleep wakes up: the loop's responsiveness."""

    period: float = 0.01
    lags_ms: list[float] = field(default_factory=list)

    async def run(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while (before := time.perf_counter()) < end:
            await asyncio.sleep(self.period)
            self.lags_ms.append(max(0.0, (time.perf_counter() - before - self.period) * 1000))

    @property
    def p99(self) -> float:
        return percentile(self.lags_ms, 99)


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process (MB), from ``/proc``."""
    return _status_kb(pid, "VmRSS") / 1024


def peak_rss_mb(pid: int | str = "self") -> float:
    """The highest resident memory the process has had (MB)."""
    return _status_kb(pid, "VmHWM") / 1024


def _status_kb(pid: int | str, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return float(line.split()[1])
    raise RuntimeError(f"/proc/{pid}/status has no {key}")


def cpu_seconds(pid: int | str = "self") -> float:
    """User plus system CPU time a process has used so far, all threads (s)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS
