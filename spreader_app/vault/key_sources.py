"""Where the vault's Fernet key comes from: the environment, the OS keyring, or memory."""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final, Protocol

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.errors
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from spreader_app.core.errors import VaultUnavailable
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Text
from spreader_app.vault.masking import SECRET_REGISTRY, SecretRegistry
from spreader_app.vault.passphrase import (
    PASSPHRASE_NAME,
    PASSPHRASE_VAR,
    PassphraseKeySource,
    PassphraseStore,
)

log = logging.getLogger(__name__)

MASTER_KEY_VAR: Final = "SPREADER_MASTER_KEY"
MIN_PASSPHRASE_LENGTH: Final = 16
GENERATE_KEY_COMMAND: Final = (  # not translated: a command typed as it is
    'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)

# A fixed salt is acceptable here: scrypt only turns the operator's passphrase into a Fernet
# key, and that key is never stored or compared, so this is not a password hash. The same
# passphrase must yield the same key on every start and on every machine that reads the
# database, and a per-install salt would have to be stored beside the very data it protects,
# adding nothing against someone who holds that data. The strength rests on the minimum
# passphrase length and scrypt's cost.
_SCRYPT_SALT: Final = b"spreader-app/vault-master-key/v1"
_SCRYPT_N: Final = 2**15
_SCRYPT_R: Final = 8
_SCRYPT_P: Final = 1

KEYRING_NAME: Final = "OS keyring"  # not translated: the source's name in logs (see source_text)
_ENV_NAME: Final = "environment variable {variable}"  # not translated: as above

NO_KEY_MESSAGE: Final = Text(
    "Vault",
    QT_TRANSLATE_NOOP(
        "Vault",
        "No OS keyring was found (on Linux: GNOME Keyring or KWallet; Windows and macOS have "
        "one built in) and no vault key is configured, so device tokens cannot be encrypted. "
        "Open the Spreader window to protect them with a passphrase, or, for a start without "
        "a window, set {variable} to a key generated with {command} and keep it safe: tokens "
        "saved with it can only be read with the same value.",
    ),
    variable=MASTER_KEY_VAR,
    command=GENERATE_KEY_COMMAND,
)


def source_text(name: str) -> Text | str:
    """A key source's ``name`` (English, as logs carry it) as a sentence part the window
    can translate: the OS keyring, an environment variable, the passphrase; any other name
    (a test's, the self-test's) as it is."""
    if name == KEYRING_NAME:
        return Text("Vault", QT_TRANSLATE_NOOP("Vault", "OS keyring"))
    if name == PASSPHRASE_NAME:
        return Text("Vault", QT_TRANSLATE_NOOP("Vault", "passphrase"))
    prefix = _ENV_NAME.format(variable="")
    if name.startswith(prefix):
        variable = name.removeprefix(prefix)
        return Text(
            "Vault",
            QT_TRANSLATE_NOOP("Vault", "environment variable {variable}"),
            variable=variable,
        )
    return name


class NoVaultKey(VaultUnavailable):
    """No key source is configured or usable at all (no keyring, no variable, no
    passphrase store): the desktop can offer a passphrase instead."""


class KeySource(Protocol):
    """A place the vault key may come from.

    ``load()`` returns a Fernet key (urlsafe base64 of 32 bytes) or ``None`` when this
    source has none; it raises ``VaultUnavailable`` when the source is configured wrongly.
    It may block (the OS keyring does), so call it off the event loop.
    """

    @property
    def name(self) -> str: ...

    def load(self) -> bytes | None: ...


def _as_fernet_key(text: str) -> bytes | None:
    """Return ``text`` as key bytes when it is a Fernet key, else ``None``."""
    try:
        raw = base64.b64decode(text.encode("ascii"), altchars=b"-_", validate=True)
    except (UnicodeEncodeError, binascii.Error):
        return None
    return text.encode("ascii") if len(raw) == 32 else None


class EnvKeySource:
    """Reads the key from an environment variable (``SPREADER_MASTER_KEY`` by default).

    The value may be a Fernet key or a passphrase of at least 16 characters, which is
    stretched into a key with scrypt. Surrounding whitespace is ignored. An unset or blank
    variable means "no key here" (``None``); a shorter passphrase raises ``VaultUnavailable``.
    """

    def __init__(
        self,
        env: Mapping[str, str],
        var: str = MASTER_KEY_VAR,
        *,
        registry: SecretRegistry = SECRET_REGISTRY,
    ) -> None:
        self._env = env
        self._var = var
        self._registry = registry
        self.name = _ENV_NAME.format(variable=var)

    def load(self) -> bytes | None:
        """Return the key from the variable; see the class docstring for what is accepted."""
        value = self._env.get(self._var, "").strip()
        if not value:
            return None
        self._registry.add(value)
        key = _as_fernet_key(value)
        if key is not None:
            return key
        if len(value) < MIN_PASSPHRASE_LENGTH:
            raise VaultUnavailable(
                Text(
                    "Vault",
                    QT_TRANSLATE_NOOP(
                        "Vault",
                        "{variable} is too short: it is neither a Fernet key nor a passphrase "
                        "of at least {minimum} characters (it has {length}). Generate a proper "
                        "key with {command} and set {variable} to it.",
                    ),
                    variable=self._var,
                    minimum=MIN_PASSPHRASE_LENGTH,
                    length=len(value),
                    command=GENERATE_KEY_COMMAND,
                )
            )
        kdf = Scrypt(salt=_SCRYPT_SALT, length=32, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
        key = base64.urlsafe_b64encode(kdf.derive(value.encode("utf-8")))
        self._registry.add(key.decode("ascii"))
        return key


def keyring_usable(backend: keyring.backend.KeyringBackend) -> bool:
    """Whether ``backend`` can really store secrets, rather than fail or forget them."""
    if isinstance(backend, keyring.backends.fail.Keyring):
        return False
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        return bool(backend.backends)
    try:
        priority = float(backend.priority)
    except Exception:
        # keyring's contract: a backend unsuitable for this environment raises here.
        return False
    return priority > 0


class KeyringKeySource:
    """Keeps the key in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service).

    On first use it generates a key and stores it, so a fresh install just works. Returns
    ``None`` when no usable keyring backend exists or the backend fails (logged as a
    warning, without secrets). Raises ``VaultUnavailable`` when the keyring entry exists but
    does not hold a valid key, since replacing it would orphan every stored token. The key
    is never written to a file by this class.
    """

    def __init__(
        self,
        service: str = "Spreader",
        username: str = "vault-master-key",
        *,
        registry: SecretRegistry = SECRET_REGISTRY,
    ) -> None:
        self._service = service
        self._username = username
        self._registry = registry
        self.name = KEYRING_NAME

    def load(self) -> bytes | None:
        """Return the stored key, creating it on first use; ``None`` without a usable keyring."""
        backend = keyring.get_keyring()
        if not keyring_usable(backend):
            log.info("No usable OS keyring backend (%s)", type(backend).__name__)
            return None
        try:
            stored = backend.get_password(self._service, self._username)
            if stored is None:
                return self._create(backend)
        except keyring.errors.NoKeyringError:
            return None
        except keyring.errors.KeyringError as exc:
            log.warning(
                "The OS keyring (%s) failed: %s: %s",
                type(backend).__name__,
                type(exc).__name__,
                exc,
            )
            return None
        return self._valid(stored)

    def peek(self) -> bytes | None:
        """The stored key without creating one: ``None`` when there is no usable keyring or
        no entry yet. Raises ``VaultUnavailable`` for an entry that holds no valid key."""
        backend = keyring.get_keyring()
        if not keyring_usable(backend):
            return None
        try:
            stored = backend.get_password(self._service, self._username)
        except keyring.errors.KeyringError:
            return None
        return None if stored is None else self._valid(stored)

    def _valid(self, stored: str) -> bytes:
        self._registry.add(stored)
        key = _as_fernet_key(stored.strip())
        if key is None:
            raise VaultUnavailable(
                Text(
                    "Vault",
                    QT_TRANSLATE_NOOP(
                        "Vault",
                        "The OS keyring entry {service} / {username} does not hold a valid "
                        "vault key. Restore the original entry, or delete it to start with a "
                        "new key and re-enter the tokens of your profiles.",
                    ),
                    service=repr(self._service),
                    username=repr(self._username),
                )
            )
        return key

    def _create(self, backend: keyring.backend.KeyringBackend) -> bytes | None:
        key = Fernet.generate_key()
        text = key.decode("ascii")
        self._registry.add(text)
        backend.set_password(self._service, self._username, text)
        # A backend that accepts the key but does not keep it would make every token
        # unreadable on the next start, so only trust it once the key reads back.
        if backend.get_password(self._service, self._username) != text:
            log.warning("The OS keyring (%s) did not keep the vault key", type(backend).__name__)
            return None
        log.info("Created a new vault key in the OS keyring (%s)", type(backend).__name__)
        return key


class MemoryKeySource:
    """Holds a key in memory only (tests, self-test); generates one when none is given."""

    def __init__(
        self,
        key: bytes | None = None,
        name: str = "in-memory key source",  # not translated: the source's name, for logs
    ) -> None:
        if key is not None:
            try:
                Fernet(key)
            except ValueError as exc:
                raise ValueError(
                    f"MemoryKeySource needs a Fernet key (urlsafe base64 of 32 bytes): {exc}"
                ) from None
        self._key = key if key is not None else Fernet.generate_key()
        self.name = name

    def load(self) -> bytes:
        """Return the key."""
        return self._key


class KeyChain:
    """Asks each source in order and uses the first key found.

    ``load()`` never returns ``None``: when no source has a key it raises
    ``VaultUnavailable`` with ``failure_message``. A source that raises stops the chain, so
    an explicit but broken configuration is reported instead of silently skipped. ``name``
    is the name of the source that supplied the key once loaded, else the chain's order.
    """

    def __init__(
        self, sources: Sequence[KeySource], *, failure_message: str | Text | None = None
    ) -> None:
        if not sources:
            raise ValueError("KeyChain needs at least one key source")
        self._sources = tuple(sources)
        self._failure_message = failure_message
        self._chosen: KeySource | None = None

    @property
    def name(self) -> str:
        if self._chosen is not None:
            return self._chosen.name
        return " then ".join(source.name for source in self._sources)

    def load(self) -> bytes:
        """Return the first key any source supplies; raise ``VaultUnavailable`` if none does."""
        for source in self._sources:
            key = source.load()
            if key is not None:
                self._chosen = source
                return key
        raise NoVaultKey(
            self._failure_message
            or Text(
                "Vault",
                QT_TRANSLATE_NOOP("Vault", "No vault key was found (tried {sources})."),
                sources=self.name,
            )
        )


def default_key_chain(env: Mapping[str, str], folder: Path | None = None) -> KeyChain:
    """The application's key chain: ``SPREADER_MASTER_KEY`` when set, then the passphrase
    store of the data folder ``folder`` when it has one, then the OS keyring.

    The environment goes first because explicit configuration wins over the machine's
    keyring. A folder locked with a passphrase never falls through to the keyring (a keyring
    installed later would make a new key and orphan every token): without
    ``SPREADER_VAULT_PASSPHRASE`` its ``load()`` says how to unlock it. When no source yields
    a key, ``load()`` raises ``NoVaultKey`` saying how to provide one.
    """
    sources: list[KeySource] = []
    if env.get(MASTER_KEY_VAR, "").strip():
        sources.append(EnvKeySource(env))
    if folder is not None:
        store = PassphraseStore(folder)
        sources.append(PassphraseKeySource(store, env.get(PASSPHRASE_VAR, "")))
    sources.append(KeyringKeySource())
    return KeyChain(sources, failure_message=NO_KEY_MESSAGE)
