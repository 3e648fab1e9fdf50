"""The data-folder lock: exclusive, named, freed by release, and the knock that brings a
running window forward only for the holder's own token."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from spreader_app.config import ConfigError
from spreader_app.instance import (
    LOCK_FILE_NAME,
    DataFolderInUse,
    InstanceLock,
    knock,
    listen_for_knocks,
    lock_data_folder,
    read_holder,
)


def test_a_second_lock_on_the_folder_is_refused_naming_the_first(tmp_path: Path) -> None:
    first = lock_data_folder("serve", {"SPREADER_DATA_DIR": str(tmp_path)})
    try:
        with pytest.raises(DataFolderInUse) as refused:
            InstanceLock(tmp_path).acquire("desktop")
        assert refused.value.holder is not None
        assert refused.value.holder.role == "serve"
        assert "spreader serve (process" in refused.value.message
        assert "SPREADER_DATA_DIR" in refused.value.message
    finally:
        first.release()
    again = InstanceLock(tmp_path)
    again.acquire("desktop")  # free once released
    again.release()


def test_an_unreadable_description_still_refuses_with_a_plain_name(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path)
    first.acquire("serve")
    try:
        (tmp_path / LOCK_FILE_NAME).write_bytes(b"\x00garbage")
        assert read_holder(tmp_path / LOCK_FILE_NAME) is None
        with pytest.raises(DataFolderInUse, match="another Spreader process"):
            InstanceLock(tmp_path).acquire("serve")
    finally:
        first.release()


def test_a_folder_that_cannot_be_created_says_how_to_choose_another(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ConfigError, match="SPREADER_DATA_DIR"):
        lock_data_folder("serve", {"SPREADER_DATA_DIR": str(blocker / "data")})


async def test_knock_shows_the_window_only_with_the_holders_token(tmp_path: Path) -> None:
    lock = InstanceLock(tmp_path)
    lock.acquire("desktop")
    shown: list[bool] = []
    server = await listen_for_knocks(lock, lambda: shown.append(True))
    try:
        holder = read_holder(lock.path)
        assert holder is not None and holder.knock_port > 0
        assert not await asyncio.to_thread(knock, replace(holder, knock_token="wrong"))
        assert shown == []
        assert await asyncio.to_thread(knock, holder)
        assert shown == [True]
        assert not await asyncio.to_thread(knock, replace(holder, role="serve"))
    finally:
        server.close()
        await server.wait_closed()
        lock.release()
