"""The Qt binding itself: a Python table model can answer ``None`` as often as Qt asks.

Qt asks a model for a dozen roles per cell on every repaint, and the answer to most is
``None``. A binding that loses a reference to ``None`` on each answer (PySide6 6.12.0 does)
aborts the whole application after some minutes of a live campaign, so this runs in a
process of its own and counts ``None``'s references before and after.
"""

from __future__ import annotations

import os
import subprocess
import sys

_PROBE = """
import sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex

class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 10

    def columnCount(self, parent=QModelIndex()):
        return 10

    def data(self, index, role=0):
        return None

model = Model()
index = model.index(1, 1)
before = sys.getrefcount(None)
for _ in range(200_000):
    index.data(5)
print(sys.getrefcount(None) - before)
"""


def test_qt_binding_model_answering_none_keeps_the_interpreter_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert probe.returncode == 0, probe.stderr[-500:]
    lost = -int(probe.stdout.strip())
    assert lost < 1000, f"the Qt binding lost {lost} references to None in 200,000 answers"
