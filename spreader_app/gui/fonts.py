"""The fonts Spreader ships, so that Arabic shows on a computer without an Arabic font."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from spreader_app.paths import resource

log = logging.getLogger("spreader")


def load_bundled_fonts(app: QApplication) -> list[str]:
    """Registers the fonts in ``resources/fonts`` and appends their families to the
    application font's, as fallbacks: a character the system's UI font lacks (Arabic, on a
    Latin-only system) is drawn with a bundled font before the system's own fallback search.

    Returns the bundled families registered. A font Qt cannot read is logged and skipped, so
    a damaged install still starts.
    """
    families: list[str] = []
    for path in sorted(resource("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Could not load the bundled font %s", path)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    font = app.font()
    font.setFamilies([*font.families(), *(f for f in families if f not in font.families())])
    app.setFont(font)
    return families
