"""The window in Arabic: every page's texts translated (no English left where a translation
exists), laid out right to left, Qt's own buttons in Arabic, numbers kept left to right."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from scripts.update_translations import TRANSLATIONS, read_catalogue
from spreader_app.core.phones import BIDI_ISOLATE_END, BIDI_ISOLATE_START
from spreader_app.gui.i18n import install_language, interface_language, ltr, uninstall_language
from spreader_app.gui.main_window import PAGE_KEYS, MainWindow
from tests.gui.conftest import GuiEnv


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    installed = install_language(qapp, "ar")
    yield
    uninstall_language(qapp, installed)


def english_sources() -> set[str]:
    """English texts whose Arabic translation differs: none of them may show in Arabic."""
    out = set()
    for m in read_catalogue(TRANSLATIONS / "spreader_ar.ts"):
        if not m.numerus and m.translations[0] != m.source and "{" not in m.source:
            out.add(m.source)
    return out


def shown_texts(window: QWidget) -> list[str]:
    texts = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        texts += [widget.toolTip(), widget.accessibleName()]
    return [t for t in texts if t]


def test_system_language_follows_the_desktop_locale() -> None:
    assert interface_language("system", QLocale(QLocale.Language.Arabic)) == "ar"
    assert interface_language("system", QLocale(QLocale.Language.French)) == "en"
    assert interface_language("en", QLocale(QLocale.Language.Arabic)) == "en"


def test_every_page_shows_arabic_right_to_left(qtbot: QtBot, gui_env: GuiEnv, arabic: None) -> None:
    gui_env.add_profile(gui_env.add_package(name="متجر القاهرة"), 1)
    gui_env.run(gui_env.context.reload_packages())
    window = MainWindow(gui_env.context)
    qtbot.addWidget(window)
    window.show()
    english = english_sources()
    left: set[str] = set()
    for key in PAGE_KEYS:
        window.show_page(key)
        if key == "profiles":  # a page loads when shown: wait for its rows and their texts
            gui_env.wait(lambda: window.page("profiles").model.rowCount() == 1)
        left |= {t for t in shown_texts(window) if t in english}

    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert [window.sidebar.item(i).text() for i in range(3)] == ["الباقات", "الحسابات", "إرسال"]
    assert sorted(left) == []


def test_qt_own_buttons_and_numbers_in_arabic(qtbot: QtBot, arabic: None) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() not in ("Cancel", "&Cancel")

    assert ltr("+966 50 123 4567") == f"{BIDI_ISOLATE_START}+966 50 123 4567{BIDI_ISOLATE_END}"


def test_numbers_are_left_alone_in_an_english_interface() -> None:
    assert ltr("+966 50 123 4567") == "+966 50 123 4567"


def test_direction_icons_are_mirrored_right_to_left(qapp: QApplication) -> None:
    from spreader_app.gui.icons import icon

    left_to_right = icon("send").pixmap(32, 32).toImage()
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        right_to_left = icon("send").pixmap(32, 32).toImage()
        play = icon("play").pixmap(32, 32).toImage()
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    flipped = left_to_right.flipped(Qt.Orientation.Horizontal)
    # Antialiasing differs by a shade at the edges; the shapes must coincide.
    assert alpha_distance(right_to_left, flipped) < 0.02
    assert alpha_distance(right_to_left, left_to_right) > 0.2
    assert alpha_distance(play, icon("play").pixmap(32, 32).toImage()) == 0


def alpha_distance(a: QImage, b: QImage) -> float:
    """The mean difference in coverage of two same-sized images, 0 (same) to 1."""
    cells = [(x, y) for x in range(a.width()) for y in range(a.height())]
    total = sum(abs(a.pixelColor(x, y).alpha() - b.pixelColor(x, y).alpha()) for x, y in cells)
    return total / (255 * len(cells))
