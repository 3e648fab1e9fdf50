"""The process ``Settings``: defaults ← ``settings.json`` in the data folder ← ``SPREADER_*``."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import secrets
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from spreader_app import paths
from spreader_app.core.errors import StorageUnavailable
from spreader_app.locale_region import locale_region
from spreader_app.setting_values import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    DEFAULT_ZENTRA_URL,
    ConfigError,
    Raw,
    validate,
)
from spreader_app.vault.masking import SECRET_REGISTRY, mask

log = logging.getLogger(__name__)

ENV_VARS: Final[Mapping[str, str]] = {
    "database_url": "SPREADER_DATABASE_URL",
    "zentra_url": "SPREADER_ZENTRA_URL",
    "host": "SPREADER_HOST",
    "port": "SPREADER_PORT",
    "api_key": "SPREADER_API_KEY",
    "webhook_secret": "SPREADER_WEBHOOK_SECRET",
    "default_region": "SPREADER_DEFAULT_REGION",
    "log_level": "SPREADER_LOG_LEVEL",
    "public_url": "SPREADER_PUBLIC_URL",
    "cloudflared_path": "SPREADER_CLOUDFLARED",
    "language": "SPREADER_LANGUAGE",
    "lease_seconds": "SPREADER_LEASE_SECONDS",
}
"""Settings key → the environment variable that overrides it."""

FILE_KEYS: Final = (
    "database_url",
    "zentra_url",
    "host",
    "port",
    "api_key",
    "webhook_secret",
    "default_region",
    "theme",
    "language",
    "log_level",
    "api_rate_limit_per_minute",
    "receive_mode",
    "public_url",
    "cloudflared_path",
    "lease_seconds",
)
"""The keys ``settings.json`` may hold and ``save_settings`` may change."""

SECRET_KEYS: Final = ("api_key", "webhook_secret")


@dataclass(frozen=True, repr=False)
class Settings:
    """Validated settings of this process; ``repr`` masks the secrets.

    ``default_region`` is ``""`` (numbers must be international, ``+<country code>...``) or
    an ISO 3166 region code such as ``"EG"`` used to read national numbers.
    ``api_rate_limit_per_minute`` is per API key. ``language`` is one of
    ``setting_values.LANGUAGES``.
    ``receive_mode`` says how customers' messages reach the webhook
    (``core.receiving.ReceiveMode``); ``public_url`` is the owner's own public base URL for
    the ``address`` mode, ``""`` for none; ``cloudflared_path`` is a chosen ``cloudflared``,
    ``""`` to look on ``PATH``. ``lease_seconds`` is how long an engine sharing a
    PostgreSQL keeps its devices without a heartbeat: another engine takes them over that
    long after it dies.
    """

    data_dir: Path
    database_url: str
    api_key: str
    webhook_secret: str
    zentra_url: str = DEFAULT_ZENTRA_URL
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    default_region: str = ""
    theme: str = "system"
    language: str = "system"
    log_level: str = "INFO"
    api_rate_limit_per_minute: int = 600
    receive_mode: str = "off"
    public_url: str = ""
    cloudflared_path: str = ""
    lease_seconds: int = 15

    @property
    def settings_path(self) -> Path:
        """The ``settings.json`` these settings are saved to."""
        return paths.settings_file(self.data_dir)

    def __repr__(self) -> str:
        shown: list[str] = []
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.name in SECRET_KEYS:
                value = mask(value)
            elif field.name == "database_url":
                value = _hide_password(value)
            shown.append(f"{field.name}={value!r}")
        return f"Settings({', '.join(shown)})"


def default_database_url(data_dir: Path) -> str:
    """The SQLite database file in ``data_dir``, as a SQLAlchemy URL."""
    return f"sqlite:///{(data_dir / 'spreader.db').as_posix()}"


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return mask(url)


def _read_file(path: Path) -> dict[str, object]:
    """The settings file's object, ``{}`` when missing; ``ConfigError`` when unreadable."""
    fix = (
        "Correct it, or move it away to start with default settings "
        "(a new API key and webhook secret are then generated)."
    )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"The settings file {path} is not valid JSON ({exc}). {fix}",
            details=[{"field": str(path), "message": str(exc)}],
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"The settings file {path} cannot be read ({exc.strerror}). Check its permissions.",
            details=[{"field": str(path), "message": str(exc.strerror)}],
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(
            f'The settings file {path} must hold a JSON object like {{"port": 8765}}. {fix}',
            details=[{"field": str(path), "message": "not a JSON object"}],
        )
    unknown = sorted(set(data) - set(FILE_KEYS))
    if unknown:
        log.warning("Ignoring unknown keys in %s: %s", path, ", ".join(unknown))
    return data


def _write_file(path: Path, data: Mapping[str, object]) -> None:
    """Replace ``path`` atomically with ``data`` as JSON, readable only by this user."""
    # mkstemp creates the file with mode 0600, and os.replace keeps that mode.
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=2, sort_keys=True)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise StorageUnavailable(
            f"The settings file {path} cannot be written ({exc.strerror}). "
            "Check that the data folder is writable and the disk is not full."
        ) from None


def _register_secrets(settings: Settings) -> None:
    for key in SECRET_KEYS:
        SECRET_REGISTRY.add(getattr(settings, key))


def data_folder(env: Mapping[str, str] | None = None, *, create: bool = True) -> Path:
    """The data folder (``paths.data_dir``), created when missing unless ``create`` is
    false; raises ``ConfigError`` saying how to choose another when it cannot be created."""
    try:
        return paths.data_dir(os.environ if env is None else env, create=create)
    except OSError as exc:
        message = (
            f"The data folder {exc.filename or ''} cannot be created ({exc.strerror}). "
            f"Set {paths.DATA_DIR_VAR} to a folder you can write to."
        )
        raise ConfigError(
            message, details=[{"field": paths.DATA_DIR_VAR, "message": message}]
        ) from None


def load_settings(env: Mapping[str, str] | None = None, *, read_only: bool = False) -> Settings:
    """Load the settings: defaults, then ``settings.json`` in the data folder, then ``env``.

    ``env`` defaults to ``os.environ``; blank variables count as unset. On first run the API
    key and webhook secret are generated and saved to ``settings.json`` (mode 0600) unless
    ``env`` supplies them. The secrets are registered so logs never show them. Raises
    ``ConfigError`` for any invalid value or an unreadable settings file (which is never
    overwritten), and ``StorageUnavailable`` when the file cannot be written. ``read_only``
    (the self-test) creates and writes nothing: secrets missing from the file are made up
    for this call only.
    """
    environ = os.environ if env is None else env
    folder = data_folder(environ, create=not read_only)
    file = paths.settings_file(folder)
    stored = _read_file(file)

    raw: dict[str, Raw] = {
        key: Raw(stored[key], key, f"{key!r} in {file}") for key in FILE_KEYS if key in stored
    }
    for key, var in ENV_VARS.items():
        value = environ.get(var, "").strip()
        if value:
            raw[key] = Raw(value, var, var)
    generated: dict[str, str] = {
        key: secrets.token_urlsafe(32) for key in SECRET_KEYS if key not in raw
    }
    region = "" if "default_region" in raw else locale_region(environ)
    if region:
        # First start: numbers written as at home (010…) work in the owner's country.
        generated["default_region"] = region
    for key, value in generated.items():
        raw[key] = Raw(value, key, key)

    values = validate(raw)
    if generated and not read_only:
        _write_file(file, {**stored, **generated})
    values.setdefault("database_url", default_database_url(folder))
    settings = Settings(data_dir=folder, **values)
    _register_secrets(settings)
    return settings


def save_settings(settings: Settings, changes: Mapping[str, object] | None = None) -> Settings:
    """Write settings to ``settings.json`` atomically and return the resulting ``Settings``.

    With ``changes`` (settings key → new value) only those keys are validated, written and
    applied; without, every key of ``settings`` is written. Other keys already in the file
    are kept. A value overridden by a ``SPREADER_*`` variable is saved but the variable
    still wins on the next start (see ``ENV_VARS``). Raises ``ConfigError`` for an unknown
    key, an invalid value or a corrupt settings file (left untouched), and
    ``StorageUnavailable`` when the file cannot be written.
    """
    if changes is None:
        updates: dict[str, Any] = {key: getattr(settings, key) for key in FILE_KEYS}
    else:
        unknown = sorted(set(changes) - set(FILE_KEYS))
        if unknown:
            message = (
                f"Unknown setting {', '.join(map(repr, unknown))}; "
                f"the settings that can be changed are {', '.join(FILE_KEYS)}."
            )
            raise ConfigError(
                message, details=[{"field": key, "message": message} for key in unknown]
            )
        updates = validate({key: Raw(value, key, repr(key)) for key, value in changes.items()})
    file = paths.settings_file(settings.data_dir)
    stored = _read_file(file)
    _write_file(file, {**stored, **updates})
    result = dataclasses.replace(settings, **updates)
    _register_secrets(result)
    return result


def regenerate_api_key(settings: Settings) -> Settings:
    """Save a new random API key and return the settings carrying it; callers must re-auth."""
    return save_settings(settings, {"api_key": secrets.token_urlsafe(32)})


def regenerate_webhook_secret(settings: Settings) -> Settings:
    """Save a new random webhook secret; the webhook URL registered at Zentra must change."""
    return save_settings(settings, {"webhook_secret": secrets.token_urlsafe(32)})
