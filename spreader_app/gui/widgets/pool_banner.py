"""The pool banner: the current package's pool when the owner has something to see or
decide (sending slowed or paused after a ban, recipients held), with Review, Release held,
Cancel held and Resume.

It reads ``PoolService.review`` for the current package while its host page is visible:
when the package changes, when the bridge reports a pool or profile change of the package,
and every half minute (the slowdown ends with time, not with an event).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import NotFound, SpreaderError, ValidationFailed
from spreader_app.core.events import PoolChanged, ProfileStatusChanged
from spreader_app.core.models import PoolEvent
from spreader_app.core.pool import PoolState
from spreader_app.core.services.pool import PoolReview
from spreader_app.gui.context import AppContext
from spreader_app.gui.dialogs import confirm, run_dialog
from spreader_app.gui.i18n import ltr, shown_reason
from spreader_app.gui.pool_words import (
    blocked_text,
    common_text,
    headline,
    shows_banner,
    timing,
)
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.accessibility import show_value
from spreader_app.gui.widgets.pool_dialogs import PoolEventsDialog, ResumeDialog
from spreader_app.gui.widgets.refresher import PageRefresher
from spreader_app.gui.widgets.roles import error_label, set_role, show_message

log = logging.getLogger(__name__)

REFRESH_MS = 30_000


class PoolBanner(QFrame):
    """Shown above ``host``'s content while the current package's pool needs the owner;
    ``changed`` fires after the owner released, cancelled or resumed."""

    changed = Signal()

    def __init__(self, context: AppContext, host: QWidget) -> None:
        super().__init__(host)
        self.context = context
        self.review: PoolReview | None = None
        self._package_id = ""
        self.setProperty("role", "warning")
        # As tall as its sentences, never more: the page below keeps the room.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAccessibleName(self.tr("Pool of this package"))

        self.headline_label = QLabel()
        self.headline_label.setAccessibleName(self.tr("Pool state"))
        self.headline_label.setProperty("role", "heading")
        self.timing_label = self._label(self.tr("Since and until"))
        self.reason_label = self._label(self.tr("Reason"))
        self.blocked_label = self._label(self.tr("Blocked profiles"))
        self.held_label = self._label(self.tr("Held recipients"))
        self.common_label = self._label(self.tr("What the blocked profiles had in common"))
        self.result_label = QLabel()
        self.result_label.setProperty("role", "ok")
        self.result_label.setAccessibleName(self.tr("Result"))
        self.result_label.hide()
        self.error_label = error_label()

        self.review_button = QPushButton(self.tr("Re&view…"))
        self.review_button.setToolTip(self.tr("What happened to this package's pool, and when"))
        self.release_button = QPushButton(self.tr("Re&lease held…"))
        self.release_button.setToolTip(
            self.tr("Send the held recipients through the remaining profiles, at today's pace")
        )
        self.cancel_button = QPushButton(self.tr("Cancel &held…"))
        self.cancel_button.setToolTip(self.tr("The held recipients will not get the message"))
        self.resume_button = QPushButton(self.tr("Res&ume Open Chat…"))
        self.resume_button.setProperty("role", "primary")
        self.resume_button.setToolTip(self.tr("Resume the package's Open Chat, with a note"))
        self.review_button.clicked.connect(self._on_review_clicked)
        self.release_button.clicked.connect(self._on_release_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.action_box = QWidget()
        # The buttons stand beside the sentences, so the banner costs the page few rows.
        actions = QVBoxLayout(self.action_box)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.resume_button,
            self.release_button,
            self.cancel_button,
            self.review_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.headline_label)
        for label in (
            self.timing_label,
            self.reason_label,
            self.blocked_label,
            self.held_label,
            self.common_label,
            self.result_label,
            self.error_label,
        ):
            text.addWidget(label)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.action_box)
        self.hide()

        self.refresher = PageRefresher(host, self._start_load)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        context.package_changed.connect(self._on_context_package_changed)
        context.bridge.pool_changed.connect(self._on_bridge_pool_changed)
        context.bridge.profiles_changed.connect(self._on_bridge_profiles_changed)
        self.refresh()

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAccessibleName(name)
        return label

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-reads the pool: one read at a time, none while the host page is hidden."""
        self.refresher.request()

    def _start_load(self) -> bool:
        package_id = self.context.package_id
        if not package_id:
            self._render(None)
            return False
        run_task(self._load(package_id), on_done=self._on_loaded, on_error=self._on_load_failed)
        return True

    async def _load(self, package_id: str) -> tuple[str, PoolReview]:
        return package_id, await self.context.services.pool.review_of(package_id)

    def _on_loaded(self, result: tuple[str, PoolReview]) -> None:
        package_id, review = result
        if package_id == self.context.package_id:
            self._package_id = package_id
            self._render(review)
        self.refresher.finished()

    def _on_load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, NotFound):  # a package deleted meanwhile: the list follows
            log.warning("pool review failed", exc_info=exc)
        self.refresher.finished()

    # --- display -------------------------------------------------------------------------

    def _render(self, review: PoolReview | None) -> None:
        self.review = review
        if review is None or not shows_banner(review):
            self.hide()
            return
        now = time.time()
        paused = review.view.state is PoolState.PAUSED
        set_role(self, "danger" if paused else "warning")
        show_value(self.headline_label, headline(review))
        names = {b.profile_id: b.name for b in review.blocked}
        for label, text in (
            (self.timing_label, timing(review, now)),
            (self.reason_label, shown_reason(review.view.reason)),
            (self.blocked_label, blocked_text(review.blocked, now)),
            (self.held_label, self._held_text(review.held)),
            (self.common_label, common_text(review.common, names, now)),
        ):
            show_value(label, text)
            label.setVisible(bool(text))
        self.resume_button.setVisible(paused)
        self.release_button.setEnabled(review.held > 0)
        self.cancel_button.setEnabled(review.held > 0)
        self.show()

    def _held_text(self, held: int) -> str:
        if held <= 0:
            return self.tr("No recipients are held.")
        return self.tr("%n recipient(s) held: they go out only when you release them.", "", held)

    def _say(self, done: str = "", error: str = "") -> None:
        show_message(self.result_label, done)
        show_message(self.error_label, error)

    # --- slots ---------------------------------------------------------------------------

    def _on_context_package_changed(self, _package_id: str) -> None:
        self._say()
        self._render(None)
        self.refresh()

    def _on_bridge_pool_changed(self, events: list[PoolChanged]) -> None:
        if any(e.package_id == self.context.package_id for e in events):
            self.refresh()

    def _on_bridge_profiles_changed(self, events: list[ProfileStatusChanged]) -> None:
        if any(e.package_id == self.context.package_id for e in events):
            self.refresh()

    def _on_review_clicked(self) -> None:
        run_task(self._show_events(), busy=self.action_box, on_error=self._on_action_failed)

    def _on_release_clicked(self) -> None:
        run_task(self._settle(release=True), busy=self.action_box, on_error=self._on_action_failed)

    def _on_cancel_clicked(self) -> None:
        run_task(self._settle(release=False), busy=self.action_box, on_error=self._on_action_failed)

    def _on_resume_clicked(self) -> None:
        run_task(self._resume(), busy=self.action_box, on_error=self._on_action_failed)

    def _on_action_failed(self, exc: BaseException) -> None:
        self._say(error=describe(exc))
        self.refresh()

    # --- actions -------------------------------------------------------------------------

    async def _show_events(self) -> None:
        package_id = self.context.package_id
        services = self.context.services
        events: list[PoolEvent] = await services.pool.events(package_id)
        names = {p.id: p.name for p in await services.profiles.list(package_id)}
        dialog = PoolEventsDialog(events, names, time.time(), self)
        try:
            await run_dialog(dialog)
        finally:
            dialog.deleteLater()

    async def _settle(self, *, release: bool) -> None:
        held = self.review.held if self.review is not None else 0
        package_id = self.context.package_id
        count = ltr(f"{held:,}")
        if release:
            title = self.tr("Release held recipients?")
            question = self.tr(
                "Send the {count} held recipients on? They go out through the profiles that "
                "can send, at the pool's current pace, never through a blocked one."
            )
            yes = self.tr("Release")
        else:
            title = self.tr("Cancel held recipients?")
            question = self.tr(
                "Cancel the {count} held recipients? They will not get the message. This "
                "cannot be undone."
            )
            yes = self.tr("Cancel held")
        if not await confirm(self, title, question.format(count=count), yes=yes):
            return
        pool = self.context.services.pool
        if release:
            n = await pool.release(package_id, actor="desktop")
            done = self.tr(
                "%n recipient(s) released: they go out through the other profiles.", "", n
            )
        else:
            n = await pool.cancel(package_id, actor="desktop")
            done = self.tr("%n held recipient(s) cancelled.", "", n)
        self._say(done=done)
        self.changed.emit()
        self.refresh()

    async def _resume(self) -> None:
        dialog = ResumeDialog(self)
        try:
            while await run_dialog(dialog) == ResumeDialog.DialogCode.Accepted.value:
                try:
                    await self.context.services.pool.resume(
                        self.context.package_id, {"note": dialog.note}, actor="desktop"
                    )
                except ValidationFailed as exc:
                    dialog.refuse(describe(exc))
                    continue
                except SpreaderError as exc:
                    self._say(error=describe(exc))
                    break
                self._say(done=self.tr("Open Chat resumed. Your note is kept in the events."))
                self.changed.emit()
                break
        finally:
            dialog.deleteLater()
        self.refresh()
