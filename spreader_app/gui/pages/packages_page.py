"""Placeholder until the page lands."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from spreader_app.gui.context import AppContext


class PackagesPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        label = QLabel("packages")
        label.setAccessibleName("packages")
        layout.addWidget(label)
