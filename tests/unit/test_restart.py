"""Restart now: the same command line starts again, and only after this process let go of
the data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from spreader_app import desktop
from spreader_app.instance import DataFolderInUse, lock_data_folder
from spreader_app.restart import RESTART_EXIT, restart_command, spawn
from spreader_app.vault.handover import KeyHandover


def test_restart_command_from_source_runs_the_package_with_the_same_arguments() -> None:
    command = restart_command(
        ["/usr/bin/spreader", "--self-test"], executable="/usr/bin/python3", frozen=False
    )

    assert command == ["/usr/bin/python3", "-m", "spreader_app", "--self-test"]


def test_restart_command_of_the_frozen_app_runs_the_executable_itself() -> None:
    command = restart_command(["Spreader.exe"], executable="C:/Spreader/Spreader.exe", frozen=True)

    assert command == ["C:/Spreader/Spreader.exe"]


def test_restart_starts_the_new_process_after_the_lock_is_released(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPREADER_DATA_DIR", str(tmp_path))
    started: list[list[str]] = []

    def new_process(command: list[str], key: bytes | None = None) -> None:
        # What the new process does first: take the data folder's lock.
        lock_data_folder("desktop").release()
        started.append(command)

    def window_asks_to_restart(lock: object, handover: object) -> int:
        with pytest.raises(DataFolderInUse):
            lock_data_folder("desktop")  # held while the window runs
        return RESTART_EXIT

    monkeypatch.setattr(desktop, "_open_window", window_asks_to_restart)
    monkeypatch.setattr(desktop, "spawn", new_process)

    assert desktop.main() == 0
    assert started == [restart_command()]


def test_quit_does_not_start_a_new_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPREADER_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(desktop, "_open_window", lambda lock, handover: 0)
    monkeypatch.setattr(desktop, "spawn", lambda command, key=None: pytest.fail("restarted"))

    assert desktop.main() == 0


def test_spawned_process_runs_the_command(tmp_path: Path) -> None:
    marker = tmp_path / "started"
    child = spawn([sys.executable, "-c", f"open({str(marker)!r}, 'w').write('yes')"])

    assert child.wait(timeout=30) == 0
    assert marker.read_text() == "yes"


def test_restart_hands_the_unlocked_key_to_the_new_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPREADER_DATA_DIR", str(tmp_path))
    handed: list[bytes | None] = []

    def window_unlocked_then_restarts(lock: object, handover: KeyHandover) -> int:
        handover.key = b"the-unlocked-vault-key"
        return RESTART_EXIT

    monkeypatch.setattr(desktop, "_open_window", window_unlocked_then_restarts)
    monkeypatch.setattr(desktop, "spawn", lambda command, key=None: handed.append(key))

    assert desktop.main() == 0
    assert handed == [b"the-unlocked-vault-key"]
