"""The desktop app: one process, one qasync loop for the window, the engine and the local API."""

from __future__ import annotations

import asyncio
import logging
import sys

import qasync
from PySide6.QtWidgets import QApplication, QMessageBox

from spreader_app import __version__
from spreader_app.bootstrap import Container, build, settle_heap
from spreader_app.config import Settings, load_settings
from spreader_app.core.errors import SpreaderError
from spreader_app.gui.bridge import EventBridge
from spreader_app.gui.context import AppContext, Services
from spreader_app.gui.errors import ErrorReporter
from spreader_app.gui.fonts import load_bundled_fonts
from spreader_app.gui.icons import app_icon
from spreader_app.gui.main_window import MainWindow
from spreader_app.gui.theme import apply_theme
from spreader_app.gui.tray import Tray
from spreader_app.logging_setup import setup_logging
from spreader_app.paths import log_dir
from spreader_app.server.runner import ApiServer

log = logging.getLogger("spreader")

DRAIN_SECONDS = 10.0


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("Spreader")
    app.setApplicationDisplayName("Spreader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Spreader")
    app.setWindowIcon(app_icon())
    load_bundled_fonts(app)
    app.setQuitOnLastWindowClosed(False)
    return app


def services_of(container: Container) -> Services:
    return Services(
        packages=container.packages,
        profiles=container.profiles,
        sending=container.sending,
        replies=container.replies,
        stats=container.stats,
        inbox=container.inbox,
        settings=container.app_settings,
    )


class DesktopSession:
    """The window, tray and API server around a started container; ``run()`` until Quit."""

    def __init__(self, app: QApplication, container: Container) -> None:
        self.app = app
        self.container = container
        self.bridge = EventBridge(container.events)
        self.context = AppContext(services_of(container), self.bridge)
        self.tray: Tray | None = None
        self.window = MainWindow(
            self.context, keep_running=lambda: self.tray is not None and self.tray.available
        )
        self.tray = Tray(self.window, self.bridge)
        self.reporter = ErrorReporter(self.window)
        self.server = ApiServer(container)
        self.quit_event = asyncio.Event()
        self.window.quit_requested.connect(self.quit_event.set)
        self.tray.quit_requested.connect(self.quit_event.set)

    async def open(self) -> None:
        self.reporter.install()
        asyncio.get_running_loop().set_exception_handler(self.reporter.loop_handler)
        s = self.container.settings
        try:
            await self.server.start(s.host, s.port)
            self.window.set_api_status(f"API: {self.server.url}")
        except OSError as exc:
            self.window.set_api_status(f"API off: port {s.port} busy")
            log.warning("local API not started: %s", exc)
        self.window.show()
        await self.context.reload_packages()
        settle_heap()

    async def close(self) -> None:
        """Stops taking work, lets in-flight sends finish and be recorded, then closes."""
        self.window.hide()
        if self.tray is not None:
            self.tray.hide()
        await self.server.stop()
        await self.container.stop(timeout=DRAIN_SECONDS)
        self.bridge.close()

    async def run(self) -> int:
        await self.open()
        await self.quit_event.wait()
        await self.close()
        return 0


async def run_desktop(app: QApplication, settings: Settings) -> int:
    container = build(settings)
    try:
        await container.start()
    except SpreaderError as exc:
        box = QMessageBox(QMessageBox.Icon.Critical, "Spreader cannot start", exc.message)
        box.setAccessibleName("Start-up error")
        done = asyncio.Event()
        box.finished.connect(lambda _code: done.set())
        box.open()
        await done.wait()
        await container.stop(timeout=1)
        return 2
    return await DesktopSession(app, container).run()


def main() -> int:
    try:
        settings = load_settings()
    except SpreaderError as exc:
        print(f"spreader: {exc.message}", file=sys.stderr)
        return 2
    setup_logging(log_dir(settings.data_dir), settings.log_level)
    app = make_app()
    apply_theme(app, settings.theme)
    return int(qasync.run(run_desktop(app, settings)))
