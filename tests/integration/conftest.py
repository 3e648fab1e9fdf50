"""Processes for black-box tests: the fake gateway and ``spreader serve`` as subprocesses."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "blackbox-api-key-0123456789"
WEBHOOK_SECRET = "blackbox-webhook-secret-0123456789"
# Lines that must never reach stderr in a clean run.
ALARMING = ("Traceback", " ERROR ", " CRITICAL ", "Task exception", "Unhandled", "Exception in")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    """Polls ``check`` (real time: these are real processes) until true or ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@dataclass
class Serve:
    """One ``spreader serve`` process on ``data_dir``; ``stderr`` is everything it logged."""

    data_dir: Path
    port: int
    zentra_url: str
    master_key: str
    proc: subprocess.Popen[bytes] | None = None
    runs: int = 0
    logs: list[Path] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"X-API-Key": API_KEY}, timeout=30)

    def start(self) -> None:
        self.runs += 1
        err = self.data_dir / f"stderr-{self.runs}.txt"
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
        }
        with err.open("wb") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "spreader_app", "serve"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        wait_until(self._healthy, 60, f"spreader serve on port {self.port}")

    def _healthy(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"spreader serve exited early:\n{self.stderr()}")
        try:
            return httpx.get(f"{self.url}/health", timeout=1).status_code == 200
        except httpx.TransportError:
            return False

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> int:
        """Sends ``sig`` and returns the exit code."""
        assert self.proc is not None
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout=60)
        self.proc = None
        return code

    def stderr(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in self.logs if p.exists())


@dataclass
class Fake:
    proc: subprocess.Popen[str]
    url: str


def start_fake(devices: dict[str, str], latency_ms: float = 0) -> Fake:
    args = [sys.executable, "-m", "tests.fakes.fake_zentra", "--port", "0"]
    args += ["--latency-ms", str(latency_ms)]
    for uuid, token in devices.items():
        args += ["--device", f"{uuid}:{token}"]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    assert url.startswith("http://"), f"the fake gateway did not start: {url!r}"
    return Fake(proc, url)


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Callable[..., tuple[Fake, Serve]]]:
    """Starts a fake gateway with ``devices`` and a ``spreader serve`` on it; cleans up both."""
    started: list[tuple[Fake, Serve]] = []

    def make(devices: dict[str, str], latency_ms: float = 0) -> tuple[Fake, Serve]:
        fake = start_fake(devices, latency_ms)
        serve = Serve(
            tmp_path / f"data-{len(started)}", free_port(), fake.url, Fernet.generate_key().decode()
        )
        serve.data_dir.mkdir()
        started.append((fake, serve))
        serve.start()
        return fake, serve

    yield make
    for fake, serve in started:
        if serve.proc is not None:
            serve.proc.kill()
            serve.proc.wait()
        fake.proc.terminate()
        fake.proc.wait(timeout=30)
        if fake.proc.stdout is not None:
            fake.proc.stdout.close()
