"""Handing the unlocked vault key to the process that Restart now starts, so an owner who
unlocked a passphrase vault is not asked for the passphrase again after changing the
language.

The key never appears on a command line or in an environment variable (both are readable
by other programs of the same user through ``ps`` and ``/proc``): the restarting process
writes it into a pipe, and the new process inherits only the pipe's read end
(``subprocess``'s ``pass_fds``; every other descriptor is closed). The environment carries
the descriptor's number alone. The new process reads the key once, closes the pipe, and
uses the key only when it opens this data folder's vault (``PassphraseStore.opens``);
otherwise it asks for the passphrase as on any start.

On Windows handles are inherited differently (``STARTUPINFO`` handle lists); there the
restart asks for the passphrase again, as before.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from cryptography.fernet import Fernet

log = logging.getLogger("spreader")

HANDED_KEY_FD_VAR: Final = "SPREADER_HANDED_KEY_FD"
_MAX_KEY = 256


@dataclass
class KeyHandover:
    """What a closing desktop session hands to the next process: the vault key the owner
    unlocked with a passphrase, or ``None`` when the next start finds its key itself (a
    variable, the OS keyring)."""

    key: bytes | None = None


def can_hand_over() -> bool:
    """Whether this platform passes an inherited pipe to a new process (POSIX)."""
    return sys.platform != "win32"


def key_pipe(key: bytes) -> int:
    """A pipe holding ``key`` and then closed for writing; returns its read end (inheritable
    only where it is passed on: ``pass_fds``). The caller closes it once the new process has
    started."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, key)  # far below a pipe's buffer: never blocks
    finally:
        os.close(write_end)
    return read_end


def take_handed_key(env: Mapping[str, str]) -> bytes | None:
    """The key a restarting process handed over (``HANDED_KEY_FD_VAR`` names the pipe), read
    once and the pipe closed; ``None`` when none was handed or it is not a vault key. The
    variable is removed from this process's environment, so nothing it starts later looks
    for a pipe that is gone."""
    value = env.get(HANDED_KEY_FD_VAR, "")
    os.environ.pop(HANDED_KEY_FD_VAR, None)
    if not value.isdigit():
        return None
    fd = int(value)
    try:
        chunks: list[bytes] = []
        while chunk := os.read(fd, _MAX_KEY):
            chunks.append(chunk)
            if sum(map(len, chunks)) > _MAX_KEY:
                return None
    except OSError as exc:
        log.warning("The vault key handed over by the restart could not be read: %s", exc)
        return None
    finally:
        try:
            os.close(fd)
        except OSError:
            pass
    key = b"".join(chunks)
    try:
        Fernet(key)
    except ValueError:
        return None
    return key
