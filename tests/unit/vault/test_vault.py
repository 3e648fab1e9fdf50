from __future__ import annotations

import threading

import pytest
from cryptography.fernet import Fernet
from hypothesis import given
from hypothesis import strategies as st

from spreader_app.core.errors import VaultUnavailable
from spreader_app.core.ports import TokenVault
from spreader_app.vault.key_sources import MemoryKeySource
from spreader_app.vault.masking import SecretRegistry
from spreader_app.vault.vault import Vault

TOKEN = "zentra-device-token-0123456789"


class CountingKeySource:
    """Counts how often the vault asks for its key."""

    def __init__(self, key: bytes | None) -> None:
        self.name = "counting key source"
        self.key = key
        self.calls = 0

    def load(self) -> bytes | None:
        self.calls += 1
        return self.key


def make_vault(key: bytes | None = None) -> Vault:
    return Vault(MemoryKeySource(key), registry=SecretRegistry())


def test_vault_round_trips_a_token_without_storing_it_in_clear() -> None:
    vault: TokenVault = make_vault()

    ciphertext = vault.encrypt(TOKEN)

    assert TOKEN not in ciphertext
    assert vault.decrypt(ciphertext) == TOKEN
    assert vault.encrypt(TOKEN) != ciphertext


@given(st.text(min_size=1))
def test_vault_round_trips_any_non_empty_text(token: str) -> None:
    vault = make_vault(b"wIwhIsd5gSX8v5aiDITbJgoFKrXfRO0Xw1Q0ytgZyWU=")

    assert vault.decrypt(vault.encrypt(token)) == token


def test_vault_ciphertext_is_standard_fernet() -> None:
    key = Fernet.generate_key()

    ciphertext = make_vault(key).encrypt(TOKEN)

    assert Fernet(key).decrypt(ciphertext.encode()).decode() == TOKEN


def test_vault_with_another_key_says_how_to_recover() -> None:
    ciphertext = make_vault().encrypt(TOKEN)

    with pytest.raises(VaultUnavailable) as caught:
        make_vault().decrypt(ciphertext)

    message = caught.value.message
    assert "encrypted with another key" in message
    assert "Restore the key" in message
    assert "re-enter the tokens" in message


def test_vault_treats_damaged_ciphertext_as_unreadable() -> None:
    with pytest.raises(VaultUnavailable, match="damaged"):
        make_vault().decrypt("gAAAA-not-really-fernet")


def test_vault_rejects_an_empty_token() -> None:
    with pytest.raises(ValueError, match="token is empty"):
        make_vault().encrypt("")
    with pytest.raises(ValueError, match="no stored token"):
        make_vault().decrypt("")


def test_vault_without_a_key_refuses_to_store_tokens() -> None:
    vault = Vault(CountingKeySource(None), registry=SecretRegistry())

    with pytest.raises(VaultUnavailable, match="counting key source has no vault key"):
        vault.encrypt(TOKEN)
    with pytest.raises(VaultUnavailable):
        vault.load()


def test_vault_reports_a_malformed_key() -> None:
    vault = Vault(CountingKeySource(b"not a key"), registry=SecretRegistry())

    with pytest.raises(VaultUnavailable, match="not a valid Fernet key"):
        vault.load()


def test_vault_load_names_the_key_source() -> None:
    assert make_vault().load() == "in-memory key source"


def test_vault_loads_the_key_once_across_threads() -> None:
    source = CountingKeySource(Fernet.generate_key())
    vault = Vault(source, registry=SecretRegistry())
    results: list[str] = []
    barrier = threading.Barrier(8)

    def encrypt_and_decrypt() -> None:
        barrier.wait()
        results.append(vault.decrypt(vault.encrypt(TOKEN)))

    threads = [threading.Thread(target=encrypt_and_decrypt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results == [TOKEN] * 8
    assert source.calls == 1


def test_vault_registers_tokens_so_logs_mask_them() -> None:
    key = Fernet.generate_key()
    ciphertext = make_vault(key).encrypt(TOKEN)
    registry = SecretRegistry()
    reader = Vault(MemoryKeySource(key), registry=registry)

    reader.decrypt(ciphertext)
    reader.encrypt("another-device-token-42")

    text = f"sending with {TOKEN} and another-device-token-42"
    assert registry.redact(text) == "sending with ••••6789 and ••••n-42"
