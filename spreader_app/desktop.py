"""The desktop app: one process, one qasync loop for the window, the engine and the local API."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Mapping

import qasync
from PySide6.QtWidgets import QApplication, QMessageBox

from spreader_app import __version__
from spreader_app.bootstrap import Container, build, settle_heap
from spreader_app.config import Settings, load_settings
from spreader_app.core.errors import SpreaderError
from spreader_app.gui.bridge import EventBridge
from spreader_app.gui.context import AppContext, Services
from spreader_app.gui.dialogs import run_dialog
from spreader_app.gui.errors import ErrorReporter
from spreader_app.gui.first_paint import watch_first_paint
from spreader_app.gui.fonts import load_bundled_fonts
from spreader_app.gui.i18n import install_language, ltr, shown, translate
from spreader_app.gui.icons import app_icon
from spreader_app.gui.main_window import MainWindow
from spreader_app.gui.passphrase_dialog import ask_passphrase
from spreader_app.gui.theme import apply_theme
from spreader_app.gui.tray import Tray
from spreader_app.instance import (
    DataFolderInUse,
    InstanceLock,
    knock,
    listen_for_knocks,
    lock_data_folder,
)
from spreader_app.logging_setup import setup_logging
from spreader_app.paths import log_dir
from spreader_app.restart import RESTART_EXIT, restart_command, spawn
from spreader_app.server.runner import ApiServer
from spreader_app.vault.handover import KeyHandover, take_handed_key
from spreader_app.vault.key_sources import (
    MASTER_KEY_VAR,
    KeySource,
    MemoryKeySource,
    NoVaultKey,
    default_key_chain,
)
from spreader_app.vault.passphrase import PASSPHRASE_NAME, PASSPHRASE_VAR, PassphraseStore

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
        receiving=container.receiving,
        templates=container.templates,
        pool=container.pool,
        why=container.why,
    )


class DesktopSession:
    """The window, tray and API server around a started container; ``run()`` until Quit."""

    def __init__(
        self, app: QApplication, container: Container, lock: InstanceLock | None = None
    ) -> None:
        """``lock``, when given, is this process's data-folder lock: a second start that
        finds it knocks, and this session brings its window to the front."""
        self.app = app
        self.container = container
        self.lock = lock
        self.knocks: asyncio.Server | None = None
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
        self.restarting = False
        self.context.restart_available = True
        self.context.restart_requested.connect(self._on_context_restart_requested)
        container.app_settings.add_applier(self._apply_address)
        self.first_paint = watch_first_paint(self.window, os.environ, self.quit_event.set)

    async def open(self) -> None:
        self.reporter.install()
        asyncio.get_running_loop().set_exception_handler(self.reporter.loop_handler)
        s = self.container.settings
        try:
            await self.server.start(s.host, s.port)
            self._show_api_address()
            self.container.receiving.serving_at(self.server.url)
        except OSError as exc:
            status = translate("Desktop", "API off: port {port} busy").format(port=ltr(s.port))
            self.window.set_api_status(status)
            log.warning("local API not started: %s", exc)
        self.window.show()
        self.container.receiving.resume()
        if self.lock is not None and self.tray is not None:
            self.knocks = await listen_for_knocks(self.lock, self.tray.show_window)
        await self.context.reload_packages()
        settle_heap()

    async def _apply_address(self, changes: Mapping[str, object]) -> set[str]:
        """A new API address or port: the server moves there at once (back to the old one
        when the new one is taken), and a running tunnel follows it."""
        if not {"host", "port"} & set(changes):
            return set()
        s = self.container.settings
        old = self.server.url
        await self.server.stop()
        try:
            await self.server.start(s.host, s.port)
        except OSError as exc:
            log.warning("local API cannot move to %s:%s: %s", s.host, s.port, exc)
            host, _, port = old.removeprefix("http://").rpartition(":")
            await self.server.start(host.strip("[]"), int(port))
            return set()
        self._show_api_address()
        await self.container.receiving.serving_moved(self.server.url)
        return {"host", "port"}

    def _show_api_address(self) -> None:
        status = translate("Desktop", "API: {address}").format(address=ltr(self.server.url))
        self.window.set_api_status(status)

    async def close(self) -> None:
        """Stops taking work, lets in-flight sends finish and be recorded, then closes."""
        self.window.hide()
        if self.tray is not None:
            self.tray.hide()
        if self.knocks is not None:
            self.knocks.close()
        await self.server.stop()
        await self.container.stop(timeout=DRAIN_SECONDS)
        self.bridge.close()

    def _on_context_restart_requested(self) -> None:
        self.restarting = True
        self.quit_event.set()

    async def run(self) -> int:
        """Until Quit (0) or Restart now (``RESTART_EXIT``), after an orderly close."""
        await self.open()
        await self.quit_event.wait()
        await self.close()
        return RESTART_EXIT if self.restarting else 0


async def open_vault(settings: Settings, env: Mapping[str, str]) -> KeySource | None:
    """The vault key source for this start: the configured chain (variable, passphrase
    variable, OS keyring) when it has a key, else the passphrase the owner types in the
    window (chosen on the first start, asked on later ones) unless Restart now handed its
    key over (``vault.handover``). ``None`` when the owner cancels; ``VaultUnavailable``
    for a configuration that is there but broken."""
    handed = take_handed_key(env)
    store = PassphraseStore(settings.data_dir)
    configured = env.get(MASTER_KEY_VAR, "").strip() or env.get(PASSPHRASE_VAR, "").strip()
    if configured or not store.exists():
        chain = default_key_chain(env, settings.data_dir)
        try:
            await asyncio.get_running_loop().run_in_executor(None, chain.load)
            return chain
        except NoVaultKey:
            pass
    if handed is not None and store.opens(handed):
        return MemoryKeySource(handed, name=PASSPHRASE_NAME)
    key = await ask_passphrase(store)
    return None if key is None else MemoryKeySource(key, name=PASSPHRASE_NAME)


async def start_error(exc: SpreaderError) -> None:
    """Shows why the app cannot start and waits until the owner has read it."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, translate("Desktop", "Spreader cannot start"), shown(exc.text)
    )
    box.setAccessibleName(translate("Desktop", "Start-up error"))
    await run_dialog(box)


async def run_desktop(
    app: QApplication,
    settings: Settings,
    lock: InstanceLock,
    env: Mapping[str, str] | None = None,
    handover: KeyHandover | None = None,
) -> int:
    """The window until Quit or Restart now; for a restart of a vault the owner unlocked with
    the passphrase, ``handover`` receives its key for the next process."""
    try:
        key_source = await open_vault(settings, os.environ if env is None else env)
    except SpreaderError as exc:
        await start_error(exc)
        return 2
    if key_source is None:
        return 0  # the owner chose not to unlock
    container = build(settings, key_source=key_source, role="desktop")
    try:
        await container.start()
    except SpreaderError as exc:
        await start_error(exc)
        await container.stop(timeout=1)
        return 2
    code = await DesktopSession(app, container, lock).run()
    typed = isinstance(key_source, MemoryKeySource)  # the passphrase or a handed-over key
    if code == RESTART_EXIT and handover is not None and typed:
        handover.key = key_source.load()
    return code


def already_running(exc: DataFolderInUse) -> int:
    """A second start on a data folder in use: brings the running window to the front
    (exit 0), or says which process holds the folder (exit 2)."""
    if exc.holder is not None and knock(exc.holder):
        # not translated: the terminal's output, like the log
        print("spreader: already open; brought its window to the front", file=sys.stderr)
        return 0
    print(f"spreader: {exc.message}", file=sys.stderr)
    app = make_app()
    try:  # the running one owns the folder: read its settings, write nothing
        install_language(app, load_settings(read_only=True).language)
    except SpreaderError:
        pass  # unreadable settings: the running process reports them; this box stays English
    title = translate("Desktop", "Spreader is already running")
    box = QMessageBox(QMessageBox.Icon.Warning, title, shown(exc.text))
    box.setAccessibleName(title)
    box.exec()
    return 2


def main() -> int:
    try:
        lock = lock_data_folder("desktop")
    except DataFolderInUse as exc:
        return already_running(exc)
    except SpreaderError as exc:
        print(f"spreader: {exc.message}", file=sys.stderr)
        return 2
    handover = KeyHandover()
    try:
        code = _open_window(lock, handover)
    finally:
        lock.release()
    if code != RESTART_EXIT:
        return code
    # The lock is released: the new process takes it as any start does.
    try:
        spawn(restart_command(), handover.key)
    except OSError as exc:
        log.error("could not start Spreader again: %s", exc)
        return 2
    return 0


def _open_window(lock: InstanceLock, handover: KeyHandover) -> int:
    """Everything after the data folder is locked: settings, logging, the window."""
    try:
        settings = load_settings()
    except SpreaderError as exc:
        print(f"spreader: {exc.message}", file=sys.stderr)
        return 2
    setup_logging(log_dir(settings.data_dir), settings.log_level)
    app = make_app()
    # Before any window is built: widgets take their texts when they are made.
    install_language(app, settings.language)
    apply_theme(app, settings.theme)
    return int(qasync.run(run_desktop(app, settings, lock, handover=handover)))
