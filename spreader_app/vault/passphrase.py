"""A vault key from the owner's passphrase, for desktops without an OS keyring.

The key is derived with scrypt (memory-hard: 64 MiB per try) from the passphrase and a
random salt stored in ``vault.json`` in the data folder, beside a check value: a Fernet token
made with the derived key. A wrong passphrase derives another key, which cannot open the
check, so it is refused before any device token is touched. The file holds no secret: the
key exists only in memory, derived again at each start.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from spreader_app.core.errors import VaultUnavailable
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Text
from spreader_app.vault.masking import SECRET_REGISTRY, SecretRegistry

STORE_FILE_NAME: Final = "vault.json"
PASSPHRASE_VAR: Final = "SPREADER_VAULT_PASSPHRASE"
PASSPHRASE_NAME: Final = "passphrase"  # not translated: the key source's name, for the log
MIN_LENGTH: Final = 12
_CHECK: Final = b"spreader vault check v1"
_N: Final = 2**16  # 64 MiB with r=8: slow to guess on any hardware, ~0.2 s here
_R: Final = 8
_P: Final = 1


class WrongPassphrase(VaultUnavailable):
    """The passphrase does not open this data folder's vault."""

    code = "wrong_passphrase"


def weakness(passphrase: str) -> Text | None:
    """Why ``passphrase`` is too weak to protect device tokens (a sentence the window
    translates), ``None`` when it will do.

    Length is what counts against guessing: at least ``MIN_LENGTH`` characters, not one
    character repeated, not only digits."""
    text = passphrase.strip()
    if len(text) < MIN_LENGTH:
        return Text(
            "Vault",
            QT_TRANSLATE_NOOP(
                "Vault",
                "Use at least {minimum} characters (this one has {length}). Four or five "
                "unrelated words are easy to remember and hard to guess.",
            ),
            minimum=MIN_LENGTH,
            length=len(text),
        )
    if len(set(text)) < 5:
        return Text(
            "Vault",
            QT_TRANSLATE_NOOP(
                "Vault", "Use more different characters: a few unrelated words are best."
            ),
        )
    if text.isdigit():
        return Text(
            "Vault",
            QT_TRANSLATE_NOOP(
                "Vault", "Use words, not only digits: a phone number or a date is easy to guess."
            ),
        )
    return None


@dataclass(frozen=True)
class _Stored:
    salt: bytes
    n: int
    r: int
    p: int
    check: bytes


class PassphraseStore:
    """``vault.json`` in one data folder: creates it from a first passphrase, and turns a
    later passphrase into the same key or refuses it."""

    def __init__(self, folder: Path, *, registry: SecretRegistry = SECRET_REGISTRY) -> None:
        self.path = folder / STORE_FILE_NAME
        self._registry = registry

    def exists(self) -> bool:
        return self.path.exists()

    def weakness(self, passphrase: str) -> Text | None:
        """``weakness(passphrase)``: what ``create`` would refuse, and why."""
        return weakness(passphrase)

    def create(self, passphrase: str) -> bytes:
        """Makes a new store for ``passphrase`` and returns its key. Raises ``ValueError``
        with advice (its argument the ``Text`` of ``weakness``) when the passphrase is weak,
        ``FileExistsError`` when a store exists (replacing it would orphan every stored
        token)."""
        problem = weakness(passphrase)
        if problem is not None:
            raise ValueError(problem)
        salt = secrets.token_bytes(16)
        key = self._derive(passphrase, salt, _N, _R, _P)
        record = {
            "version": 1,
            "kdf": "scrypt",
            "n": _N,
            "r": _R,
            "p": _P,
            "salt": base64.b64encode(salt).decode("ascii"),
            "check": Fernet(key).encrypt(_CHECK).decode("ascii"),
        }
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out)
        return key

    def unlock(self, passphrase: str) -> bytes:
        """The key ``passphrase`` opens. Raises ``WrongPassphrase`` when it opens nothing and
        ``VaultUnavailable`` when the file is damaged."""
        stored = self._read()
        key = self._derive(passphrase, stored.salt, stored.n, stored.r, stored.p)
        try:
            opened = Fernet(key).decrypt(stored.check)
        except InvalidToken:
            opened = b""
        if opened != _CHECK:
            raise WrongPassphrase(
                Text(
                    "Vault",
                    QT_TRANSLATE_NOOP(
                        "Vault", "That passphrase is not the one this vault was locked with."
                    ),
                )
            )
        return key

    def opens(self, key: bytes) -> bool:
        """Whether ``key`` is this vault's key (it opens the check value): how a key handed
        over by a restart is accepted without the passphrase. ``False`` for a damaged file."""
        try:
            return Fernet(key).decrypt(self._read().check) == _CHECK
        except (InvalidToken, ValueError, VaultUnavailable):
            return False

    def _derive(self, passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
        self._registry.add(passphrase)
        kdf = Scrypt(salt=salt, length=32, n=n, r=r, p=p)
        key = base64.urlsafe_b64encode(kdf.derive(passphrase.strip().encode("utf-8")))
        self._registry.add(key.decode("ascii"))
        return key

    def _read(self) -> _Stored:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return _Stored(
                salt=base64.b64decode(raw["salt"], validate=True),
                n=int(raw["n"]),
                r=int(raw["r"]),
                p=int(raw["p"]),
                check=str(raw["check"]).encode("ascii"),
            )
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise VaultUnavailable(
                Text(
                    "Vault",
                    QT_TRANSLATE_NOOP(
                        "Vault",
                        "The vault file {path} cannot be read ({error}). Restore it from a "
                        "backup; without it the saved device tokens cannot be decrypted.",
                    ),
                    path=str(self.path),
                    error=str(exc),
                )
            ) from None


class PassphraseKeySource:
    """A ``KeySource`` for a data folder locked with a passphrase, taking the passphrase
    from ``SPREADER_VAULT_PASSPHRASE`` (headless starts). ``None`` when the folder has no
    passphrase store; ``VaultUnavailable`` saying what to set when it has one but the
    variable is missing, and ``WrongPassphrase`` when the variable is wrong."""

    def __init__(self, store: PassphraseStore, passphrase: str) -> None:
        self._store = store
        self._passphrase = passphrase.strip()
        self.name = PASSPHRASE_NAME

    def load(self) -> bytes | None:
        if not self._store.exists():
            return None
        if not self._passphrase:
            raise VaultUnavailable(
                Text(
                    "Vault",
                    QT_TRANSLATE_NOOP(
                        "Vault",
                        "This data folder's vault is locked with a passphrase ({path}). Open the "
                        "Spreader window to unlock it, or set {variable} to the passphrase for a "
                        "start without a window.",
                    ),
                    path=str(self._store.path),
                    variable=PASSPHRASE_VAR,
                )
            )
        return self._store.unlock(self._passphrase)
