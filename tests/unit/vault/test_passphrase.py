"""The passphrase store: the same passphrase gives the same key, any other is refused before a
token is touched, and a folder locked with a passphrase never falls through to a keyring."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spreader_app.core.errors import VaultUnavailable
from spreader_app.vault.key_sources import default_key_chain
from spreader_app.vault.passphrase import (
    MIN_LENGTH,
    PASSPHRASE_VAR,
    PassphraseStore,
    WrongPassphrase,
    weakness,
)
from spreader_app.vault.vault import Vault

GOOD = "copper lantern orchard tide"


def test_the_same_passphrase_unlocks_the_same_key_and_another_is_refused(
    tmp_path: Path,
) -> None:
    store = PassphraseStore(tmp_path)
    key = store.create(GOOD)
    assert PassphraseStore(tmp_path).unlock(GOOD) == key
    assert PassphraseStore(tmp_path).unlock(f"  {GOOD} ") == key  # stray spaces forgiven
    with pytest.raises(WrongPassphrase, match="not the one"):
        store.unlock(GOOD.upper())
    assert GOOD not in (tmp_path / "vault.json").read_text()
    assert key.decode() not in (tmp_path / "vault.json").read_text()


def test_a_second_store_never_replaces_the_first(tmp_path: Path) -> None:
    PassphraseStore(tmp_path).create(GOOD)
    with pytest.raises(FileExistsError):
        PassphraseStore(tmp_path).create("another long passphrase here")


def test_a_damaged_store_says_to_restore_it(tmp_path: Path) -> None:
    (tmp_path / "vault.json").write_text("{not json")
    with pytest.raises(VaultUnavailable, match="Restore it from a backup"):
        PassphraseStore(tmp_path).unlock(GOOD)


def test_a_locked_folder_needs_its_passphrase_to_start_without_a_window(
    tmp_path: Path,
) -> None:
    key = PassphraseStore(tmp_path).create(GOOD)
    with pytest.raises(VaultUnavailable, match=PASSPHRASE_VAR):
        Vault(default_key_chain({}, tmp_path)).load()
    with pytest.raises(WrongPassphrase):
        Vault(default_key_chain({PASSPHRASE_VAR: "wrong but long enough"}, tmp_path)).load()
    chain = default_key_chain({PASSPHRASE_VAR: GOOD}, tmp_path)
    assert chain.load() == key and chain.name == "passphrase"


@settings(max_examples=200)
@given(st.text(max_size=40))
def test_a_passphrase_accepted_as_strong_is_long_and_varied(text: str) -> None:
    if weakness(text) is None:
        assert len(text.strip()) >= MIN_LENGTH
        assert len(set(text.strip())) >= 5
        assert not text.strip().isdigit()
