"""Where Spreader keeps its data, logs and settings, and where bundled files are, frozen or not."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Final

import platformdirs

APP_NAME: Final = "Spreader"
DATA_DIR_VAR: Final = "SPREADER_DATA_DIR"
SETTINGS_FILE_NAME: Final = "settings.json"

_PACKAGE_DIR: Final = Path(__file__).resolve().parent


def data_dir(env: Mapping[str, str] | None = None, *, create: bool = True) -> Path:
    """Return the data folder, creating it when missing (unless ``create`` is false).

    ``SPREADER_DATA_DIR`` (``~`` expanded) when set and not blank, else the OS per-user data
    folder. ``env`` defaults to ``os.environ``. Raises ``OSError`` when the folder cannot be
    created.
    """
    environ = os.environ if env is None else env
    configured = environ.get(DATA_DIR_VAR, "").strip()
    if configured:
        folder = Path(configured).expanduser().resolve()
    else:
        folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir(data: Path) -> Path:
    """Return the log folder inside the data folder ``data``, creating it when missing."""
    folder = data / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settings_file(data: Path) -> Path:
    """Return the path of the settings file in the data folder ``data`` (it may not exist)."""
    return data / SETTINGS_FILE_NAME


def _bundle_root() -> Path | None:
    """The frozen application's data folder, or ``None`` when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    # PyInstaller unpacks data under sys._MEIPASS; other freezers keep it beside the executable.
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        return Path(meipass)
    return Path(sys.executable).resolve().parent


def resource(relative: str) -> Path:
    """Return the path of the bundled file ``resources/<relative>`` (it may not exist).

    From source this is the repository's ``resources/`` folder; in a frozen build it is
    ``resources/`` under ``sys._MEIPASS`` or beside the executable. Raises ``ValueError`` for
    an absolute path or one that climbs out with ``..``.
    """
    parts = PurePath(relative).parts
    if not parts or PurePath(relative).is_absolute() or ".." in parts:
        raise ValueError(
            f"Resource path {relative!r} must be relative to resources/, "
            "like 'icons/app.svg', without '..'."
        )
    root = _bundle_root() or _PACKAGE_DIR.parent
    return root.joinpath("resources", *parts)


def migrations_dir() -> Path:
    """Return the Alembic migrations folder ``spreader_app/storage/migrations``.

    In a frozen build the folder is expected at the same relative path under the bundle root.
    """
    root = _bundle_root()
    if root is None:
        return _PACKAGE_DIR / "storage" / "migrations"
    return root / "spreader_app" / "storage" / "migrations"
