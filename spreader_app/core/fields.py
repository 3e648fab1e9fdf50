"""Reading user-supplied fields (API bodies, form values) with one error per bad field.

A ``FieldReader`` collects every problem instead of stopping at the first, so one answer
tells the user all that must be fixed. ``finish()`` raises ``ValidationFailed`` with
``details`` as ``[{"field": path, "message": why}]``: English for the API, while the
error's ``detail_texts`` keep each ``why`` as a translatable ``Text`` (context ``Fields``)
for the window's forms.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime, time
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Param, Sentence, Text

E = TypeVar("E", bound=enum.Enum)
_MISSING = object()
_C = "Fields"


def _field(template: str) -> Sentence:
    return Sentence(_C, template)


NOT_AN_OBJECT = _field(QT_TRANSLATE_NOOP("Fields", "The request body must be a JSON object."))
EXPECTED_OBJECT = _field(QT_TRANSLATE_NOOP("Fields", "expected an object"))
UNKNOWN_FIELD = _field(QT_TRANSLATE_NOOP("Fields", "unknown field; expected one of: {names}"))
REQUIRED = _field(QT_TRANSLATE_NOOP("Fields", "is required"))
NOT_TEXT = _field(QT_TRANSLATE_NOOP("Fields", "must be a string"))
EMPTY = _field(QT_TRANSLATE_NOOP("Fields", "must not be empty"))
TOO_SHORT = _field(QT_TRANSLATE_NOOP("Fields", "needs at least {count} characters"))
TOO_LONG = _field(QT_TRANSLATE_NOOP("Fields", "is {length} characters long; the limit is {limit}"))
NOT_WHOLE = _field(QT_TRANSLATE_NOOP("Fields", "must be a whole number between {lo} and {hi}"))
OUT_OF_RANGE = _field(QT_TRANSLATE_NOOP("Fields", "is {value}; it must be between {lo} and {hi}"))
NOT_BOOLEAN = _field(QT_TRANSLATE_NOOP("Fields", "must be true or false"))
NOT_A_CHOICE = _field(QT_TRANSLATE_NOOP("Fields", "is {value}; use one of: {options}"))
NOT_A_TIME = _field(
    QT_TRANSLATE_NOOP("Fields", "is {value}; use a 24-hour time like 08:00 or 22:30")
)
NOT_A_ZONE = _field(
    QT_TRANSLATE_NOOP(
        "Fields", "is {value}; use an IANA time zone such as Africa/Cairo or Asia/Riyadh"
    )
)
NO_OFFSET = _field(
    QT_TRANSLATE_NOOP("Fields", "needs a time zone offset, e.g. 2025-03-01T09:00:00+02:00 or ...Z")
)
NOT_A_DATE = _field(
    QT_TRANSLATE_NOOP("Fields", "is {value}; use an ISO 8601 date-time like 2025-03-01T09:00:00Z")
)
INVALID = _field(QT_TRANSLATE_NOOP("Fields", "{what} has invalid fields: {field} {problem}."))
INVALID_MORE = _field(
    QT_TRANSLATE_NOOP("Fields", "{what} has invalid fields: {field} {problem} (and {count} more).")
)
THE_REQUEST = _field(QT_TRANSLATE_NOOP("Fields", "The request"))


class FieldReader:
    """Reads typed values out of ``data``; unknown keys are errors unless ``allowed``."""

    def __init__(
        self, data: Mapping[str, Any], *, prefix: str = "", allowed: set[str] | None = None
    ):
        if not isinstance(data, Mapping):
            raise ValidationFailed(
                NOT_AN_OBJECT(), details=[{"field": prefix or "body", "message": EXPECTED_OBJECT()}]
            )
        self.data = data
        self.prefix = prefix
        self.errors: list[dict[str, str | Text]] = []
        if allowed is not None:
            for key in data:
                if key not in allowed:
                    self.error(str(key), UNKNOWN_FIELD(names=", ".join(sorted(allowed))))

    def path(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def error(self, key: str, message: str | Text) -> None:
        """Records that field ``key`` is wrong: ``message`` completes a sentence that starts
        with the field's name ("is required")."""
        self.errors.append({"field": self.path(key), "message": message})

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.error(key, REQUIRED())
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
            self.error(key, NOT_TEXT())
            return default
        if strip:
            value = value.strip()
        if len(value) < min_len:
            self.error(key, EMPTY() if min_len == 1 else TOO_SHORT(count=min_len))
            return default
        if len(value) > max_len:
            self.error(key, TOO_LONG(length=len(value), limit=max_len))
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
                self.error(key, NOT_WHOLE(lo=lo, hi=hi))
                return default
        if not lo <= value <= hi:
            self.error(key, OUT_OF_RANGE(value=value, lo=lo, hi=hi))
            return default
        return int(value)

    def boolean(self, key: str, default: bool | None = None) -> bool | None:
        value = self._get(key, False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.error(key, NOT_BOOLEAN())
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
            self.error(key, NOT_A_CHOICE(value=repr(value), options=options))
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
        self.error(key, NOT_A_TIME(value=repr(value)))
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
        self.error(key, NOT_A_ZONE(value=repr(value)))
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
                self.error(key, NO_OFFSET())
                return None
            except ValueError:
                pass
        self.error(key, NOT_A_DATE(value=repr(value)))
        return None

    def finish(self, what: str | Text | None = None) -> None:
        """Raises ``ValidationFailed`` naming the first bad field (``what`` names the whole:
        "The package"; "The request" when not given) when any was recorded."""
        if self.errors:
            first = self.errors[0]
            params: dict[str, Param] = {
                "what": what or THE_REQUEST(),
                "field": first["field"],
                "problem": first["message"],
            }
            more = len(self.errors) - 1
            message = INVALID_MORE(count=more, **params) if more else INVALID(**params)
            raise ValidationFailed(message, details=self.errors)
