"""The type-to-filter box and the table it filters (the inbox and the message log)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView

from spreader_app.gui.i18n import translate
from spreader_app.gui.tables.columns import COLUMN_CONTEXT
from spreader_app.gui.tables.messages_table import QuickFilterProxy
from spreader_app.gui.widgets.live_table import configure_table


def filter_edit(proxy: QuickFilterProxy, name: str, placeholder: str, tip: str) -> QLineEdit:
    """A line edit, with a clear button, whose words filter ``proxy`` as they are typed."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setToolTip(tip)
    edit.setClearButtonEnabled(True)
    edit.textChanged.connect(proxy.set_query)
    return edit


def filter_table(proxy: QuickFilterProxy, name: str, stretch: str) -> QTableView:
    """A table of ``proxy``'s rows, set up by ``configure_table``; no cell wraps.

    The caller picks the column it is first sorted by. The column titled ``stretch`` (the
    long text; its English header) takes the room left. Raises ``ValueError`` when no column
    has that title.
    """
    view = QTableView()
    configure_table(view, proxy, name)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    shown = translate(COLUMN_CONTEXT, stretch)
    if shown not in titles:
        raise ValueError(f"{name}: no column titled {stretch!r}")
    view.horizontalHeader().setSectionResizeMode(
        titles.index(shown), QHeaderView.ResizeMode.Stretch
    )
    return view
