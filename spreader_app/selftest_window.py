"""The self-test's window check: the desktop's main window built on a test engine, shown
in the configured language and theme, painted, and closed again.

Qt is imported inside the functions, so importing this module needs no Qt libraries.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

from spreader_app import paths
from spreader_app.config import ENV_VARS
from spreader_app.selftest_config import CheckFailed

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from spreader_app.bootstrap import Container

# A real display may need a moment to map the window; offscreen maps it at once.
EXPOSE_SECONDS: Final = 10.0


@contextmanager
def _language_installed(app: QApplication, existed: bool) -> Iterator[str]:
    """The interface language ``SPREADER_LANGUAGE`` names (else the desktop's), as the app
    installs it; on a ``QApplication`` that existed before, undone afterwards."""
    from PySide6.QtCore import Qt

    from spreader_app.gui.i18n import install_language

    setting = os.environ.get(ENV_VARS["language"], "").strip().lower() or "system"
    installed = install_language(app, setting)
    try:
        yield installed.language
    finally:
        if existed:
            for translator in installed.translators:
                app.removeTranslator(translator)
            app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@contextmanager
def _theme_applied(app: QApplication, theme: str, existed: bool) -> Iterator[None]:
    """Apply the app's theme; on a ``QApplication`` that existed before, undo it afterwards."""
    from spreader_app.gui.theme import apply_theme

    saved = (app.style().name(), app.palette(), app.styleSheet())
    apply_theme(app, theme)
    try:
        yield
    finally:
        if existed:
            app.setStyle(saved[0])
            app.setPalette(saved[1])
            app.setStyleSheet(saved[2])


def _exposed(window: QWidget) -> Callable[[], bool]:
    def exposed() -> bool:
        handle = window.windowHandle()
        return handle is not None and handle.isExposed()

    return exposed


async def _wait_for(predicate: Callable[[], bool], seconds: float) -> bool:
    """Poll ``predicate`` while the loop (and so Qt) keeps running; False after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


async def check_window(app: QApplication, container: Container, existed: bool) -> str:
    """Build the desktop session's main window on ``container``, show it, then close it."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from spreader_app.desktop import DesktopSession
    from spreader_app.gui.icons import app_icon

    icon = app_icon()
    image = icon.pixmap(32, 32).toImage()
    if icon.isNull() or image.pixelColor(16, 16).alpha() == 0:
        raise CheckFailed("the app icon rendered empty (resources/icons/app.svg or Qt SVG missing)")
    sheet = paths.resource("styles/base.qss")
    if not sheet.is_file():
        raise CheckFailed(f"the style sheet is missing: {sheet}")
    with (
        _language_installed(app, existed) as language,
        _theme_applied(app, container.settings.theme, existed),
    ):
        if not app.styleSheet():
            raise CheckFailed(f"the style sheet {sheet} was not applied")
        session = DesktopSession(app, container)
        window = session.window
        try:
            window.show()
            if not await _wait_for(_exposed(window), EXPOSE_SECONDS):
                raise CheckFailed(
                    f"the main window did not appear on {app.platformName()!r} within "
                    f"{EXPOSE_SECONDS:.0f} s"
                )
            await session.context.reload_packages()
            shot = window.grab()
            pages = window.stack.count()
            first_section = window.sidebar.item(0).text()
            direction = window.layoutDirection()
        finally:
            window.hide()
            if session.tray is not None:
                session.tray.hide()
            session.bridge.close()
            window.close()
            window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if shot.isNull():
        raise CheckFailed("the main window could not be painted")
    reading = "right to left" if direction.name == "RightToLeft" else "left to right"
    return (
        f"main window with {pages} pages shown and closed on {app.platformName()!r}; "
        f"app icon and style sheet {sheet.name} loaded; interface in {language}, {reading}, "
        f"first section {first_section!r}"
    )
