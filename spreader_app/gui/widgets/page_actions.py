"""Page actions with page-local shortcuts, and the toolbar buttons that show them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from spreader_app.gui.i18n import ltr, translate
from spreader_app.gui.icons import icon


def page_action(
    owner: QWidget,
    text: str,
    icon_name: str,
    shortcut: QKeySequence | str,
    tip: str,
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    """An action whose shortcut works only while focus is in ``owner`` (or, by default, its
    children), so pages that share a key (Delete, Insert) never steal it from each other."""
    action = QAction(icon(icon_name), text, owner)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(context)
    keys = ltr(QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText))
    action.setToolTip(translate("PageActions", "{tip} ({shortcut})").format(tip=tip, shortcut=keys))
    owner.addAction(action)
    return action


def tool_button(action: QAction) -> QToolButton:
    """A toolbar button showing ``action``'s icon and text, enabled with it."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button
