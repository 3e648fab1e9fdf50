"""A combo box bound to the current package of the ``AppContext``."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from spreader_app.core.models import Package
from spreader_app.gui.context import AppContext


class PackagePicker(QWidget):
    """ "Package: [name ▾]"; choosing one makes it current for every page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Package"))
        self.combo.setMinimumWidth(220)
        label = QLabel(self.tr("&Package:"))
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self._fill(context.packages)
        context.packages_changed.connect(self._fill)
        context.package_changed.connect(self._select)
        self.combo.currentIndexChanged.connect(self._on_combo_changed)

    def _fill(self, packages: list[Package]) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for p in packages:
            self.combo.addItem(p.name, p.id)
        self.combo.blockSignals(False)
        self._select(self.context.package_id)

    def _select(self, package_id: str) -> None:
        i = self.combo.findData(package_id)
        if i >= 0 and i != self.combo.currentIndex():
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(i)
            self.combo.blockSignals(False)

    def _on_combo_changed(self, index: int) -> None:
        package_id = self.combo.itemData(index)
        if package_id:
            self.context.set_package(str(package_id))
