"""Light and dark palettes plus the shared style sheet from ``resources/styles``."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from spreader_app.paths import resource

_DARK = {
    QPalette.ColorRole.Window: "#1f2328",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#16191d",
    QPalette.ColorRole.AlternateBase: "#262b31",
    QPalette.ColorRole.ToolTipBase: "#2d333b",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#2d333b",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.Highlight: "#0f766e",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#9aa4ae",
    QPalette.ColorRole.Mid: "#444c56",
    QPalette.ColorRole.Midlight: "#373e47",
    QPalette.ColorRole.Link: "#5eead4",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#f6f7f9",
    QPalette.ColorRole.WindowText: "#1f2328",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#eef1f4",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1f2328",
    QPalette.ColorRole.Text: "#1f2328",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#1f2328",
    QPalette.ColorRole.Highlight: "#0f766e",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#6b7280",
    QPalette.ColorRole.Mid: "#cfd6dd",
    QPalette.ColorRole.Midlight: "#e3e8ed",
    QPalette.ColorRole.Link: "#0f766e",
}


def apply_theme(app: QApplication, theme: str) -> None:
    """Applies ``light``, ``dark`` or the ``system`` palette and the shared style sheet."""
    app.setStyle("Fusion")
    if theme == "system":
        app.setPalette(app.style().standardPalette())
    else:
        colors = _DARK if theme == "dark" else _LIGHT
        palette = QPalette()
        for role, color in colors.items():
            palette.setColor(role, QColor(color))
        # setColor() paints every group alike; disabled controls must look disabled.
        dim = QColor(colors[QPalette.ColorRole.PlaceholderText])
        dim.setAlpha(170)
        for role in (
            QPalette.ColorRole.WindowText,
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
        ):
            palette.setColor(QPalette.ColorGroup.Disabled, role, dim)
        app.setPalette(palette)
    sheet = resource("styles/base.qss")
    app.setStyleSheet(sheet.read_text(encoding="utf-8") if sheet.is_file() else "")
