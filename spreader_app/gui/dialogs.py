"""Awaitable dialogs built on ``open()``: never a nested event loop inside a coroutine."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from spreader_app.gui.i18n import translate


async def run_dialog(dialog: QDialog) -> int:
    """Shows ``dialog`` window-modally with ``open()`` and waits for its result code."""
    loop = asyncio.get_event_loop()
    done: asyncio.Future[int] = loop.create_future()

    def finished(code: int) -> None:
        if not done.done():
            done.set_result(code)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await done
    finally:
        dialog.finished.disconnect(finished)


async def confirm(parent: QWidget, title: str, text: str, *, yes: str = "") -> bool:
    """Asks a yes/no question; ``True`` when the person confirmed. ``yes`` names the
    confirming button (OK when empty)."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    ok = box.addButton(yes or translate("Dialogs", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setAccessibleName(title)
    await run_dialog(box)
    confirmed = box.clickedButton() is ok
    box.deleteLater()
    return confirmed
