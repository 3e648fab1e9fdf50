"""Tray icon: progress at a glance, notifications, Show and a real Quit."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon

from spreader_app.core.events import (
    InboundReceived,
    MessageFinished,
    MessageProgress,
    PoolChanged,
    ProfileStatusChanged,
    TunnelChanged,
)
from spreader_app.core.models import ProfileStatus
from spreader_app.core.phones import display
from spreader_app.core.pool import PoolEventType
from spreader_app.core.receiving import TunnelPhase
from spreader_app.gui.bridge import EventBridge
from spreader_app.gui.i18n import isolated, shown_reason
from spreader_app.gui.icons import app_icon
from spreader_app.gui.words import MESSAGE_STATUS_LABELS

MAX_INBOUND_NOTES = 3  # a burst of messages is not a burst of notifications
NOTE_CHARS = 120


class Tray(QObject):
    """Keeps Spreader reachable while the window is closed; ``available`` is False where
    the desktop has no tray (then closing the window quits)."""

    quit_requested = Signal()

    def __init__(self, window: QMainWindow, bridge: EventBridge) -> None:
        super().__init__(window)
        self._window = window
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip(self.tr("Spreader"))
        menu = QMenu()
        self.progress_action = QAction(self.tr("No campaign running"), menu)
        self.progress_action.setEnabled(False)
        show = QAction(self.tr("Show Spreader"), menu)
        show.triggered.connect(self.show_window)
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(self.quit_requested.emit)
        menu.addAction(self.progress_action)
        menu.addSeparator()
        menu.addAction(show)
        menu.addAction(quit_action)
        self._menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._on_icon_activated)
        bridge.messages_progressed.connect(self._on_bridge_progress)
        bridge.messages_finished.connect(self._on_bridge_finished)
        bridge.profiles_changed.connect(self._on_bridge_profiles)
        bridge.pool_changed.connect(self._on_bridge_pool)
        bridge.inbound_received.connect(self._on_bridge_inbound)
        bridge.tunnel_changed.connect(self._on_bridge_tunnel_changed)
        self.notifications: list[tuple[str, str]] = []
        if self.available:
            self.icon.show()

    def show_window(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def notify(self, title: str, text: str) -> None:
        self.notifications.append((title, text))
        if self.available:
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def _on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()

    def _on_bridge_progress(self, progress: list[MessageProgress]) -> None:
        p = progress[-1]
        text = self.tr("Campaign: {processed}/{total} processed, {failed} failed").format(
            processed=p.processed, total=p.total, failed=p.failed
        )
        self.progress_action.setText(text)
        self.icon.setToolTip(self.tr("Spreader — {progress}").format(progress=text))

    def _on_bridge_finished(self, finished: list[MessageFinished]) -> None:
        for f in finished:
            if f.total > 1 or f.status.value != "completed":
                self.notify(
                    self.tr("Campaign finished"),
                    self.tr("{sent} of {total} sent, {failed} failed ({status}).").format(
                        sent=f.sent,
                        total=f.total,
                        failed=f.failed,
                        status=MESSAGE_STATUS_LABELS[f.status],
                    ),
                )
        self.progress_action.setText(self.tr("No campaign running"))
        self.icon.setToolTip(self.tr("Spreader"))

    def _on_bridge_profiles(self, changes: list[ProfileStatusChanged]) -> None:
        for ch in changes:
            if ch.status is ProfileStatus.BLOCKED:
                self.notify(
                    self.tr("Profile blocked"),
                    shown_reason(ch.reason) or self.tr("A device looks banned."),
                )
            elif ch.status is ProfileStatus.COOLDOWN:
                self.notify(
                    self.tr("Device disconnected"),
                    shown_reason(ch.reason) or self.tr("A device cannot send right now."),
                )
            elif ch.status is ProfileStatus.INACTIVE and ch.reason:
                self.notify(self.tr("Profile stopped"), shown_reason(ch.reason))

    def _on_bridge_inbound(self, received: list[InboundReceived]) -> None:
        """A customer wrote: news unless the owner is looking at the window already."""
        if self._window.isActiveWindow():
            return
        for message in received[-MAX_INBOUND_NOTES:]:
            sender = display(message.sender) if message.sender else self.tr("a customer")
            if message.opted_out:
                title = self.tr("{sender} opted out").format(sender=isolated(sender))
            else:
                title = self.tr("Message from {sender}").format(sender=isolated(sender))
            text = (
                message.text
                if len(message.text) <= NOTE_CHARS
                else (message.text[: NOTE_CHARS - 1] + "…")
            )
            self.notify(title, text)

    def _on_bridge_tunnel_changed(self, event: TunnelChanged) -> None:
        """A quick tunnel that came back with a new address breaks the gateway's webhook
        until the owner pastes the new one: say so wherever they are."""
        if event.state.phase is TunnelPhase.RUNNING and event.state.changed:
            self.notify(
                self.tr("Webhook address changed"),
                self.tr(
                    "Copy the new webhook URL from Settings and paste it into the Zentra "
                    "dashboard, or customers' messages will not arrive."
                ),
            )

    def _on_bridge_pool(self, changes: list[PoolChanged]) -> None:
        """A tripped breaker or a paused pool is news for the owner at once (a block is
        already told through the profile's status)."""
        for ch in changes:
            if ch.type == PoolEventType.PAUSED:
                self.notify(
                    self.tr("Open Chat paused"),
                    self.tr("{reason} Replies to customers still go out.").format(
                        reason=shown_reason(ch.reason)
                    ),
                )
            elif ch.type == PoolEventType.BREAKER_TRIPPED:
                self.notify(
                    self.tr("Sending slowed down"),
                    self.tr(
                        "{reason} The blocked device's recipients are held until you release them."
                    ).format(reason=shown_reason(ch.reason)),
                )

    def hide(self) -> None:
        self.icon.hide()
