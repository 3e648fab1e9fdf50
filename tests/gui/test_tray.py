"""The tray tells the owner at once when the pool breaker slows sending or pauses Open Chat."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from spreader_app.core.events import EventBus, PoolChanged
from spreader_app.gui.bridge import EventBridge
from spreader_app.gui.tray import Tray


def test_tray_notifies_a_tripped_breaker_and_a_pause_but_not_a_release(qtbot: QtBot) -> None:
    bus = EventBus()
    bridge = EventBridge(bus)
    window = QMainWindow()
    qtbot.addWidget(window)
    tray = Tray(window, bridge)
    try:
        bus.publish(PoolChanged("pkg", "breaker_tripped", "p1", "slowed", 0.5, "Halved: banned."))
        bus.publish(PoolChanged("pkg", "paused", "p2", "paused", 0.5, "Second ban."))
        bus.publish(PoolChanged("pkg", "released", None, "slowed", 0.5, "Owner released."))
        bridge.flush()  # what the bridge's timer does every 100 ms
        titles = [title for title, _ in tray.notifications]
        assert titles == ["Sending slowed down", "Open Chat paused"]
        assert "Replies to customers still go out." in tray.notifications[1][1]
        assert tray.notifications[0][1].startswith("Halved: banned.")
    finally:
        bridge.close()
