from __future__ import annotations

import logging
from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest
from cryptography.fernet import Fernet

from spreader_app.core.errors import VaultUnavailable
from spreader_app.vault.key_sources import (
    GENERATE_KEY_COMMAND,
    EnvKeySource,
    KeyChain,
    KeyringKeySource,
    MemoryKeySource,
    default_key_chain,
)
from spreader_app.vault.masking import SecretRegistry
from spreader_app.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend that keeps entries in a dict."""

    priority = 1
    # keyring's own discovery must never pick this backend for other tests.
    viable = False

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.entries[(service, username)]


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the login keyring is locked")


class ForgetfulKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        pass


@pytest.fixture
def use_keyring() -> Iterator[None]:
    """Restores the process keyring backend after the test replaced it."""
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(use_keyring: None) -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def test_keyring_source_creates_a_key_on_first_run_and_reuses_it(
    memory_keyring: MemoryKeyring,
) -> None:
    first = KeyringKeySource().load()
    second = KeyringKeySource().load()

    assert first is not None
    assert first == second
    assert memory_keyring.entries == {("Spreader", "vault-master-key"): first.decode()}
    Fernet(first)


def test_keyring_source_key_decrypts_tokens_after_a_restart(
    memory_keyring: MemoryKeyring,
) -> None:
    ciphertext = Vault(KeyringKeySource(), registry=SecretRegistry()).encrypt("device-token-1")

    restarted = Vault(KeyringKeySource(), registry=SecretRegistry())

    assert restarted.decrypt(ciphertext) == "device-token-1"


def test_keyring_source_returns_none_with_the_fail_backend(use_keyring: None) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]

    assert KeyringKeySource().load() is None


def test_keyring_source_returns_none_with_a_backend_that_forgets(use_keyring: None) -> None:
    keyring.set_keyring(keyring.backends.null.Keyring())  # type: ignore[no-untyped-call]

    assert KeyringKeySource().load() is None


def test_keyring_source_returns_none_with_an_empty_chainer(
    use_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.backends.chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(keyring.backends.chainer.ChainerBackend())  # type: ignore[no-untyped-call]

    assert KeyringKeySource().load() is None


def test_keyring_source_logs_a_failing_backend_and_returns_none(
    use_keyring: None, caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(LockedKeyring())

    with caplog.at_level(logging.WARNING):
        assert KeyringKeySource().load() is None

    assert "the login keyring is locked" in caplog.text


def test_keyring_source_does_not_trust_a_backend_that_loses_the_key(
    use_keyring: None,
) -> None:
    keyring.set_keyring(ForgetfulKeyring())

    assert KeyringKeySource().load() is None


def test_keyring_source_refuses_to_replace_an_invalid_stored_key(
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.entries[("Spreader", "vault-master-key")] = "not-a-fernet-key"

    with pytest.raises(VaultUnavailable, match="does not hold a valid vault key"):
        KeyringKeySource().load()

    assert memory_keyring.entries[("Spreader", "vault-master-key")] == "not-a-fernet-key"


def test_env_source_accepts_a_fernet_key() -> None:
    key = Fernet.generate_key()

    loaded = EnvKeySource({"SPREADER_MASTER_KEY": f" {key.decode()}\n"}).load()

    assert loaded == key


def test_env_source_derives_the_same_key_from_the_same_passphrase() -> None:
    first = EnvKeySource({"SPREADER_MASTER_KEY": PASSPHRASE}).load()
    second = EnvKeySource({"SPREADER_MASTER_KEY": PASSPHRASE}).load()
    other = EnvKeySource({"SPREADER_MASTER_KEY": PASSPHRASE + "!"}).load()

    assert first is not None
    assert first == second
    assert first != other
    Fernet(first)


def test_env_source_rejects_a_short_passphrase_with_the_fix() -> None:
    with pytest.raises(VaultUnavailable) as caught:
        EnvKeySource({"SPREADER_MASTER_KEY": "hunter2hunter"}).load()

    message = caught.value.message
    assert "SPREADER_MASTER_KEY" in message
    assert "at least 16 characters" in message
    assert GENERATE_KEY_COMMAND in message
    assert "hunter2hunter" not in message


@pytest.mark.parametrize("value", [None, "", "   "])
def test_env_source_without_a_value_has_no_key(value: str | None) -> None:
    env = {} if value is None else {"SPREADER_MASTER_KEY": value}

    assert EnvKeySource(env).load() is None


def test_env_source_registers_the_passphrase_for_redaction() -> None:
    registry = SecretRegistry()

    EnvKeySource({"SPREADER_MASTER_KEY": PASSPHRASE}, registry=registry).load()

    assert PASSPHRASE not in registry.redact(f"master key is {PASSPHRASE}")


def test_memory_source_generates_a_key_or_keeps_the_given_one() -> None:
    key = Fernet.generate_key()

    assert MemoryKeySource(key).load() == key
    Fernet(MemoryKeySource().load())
    with pytest.raises(ValueError, match="Fernet key"):
        MemoryKeySource(b"short")


def test_key_chain_uses_the_first_source_with_a_key() -> None:
    empty = EnvKeySource({})
    memory = MemoryKeySource()
    chain = KeyChain([empty, memory, MemoryKeySource()])

    assert chain.load() == memory.load()
    assert chain.name == memory.name


def test_key_chain_without_any_key_raises_its_failure_message() -> None:
    chain = KeyChain([EnvKeySource({})], failure_message="set the key please")

    with pytest.raises(VaultUnavailable, match="set the key please"):
        chain.load()


def test_default_chain_prefers_the_environment_over_the_keyring(
    memory_keyring: MemoryKeyring,
) -> None:
    key = Fernet.generate_key()
    vault = Vault(default_key_chain({"SPREADER_MASTER_KEY": key.decode()}))

    assert vault.load() == "environment variable SPREADER_MASTER_KEY"
    assert memory_keyring.entries == {}


def test_default_chain_uses_the_keyring_when_the_variable_is_unset(
    memory_keyring: MemoryKeyring,
) -> None:
    vault = Vault(default_key_chain({}))

    assert vault.load() == "OS keyring"
    assert ("Spreader", "vault-master-key") in memory_keyring.entries


def test_default_chain_reports_a_bad_variable_instead_of_using_the_keyring(
    memory_keyring: MemoryKeyring,
) -> None:
    with pytest.raises(VaultUnavailable, match="too short"):
        default_key_chain({"SPREADER_MASTER_KEY": "short"}).load()

    assert memory_keyring.entries == {}


def test_default_chain_without_keyring_or_variable_says_how_to_fix_it(
    use_keyring: None,
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]

    with pytest.raises(VaultUnavailable) as caught:
        Vault(default_key_chain({})).load()

    message = caught.value.message
    assert message.startswith("No OS keyring was found (on Linux: GNOME Keyring or KWallet")
    assert "Open the Spreader window to protect them with a passphrase" in message
    assert f"set SPREADER_MASTER_KEY to a key generated with {GENERATE_KEY_COMMAND}" in message
