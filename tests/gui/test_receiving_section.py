"""Settings → "Receive customers' messages": the tunnel's address shown with Copy, the Test
button's probe arriving through it, the guidance without cloudflared, the own address."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from spreader_app.core.receiving import ReceiveMode, TunnelPhase
from spreader_app.gui.pages.settings.receiving_section import ReceivingSection
from spreader_app.server.runner import ApiServer
from tests.fakes.fake_cloudflared import alive, started_pids
from tests.gui.conftest import GuiEnv

LEFT = Qt.MouseButton.LeftButton
SECRET = "test-webhook-secret-0123456789"


def pick(qtbot: QtBot, radio: QRadioButton) -> None:
    """Clicks the radio button on its circle (a click right of its text does nothing)."""
    qtbot.mouseClick(radio, LEFT, pos=QPoint(6, radio.height() // 2))


@pytest.fixture
def served(gui_env: GuiEnv) -> Iterator[ApiServer]:
    server = ApiServer(gui_env.container)
    gui_env.run(server.start("127.0.0.1", 0))
    gui_env.container.receiving.serving_at(server.url)
    try:
        yield server
    finally:
        gui_env.run(server.stop())


@pytest.fixture
def loopback_tool(fake_tool: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The stand-in ``cloudflared`` announcing an address reachable on this computer."""
    monkeypatch.setenv("FAKE_TUNNEL_LOOPBACK", "1")
    return fake_tool


@pytest.fixture
def section(qtbot: QtBot, gui_env: GuiEnv) -> ReceivingSection:
    section = ReceivingSection(gui_env.context)
    qtbot.addWidget(section)
    section.resize(1000, 900)
    section.show()
    return section


def test_receiving_section_tunnel_shows_url_and_test_arrives(
    qtbot: QtBot, gui_env: GuiEnv, served: ApiServer, loopback_tool: Path, section: ReceivingSection
) -> None:
    assert section.off_radio.isChecked()
    assert section.url_edit.text() == ""

    pick(qtbot, section.tunnel_radio)
    gui_env.wait(lambda: section.url_edit.text().startswith("http://127.0.0.1:"), 20)

    assert section.url_edit.text().endswith(f"/webhooks/zentra/{SECRET}")
    assert "Tunnel running at" in section.tunnel_status.text()
    assert not section.install_help.isVisible()
    qtbot.mouseClick(section.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == section.url_edit.text()
    qtbot.mouseClick(section.test_button, LEFT)
    gui_env.wait(lambda: "Arrived" in section.result_label.text(), 20)
    assert " ms." in section.result_label.text()
    assert gui_env.container.settings.receive_mode == ReceiveMode.TUNNEL

    [pid] = started_pids(loopback_tool)
    pick(qtbot, section.off_radio)
    gui_env.wait(lambda: section.view.mode is ReceiveMode.OFF)
    assert not alive(pid)
    assert section.url_edit.text() == ""


def test_receiving_section_restarted_tunnel_says_the_address_changed(
    qtbot: QtBot, gui_env: GuiEnv, served: ApiServer, loopback_tool: Path, section: ReceivingSection
) -> None:
    pick(qtbot, section.tunnel_radio)
    gui_env.wait(lambda: section.url_edit.text().startswith("http://"), 20)
    first = section.url_edit.text()
    [pid] = started_pids(loopback_tool)

    os.kill(pid, 9)

    gui_env.wait(lambda: "Starting again in" in section.tunnel_status.text(), 20)
    gui_env.wait(lambda: section.url_edit.text() not in ("", first), 20)
    assert section.changed_label.isVisible()
    assert "The address changed" in section.changed_label.text()


def test_receiving_section_without_cloudflared_gives_the_three_ways(
    qtbot: QtBot,
    gui_env: GuiEnv,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    section: ReceivingSection,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))

    pick(qtbot, section.tunnel_radio)
    gui_env.wait(lambda: section.view.mode is ReceiveMode.TUNNEL)

    assert section.view.tunnel.phase is TunnelPhase.NOT_INSTALLED
    assert section.install_help.isVisible()
    for way in ("Install cloudflared", "Forward a port", "An address you already have"):
        assert way in section.install_help.text()
    qtbot.mouseClick(section.test_button, LEFT)
    gui_env.wait(lambda: "Not received" in section.result_label.text())
    assert "cloudflared is not installed" in section.result_label.text()


def test_receiving_section_own_address_warns_about_exposure_and_probes_it(
    qtbot: QtBot, gui_env: GuiEnv, served: ApiServer, section: ReceivingSection
) -> None:
    pick(qtbot, section.address_radio)
    assert not section.exposure_label.isVisible()
    section.listen_combo.setCurrentText("0.0.0.0")
    assert section.exposure_label.isVisible()
    section.listen_combo.setCurrentText("127.0.0.1")
    section.public_edit.setText("not an address")
    qtbot.mouseClick(section.apply_button, LEFT)
    gui_env.wait(lambda: section.address_error.isVisible())
    assert "https://shop.example.com" in section.address_error.text()

    # The local server stands in for the owner's public address.
    section.public_edit.setText(served.url)
    qtbot.mouseClick(section.apply_button, LEFT)
    gui_env.wait(lambda: section.url_edit.text().startswith(served.url))
    assert gui_env.container.settings.public_url == served.url
    qtbot.mouseClick(section.test_button, LEFT)
    gui_env.wait(lambda: "Arrived" in section.result_label.text(), 20)
