"""Limit gauges: the bar length and colour a person sees for a given use of a cap."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from spreader_app.gui.tables.snapshot_model import VALUE_ROLE
from spreader_app.gui.widgets.gauge_delegate import (
    LEVEL_COLORS,
    GaugeDelegate,
    GaugeLevel,
    gauge_fraction,
    headroom_level,
)


@pytest.mark.parametrize(
    ("used", "level"),
    [
        (0.0, GaugeLevel.OK),
        (0.69, GaugeLevel.OK),
        (0.70, GaugeLevel.OK),
        (0.75, GaugeLevel.LOW),
        (0.89, GaugeLevel.LOW),
        (0.90, GaugeLevel.OUT),
        (1.0, GaugeLevel.OUT),
    ],
)
def test_gauge_level_of_usage_turns_amber_then_red_as_headroom_shrinks(
    used: float, level: GaugeLevel
) -> None:
    assert headroom_level(used) is level


@pytest.mark.parametrize(
    ("health", "level"),
    [(1.0, GaugeLevel.OK), (0.5, GaugeLevel.OK), (0.25, GaugeLevel.LOW), (0.05, GaugeLevel.OUT)],
)
def test_gauge_level_of_health_is_green_when_full(health: float, level: GaugeLevel) -> None:
    assert headroom_level(health, higher_is_better=True) is level


@pytest.mark.parametrize(
    ("value", "fraction"),
    [
        ((5, 10), 0.5),
        ((12, 10), 1.0),
        ((0, 50), 0.0),
        ((3, 0), 1.0),
        (0.3, 0.3),
        (1.7, 1.0),
        (None, None),
        ("12/50", None),
        ((True, 2), None),
    ],
)
def test_gauge_fraction_reads_pairs_and_fractions(value: object, fraction: float | None) -> None:
    assert gauge_fraction(value) == fraction


def _paint(qtbot: QtBot, value: object, text: str, **kwargs: bool) -> QImage:
    model = QStandardItemModel(1, 1)
    item = QStandardItem(text)
    item.setData(value, VALUE_ROLE)
    model.setItem(0, 0, item)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = GaugeDelegate(view, **kwargs)
    image = QImage(240, 28, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, 240, 28)
    painter = QPainter(image)
    try:
        delegate.paint(painter, option, model.index(0, 0))
    finally:
        painter.end()
    return image


def _pixels_of(image: QImage, color: QColor) -> int:
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).rgb() == color.rgb()
    )


def test_gauge_delegate_paints_a_green_bar_for_little_use(qtbot: QtBot) -> None:
    image = _paint(qtbot, (5, 50), "5/50")
    assert _pixels_of(image, LEVEL_COLORS[GaugeLevel.OK]) > 0
    assert _pixels_of(image, LEVEL_COLORS[GaugeLevel.OUT]) == 0


def test_gauge_delegate_paints_a_longer_red_bar_near_the_cap(qtbot: QtBot) -> None:
    low = _pixels_of(_paint(qtbot, (5, 50), "5/50"), LEVEL_COLORS[GaugeLevel.OK])
    image = _paint(qtbot, (48, 50), "48/50")
    high = _pixels_of(image, LEVEL_COLORS[GaugeLevel.OUT])
    assert high > 3 * low
    assert _pixels_of(image, LEVEL_COLORS[GaugeLevel.OK]) == 0


def test_gauge_delegate_paints_full_health_green(qtbot: QtBot) -> None:
    image = _paint(qtbot, 1.0, "100", higher_is_better=True)
    assert _pixels_of(image, LEVEL_COLORS[GaugeLevel.OK]) > 0


def test_gauge_delegate_paints_plain_text_without_a_gauge_value(qtbot: QtBot) -> None:
    image = _paint(qtbot, None, "no limits yet")
    assert all(_pixels_of(image, c) == 0 for c in LEVEL_COLORS.values())
