"""Settings: the local API and its key, the webhook URL, phone region, data folder, theme."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.services.settings import SettingsView
from spreader_app.gui.context import AppContext
from spreader_app.gui.dialogs import confirm
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, ltr, shown, translate
from spreader_app.gui.icons import icon
from spreader_app.gui.pages.settings.receiving_section import ReceivingSection
from spreader_app.gui.regions import SEPARATOR, english_name, region_choices
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.theme import apply_theme
from spreader_app.gui.widgets.accessibility import name_internals, show_value
from spreader_app.gui.widgets.roles import error_label, set_role, show_message
from spreader_app.setting_values import LANGUAGES, THEMES

NO_REGION = QT_TRANSLATE_NOOP("SettingsPage", "None: international numbers only")
RESTART_NOTE = QT_TRANSLATE_NOOP(
    "SettingsPage",
    "Some changes apply after Spreader restarts: the language, or an address or port that "
    "is in use.",
)
THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("SettingsPage", "System"),
    "light": QT_TRANSLATE_NOOP("SettingsPage", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingsPage", "Dark"),
}
# Each language is named in itself, so a person who cannot read the current one finds theirs.
LANGUAGE_LABELS = {
    "system": QT_TRANSLATE_NOOP("SettingsPage", "System language"),
    "en": "English",  # not translated: a language's own name
    "ar": "العربية",  # not translated: a language's own name
}
FEEDBACK_MS = 4000


def parse_region(text: str, choices: list[tuple[str, str]]) -> str:
    """The region code meant by what was typed or picked: a listed entry, a code or a country
    name (any case); ``""`` for none. Unknown text comes back upper-cased for the service to
    reject with its own explanation."""
    typed = text.strip()
    if not typed or typed in (NO_REGION, translate("SettingsPage", NO_REGION)):
        return ""
    folded = typed.casefold()
    for code, label in choices:
        name = label.partition(SEPARATOR)[2]
        if folded in (label.casefold(), code.casefold(), name.casefold()):
            return code
        if folded == english_name(code).casefold():  # an English name in any language
            return code
    return typed.upper()


class SettingsPage(QWidget):
    """Shows ``services.settings.view()``; edits are saved together with Save."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.settings = context.services.settings
        self.view = self.settings.view()
        self.choices = region_choices()
        self.errors: dict[str, QLabel] = {}

        title = QLabel(self.tr("Settings"))
        title.setProperty("role", "title")
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self._api_group())
        body_layout.addWidget(self._webhook_group())
        self.receiving_section = ReceivingSection(context)
        body_layout.addWidget(self.receiving_section)
        body_layout.addWidget(self._general_group())
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Save result"))
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.discard_button.setToolTip(self.tr("Puts back the saved values"))
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setToolTip(self.tr("Saves the changed settings (Ctrl+S)"))
        self.save_button.clicked.connect(self._on_save_clicked)
        # Offered after saving a change that applies at start, where a session can restart.
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.setToolTip(
            self.tr("Closes Spreader after the sends in progress finish and opens it again")
        )
        self.restart_button.clicked.connect(self.context.restart_requested.emit)
        self.restart_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.restart_button)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        name_internals(self)
        self._fill(self.view)

    # --- building ------------------------------------------------------------------------

    def _field(self, form: QFormLayout, text: str, key: str, *widgets: QWidget) -> None:
        """A form row: the label is the first widget's buddy; an error label sits below."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for i, w in enumerate(widgets):
            line.addWidget(w, 1 if i == 0 else 0)
        label = QLabel(text)
        label.setBuddy(widgets[0])
        error = error_label()
        field = label.text().replace("&", "").rstrip(":")
        error.setAccessibleName(self.tr("{field} error").format(field=field))
        self.errors[key] = error
        box = QWidget()
        stack = QVBoxLayout(box)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(row)
        stack.addWidget(error)
        form.addRow(label, box)

    @staticmethod
    def _button(text: str, name: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(icon(name), text) if name else QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _readonly(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setReadOnly(True)
        edit.setAccessibleName(name)
        return edit

    def _api_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Local API"))
        form = QFormLayout(group)
        self.api_url_edit = self._readonly(self.tr("Local API address"))
        self.host_edit = QLineEdit()
        self.host_edit.setAccessibleName(self.tr("Host"))
        self.host_edit.setToolTip(
            self.tr("127.0.0.1 accepts programs on this computer only; 0.0.0.0 accepts the network")
        )
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setAccessibleName(self.tr("Port"))
        self.api_key_edit = self._readonly(self.tr("API key"))
        self.api_key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_key_button = QPushButton(self.tr("Show"))
        self.show_key_button.setCheckable(True)
        self.show_key_button.setAccessibleName(self.tr("Show API key"))
        self.show_key_button.toggled.connect(self._on_show_key_toggled)
        self.copy_key_button = self._button(
            self.tr("Copy"),
            "copy",
            self.tr("Copies the API key to the clipboard"),
            self._on_copy_key_clicked,
        )
        self.copy_key_button.setAccessibleName(self.tr("Copy API key"))
        self.regenerate_key_button = self._button(
            self.tr("Regenerate…"),
            "refresh",
            self.tr("Makes a new key; programs using the old one are refused"),
            self._on_regenerate_key_clicked,
        )
        self.regenerate_key_button.setAccessibleName(self.tr("Regenerate API key"))
        self._field(form, self.tr("&Address:"), "api_url", self.api_url_edit)
        self._field(form, self.tr("&Host:"), "host", self.host_edit)
        self._field(form, self.tr("&Port:"), "port", self.port_spin)
        self._field(
            form,
            self.tr("API &key:"),
            "api_key",
            self.api_key_edit,
            self.show_key_button,
            self.copy_key_button,
            self.regenerate_key_button,
        )
        note = QLabel(
            self.tr("Programs send the key in the X-API-Key header or as a Bearer token.")
            + " "
            + self.tr("A new address, port or gateway URL applies at once.")
        )
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        form.addRow(note)
        return group

    def _webhook_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Webhook"))
        form = QFormLayout(group)
        self.webhook_edit = self._readonly(self.tr("Webhook URL"))
        self.copy_webhook_button = self._button(
            self.tr("Copy"),
            "copy",
            self.tr("Copies the webhook URL to the clipboard"),
            self._on_copy_webhook_clicked,
        )
        self.copy_webhook_button.setAccessibleName(self.tr("Copy webhook URL"))
        self.regenerate_webhook_button = self._button(
            self.tr("New URL…"),
            "refresh",
            self.tr("Makes a new secret URL; the old one stops working"),
            self._on_regenerate_webhook_clicked,
        )
        self.regenerate_webhook_button.setAccessibleName(self.tr("Regenerate webhook URL"))
        self._field(
            form,
            self.tr("&Webhook URL:"),
            "webhook_url",
            self.webhook_edit,
            self.copy_webhook_button,
            self.regenerate_webhook_button,
        )
        note = QLabel(
            self.tr(
                "This address answers on this computer only. The section below gives it an "
                "address Zentra can reach from the internet, to paste into the Zentra dashboard."
            )
        )
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        form.addRow(note)
        return group

    def _general_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sending and appearance"))
        form = QFormLayout(group)
        self.region_combo = QComboBox()
        self.region_combo.setEditable(True)
        self.region_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.region_combo.setAccessibleName(self.tr("Default phone region"))
        self.region_combo.setToolTip(
            self.tr(
                "Numbers written without + and a country code are read as numbers of this "
                "country. Empty: every number must be international."
            )
        )
        self.region_combo.addItem(self.tr(NO_REGION), "")
        for code, label in self.choices:
            self.region_combo.addItem(label, code)
        completer = QCompleter(self.region_combo.model(), self.region_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.region_combo.setCompleter(completer)
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        for theme in THEMES:
            self.theme_combo.addItem(self.tr(THEME_LABELS[theme]), theme)
        self.theme_combo.currentIndexChanged.connect(self._on_theme_changed)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.setToolTip(
            self.tr("The language of the window; right to left for Arabic. Applies on restart.")
        )
        for language in LANGUAGES:
            label = LANGUAGE_LABELS[language]
            self.language_combo.addItem(self.tr(label) if language == "system" else label, language)
        self.zentra_edit = QLineEdit()
        self.zentra_edit.setAccessibleName(self.tr("Gateway URL"))
        self.zentra_edit.setToolTip(
            self.tr("The Zentra API base URL; change it only if Zentra says so")
        )
        self.data_dir_edit = self._readonly(self.tr("Data folder"))
        self.open_folder_button = self._button(
            self.tr("Open folder"),
            "",
            self.tr("Shows the database, logs and settings file"),
            self._on_open_folder_clicked,
        )
        self._field(form, self.tr("Phone &region:"), "default_region", self.region_combo)
        self._field(form, self.tr("&Theme:"), "theme", self.theme_combo)
        self._field(form, self.tr("&Language:"), "language", self.language_combo)
        self._field(form, self.tr("&Gateway URL:"), "zentra_url", self.zentra_edit)
        self._field(
            form, self.tr("&Data folder:"), "data_dir", self.data_dir_edit, self.open_folder_button
        )
        return group

    # --- values --------------------------------------------------------------------------

    def _fill(self, view: SettingsView) -> None:
        self.view = view
        self.api_url_edit.setText(view.api_url)
        self.host_edit.setText(view.host)
        self.port_spin.setValue(view.port)
        self.api_key_edit.setText(view.api_key)
        self.webhook_edit.setText(view.webhook_url)
        at = self.region_combo.findData(view.default_region)
        self.region_combo.setCurrentIndex(max(at, 0))
        self.theme_combo.blockSignals(True)
        self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(view.theme), 0))
        self.theme_combo.blockSignals(False)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(view.language), 0))
        self.zentra_edit.setText(view.zentra_url)
        self.data_dir_edit.setText(view.data_dir)
        for error in self.errors.values():
            error.hide()

    def changes(self) -> dict[str, Any]:
        """The edited settings that differ from the saved ones."""
        edited: dict[str, Any] = {
            "host": self.host_edit.text().strip(),
            "port": self.port_spin.value(),
            "default_region": parse_region(self.region_combo.currentText(), self.choices),
            "theme": self.theme_combo.currentData(),
            "language": self.language_combo.currentData(),
            "zentra_url": self.zentra_edit.text().strip(),
        }
        return {k: v for k, v in edited.items() if v != getattr(self.view, k)}

    def _say(self, text: str, ok: bool) -> None:
        show_value(self.status_label, text)
        set_role(self.status_label, "ok" if ok else "error")

    def _flash(self, text: str) -> None:
        """Short-lived confirmation of a copy."""
        self._say(text, True)
        QTimer.singleShot(FEEDBACK_MS, self, lambda: self._clear_flash(text))

    def _clear_flash(self, text: str) -> None:
        if self.status_label.text() == text:
            show_value(self.status_label, "")

    def _show_errors(self, exc: BaseException) -> None:
        details = exc.detail_texts if isinstance(exc, ValidationFailed) else None
        placed = False
        for item in details or []:
            label = self.errors.get(str(item.get("field", "")))
            if label is not None:
                show_message(label, shown(item.get("message", "")))
                placed = True
        self._say(
            self.tr("Not saved: correct the fields marked in red.") if placed else describe(exc),
            False,
        )

    # --- slots ---------------------------------------------------------------------------

    def _on_show_key_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.api_key_edit.setEchoMode(mode)
        self.show_key_button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _on_copy_key_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.view.api_key)
        self._flash(self.tr("API key copied to the clipboard."))

    def _on_copy_webhook_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.view.webhook_url)
        self._flash(self.tr("Webhook URL copied: paste it into the Zentra dashboard."))

    def _on_open_folder_clicked(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(self.view.data_dir)):
            failed = self.tr("Could not open {folder}; open it in your file manager.")
            self._say(failed.format(folder=ltr(self.view.data_dir)), False)

    def _on_theme_changed(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.theme_combo.currentData())

    def _regenerate(
        self,
        button: QPushButton,
        title: str,
        text: str,
        action: Callable[[], Coroutine[Any, Any, SettingsView]],
        done: str,
    ) -> None:
        async def run() -> SettingsView | None:
            if not await confirm(self, title, text, yes=self.tr("Regenerate")):
                return None
            return await action()

        def finished(view: SettingsView | None) -> None:
            if view is not None:
                self._fill_secrets(view)
                self._say(done, True)

        run_task(
            run(), busy=button, on_done=finished, on_error=lambda e: self._say(describe(e), False)
        )

    def _fill_secrets(self, view: SettingsView) -> None:
        """Shows new secrets without touching fields the user is still editing."""
        self.view = view
        self.api_key_edit.setText(view.api_key)
        self.webhook_edit.setText(view.webhook_url)

    def _on_regenerate_key_clicked(self) -> None:
        self._regenerate(
            self.regenerate_key_button,
            self.tr("Regenerate the API key?"),
            self.tr(
                "Programs using the old key will be refused from now on, until you give them "
                "the new one."
            ),
            self.settings.regenerate_api_key,
            self.tr("New API key saved: give it to the programs that use Spreader."),
        )

    def _on_regenerate_webhook_clicked(self) -> None:
        self._regenerate(
            self.regenerate_webhook_button,
            self.tr("Make a new webhook URL?"),
            self.tr(
                "The current URL stops working at once: customers' messages are not received "
                "until you paste the new URL into the Zentra dashboard."
            ),
            self.settings.regenerate_webhook_secret,
            self.tr("New webhook URL saved: paste it into the Zentra dashboard."),
        )

    def _on_discard_clicked(self) -> None:
        theme = self.theme_combo.currentData()
        self._fill(self.settings.view())
        if theme != self.view.theme:
            self._on_theme_changed()
        self._say(self.tr("Changes discarded."), True)

    def _on_save_clicked(self) -> None:
        changes = self.changes()
        for error in self.errors.values():
            error.hide()
        if not changes:
            self._say(self.tr("Nothing to save: no setting was changed."), True)
            return

        def saved(view: SettingsView) -> None:
            self._fill(view)
            self.context.settings_saved.emit(view)
            restart = self.settings.restart_needed()
            self.restart_button.setVisible(restart and self.context.restart_available)
            saved_text = self.tr("Saved.")
            self._say(f"{saved_text} {self.tr(RESTART_NOTE)}" if restart else saved_text, True)

        run_task(
            self.settings.update(changes),
            busy=self.save_button,
            on_done=saved,
            on_error=self._show_errors,
        )
