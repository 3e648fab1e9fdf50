"""The selected profile's protection, line by line: health band and the reasons behind the
score, warm-up stage, unanswered budget, and the share of its caps and pace it has now."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from spreader_app.gui.gauge_words import (
    health_line,
    pace_line,
    reasons_text,
    unanswered_line,
    warmup_line,
)
from spreader_app.gui.tables.profiles_table import ProfileRow
from spreader_app.gui.widgets.accessibility import show_value


class ProfileGauges(QFrame):
    """A card under the profiles table; hidden until a profile with live limits is
    selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Protection of the selected profile"))
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.health_label = self._line(self.tr("Health"))
        self.reasons_label = self._line(self.tr("Reasons behind the health score"))
        self.warmup_label = self._line(self.tr("Warm-up"))
        self.unanswered_label = self._line(self.tr("Unanswered budget"))
        self.pace_label = self._line(self.tr("Caps and pace"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        for label in (
            self.health_label,
            self.reasons_label,
            self.warmup_label,
            self.unanswered_label,
            self.pace_label,
        ):
            layout.addWidget(label)
        self.hide()

    @staticmethod
    def _line(name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAccessibleName(name)
        return label

    def show_for(self, row: ProfileRow | None) -> None:
        """Shows ``row``'s gauges in words (hidden for ``None`` or before its first stats)."""
        limits = row.limits if row is not None else None
        if row is None or limits is None:
            self.hide()
            return
        self.title.setText(row.profile.name)
        show_value(self.health_label, health_line(limits))
        show_value(self.reasons_label, reasons_text(limits, time.time()))
        show_value(self.warmup_label, warmup_line(limits))
        show_value(self.unanswered_label, unanswered_line(limits))
        show_value(self.pace_label, pace_line(limits, row.pool_factor))
        self.show()
