"""The tray tells the owner at once: the pool breaker slowing sending or pausing Open Chat, a
customer's message, a device that stopped, a finished campaign in words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from spreader_app.core.events import (
    EventBus,
    InboundReceived,
    MessageFinished,
    PoolChanged,
    ProfileStatusChanged,
    TunnelChanged,
)
from spreader_app.core.models import MessageStatus, ProfileStatus
from spreader_app.core.receiving import TunnelPhase, TunnelState
from spreader_app.gui.bridge import EventBridge
from spreader_app.gui.tray import Tray


@pytest.fixture
def wired(qtbot: QtBot) -> Iterator[tuple[EventBus, EventBridge, Tray]]:
    """A tray on a window, fed by a bus through the bridge."""
    bus = EventBus()
    bridge = EventBridge(bus)
    window = QMainWindow()
    qtbot.addWidget(window)
    try:
        yield bus, bridge, Tray(window, bridge)
    finally:
        bridge.close()


def test_tray_notifies_a_tripped_breaker_and_a_pause_but_not_a_release(
    wired: tuple[EventBus, EventBridge, Tray],
) -> None:
    bus, bridge, tray = wired
    bus.publish(PoolChanged("pkg", "breaker_tripped", "p1", "slowed", 0.5, "Halved: banned."))
    bus.publish(PoolChanged("pkg", "paused", "p2", "paused", 0.5, "Second ban."))
    bus.publish(PoolChanged("pkg", "released", None, "slowed", 0.5, "Owner released."))
    bridge.flush()  # what the bridge's timer does every 100 ms
    titles = [title for title, _ in tray.notifications]
    assert titles == ["Sending slowed down", "Open Chat paused"]
    assert "Replies to customers still go out." in tray.notifications[1][1]
    assert tray.notifications[0][1].startswith("Halved: banned.")


def test_tray_notifies_customer_messages_and_a_device_that_stopped(
    wired: tuple[EventBus, EventBridge, Tray],
) -> None:
    bus, bridge, tray = wired
    bus.publish(InboundReceived("pkg", "+201066183456", "p1", "Is the order ready?"))
    bus.publish(InboundReceived("pkg", "+201066183457", "p1", "STOP", opted_out=True))
    bus.publish(ProfileStatusChanged("p2", "pkg", ProfileStatus.COOLDOWN, 40, "Not connected."))
    bus.publish(MessageFinished("m1", "pkg", MessageStatus.CANCELLED, 10, 4, 0))
    bridge.flush()

    notes = {isolate_free(title): text for title, text in tray.notifications}
    assert set(notes) == {
        "Message from +20 10 66183456",
        "+20 10 66183457 opted out",
        "Device disconnected",
        "Campaign finished",
    }
    assert notes["Message from +20 10 66183456"] == "Is the order ready?"
    assert notes["Campaign finished"] == "4 of 10 sent, 0 failed (cancelled)."


def isolate_free(text: str) -> str:
    return text.replace("\u2066", "").replace("\u2069", "")


def test_tray_says_when_the_tunnel_came_back_with_a_new_address(
    wired: tuple[EventBus, EventBridge, Tray],
) -> None:
    bus, bridge, tray = wired
    first = TunnelState(TunnelPhase.RUNNING, public_url="https://a.trycloudflare.com")
    bus.publish(TunnelChanged(first))
    bridge.flush()
    assert tray.notifications == []  # the first address is shown in Settings
    again = TunnelState(TunnelPhase.RUNNING, "https://b.trycloudflare.com", changed=True)
    bus.publish(TunnelChanged(again))
    bridge.flush()
    assert [title for title, _ in tray.notifications] == ["Webhook address changed"]
