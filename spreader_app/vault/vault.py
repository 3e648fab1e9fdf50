"""Fernet encryption of device tokens: the ``TokenVault`` the core stores tokens through."""

from __future__ import annotations

import threading

from cryptography.fernet import Fernet, InvalidToken

from spreader_app.core.errors import VaultUnavailable
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Text
from spreader_app.vault.key_sources import MASTER_KEY_VAR, KeySource, source_text
from spreader_app.vault.masking import SECRET_REGISTRY, SecretRegistry


class Vault:
    """Encrypts and decrypts device tokens with the Fernet key of ``key_source``.

    The key is loaded once, on first use or by an explicit ``load()``; loading may block (the
    OS keyring), so the composition root calls ``load()`` off the event loop at start. Every
    token that passes through is registered with the secret registry, so logs never show it.
    There is no plaintext fallback: without a key every call raises ``VaultUnavailable``.
    Safe to use from several threads.
    """

    def __init__(
        self, key_source: KeySource, *, registry: SecretRegistry = SECRET_REGISTRY
    ) -> None:
        self._key_source = key_source
        self._registry = registry
        self._lock = threading.Lock()
        self._fernet: Fernet | None = None

    def load(self) -> str:
        """Load the key now and return the name of the source that supplied it.

        Raises ``VaultUnavailable`` when the source has no key or the key is malformed.
        """
        self._get_fernet()
        return self._key_source.name

    def encrypt(self, token: str) -> str:
        """Return the Fernet ciphertext of ``token`` as text; ``ValueError`` when it is empty
        (its argument a ``Text`` the window shows, its ``str`` English)."""
        if not token:
            raise ValueError(
                Text(
                    "Vault",
                    QT_TRANSLATE_NOOP(
                        "Vault", "The token is empty: enter the device's API token from Zentra."
                    ),
                )
            )
        fernet = self._get_fernet()
        self._registry.add(token)
        return fernet.encrypt(token.encode("utf-8")).decode("ascii")

    def decrypt(self, ciphertext: str) -> str:
        """Return the token ``encrypt`` produced ``ciphertext`` from.

        Raises ``ValueError`` for empty ciphertext (its argument a ``Text``, as in
        ``encrypt``) and ``VaultUnavailable`` when the ciphertext was made with another key
        (or is damaged).
        """
        if not ciphertext:
            raise ValueError(
                Text(
                    "Vault",
                    QT_TRANSLATE_NOOP(
                        "Vault",
                        "There is no stored token to decrypt: re-enter the device's token.",
                    ),
                )
            )
        fernet = self._get_fernet()
        try:
            token = fernet.decrypt(ciphertext.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError):
            raise VaultUnavailable(
                Text(
                    "Vault",
                    QT_TRANSLATE_NOOP(
                        "Vault",
                        "A stored device token cannot be decrypted: it was encrypted with "
                        "another key than the one from the {source}, or the stored value is "
                        "damaged. Restore the key the tokens were saved with (the OS keyring "
                        "entry or {variable} used then), or re-enter the tokens of your "
                        "profiles.",
                    ),
                    source=source_text(self._key_source.name),
                    variable=MASTER_KEY_VAR,
                )
            ) from None
        self._registry.add(token)
        return token

    def _get_fernet(self) -> Fernet:
        with self._lock:
            if self._fernet is None:
                key = self._key_source.load()
                if key is None:
                    raise VaultUnavailable(
                        Text(
                            "Vault",
                            QT_TRANSLATE_NOOP(
                                "Vault",
                                "The {source} has no vault key, so device tokens cannot be "
                                "encrypted or decrypted.",
                            ),
                            source=source_text(self._key_source.name),
                        )
                    )
                try:
                    self._fernet = Fernet(key)
                except ValueError:
                    raise VaultUnavailable(
                        Text(
                            "Vault",
                            QT_TRANSLATE_NOOP(
                                "Vault",
                                "The key from the {source} is not a valid Fernet key (urlsafe "
                                "base64 of 32 bytes).",
                            ),
                            source=source_text(self._key_source.name),
                        )
                    ) from None
            return self._fernet
