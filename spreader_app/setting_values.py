"""What each setting may hold: the allowed values, and one validator per key.

``validate`` checks raw values (from ``settings.json``, ``SPREADER_*`` or the window) and
reports every problem at once, each saying what was wrong and how to fix it.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final, NamedTuple
from urllib.parse import urlsplit

import phonenumbers
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from spreader_app.core.errors import ValidationFailed

DEFAULT_ZENTRA_URL: Final = "https://api.zentramsg.com/v1"
DEFAULT_HOST: Final = "127.0.0.1"
DEFAULT_PORT: Final = 8765
THEMES: Final = ("system", "light", "dark")
RECEIVE_MODES: Final = ("off", "tunnel", "address")
LANGUAGES: Final = ("system", "en", "ar")
"""Interface languages: ``system`` follows the desktop's locale, else English or Arabic."""
LOG_LEVELS: Final = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
MIN_SECRET_LENGTH: Final = 16
MAX_RATE_LIMIT_PER_MINUTE: Final = 100_000
GENERATE_SECRET_COMMAND: Final = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'


class ConfigError(ValidationFailed):
    """A setting is wrong: the message names it, the bad value (never a secret's) and the fix."""

    code = "config_error"


_Validator = Callable[[object, str], object]


class _Invalid(Exception):
    """One bad value; the loader collects these into a single ``ConfigError``."""


def _text(raw: object, label: str) -> str:
    if not isinstance(raw, str):
        raise _Invalid(f"{label} must be text in quotes, not {raw!r}.")
    return raw.strip()


def _whole_number(raw: object, label: str, low: int, high: int, example: int) -> int:
    number: int | None = None
    if isinstance(raw, int) and not isinstance(raw, bool):
        number = raw
    elif isinstance(raw, str) and re.fullmatch(r"\s*[0-9]+\s*", raw):
        number = int(raw)
    if number is None or not low <= number <= high:
        raise _Invalid(
            f"{label} must be a whole number from {low} to {high}, not {raw!r}; "
            f"for example {example}."
        )
    return number


def _port(raw: object, label: str) -> int:
    return _whole_number(raw, label, 1, 65535, DEFAULT_PORT)


def _rate_limit(raw: object, label: str) -> int:
    return _whole_number(raw, label, 1, MAX_RATE_LIMIT_PER_MINUTE, 600)


def _lease_seconds(raw: object, label: str) -> int:
    return _whole_number(raw, label, 3, 3600, 15)


def _url(raw: object, label: str) -> str:
    text = _text(raw, label)
    try:
        split = urlsplit(text)
        # Reading .port raises ValueError for a port that is not a number from 0 to 65535.
        valid = split.scheme.lower() in ("http", "https") and bool(split.hostname)
        valid = valid and split.port != 0
    except ValueError:
        valid = False
    if not valid:
        raise _Invalid(
            f"{label} must be an http:// or https:// URL with a host, like "
            f"{DEFAULT_ZENTRA_URL}, not {raw!r}."
        )
    return text.rstrip("/")


_HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOSTNAME = re.compile(rf"(?=.{{1,253}}$){_HOST_LABEL}(?:\.{_HOST_LABEL})*\.?")


def _host(raw: object, label: str) -> str:
    text = _text(raw, label)
    try:
        ipaddress.ip_address(text)
        return text
    except ValueError:
        pass
    if _HOSTNAME.fullmatch(text):
        return text
    raise _Invalid(
        f"{label} must be a host name or IP address without scheme or port, such as "
        f"{DEFAULT_HOST}, not {raw!r}."
    )


def _database_url(raw: object, label: str) -> str:
    if not isinstance(raw, str):
        raise _Invalid(f"{label} must be text in quotes.")
    text = raw.strip()
    try:
        make_url(text)
    except ArgumentError:
        # The value is not echoed: a database URL may carry a password.
        raise _Invalid(
            f"{label} is not a valid database URL; use the form "
            "sqlite:///C:/path/to/spreader.db, or remove it to use the data folder."
        ) from None
    return text


_SECRET_CHARS = re.compile(r"[A-Za-z0-9._~-]+")


def _secret(raw: object, label: str) -> str:
    fix = (
        f"Generate one with {GENERATE_SECRET_COMMAND}, or remove it from the settings file "
        "to have one generated."
    )
    if not isinstance(raw, str):
        raise _Invalid(f"{label} must be text in quotes. {fix}")
    text = raw.strip()
    if len(text) < MIN_SECRET_LENGTH:
        raise _Invalid(
            f"{label} is too short ({len(text)} characters); it needs at least "
            f"{MIN_SECRET_LENGTH}. {fix}"
        )
    if not _SECRET_CHARS.fullmatch(text):
        # It goes into HTTP headers and the webhook URL, so only URL-safe characters work.
        raise _Invalid(
            f"{label} may only contain letters, digits and the characters - _ . ~ . {fix}"
        )
    return text


def _optional_url(raw: object, label: str) -> str:
    if not _text(raw, label):
        return ""
    try:
        return _url(raw, label)
    except _Invalid:
        raise _Invalid(
            f"{label} must be the public http:// or https:// address that reaches this "
            f"computer, like https://shop.example.com, or empty; not {raw!r}."
        ) from None


def _program(raw: object, label: str) -> str:
    text = _text(raw, label)
    if text and not Path(text).expanduser().is_file():
        raise _Invalid(
            f"{label} must be the full path of the cloudflared program, or empty to look "
            f"for it on PATH; {raw!r} is not a file."
        )
    return text


def _region(raw: object, label: str) -> str:
    text = _text(raw, label).upper()
    if text and text not in phonenumbers.SUPPORTED_REGIONS:
        raise _Invalid(
            f"{label} must be a two-letter ISO 3166 region code such as EG, US or GB, or "
            f"empty to require international numbers (+ and country code), not {raw!r}."
        )
    return text


def _choice(options: tuple[str, ...], normalise: Callable[[str], str]) -> _Validator:
    def validate(raw: object, label: str) -> str:
        text = normalise(_text(raw, label))
        if text not in options:
            raise _Invalid(f"{label} must be one of {', '.join(options)}, not {raw!r}.")
        return text

    return validate


_VALIDATORS: Final[Mapping[str, _Validator]] = {
    "database_url": _database_url,
    "zentra_url": _url,
    "host": _host,
    "port": _port,
    "api_key": _secret,
    "webhook_secret": _secret,
    "default_region": _region,
    "theme": _choice(THEMES, str.lower),
    "language": _choice(LANGUAGES, str.lower),
    "log_level": _choice(LOG_LEVELS, str.upper),
    "api_rate_limit_per_minute": _rate_limit,
    "receive_mode": _choice(RECEIVE_MODES, str.lower),
    "public_url": _optional_url,
    "cloudflared_path": _program,
    "lease_seconds": _lease_seconds,
}


class Raw(NamedTuple):
    """A raw value, the settings field it came from, and the label to name it by."""

    value: object
    field: str
    label: str


def validate(raw: Mapping[str, Raw]) -> dict[str, Any]:
    """Validate every value; raise one ``ConfigError`` listing all problems.

    The result maps each key to its validator's output, which has that field's type.
    """
    values: dict[str, Any] = {}
    problems: list[dict[str, str]] = []
    for key, item in raw.items():
        try:
            values[key] = _VALIDATORS[key](item.value, item.label)
        except _Invalid as exc:
            problems.append({"field": item.field, "message": str(exc)})
    if len(problems) == 1:
        raise ConfigError(problems[0]["message"], details=problems)
    if problems:
        listing = "\n".join(f"- {problem['message']}" for problem in problems)
        raise ConfigError(f"{len(problems)} settings are wrong:\n{listing}", details=problems)
    return values
