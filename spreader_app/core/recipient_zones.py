"""The time zone of a recipient, from their number (BAN_SAFETY.md section 5).

Looked up once at acceptance, never per send: phonenumbers' prefix table gives the zones of
a number's longest known prefix; a small override table corrects the countries the library
gets wrong; several zones within 3 hours of each other are all kept (a send then waits until
the window is open in every one); a wider spread takes the country's default zone (editable
per package); a number with no zone takes the package's. Answers are cached by the matched
prefix, so 100,000 numbers cost a few dictionary look-ups each.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo, available_timezones

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE
from phonenumbers.tzdata import TIMEZONE_DATA, TIMEZONE_LONGEST_PREFIX

from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Text

# Calling code → the zone the whole country keeps, where phonenumbers 9.0.43 is wrong:
# Morocco is not on the Canaries' clock, and Algeria has no daylight saving, unlike Paris.
ZONE_OVERRIDES: Final[Mapping[int, str]] = {
    212: "Africa/Casablanca",
    213: "Africa/Algiers",
}
# Country → the zone used when its numbers span more than ``MAX_SPREAD_HOURS``.
COUNTRY_DEFAULT_ZONES: Final[Mapping[str, str]] = {
    "RU": "Europe/Moscow",
    "KZ": "Asia/Almaty",
    "AU": "Australia/Sydney",
    "US": "America/New_York",
    "CA": "America/Toronto",
    "BR": "America/Sao_Paulo",
    "MX": "America/Mexico_City",
    "ID": "Asia/Jakarta",
}
MAX_SPREAD_HOURS: Final = 3.0
_UNKNOWN: Final = "Etc/Unknown"
# Two reference instants, northern winter and summer: a spread is measured at both.
_PROBES: Final = (
    datetime(2026, 1, 15, 12, tzinfo=UTC),
    datetime(2026, 7, 15, 12, tzinfo=UTC),
)


class ZoneSource(enum.StrEnum):
    """Where a recipient's zone came from (shown beside their local time)."""

    NUMBER = "number"  # the number's own prefix: one zone, or several close ones
    OVERRIDE = "override"  # the override table (the library is wrong for the country)
    COUNTRY = "country"  # the country's default zone: its numbers span too many hours
    PACKAGE = "package"  # no zone known for the number: the package's own zone


@dataclass(frozen=True, slots=True)
class RecipientZone:
    """A recipient's zones (one, or several within 3 hours) and where they came from.

    ``key`` is the stored form: the zone names joined by spaces, or ``""`` for the
    package's zone (which is read at decision time, so a later change of it applies).
    """

    zones: tuple[str, ...]
    source: ZoneSource

    @property
    def key(self) -> str:
        return " ".join(self.zones)


PACKAGE_ZONE: Final = RecipientZone((), ZoneSource.PACKAGE)


def zones_of_key(key: str | None) -> tuple[str, ...]:
    """The zone names of a stored key (``()``: the package's zone)."""
    return tuple(key.split()) if key else ()


def check_zone_defaults(defaults: Mapping[str, str]) -> list[str]:
    """Problems with a package's per-country default zones, one English sentence each."""
    return [str(problem) for problem in zone_row_problems(list(defaults.items()))]


def zone_row_problems(rows: Sequence[tuple[str, str]]) -> list[Text]:
    """Problems with per-country default zones given as ``(country, zone)`` rows (as a form
    holds them, so a country listed twice is seen), one translatable sentence each."""
    problems: list[Text] = []
    known = _zone_names()
    seen: set[str] = set()
    for country, zone in rows:
        if country in seen:
            problems.append(Text(_CONTEXT, _TWICE, country=country))
        seen.add(country)
        if not (len(country) == 2 and country.isalpha() and country.isupper()):
            problems.append(Text(_CONTEXT, _NOT_A_COUNTRY, country=repr(country)))
        if zone not in known:
            problems.append(Text(_CONTEXT, _NOT_A_ZONE, zone=repr(zone), country=country))
    return problems


_CONTEXT = "RecipientZones"
_TWICE = QT_TRANSLATE_NOOP("RecipientZones", "{country} is listed twice; keep one row per country")
_NOT_A_COUNTRY = QT_TRANSLATE_NOOP(
    "RecipientZones", "{country} is not a two-letter country code such as RU"
)
_NOT_A_ZONE = QT_TRANSLATE_NOOP(
    "RecipientZones", "{zone} (for {country}) is not a time zone name such as Asia/Yekaterinburg"
)


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


class ZoneResolver:
    """Gives each E.164 number its ``RecipientZone``; one per package and acceptance.

    ``defaults`` adds to (or replaces entries of) ``COUNTRY_DEFAULT_ZONES``.
    """

    def __init__(self, defaults: Mapping[str, str] | None = None) -> None:
        self._defaults = {**COUNTRY_DEFAULT_ZONES, **(defaults or {})}
        self._by_prefix: dict[str, RecipientZone] = {}
        self._by_head: dict[str, RecipientZone] = {}

    def zone(self, e164: str) -> RecipientZone:
        """The zone of a valid E.164 number (``+`` and digits); ``PACKAGE_ZONE`` when the
        number's prefix has no zone."""
        digits = e164[1:] if e164.startswith("+") else e164
        # The longest prefix the table knows decides, so the first digits as long as its
        # longest prefix are a complete cache key (numbers of one campaign share most).
        head = digits[:TIMEZONE_LONGEST_PREFIX]
        cached = self._by_head.get(head)
        if cached is not None:
            return cached
        found = PACKAGE_ZONE
        data, by_prefix = TIMEZONE_DATA, self._by_prefix
        for length in range(min(TIMEZONE_LONGEST_PREFIX, len(digits)), 0, -1):
            prefix = digits[:length]
            if prefix in data:
                known = by_prefix.get(prefix)
                if known is None:
                    known = by_prefix[prefix] = self._resolve(digits, data[prefix])
                found = known
                break
        self._by_head[head] = found
        return found

    def _resolve(self, digits: str, zones: tuple[str, ...]) -> RecipientZone:
        code = _calling_code(digits)
        if code is not None and code in ZONE_OVERRIDES:
            return RecipientZone((ZONE_OVERRIDES[code],), ZoneSource.OVERRIDE)
        known = tuple(sorted(z for z in zones if z != _UNKNOWN))
        if not known:
            return PACKAGE_ZONE
        if len(known) == 1 or spread_hours(known) <= MAX_SPREAD_HOURS:
            return RecipientZone(known, ZoneSource.NUMBER)
        regions = COUNTRY_CODE_TO_REGION_CODE.get(code or 0, ())
        country = regions[0] if regions else ""
        default = self._defaults.get(country)
        return RecipientZone((default,), ZoneSource.COUNTRY) if default else PACKAGE_ZONE


def spread_hours(zones: tuple[str, ...]) -> float:
    """The widest gap between the zones' UTC offsets, in hours, winter or summer."""
    widest = 0.0
    for probe in _PROBES:
        offsets = [_offset(probe, zone) for zone in zones]
        widest = max(widest, (max(offsets) - min(offsets)) / 3600)
    return widest


def _offset(at: datetime, zone: str) -> float:
    delta = at.astimezone(ZoneInfo(zone)).utcoffset()
    return delta.total_seconds() if delta is not None else 0.0


def _calling_code(digits: str) -> int | None:
    for length in (1, 2, 3):
        code = int(digits[:length]) if digits[:length].isdigit() else -1
        if code in COUNTRY_CODE_TO_REGION_CODE:
            return code
    return None
