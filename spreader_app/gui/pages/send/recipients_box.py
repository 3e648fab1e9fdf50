"""The recipients section of the Send page: pasted or imported numbers, screened as typed.

The numbers are screened about 300 ms after the last change, off the GUI thread, against
the package's suppressions; the four counts and the table of rejected rows always show
where every input went.
"""

from __future__ import annotations

import asyncio
from collections import Counter

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import SpreaderError
from spreader_app.core.phones import Screening, screen_recipients
from spreader_app.core.recipients import parse_pasted
from spreader_app.core.services.settings import SettingsView
from spreader_app.gui.context import AppContext
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, ltr
from spreader_app.gui.icons import icon
from spreader_app.gui.tables.recipients_table import (
    RejectedTableModel,
    reason_label,
    rejected_entries,
    write_rejected_csv,
)
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.accessibility import buddy_label, show_value
from spreader_app.gui.widgets.column_picker import ColumnPicker, api_values
from spreader_app.gui.widgets.file_dialogs import ask_save_csv
from spreader_app.gui.widgets.live_table import setup_live_table
from spreader_app.gui.widgets.roles import error_label, show_message

SCREEN_DELAY_MS = 300
SUMMARY_NAMES = (
    QT_TRANSLATE_NOOP("RecipientsBox", "Valid"),
    QT_TRANSLATE_NOOP("RecipientsBox", "Invalid"),
    QT_TRANSLATE_NOOP("RecipientsBox", "Duplicates"),
    QT_TRANSLATE_NOOP("RecipientsBox", "Suppressed"),
)


class RecipientsBox(QGroupBox):
    """The recipients of the current package's next message and the default region their
    local numbers are read in; ``changed`` on every edit and when the package changes."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recipients"))
        self.context = context
        self._screen_seq = 0
        self._screen_on_show = False

        self.paste_radio = QRadioButton(self.tr("Paste &numbers"))
        self.file_radio = QRadioButton(self.tr("&Import a file (CSV, TXT, XLSX)"))
        self.paste_radio.setChecked(True)
        self._source_group = QButtonGroup(self)
        self._source_group.addButton(self.paste_radio)
        self._source_group.addButton(self.file_radio)
        self.paste_edit = QPlainTextEdit()
        self.paste_edit.setAccessibleName(self.tr("Pasted numbers"))
        self.paste_edit.setPlaceholderText(
            self.tr("One number per line, or separated by commas, e.g. +20 106 618 3456")
        )
        self.paste_edit.setTabChangesFocus(True)
        self.picker = ColumnPicker()
        self.source_stack = QStackedWidget()
        self.source_stack.addWidget(self.paste_edit)
        self.source_stack.addWidget(self.picker)
        self.source_stack.setMinimumHeight(150)

        self.region_edit = QLineEdit(context.services.settings.view().default_region)
        self.region_edit.setAccessibleName(self.tr("Default region"))
        self.region_edit.setMaxLength(2)
        self.region_edit.setMaximumWidth(60)
        self.region_edit.setPlaceholderText(self.tr("none"))
        self._saved_region = self.region_edit.text()
        context.settings_saved.connect(self._on_context_settings_saved)
        self.region_edit.setToolTip(
            self.tr("Two-letter country code used for numbers written without + and a country code")
        )
        region_hint = QLabel(
            self.tr(
                "Numbers without a country code (like 0106 618 3456) are read as numbers of this"
                " country. Leave it empty to accept only numbers with + and the country code."
            )
        )
        region_hint.setProperty("role", "hint")
        region_hint.setWordWrap(True)

        self._summary_labels = [QLabel() for _ in SUMMARY_NAMES]
        self.valid_label, self.invalid_label, self.duplicate_label, self.suppressed_label = (
            self._summary_labels
        )
        for label, name in zip(self._summary_labels, SUMMARY_NAMES, strict=True):
            label.setAccessibleName(self.tr(name))
        self.valid_label.setProperty("role", "ok")
        self.suppressed_label.setToolTip(
            self.tr("Opted out or suppressed in this package: never sent")
        )
        self.reasons_label = QLabel()
        self.reasons_label.setProperty("role", "hint")
        self.reasons_label.setWordWrap(True)
        self.screen_status = QLabel()
        self.screen_status.setProperty("role", "hint")
        self.rejected_button = QPushButton(self.tr("Sh&ow rejected rows"))
        self.rejected_button.setCheckable(True)
        self.rejected_button.setToolTip(
            self.tr("Every row that will not be messaged, with the reason")
        )
        self.rejected_button.toggled.connect(self._on_rejected_button_toggled)
        self.export_button = QPushButton(icon("export"), self.tr("Export re&jected…"))
        self.export_button.setToolTip(self.tr("Save the rejected rows and reasons as a CSV file"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.rejected_model = RejectedTableModel(self)
        self.rejected_view = QTableView()
        self.rejected_proxy = setup_live_table(
            self.rejected_view, self.rejected_model, self.tr("Rejected rows")
        )
        self.rejected_view.setMinimumHeight(160)
        self.rejected_view.hide()
        self.error_label = error_label()

        sources = QHBoxLayout()
        sources.addWidget(self.paste_radio)
        sources.addWidget(self.file_radio)
        sources.addStretch(1)
        region_row = QHBoxLayout()
        region_row.addWidget(buddy_label(self.tr("Default &region:"), self.region_edit))
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
        layout = QVBoxLayout(self)
        layout.addLayout(sources)
        layout.addWidget(self.source_stack)
        layout.addLayout(region_row)
        layout.addLayout(summary)
        layout.addWidget(self.reasons_label)
        layout.addWidget(self.rejected_view)
        layout.addWidget(self.error_label)
        self.show_screening(None)

        self._screen_timer = QTimer(self)
        self._screen_timer.setSingleShot(True)
        self._screen_timer.setInterval(SCREEN_DELAY_MS)
        self._screen_timer.timeout.connect(self._on_screen_timer_timeout)
        for edited in (
            self.paste_edit.textChanged,
            self.picker.selection_changed,
            self.region_edit.textChanged,
            self.paste_radio.toggled,
        ):
            edited.connect(self._on_changed)
        # Suppressions belong to a package: the same numbers screen differently in another.
        context.package_changed.connect(self._on_changed)
        self._on_changed()

    def _on_context_settings_saved(self, view: SettingsView) -> None:
        """A region saved in Settings replaces this one, unless it was typed here."""
        if self.region_edit.text().strip().upper() == self._saved_region:
            self.region_edit.setText(view.default_region)
        self._saved_region = view.default_region

    def region(self) -> str:
        """The default region as typed, upper-cased; ``""`` accepts only international numbers."""
        return self.region_edit.text().strip().upper()

    async def values(self) -> tuple[list[str | int], int] | None:
        """The recipients as the API takes them and the row number of the first one;
        ``None`` when there are none yet (see ``missing_sentence``)."""
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

    def missing_sentence(self) -> str:
        """What to do first when ``values()`` finds no recipients."""
        if self.file_radio.isChecked() and self.picker.table is not None:
            return self.tr("Choose the column that holds the phone numbers.")
        return self.tr("Paste the numbers or import a file first.")

    def show_screening(self, s: Screening | None, first_row: int = 1) -> None:
        """Shows the four buckets of ``s`` ("–" for none) and its rejected rows, numbered
        from ``first_row`` (the input row of the first recipient)."""
        self.screen_status.clear()
        entries = [] if s is None else rejected_entries(s, first_row)
        self.rejected_model.reset(entries)
        counts = (
            [None] * 4
            if s is None
            else [s.valid_count, s.rejected_count, s.duplicate_count, s.suppressed_count]
        )
        for label, name, n in zip(self._summary_labels, SUMMARY_NAMES, counts, strict=True):
            shown = self.tr("{name}: {count}").format(
                name=self.tr(name), count="–" if n is None else f"{n:,}"
            )
            show_value(label, shown)
        reasons = Counter(r.reason.value for r in s.rejected) if s is not None else Counter()
        self.reasons_label.setText(
            self.tr("Invalid: {reasons}").format(
                reasons=self.tr(", ").join(
                    f"{n:,} {reason_label(k).lower()}" for k, n in sorted(reasons.items())
                )
            )
        )
        self.reasons_label.setVisible(bool(reasons))
        self.rejected_button.setEnabled(bool(entries))
        self.export_button.setEnabled(bool(entries))
        if not entries:
            self.rejected_button.setChecked(False)
        self._label_rejected_button()

    def clear(self) -> None:
        """Empties the pasted numbers and forgets the imported file, for the next message."""
        self.paste_edit.clear()
        self.picker.clear()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        # A hidden box screens nothing; the pending check runs when it shows again.
        self._screen_on_show = self._screen_on_show or self._screen_timer.isActive()
        self._screen_timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._screen_on_show:
            self._screen_on_show = False
            self._screen_timer.start()

    # --- screening -------------------------------------------------------------------------

    def _on_changed(self) -> None:
        self.source_stack.setCurrentWidget(
            self.paste_edit if self.paste_radio.isChecked() else self.picker
        )
        self.picker.region = self.region()
        self.changed.emit()
        if self.isVisible():
            self._screen_timer.start()
        else:
            self._screen_on_show = True

    def _on_screen_timer_timeout(self) -> None:
        run_task(self._screen())

    async def _screen(self) -> None:
        self._screen_seq += 1
        seq = self._screen_seq
        package_id, region = self.context.package_id, self.region()
        source = await self.values() if package_id else None
        if seq != self._screen_seq:
            return
        if source is None:
            self.show_screening(None)
            return
        values, first_row = source
        self.screen_status.setText(self.tr("Checking numbers…"))
        try:
            suppressions = await self.context.services.inbox.suppressions(package_id)
            suppressed = {s.phone for s in suppressions}
            screening = await asyncio.get_running_loop().run_in_executor(
                None, screen_recipients, values, region, suppressed
            )
        except SpreaderError as exc:
            if seq == self._screen_seq:
                self.show_screening(None)
                show_message(self.error_label, describe(exc))
            return
        if seq == self._screen_seq:
            show_message(self.error_label, "")
            self.show_screening(screening, first_row)

    # --- rejected rows ---------------------------------------------------------------------

    def _on_rejected_button_toggled(self, checked: bool) -> None:
        self.rejected_view.setVisible(checked)
        self._label_rejected_button()

    def _label_rejected_button(self) -> None:
        count = f"{self.rejected_model.rowCount():,}"
        if self.rejected_button.isChecked():
            self.rejected_button.setText(
                self.tr("Hide rejected rows ({count})").format(count=count)
            )
        else:
            self.rejected_button.setText(
                self.tr("Sh&ow rejected rows ({count})").format(count=count)
            )

    def _on_export_button_clicked(self) -> None:
        run_task(self._export_rejected(), busy=self.export_button)

    async def _export_rejected(self) -> None:
        path = await ask_save_csv(self, self.tr("Export rejected rows"), "rejected-recipients.csv")
        if path is None:
            return
        entries = self.rejected_model.rows()
        try:
            await asyncio.get_running_loop().run_in_executor(
                None, write_rejected_csv, path, entries
            )
        except OSError as exc:
            failed = self.tr("Could not save {path}: {error}.")
            show_message(self.error_label, failed.format(path=ltr(path), error=exc.strerror or exc))
            return
        saved = self.tr("Saved %n row(s) to {file}.", "", len(entries))
        self.screen_status.setText(saved.format(file=ltr(path.name)))
