"""``QuickTunnel``: a ``cloudflared`` quick tunnel to the local webhook, owned by the app.

It starts the child, reads the public address (the metrics endpoint's ``/quicktunnel``,
else the address the child prints), watches the child, restarts it with back-off when it
dies, and ends it on ``stop()`` (see ``child`` for how it never outlives the app).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import socket
import subprocess
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Final

import aiohttp

from spreader_app.core.clock import Clock
from spreader_app.core.receiving import TunnelPhase, TunnelState
from spreader_app.tunnel import child
from spreader_app.tunnel.address import base_from_line, base_from_metrics

log = logging.getLogger(__name__)

BACKOFF_SECONDS: Final = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
# A run that lasted this long was healthy: the next failure starts the back-off again.
STABLE_SECONDS: Final = 120.0
START_SECONDS: Final = 30.0
POLL_SECONDS: Final = 0.25
STATE_FILE: Final = "tunnel.json"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class _RunEnded(Exception):
    """One run of the child ended; the message says why, for the owner."""


def free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class QuickTunnel:
    """Implements ``core.receiving.TunnelControl``.

    ``tool()`` finds ``cloudflared`` at each start (``None``: not installed);
    ``local_url()`` is the address to forward to. ``on_change`` gets every new state, on
    the loop's thread. While running, ``state_file`` holds ``{"public_url", "pid"}`` for
    ``spreader webhook test`` in another process. ``allow_loopback`` accepts an
    ``http://127.0.0.1:port`` address from a stand-in tunnel (tests only).
    """

    def __init__(
        self,
        tool: Callable[[], Path | None],
        local_url: Callable[[], str],
        clock: Clock,
        on_change: Callable[[TunnelState], None],
        *,
        state_file: Path | None = None,
        allow_loopback: bool = False,
        start_seconds: float = START_SECONDS,
    ) -> None:
        self._tool = tool
        self._local_url = local_url
        self._clock = clock
        self._on_change = on_change
        self._state_file = state_file
        self._allow_loopback = allow_loopback
        self._start_seconds = start_seconds
        self._task: asyncio.Task[None] | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._state: TunnelState | None = None
        # The address of the last run, this process's or an earlier one's (the one the
        # gateway may still have): a different one is news for the owner.
        self._last_url = _last_address(state_file, allow_loopback)

    @property
    def state(self) -> TunnelState:
        if self._state is not None:
            return self._state
        found = self._tool() is not None
        return TunnelState(TunnelPhase.STOPPED if found else TunnelPhase.NOT_INSTALLED)

    @property
    def pid(self) -> int | None:
        """The running child's process id (tests check it is gone after a stop)."""
        return self._proc.pid if self._proc is not None else None

    def start(self) -> None:
        if self._task is not None and not self._task.done():
            return
        tool = self._tool()
        if tool is None:
            self._set(TunnelState(TunnelPhase.NOT_INSTALLED))
            return
        self._task = asyncio.get_running_loop().create_task(self._run(tool), name="tunnel")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._state = None
        self._on_change(self.state)

    def _set(self, state: TunnelState) -> None:
        self._state = state
        self._on_change(state)

    async def _run(self, tool: Path) -> None:
        failures = 0
        while True:
            started = self._clock.monotonic()
            try:
                reason = await self._run_once(tool)
            except _RunEnded as exc:
                reason = str(exc)
            except OSError as exc:
                reason = f"cloudflared could not be started ({exc.strerror or exc})."
            if self._clock.monotonic() - started >= STABLE_SECONDS:
                failures = 0
            delay = BACKOFF_SECONDS[min(failures, len(BACKOFF_SECONDS) - 1)]
            failures += 1
            log.warning("tunnel stopped: %s; starting again in %.0f s", reason, delay)
            self._set(TunnelState(TunnelPhase.FAILED, retry_in=delay, detail=reason))
            await self._clock.sleep(delay)

    async def _run_once(self, tool: Path) -> str:
        """One run of the child: returns (or raises ``_RunEnded``) with why it ended."""
        loop = asyncio.get_running_loop()
        metrics = f"127.0.0.1:{free_loopback_port()}"
        self._set(TunnelState(TunnelPhase.STARTING))
        # Started on the loop's thread: the child's death signal follows this thread.
        proc = child.spawn(child.tunnel_command(tool, self._local_url(), metrics))
        self._proc = proc
        exited: asyncio.Future[int] = loop.create_future()
        said: deque[str] = deque(maxlen=20)
        reader = threading.Thread(
            target=_read_output, args=(proc, loop, said, exited), daemon=True, name="tunnel-log"
        )
        reader.start()
        try:
            base = await self._address(metrics, said, exited)
            changed = bool(self._last_url) and base != self._last_url
            self._last_url = base
            log.info("tunnel running: public address %s", base)
            self._set(TunnelState(TunnelPhase.RUNNING, public_url=base, changed=changed))
            self._write_state(base)
            code = await exited
            return f"cloudflared stopped (exit code {code}){_last_error(said)}."
        finally:
            self._proc = None
            self._write_state("")
            await loop.run_in_executor(None, child.end, proc)

    async def _address(self, metrics: str, said: deque[str], exited: asyncio.Future[int]) -> str:
        """The public address, as soon as the child tells it."""
        deadline = self._clock.monotonic() + self._start_seconds
        timeout = aiohttp.ClientTimeout(total=1.0)
        async with aiohttp.ClientSession(timeout=timeout) as http:
            while True:
                if exited.done():
                    raise _RunEnded(
                        f"cloudflared exited before it had a public address "
                        f"(exit code {exited.result()}){_last_error(said)}."
                    )
                for line in list(said):
                    found = base_from_line(line, allow_loopback=self._allow_loopback)
                    if found:
                        return found
                found = await self._from_metrics(http, metrics)
                if found:
                    return found
                if self._clock.monotonic() >= deadline:
                    raise _RunEnded(
                        f"cloudflared gave no public address within {self._start_seconds:.0f} s"
                        f"{_last_error(said)}."
                    )
                await self._clock.sleep(POLL_SECONDS)

    async def _from_metrics(self, http: aiohttp.ClientSession, metrics: str) -> str | None:
        try:
            async with http.get(f"http://{metrics}/quicktunnel") as answer:
                body = await answer.read() if answer.status == 200 else b""
        except (aiohttp.ClientError, TimeoutError):
            return None  # not listening yet
        return base_from_metrics(body, allow_loopback=self._allow_loopback)

    def _write_state(self, base: str) -> None:
        """``{"public_url", "pid", "last"}``: the running address (``""`` when stopped) and
        the last one there was, kept across runs."""
        if self._state_file is None:
            return
        data = {"public_url": base, "pid": os.getpid(), "last": self._last_url}
        try:
            temp = self._state_file.with_suffix(".tmp")
            temp.write_text(json.dumps(data))
            os.replace(temp, self._state_file)
        except OSError as exc:
            log.warning("cannot write %s: %s", self._state_file, exc.strerror)


def _read_output(
    proc: subprocess.Popen[bytes],
    loop: asyncio.AbstractEventLoop,
    said: deque[str],
    exited: asyncio.Future[int],
) -> None:
    """The reader thread: keeps the child's last lines and reports its exit to the loop."""
    assert proc.stdout is not None
    try:
        with contextlib.suppress(OSError, ValueError):
            for raw in proc.stdout:
                # External text: control characters out, length bounded, before it is read.
                line = _CONTROL.sub(" ", raw.decode("utf-8", "replace"))[:500].strip()
                loop.call_soon_threadsafe(said.append, line)
        loop.call_soon_threadsafe(_settle, exited, proc.wait())
    except RuntimeError:
        pass  # the loop is closed: nobody is waiting any more


def _settle(exited: asyncio.Future[int], code: int) -> None:
    if not exited.done():
        exited.set_result(code)


def _last_error(said: deque[str]) -> str:
    """``": <what cloudflared last said went wrong>"`` without its time stamp, or ``""``."""
    errors = [line for line in said if " ERR " in line or "error" in line.lower()]
    if not errors:
        return ""
    message = errors[-1].partition(" ERR ")[2] or errors[-1]
    return f": {message.strip()[:300]}"


def _read_state(path: Path | None) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _last_address(path: Path | None, allow_loopback: bool) -> str:
    last = _read_state(path).get("last")
    if not isinstance(last, str):
        return ""
    return last if base_from_line(last, allow_loopback=allow_loopback) == last else ""


def read_state_file(path: Path) -> str:
    """The public address a running Spreader's tunnel has (``""`` when none): the state
    file is trusted only while the process that wrote it is alive."""
    data = _read_state(path)
    base, pid = data.get("public_url"), data.get("pid")
    if not isinstance(base, str) or not base or not isinstance(pid, int):
        return ""
    try:
        os.kill(pid, 0)
    except OSError:
        return ""
    return base
