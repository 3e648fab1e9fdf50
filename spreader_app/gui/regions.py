"""The phone regions offered in Settings, named in the interface language.

Qt names countries only in English (``QLocale.territoryToString``); the other languages'
names come from ``resources/territories/<language>.json``, a small table generated from the
Unicode CLDR (``scripts/make_territories.py``). A region missing from the table keeps its
English name.
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
def region_names(language: str) -> dict[str, str]:
    """``{code: name}`` in ``language`` from the bundled table; empty for English or when the
    table is missing or unreadable (logged)."""
    if language == ENGLISH:
        return {}
    path = resource(f"territories/{language}.json")
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("Country names stay in English: %s (%s)", path, exc)
        return {}
    return {str(code): str(name) for code, name in table.items()}


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
