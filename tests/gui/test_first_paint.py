"""``SPREADER_FIRST_PAINT``: the main window's first paint is recorded once, then the app quits."""

from __future__ import annotations

import json
import time
from pathlib import Path

import qasync
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from spreader_app.gui.first_paint import FIRST_PAINT_VAR, watch_first_paint
from tests.gui.conftest import run, until


def test_first_paint_is_written_once_and_quits(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    window = QLabel("Spreader")
    qtbot.addWidget(window)
    out = tmp_path / "paint.jsonl"
    quits: list[bool] = []
    before = time.time()
    probe = watch_first_paint(window, {FIRST_PAINT_VAR: str(out)}, lambda: quits.append(True))
    assert probe is not None
    window.show()
    # Waited on the app's own loop, as the desktop runs (Qt's timers fire through it).
    run(qloop, until(lambda: quits == [True], 5))
    window.repaint()  # a later paint records nothing more
    [line] = out.read_text(encoding="utf-8").splitlines()
    stamp = json.loads(line)
    assert before <= stamp["first_paint"] <= time.time()
    assert quits == [True]


def test_first_paint_probe_is_off_unless_asked(qtbot: QtBot) -> None:
    window = QLabel("Spreader")
    qtbot.addWidget(window)
    assert watch_first_paint(window, {}, lambda: None) is None
    assert watch_first_paint(window, {FIRST_PAINT_VAR: "  "}, lambda: None) is None
