"""The window shell: every section reachable by sidebar and keyboard, all named."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from spreader_app.gui.main_window import PAGES, MainWindow
from tests.gui.conftest import GuiEnv


def test_main_window_switches_sections_by_keyboard(qtbot: QtBot, gui_env: GuiEnv) -> None:
    window = MainWindow(gui_env.context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    for n, spec in enumerate(PAGES, start=1):
        key = Qt.Key(Qt.Key.Key_0.value + n)
        qtbot.keyClick(window.sidebar, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == spec.key
        assert window.stack.currentWidget() is window.pages[spec.key]


def test_main_window_every_control_has_an_accessible_name(qtbot: QtBot, gui_env: GuiEnv) -> None:
    window = MainWindow(gui_env.context)
    qtbot.addWidget(window)
    window.show()
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLineEdit | QComboBox):
            continue
        if widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text()):
            continue
        unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []
