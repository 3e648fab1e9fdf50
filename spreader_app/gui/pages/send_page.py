"""The Open Chat composer: content, recipients, timing, a previewed plan, then the campaign.

Recipients are pasted or imported (``ColumnPicker``) and screened about 300 ms after the
last change, off the GUI thread, against the package's suppressions; the summary and the
table of rejected rows always show where every input went. "Preview" asks the sending
service for the plan (per-profile distribution, estimated completion); "Send" is possible
only for a previewed form and, once sent, the page follows the campaign in a
``CampaignView``. The body given to the service is the HTTP API's Open Chat body.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.content import MAX_CAPTION, MAX_TEXT
from spreader_app.core.errors import SpreaderError, ValidationFailed
from spreader_app.core.models import MessageType, WaitingStrategy
from spreader_app.core.phones import Screening, normalize_region, screen_recipients
from spreader_app.core.recipients import parse_pasted
from spreader_app.core.services.sending import OpenPreview, read_open_request
from spreader_app.gui.context import AppContext
from spreader_app.gui.dialogs import confirm, run_dialog
from spreader_app.gui.icons import icon
from spreader_app.gui.pages.campaign_view import CampaignView, format_eta
from spreader_app.gui.tables.recipients_table import (
    RejectedTableModel,
    reason_label,
    rejected_entries,
    write_rejected_csv,
)
from spreader_app.gui.tables.snapshot_model import SORT_ROLE
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.column_picker import ColumnPicker, api_values
from spreader_app.gui.widgets.empty_state import EmptyState
from spreader_app.gui.widgets.package_picker import PackagePicker

SCREEN_DELAY_MS = 300
SUMMARY_NAMES = ("Valid", "Invalid", "Duplicates", "Suppressed")
STRATEGY_HINTS = {
    WaitingStrategy.IMMEDIATE: "Start now and send as fast as the package's limits allow",
    WaitingStrategy.QUEUED: "Start after this package's earlier Open Chat work",
    WaitingStrategy.DRIP: "Send to one recipient every few minutes",
    WaitingStrategy.SMART: "Spread evenly over the remaining active hours, with human-like pauses",
}
MEDIA_FILTERS = {
    MessageType.IMAGE: "Images (*.jpg *.jpeg *.png *.webp)",
    MessageType.VIDEO: "Videos (*.mp4 *.3gp *.mov)",
    MessageType.VOICE: "Audio (*.ogg *.opus *.mp3 *.m4a *.aac *.amr)",
    MessageType.DOCUMENT: "Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.txt *.zip)",
}
_FIELD_LABELS = {
    "type": "Type",
    "text": "Message text",
    "caption": "Caption",
    "media_url": "Media URL",
    "media_path": "Media file",
    "recipients": "Recipients",
    "region": "Default region",
    "options.waiting_strategy": "Waiting strategy",
    "options.drip_interval_minutes": "Drip interval",
    "options.schedule_at": "Start time",
}
_RECIPIENT_FIELDS = ("recipients", "region")


def open_body(
    *,
    kind: MessageType,
    text: str,
    media_path: str,
    media_url: str,
    recipients: Sequence[str | int],
    region: str,
    strategy: WaitingStrategy,
    drip_minutes: int,
    schedule_at: str | None,
) -> dict[str, Any]:
    """The Open Chat body the HTTP API takes, from the composer's values.

    For media types ``text`` is the caption. ``region`` is sent even when empty, since an
    empty region means "require the country code", not "use the default".
    """
    options: dict[str, Any] = {"waiting_strategy": strategy.value}
    if strategy is WaitingStrategy.DRIP:
        options["drip_interval_minutes"] = drip_minutes
    if schedule_at is not None:
        options["schedule_at"] = schedule_at
    body: dict[str, Any] = {
        "type": kind.value,
        "recipients": list(recipients),
        "region": region,
        "options": options,
    }
    if kind is MessageType.TEXT:
        body["text"] = text
    else:
        if text:
            body["caption"] = text
        if media_path:
            body["media_path"] = media_path
        if media_url:
            body["media_url"] = media_url
    return body


def utc_iso(epoch_seconds: int) -> str:
    """A POSIX time as an aware UTC ISO 8601 string (what ``options.schedule_at`` takes)."""
    return datetime.fromtimestamp(epoch_seconds, UTC).isoformat()


def field_errors(exc: ValidationFailed) -> dict[str, list[str]]:
    """The sentences to show per form section (``content``, ``recipients``, ``timing``,
    ``general``) for a ``ValidationFailed`` whose details name fields."""
    out: dict[str, list[str]] = {}
    for detail in exc.details or []:
        if not isinstance(detail, Mapping):
            continue
        field = str(detail.get("field", "")).split("[", 1)[0]
        if "input" in detail:
            # One entry per rejected recipient: the rejected-rows table shows those.
            sentence = exc.message
        else:
            sentence = f"{_FIELD_LABELS.get(field, field)} {detail.get('message', '')}."
        if field.startswith("options."):
            section = "timing"
        elif field in _RECIPIENT_FIELDS:
            section = "recipients"
        elif field in _FIELD_LABELS:
            section = "content"
        else:
            section = "general"
        if sentence not in out.setdefault(section, []):
            out[section].append(sentence)
    return out or {"general": [exc.message]}


def error_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def name_inner_editor(widget: QWidget, name: str) -> None:
    """Spin boxes and table views carry an unnamed inner line edit or corner button."""
    for inner in widget.findChildren(QLineEdit) + widget.findChildren(QAbstractButton):
        if not inner.accessibleName():
            inner.setAccessibleName(name)


class PlanPanel(QFrame):
    """The previewed plan: recipients per profile with a bar, estimated completion, notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.eta_label = QLabel()
        self.eta_label.setAccessibleName("Estimated completion")
        self.notes_label = QLabel()
        self.notes_label.setProperty("role", "hint")
        self.notes_label.setWordWrap(True)
        self.warning_label = error_label()
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.counts: dict[str, int] = {}  # profile id → planned recipients
        title = QLabel("Plan")
        title.setProperty("role", "title")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary_label)
        layout.addLayout(self.grid)
        layout.addWidget(self.eta_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.notes_label)

    def show_preview(self, preview: OpenPreview, now: datetime) -> None:
        """Shows ``preview``; ``now`` (aware) anchors the "in 2 h 10 min" of the estimate."""
        while (item := self.grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        s, plan = preview.screening, preview.plan
        names = {p.id: p.name for p in preview.profiles}
        self.counts = {pid: len(rs) for pid, rs in plan.distribution.items()}
        planned = sum(self.counts.values())
        skipped = s.total - s.valid_count
        self.summary_label.setText(
            f"{planned:,} recipients over {len(self.counts)} profiles"
            + (f"; {skipped:,} rows will be skipped." if skipped else ".")
        )
        for row, (pid, count) in enumerate(self.counts.items()):
            name = names.get(pid, pid)
            bar = QProgressBar()
            bar.setRange(0, max(planned, 1))
            bar.setValue(count)
            bar.setTextVisible(False)
            bar.setMaximumHeight(10)
            bar.setAccessibleName(f"{name}: {count} recipients")
            share = f"{count * 100 / planned:.0f} %" if planned else "0 %"
            self.grid.addWidget(QLabel(name), row, 0)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(QLabel(f"{count:,} ({share})"), row, 2)
        if plan.estimated_completion is not None:
            when = datetime.fromtimestamp(plan.estimated_completion, UTC)
            self.eta_label.setText(f"Estimated completion: {format_eta(when, now)}")
        else:
            self.eta_label.setText("Nothing to send.")
        reasons = sorted({i.reason for i in plan.items if i.profile_id is None and i.reason})
        self.warning_label.setText(
            f"{plan.unassigned:,} recipients cannot be planned: no profile can send. "
            + " ".join(reasons)
            if plan.unassigned
            else ""
        )
        self.warning_label.setVisible(bool(plan.unassigned))
        self.notes_label.setText(" ".join(plan.notes))
        self.notes_label.setVisible(bool(plan.notes))


class SendPage(QWidget):
    """Open Chat: compose, screen recipients, preview the plan, send, follow the campaign."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._revision = 0  # bumped on every form change: stale previews are dropped
        self._screen_seq = 0
        self._preview: tuple[int, dict[str, Any], OpenPreview] | None = None
        self._first_row = 1
        self._screen_on_show = False

        self.empty = EmptyState(
            "No package yet",
            "Messages go out through the profiles of a package: create one, add a profile,"
            " then come back here.",
            "Go to Packages",
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._screen_timer = QTimer(self)
        self._screen_timer.setSingleShot(True)
        self._screen_timer.setInterval(SCREEN_DELAY_MS)
        self._screen_timer.timeout.connect(self._on_screen_timer_timeout)
        self._connect_changes()
        context.package_changed.connect(self._on_context_package_changed)
        self._on_type_combo_changed()
        self._on_strategy_combo_changed()
        self._on_context_package_changed(context.package_id)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        # A hidden page screens nothing; the pending check runs when it shows again.
        self._screen_on_show = self._screen_on_show or self._screen_timer.isActive()
        self._screen_timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._screen_on_show:
            self._screen_on_show = False
            self._screen_timer.start()

    # --- building --------------------------------------------------------------------------

    def _build_composer(self) -> QWidget:
        body = QWidget()
        title = QLabel("Send a message")
        title.setProperty("role", "title")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(PackagePicker(self.context))
        self.send_error = error_label()
        self.preview_button = QPushButton(icon("refresh"), "Pre&view")
        self.preview_button.setToolTip("Check the recipients and plan the sending (Ctrl+Enter)")
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.send_button = QPushButton(icon("send"), "&Send…")
        self.send_button.setProperty("role", "primary")
        self.send_button.setToolTip("Send the previewed message (Ctrl+Shift+Enter)")
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
        layout.addWidget(self._build_content())
        layout.addWidget(self._build_recipients())
        layout.addWidget(self._build_timing())
        layout.addWidget(self.plan_panel)
        layout.addWidget(self.send_error)
        layout.addLayout(bottom)
        layout.addStretch(1)
        return body

    def _build_content(self) -> QGroupBox:
        box = QGroupBox("Message")
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName("Message type")
        for kind in MessageType:
            self.type_combo.addItem(kind.value.capitalize(), kind.value)
        self.text_label = QLabel()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName("Message text")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(110)
        self.text_label.setBuddy(self.text_edit)
        self.counter_label = QLabel()
        self.counter_label.setAccessibleName("Character count")
        self.media_path_edit = QLineEdit()
        self.media_path_edit.setAccessibleName("Media file")
        self.media_path_edit.setPlaceholderText("A file on this computer")
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setToolTip("Choose the file to send")
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.media_url_edit = QLineEdit()
        self.media_url_edit.setAccessibleName("Media URL")
        self.media_url_edit.setPlaceholderText("or a public https:// address")
        self.media_url_edit.setToolTip("The gateway downloads the media from this address")
        self.content_error = error_label()

        type_label = QLabel("&Type:")
        type_label.setBuddy(self.type_combo)
        top = QHBoxLayout()
        top.addWidget(type_label)
        top.addWidget(self.type_combo)
        top.addStretch(1)
        text_row = QHBoxLayout()
        text_row.addWidget(self.text_label)
        text_row.addStretch(1)
        text_row.addWidget(self.counter_label)
        self.media_box = QWidget()
        media = QFormLayout(self.media_box)
        media.setContentsMargins(0, 0, 0, 0)
        file_row = QHBoxLayout()
        file_row.addWidget(self.media_path_edit, 1)
        file_row.addWidget(self.browse_button)
        media.addRow(self._buddy("&Media file:", self.media_path_edit), file_row)
        media.addRow(self._buddy("Media &URL:", self.media_url_edit), self.media_url_edit)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.media_box)
        layout.addLayout(text_row)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.content_error)
        return box

    def _build_recipients(self) -> QGroupBox:
        box = QGroupBox("Recipients")
        self.paste_radio = QRadioButton("Paste &numbers")
        self.file_radio = QRadioButton("&Import a file (CSV, TXT, XLSX)")
        self.paste_radio.setChecked(True)
        self._source_group = QButtonGroup(self)
        self._source_group.addButton(self.paste_radio)
        self._source_group.addButton(self.file_radio)
        self.paste_edit = QPlainTextEdit()
        self.paste_edit.setAccessibleName("Pasted numbers")
        self.paste_edit.setPlaceholderText(
            "One number per line, or separated by commas, e.g. +20 106 618 3456"
        )
        self.paste_edit.setTabChangesFocus(True)
        self.picker = ColumnPicker()
        self.source_stack = QStackedWidget()
        self.source_stack.addWidget(self.paste_edit)
        self.source_stack.addWidget(self.picker)
        self.source_stack.setMinimumHeight(150)

        self.region_edit = QLineEdit(self.context.services.settings.view().default_region)
        self.region_edit.setAccessibleName("Default region")
        self.region_edit.setMaxLength(2)
        self.region_edit.setMaximumWidth(60)
        self.region_edit.setPlaceholderText("EG")
        self.region_edit.setToolTip(
            "Two-letter country code used for numbers written without + and a country code"
        )
        region_hint = QLabel(
            "Numbers without a country code (like 0106 618 3456) are read as numbers of this"
            " country. Leave it empty to accept only numbers with + and the country code."
        )
        region_hint.setProperty("role", "hint")
        region_hint.setWordWrap(True)

        self._summary_labels = [QLabel() for _ in SUMMARY_NAMES]
        self.valid_label, self.invalid_label, self.duplicate_label, self.suppressed_label = (
            self._summary_labels
        )
        for label, name in zip(self._summary_labels, SUMMARY_NAMES, strict=True):
            label.setAccessibleName(name)
        self.valid_label.setProperty("role", "ok")
        self.suppressed_label.setToolTip("Opted out or suppressed in this package: never sent")
        self.reasons_label = QLabel()
        self.reasons_label.setProperty("role", "hint")
        self.reasons_label.setWordWrap(True)
        self.screen_status = QLabel()
        self.screen_status.setProperty("role", "hint")
        self.rejected_button = QPushButton("Sh&ow rejected rows")
        self.rejected_button.setCheckable(True)
        self.rejected_button.setToolTip("Every row that will not be messaged, with the reason")
        self.rejected_button.toggled.connect(self._on_rejected_button_toggled)
        self.export_button = QPushButton(icon("export"), "Export re&jected…")
        self.export_button.setToolTip("Save the rejected rows and reasons as a CSV file")
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.rejected_model = RejectedTableModel(self)
        self.rejected_view = view = QTableView()
        self.rejected_proxy = QSortFilterProxyModel(self)
        self.rejected_proxy.setSourceModel(self.rejected_model)
        self.rejected_proxy.setSortRole(SORT_ROLE)
        view.setModel(self.rejected_proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        view.setAccessibleName("Rejected rows")
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setStretchLastSection(True)
        view.setMinimumHeight(160)
        view.hide()
        name_inner_editor(view, "Select all rejected rows")
        self.recipients_error = error_label()

        sources = QHBoxLayout()
        sources.addWidget(self.paste_radio)
        sources.addWidget(self.file_radio)
        sources.addStretch(1)
        region_row = QHBoxLayout()
        region_row.addWidget(self._buddy("Default &region:", self.region_edit))
        region_row.addWidget(self.region_edit)
        region_row.addWidget(region_hint, 1)
        summary = QHBoxLayout()
        for label in self._summary_labels:
            summary.addWidget(label)
            summary.addSpacing(12)
        summary.addWidget(self.screen_status)
        summary.addStretch(1)
        summary.addWidget(self.rejected_button)
        summary.addWidget(self.export_button)
        layout = QVBoxLayout(box)
        layout.addLayout(sources)
        layout.addWidget(self.source_stack)
        layout.addLayout(region_row)
        layout.addLayout(summary)
        layout.addWidget(self.reasons_label)
        layout.addWidget(self.rejected_view)
        layout.addWidget(self.recipients_error)
        self._show_screening(None)
        return box

    def _build_timing(self) -> QGroupBox:
        box = QGroupBox("When")
        self.strategy_combo = QComboBox()
        self.strategy_combo.setAccessibleName("Waiting strategy")
        for strategy in WaitingStrategy:
            self.strategy_combo.addItem(strategy.value.capitalize(), strategy.value)
            self.strategy_combo.setItemData(
                self.strategy_combo.count() - 1,
                STRATEGY_HINTS[strategy],
                Qt.ItemDataRole.ToolTipRole,
            )
        self.drip_spin = QSpinBox()
        self.drip_spin.setRange(1, 24 * 60)
        self.drip_spin.setValue(5)
        self.drip_spin.setSuffix(" min")
        self.drip_spin.setAccessibleName("Drip interval")
        self.drip_spin.setToolTip("Minutes between two recipients (drip only)")
        name_inner_editor(self.drip_spin, "Drip interval")
        self.schedule_check = QCheckBox("Start &at:")
        self.schedule_check.setToolTip("Hold the campaign until this local date and time")
        self.schedule_edit = QDateTimeEdit()
        self.schedule_edit.setCalendarPopup(True)
        self.schedule_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.schedule_edit.setAccessibleName("Start time")
        self.schedule_edit.setDateTime(QDateTime.currentDateTime().addSecs(3600))
        self.schedule_edit.setEnabled(False)
        name_inner_editor(self.schedule_edit, "Start time")
        self.schedule_check.toggled.connect(self.schedule_edit.setEnabled)
        self.strategy_hint = QLabel()
        self.strategy_hint.setProperty("role", "hint")
        self.timing_error = error_label()

        grid = QGridLayout()
        grid.addWidget(self._buddy("&Waiting strategy:", self.strategy_combo), 0, 0)
        grid.addWidget(self.strategy_combo, 0, 1)
        grid.addWidget(self.strategy_hint, 0, 2, 1, 2)
        grid.addWidget(self._buddy("&Drip interval:", self.drip_spin), 1, 0)
        grid.addWidget(self.drip_spin, 1, 1)
        grid.addWidget(self.schedule_check, 2, 0)
        grid.addWidget(self.schedule_edit, 2, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addWidget(self.timing_error)
        return box

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _connect_changes(self) -> None:
        changed = self._on_form_changed
        self.type_combo.currentIndexChanged.connect(self._on_type_combo_changed)
        self.strategy_combo.currentIndexChanged.connect(self._on_strategy_combo_changed)
        self.text_edit.textChanged.connect(self._update_counter)
        for signal in (
            self.text_edit.textChanged,
            self.media_path_edit.textChanged,
            self.media_url_edit.textChanged,
            self.drip_spin.valueChanged,
            self.schedule_check.toggled,
            self.schedule_edit.dateTimeChanged,
        ):
            signal.connect(changed)
        for signal in (
            self.paste_edit.textChanged,
            self.picker.selection_changed,
            self.region_edit.textChanged,
            self.paste_radio.toggled,
        ):
            signal.connect(self._on_recipients_changed)

    # --- state -----------------------------------------------------------------------------

    def message_type(self) -> MessageType:
        return MessageType(self.type_combo.currentData())

    def strategy(self) -> WaitingStrategy:
        return WaitingStrategy(self.strategy_combo.currentData())

    def region(self) -> str:
        return self.region_edit.text().strip().upper()

    def _on_context_package_changed(self, package_id: str) -> None:
        if not package_id:
            self.stack.setCurrentWidget(self.empty)
        elif self.stack.currentWidget() is self.empty:
            self.stack.setCurrentWidget(self.composer)
        self._on_recipients_changed()

    def _on_form_changed(self) -> None:
        self._revision += 1
        if self._preview is not None:
            self._preview = None
            self.plan_panel.hide()
        self.send_button.setEnabled(False)
        self.send_hint.setText("Preview the plan, then send.")

    def _on_recipients_changed(self) -> None:
        self.source_stack.setCurrentWidget(
            self.paste_edit if self.paste_radio.isChecked() else self.picker
        )
        self.picker.region = self.region()
        self._on_form_changed()
        if self.isVisible():
            self._screen_timer.start()
        else:
            self._screen_on_show = True

    def _on_type_combo_changed(self) -> None:
        media = self.message_type() is not MessageType.TEXT
        self.media_box.setVisible(media)
        self.text_label.setText("Caption te&xt (optional):" if media else "Message te&xt:")
        self.text_edit.setAccessibleName("Caption" if media else "Message text")
        self._update_counter()
        self._on_form_changed()

    def _on_strategy_combo_changed(self) -> None:
        strategy = self.strategy()
        self.drip_spin.setEnabled(strategy is WaitingStrategy.DRIP)
        self.strategy_hint.setText(STRATEGY_HINTS[strategy] + ".")
        self._on_form_changed()

    def _update_counter(self) -> None:
        limit = MAX_TEXT if self.message_type() is MessageType.TEXT else MAX_CAPTION
        n = len(self.text_edit.toPlainText())
        text = f"{n:,} / {limit:,} characters"
        if n > limit:
            text += f": {n - limit:,} too many"
        self.counter_label.setText(text)
        self.counter_label.setProperty("role", "error" if n > limit else "hint")
        self.counter_label.style().polish(self.counter_label)

    # --- recipients ------------------------------------------------------------------------

    async def _recipient_values(self) -> tuple[list[str | int], int] | None:
        """The recipients as the API takes them and the row number of the first one."""
        loop = asyncio.get_running_loop()
        if self.paste_radio.isChecked():
            text = self.paste_edit.toPlainText()
            if not text.strip():
                return None
            pasted: list[str | int] = list(await loop.run_in_executor(None, parse_pasted, text))
            return pasted, 1
        selection = self.picker.selection()
        if selection is None:
            return None
        values = await loop.run_in_executor(None, api_values, *selection)
        return values, self.picker.first_row_number()

    def _on_screen_timer_timeout(self) -> None:
        run_task(self._screen())

    async def _screen(self) -> None:
        self._screen_seq += 1
        seq = self._screen_seq
        package_id, region = self.context.package_id, self.region()
        source = await self._recipient_values() if package_id else None
        if seq != self._screen_seq:
            return
        if source is None:
            self._show_screening(None)
            return
        values, first_row = source
        self.screen_status.setText("Checking numbers…")
        try:
            suppressions = await self.context.services.inbox.suppressions(package_id)
            suppressed = {s.phone for s in suppressions}
            screening = await asyncio.get_running_loop().run_in_executor(
                None, screen_recipients, values, region, suppressed
            )
        except SpreaderError as exc:
            if seq == self._screen_seq:
                self._show_screening(None)
                self._set_errors("recipients", [describe(exc)])
            return
        if seq == self._screen_seq:
            self._set_errors("recipients", [])
            self._first_row = first_row
            self._show_screening(screening)

    def _show_screening(self, s: Screening | None) -> None:
        """Shows the four buckets of ``s`` ("–" for none) and its rejected rows."""
        self.screen_status.clear()
        entries = [] if s is None else rejected_entries(s, self._first_row)
        self.rejected_model.reset(entries)
        counts = (
            [None] * 4
            if s is None
            else [s.valid_count, s.rejected_count, s.duplicate_count, s.suppressed_count]
        )
        for label, name, n in zip(self._summary_labels, SUMMARY_NAMES, counts, strict=True):
            label.setText(f"{name}: {'–' if n is None else f'{n:,}'}")
        reasons = Counter(r.reason.value for r in s.rejected) if s is not None else Counter()
        self.reasons_label.setText(
            "Invalid: "
            + ", ".join(f"{n:,} {reason_label(k).lower()}" for k, n in sorted(reasons.items()))
        )
        self.reasons_label.setVisible(bool(reasons))
        self.rejected_button.setEnabled(bool(entries))
        self.export_button.setEnabled(bool(entries))
        if not entries:
            self.rejected_button.setChecked(False)
        self._label_rejected_button()

    def _on_rejected_button_toggled(self, checked: bool) -> None:
        self.rejected_view.setVisible(checked)
        self._label_rejected_button()

    def _label_rejected_button(self) -> None:
        verb = "Hide" if self.rejected_button.isChecked() else "Sh&ow"
        count = self.rejected_model.rowCount()
        self.rejected_button.setText(f"{verb} rejected rows ({count:,})")

    def _on_export_button_clicked(self) -> None:
        run_task(self._export_rejected(), busy=self.export_button)

    async def _export_rejected(self) -> None:
        dialog = QFileDialog(self, "Export rejected rows", "rejected-recipients.csv")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("CSV files (*.csv)")
        dialog.setDefaultSuffix("csv")
        try:
            accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted.value
            files = dialog.selectedFiles() if accepted else []
        finally:
            dialog.deleteLater()
        if not files:
            return
        path, entries = Path(files[0]), self.rejected_model.rows()
        try:
            await asyncio.get_running_loop().run_in_executor(
                None, write_rejected_csv, path, entries
            )
        except OSError as exc:
            self._set_errors("recipients", [f"Could not save {path}: {exc.strerror or exc}."])
            return
        self.screen_status.setText(f"Saved {len(entries):,} rows to {path.name}.")

    # --- media -----------------------------------------------------------------------------

    def _on_browse_button_clicked(self) -> None:
        run_task(self._browse_media(), busy=self.browse_button)

    async def _browse_media(self) -> None:
        dialog = QFileDialog(self, "Choose the file to send")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([MEDIA_FILTERS[self.message_type()], "All files (*)"])
        try:
            accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted.value
            files = dialog.selectedFiles() if accepted else []
        finally:
            dialog.deleteLater()
        if files:
            self.media_path_edit.setText(files[0])

    # --- preview and send ------------------------------------------------------------------

    def _body(self, recipients: Sequence[str | int]) -> dict[str, Any]:
        schedule = None
        if self.schedule_check.isChecked():
            schedule = utc_iso(self.schedule_edit.dateTime().toSecsSinceEpoch())
        return open_body(
            kind=self.message_type(),
            text=self.text_edit.toPlainText(),
            media_path=self.media_path_edit.text().strip(),
            media_url=self.media_url_edit.text().strip(),
            recipients=recipients,
            region=self.region(),
            strategy=self.strategy(),
            drip_minutes=self.drip_spin.value(),
            schedule_at=schedule,
        )

    def _on_preview_button_clicked(self) -> None:
        run_task(self._run_preview(), busy=self.action_box)

    async def _run_preview(self) -> None:
        revision, package_id = self._revision, self.context.package_id
        self._clear_errors()
        source = await self._recipient_values()
        if source is None:
            needed = (
                "Choose the column that holds the phone numbers."
                if self.file_radio.isChecked() and self.picker.table is not None
                else "Paste the numbers or import a file first."
            )
            self._set_errors("recipients", [needed])
            return
        body = self._body(source[0])
        try:
            normalize_region(self.region())
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
        self._first_row = source[1]
        self._show_screening(preview.screening)
        self.plan_panel.show_preview(preview, datetime.now(UTC))
        self.plan_panel.show()
        self._preview = (revision, body, preview)
        can_send = preview.screening.valid_count > 0 and not preview.plan.unassigned
        self.send_button.setEnabled(can_send)
        self.send_hint.setText("Check the plan, then send." if can_send else "Nothing to send.")

    def _on_send_button_clicked(self) -> None:
        run_task(self._send(), busy=self.action_box)

    async def _send(self) -> None:
        if self._preview is None:
            return
        revision, body, preview = self._preview
        package_id = self.context.package_id
        valid = preview.screening.valid_count
        skipped = preview.screening.total - valid
        eta = self.plan_panel.eta_label.text()
        senders = sum(1 for n in self.plan_panel.counts.values() if n)
        text = (
            f"Send this message to {valid:,} recipients through {senders} profiles?"
            + (f" {skipped:,} rows will be skipped." if skipped else "")
            + (f"\n\n{eta}." if eta else "")
        )
        if not await confirm(self, "Send this message?", text, yes="Send"):
            return
        if revision != self._revision:
            self.send_hint.setText("The message changed: preview it again before sending.")
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
        self.text_edit.clear()
        self.paste_edit.clear()
        self.media_path_edit.clear()
        self.media_url_edit.clear()
        self.schedule_check.setChecked(False)
        self.picker.clear()
        self._clear_errors()
        self.stack.setCurrentWidget(self.composer if self.context.package_id else self.empty)
        self.text_edit.setFocus()

    # --- errors ----------------------------------------------------------------------------

    def _labels(self) -> dict[str, QLabel]:
        return {
            "content": self.content_error,
            "recipients": self.recipients_error,
            "timing": self.timing_error,
            "general": self.send_error,
        }

    def _set_errors(self, section: str, sentences: list[str]) -> None:
        label = self._labels()[section]
        label.setText("\n".join(sentences))
        label.setVisible(bool(sentences))

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
