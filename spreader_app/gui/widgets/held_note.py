"""Why a campaign's recipients are held: a line under its counts, from the pool review."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QWidget

from spreader_app.core.models import Message
from spreader_app.core.services.pool import PoolReview
from spreader_app.gui.context import AppContext
from spreader_app.gui.pool_words import held_reason
from spreader_app.gui.tasks import run_task
from spreader_app.gui.widgets.roles import show_message

log = logging.getLogger(__name__)


class HeldNote(QLabel):
    """Hidden while the campaign holds nothing; otherwise says why (which profile was
    banned, whether the pool is paused or slowed) and where to release them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loading = False
        self._shown: tuple[str, int] | None = None  # the campaign and count explained
        self.setWordWrap(True)
        self.setProperty("role", "hint")
        self.setAccessibleName(self.tr("Why recipients are held"))
        self.hide()
        context.bridge.pool_changed.connect(self.forget)

    def forget(self) -> None:
        """The pool changed: the next ``show_for`` reads it again."""
        self._shown = None

    def show_for(self, message: Message) -> None:
        """Explains ``message``'s held recipients (a read of the pool, one at a time)."""
        if message.held_count <= 0:
            self._shown = None
            show_message(self, "")
            return
        key = (message.id, message.held_count)
        if key != self._shown and not self._loading:
            self._shown = key
            self._loading = True
            run_task(
                self.context.services.pool.review_of(message.package_id),
                on_done=self._on_review,
                on_error=self._on_failed,
            )

    def _on_review(self, review: PoolReview) -> None:
        self._loading = False
        show_message(self, held_reason(review))

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        log.info("pool review for held recipients failed: %s", exc)
        show_message(self, held_reason(None))
