"""The filtered tables (inbox, message log) give the room left to their long-text column,
fit the others to their contents when rows arrive, and never wrap a cell."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from spreader_app.gui.tables.messages_table import MessageTableModel, QuickFilterProxy
from spreader_app.gui.widgets.quick_filter import filter_table


def _proxy() -> QuickFilterProxy:
    proxy = QuickFilterProxy()
    proxy.setSourceModel(MessageTableModel(proxy))
    return proxy


def test_filter_table_stretches_the_titled_column_only(qtbot: QtBot) -> None:
    proxy = _proxy()
    view = filter_table(proxy, "Messages", stretch="Text")
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    modes = {
        proxy.headerData(c, header.orientation()): header.sectionResizeMode(c)
        for c in range(proxy.columnCount())
    }
    assert modes.pop("Text") is QHeaderView.ResizeMode.Stretch
    assert set(modes.values()) == {QHeaderView.ResizeMode.Interactive}
    assert not view.wordWrap()


def test_filter_table_names_an_unknown_column(qtbot: QtBot) -> None:
    with pytest.raises(ValueError, match="Body"):
        filter_table(_proxy(), "Messages", stretch="Body")
