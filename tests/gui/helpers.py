"""Driving the widgets as a person does: answering questions and file dialogs, clicking rows,
typing into fields, and switching between pages."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.conftest import GuiEnv

W = TypeVar("W", bound=QWidget)
_ISOLATES = dict.fromkeys(range(0x2066, 0x206A))  # LRI, RLI, FSI, PDI


def unmarked(text: str) -> str:
    """``text`` without the invisible isolates the window puts around values: the words a
    person reads."""
    return text.translate(_ISOLATES)


def visible_window(kind: type[W]) -> W | None:
    """The visible window (a dialog or message box too) of type ``kind``, if any."""
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


def answer_question(env: GuiEnv, button_text: str) -> str:
    """Clicks ``button_text`` in the question the app asks; returns the question."""
    env.wait(lambda: visible_window(QMessageBox) is not None)
    box = visible_window(QMessageBox)
    assert box is not None
    question = box.text()
    next(b for b in box.buttons() if b.text() == button_text).click()
    return question


def answer_file_dialog(env: GuiEnv, path: Path) -> None:
    """Answers the file dialog the app opened with ``path``."""
    env.wait(lambda: visible_window(QFileDialog) is not None)
    dialog = visible_window(QFileDialog)
    assert dialog is not None
    # Typed into the name field, as a person would: selectFile() races the dialog's own
    # asynchronous directory loading, which puts the suggested name back.
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name_edit is not None
    name_edit.setText(str(path))
    dialog.accept()


def click_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    """Clicks the first cell of ``view``'s ``row`` (as shown, after sorting)."""
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into(qtbot: QtBot, widget: QLineEdit | QAbstractSpinBox, text: str) -> None:
    """Replaces the text of a line edit or spin box the way a person does: select all, type."""
    target = widget.lineEdit() if isinstance(widget, QAbstractSpinBox) else widget
    target.setFocus()
    target.selectAll()
    qtbot.keyClicks(target, text)


def show_in_window(qtbot: QtBot, env: GuiEnv, page: QWidget) -> QStackedWidget:
    """Shows ``page`` in an active window beside another page, as the main window does
    (shortcuts and typed times need the focus an active window has)."""
    host = QStackedWidget()
    qtbot.addWidget(host)
    host.addWidget(QWidget())
    host.addWidget(page)
    host.setCurrentWidget(page)
    host.resize(1100, 700)
    host.show()
    host.activateWindow()
    env.wait(host.isActiveWindow)
    return host


def come_back(page: QWidget) -> None:
    """Switches away from ``page`` and back, as a person browsing the sections does."""
    host = page.parentWidget()
    assert isinstance(host, QStackedWidget)
    host.setCurrentIndex(0)
    host.setCurrentWidget(page)
