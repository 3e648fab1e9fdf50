"""Awaitable dialogs built on ``open()``: never a nested event loop inside a coroutine."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


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


async def confirm(parent: QWidget, title: str, text: str, *, yes: str = "OK") -> bool:
    """Asks a yes/no question; ``True`` when the person confirmed."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setAccessibleName(title)
    await run_dialog(box)
    confirmed = box.clickedButton() is ok
    box.deleteLater()
    return confirmed
