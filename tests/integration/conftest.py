"""Black-box fixtures: the fake gateway and ``spreader serve`` as subprocesses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.serve_process import FakeProcess, Processes, ServeProcess

Spawn = Callable[..., tuple[FakeProcess, ServeProcess]]


@pytest.fixture
def spawn(tmp_path: Path, backend: str, database_url: str) -> Iterator[Spawn]:
    """Starts a fake gateway with ``devices`` (and ``faults``: kind -> share of sends) and a
    ``spreader serve`` on it; cleans up both.

    On PostgreSQL the served process gets ``SPREADER_DATABASE_URL``; on SQLite it keeps the
    file in its own data folder."""
    procs = Processes(tmp_path)
    env = {"SPREADER_DATABASE_URL": database_url} if backend == "postgresql" else {}

    def make(
        devices: dict[str, str], latency_ms: float = 0, faults: dict[str, float] | None = None
    ) -> tuple[FakeProcess, ServeProcess]:
        fake = procs.fake(devices, latency_ms=latency_ms, faults=faults or {})
        serve = procs.serve(fake, **env)
        serve.start()
        return fake, serve

    try:
        yield make
    finally:
        procs.close()
