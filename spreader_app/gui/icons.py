"""Icons from ``resources/icons``: SVGs tinted to the palette and rendered for high DPI."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from spreader_app.paths import resource

SIZES = (16, 20, 24, 32, 48)


@cache
def _svg(name: str) -> str:
    return resource(f"icons/{name}.svg").read_text(encoding="utf-8")


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The named icon drawn in ``color`` (the palette's text colour by default).

    Rendered at several sizes and at the screen's device pixel ratio, so it stays sharp.
    """
    if color is None:
        app = QGuiApplication.instance()
        palette = app.palette() if isinstance(app, QGuiApplication) else QPalette()
        color = palette.color(QPalette.ColorRole.WindowText)
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", color.name()).encode()))
    ratio = 2.0
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and app.primaryScreen() is not None:
        ratio = max(ratio, app.primaryScreen().devicePixelRatio())
    out = QIcon()
    for size in SIZES:
        pix = QPixmap(QSize(int(size * ratio), int(size * ratio)))
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        renderer.render(painter, QRectF(0, 0, pix.width(), pix.height()))
        painter.end()
        pix.setDevicePixelRatio(ratio)
        out.addPixmap(pix)
    return out


def app_icon() -> QIcon:
    """The application icon (window, tray, taskbar)."""
    out = QIcon()
    renderer = QSvgRenderer(QByteArray(_svg("app").encode()))
    for size in (16, 24, 32, 48, 64, 128, 256):
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        out.addPixmap(pix)
    return out
