"""A start-up measurement: when the main window first paints, record the time and quit.

With ``SPREADER_FIRST_PAINT`` set to a file path, the desktop app writes one JSON line
``{"first_paint": <POSIX seconds>, "pid": <process id>}`` to that file at the main window's
first paint event and then quits as if the owner chose Quit (an orderly stop). ``-`` writes
the line to standard output. A benchmark times the process from before it was spawned to
that moment: the cold start a person sees, for the source tree or the frozen build alike.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_PAINT_VAR = "SPREADER_FIRST_PAINT"


class FirstPaintProbe(QObject):
    """Watches ``window`` for its first paint; then writes the line and calls ``quit``."""

    def __init__(self, window: QWidget, target: str, quit: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._target = target
        self._quit = quit
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window and event.type() == QEvent.Type.Paint:
            stamp = time.time()
            self._window.removeEventFilter(self)
            self._write(json.dumps({"first_paint": stamp, "pid": os.getpid()}))
            # After this paint has finished: the window is on screen when the app quits.
            QTimer.singleShot(0, self, self._quit)
        return False

    def _write(self, line: str) -> None:
        if self._target == "-":
            print(line, flush=True)
        else:
            with Path(self._target).open("a", encoding="utf-8") as out:
                out.write(line + "\n")


def watch_first_paint(
    window: QWidget, env: Mapping[str, str], quit: Callable[[], None]
) -> FirstPaintProbe | None:
    """A probe on ``window`` when ``SPREADER_FIRST_PAINT`` asks for one, else ``None``."""
    target = env.get(FIRST_PAINT_VAR, "").strip()
    if not target:
        return None
    # not translated: a line in the terminal of a measurement run, not in the window
    print(f"spreader: {FIRST_PAINT_VAR} is set: quitting after the first paint", file=sys.stderr)
    return FirstPaintProbe(window, target, quit)
