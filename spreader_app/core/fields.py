"""Reading user-supplied fields (API bodies, form values) with one error per bad field.

A ``FieldReader`` collects every problem instead of stopping at the first, so one answer
tells the user all that must be fixed. ``finish()`` raises ``ValidationFailed`` with
``details`` as ``[{"field": path, "message": why}]``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime, time
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from spreader_app.core.errors import ValidationFailed

E = TypeVar("E", bound=enum.Enum)
_MISSING = object()


class FieldReader:
    """Reads typed values out of ``data``; unknown keys are errors unless ``allowed``."""

    def __init__(
        self, data: Mapping[str, Any], *, prefix: str = "", allowed: set[str] | None = None
    ):
        if not isinstance(data, Mapping):
            raise ValidationFailed(
                "The request body must be a JSON object.",
                details=[{"field": prefix or "body", "message": "expected an object"}],
            )
        self.data = data
        self.prefix = prefix
        self.errors: list[dict[str, str]] = []
        if allowed is not None:
            for key in data:
                if key not in allowed:
                    self.error(
                        str(key), f"unknown field; expected one of: {', '.join(sorted(allowed))}"
                    )

    def path(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def error(self, key: str, message: str) -> None:
        self.errors.append({"field": self.path(key), "message": message})

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.error(key, "is required")
            return _MISSING
        return value

    def text(
        self,
        key: str,
        default: str | None = None,
        *,
        required: bool = False,
        min_len: int = 0,
        max_len: int = 255,
        strip: bool = True,
    ) -> str | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self.error(key, "must be a string")
            return default
        if strip:
            value = value.strip()
        if len(value) < min_len:
            self.error(
                key, "must not be empty" if min_len == 1 else f"needs at least {min_len} characters"
            )
            return default
        if len(value) > max_len:
            self.error(key, f"is {len(value)} characters long; the limit is {max_len}")
            return default
        return value

    def integer(
        self, key: str, default: int | None = None, *, lo: int, hi: int, required: bool = False
    ) -> int | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                self.error(key, f"must be a whole number between {lo} and {hi}")
                return default
        if not lo <= value <= hi:
            self.error(key, f"is {value}; it must be between {lo} and {hi}")
            return default
        return int(value)

    def boolean(self, key: str, default: bool | None = None) -> bool | None:
        value = self._get(key, False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.error(key, "must be true or false")
            return default
        return value

    def choice(
        self, key: str, kind: type[E], default: E | None = None, *, required: bool = False
    ) -> E | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        try:
            return kind(value)
        except ValueError:
            options = ", ".join(str(m.value) for m in kind)
            self.error(key, f"is {value!r}; use one of: {options}")
            return default

    def clock_time(self, key: str, default: time | None = None) -> time | None:
        value = self._get(key, False)
        if value is _MISSING:
            return default
        if isinstance(value, str):
            try:
                parsed = time.fromisoformat(value.strip())
                if parsed.tzinfo is None:
                    return parsed.replace(second=0, microsecond=0)
            except ValueError:
                pass
        self.error(key, f"is {value!r}; use a 24-hour time like 08:00 or 22:30")
        return default

    def zone(self, key: str, default: str | None = None) -> str | None:
        value = self._get(key, False)
        if value is _MISSING:
            return default
        if isinstance(value, str) and value.strip():
            try:
                ZoneInfo(value.strip())
                return value.strip()
            except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: name too long
                pass
        self.error(key, f"is {value!r}; use an IANA time zone such as Africa/Cairo or Asia/Riyadh")
        return default

    def when(self, key: str) -> datetime | None:
        """An ISO 8601 date-time with an offset (``Z`` allowed); returned in UTC."""
        value = self._get(key, False)
        if value is _MISSING:
            return None
        if isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
                if parsed.tzinfo is not None:
                    return parsed
                self.error(key, "needs a time zone offset, e.g. 2025-03-01T09:00:00+02:00 or ...Z")
                return None
            except ValueError:
                pass
        self.error(key, f"is {value!r}; use an ISO 8601 date-time like 2025-03-01T09:00:00Z")
        return None

    def finish(self, what: str = "The request") -> None:
        if self.errors:
            first = self.errors[0]
            more = f" (and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
            raise ValidationFailed(
                f"{what} has invalid fields: {first['field']} {first['message']}{more}.",
                details=self.errors,
            )
