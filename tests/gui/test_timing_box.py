"""The Send page's "Start at": in the package's time zone, and never in the past when shown."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from spreader_app.gui.pages.send.timing_box import TimingBox


def test_timing_box_start_time_is_in_the_packages_zone(qtbot: QtBot) -> None:
    box = TimingBox()
    qtbot.addWidget(box)

    box.set_time_zone("Africa/Cairo")
    box.schedule_check.setChecked(True)

    assert plain(box.zone_label.text()) == "Africa/Cairo time"
    shown = box.schedule_edit.dateTime()
    assert bytes(shown.timeZone().id()).decode() == "Africa/Cairo"
    sent = datetime.fromisoformat(box.schedule_at() or "").astimezone(ZoneInfo("Africa/Cairo"))
    assert sent.strftime("%Y-%m-%d %H:%M") == box.schedule_edit.text()


def test_timing_box_start_time_that_passed_moves_ahead(qtbot: QtBot) -> None:
    box = TimingBox()
    qtbot.addWidget(box)
    box.schedule_edit.setDateTime(QDateTime.currentDateTime().addSecs(-600))

    box.schedule_check.setChecked(True)

    assert box.schedule_edit.dateTime() > QDateTime.currentDateTime().addSecs(3000)
    box.set_time_zone("no/such-zone")
    assert box.zone_label.text().endswith(" time") and "no/such" not in box.zone_label.text()


def plain(text: str) -> str:
    """``text`` without the marks that keep a left-to-right value whole."""
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")
