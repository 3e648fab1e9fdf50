"""One engine per data folder: an OS lock held for the life of the process, and the way a
second start finds and wakes the first.

``InstanceLock.acquire`` takes an exclusive, non-blocking lock on ``spreader.lock`` in the
data folder before anything writes there (settings, logs, recovery, the database). The OS
drops the lock when the process ends however it ends, so a killed process never blocks the
next start. The lock file also says who holds it (process id, role, start time, the port a
second desktop start knocks on to bring the window to the front): a refused start names the
running process in its one-line message.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import socket
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Final

from spreader_app.config import data_folder
from spreader_app.core.errors import SpreaderError, StorageUnavailable
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Text
from spreader_app.paths import DATA_DIR_VAR

log = logging.getLogger(__name__)

LOCK_FILE_NAME: Final = "spreader.lock"
# Windows locks are mandatory: lock one byte far past the holder's description so a refused
# start can still read it. POSIX flock is advisory and covers the whole file.
_WINDOWS_LOCK_OFFSET: Final = 1 << 30
_KNOCK_TIMEOUT: Final = 3.0


@dataclass(frozen=True)
class Holder:
    """Who holds a data folder: written by the holder, read by a refused start."""

    pid: int
    role: str  # "desktop" or "serve"
    started: float  # POSIX seconds
    knock_port: int = 0  # a desktop's loopback port that brings its window to the front
    knock_token: str = ""

    def describe(self) -> Text:
        """Which process this is, as a sentence part (``str()`` is the English)."""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.started))
        if self.role == "desktop":
            template = QT_TRANSLATE_NOOP(
                "Instance", "the Spreader window (process {pid}, started {when})"
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Instance", "spreader serve (process {pid}, started {when})"
            )
        return Text("Instance", template, pid=self.pid, when=when)


class DataFolderInUse(SpreaderError):
    """Another Spreader process holds the data folder; ``holder`` is ``None`` when its
    description could not be read (it is still starting)."""

    code = "data_folder_in_use"
    http_status = 409

    def __init__(self, folder: Path, holder: Holder | None) -> None:
        who = (
            holder.describe()
            if holder
            else Text("Instance", QT_TRANSLATE_NOOP("Instance", "another Spreader process"))
        )
        super().__init__(
            Text(
                "Instance",
                QT_TRANSLATE_NOOP(
                    "Instance",
                    "The data folder {folder} is already used by {who}. Stop that one first, "
                    "or set {variable} to another folder for this one.",
                ),
                folder=str(folder),
                who=who,
                variable=DATA_DIR_VAR,
            )
        )
        self.folder = folder
        self.holder = holder


class InstanceLock:
    """The exclusive lock on one data folder; ``release`` (or the process's end) frees it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_FILE_NAME
        self._fd: int | None = None
        self._holder: Holder | None = None

    def acquire(self, role: str) -> None:
        """Takes the lock for ``role`` or raises ``DataFolderInUse`` at once (never waits).

        Raises ``OSError`` when the lock file cannot be created (read-only folder)."""
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)  # not inherited by children
        if not _try_lock(fd):
            os.close(fd)
            raise DataFolderInUse(self.folder, read_holder(self.path))
        self._fd = fd
        self._write(Holder(os.getpid(), role, time.time()))

    def announce_knock(self, port: int, token: str) -> None:
        """Records the port and token on which this process brings its window forward."""
        if self._holder is not None:
            self._write(replace(self._holder, knock_port=port, knock_token=token))

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        except OSError:  # the description is only a courtesy; the lock is what counts
            pass
        _unlock(fd)
        os.close(fd)

    def _write(self, holder: Holder) -> None:
        assert self._fd is not None
        data = json.dumps(asdict(holder)).encode()
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, data)
        self._holder = holder


def lock_data_folder(role: str, env: Mapping[str, str] | None = None) -> InstanceLock:
    """Locks this process's data folder for ``role`` before anything writes there.

    Raises ``DataFolderInUse`` when another process holds it, ``ConfigError`` when the
    folder cannot be created and ``StorageUnavailable`` when the lock file cannot be."""
    folder = data_folder(env)
    lock = InstanceLock(folder)
    try:
        lock.acquire(role)
    except OSError as exc:
        raise StorageUnavailable(
            Text(
                "Instance",
                QT_TRANSLATE_NOOP(
                    "Instance",
                    "The lock file in {folder} cannot be written ({error}). Make the data "
                    "folder writable, or set {variable} to one that is.",
                ),
                folder=str(folder),
                error=str(exc.strerror),
                variable=DATA_DIR_VAR,
            )
        ) from exc
    return lock


def read_holder(path: Path) -> Holder | None:
    """The holder described in the lock file at ``path``, ``None`` when it is empty or
    unreadable (a holder that is still starting, or a file from another version)."""
    try:
        raw = json.loads(path.read_bytes().decode("utf-8") or "null")
        return Holder(
            pid=int(raw["pid"]),
            role=str(raw["role"]),
            started=float(raw["started"]),
            knock_port=int(raw.get("knock_port", 0)),
            knock_token=str(raw.get("knock_token", "")),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def knock(holder: Holder) -> bool:
    """Asks a running desktop to bring its window to the front; ``True`` when it said yes."""
    if holder.role != "desktop" or not holder.knock_port:
        return False
    try:
        with socket.create_connection(("127.0.0.1", holder.knock_port), _KNOCK_TIMEOUT) as s:
            s.settimeout(_KNOCK_TIMEOUT)
            s.sendall(holder.knock_token.encode() + b"\n")
            return s.recv(16).startswith(b"ok")
    except OSError:
        return False


async def listen_for_knocks(lock: InstanceLock, on_knock: Callable[[], None]) -> asyncio.Server:
    """Serves knocks on a loopback port recorded in the lock file: a line with the right
    token calls ``on_knock`` and answers ``ok``; anything else is dropped."""
    token = secrets.token_urlsafe(16)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            line = await asyncio.wait_for(reader.readline(), _KNOCK_TIMEOUT)
            if secrets.compare_digest(line.strip(), token.encode()):
                log.info("another start asked to show the window")
                on_knock()
                writer.write(b"ok\n")
                await writer.drain()
        except OSError:  # includes the time-out: a silent knocker is dropped
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    lock.announce_knock(int(server.sockets[0].getsockname()[1]), token)
    return server


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
