"""One Open Chat campaign while it runs: progress, counts, estimated completion, and control.

The bridge's ``messages_progressed``/``messages_finished`` signals for its message make the
view re-read the message from ``services.sending``; what it shows comes only from those reads
and from the answers to Pause, Resume and Cancel, which are enabled only when the status allows
them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import SpreaderError
from spreader_app.core.events import MessageFinished, MessageProgress
from spreader_app.core.models import Message, MessageStatus, MessageTemplate, MessageType
from spreader_app.gui.context import AppContext
from spreader_app.gui.dialogs import confirm
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, ltr, translate
from spreader_app.gui.icons import icon
from spreader_app.gui.pages.campaign_deliveries import CampaignDeliveries
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.time_words import clock_text
from spreader_app.gui.why_text import waiting_text
from spreader_app.gui.widgets.accessibility import show_value
from spreader_app.gui.widgets.held_note import HeldNote
from spreader_app.gui.widgets.refresher import PageRefresher
from spreader_app.gui.widgets.roles import error_label, set_role, show_message
from spreader_app.gui.widgets.save_template import save_as_template
from spreader_app.gui.widgets.text_direction import show_text
from spreader_app.gui.words import MESSAGE_TYPE_LABELS

STATUS_TEXT = TranslatedLabels(
    "CampaignView",
    {
        MessageStatus.SCHEDULED: QT_TRANSLATE_NOOP("CampaignView", "Scheduled"),
        MessageStatus.QUEUED: QT_TRANSLATE_NOOP("CampaignView", "Queued"),
        MessageStatus.PROCESSING: QT_TRANSLATE_NOOP("CampaignView", "Sending"),
        MessageStatus.PAUSED: QT_TRANSLATE_NOOP("CampaignView", "Paused"),
        MessageStatus.COMPLETED: QT_TRANSLATE_NOOP("CampaignView", "Completed"),
        MessageStatus.FAILED: QT_TRANSLATE_NOOP("CampaignView", "Failed"),
        MessageStatus.CANCELLED: QT_TRANSLATE_NOOP("CampaignView", "Cancelled"),
    },
)
PAUSABLE = frozenset({MessageStatus.SCHEDULED, MessageStatus.QUEUED, MessageStatus.PROCESSING})
CANCELLABLE = PAUSABLE | {MessageStatus.PAUSED}
FINISHED = frozenset({MessageStatus.COMPLETED, MessageStatus.FAILED, MessageStatus.CANCELLED})
ETA_REFRESH_MS = 30_000


def format_duration(seconds: float) -> str:
    """``2 h 10 min``, ``45 min``, ``3 d 4 h`` or ``less than a minute`` (negative → zero)."""
    minutes = int(max(seconds, 0) // 60)
    if minutes < 1:
        return translate("CampaignView", "less than a minute")
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        if hours:
            return translate("CampaignView", "{days} d {hours} h").format(days=days, hours=hours)
        return translate("CampaignView", "{days} d").format(days=days)
    if hours:
        if minutes:
            text = translate("CampaignView", "{hours} h {minutes} min")
            return text.format(hours=hours, minutes=minutes)
        return translate("CampaignView", "{hours} h").format(hours=hours)
    return translate("CampaignView", "{minutes} min").format(minutes=minutes)


def format_eta(when: datetime, now: datetime) -> str:
    """``14:35 (in 2 h 10 min)`` in the desktop's local time; the date is added when ``when``
    is not today. Both arguments are aware datetimes."""
    clock = clock_text(when, now)
    seconds = (when - now).total_seconds()
    if seconds < 60:
        relative = translate("CampaignView", "now")
    else:
        relative = translate("CampaignView", "in {duration}").format(
            duration=format_duration(seconds)
        )
    return translate("CampaignView", "{time} ({relative})").format(
        time=ltr(clock), relative=relative
    )


def content_summary(message: Message) -> tuple[str, str]:
    """What the campaign sends: a heading (``Text:``, ``Image: b.jpg, caption:``) and the
    whole text or caption, exactly as sent (``""`` when there is none)."""
    c = message.content
    if c.type is MessageType.TEXT:
        return translate("CampaignView", "Text:"), c.text
    media = c.media_path or c.media_url or ""
    shown = media.replace("\\", "/").rsplit("/", 1)[-1] or media
    heading = translate("CampaignView", "{type}: {file}").format(
        type=MESSAGE_TYPE_LABELS[c.type], file=ltr(shown)
    )
    if c.caption:
        return translate("CampaignView", "{heading}, caption:").format(heading=heading), c.caption
    return heading, ""


TITLE_CHARS = 60


def campaign_title(message: Message) -> str:
    """The campaign named by what it says: the first line of its text or caption (cut at
    ``TITLE_CHARS``), else the file it sends; the message id is never the title."""
    heading, text = content_summary(message)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not first:
        return heading
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "…"


class CampaignView(QWidget):
    """Shows one message's progress; ``new_message_requested`` asks for the composer back."""

    new_message_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._message: Message | None = None
        self.refresher = PageRefresher(self, self._start_refresh)

        self.title_label = QLabel(self.tr("Campaign"))
        self.title_label.setProperty("role", "title")
        self.content_label = QLabel()
        self.content_label.setWordWrap(True)
        self.text_label = QLabel()
        self.text_label.setAccessibleName(self.tr("Message text"))
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Campaign status"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Recipients processed"))
        self.progress.setFormat(self.tr("%v of %m processed"))
        self.sent_label = QLabel()
        self.failed_label = QLabel()
        self.skipped_label = QLabel()
        self.held_label = QLabel()
        self.held_note = HeldNote(context)
        self.eta_label = QLabel()
        self.eta_label.setAccessibleName(self.tr("Estimated completion"))
        self.waiting_label = QLabel()
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setAccessibleName(self.tr("Waiting recipients by reason"))
        self.waiting_label.setToolTip(
            self.tr("What the recipients not sent yet wait for; Deliveries says why for each")
        )
        self.deliveries = CampaignDeliveries(context)
        self.deliveries.hide()
        self.deliveries_button = QPushButton(icon("messages"), self.tr("&Deliveries and why"))
        self.deliveries_button.setCheckable(True)
        self.deliveries_button.setToolTip(
            self.tr("Each recipient's local time, and why they were sent then or still wait")
        )
        self.deliveries_button.toggled.connect(self._on_deliveries_toggled)
        self.error_label = error_label()

        self.pause_button = QPushButton(icon("pause"), self.tr("&Pause"))
        self.pause_button.setToolTip(self.tr("Stop sending for now; nothing is lost"))
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.resume_button = QPushButton(icon("play"), self.tr("&Resume"))
        self.resume_button.setToolTip(self.tr("Continue sending where it stopped"))
        self.resume_button.clicked.connect(self._on_resume_button_clicked)
        self.cancel_button = QPushButton(icon("stop"), self.tr("&Cancel campaign…"))
        self.cancel_button.setToolTip(self.tr("Cancel every recipient not sent yet"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.new_button = QPushButton(icon("add"), self.tr("&New message"))
        self.new_button.setToolTip(self.tr("Back to the composer"))
        self.new_button.clicked.connect(self.new_message_requested.emit)
        # run_task disables this box while an action runs; each button keeps its own state.
        self.action_box = QWidget()
        actions = QHBoxLayout(self.action_box)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            actions.addWidget(button)

        counts = QHBoxLayout()
        for name, label, tip in (
            (self.tr("Sent"), self.sent_label, self.tr("Accepted by the gateway")),
            (self.tr("Failed"), self.failed_label, self.tr("Could not be sent after every retry")),
            (
                self.tr("Skipped"),
                self.skipped_label,
                self.tr("Invalid, duplicate or opted-out numbers: never sent"),
            ),
            (
                self.tr("Held"),
                self.held_label,
                self.tr("Kept back after a device was banned: sent only when you release them"),
            ),
        ):
            label.setAccessibleName(name)
            label.setToolTip(tip)
            counts.addWidget(QLabel(self.tr("{name}:").format(name=name)))
            counts.addWidget(label)
            counts.addSpacing(16)
        counts.addStretch(1)

        bottom = QHBoxLayout()
        bottom.addWidget(self.action_box)
        bottom.addWidget(self.deliveries_button)
        bottom.addStretch(1)
        self.save_template_button = QPushButton(self.tr("Save as te&mplate…"))
        self.save_template_button.setToolTip(self.tr("Keep this message as a template"))
        self.save_template_button.clicked.connect(self._on_save_template_button_clicked)
        bottom.addWidget(self.save_template_button)
        bottom.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.content_label)
        layout.addWidget(self.text_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addLayout(counts)
        layout.addWidget(self.held_note)
        layout.addWidget(self.eta_label)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        layout.addWidget(self.deliveries, 1)
        self._stretch = layout.count()
        layout.addStretch(1)

        self._eta_timer = QTimer(self)
        self._eta_timer.setInterval(ETA_REFRESH_MS)
        self._eta_timer.timeout.connect(self._render_eta)
        self._eta_timer.start()
        context.bridge.messages_progressed.connect(self._on_bridge_messages_progressed)
        context.bridge.messages_finished.connect(self._on_bridge_messages_finished)

    @property
    def message(self) -> Message | None:
        return self._message

    def show_message(self, message: Message) -> None:
        """Follows ``message`` from now on."""
        self._message = message
        self._set_error("")
        self.title_label.setText(campaign_title(message))
        self.title_label.setToolTip(self.tr("Campaign {id}").format(id=ltr(message.id)))
        heading, text = content_summary(message)
        self.content_label.setText(heading)
        show_text(self.text_label, text)
        self.text_label.setVisible(bool(text))
        self._render(message)
        self.refresh()  # events published before this call may be gone already

    def _on_deliveries_toggled(self, shown: bool) -> None:
        self.deliveries.setVisible(shown)
        # The table takes the room the stretch below the buttons kept while it was hidden.
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(self._stretch, 0 if shown else 1)
        if shown:
            self.refresh()

    def _on_save_template_button_clicked(self) -> None:
        if self._message is not None:
            run_task(self._save_template(self._message), busy=self.save_template_button)

    async def _save_template(self, message: Message) -> None:
        templates = self.context.services.templates

        async def save(name: str) -> MessageTemplate:
            return await templates.save_message(message.package_id, message.id, name)

        saved, sentence = await save_as_template(self, save)
        self._set_error("" if saved is not None else sentence)
        if saved is not None:
            self.status_label.setText(sentence)

    def refresh(self) -> None:
        """Re-reads the message: one read at a time (overlapping calls collapse into one
        more), and none while hidden (the next showing reads it)."""
        self.refresher.request()

    def _start_refresh(self) -> bool:
        if self._message is None:
            return False
        run_task(self._refresh(), on_error=self._on_task_error)
        return True

    # --- bridge --------------------------------------------------------------------------

    def _on_bridge_messages_progressed(self, events: list[MessageProgress]) -> None:
        # Never shown as it is: the bridge flushes up to 100 ms after the engine published,
        # so an event can be older than the answer to Pause or Cancel shown meanwhile (it
        # would bring back "Sending" and an enabled Pause). Reads queue behind that action.
        self._refresh_if_mine(events)

    def _on_bridge_messages_finished(self, events: list[MessageFinished]) -> None:
        self._refresh_if_mine(events)

    def _refresh_if_mine(self, events: list[MessageProgress] | list[MessageFinished]) -> None:
        if any(self._message is not None and e.message_id == self._message.id for e in events):
            self.refresh()

    # --- actions -------------------------------------------------------------------------

    def _on_pause_button_clicked(self) -> None:
        run_task(self._act("pause"), busy=self.action_box)

    def _on_resume_button_clicked(self) -> None:
        run_task(self._act("resume"), busy=self.action_box)

    def _on_cancel_button_clicked(self) -> None:
        run_task(self._act("cancel"), busy=self.action_box)

    async def _act(self, action: str) -> None:
        message = self._message
        if message is None:
            return
        sending = self.context.services.sending
        if action == "cancel":
            left = message.total_recipients - message.processed_count
            if not await confirm(
                self,
                self.tr("Cancel this campaign?"),
                self.tr(
                    "The {count} recipients not sent yet will not get this message. "
                    "Sends already in progress finish. This cannot be undone."
                ).format(count=f"{left:,}"),
                yes=self.tr("Cancel campaign"),
            ):
                return
        call = {"pause": sending.pause, "resume": sending.resume, "cancel": sending.cancel}[action]
        try:
            updated = await call(message.package_id, message.id, actor="desktop")
        except SpreaderError as exc:
            self._set_error(describe(exc))
            self.refresh()
            return
        self._set_error("")
        if self._message is not None and updated.id == self._message.id:
            self._render(updated)

    async def _refresh(self) -> None:
        try:
            wanted = self._message
            if wanted is not None:
                fresh = await self.context.services.sending.message(wanted.package_id, wanted.id)
                # Shown at once: a Pause or Cancel queued behind this read answers after it,
                # so nothing older can follow it on screen.
                if self._message is not None and self._message.id == fresh.id:
                    self._render(fresh)
                why = self.context.services.why
                if why is not None:
                    waiting = await why.explain(fresh.package_id, fresh.id, [])
                    if self._message is not None and self._message.id == fresh.id:
                        show_value(self.waiting_label, waiting_text(waiting.waiting_by_reason))
                if self.deliveries.isVisibleTo(self) and self._message is not None:
                    await self.deliveries.load(self._message)
        finally:
            self.refresher.finished()

    def _on_task_error(self, exc: BaseException) -> None:
        self._set_error(describe(exc))

    # --- display -------------------------------------------------------------------------

    def _render(self, m: Message) -> None:
        self._message = m
        show_value(
            self.status_label, self.tr("Status: {status}").format(status=STATUS_TEXT[m.status])
        )
        self.progress.setRange(0, max(m.total_recipients, 1))
        self.progress.setValue(min(m.processed_count, max(m.total_recipients, 1)))
        show_value(self.sent_label, f"{m.sent_count:,}")
        show_value(self.failed_label, f"{m.failed_count:,}")
        show_value(self.skipped_label, f"{m.skipped_count:,}")
        show_value(self.held_label, f"{m.held_count:,}")
        self.held_note.show_for(m)
        self.pause_button.setEnabled(m.status in PAUSABLE)
        self.resume_button.setEnabled(m.status is MessageStatus.PAUSED)
        self.cancel_button.setEnabled(m.status in CANCELLABLE)
        set_role(self.new_button, "primary" if m.status in FINISHED else "")
        self._render_eta()

    def _render_eta(self) -> None:
        m = self._message
        if m is None:
            return
        now = datetime.now(UTC)
        if m.status in FINISHED:
            when = m.finished_at.astimezone().strftime("%H:%M") if m.finished_at else ""
            finished = self.tr("Finished at {time}.").format(time=ltr(when))
            show_value(self.eta_label, finished if when else self.tr("Finished."))
        elif m.status is MessageStatus.SCHEDULED and m.scheduled_at is not None:
            starts = self.tr("Starts at {time}.").format(time=format_eta(m.scheduled_at, now))
            show_value(self.eta_label, starts)
        elif m.status is MessageStatus.PAUSED:
            show_value(self.eta_label, self.tr("Paused: resume to continue sending."))
        elif m.estimated_completion is not None:
            text = format_eta(m.estimated_completion, now)
            show_value(self.eta_label, self.tr("Estimated completion: {time}.").format(time=text))
        else:
            show_value(self.eta_label, "")

    def _set_error(self, text: str) -> None:
        show_message(self.error_label, text)
