"""One place where unexpected errors end: logged, and shown once in a coalesced dialog."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from spreader_app.gui.i18n import translate
from spreader_app.gui.tasks import describe, set_error_sink

log = logging.getLogger(__name__)


class ErrorReporter:
    """Collects errors for 300 ms and shows them in one non-modal message box."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._pending: list[str] = []
        self._box: QMessageBox | None = None
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._show)
        self.shown: list[str] = []

    def install(self) -> None:
        """Routes task failures, uncaught exceptions and loop errors here."""
        set_error_sink(self.report)
        sys.excepthook = self._excepthook

    def loop_handler(self, loop: Any, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            self.report(exc)
        else:
            log.error("event loop: %s", context.get("message"))

    def _excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        log.error("uncaught error", exc_info=(kind, exc, tb))
        self.report(exc)

    def report(self, exc: BaseException) -> None:
        from spreader_app.core.errors import SpreaderError

        if not isinstance(exc, SpreaderError):
            log.error("unexpected error", exc_info=exc)
        text = describe(exc)
        if text not in self._pending:
            self._pending.append(text)
        self._timer.start()

    def _show(self) -> None:
        if not self._pending:
            return
        text = "\n\n".join(self._pending[:5])
        if len(self._pending) > 5:
            more = translate("ErrorReporter", "(and {count} more)")
            text += "\n\n" + more.format(count=len(self._pending) - 5)
        self.shown.append(text)
        self._pending.clear()
        if self._box is None:
            self._box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("ErrorReporter", "Spreader"),
                "",
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
            self._box.setAccessibleName(translate("ErrorReporter", "Error message"))
        self._box.setText(text)
        self._box.open()
