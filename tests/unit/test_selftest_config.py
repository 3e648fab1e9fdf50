"""The self-test's checks of the owner's configuration fail exactly when the app could not
start with it, or could not read the device tokens it saved, and change nothing."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from spreader_app.bootstrap import build
from spreader_app.config import load_settings
from spreader_app.selftest import run_self_test
from spreader_app.selftest_config import CheckFailed, ConfiguredChecks
from spreader_app.vault.key_sources import MemoryKeySource
from spreader_app.vault.passphrase import PassphraseStore

KEY = Fernet.generate_key()
PASSPHRASE = "copper lantern orchard tide"


@pytest.fixture(autouse=True)
def _without_keyring(no_keyring: None) -> None:
    """These checks are about machines without an OS keyring."""


def save_a_profile(folder: Path, key: bytes) -> None:
    """A data folder as the app leaves it: settings, database, one profile's token."""

    async def run() -> None:
        settings = load_settings({"SPREADER_DATA_DIR": str(folder)})
        c = build(settings, key_source=MemoryKeySource(key))
        await c.start(dispatch=False)
        package = await c.packages.create({"name": "Shop"})
        body = {"name": "Phone", "zentra_uuid": "dev-1", "zentra_api_token": "token-1-abcdefgh"}
        await c.profiles.create(package.id, body)
        await c.stop(timeout=5)

    asyncio.run(run())


def checks(folder: Path, **env: str) -> ConfiguredChecks:
    c = ConfiguredChecks({"SPREADER_DATA_DIR": str(folder), **env})
    c.settings()
    c.database()
    return c


def test_configured_vault_opens_tokens_with_the_right_key_only(tmp_path: Path) -> None:
    save_a_profile(tmp_path, KEY)
    assert checks(tmp_path, SPREADER_MASTER_KEY=KEY.decode()).vault() == (
        "SPREADER_MASTER_KEY: opens the stored device tokens"
    )
    other = Fernet.generate_key().decode()
    with pytest.raises(CheckFailed, match="not the key they were saved with"):
        checks(tmp_path, SPREADER_MASTER_KEY=other).vault()
    with pytest.raises(CheckFailed, match="no key to read them is configured"):
        checks(tmp_path).vault()


def test_configured_vault_with_a_passphrase(tmp_path: Path) -> None:
    key = PassphraseStore(tmp_path).create(PASSPHRASE)
    save_a_profile(tmp_path, key)
    assert "the window asks for it" in checks(tmp_path).vault()
    ok = checks(tmp_path, SPREADER_VAULT_PASSPHRASE=PASSPHRASE).vault()
    assert ok == "SPREADER_VAULT_PASSPHRASE: opens the stored device tokens"
    with pytest.raises(Exception, match="not the one"):
        checks(tmp_path, SPREADER_VAULT_PASSPHRASE=PASSPHRASE + "s").vault()


def test_configured_checks_on_a_first_start_create_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    c = ConfiguredChecks({"SPREADER_DATA_DIR": str(folder)})
    assert "made at the first start" in c.settings()
    assert "no database yet" in c.database()
    assert "window asks for a new passphrase" in c.vault()
    assert "GNOME Keyring or KWallet" in c.vault()
    assert not folder.exists()


@pytest.mark.gui
def test_selftest_fails_when_the_app_could_not_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({"port": "not a port"}))
    monkeypatch.setenv("SPREADER_DATA_DIR", str(folder))
    lines: list[str] = []

    code = run_self_test(base_dir=tmp_path, emit=lines.append)

    assert code == 1
    failed = [line for line in lines if line.startswith("FAIL ")]
    assert failed[0].startswith("FAIL configured settings: ")
    assert "'port'" in failed[0]
    assert "FAIL configured vault: not run: the settings cannot be loaded" in "\n".join(lines)
