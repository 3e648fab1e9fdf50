"""``spreader serve`` and the fake gateway as real processes, for the black-box suites.

``Processes`` starts both for one test and ends every one of them afterwards; the API key and
webhook secret every served process runs with are ``API_KEY`` and ``WEBHOOK_SECRET``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]
API_KEY = "blackbox-api-key-0123456789"
WEBHOOK_SECRET = "blackbox-webhook-secret-0123456789"
# Lines that must never reach stderr in a clean run.
ALARMING = ("Traceback", " ERROR ", " CRITICAL ", "Task exception", "Unhandled", "Exception in")


def free_port() -> int:
    """A loopback TCP port nothing listened on a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    """Polls ``check`` (real time: these are real processes) until true; raises
    ``AssertionError`` naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@dataclass
class FakeProcess:
    """``python -m tests.fakes.fake_zentra`` in its own process, serving at ``url``."""

    proc: subprocess.Popen[str]
    url: str

    @property
    def pid(self) -> int:
        return self.proc.pid

    def report(self) -> dict[str, list[dict[str, Any]]]:
        """Everything the fake received and every attempt (``GET /__received``)."""
        root = self.url.removesuffix("/v1")
        r = httpx.get(f"{root}/__received", timeout=30)
        r.raise_for_status()
        return dict(r.json())

    def set_device_state(self, device: str, state: str) -> None:
        """Switches ``device`` to ``connected``, ``disconnected`` or ``banned``."""
        root = self.url.removesuffix("/v1")
        body = {"device": device, "state": state}
        httpx.post(f"{root}/__device_state", json=body, timeout=30).raise_for_status()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@dataclass
class ServeProcess:
    """One ``spreader serve`` on ``data_dir``, restartable; ``env`` adds variables.

    ``stderr-<n>.txt`` in ``data_dir`` keeps what the n-th run logged (``logs``).
    """

    data_dir: Path
    zentra_url: str
    port: int = field(default_factory=free_port)
    master_key: str = field(default_factory=lambda: Fernet.generate_key().decode())
    env: dict[str, str] = field(default_factory=dict)
    # What runs after ``python``: ``spreader serve``, or a stand-in such as
    # ``tests.fakes.scaled_serve``.
    command: tuple[str, ...] = ("-m", "spreader_app", "serve")
    proc: subprocess.Popen[bytes] | None = None
    logs: list[Path] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db(self) -> Path | str:
        """Its database: the SQLite file in the data folder, or ``SPREADER_DATABASE_URL``."""
        return self.env.get("SPREADER_DATABASE_URL") or self.data_dir / "spreader.db"

    @property
    def pid(self) -> int:
        assert self.proc is not None, "not running"
        return self.proc.pid

    def client(self, **kwargs: Any) -> httpx.Client:
        """A client on the API with the key; ``kwargs`` go to ``httpx.Client``."""
        headers = {"X-API-Key": API_KEY}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60, **kwargs)

    def environment(self) -> dict[str, str]:
        """The environment every run of this process gets (no ``SPREADER_*`` of ours)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("SPREADER_")}
        return env | {
            "SPREADER_DATA_DIR": str(self.data_dir),
            "SPREADER_PORT": str(self.port),
            "SPREADER_ZENTRA_URL": self.zentra_url,
            "SPREADER_API_KEY": API_KEY,
            "SPREADER_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "SPREADER_MASTER_KEY": self.master_key,
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }

    def start(self) -> None:
        """Starts the process and returns once ``/health`` answers (up to 90 s); raises
        ``AssertionError`` with its log if it exits before that."""
        err = self.data_dir / f"stderr-{len(self.logs) + 1}.txt"
        self.logs.append(err)
        with err.open("wb") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, *self.command],
                cwd=ROOT,
                env=self.environment(),
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        wait_until(self._healthy, 90, f"spreader serve on port {self.port}")

    def run_refused(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """Runs ``spreader <args>`` on this data folder to its end (60 s at most), with
        ``env`` added; for starts that are expected to give up."""
        return subprocess.run(
            [sys.executable, "-m", "spreader_app", *args],
            cwd=ROOT,
            env=self.environment() | env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def _healthy(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"spreader serve exited early:\n{self.stderr()}")
        try:
            return httpx.get(f"{self.url}/health", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> int:
        """Sends ``sig``, waits for the process (up to 90 s) and returns its exit code
        (``-sig`` when the signal killed it)."""
        assert self.proc is not None
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout=90)
        self.proc = None
        return code

    def stderr(self) -> str:
        """What every run so far logged to stderr, in order."""
        return "\n".join(p.read_text(errors="replace") for p in self.logs if p.exists())


def start_fake(
    devs: Mapping[str, str],
    *,
    latency_ms: float = 0,
    faults: Mapping[str, float] = {},
    preexec_fn: Callable[[], None] | None = None,
) -> FakeProcess:
    """A fake gateway process knowing ``devs`` (UUID → token) that answers after
    ``latency_ms``; ``faults`` maps a fault kind to the share of sends it spoils, drawn from
    a fixed seed so a run's faults repeat. The caller stops it."""
    args = [sys.executable, "-m", "tests.fakes.fake_zentra", "--port", "0", "--seed", "3"]
    args += ["--latency-ms", str(latency_ms)]
    for uuid, token in devs.items():
        args += ["--device", f"{uuid}:{token}"]
    for kind, rate in faults.items():
        args += ["--fault", f"{kind}:{rate}"]
    proc = subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.PIPE, text=True, preexec_fn=preexec_fn
    )
    assert proc.stdout is not None
    fake = FakeProcess(proc, proc.stdout.readline().strip())
    if not fake.url.startswith("http://"):
        fake.stop()
        raise AssertionError(f"the fake gateway did not start: {fake.url!r}")
    return fake


@dataclass
class Processes:
    """Starts processes for one test in ``tmp_path`` and ends every one of them on
    ``close``."""

    tmp_path: Path
    # Every serve's database; "": SQLite in its own data folder.
    database_url: str = ""
    fakes: list[FakeProcess] = field(default_factory=list)
    serves: list[ServeProcess] = field(default_factory=list)

    def fake(
        self,
        devs: Mapping[str, str],
        *,
        latency_ms: float = 0,
        faults: Mapping[str, float] = {},
    ) -> FakeProcess:
        """``start_fake`` for this test, ended by ``close``."""
        fake = start_fake(devs, latency_ms=latency_ms, faults=faults)
        self.fakes.append(fake)
        return fake

    def serve(self, fake: FakeProcess, **env: str) -> ServeProcess:
        """A ``spreader serve`` on ``fake`` in a new data folder, not started yet; ``env``
        adds ``SPREADER_*`` variables."""
        data = self.tmp_path / f"data-{len(self.serves)}"
        data.mkdir()
        if self.database_url:
            env = {"SPREADER_DATABASE_URL": self.database_url, **env}
        serve = ServeProcess(data, fake.url, env=dict(env))
        self.serves.append(serve)
        return serve

    def close(self) -> None:
        for serve in self.serves:
            if serve.proc is not None:
                serve.stop(signal.SIGKILL)
        for fake in self.fakes:
            fake.stop()
