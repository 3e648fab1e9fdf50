"""Add or edit one profile: its device, its token (masked, never shown), its share of work.

The dialog saves through ``context.services.profiles`` itself and closes only when the
service accepted the profile, so a rejected field is explained next to it while the
person's typing is still there. Await it with ``run_dialog``; ``saved_profile`` holds the
result after ``Accepted``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import Conflict, ValidationFailed
from spreader_app.core.models import Profile, ProfileStatus
from spreader_app.core.services.connection import ConnectionReport
from spreader_app.gui.context import AppContext
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, field_sentence, shown
from spreader_app.gui.tables.profiles_table import PROFILE_STATUS_LABELS
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.accessibility import show_value
from spreader_app.gui.widgets.roles import error_label, set_role

log = logging.getLogger(__name__)

FIELD_LABELS = TranslatedLabels(
    "ProfileDialog",
    {
        "name": QT_TRANSLATE_NOOP("ProfileDialog", "Name"),
        "zentra_uuid": QT_TRANSLATE_NOOP("ProfileDialog", "Device UUID"),
        "zentra_api_token": QT_TRANSLATE_NOOP("ProfileDialog", "API token"),
        "priority": QT_TRANSLATE_NOOP("ProfileDialog", "Priority"),
        "weight": QT_TRANSLATE_NOOP("ProfileDialog", "Weight"),
        "daily_message_limit": QT_TRANSLATE_NOOP("ProfileDialog", "Daily limit"),
        "status": QT_TRANSLATE_NOOP("ProfileDialog", "Status"),
    },
)


def _spin(lo: int, hi: int, name: str, tip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(lo, hi)
    spin.setGroupSeparatorShown(True)
    spin.setAccessibleName(name)
    spin.lineEdit().setAccessibleName(name)
    spin.setToolTip(tip)
    return spin


class ProfileDialog(QDialog):
    """Creates a profile in ``package_id``, or edits ``profile`` when one is given."""

    def __init__(
        self,
        context: AppContext,
        package_id: str,
        profile: Profile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.package_id = package_id
        self.profile = profile
        self.saved_profile: Profile | None = None
        self._error_labels: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Edit profile") if profile else self.tr("Add profile"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(460)

        self.name_edit = QLineEdit(profile.name if profile else "")
        self.name_edit.setAccessibleName(self.tr("Profile name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Sales phone 1"))
        self.device_edit = QLineEdit(profile.zentra_uuid if profile else "")
        self.device_edit.setAccessibleName(self.tr("Device UUID"))
        self.device_edit.setToolTip(self.tr("The device's UUID, as shown in the Zentra dashboard"))
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setAccessibleName(self.tr("API token"))
        self.token_edit.setToolTip(
            self.tr("The x-api-token of the Zentra account this device is in")
        )
        if profile is not None:
            self.token_edit.setPlaceholderText(profile.token_masked or "••••")
        else:
            self.token_edit.setPlaceholderText(
                self.tr("Paste the API token from the Zentra dashboard")
            )
        self.priority = _spin(
            0,
            1000,
            self.tr("Priority"),
            self.tr("Higher sends first in the priority distribution mode"),
        )
        self.weight = _spin(
            0,
            1000,
            self.tr("Weight"),
            self.tr("Share of recipients in the weighted and smart modes"),
        )
        self.daily_limit = _spin(
            1,
            100_000,
            self.tr("Daily limit"),
            self.tr("This number's own cap per 24 hours; the package's daily cap applies too"),
        )
        defaults = profile or Profile(id="", package_id=package_id, name="", zentra_uuid="")
        self.priority.setValue(defaults.priority)
        self.weight.setValue(defaults.weight)
        self.daily_limit.setValue(defaults.daily_message_limit)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Profile status"))
        if profile is not None and profile.status not in (
            ProfileStatus.ACTIVE,
            ProfileStatus.INACTIVE,
        ):
            # Blocked and paused are the engine's verdicts: keep them unless changed here.
            keep = self.tr("{status} (keep)").format(status=PROFILE_STATUS_LABELS[profile.status])
            self.status.addItem(keep, None)
        self.status.addItem(self.tr("Active"), ProfileStatus.ACTIVE.value)
        self.status.addItem(self.tr("Inactive"), ProfileStatus.INACTIVE.value)
        if profile is not None and profile.status is ProfileStatus.INACTIVE:
            self.status.setCurrentIndex(self.status.findData(ProfileStatus.INACTIVE.value))

        self.form_error = error_label()
        form = QFormLayout()
        self._form = form
        self._row(self.tr("&Name:"), self.name_edit, "name")
        self._row(self.tr("&Device UUID:"), self.device_edit, "zentra_uuid")
        token_hint = (
            self.tr("Leave empty to keep the current token.") if profile else self.tr("Required.")
        )
        self._row(self.tr("API &token:"), self.token_edit, "zentra_api_token", token_hint)
        self._row(self.tr("&Priority:"), self.priority, "priority")
        self._row(self.tr("&Weight:"), self.weight, "weight")
        self._row(self.tr("Daily &limit:"), self.daily_limit, "daily_message_limit")
        self._row(self.tr("&Status:"), self.status, "status")

        self.own_number_edit = QLineEdit()
        self.own_number_edit.setAccessibleName(self.tr("Your own number"))
        self.own_number_edit.setPlaceholderText(self.tr("only if the gateway has no status check"))
        self.own_number_edit.setToolTip(
            self.tr(
                "Where the gateway offers no status check, the test sends a message labelled "
                "as a connection test to this number"
            )
        )
        self._row(self.tr("Your n&umber:"), self.own_number_edit, "own_number")
        self.test_button = QPushButton(self.tr("Test &connection"))
        self.test_button.setToolTip(
            self.tr("Asks the gateway about this device with this token, before saving")
        )
        self.test_button.clicked.connect(self._on_test_clicked)
        self.test_result = QLabel()
        self.test_result.setProperty("role", "hint")
        self.test_result.setWordWrap(True)
        self.test_result.setAccessibleName(self.tr("Connection test result"))

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save profile"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form_error)
        layout.addLayout(form)
        layout.addWidget(self.test_result)
        layout.addLayout(buttons)

        for edit in (self.name_edit, self.device_edit, self.token_edit):
            edit.textChanged.connect(self._update_save)
        self._update_save()

    def _row(self, label: str, widget: QWidget, key: str, hint: str = "") -> None:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setProperty("role", "hint")
            v.addWidget(hint_label)
        error = error_label()
        v.addWidget(error)
        self._error_labels[key] = error
        caption = QLabel(label)
        caption.setBuddy(widget)
        self._form.addRow(caption, box)

    def error_text(self, key: str) -> str:
        """The error shown under ``key``'s field ("" when none)."""
        label = self._error_labels[key]
        return label.text() if not label.isHidden() else ""

    def data(self) -> dict[str, Any]:
        """The service body: every field for a new profile, only the changed ones otherwise;
        the token only when one was typed."""
        data: dict[str, Any] = {
            "name": self.name_edit.text(),
            "zentra_uuid": self.device_edit.text().strip(),
            "priority": self.priority.value(),
            "weight": self.weight.value(),
            "daily_message_limit": self.daily_limit.value(),
        }
        status = self.status.currentData()
        if status is not None:
            data["status"] = status
        if self.token_edit.text():
            data["zentra_api_token"] = self.token_edit.text()
        if self.profile is None:
            return data
        before = {
            "name": self.profile.name,
            "zentra_uuid": self.profile.zentra_uuid,
            "priority": self.profile.priority,
            "weight": self.profile.weight,
            "daily_message_limit": self.profile.daily_message_limit,
            "status": self.profile.status.value,
        }
        return {k: v for k, v in data.items() if before.get(k) != v}

    def _update_save(self) -> None:
        # The service checks everything; this only spares a round trip for empty fields.
        filled = bool(self.name_edit.text().strip() and self.device_edit.text().strip())
        has_token = self.profile is not None or bool(self.token_edit.text())
        self.save_button.setEnabled(filled and has_token)
        self.test_button.setEnabled(bool(self.device_edit.text().strip()) and has_token)

    def save(self) -> None:
        """Saves through the service; closes with ``Accepted`` once it succeeded."""
        if not self.save_button.isEnabled():
            return
        for label in (*self._error_labels.values(), self.form_error):
            label.hide()
        run_task(
            self._save(), busy=self.save_button, on_done=self._on_saved, on_error=self._on_failed
        )

    async def _save(self) -> Profile:
        service = self.context.services.profiles
        if self.profile is None:
            return await service.create(self.package_id, self.data(), actor="desktop")
        data = self.data()
        if not data:
            return self.profile
        return await service.update(self.package_id, self.profile.id, data, actor="desktop")

    def _on_saved(self, profile: Profile) -> None:
        self.saved_profile = profile
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        unplaced: list[str] = []
        if isinstance(exc, ValidationFailed) and exc.details:
            for item in exc.detail_texts:
                key = str(item.get("field", ""))
                sentence = field_sentence(key, item.get("message", ""), FIELD_LABELS)
                label = self._error_labels.get(key)
                if label is None:
                    unplaced.append(sentence)
                else:
                    label.setText(sentence)
                    label.show()
        elif isinstance(exc, Conflict):
            # The one conflict a profile save has: the device is already in this package.
            self._error_labels["zentra_uuid"].setText(describe(exc))
            self._error_labels["zentra_uuid"].show()
        else:
            if not isinstance(exc, ValidationFailed):
                log.warning("saving the profile failed", exc_info=exc)
            unplaced.append(describe(exc))
        if unplaced:
            self.form_error.setText(" ".join(unplaced))
            self.form_error.show()
        self._update_save()

    def _on_test_clicked(self) -> None:
        show_value(self.test_result, self.tr("Testing…"))
        set_role(self.test_result, "hint")
        self._error_labels["own_number"].hide()
        run_task(
            self.context.services.profiles.test_connection(
                self.package_id,
                self.device_edit.text().strip(),
                self.token_edit.text().strip(),
                self.own_number_edit.text().strip(),
                self.profile.id if self.profile is not None else None,
            ),
            busy=self.test_button,
            on_done=self._on_tested,
            on_error=self._on_test_failed,
        )

    def _on_tested(self, report: ConnectionReport) -> None:
        show_value(self.test_result, shown(report.text))
        set_role(self.test_result, "ok" if report.connected else "error")

    def _on_test_failed(self, exc: BaseException) -> None:
        details = exc.detail_texts if isinstance(exc, ValidationFailed) else None
        for item in details or []:
            label = self._error_labels.get(str(item.get("field", "")))
            if label is not None:
                problem = shown(item.get("message", ""))
                label.setText(problem[:1].upper() + problem[1:] + ".")
                label.show()
        show_value(self.test_result, describe(exc))
        set_role(self.test_result, "error")
