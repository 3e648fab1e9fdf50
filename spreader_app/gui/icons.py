"""Icons from ``resources/icons``: SVGs tinted to the palette and rendered for high DPI."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from spreader_app.paths import resource

MIRRORED_RIGHT_TO_LEFT = frozenset({"send", "reply"})
"""Icons that point a way (the paper plane flies ahead, the reply arrow goes back): drawn
mirrored in a right-to-left layout. Play and the vertical import/export arrows are not."""


@cache
def _svg(name: str) -> str:
    return resource(f"icons/{name}.svg").read_text(encoding="utf-8")


class _TintedSvg(QIconEngine):
    """Draws an SVG icon in the palette colour of the moment it is painted.

    So icons follow a theme switch, and show disabled and selected states, without anyone
    re-creating them.
    """

    def __init__(self, name: str, color: QColor | None) -> None:
        super().__init__()
        self._name = name
        self._color = color

    def _tint(self, mode: QIcon.Mode) -> QColor:
        if self._color is not None and mode is not QIcon.Mode.Disabled:
            return self._color
        app = QGuiApplication.instance()
        palette = app.palette() if isinstance(app, QGuiApplication) else QPalette()
        if mode is QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        if mode is QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText)
        return palette.color(QPalette.ColorRole.WindowText)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        renderer = _renderer(self._name, self._tint(mode).name())
        mirrored = (
            self._name in MIRRORED_RIGHT_TO_LEFT
            and QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        )
        if not mirrored:
            renderer.render(painter, QRectF(rect))
            return
        painter.save()
        painter.translate(rect.x() * 2 + rect.width(), 0)
        painter.scale(-1, 1)
        renderer.render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pix = QPixmap(size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pix

    def clone(self) -> QIconEngine:
        return _TintedSvg(self._name, self._color)


@cache
def _renderer(name: str, color: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(_svg(name).replace("currentColor", color).encode()))


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The named icon, drawn in ``color`` or else in the current palette's text colour.

    Vector-rendered at whatever size and pixel ratio it is shown, so it stays sharp.
    """
    _svg(name)  # fail early on a wrong name
    return QIcon(_TintedSvg(name, color))


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
