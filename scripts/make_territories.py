"""Writes ``resources/territories/<lang>.json``: the names of the phone regions Spreader offers
(every region the phonenumbers package supports) in each translated interface language.

Qt names territories only in English (``QLocale.territoryToString``), so the names come from
the Unicode CLDR through the ``babel`` package. Babel is needed only to run this script, not by
the app: the table it writes is a few kilobytes, is bundled with ``resources/`` and is read
at run time by ``gui.regions``. The CLDR data is under the Unicode License v3 (permissive; its
notice travels in ``resources/territories/README.md``).

    pip install babel && python3 -m scripts.make_territories
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import phonenumbers

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "territories"
LANGUAGES = ("ar",)


def names(language: str) -> dict[str, str]:
    """``{region code: name}`` in ``language`` for every region phonenumbers supports that
    the CLDR names (all 245 of them in CLDR 49)."""
    from babel import Locale  # only this script needs babel

    territories = Locale.parse(language).territories
    return {
        code: territories[code]
        for code in sorted(phonenumbers.SUPPORTED_REGIONS)
        if code in territories
    }


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        table = names(language)
        path = FOLDER / f"{language}.json"
        path.write_text(
            json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
        )
        missing = sorted(set(phonenumbers.SUPPORTED_REGIONS) - set(table))
        print(f"{path.relative_to(ROOT)}: {len(table)} names; without a name: {missing or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
