"""The first hour on a desktop without a keyring, through the real start-up: a passphrase is
chosen in the window, a package and profile are created, the tunnel's webhook URL shows in
Settings, Quit ends the tunnel; the next start refuses a wrong passphrase and opens with the
right one, the profile's token intact."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from spreader_app.config import Settings
from spreader_app.desktop import run_desktop
from spreader_app.gui import tasks
from spreader_app.gui.main_window import MainWindow
from spreader_app.gui.pages.settings_page import SettingsPage
from spreader_app.gui.passphrase_dialog import PassphraseDialog
from spreader_app.instance import InstanceLock
from spreader_app.restart import RESTART_EXIT
from spreader_app.vault.handover import HANDED_KEY_FD_VAR, KeyHandover, key_pipe
from spreader_app.vault.passphrase import PassphraseStore
from tests.fakes.fake_cloudflared import alive, started_pids
from tests.fakes.fake_zentra import FakeZentra
from tests.gui.conftest import run, until
from tests.gui.helpers import visible_window
from tests.serve_process import free_port

GOOD = "copper lantern orchard tide"
TOKEN = "token-1-abcdefgh"


def _window(loop: asyncio.AbstractEventLoop) -> MainWindow:
    """The window this start opened (not one another test left behind)."""

    def opened() -> MainWindow | None:
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible() and w not in _seen
            ),
            None,
        )

    run(loop, until(lambda: opened() is not None, 30), 40)
    window = opened()
    assert window is not None
    _seen.add(window)
    return window


_seen: set[MainWindow] = set()


def _answer(loop: asyncio.AbstractEventLoop, text: str, *, twice: bool) -> PassphraseDialog:
    run(loop, until(lambda: visible_window(PassphraseDialog) is not None))
    dialog = visible_window(PassphraseDialog)
    assert dialog is not None
    dialog.passphrase.setText(text)
    if twice:
        dialog.repeat.setText(text)
    dialog._check()
    return dialog


def test_desktop_first_hour_passphrase_tunnel_quit_and_restart(
    qloop: qasync.QEventLoop,
    qapp: QApplication,
    tmp_path: Path,
    no_keyring: None,
    fake_tool: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The session installs its error reporting process-wide: put it back afterwards.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(tasks, "_error_sink", [])
    pids = fake_tool
    fake = FakeZentra()
    run(qloop, fake.start())
    fake.add_device("dev-1", TOKEN)
    fake.lookups_enabled = True
    data = tmp_path / "data"
    data.mkdir()
    settings = Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'spreader.db'}",
        api_key="test-api-key-0123456789abcdef",
        webhook_secret="test-webhook-secret-0123456789",
        zentra_url=fake.url,
        port=free_port(),
        receive_mode="tunnel",
    )

    def start(
        env: dict[str, str] | None = None, handover: KeyHandover | None = None
    ) -> tuple[asyncio.Future[int], InstanceLock]:
        lock = InstanceLock(data)
        lock.acquire("desktop")
        running = run_desktop(qapp, settings, lock, env=env or {}, handover=handover)
        return asyncio.ensure_future(running, loop=qloop), lock

    def quit_app(window: MainWindow, task: asyncio.Future[int], lock: InstanceLock) -> None:
        window.quit_requested.emit()
        assert run(qloop, task, 30) == 0
        lock.release()

    _seen.update(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    try:
        task, lock = start()
        _answer(qloop, GOOD, twice=True)
        window = _window(qloop)
        services = window.context.services
        package = run(qloop, services.packages.create({"name": "Shop"}))
        body = {"name": "Phone 1", "zentra_uuid": "dev-1", "zentra_api_token": TOKEN}
        profile = run(qloop, services.profiles.create(package.id, body))
        page = window.page("settings")
        assert isinstance(page, SettingsPage)
        url = page.receiving_section.url_edit
        run(qloop, until(lambda: url.text().startswith("https://"), 30), 40)
        assert ".trycloudflare.com/webhooks/zentra/" in url.text()
        [pid] = started_pids(pids)

        quit_app(window, task, lock)

        assert not alive(pid)
        assert TOKEN.encode() not in (data / "spreader.db").read_bytes()

        task, lock = start()
        dialog = _answer(qloop, "copper lantern orchard tides", twice=False)
        assert dialog.isVisible()
        assert "not the one this vault was locked with" in dialog.problem.text()
        _answer(qloop, GOOD, twice=False)
        window = _window(qloop)
        report = run(qloop, window.context.services.profiles.health(package.id, profile.id))
        assert report.device_status == "connected"  # the gateway took the decrypted token
        quit_app(window, task, lock)
        assert all(not alive(p) for p in started_pids(pids))

        # Restart now (a language change) hands the unlocked key to the next start, which
        # opens without asking for the passphrase again.
        handover = KeyHandover()
        task, lock = start(handover=handover)
        _answer(qloop, GOOD, twice=False)
        window = _window(qloop)
        window.context.restart_requested.emit()
        assert run(qloop, task, 30) == RESTART_EXIT
        lock.release()
        assert handover.key is not None and PassphraseStore(data).opens(handover.key)

        task, lock = start(env={HANDED_KEY_FD_VAR: str(key_pipe(handover.key))})
        window = _window(qloop)
        assert visible_window(PassphraseDialog) is None
        report = run(qloop, window.context.services.profiles.health(package.id, profile.id))
        assert report.device_status == "connected"
        quit_app(window, task, lock)
    finally:
        run(qloop, fake.stop())
