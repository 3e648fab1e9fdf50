"""The preview's real rows: the first recipient's text, the longest, and those with an empty
variable or a text over the limit, with the one-click way out for empty values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.personalise import Personalised, Sample
from spreader_app.core.phones import display
from spreader_app.gui.widgets.roles import error_label, show_message


class SamplesPanel(QFrame):
    """Rendered rows of the previewed message. ``choice_made`` fires when the person chose
    to skip the recipients with an empty value, or to fill it with a fallback; ``options()``
    then gives the Open Chat options for that choice."""

    choice_made = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._options: dict[str, Any] = {}
        self._names: list[str] = []
        title = QLabel(self.tr("What recipients will read"))
        title.setProperty("role", "title")
        self.rows_box = QVBoxLayout()
        self.problem_label = error_label()
        self.skip_button = QPushButton(self.tr("S&kip them"))
        self.skip_button.setToolTip(self.tr("Send to the others; these rows end skipped"))
        self.skip_button.clicked.connect(self._on_skip_button_clicked)
        self.fallback_edit = QLineEdit()
        self.fallback_edit.setAccessibleName(self.tr("Fallback text"))
        self.fallback_edit.setPlaceholderText(self.tr("e.g. customer"))
        self.fallback_button = QPushButton(self.tr("&Use this fallback"))
        self.fallback_button.setToolTip(self.tr("Write this text where a value is empty"))
        self.fallback_button.clicked.connect(self._on_fallback_button_clicked)
        self.choice_box = QWidget()
        choice = QHBoxLayout(self.choice_box)
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(self.skip_button)
        choice.addSpacing(12)
        choice.addWidget(self.fallback_edit, 1)
        choice.addWidget(self.fallback_button)
        self.choice_box.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.choice_box)

    def options(self) -> dict[str, Any]:
        """``on_missing`` / ``fallbacks`` for the Open Chat body, as the person chose."""
        return dict(self._options)

    def reset(self) -> None:
        """Forgets the choice (a new text or list needs a new one)."""
        self._options = {}

    def skips_missing(self) -> bool:
        return self._options.get("on_missing") == "skip"

    def show_personal(self, personal: Personalised, first_row: int) -> None:
        """Shows the samples of ``personal``; rows are numbered from ``first_row``."""
        while (item := self.rows_box.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for sample in personal.samples:
            self.rows_box.addWidget(self._sample_label(sample, first_row))
        missing, too_long = personal.missing, personal.too_long
        self._names = sorted({n for p in missing for n in p.names})
        sentences = []
        if missing:
            rows = ", ".join(str(p.row + first_row) for p in missing[:10])
            sentences.append(
                self.tr("Recipients with an empty variable and no fallback: %1 (rows %2).")
                .replace("%1", f"{len(missing):,}")
                .replace("%2", rows + (" …" if len(missing) > 10 else ""))
                + " "
                + (
                    self.tr("They will be skipped.")
                    if self.skips_missing()
                    else self.tr("Skip them, or give a fallback text:")
                )
            )
        if too_long:
            sentences.append(
                self.tr(
                    "Recipients whose text would be over WhatsApp's limit: %1. They will be"
                    " skipped."
                ).replace("%1", f"{len(too_long):,}")
            )
        show_message(self.problem_label, "\n".join(sentences))
        self.choice_box.setVisible(bool(missing) and not self.skips_missing())
        self.setVisible(bool(personal.samples))

    def _sample_label(self, sample: Sample, first_row: int) -> QLabel:
        kinds = {
            "first": self.tr("first row"),
            "longest": self.tr("longest text"),
            "missing": self.tr("empty value"),
            "too_long": self.tr("over the limit"),
        }
        head = self.tr("Row %1 · %2 (%3):").replace("%1", str(sample.row + first_row))
        head = head.replace("%2", display(sample.recipient))
        head = head.replace("%3", kinds[sample.kind])
        label = QLabel(f"{head}\n{sample.text}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(head)
        if sample.kind in ("missing", "too_long"):
            label.setProperty("role", "error")
        return label

    def _on_skip_button_clicked(self) -> None:
        self._options = {"on_missing": "skip"}
        self.choice_made.emit()

    def _on_fallback_button_clicked(self) -> None:
        text = self.fallback_edit.text().strip()
        if not text:
            self.fallback_edit.setFocus()
            return
        self._options = {"fallbacks": dict.fromkeys(self._names, text)}
        self.choice_made.emit()
