"""A "what to do next" placeholder for views with nothing to show yet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from spreader_app.gui.icons import icon


class EmptyState(QWidget):
    """A title, one sentence of guidance and an optional action button."""

    action_clicked = Signal()

    def __init__(
        self,
        title: str,
        text: str,
        action: str = "",
        icon_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(text)
        self.text.setProperty("role", "hint")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(icon(icon_name) if icon_name else icon("add"), action)
            self.button.setProperty("role", "primary")
            self.button.setAccessibleName(action)
            self.button.clicked.connect(self.action_clicked.emit)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.setAccessibleName(title)
