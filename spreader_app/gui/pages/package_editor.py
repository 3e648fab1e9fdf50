"""The package policy form: every field of ``PACKAGE_FIELDS``, checked as you type.

Checking runs the service's own ``apply_package_fields`` on the form's values, so the form
and the service can never disagree on a range; its messages appear under the fields and
Save stays disabled while any is wrong. Hints beside the fields say what the numbers mean
for the person: seconds between messages, the window in words, the pool's daily capacity.
"""

from __future__ import annotations

import logging
from datetime import time
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.models import DistributionMode, Package, PackageStatus
from spreader_app.core.services.packages import DEFAULT_QUIET_HOURS
from spreader_app.gui.context import AppContext
from spreader_app.gui.pages.package_clock_fields import (
    QUIET,
    ZONES,
    QuietHoursField,
    ZoneDefaultsField,
)
from spreader_app.gui.pages.package_form import (
    Field,
    check_field,
    choices,
    clock_field,
    combo_field,
    details_by_field,
    form_errors,
    named,
    package_data,
    retry_hint,
    spin_box,
    spin_field,
    system_zone,
    time_edit,
    time_field,
)
from spreader_app.gui.tables.packages_table import (
    DISTRIBUTION_HINTS,
    DISTRIBUTION_LABELS,
    PACKAGE_STATUS_LABELS,
    STATUS_HINTS,
    active_hours_text,
    capacity_hint,
    cooldown_hint,
)
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.roles import error_label

log = logging.getLogger(__name__)


class PackageEditor(QWidget):
    """Edits one package (or a new one) and saves it through ``context.services.packages``.

    ``saved`` carries the stored ``Package`` after the package list was reloaded.
    """

    saved = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.package: Package | None = None
        self.profile_count = 0
        self._original: dict[str, Any] = {}
        self._touched: set[str] = set()
        self._server_errors: dict[str, str] = {}
        self._loading = False
        self._saving = False
        self._error_labels: dict[str, QLabel] = {}
        self._hint_labels: dict[str, QLabel] = {}

        self.title = QLabel(self.tr("New package"))
        self.title.setProperty("role", "title")
        self.form_error = error_label()

        self.name_edit = named(QLineEdit(), self.tr("Package name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Shop Cairo"))
        self.description = named(QPlainTextEdit(), self.tr("Description"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(60)
        self.status = choices(self.tr("Package status"), PACKAGE_STATUS_LABELS, STATUS_HINTS)
        self.mode = choices(self.tr("Distribution mode"), DISTRIBUTION_LABELS, DISTRIBUTION_HINTS)
        self.hourly_cap = spin_box(
            9_999_999, self.tr(" an hour"), self.tr("Hourly cap per profile")
        )
        self.daily_cap = spin_box(99_999_999, self.tr(" a day"), self.tr("Daily cap per profile"))
        self.cooldown = spin_box(
            9_999_999,
            self.tr(" s"),
            self.tr("Cooldown in seconds"),
            self.tr("The shortest gap between two Open Chat messages of one profile"),
        )
        self.hours_start = time_edit(
            self.tr("Active hours start"), self.tr("Sending starts at this time")
        )
        self.hours_end = time_edit(
            self.tr("Active hours end"),
            self.tr("Sending stops at this time; equal to the start means all day"),
        )
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        named(
            self.timezone,
            self.tr("Time zone"),
            self.tr("The zone the active hours are in, e.g. Africa/Cairo"),
        )
        self.timezone.addItems(sorted(available_timezones()))
        completer = QCompleter(self.timezone.model(), self.timezone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone.setCompleter(completer)
        self.retry = named(
            QCheckBox(self.tr("&Retry failed messages")),
            self.tr("Retry failed messages"),
            self.tr("Try again after network errors, timeouts and busy answers"),
        )
        self.retry_attempts = spin_box(99, "", self.tr("Retry attempts"))
        self.retry_delay = spin_box(
            999_999_999, self.tr(" ms"), self.tr("First retry delay in milliseconds")
        )
        self.retry_delay.setSingleStep(500)
        self.sticky = named(
            QCheckBox(self.tr("&Keep each recipient on one number")),
            self.tr("Sticky Open Chat"),
            self.tr(
                "A recipient who already talked to one of the profiles gets Open Chat messages "
                "from that profile again: two unknown numbers make people distrust both"
            ),
        )
        self.quiet_hours = QuietHoursField()
        self.zone_defaults = ZoneDefaultsField(sorted(available_timezones()))
        self._fields: dict[str, Field] = {
            "name": (self.name_edit.text, self.name_edit.setText, self.name_edit.textChanged),
            "description": (
                self.description.toPlainText,
                self.description.setPlainText,
                self.description.textChanged,
            ),
            "status": combo_field(self.status),
            "distribution_mode": combo_field(self.mode),
            "max_messages_per_profile_per_hour": spin_field(self.hourly_cap),
            "max_messages_per_profile_per_day": spin_field(self.daily_cap),
            "cooldown_seconds": spin_field(self.cooldown),
            "active_hours_start": time_field(self.hours_start),
            "active_hours_end": time_field(self.hours_end),
            "timezone": (
                lambda: self.timezone.currentText().strip(),
                self.timezone.setCurrentText,
                self.timezone.editTextChanged,
            ),
            "retry_failed_messages": check_field(self.retry),
            "retry_attempts": spin_field(self.retry_attempts),
            "retry_delay_ms": spin_field(self.retry_delay),
            "sticky_open_chat": check_field(self.sticky),
            QUIET: clock_field(self.quiet_hours),
            ZONES: clock_field(self.zone_defaults),
        }

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._row(
            self.tr("&Name:"),
            self.name_edit,
            ["name"],
            self.tr("Required: how the package shows in lists."),
        )
        self._row(self.tr("&Description:"), self.description, ["description"])
        self._row(self.tr("&Status:"), self.status, ["status"], "")
        self._row(self.tr("D&istribution:"), self.mode, ["distribution_mode"], "")
        self._row(self.tr("&Hourly cap:"), self.hourly_cap, ["max_messages_per_profile_per_hour"])
        self._row(self.tr("Dail&y cap:"), self.daily_cap, ["max_messages_per_profile_per_day"], "")
        self._row(self.tr("&Cooldown:"), self.cooldown, ["cooldown_seconds"], "")
        hours = QWidget()
        hours_layout = QHBoxLayout(hours)
        hours_layout.setContentsMargins(0, 0, 0, 0)
        to = QLabel(self.tr("to"))
        to.setBuddy(self.hours_end)
        hours_layout.addWidget(self.hours_start)
        hours_layout.addWidget(to)
        hours_layout.addWidget(self.hours_end)
        hours_layout.addStretch(1)
        self._row(
            self.tr("&Active hours:"),
            hours,
            ["active_hours_start", "active_hours_end"],
            "",
            buddy=self.hours_start,
        )
        self._row(self.tr("&Time zone:"), self.timezone, ["timezone"])
        self._row("", self.retry, ["retry_failed_messages"], "")
        self._row(self.tr("Retry atte&mpts:"), self.retry_attempts, ["retry_attempts"])
        self._row(self.tr("Retry de&lay:"), self.retry_delay, ["retry_delay_ms"])
        self._row("", self.sticky, ["sticky_open_chat"])
        # The tick box carries Alt+Q; the zone table takes the focus from its label's Alt+Z.
        quiet = self.quiet_hours.enabled
        self._row(self.tr("Customer's quiet hours:"), self.quiet_hours, [QUIET], "", buddy=quiet)
        table = self.zone_defaults.table
        self._row(self.tr("Country &zones:"), self.zone_defaults, [ZONES], "", buddy=table)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save package"))
        self.save_button.setToolTip(self.tr("Save the package (Ctrl+S)"))
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setAccessibleName(self.tr("Revert changes"))
        self.revert_button.setToolTip(self.tr("Undo the changes made since the package was loaded"))
        self.revert_button.clicked.connect(self._on_revert_clicked)
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "ok")
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.form_error)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self._connect_changes()
        self.start_new()

    # --- building ----------------------------------------------------------------------

    def _row(
        self,
        label: str,
        widget: QWidget,
        keys: list[str],
        hint: str | None = None,
        buddy: QWidget | None = None,
    ) -> None:
        """Adds ``widget`` with a hint line (when ``hint`` is not ``None``) and an error line."""
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        if hint is not None:
            hint_label = QLabel(hint)
            hint_label.setProperty("role", "hint")
            hint_label.setWordWrap(True)
            v.addWidget(hint_label)
            for key in keys:
                self._hint_labels[key] = hint_label
        error = error_label()
        v.addWidget(error)
        for key in keys:
            self._error_labels[key] = error
        if label:
            caption = QLabel(label)
            caption.setBuddy(buddy or widget)
            self._form.addRow(caption, box)
        else:
            self._form.addRow(box)

    def _connect_changes(self) -> None:
        for key, (_get, _set, changed) in self._fields.items():
            changed.connect(lambda *_, key=key: self._on_field_changed(key))

    # --- state -------------------------------------------------------------------------

    @property
    def creating(self) -> bool:
        return self.package is None

    def start_new(self) -> None:
        """An empty form with the defaults of a new package, in this computer's time zone."""
        self.package = None
        self.profile_count = 0
        self.title.setText(self.tr("New package"))
        new = Package(
            id="", name="", timezone=system_zone(), recipient_quiet_hours=DEFAULT_QUIET_HOURS
        )
        self._fill(package_data(new))

    def load(self, package: Package, profile_count: int = 0) -> None:
        """Shows ``package``; unsaved edits of the previous one are dropped."""
        self.package = package
        self.profile_count = profile_count
        self.title.setText(package.name)
        self._fill(package_data(package))

    def set_profile_count(self, count: int) -> None:
        """Updates the pool size the capacity hint multiplies by."""
        self.profile_count = count
        self._refresh()

    def is_dirty(self) -> bool:
        """Whether Save would change anything (always for a new package)."""
        return self.creating or self.form_data() != self._original

    def form_data(self) -> dict[str, Any]:
        """The form as a service body (every field of ``PACKAGE_FIELDS``)."""
        return {key: get() for key, (get, _set, _changed) in self._fields.items()}

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the loaded package (all of them for a new one)."""
        data = self.form_data()
        if self.creating:
            return data
        return {k: v for k, v in data.items() if self._original.get(k) != v}

    def errors(self) -> dict[str, str]:
        """Every problem of the form as ``{field: sentence}``, server verdicts included."""
        errors = form_errors(self.form_data(), self.package)
        # The customer's clock in the interface language, the zone rows checked as rows.
        for key, clock in ((QUIET, self.quiet_hours), (ZONES, self.zone_defaults)):
            errors.pop(key, None)
            if problem := clock.problem():
                errors[key] = problem
        return {**errors, **self._server_errors}

    def error_text(self, key: str) -> str:
        """The error shown under ``key``'s field ("" when none is shown)."""
        label = self._error_labels[key]
        return label.text() if not label.isHidden() else ""

    def hint_text(self, key: str) -> str:
        return self._hint_labels[key].text()

    def _fill(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            for key, (_get, put, _changed) in self._fields.items():
                put(data[key])
        finally:
            self._loading = False
        self._original = self.form_data()
        self._touched.clear()
        self._server_errors.clear()
        self.form_error.hide()
        self.saved_label.clear()
        self._refresh()

    def _on_field_changed(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self._server_errors.pop(key, None)
        self.saved_label.clear()
        self._refresh()

    def _refresh(self) -> None:
        """Re-checks the form: error lines, hints, and whether Save may be pressed."""
        data = self.form_data()
        errors = self.errors()
        shown: dict[QLabel, list[str]] = {label: [] for label in self._error_labels.values()}
        for key, text in errors.items():
            label = self._error_labels.get(key)
            if label is not None and (key in self._touched or key in self._server_errors):
                shown[label].append(text)
        for label, texts in shown.items():
            label.setText(" ".join(texts))
            label.setVisible(bool(texts))
        self._update_hints(data, errors)
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty and not errors and not self._saving)
        self.revert_button.setEnabled(dirty and not self._saving)
        retry_on = self.retry.isChecked()
        self.retry_attempts.setEnabled(retry_on)
        self.retry_delay.setEnabled(retry_on)

    def _update_hints(self, data: dict[str, Any], errors: dict[str, str]) -> None:
        self._hint_labels["status"].setText(STATUS_HINTS[PackageStatus(data["status"])])
        self._hint_labels["distribution_mode"].setText(
            DISTRIBUTION_HINTS[DistributionMode(data["distribution_mode"])]
        )
        self._hint_labels["cooldown_seconds"].setText(cooldown_hint(data["cooldown_seconds"]))
        self._hint_labels["max_messages_per_profile_per_day"].setText(
            capacity_hint(
                self.profile_count,
                data["max_messages_per_profile_per_hour"],
                data["max_messages_per_profile_per_day"],
            )
        )
        start = self.hours_start.time()
        end = self.hours_end.time()
        zone = data["timezone"] if "timezone" not in errors else self.tr("time zone not set")
        self._hint_labels["active_hours_start"].setText(
            active_hours_text(
                time(start.hour(), start.minute()), time(end.hour(), end.minute()), zone
            )
        )
        self._hint_labels[QUIET].setText(self.quiet_hours.hint())
        self._hint_labels[ZONES].setText(self.zone_defaults.hint())
        self._hint_labels["retry_failed_messages"].setText(
            retry_hint(
                data["retry_failed_messages"], data["retry_attempts"], data["retry_delay_ms"]
            )
        )

    # --- saving ------------------------------------------------------------------------

    def save(self) -> None:
        """Creates or updates the package; problems appear next to their fields."""
        if self.errors() or self._saving:
            return
        self._saving = True
        self.form_error.hide()
        self._refresh()
        run_task(self._save(), on_done=self._on_saved, on_error=self._on_save_failed)

    async def _save(self) -> Package:
        service = self.context.services.packages
        if self.package is None:
            pkg = await service.create(self.form_data(), actor="desktop")
        else:
            pkg = await service.update(self.package.id, self.changes(), actor="desktop")
        await self.context.reload_packages()
        return pkg

    def _on_saved(self, package: Package) -> None:
        self._saving = False
        self.context.set_package(package.id)
        self.load(package, self.profile_count)
        self.saved_label.setText(self.tr("Saved."))
        self.saved.emit(package)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationFailed) and exc.details:
            self._server_errors = details_by_field(exc.detail_texts)
            unplaced = [t for k, t in self._server_errors.items() if k not in self._error_labels]
            if unplaced:
                self.form_error.setText(" ".join(unplaced))
                self.form_error.show()
        else:
            if not isinstance(exc, ValidationFailed):
                log.warning("saving the package failed", exc_info=exc)
            self.form_error.setText(describe(exc))
            self.form_error.show()
        self._refresh()

    def _on_revert_clicked(self) -> None:
        if self.package is None:
            self.start_new()
        else:
            self.load(self.package, self.profile_count)
