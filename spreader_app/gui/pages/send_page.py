"""The Open Chat composer: content, recipients, timing, a previewed plan, then the campaign.

The form's sections live in ``gui.pages.send``; this page puts them together. "Preview"
asks the sending service for the plan (per-profile distribution, estimated completion);
"Send" is possible only for a previewed form and, once sent, the page follows the campaign
in a ``CampaignView``. The body given to the service is the HTTP API's Open Chat body.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import SpreaderError, ValidationFailed
from spreader_app.core.phones import normalize_region
from spreader_app.core.services.sending import OpenPreview, read_open_request
from spreader_app.gui.context import AppContext
from spreader_app.gui.dialogs import confirm
from spreader_app.gui.icons import icon
from spreader_app.gui.pages.campaign_view import CampaignView
from spreader_app.gui.pages.send.body import field_errors, open_body
from spreader_app.gui.pages.send.content_box import ContentBox
from spreader_app.gui.pages.send.personal_bar import PersonalBar
from spreader_app.gui.pages.send.plan_panel import PlanPanel
from spreader_app.gui.pages.send.recipients_box import RecipientsBox
from spreader_app.gui.pages.send.samples_panel import SamplesPanel
from spreader_app.gui.pages.send.timing_box import TimingBox
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.accessibility import name_internals
from spreader_app.gui.widgets.column_picker import api_recipients
from spreader_app.gui.widgets.empty_state import EmptyState
from spreader_app.gui.widgets.package_picker import PackagePicker
from spreader_app.gui.widgets.pool_banner import PoolBanner
from spreader_app.gui.widgets.roles import error_label, show_message


class SendPage(QWidget):
    """Open Chat: compose, screen recipients, preview the plan, send, follow the campaign."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._revision = 0  # bumped on every form change: stale previews are dropped
        self._preview: tuple[int, dict[str, Any], OpenPreview] | None = None

        self.empty = EmptyState(
            self.tr("No package yet"),
            self.tr(
                "Messages go out through the profiles of a package: create one, add a profile,"
                " then come back here."
            ),
            self.tr("Go to Packages"),
            "packages",
        )
        self.empty.action_clicked.connect(lambda: context.navigate.emit("packages"))
        self.campaign = CampaignView(context)
        self.campaign.new_message_requested.connect(self._on_campaign_new_message_requested)
        self.stack = QStackedWidget()
        self.composer = QScrollArea()
        self.composer.setWidgetResizable(True)
        self.composer.setWidget(self._build_composer())
        for page in (self.empty, self.composer, self.campaign):
            self.stack.addWidget(page)
        # Open Chat waits while the pool is paused: the owner sees why before sending.
        self.pool_banner = PoolBanner(context, self)
        self.pool_banner.changed.connect(self.campaign.held_note.forget)
        self.pool_banner.changed.connect(self.campaign.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        banner = QVBoxLayout()
        banner.setContentsMargins(9, 9, 9, 0)
        banner.addWidget(self.pool_banner)
        layout.addLayout(banner)
        layout.addWidget(self.stack, 1)

        for section in (self.content, self.recipients, self.timing):
            section.changed.connect(self._on_form_changed)
        self.samples.choice_made.connect(self._on_preview_button_clicked)
        context.package_changed.connect(self._on_context_package_changed)
        self._on_form_changed()
        self._on_context_package_changed(context.package_id)
        name_internals(self)

    def _build_composer(self) -> QWidget:
        body = QWidget()
        title = QLabel(self.tr("Send a message"))
        title.setProperty("role", "title")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(PackagePicker(self.context))
        self.send_error = error_label()
        self.preview_button = QPushButton(icon("refresh"), self.tr("Pre&view"))
        self.preview_button.setToolTip(
            self.tr("Check the recipients and plan the sending (Ctrl+Enter)")
        )
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.send_button = QPushButton(icon("send"), self.tr("&Send…"))
        self.send_button.setProperty("role", "primary")
        self.send_button.setToolTip(self.tr("Send the previewed message (Ctrl+Shift+Enter)"))
        self.send_button.clicked.connect(self._on_send_button_clicked)
        # Extra keys as shortcuts, so the buttons keep their Alt mnemonics; a click on a
        # disabled button does nothing, as it should.
        for keys, button in (
            ("Ctrl+Return", self.preview_button),
            ("Ctrl+Shift+Return", self.send_button),
        ):
            QShortcut(QKeySequence(keys), body).activated.connect(button.animateClick)
        self.send_hint = QLabel()
        self.send_hint.setProperty("role", "hint")
        # run_task disables this box while working; Send keeps its own enabled state.
        self.action_box = QWidget()
        actions = QHBoxLayout(self.action_box)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.send_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.send_hint, 1)
        bottom.addWidget(self.action_box)
        self.plan_panel = PlanPanel()
        self.plan_panel.hide()

        layout = QVBoxLayout(body)
        layout.addLayout(header)
        self.content = ContentBox()
        layout.addWidget(self.content)
        self.personal = PersonalBar(self.context, self.content)
        content_layout = self.content.layout()
        assert content_layout is not None
        content_layout.addWidget(self.personal)
        self.recipients = RecipientsBox(self.context)
        layout.addWidget(self.recipients)
        self.timing = TimingBox()
        layout.addWidget(self.timing)
        layout.addWidget(self.plan_panel)
        self.samples = SamplesPanel()
        self.samples.hide()
        layout.addWidget(self.samples)
        layout.addWidget(self.send_error)
        layout.addLayout(bottom)
        layout.addStretch(1)
        return body

    # --- state -----------------------------------------------------------------------------

    def _on_context_package_changed(self, package_id: str) -> None:
        package = self.context.package
        self.timing.set_time_zone(package.timezone if package is not None else "")
        if not package_id:
            self.stack.setCurrentWidget(self.empty)
        elif self.stack.currentWidget() is self.empty:
            self.stack.setCurrentWidget(self.composer)

    def _on_form_changed(self) -> None:
        self._revision += 1
        selection = (
            self.recipients.picker.selection() if self.recipients.file_radio.isChecked() else None
        )
        self.personal.set_columns(
            None
            if selection is None
            else [h for i, h in enumerate(selection[0].headers) if i != selection[1]]
        )
        self.samples.reset()
        if self._preview is not None:
            self._preview = None
            self.plan_panel.hide()
            self.samples.hide()
        self.send_button.setEnabled(False)
        self.send_hint.setText(self.tr("Preview the plan, then send."))

    # --- preview and send ------------------------------------------------------------------

    def _body(self, recipients: Sequence[str | int]) -> dict[str, Any]:
        content, timing = self.content, self.timing
        return open_body(
            kind=content.message_type(),
            text=content.text_edit.toPlainText(),
            media_path=content.media_path_edit.text().strip(),
            media_url=content.media_url_edit.text().strip(),
            recipients=recipients,
            region=self.recipients.region(),
            strategy=timing.strategy(),
            drip_minutes=timing.drip_spin.value(),
            schedule_at=timing.schedule_at(),
        )

    def _on_preview_button_clicked(self) -> None:
        run_task(self._run_preview(), busy=self.action_box)

    async def _run_preview(self) -> None:
        revision, package_id = self._revision, self.context.package_id
        self._clear_errors()
        source = await self.recipients.values()
        if source is None:
            self._set_errors("recipients", [self.recipients.missing_sentence()])
            return
        body = self._body(source[0])
        body["options"].update(self.samples.options())
        selection = self.recipients.picker.selection()
        if (
            self.recipients.file_radio.isChecked()
            and selection
            and "{{" in self.content.text_edit.toPlainText()
        ):
            # The other columns travel as each recipient's variables, for {{column}}.
            loop = asyncio.get_running_loop()
            body["recipients"] = await loop.run_in_executor(None, api_recipients, *selection)
        try:
            normalize_region(self.recipients.region())
        except ValidationFailed as exc:
            self._set_errors("recipients", [describe(exc)])
            return
        try:
            preview = await self.context.services.sending.preview(
                package_id, read_open_request(body)
            )
        except SpreaderError as exc:
            self._show_error(exc)
            return
        if revision != self._revision:
            return  # the form changed meanwhile; this plan no longer describes it
        self.recipients.show_screening(preview.screening, source[1])
        self.plan_panel.show_preview(preview, datetime.now(UTC), self.context.package)
        self.plan_panel.show()
        self.samples.show_personal(preview.personal, source[1])
        self._preview = (revision, body, preview)
        blocked = bool(preview.personal.missing) and not self.samples.skips_missing()
        can_send = bool(preview.plan.items) and not preview.plan.unassigned and not blocked
        self.send_button.setEnabled(can_send)
        if blocked:
            self.send_hint.setText(
                self.tr("Skip the rows with an empty value, or give a fallback.")
            )
        else:
            self.send_hint.setText(
                self.tr("Check the plan, then send.") if can_send else self.tr("Nothing to send.")
            )

    def _on_send_button_clicked(self) -> None:
        run_task(self._send(), busy=self.action_box)

    async def _send(self) -> None:
        if self._preview is None:
            return
        revision, body, preview = self._preview
        package_id = self.context.package_id
        personal = preview.personal
        valid = len(preview.plan.items)
        skipped = preview.screening.total - preview.screening.valid_count
        eta = self.plan_panel.eta_label.text()
        senders = sum(1 for n in self.plan_panel.counts.values() if n)
        text = self.tr("Send this message to %n recipient(s) through {profiles}?", "", valid)
        text = text.format(profiles=self.tr("%n profile(s)", "", senders))
        if skipped:
            text += " " + self.tr("%n row(s) will be skipped.", "", skipped)
        if personal.missing:
            text += "\n" + self.tr(
                "%n recipient(s) with an empty variable will be skipped.", "", len(personal.missing)
            )
        if personal.too_long:
            text += "\n" + self.tr(
                "%n recipient(s) whose text is over WhatsApp's limit will be skipped.",
                "",
                len(personal.too_long),
            )
        if eta:
            text += f"\n\n{eta}."
        if not await confirm(self, self.tr("Send this message?"), text, yes=self.tr("Send")):
            return
        if revision != self._revision:
            self.send_hint.setText(self.tr("The message changed: preview it again before sending."))
            return
        try:
            result = await self.context.services.sending.send_open(
                package_id, read_open_request(body), actor="desktop"
            )
        except SpreaderError as exc:
            self._show_error(exc)
            return
        self.campaign.show_message(result.message)
        self.stack.setCurrentWidget(self.campaign)

    def _on_campaign_new_message_requested(self) -> None:
        self.content.clear()
        self.recipients.clear()
        self.timing.schedule_check.setChecked(False)
        self._clear_errors()
        self.stack.setCurrentWidget(self.composer if self.context.package_id else self.empty)
        self.content.text_edit.setFocus()

    # --- errors ----------------------------------------------------------------------------

    def _labels(self) -> dict[str, QLabel]:
        return {
            "content": self.content.error_label,
            "recipients": self.recipients.error_label,
            "timing": self.timing.error_label,
            "general": self.send_error,
        }

    def _set_errors(self, section: str, sentences: list[str]) -> None:
        show_message(self._labels()[section], "\n".join(sentences))

    def _clear_errors(self) -> None:
        for section in self._labels():
            self._set_errors(section, [])

    def _show_error(self, exc: SpreaderError) -> None:
        """Shows a service error next to the fields it names, in plain words."""
        if isinstance(exc, ValidationFailed) and exc.details:
            for section, sentences in field_errors(exc).items():
                self._set_errors(section, sentences)
        else:
            self._set_errors("general", [describe(exc)])
