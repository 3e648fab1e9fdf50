"""The window shell: every section reachable by sidebar and keyboard, all named, each
section showing the current package however late it is first opened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from spreader_app.gui.main_window import PAGE_KEYS, PAGES, MainWindow
from spreader_app.gui.pages.profiles_page import ProfilesPage
from tests.gui.conftest import GuiEnv


def shown_window(qtbot: QtBot, env: GuiEnv) -> MainWindow:
    window = MainWindow(env.context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def press_section(qtbot: QtBot, window: MainWindow, n: int) -> None:
    key = Qt.Key(Qt.Key.Key_0.value + n)
    qtbot.keyClick(window.sidebar, key, Qt.KeyboardModifier.ControlModifier)


def test_main_window_switches_sections_by_keyboard(qtbot: QtBot, gui_env: GuiEnv) -> None:
    window = shown_window(qtbot, gui_env)
    for n, spec in enumerate(PAGES, start=1):
        press_section(qtbot, window, n)
        page = window.page(spec.key)
        assert window.current_page_key() == spec.key
        assert window.stack.currentWidget() is page
        assert page.isVisible()
        assert page.accessibleName() == f"{spec.title} page"
    assert window.stack.count() == len(PAGES)


def test_main_window_every_control_has_an_accessible_name(qtbot: QtBot, gui_env: GuiEnv) -> None:
    window = shown_window(qtbot, gui_env)
    for key in PAGE_KEYS:
        window.show_page(key)
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLineEdit | QComboBox):
            continue
        if widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text()):
            continue
        unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_main_window_section_opened_later_shows_the_current_package(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    window = shown_window(qtbot, gui_env)
    first = gui_env.add_package(name="Shop")
    gui_env.add_profile(first, 1)
    second = gui_env.add_package(name="Clinic")
    gui_env.add_profile(second, 2)
    gui_env.context.set_package(second)

    press_section(qtbot, window, PAGE_KEYS.index("profiles") + 1)

    page = window.stack.currentWidget()
    assert isinstance(page, ProfilesPage)
    gui_env.wait(lambda: page.model.rowCount() == 1)
    assert [r.profile.name for r in page.model.rows()] == ["Phone 2"]
    window.show_page("packages")  # stops the profiles poll before the engine stops


def test_main_window_page_asked_for_by_name_is_the_one_shown_later(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    window = shown_window(qtbot, gui_env)
    inbox = window.page("inbox")
    assert window.current_page_key() == "packages"
    assert not inbox.isVisible()

    window.show_page("inbox")

    assert window.current_page_key() == "inbox"
    assert window.stack.currentWidget() is inbox
    assert inbox.isVisible()
