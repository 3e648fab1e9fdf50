"""The self-test's checks of the owner's own configuration: the settings the app would load,
the database it would open and the vault key that must read the tokens stored there.

Each fails exactly when the app could not start (or could not read the saved tokens) with
this configuration. Nothing is created or written: no data folder, no settings file, no
database file, no keyring entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import keyring
from sqlalchemy import make_url, text

from spreader_app.config import Settings, load_settings
from spreader_app.storage import migrate
from spreader_app.storage.database import make_engine
from spreader_app.vault.key_sources import (
    MASTER_KEY_VAR,
    EnvKeySource,
    KeyringKeySource,
    MemoryKeySource,
    keyring_usable,
)
from spreader_app.vault.passphrase import PASSPHRASE_VAR, PassphraseStore
from spreader_app.vault.vault import Vault

KEYRING_TO_INSTALL = "GNOME Keyring or KWallet"


class CheckFailed(Exception):
    """A check found a problem; the message is the reason shown after ``FAIL name:``."""


class ConfiguredChecks:
    """``settings()`` first; ``database()`` and ``vault()`` then check what it loaded."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self._env = env
        self._settings: Settings | None = None
        self._schema = False

    def _loaded(self) -> Settings:
        if self._settings is None:
            raise CheckFailed("not run: the settings cannot be loaded")
        return self._settings

    def settings(self) -> str:
        """Loads the settings as the app would (file, then environment), read-only."""
        self._settings = load_settings(self._env, read_only=True)
        folder = self._settings.data_dir
        state = "" if folder.is_dir() else " (made at the first start)"
        return f"data folder {folder}{state}; settings valid"

    def database(self) -> str:
        """Reaches the configured database without writing, and checks its schema."""
        url = self._loaded().database_url
        shown = make_url(url).render_as_string(hide_password=True)
        if _missing_sqlite_file(url):
            return f"{shown}: no database yet, made at the first start"
        current = migrate.revision_at(url)
        if current is None:
            return f"reached {shown}: no schema yet, made at the first start"
        problem = migrate.revision_problem(current)
        if problem is not None:
            raise CheckFailed(f"{shown}: {problem}")
        self._schema = True
        return f"reached {shown}: at head {current}"

    def vault(self) -> str:
        """Finds the key this start would use and, when tokens are stored, opens one."""
        settings = self._loaded()
        token = _one_stored_token(settings.database_url) if self._schema else None
        found = self._key(settings.data_dir, token is not None)
        if isinstance(found, str):
            return found
        source, key = found
        if token is None:
            return f"{source}: no device token stored yet"
        try:
            Vault(MemoryKeySource(key)).decrypt(token)
        except Exception:
            raise CheckFailed(
                f"{source} does not open the device tokens stored in the database: it is not "
                "the key they were saved with. Use that key, or re-enter the tokens."
            ) from None
        return f"{source}: opens the stored device tokens"

    def _key(self, folder: Path, tokens: bool) -> tuple[str, bytes] | str:
        """``(source, key)``, or a sentence when no key is needed before the window opens."""
        if self._env.get(MASTER_KEY_VAR, "").strip():
            key = EnvKeySource(self._env).load()
            assert key is not None  # load() raises for a set but unusable value
            return MASTER_KEY_VAR, key
        store = PassphraseStore(folder)
        if store.exists():
            passphrase = self._env.get(PASSPHRASE_VAR, "")
            if not passphrase:
                return (
                    "locked with a passphrase: the window asks for it at each start; "
                    f"spreader serve needs {PASSPHRASE_VAR}"
                )
            return PASSPHRASE_VAR, store.unlock(passphrase)
        key = KeyringKeySource().peek()
        if key is not None:
            return "OS keyring", key
        if tokens:
            raise CheckFailed(
                "device tokens are stored, but no key to read them is configured: set "
                f"{MASTER_KEY_VAR} to the key they were saved with"
            )
        if keyring_usable(keyring.get_keyring()):
            return "OS keyring: a new vault key is made there at the first start"
        return (
            "no OS keyring: the window asks for a new passphrase at the first start "
            f"(or install {KEYRING_TO_INSTALL}); spreader serve needs {MASTER_KEY_VAR}"
        )


def _missing_sqlite_file(url: str) -> bool:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return False
    name = parsed.database or ""
    return name not in ("", ":memory:") and not Path(name).exists()


def _one_stored_token(url: str) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT token_encrypted FROM profiles WHERE token_encrypted <> '' LIMIT 1")
            ).first()
    finally:
        engine.dispose()
    return None if row is None else str(row[0])
