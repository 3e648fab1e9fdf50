"""Writes ``resources/zones/<lang>.json``: the city that names each time zone (``Asia/Riyadh``
→ الرياض) in each translated interface language, for the sentences that say a delivery
waits for quiet hours in the customer's zone.

Qt has no translated names of time-zone cities, so they come from the Unicode CLDR's
exemplar cities through the ``babel`` package (as ``scripts/make_territories.py`` does for
countries). Babel is needed only to run this script; the table is bundled with
``resources/`` and read at run time by ``gui.regions.zone_city``. A zone the CLDR gives no
name in the language is left out (the window then shows the English city).

    pip install babel && python3 -m scripts.make_zone_cities
"""

from __future__ import annotations

import json
import sys
import zoneinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "zones"
LANGUAGES = ("ar",)


def english_city(zone: str) -> str:
    """The city Spreader shows in English: the zone's last part, spaces for underscores."""
    return zone.split("/")[-1].replace("_", " ")


def cities(language: str) -> dict[str, str]:
    """``{IANA zone: city}`` in ``language`` for every region/city zone of the system's
    time-zone database that the CLDR names in that language (aliases resolved by babel)."""
    from babel.dates import get_timezone_location  # only this script needs babel

    table: dict[str, str] = {}
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/")):
            continue
        try:
            city = get_timezone_location(zone, locale=language, return_city=True)
        except (LookupError, ValueError):
            continue
        if city and city != english_city(zone):
            table[zone] = city
    return table


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        table = cities(language)
        path = FOLDER / f"{language}.json"
        path.write_text(
            json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"{path.relative_to(ROOT)}: {len(table)} cities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
