"""The package form's customer clock: quiet hours and per-country zones, checked as typed with
the service's own validators, saved, reachable by keyboard and named for screen readers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from spreader_app.gui.i18n import install_language, uninstall_language
from spreader_app.gui.pages.package_editor import PackageEditor
from spreader_app.gui.pages.packages_page import PackagesPage
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import come_back, show_in_window, type_into

QUIET, ZONES = "recipient_quiet_hours", "recipient_zones"


@pytest.fixture
def page(qtbot: QtBot, gui_env: GuiEnv) -> Iterator[PackagesPage]:
    page = PackagesPage(gui_env.context)
    host = show_in_window(qtbot, gui_env, page)
    yield page
    host.hide()


def edit_cell(editor: PackageEditor, row: int, column: int, text: str) -> None:
    """Puts ``text`` in a cell of the zone table, as committing an edit of it does."""
    item = editor.zone_defaults.table.item(row, column)
    assert item is not None
    item.setText(text)


def test_quiet_hours_are_checked_as_typed_turned_off_and_saved(
    qtbot: QtBot, gui_env: GuiEnv, page: PackagesPage
) -> None:
    package_id = gui_env.add_package(name="Shop", recipient_quiet_hours="22:00-08:00")
    come_back(page)
    editor = page.editor
    gui_env.wait(lambda: editor.title.text() == "Shop")
    quiet = editor.quiet_hours
    assert quiet.enabled.isChecked() and quiet.window_edit.text() == "22:00-08:00"
    assert editor.hint_text(QUIET).startswith("Open Chat goes out only 08:00–22:00 on each")

    type_into(qtbot, quiet.window_edit, "9pm-9am")
    assert editor.error_text(QUIET) == (
        "Quiet hours: '9pm-9am' has a time that is not HH:MM; write the quiet hours as"
        " 21:00-09:00 (quiet from 21:00 until 09:00)."
    )
    assert not editor.save_button.isEnabled()
    type_into(qtbot, quiet.window_edit, "21:00-21:00")
    assert "leaves no time to send" in editor.error_text(QUIET)
    type_into(qtbot, quiet.window_edit, "20:30-07:30")
    assert editor.error_text(QUIET) == ""
    assert "07:30–20:30" in editor.hint_text(QUIET)

    qtbot.mouseClick(quiet.enabled, Qt.MouseButton.LeftButton)  # off
    assert not quiet.window_edit.isEnabled()
    assert editor.hint_text(QUIET).startswith("Off: Open Chat may reach customers at any hour")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    gui_env.wait(lambda: editor.saved_label.text() == "Saved.")
    assert (
        gui_env.run(gui_env.context.services.packages.get(package_id)).recipient_quiet_hours is None
    )

    qtbot.mouseClick(quiet.enabled, Qt.MouseButton.LeftButton)  # on again: the window is kept
    assert quiet.window_edit.text() == "20:30-07:30"
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    gui_env.wait(lambda: editor.saved_label.text() == "Saved.")
    stored = gui_env.run(gui_env.context.services.packages.get(package_id))
    assert stored.recipient_quiet_hours == "20:30-07:30"


def test_new_packages_start_with_quiet_hours_on(page: PackagesPage) -> None:
    page.editor.start_new()
    assert page.editor.form_data()[QUIET] == "21:00-09:00"
    assert page.editor.form_data()[ZONES] == {}


def test_country_zones_are_edited_by_keyboard_checked_as_rows_and_saved(
    qtbot: QtBot, gui_env: GuiEnv, page: PackagesPage
) -> None:
    package_id = gui_env.add_package(name="Shop")
    come_back(page)
    editor = page.editor
    gui_env.wait(lambda: editor.title.text() == "Shop")
    zones = editor.zone_defaults
    # Each built-in country with its zone, kept on one line.
    assert "RU\u00a0Europe/\u2060Moscow" in editor.hint_text(ZONES)

    zones.add_button.setFocus()
    qtbot.keyClick(zones.add_button, Qt.Key.Key_Space)
    edit_cell(editor, 0, 0, "ru")
    edit_cell(editor, 0, 1, "Yekaterinburg")
    assert editor.error_text(ZONES) == (
        "Country zones: 'ru' is not a two-letter country code such as RU; 'Yekaterinburg'"
        " (for ru) is not a time zone name such as Asia/Yekaterinburg."
    )
    assert not editor.save_button.isEnabled()
    edit_cell(editor, 0, 0, "RU")
    edit_cell(editor, 0, 1, "Asia/Yekaterinburg")
    assert editor.error_text(ZONES) == ""

    qtbot.mouseClick(zones.add_button, Qt.MouseButton.LeftButton)
    edit_cell(editor, 1, 0, "RU")
    edit_cell(editor, 1, 1, "Europe/Samara")
    assert editor.error_text(ZONES) == (
        "Country zones: RU is listed twice; keep one row per country."
    )
    assert not editor.save_button.isEnabled()
    zones.table.selectRow(1)
    qtbot.mouseClick(zones.remove_button, Qt.MouseButton.LeftButton)
    assert editor.error_text(ZONES) == "" and zones.table.rowCount() == 1

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: editor.saved_label.text() == "Saved.")
    saved = gui_env.run(gui_env.context.services.packages.get(package_id))
    assert saved.recipient_zones == (("RU", "Asia/Yekaterinburg"),)
    assert zones.value() == {"RU": "Asia/Yekaterinburg"}  # reloaded from the stored package


def tab_chain(qtbot: QtBot, start: QWidget, stop: QWidget) -> list[QWidget]:
    """The widgets Tab gives the focus to, from ``start`` until ``stop``."""
    start.setFocus()
    out = [start]
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        out.append(widget)
        if widget is stop:
            return out
    names = [f"{type(w).__name__}:{w.accessibleName()}" for w in out]
    raise AssertionError(f"Tab never reached {stop.accessibleName()}: {names}")


def test_every_customer_clock_control_is_named_and_reached_by_tab(
    qtbot: QtBot, gui_env: GuiEnv, page: PackagesPage
) -> None:
    gui_env.add_package(name="Shop")
    come_back(page)
    editor = page.editor
    gui_env.wait(lambda: editor.title.text() == "Shop")
    zones, quiet = editor.zone_defaults, editor.quiet_hours
    zones.set_value({"RU": "Asia/Omsk"})
    zones.table.selectRow(0)  # Remove is enabled only with a row chosen
    quiet.enabled.setChecked(True)  # the window can be typed in only while they are on
    chain = tab_chain(qtbot, quiet.enabled, zones.remove_button)
    for control in (
        quiet.enabled,
        quiet.window_edit,
        zones.table,
        zones.add_button,
        zones.remove_button,
    ):
        assert control in chain
        assert control.accessibleName()
    assert zones.remove_button.accessibleName() == "Remove the selected country zone"
    # Tab leaves the table instead of walking its cells, so the buttons after it are reached.
    assert not zones.table.tabKeyNavigation()
    assert chain.index(zones.table) < chain.index(zones.add_button)


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    installed = install_language(qapp, "ar")
    yield
    uninstall_language(qapp, installed)


def test_arabic_form_explains_a_bad_window_in_arabic(
    qtbot: QtBot, gui_env: GuiEnv, arabic: None
) -> None:
    page = PackagesPage(gui_env.context)
    host = show_in_window(qtbot, gui_env, page)
    editor = page.editor
    editor.start_new()
    type_into(qtbot, editor.quiet_hours.window_edit, "9pm")
    error = editor.error_text(QUIET)
    assert "9pm" in error and "\u2066'9pm'\u2069" in error
    assert "not a time range" not in error and "ساعات" in error
    assert "\u206621:00-09:00\u2069" in error
    host.hide()
