"""The real desktop window on a fresh data folder, wired to the fake Zentra gateway on
loopback, for a screenshot walk: ``async with shot_window(out, port=...) as w``, then
``w.shot("50-why-column")`` saves the window (or a dialog) as ``out/50-why-column.png``."""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from spreader_app.bootstrap import Container, build
from spreader_app.config import load_settings
from spreader_app.desktop import DesktopSession
from spreader_app.gui.i18n import ARABIC
from spreader_app.gui.main_window import MainWindow
from tests.fakes.fake_zentra import FakeZentra


@dataclass
class ShotWindow:
    """The open app, its gateway and the names of the PNGs saved so far."""

    out: Path
    fake: FakeZentra
    container: Container
    session: DesktopSession
    arabic: bool
    shots: list[str] = field(default_factory=list)

    @property
    def window(self) -> MainWindow:
        return self.session.window

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        path = self.out / f"{name}.png"
        (widget or self.window).grab().save(str(path))
        self.shots.append(path.name)


@asynccontextmanager
async def shot_window(out: Path, *, port: int, latency: float = 0.05) -> AsyncIterator[ShotWindow]:
    """Starts the fake gateway and the app (Egypt as the default region) at 1280 × 800 on
    ``port``; closes both and prints the PNGs' names when the walk ends."""
    fake = FakeZentra(latency=latency)
    await fake.start()
    os.environ.update(
        {
            "SPREADER_DATA_DIR": tempfile.mkdtemp(prefix="spreader-shots-"),
            "SPREADER_ZENTRA_URL": fake.url,
            "SPREADER_MASTER_KEY": Fernet.generate_key().decode(),
            "SPREADER_PORT": str(port),
            "SPREADER_DEFAULT_REGION": "EG",
        }
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    container = build(load_settings())
    await container.start()
    session = DesktopSession(app, container)
    await session.open()
    session.window.resize(1280, 800)
    w = ShotWindow(out, fake, container, session, app.property("spreader_language") == ARABIC)
    try:
        yield w
    finally:
        await session.close()
        await fake.stop()
    print("\n".join(w.shots))


def select_row(table: QTableView, row: int) -> None:
    """Selects ``row`` as a click would."""
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().select(table.model().index(row, 0), flags)


def select_named(table: QTableView, name: str) -> None:
    """Selects the row whose first column shows ``name``."""
    model = table.model()
    select_row(table, next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name))
