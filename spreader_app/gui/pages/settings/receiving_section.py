"""Settings → "Receive customers' messages": how the webhook is reached from the internet.

Three ways: off (this computer only), a quick tunnel Spreader starts and watches, or the
owner's own public address. Shows the webhook URL to paste into the gateway, with Copy and
a self-test that names the hop that failed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.events import TunnelChanged
from spreader_app.core.receiving import ProbeResult, ReceiveMode, TunnelPhase, TunnelState
from spreader_app.core.services.receiving import ReceivingView, is_loopback_host
from spreader_app.gui.context import AppContext
from spreader_app.gui.i18n import ltr, shown
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.accessibility import show_value
from spreader_app.gui.widgets.roles import set_role, show_message

LISTEN_CHOICES = ("127.0.0.1", "0.0.0.0")
COUNTDOWN_MS = 1000


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    label.setOpenExternalLinks(True)
    return label


class ReceivingSection(QGroupBox):
    """Reads and changes ``services.receiving``; follows the tunnel through the bridge's
    ``tunnel_changed``."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Receive customers' messages"))
        self.receiving = context.services.receiving
        self.settings = context.services.settings
        self.view: ReceivingView = self.receiving.view()
        self._retry_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_MS)
        self._countdown.timeout.connect(self._on_countdown_timeout)

        intro = _hint(
            self.tr(
                "Zentra delivers customers' messages to a web address. Without an address "
                "that Zentra can reach from the internet, the Inbox stays empty and Reply Chat "
                "cannot tell which device a customer wrote to. Choose how it reaches this "
                "computer:"
            )
        )
        self.modes = QButtonGroup(self)
        self.off_radio = QRadioButton(self.tr("&Off: messages are not received"))
        self.tunnel_radio = QRadioButton(
            self.tr("T&unnel (recommended on a desktop): Spreader starts a free Cloudflare tunnel")
        )
        self.address_radio = QRadioButton(
            self.tr("&My own address: a forwarded port, a server, a named tunnel, Tailscale Funnel")
        )
        for mode, radio in self._radios().items():
            radio.setAccessibleName(radio.text().replace("&", "").partition(":")[0])
            self.modes.addButton(radio)
            radio.toggled.connect(lambda on, m=mode: self._on_mode_toggled(m, on))

        self.pages = [self._off_page(), self._tunnel_page(), self._address_page()]

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for radio in self._radios().values():
            layout.addWidget(radio)
        for page in self.pages:
            layout.addWidget(page)
        layout.addLayout(self._url_row())
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Test result"))
        self.result_label.hide()
        layout.addWidget(self.result_label)
        context.bridge.tunnel_changed.connect(self._on_bridge_tunnel_changed)
        self._fill(self.view)

    def _radios(self) -> dict[ReceiveMode, QRadioButton]:
        return {
            ReceiveMode.OFF: self.off_radio,
            ReceiveMode.TUNNEL: self.tunnel_radio,
            ReceiveMode.ADDRESS: self.address_radio,
        }

    # --- building ------------------------------------------------------------------------

    def _off_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(
            _hint(self.tr("The webhook answers on this computer only; Zentra cannot reach it."))
        )
        return page

    def _tunnel_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.tunnel_status = QLabel()
        self.tunnel_status.setWordWrap(True)
        self.tunnel_status.setAccessibleName(self.tr("Tunnel status"))
        self.changed_label = QLabel()
        self.changed_label.setWordWrap(True)
        self.changed_label.setProperty("role", "error")
        self.changed_label.setAccessibleName(self.tr("Address changed"))
        self.changed_label.hide()
        self.install_help = _hint(
            self.tr(
                "cloudflared is not installed. Three ways to receive messages:<br>"
                "1. <b>Install cloudflared</b> (free, no account needed) from "
                "<a href='https://developers.cloudflare.com/cloudflare-one/connections/"
                "connect-networks/downloads/'>Cloudflare's download page</a>, then choose "
                "it below or restart Spreader.<br>"
                "2. <b>Forward a port</b> on your router to this computer, and use "
                '"My own address" with your public IP address or name.<br>'
                "3. <b>An address you already have</b> (a named tunnel, a reverse proxy, "
                'Tailscale Funnel): use "My own address".'
            )
        )
        self.tool_edit = QLineEdit()
        self.tool_edit.setPlaceholderText(self.tr("found on PATH"))
        self.tool_edit.setAccessibleName(self.tr("cloudflared program"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setAccessibleName(self.tr("Choose the cloudflared program"))
        browse.clicked.connect(self._on_browse_clicked)
        self.restart_button = QPushButton(self.tr("Restart tunnel"))
        self.restart_button.setToolTip(self.tr("Starts the tunnel (again) with this program"))
        self.restart_button.clicked.connect(self._on_restart_clicked)
        tool_row = QHBoxLayout()
        tool_label = QLabel(self.tr("cloud&flared:"))
        tool_label.setBuddy(self.tool_edit)
        tool_row.addWidget(tool_label)
        tool_row.addWidget(self.tool_edit, 1)
        tool_row.addWidget(browse)
        tool_row.addWidget(self.restart_button)
        note = _hint(
            self.tr(
                "A quick tunnel gets a new address each time it starts (when Spreader starts, "
                "or after the tunnel had to restart): paste the new webhook URL into the "
                "Zentra dashboard then. The tunnel stops when Spreader quits."
            )
        )
        for widget in (self.tunnel_status, self.changed_label, self.install_help):
            box.addWidget(widget)
        box.addLayout(tool_row)
        box.addWidget(note)
        return page

    def _address_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.public_edit = QLineEdit()
        # not translated: an address
        self.public_edit.setPlaceholderText("https://shop.example.com")
        self.public_edit.setAccessibleName(self.tr("Public address"))
        self.public_edit.setToolTip(
            self.tr("The address that reaches this computer's Spreader from the internet")
        )
        self.listen_combo = QComboBox()
        self.listen_combo.setEditable(True)
        self.listen_combo.addItems(list(LISTEN_CHOICES))
        self.listen_combo.setAccessibleName(self.tr("Listen on"))
        self.listen_combo.setToolTip(
            self.tr("127.0.0.1: this computer only. 0.0.0.0: every network it is on.")
        )
        self.listen_combo.currentTextChanged.connect(self._on_listen_changed)
        self.exposure_label = QLabel(
            self.tr(
                "Warning: Spreader's server then accepts connections from the network. "
                "Every API call still needs the API key and the webhook its secret, but "
                "forward only this port, and only to this computer."
            )
        )
        self.exposure_label.setWordWrap(True)
        self.exposure_label.setProperty("role", "error")
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setAccessibleName(self.tr("Apply own address"))
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.address_error = QLabel()
        self.address_error.setProperty("role", "error")
        self.address_error.setWordWrap(True)
        self.address_error.hide()
        public_label = QLabel(self.tr("&Public address:"))
        public_label.setBuddy(self.public_edit)
        listen_label = QLabel(self.tr("&Listen on:"))
        listen_label.setBuddy(self.listen_combo)
        form.addRow(public_label, self.public_edit)
        form.addRow(listen_label, self.listen_combo)
        form.addRow(self.exposure_label)
        form.addRow(self.address_error)
        apply_row = QHBoxLayout()
        apply_row.addStretch(1)
        apply_row.addWidget(self.apply_button)
        form.addRow(apply_row)
        return page

    def _url_row(self) -> QHBoxLayout:
        self.url_edit = QLineEdit()
        self.url_edit.setReadOnly(True)
        self.url_edit.setAccessibleName(self.tr("Public webhook URL"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy public webhook URL"))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.setAccessibleName(self.tr("Test the webhook"))
        self.test_button.setToolTip(
            self.tr("Sends a probe through the public address and back to Spreader")
        )
        self.test_button.clicked.connect(self._on_test_clicked)
        row = QHBoxLayout()
        label = QLabel(self.tr("Paste into &Zentra:"))
        label.setBuddy(self.url_edit)
        row.addWidget(label)
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.test_button)
        return row

    # --- showing -------------------------------------------------------------------------

    def _fill(self, view: ReceivingView) -> None:
        self.view = view
        radio = self._radios()[view.mode]
        radio.blockSignals(True)
        radio.setChecked(True)
        radio.blockSignals(False)
        self._show_page(view.mode)
        self.url_edit.setText(view.webhook_url)
        self.url_edit.setCursorPosition(0)
        self.url_edit.setPlaceholderText(self._no_url_reason(view))
        self.copy_button.setEnabled(bool(view.webhook_url))
        self.test_button.setEnabled(view.mode is not ReceiveMode.OFF)
        if not self.tool_edit.hasFocus():
            self.tool_edit.setText(view.cloudflared_path)
        if not self.public_edit.hasFocus():
            self.public_edit.setText(view.public_url)
            self.listen_combo.setCurrentText(view.host)
        self.exposure_label.setVisible(view.exposed)
        self._show_tunnel(view.tunnel)

    def _show_page(self, mode: ReceiveMode) -> None:
        """Shows ``mode``'s page only; the section is as tall as that page needs."""
        shown = list(ReceiveMode).index(mode)
        for index, page in enumerate(self.pages):
            page.setVisible(index == shown)

    def _no_url_reason(self, view: ReceivingView) -> str:
        if view.mode is ReceiveMode.OFF:
            return self.tr("none: choose a way above")
        if view.mode is ReceiveMode.ADDRESS:
            return self.tr("enter your public address above")
        return self.tr("appears when the tunnel runs")

    def _show_tunnel(self, state: TunnelState) -> None:
        self.install_help.setVisible(state.phase is TunnelPhase.NOT_INSTALLED)
        idle = state.phase in (TunnelPhase.NOT_INSTALLED, TunnelPhase.STOPPED)
        self.restart_button.setText(self.tr("Start tunnel") if idle else self.tr("Restart tunnel"))
        self._countdown.stop()
        if state.phase is TunnelPhase.FAILED:
            self._retry_left = int(state.retry_in)
            self._countdown.start()
        show_value(self.tunnel_status, self._phase_text(state))
        running = state.phase is TunnelPhase.RUNNING
        failed = state.phase is TunnelPhase.FAILED
        set_role(self.tunnel_status, "ok" if running else "error" if failed else "hint")
        changed = self.tr(
            "The address changed: copy the new webhook URL below and paste it into the "
            "Zentra dashboard, or customers' messages will not arrive."
        )
        show_message(self.changed_label, changed if running and state.changed else "")

    def _phase_text(self, state: TunnelState) -> str:
        if state.phase is TunnelPhase.RUNNING:
            return self.tr("Tunnel running at {address}.").format(address=ltr(state.public_url))
        if state.phase is TunnelPhase.STARTING:
            return self.tr("Starting the tunnel…")
        if state.phase is TunnelPhase.FAILED:
            return self.tr("The tunnel stopped: {reason} Starting again in {seconds} s.").format(
                reason=state.detail, seconds=ltr(max(self._retry_left, 0))
            )
        if state.phase is TunnelPhase.NOT_INSTALLED:
            return self.tr("cloudflared was not found.")
        return self.tr("The tunnel is not running.")

    def _say(self, text: str, ok: bool) -> None:
        show_message(self.result_label, text)
        set_role(self.result_label, "ok" if ok else "error")

    # --- slots ---------------------------------------------------------------------------

    def _on_bridge_tunnel_changed(self, event: TunnelChanged) -> None:
        self._fill(self.receiving.view())
        if event.state.phase is not TunnelPhase.RUNNING:
            return
        self._say("", True)

    def _on_countdown_timeout(self) -> None:
        self._retry_left -= 1
        if self._retry_left <= 0:
            self._countdown.stop()
        show_value(self.tunnel_status, self._phase_text(self.view.tunnel))

    def _choose(self, mode: ReceiveMode, busy: QWidget | None = None, **fields: Any) -> None:
        def failed(exc: BaseException) -> None:
            if mode is ReceiveMode.ADDRESS:
                show_message(self.address_error, describe(exc))  # the typed address stays
                return
            self._say(describe(exc), False)
            self._fill(self.receiving.view())

        show_message(self.address_error, "")
        run_task(
            self.receiving.choose(mode, **fields), busy=busy, on_done=self._fill, on_error=failed
        )

    def _on_mode_toggled(self, mode: ReceiveMode, on: bool) -> None:
        if not on:
            return
        self._show_page(mode)
        if mode is ReceiveMode.ADDRESS:
            return  # saved with Apply, once the address is typed
        self._choose(mode)

    def _on_restart_clicked(self) -> None:
        show_message(self.address_error, "")
        run_task(
            self.receiving.restart_tunnel(self.tool_edit.text().strip()),
            busy=self.restart_button,
            on_done=self._fill,
            on_error=lambda e: self._say(describe(e), False),
        )

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the cloudflared program"))
        if path:
            self.tool_edit.setText(path)
            self._on_restart_clicked()

    def _on_listen_changed(self, host: str) -> None:
        self.exposure_label.setVisible(not is_loopback_host(host.strip()))

    def _on_apply_clicked(self) -> None:
        host = self.listen_combo.currentText().strip()
        public_url = self.public_edit.text().strip()

        async def apply() -> ReceivingView:
            if host != self.view.host:
                # Through the settings service, so the running server moves at once.
                await self.settings.update({"host": host})
            return await self.receiving.choose(ReceiveMode.ADDRESS, public_url=public_url)

        def failed(exc: BaseException) -> None:
            show_message(self.address_error, describe(exc))

        show_message(self.address_error, "")
        run_task(apply(), busy=self.apply_button, on_done=self._fill, on_error=failed)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.view.webhook_url)
        self._say(self.tr("Webhook URL copied: paste it into the Zentra dashboard."), True)

    def _on_test_clicked(self) -> None:
        self._say(self.tr("Sending a probe…"), True)

        def done(result: ProbeResult) -> None:
            if result.arrived:
                text = self.tr("Arrived: the probe went through {address} and back in {ms} ms.")
                rtt = f"{result.round_trip_ms:.0f}"
                self._say(text.format(address=ltr(result.url), ms=ltr(rtt)), True)
            else:
                self._say(self.tr("Not received: {why}").format(why=shown(result.detail)), False)

        run_task(
            self.receiving.test(),
            busy=self.test_button,
            on_done=done,
            on_error=lambda e: self._say(describe(e), False),
        )
