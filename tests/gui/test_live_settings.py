"""Settings take effect without a restart: the region reaches the Send page, a new API port
moves the running server, a new gateway URL is used by the next request."""

from __future__ import annotations

import dataclasses
import sys

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spreader_app.desktop import DesktopSession
from spreader_app.gui import tasks
from spreader_app.gui.pages.send_page import SendPage
from spreader_app.gui.pages.settings_page import SettingsPage
from tests.fakes.fake_zentra import FakeZentra
from tests.gui.conftest import GuiEnv
from tests.serve_process import free_port


def test_live_settings_region_saved_in_settings_reaches_the_send_page(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    gui_env.add_package()
    send, settings = SendPage(gui_env.context), SettingsPage(gui_env.context)
    qtbot.addWidget(send)
    qtbot.addWidget(settings)
    assert send.recipients.region() == ""
    assert send.recipients.region_edit.placeholderText() == "none"

    settings.region_combo.setCurrentIndex(settings.region_combo.findData("EG"))
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: send.recipients.region() == "EG")

    send.recipients.region_edit.setText("SA")  # typed for this message: kept
    settings.region_combo.setCurrentIndex(settings.region_combo.findData("GB"))
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: gui_env.container.settings.default_region == "GB")
    assert send.recipients.region() == "SA"


def test_live_settings_port_and_gateway_apply_in_the_running_desktop(
    qapp: QApplication, gui_env: GuiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The session installs its error reporting process-wide: put it back afterwards.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(tasks, "_error_sink", [])
    session = DesktopSession(qapp, gui_env.container)
    container = gui_env.container
    container.settings = dataclasses.replace(container.settings, port=free_port())
    gui_env.run(session.open())
    second = FakeZentra()
    gui_env.run(second.start())
    try:
        port = free_port()
        service = gui_env.container.app_settings
        gui_env.run(service.update({"port": port, "zentra_url": second.url}))

        assert not service.restart_needed()
        assert session.server.url == f"http://127.0.0.1:{port}"
        answer = gui_env.run(_get(f"{session.server.url}/health"))
        assert answer == 200
        package = gui_env.add_package()
        profile = gui_env.add_profile(package, 1)
        second.add_device("dev-1", "token-1-abcdefgh")
        second.lookups_enabled = True
        report = gui_env.run(gui_env.container.profiles.health(package, profile))
        assert report.device_status == "connected"  # asked of the new gateway
    finally:
        gui_env.run(session.server.stop())
        gui_env.run(second.stop())
        session.bridge.close()
        session.window.close()


async def _get(url: str) -> int:
    async with httpx.AsyncClient() as client:
        return (await client.get(url)).status_code
