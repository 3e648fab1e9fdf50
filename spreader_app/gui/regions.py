"""The phone regions offered in Settings, and the cities of time zones, named in the
interface language.

Qt names countries only in English (``QLocale.territoryToString``) and cities not at all;
the other languages' names come from ``resources/territories/<language>.json`` and
``resources/zones/<language>.json``, small tables generated from the Unicode CLDR
(``scripts/make_territories.py``, ``scripts/make_zone_cities.py``). A name missing from a
table stays English.
"""

from __future__ import annotations

import functools
import json
import logging

import phonenumbers
from PySide6.QtCore import QCollator, QLocale

from spreader_app.gui.i18n import ENGLISH, current_language
from spreader_app.paths import resource

log = logging.getLogger("spreader")
SEPARATOR = " — "


@functools.cache
def _names(folder: str, language: str) -> dict[str, str]:
    """A bundled ``resources/<folder>/<language>.json`` table; empty for English or when the
    table is missing or unreadable (logged)."""
    if language == ENGLISH:
        return {}
    path = resource(f"{folder}/{language}.json")
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("These names stay in English: %s (%s)", path, exc)
        return {}
    return {str(code): str(name) for code, name in table.items()}


def region_names(language: str) -> dict[str, str]:
    """``{code: name}`` of the phone regions in ``language`` (empty for English)."""
    return _names("territories", language)


def zone_city(zone: str, language: str | None = None) -> str | None:
    """The city naming the IANA time zone ``zone`` in ``language`` (the interface's by
    default): ``Asia/Riyadh`` → الرياض; ``None`` in English or when the CLDR has no name."""
    return _names("zones", current_language() if language is None else language).get(zone)


def english_name(code: str) -> str:
    """Qt's English name of the region ``code`` (``""`` when Qt has none)."""
    return QLocale.territoryToString(QLocale.codeToTerritory(code))


def region_choices(language: str | None = None) -> list[tuple[str, str]]:
    """``(code, "EG — Egypt")`` for every region phonenumbers supports, named in
    ``language`` (the interface's by default) and sorted by that name as its readers sort."""
    language = current_language() if language is None else language
    names = region_names(language)
    out = []
    for code in phonenumbers.SUPPORTED_REGIONS:
        name = names.get(code) or english_name(code)
        out.append((code, f"{code}{SEPARATOR}{name}" if name else code))
    collator = QCollator(QLocale(language))
    return sorted(
        out, key=lambda item: collator.sortKey(item[1].partition(SEPARATOR)[2] or item[0])
    )
