"""Settings: the API key and webhook URL (copy, regenerate), region, theme, saving."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from spreader_app.gui.pages.settings_page import NO_REGION, SettingsPage, parse_region
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_question

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(qtbot: QtBot, gui_env: GuiEnv) -> SettingsPage:
    page = SettingsPage(gui_env.context)
    qtbot.addWidget(page)
    page.resize(900, 800)
    page.show()
    return page


@pytest.fixture
def keep_look(qapp: QApplication) -> Iterator[None]:
    """The page applies themes to the whole application: put the test run's look back."""
    style, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def test_settings_page_shows_the_api_and_webhook_addresses(
    page: SettingsPage, gui_env: GuiEnv
) -> None:
    assert page.api_url_edit.text() == "http://127.0.0.1:8765/api/v1"
    assert page.webhook_edit.text() == (
        "http://127.0.0.1:8765/webhooks/zentra/test-webhook-secret-0123456789"
    )
    assert page.data_dir_edit.text() == str(gui_env.container.settings.data_dir)
    assert page.region_combo.currentText() == NO_REGION


def test_settings_page_hides_the_api_key_until_asked(qtbot: QtBot, page: SettingsPage) -> None:
    assert page.api_key_edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(page.show_key_button, LEFT)
    assert page.api_key_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert page.api_key_edit.text() == "test-api-key-0123456789abcdef"
    assert page.show_key_button.text() == "Hide"


def test_settings_page_copies_the_api_key_and_webhook_url(qtbot: QtBot, page: SettingsPage) -> None:
    qtbot.mouseClick(page.copy_key_button, LEFT)
    assert QGuiApplication.clipboard().text() == "test-api-key-0123456789abcdef"
    assert page.status_label.text() == "API key copied to the clipboard."
    qtbot.mouseClick(page.copy_webhook_button, LEFT)
    assert (
        QGuiApplication.clipboard()
        .text()
        .endswith("/webhooks/zentra/test-webhook-secret-0123456789")
    )


def test_settings_page_regenerates_the_api_key_after_confirming(
    qtbot: QtBot, page: SettingsPage, gui_env: GuiEnv
) -> None:
    old = gui_env.container.settings.api_key
    qtbot.mouseClick(page.regenerate_key_button, LEFT)
    answer_question(gui_env, "Cancel")
    gui_env.wait(lambda: page.regenerate_key_button.isEnabled())
    assert gui_env.container.settings.api_key == old

    qtbot.mouseClick(page.regenerate_key_button, LEFT)
    answer_question(gui_env, "Regenerate")
    gui_env.wait(lambda: page.api_key_edit.text() != old)
    assert gui_env.container.settings.api_key == page.api_key_edit.text()
    assert page.status_label.text().startswith("New API key saved")
    qtbot.mouseClick(page.copy_key_button, LEFT)
    assert QGuiApplication.clipboard().text() == gui_env.container.settings.api_key


def test_settings_page_regenerates_the_webhook_url(
    qtbot: QtBot, page: SettingsPage, gui_env: GuiEnv
) -> None:
    old = page.webhook_edit.text()
    qtbot.mouseClick(page.regenerate_webhook_button, LEFT)
    answer_question(gui_env, "Regenerate")
    gui_env.wait(lambda: page.webhook_edit.text() != old)
    secret = gui_env.container.settings.webhook_secret
    assert page.webhook_edit.text().endswith(f"/webhooks/zentra/{secret}")


def test_settings_page_saves_region_and_applies_theme_at_once(
    qtbot: QtBot, page: SettingsPage, gui_env: GuiEnv, keep_look: None
) -> None:
    page.region_combo.setCurrentIndex(page.region_combo.findData("EG"))
    assert page.region_combo.currentText() == "EG — Egypt"
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("dark"))
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    assert window == QColor("#1f2328")

    qtbot.mouseClick(page.save_button, LEFT)
    gui_env.wait(lambda: page.status_label.text() == "Saved.")
    settings = gui_env.container.settings
    assert (settings.default_region, settings.theme) == ("EG", "dark")
    saved = json.loads(settings.settings_path.read_text(encoding="utf-8"))
    assert (saved["default_region"], saved["theme"]) == ("EG", "dark")
    assert page.changes() == {}


def test_settings_page_region_can_be_typed_as_a_country_name(
    qtbot: QtBot, page: SettingsPage, gui_env: GuiEnv
) -> None:
    page.region_combo.setEditText("saudi arabia")
    qtbot.mouseClick(page.save_button, LEFT)
    gui_env.wait(lambda: page.status_label.text() == "Saved.")
    assert gui_env.container.settings.default_region == "SA"


def test_settings_page_shows_errors_next_to_the_fields(
    qtbot: QtBot, page: SettingsPage, gui_env: GuiEnv
) -> None:
    page.zentra_edit.setText("not a url")
    page.region_combo.setEditText("Atlantis")
    qtbot.mouseClick(page.save_button, LEFT)
    gui_env.wait(lambda: page.errors["zentra_url"].isVisible())
    assert "http:// or https://" in page.errors["zentra_url"].text()
    assert page.errors["default_region"].isVisible()
    assert "two-letter" in page.errors["default_region"].text()
    assert page.status_label.text().startswith("Not saved")
    assert gui_env.container.settings.default_region == ""


def test_settings_page_says_address_changes_need_a_restart(
    qtbot: QtBot, page: SettingsPage, gui_env: GuiEnv
) -> None:
    page.port_spin.setValue(8899)
    qtbot.mouseClick(page.save_button, LEFT)
    gui_env.wait(lambda: page.status_label.text().startswith("Saved."))
    assert "after Spreader restarts" in page.status_label.text()
    assert gui_env.container.settings.port == 8899
    assert page.api_url_edit.text() == "http://127.0.0.1:8899/api/v1"


def test_settings_page_saves_the_language_for_the_next_start(
    qtbot: QtBot, page: SettingsPage, gui_env: GuiEnv
) -> None:
    assert page.language_combo.currentData() == "system"
    page.language_combo.setCurrentIndex(page.language_combo.findData("ar"))
    assert page.language_combo.currentText() == "العربية"
    qtbot.mouseClick(page.save_button, LEFT)
    gui_env.wait(lambda: page.status_label.text().startswith("Saved."))
    assert "after Spreader restarts: the language" in page.status_label.text()
    assert page.restart_button.isHidden()  # nothing here could restart the app
    assert gui_env.container.settings.language == "ar"
    saved = json.loads(gui_env.container.settings.settings_path.read_text(encoding="utf-8"))
    assert saved["language"] == "ar"


def test_settings_page_built_after_an_address_change_still_says_restart(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    # The port changed (e.g. through the local API) before the page was first opened.
    gui_env.run(gui_env.context.services.settings.update({"port": 8898}, actor="api"))
    late = SettingsPage(gui_env.context)
    qtbot.addWidget(late)
    late.show()
    late.region_combo.setCurrentIndex(late.region_combo.findData("EG"))
    qtbot.mouseClick(late.save_button, LEFT)
    gui_env.wait(lambda: late.status_label.text().startswith("Saved."))
    assert "after Spreader restarts" in late.status_label.text()


def test_settings_page_opens_the_data_folder(
    qtbot: QtBot, page: SettingsPage, gui_env: GuiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    qtbot.mouseClick(page.open_folder_button, LEFT)
    assert [u.toLocalFile() for u in opened] == [str(gui_env.container.settings.data_dir)]


def test_parse_region_accepts_codes_names_and_the_list_entry() -> None:
    choices = [("EG", "EG — Egypt"), ("SA", "SA — Saudi Arabia")]
    assert parse_region("EG — Egypt", choices) == "EG"
    assert parse_region("eg", choices) == "EG"
    assert parse_region(" Saudi arabia ", choices) == "SA"
    assert parse_region("", choices) == ""
    assert parse_region(NO_REGION, choices) == ""
    assert parse_region("zz", choices) == "ZZ"


def test_settings_page_offers_restart_now_after_a_language_change(
    qtbot: QtBot, page: SettingsPage, gui_env: GuiEnv
) -> None:
    gui_env.context.restart_available = True
    page.language_combo.setCurrentIndex(page.language_combo.findData("ar"))
    qtbot.mouseClick(page.save_button, LEFT)
    gui_env.wait(lambda: page.status_label.text().startswith("Saved."))

    assert page.restart_button.isVisible()
    assert page.restart_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    with qtbot.waitSignal(gui_env.context.restart_requested, timeout=2000):
        qtbot.mouseClick(page.restart_button, LEFT)
