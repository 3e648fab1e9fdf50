"""The pool banner's dialogs: the pool's events for review, and the note that resumes a
paused pool (refused without one)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.models import PoolEvent
from spreader_app.gui.i18n import ltr, shown_reason
from spreader_app.gui.pool_words import event_label
from spreader_app.gui.time_words import clock_text
from spreader_app.gui.widgets.accessibility import buddy_label
from spreader_app.gui.widgets.roles import error_label, show_message


class PoolEventsDialog(QDialog):
    """What happened to the pool, newest first: when, what, which profile, why."""

    def __init__(
        self,
        events: list[PoolEvent],
        names: dict[str, str],
        now: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pool events"))
        self.setAccessibleName(self.tr("Pool events"))
        self.resize(920, 480)
        self.table = QTableWidget(len(events), 4)
        self.table.setAccessibleName(self.tr("Pool events"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Profile"), self.tr("Why")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The reasons are sentences: the last column takes the room and its rows wrap.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        today = datetime.fromtimestamp(now, UTC)
        # Newest first; events of the same moment keep their recorded order, reversed.
        for row, e in enumerate(reversed(events)):
            when = ltr(clock_text(datetime.fromtimestamp(e.at, UTC), today))
            who = names.get(e.profile_id, ltr(e.profile_id)) if e.profile_id else ""
            for column, text in enumerate((when, event_label(e.type), who, shown_reason(e.reason))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.empty = QLabel(self.tr("Nothing has happened to this pool yet."))
        self.empty.setVisible(not events)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


class ResumeDialog(QDialog):
    """Asks why Open Chat may go on; ``note`` is the owner's words once accepted. A blank
    note is refused here, before the service refuses it too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resume Open Chat"))
        self.setAccessibleName(self.tr("Resume Open Chat"))
        explain = QLabel(
            self.tr(
                "Two devices of this package were banned within a day. Before Open Chat goes "
                "on, write down what you checked or changed (the text, the recipients, the "
                "numbers). The note is kept in the pool's events."
            )
        )
        explain.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("What did you check or change?"))
        self.note_edit.setTabChangesFocus(True)
        self.error_label = error_label()
        buttons = QDialogButtonBox()
        self.resume_button = QPushButton(self.tr("&Resume Open Chat"))
        self.resume_button.setProperty("role", "primary")
        buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(buddy_label(self.tr("&Note (required):"), self.note_edit))
        layout.addWidget(self.note_edit, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(520, 300)

    @property
    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def refuse(self, text: str) -> None:
        """Keeps the dialog open with ``text`` as the reason."""
        show_message(self.error_label, text)
        self.note_edit.setFocus()

    def _on_accepted(self) -> None:
        if not self.note:
            self.refuse(
                self.tr("A note is required: say why Open Chat may go on, then resume again.")
            )
            return
        self.accept()
