"""Starting Spreader again in a new process, for a setting that applies at start (the
language): the command that started this process, from source or frozen.

The caller releases the data-folder lock first (``InstanceLock.release``) and spawns the new
process only then, so the new process takes the lock as a normal start does; this process
exits right after.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

from spreader_app.vault.handover import HANDED_KEY_FD_VAR, can_hand_over, key_pipe

RESTART_EXIT = 75
"""What the desktop session returns when the owner asked to restart (never a process exit
code: ``desktop.main`` turns it into a new process and exit code 0)."""


def restart_command(
    argv: Sequence[str] | None = None,
    *,
    executable: str | None = None,
    frozen: bool | None = None,
) -> list[str]:
    """The command line that starts Spreader as this process was started, with the same
    arguments: the frozen executable itself, else this Python running ``-m spreader_app``
    (the same whether it was started as ``spreader`` or ``python -m spreader_app``)."""
    args = list(sys.argv if argv is None else argv)[1:]
    python = sys.executable if executable is None else executable
    if getattr(sys, "frozen", False) if frozen is None else frozen:
        return [python, *args]
    return [python, "-m", "spreader_app", *args]


def spawn(command: Sequence[str], key: bytes | None = None) -> subprocess.Popen[bytes]:
    """Starts ``command`` as an independent process that outlives this one (its own session
    or process group, no inherited handles but the one below). Raises ``OSError`` when it
    cannot start.

    ``key``, the vault key this process unlocked, is handed to the new process through an
    inherited pipe (``vault.handover``) where the platform allows it, so it need not ask
    for the passphrase again."""
    if sys.platform == "win32":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS
        return subprocess.Popen(list(command), creationflags=flags, close_fds=True)
    if key is None or not can_hand_over():
        return subprocess.Popen(list(command), start_new_session=True, close_fds=True)
    pipe = key_pipe(key)
    try:
        return subprocess.Popen(
            list(command),
            start_new_session=True,
            close_fds=True,
            pass_fds=(pipe,),
            env={**os.environ, HANDED_KEY_FD_VAR: str(pipe)},
        )
    finally:
        os.close(pipe)
