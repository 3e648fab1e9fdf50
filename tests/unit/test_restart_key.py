"""Restart now after unlocking a passphrase vault: the new process gets the key through an
inherited pipe, not the passphrase dialog, and never through its command line or
environment."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from spreader_app import desktop
from spreader_app.config import Settings
from spreader_app.restart import spawn
from spreader_app.vault.handover import HANDED_KEY_FD_VAR, key_pipe, take_handed_key
from spreader_app.vault.key_sources import MemoryKeySource
from spreader_app.vault.passphrase import PassphraseStore
from spreader_app.vault.vault import Vault

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes only")

PASSPHRASE = "copper lantern orchard river"
CHILD = """
import json, os, sys
from spreader_app.vault.handover import HANDED_KEY_FD_VAR, take_handed_key
fd = os.environ.get(HANDED_KEY_FD_VAR, "")
key = take_handed_key(os.environ)
with open(sys.argv[1], "w") as out:
    json.dump({
        "key": key.decode() if key else None,
        "argv": sys.argv,
        "environ": dict(os.environ),
        "fd": fd,
        "fd_still_open": os.path.exists(f"/proc/self/fd/{fd}") if fd else False,
        "left_in_environ": HANDED_KEY_FD_VAR in os.environ,
    }, out)
"""


def settings_for(folder: Path) -> Settings:
    return Settings(
        data_dir=folder,
        database_url=f"sqlite:///{folder / 'spreader.db'}",
        api_key="test-api-key-0123456789abcdef",
        webhook_secret="test-webhook-secret-0123456789",
    )


def test_the_new_process_reads_the_key_from_a_pipe_and_nowhere_else(tmp_path: Path) -> None:
    key = Fernet.generate_key()
    report = tmp_path / "child.json"

    child = spawn([sys.executable, "-c", CHILD, str(report)], key)

    assert child.wait(timeout=60) == 0
    seen = json.loads(report.read_text())
    assert seen["key"] == key.decode()
    assert key.decode() not in json.dumps(seen["argv"])
    assert all(key.decode() not in value for value in seen["environ"].values())
    assert seen["fd"].isdigit()
    assert not seen["fd_still_open"] and not seen["left_in_environ"]


def test_a_restart_without_a_key_hands_nothing(tmp_path: Path) -> None:
    report = tmp_path / "child.json"

    assert spawn([sys.executable, "-c", CHILD, str(report)]).wait(timeout=60) == 0

    assert json.loads(report.read_text())["key"] is None


def test_a_handed_key_that_opens_the_vault_unlocks_it_without_asking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = PassphraseStore(tmp_path).create(PASSPHRASE)
    token = Vault(MemoryKeySource(key)).encrypt("token-abc-123")

    async def never_asked(store: PassphraseStore) -> bytes | None:
        raise AssertionError("the passphrase was asked again")

    monkeypatch.setattr(desktop, "ask_passphrase", never_asked)
    env = {HANDED_KEY_FD_VAR: str(key_pipe(key))}

    source = asyncio.run(desktop.open_vault(settings_for(tmp_path), env))

    assert isinstance(source, MemoryKeySource)
    assert Vault(source).decrypt(token) == "token-abc-123"


def test_a_handed_key_of_another_vault_is_refused_and_the_passphrase_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    PassphraseStore(tmp_path).create(PASSPHRASE)
    asked: list[PassphraseStore] = []

    async def owner_cancels(store: PassphraseStore) -> bytes | None:
        asked.append(store)
        return None

    monkeypatch.setattr(desktop, "ask_passphrase", owner_cancels)
    env = {HANDED_KEY_FD_VAR: str(key_pipe(Fernet.generate_key()))}

    assert asyncio.run(desktop.open_vault(settings_for(tmp_path), env)) is None
    assert len(asked) == 1


def test_only_a_readable_vault_key_is_taken(tmp_path: Path) -> None:
    assert take_handed_key({}) is None
    assert take_handed_key({HANDED_KEY_FD_VAR: "not a number"}) is None
    assert take_handed_key({HANDED_KEY_FD_VAR: str(key_pipe(b"x" * 44))}) is None
