"""Package use cases: create, read, update, delete, with every policy field validated."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import time
from typing import Any

from spreader_app.core.clock import Clock
from spreader_app.core.errors import NotFound
from spreader_app.core.fields import FieldReader
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import DistributionMode, Package, PackageStatus
from spreader_app.core.ports import CatalogPort
from spreader_app.core.quiet_hours import QuietHoursError, parse_quiet_hours
from spreader_app.core.recipient_zones import check_zone_defaults, zone_row_problems
from spreader_app.core.services.words import NO_PACKAGE
from spreader_app.core.text import Text

# New packages send Open Chat only 09:00-21:00 on each recipient's clock.
DEFAULT_QUIET_HOURS = "21:00-09:00"
PACKAGE_FIELDS = {
    "name",
    "description",
    "status",
    "distribution_mode",
    "max_messages_per_profile_per_hour",
    "max_messages_per_profile_per_day",
    "cooldown_seconds",
    "active_hours_start",
    "active_hours_end",
    "timezone",
    "retry_failed_messages",
    "retry_attempts",
    "retry_delay_ms",
    "sticky_open_chat",
    "warmup_enabled",
    "max_unanswered_per_profile_per_30d",
    "recipient_quiet_hours",
    "recipient_zones",
}


def apply_package_fields(base: Package, data: Mapping[str, Any], *, creating: bool) -> Package:
    """``base`` with ``data`` applied; raises ``ValidationFailed`` listing every bad field."""
    r = FieldReader(data, allowed=PACKAGE_FIELDS)
    changes: dict[str, Any] = {
        "name": r.text("name", base.name, required=creating, min_len=1),
        "description": r.text("description", base.description, max_len=2000),
        "status": r.choice("status", PackageStatus, base.status),
        "distribution_mode": r.choice(
            "distribution_mode", DistributionMode, base.distribution_mode
        ),
        "max_messages_per_profile_per_hour": r.integer(
            "max_messages_per_profile_per_hour",
            base.max_messages_per_profile_per_hour,
            lo=1,
            hi=10_000,
        ),
        "max_messages_per_profile_per_day": r.integer(
            "max_messages_per_profile_per_day",
            base.max_messages_per_profile_per_day,
            lo=1,
            hi=100_000,
        ),
        "cooldown_seconds": r.integer("cooldown_seconds", base.cooldown_seconds, lo=0, hi=86_400),
        "active_hours_start": r.clock_time("active_hours_start", base.active_hours_start),
        "active_hours_end": r.clock_time("active_hours_end", base.active_hours_end),
        "timezone": r.zone("timezone", base.timezone),
        "retry_failed_messages": r.boolean("retry_failed_messages", base.retry_failed_messages),
        "retry_attempts": r.integer("retry_attempts", base.retry_attempts, lo=0, hi=10),
        "retry_delay_ms": r.integer("retry_delay_ms", base.retry_delay_ms, lo=100, hi=3_600_000),
        "sticky_open_chat": r.boolean("sticky_open_chat", base.sticky_open_chat),
        "warmup_enabled": r.boolean("warmup_enabled", base.warmup_enabled),
        "max_unanswered_per_profile_per_30d": r.integer(
            "max_unanswered_per_profile_per_30d",
            base.max_unanswered_per_profile_per_30d,
            lo=0,
            hi=1_000_000,
        ),
        "recipient_quiet_hours": _quiet_hours(r, data, base.recipient_quiet_hours),
        "recipient_zones": _zone_defaults(r, data, base.recipient_zones),
    }
    r.finish(Text("Fields", QT_TRANSLATE_NOOP("Fields", "The package")))
    return dataclasses.replace(base, **changes)


def _quiet_hours(r: FieldReader, data: Mapping[str, Any], current: str | None) -> str | None:
    """``recipient_quiet_hours``: ``"21:00-09:00"`` or ``null`` (off)."""
    if "recipient_quiet_hours" not in data:
        return current
    value = data["recipient_quiet_hours"]
    if value is None:
        return None
    if not isinstance(value, str):
        r.error(
            "recipient_quiet_hours",
            Text(
                "Fields",
                QT_TRANSLATE_NOOP("Fields", 'must be a range such as "21:00-09:00", or null (off)'),
            ),
        )
        return current
    problem = quiet_hours_problem(value)
    if problem is not None:
        r.error(
            "recipient_quiet_hours",
            Text(
                "Fields",
                QT_TRANSLATE_NOOP("Fields", "{problem}, or null to turn them off"),
                problem=problem,
            ),
        )
        return current
    return str(parse_quiet_hours(value))


def quiet_hours_problem(text: str) -> Text | None:
    """What is wrong with a ``recipient_quiet_hours`` window and what to write instead;
    ``None`` when it reads (the form and the API check it alike)."""
    try:
        parse_quiet_hours(text)
    except QuietHoursError as exc:
        return exc.text
    return None


def sending_hours(text: str) -> tuple[time, time] | None:
    """The hours a quiet-hours window leaves for sending on the recipient's clock:
    ``(09:00, 21:00)`` for ``"21:00-09:00"``; ``None`` when ``text`` does not read."""
    try:
        window = parse_quiet_hours(text)
    except QuietHoursError:
        return None
    return window.end, window.start


def zone_rows_problems(rows: Sequence[tuple[str, str]]) -> list[Text]:
    """What is wrong with per-country default zones given as ``(country, zone)`` rows (a
    form's rows: a country listed twice is caught), one sentence each."""
    return zone_row_problems(rows)


def _zone_defaults(
    r: FieldReader, data: Mapping[str, Any], current: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    """``recipient_zones``: per-country default zones, e.g. ``{"RU": "Asia/Yekaterinburg"}``."""
    if "recipient_zones" not in data:
        return current
    value = data["recipient_zones"] or {}
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        r.error(
            "recipient_zones",
            Text(
                "Fields",
                QT_TRANSLATE_NOOP("Fields", "must map country codes to zones, e.g. {example}"),
                example='{"RU": "Europe/Moscow"}',
            ),
        )
        return current
    for problem in check_zone_defaults(value):
        r.error("recipient_zones", problem)
    return tuple(sorted(value.items()))


class PackageService:
    """Package CRUD. ``on_change`` tells the engine to re-read its policy."""

    def __init__(
        self,
        store: CatalogPort,
        clock: Clock,
        on_change: Callable[[], None],
        *,
        default_timezone: str,
    ) -> None:
        self._store = store
        self._clock = clock
        self._on_change = on_change
        self._default_timezone = default_timezone

    async def create(self, data: Mapping[str, Any], actor: str = "api") -> Package:
        now = self._clock.now()
        base = Package(
            id=f"pkg_{uuid.uuid4().hex[:12]}",
            name="",
            timezone=self._default_timezone,
            recipient_quiet_hours=DEFAULT_QUIET_HOURS,
            created_at=now,
            updated_at=now,
        )
        pkg = apply_package_fields(base, data, creating=True)
        out = await self._store.add_package(pkg, now.timestamp(), actor)
        self._on_change()
        return out

    async def get(self, package_id: str) -> Package:
        pkg = await self._store.get_package(package_id)
        if pkg is None:
            raise NotFound(NO_PACKAGE(package_id=package_id))
        return pkg

    async def list(self) -> list[Package]:
        return await self._store.list_packages()

    async def update(self, package_id: str, data: Mapping[str, Any], actor: str = "api") -> Package:
        current = await self.get(package_id)
        now = self._clock.now()
        pkg = dataclasses.replace(
            apply_package_fields(current, data, creating=False), updated_at=now
        )
        changed = {k: str(v) for k, v in data.items() if k in PACKAGE_FIELDS}
        out = await self._store.update_package(pkg, now.timestamp(), actor, changed)
        self._on_change()
        return out

    async def delete(self, package_id: str, actor: str = "api") -> None:
        if not await self._store.delete_package(package_id, self._clock.timestamp(), actor):
            raise NotFound(NO_PACKAGE(package_id=package_id))
        self._on_change()
