"""The bundled Arabic font: loaded at start and used where the UI font has no Arabic."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from spreader_app.gui.fonts import load_bundled_fonts


def test_bundled_font_covers_arabic_and_backs_up_the_ui_font(qapp: QApplication) -> None:
    before = qapp.font()
    try:
        families = load_bundled_fonts(qapp)
        assert "Noto Sans Arabic" in families
        assert QFontDatabase.WritingSystem.Arabic in QFontDatabase.writingSystems(
            "Noto Sans Arabic"
        )
        assert qapp.font().families()[-1] == "Noto Sans Arabic"
        assert qapp.font().families()[0] == before.families()[0]
    finally:
        qapp.setFont(before)
