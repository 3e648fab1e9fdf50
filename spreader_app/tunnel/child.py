"""The ``cloudflared`` child process: found, started tied to this process, and ended.

A tunnel left running after Spreader is gone would keep a public address pointing at a
port that something else may take next, so the child must never outlive the app:

- Linux: the child asks the kernel for SIGTERM when its parent dies (``PR_SET_PDEATHSIG``),
  which also covers ``SIGKILL`` and crashes of the app. The signal follows the *thread*
  that started the child, so ``spawn`` must be called on a long-lived thread (the event
  loop's), never on a pool worker.
- Everywhere: an ``atexit`` hook ends the children still running at a normal exit.
- Windows: the child goes into a Job object created with ``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE``
  (``winjob.py``); the system ends it when the app's handle to the job closes, crash included.
  A child that cannot be put there is ended at once: no tunnel rather than an orphan.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

TOOL: Final = "cloudflared"
STOP_SECONDS: Final = 5.0
_PR_SET_PDEATHSIG: Final = 1
_LIVE: weakref.WeakSet[subprocess.Popen[bytes]] = weakref.WeakSet()


def find_tool(configured: str = "", path: str | None = None) -> Path | None:
    """The ``cloudflared`` to run: ``configured`` when it names an executable file, else the
    first one on ``PATH`` (``path`` overrides the variable); ``None`` when there is none."""
    if configured:
        chosen = Path(configured).expanduser()
        return chosen if chosen.is_file() and os.access(chosen, os.X_OK) else None
    found = shutil.which(TOOL, path=path)
    return Path(found) if found else None


def tunnel_command(tool: Path, local_url: str, metrics: str) -> list[str]:
    """The quick-tunnel command line: forward to ``local_url``, metrics on ``metrics``."""
    return [
        str(tool),
        "tunnel",
        "--no-autoupdate",
        "--url",
        local_url,
        "--metrics",
        metrics,
    ]


def _die_with_parent(parent: int) -> Callable[[], None]:
    def tie() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        # The parent may have died between fork and prctl: then nobody would signal us.
        if os.getppid() != parent:
            os._exit(1)

    return tie


def spawn(argv: Sequence[str]) -> subprocess.Popen[bytes]:
    """Starts ``argv`` with its output (stdout and stderr together) piped, tied to this process
    as described above. Raises ``OSError`` when it cannot be started."""
    tie = _die_with_parent(os.getpid()) if sys.platform.startswith("linux") else None
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=tie,  # noqa: PLW1509 - async-signal-safe enough: one prctl call
        creationflags=flags,
    )
    if sys.platform == "win32":
        _tie_on_windows(proc)
    _LIVE.add(proc)
    return proc


def _tie_on_windows(proc: subprocess.Popen[bytes]) -> None:
    from spreader_app.tunnel import winjob

    try:
        winjob.adopt(int(proc._handle))  # type: ignore[attr-defined]  # Windows-only attribute
    except OSError:
        end(proc, timeout=1.0)
        raise


def end(proc: subprocess.Popen[bytes], timeout: float = STOP_SECONDS) -> int:
    """Ends ``proc``: SIGTERM (cloudflared closes its connections), SIGKILL after
    ``timeout`` seconds; returns its exit code. Blocking: call it off the event loop."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    _LIVE.discard(proc)
    if proc.stdout is not None:
        proc.stdout.close()
    return int(proc.returncode)


@atexit.register
def _end_all() -> None:
    for proc in list(_LIVE):
        end(proc, timeout=1.0)
