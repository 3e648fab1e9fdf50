"""Awaitable file choosers: one file to read, or where to save a CSV file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from spreader_app.gui.dialogs import run_dialog
from spreader_app.gui.i18n import translate


async def ask_open_file(parent: QWidget, title: str, filters: list[str]) -> Path | None:
    """The existing file the person chose, offering Qt name ``filters``; ``None`` if cancelled."""
    dialog = QFileDialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(filters)
    return await _chosen(dialog)


async def ask_save_csv(parent: QWidget, title: str, suggested: str) -> Path | None:
    """Where to save a CSV file, starting from the ``suggested`` path or name (relative to the
    working folder); ``.csv`` is added to a name typed without it. ``None`` if cancelled."""
    dialog = QFileDialog(parent, title, suggested, translate("FileDialogs", "CSV files (*.csv)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    dialog.setAccessibleName(title)
    return await _chosen(dialog)


async def _chosen(dialog: QFileDialog) -> Path | None:
    try:
        accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted.value
        files = dialog.selectedFiles() if accepted else []
    finally:
        dialog.deleteLater()
    return Path(files[0]) if files else None
