"""The package form's fields for the customer's clock: quiet hours (``recipient_quiet_hours``)
and the per-country default zones (``recipient_zones``).

Both are checked by the package service's own validators (``quiet_hours_problem``,
``zone_rows_problems``), whose sentences say what is wrong and what to write; here they are
shown in the interface language. The zone rows are checked as rows, so a country typed twice
is caught before the form turns them into one mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.services.packages import (
    DEFAULT_QUIET_HOURS,
    quiet_hours_problem,
    sending_hours,
    zone_rows_problems,
)
from spreader_app.core.services.recipient_clock import BUILT_IN_COUNTRY_ZONES
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, ltr, shown, translate
from spreader_app.gui.icons import icon
from spreader_app.gui.widgets.accessibility import name_internals

QUIET = "recipient_quiet_hours"
ZONES = "recipient_zones"
_ROWS_SHOWN = 4
# The fields' names in the form's error lines (``package_form.FIELD_LABELS``).
CLOCK_LABELS = {
    QUIET: QT_TRANSLATE_NOOP("PackageEditor", "Quiet hours"),
    ZONES: QT_TRANSLATE_NOOP("PackageEditor", "Country zones"),
}


def _problem_text(field: str, problems: list[str]) -> str:
    """``"Quiet hours: '9pm' is not a time range; write …."``"""
    return translate("PackageEditor", "{field}: {problem}.").format(
        field=translate("PackageEditor", CLOCK_LABELS[field]), problem="; ".join(problems)
    )


class QuietHoursField(QWidget):
    """A tick box (on/off) and the window, ``21:00-09:00`` as typed; ``value()`` is what the
    service takes: the typed text, or ``None`` when off."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self.tr("&Quiet on the customer's clock"))
        self.enabled.setAccessibleName(self.tr("Quiet hours on"))
        self.enabled.setToolTip(
            self.tr("Open Chat waits while it is night where the customer lives")
        )
        self.window_edit = QLineEdit()
        self.window_edit.setAccessibleName(self.tr("Quiet hours"))
        self.window_edit.setToolTip(
            self.tr("From when to when the customer is left alone, e.g. 21:00-09:00")
        )
        self.window_edit.setPlaceholderText(DEFAULT_QUIET_HOURS)
        # 21:00-09:00 reads so in Arabic too.
        self.window_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.window_edit.setMaximumWidth(160)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.window_edit)
        layout.addStretch(1)
        self.enabled.toggled.connect(self._on_toggled)
        self.window_edit.textChanged.connect(lambda _text: self.changed.emit())

    def value(self) -> str | None:
        return self.window_edit.text().strip() if self.enabled.isChecked() else None

    def set_value(self, value: str | None) -> None:
        # Turned off, the last window stays typed in, so ticking the box again brings it back.
        self.window_edit.setText(value or self.window_edit.text() or DEFAULT_QUIET_HOURS)
        self.enabled.setChecked(value is not None)
        self.window_edit.setEnabled(value is not None)

    def _on_toggled(self, on: bool) -> None:
        self.window_edit.setEnabled(on)
        self.changed.emit()

    def problem(self) -> str:
        """What is wrong with the typed window, in the interface language; ``""`` if nothing."""
        value = self.value()
        found = quiet_hours_problem(value) if value is not None else None
        return _problem_text(QUIET, [shown(found)]) if found is not None else ""

    def hint(self) -> str:
        value = self.value()
        if value is None:
            return self.tr(
                "Off: Open Chat may reach customers at any hour of their night. Reply Chat"
                " answers at any hour either way."
            )
        hours = sending_hours(value)
        if hours is None:
            return ""
        opens, closes = hours
        return self.tr(
            "Open Chat goes out only {opens}–{closes} on each customer's own clock (their"
            " zone comes from their number); Reply Chat answers at any hour."
        ).format(opens=ltr(f"{opens:%H:%M}"), closes=ltr(f"{closes:%H:%M}"))


class _ZoneDelegate(QStyledItemDelegate):
    """Edits the zone column with completion over every zone name (``Yekat`` finds
    ``Asia/Yekaterinburg``)."""

    def __init__(self, zones: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self._zones = zones

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setAccessibleName(translate("PackageEditor", "Time zone of the country"))
        editor.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        completer = QCompleter(self._zones, editor)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        editor.setCompleter(completer)
        return editor


class ZoneDefaultsField(QWidget):
    """Rows of country code and zone; Add and Remove buttons. ``value()`` is the mapping the
    service takes, ``rows()`` the rows as typed (blank rows left out)."""

    changed = Signal()

    def __init__(self, zones: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Country time zones"))
        self.table.setHorizontalHeaderLabels([self.tr("Country"), self.tr("Time zone")])
        self.table.setToolTip(
            self.tr("Type a two-letter country code and its zone; F2 or typing edits a cell")
        )
        # Tab leaves the table (arrows move between cells), so the buttons stay reachable.
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setItemDelegateForColumn(1, _ZoneDelegate(zones, self.table))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * _ROWS_SHOWN)
        self.table.setMaximumHeight(self.table.verticalHeader().defaultSectionSize() * 6)
        self.add_button = QPushButton(icon("add"), self.tr("Add c&ountry"))
        self.add_button.setAccessibleName(self.tr("Add a country zone"))
        self.add_button.setToolTip(self.tr("Add a row for a country and its zone"))
        self.remove_button = QPushButton(self.tr("Remo&ve country"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected country zone"))
        self.remove_button.setToolTip(self.tr("Remove the selected row"))
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.table.itemSelectionChanged.connect(self._update_remove)
        self._update_remove()
        self.table.setCornerButtonEnabled(False)
        name_internals(self)  # the table's select-all corner button

    def rows(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.table.rowCount()):
            country, zone = (self._cell(row, c) for c in (0, 1))
            if country or zone:
                out.append((country, zone))
        return out

    def value(self) -> dict[str, str]:
        return dict(self.rows())

    def set_value(self, value: Mapping[str, str]) -> None:
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(0)
            for country, zone in value.items():
                self._append(country, zone)
        finally:
            self.table.blockSignals(False)
        self._update_remove()

    def problem(self) -> str:
        found = zone_rows_problems(self.rows())
        return _problem_text(ZONES, [shown(p) for p in found]) if found else ""

    def hint(self) -> str:
        # A country and its zone never split over two lines (nor reorder in Arabic): a
        # no-break space after the code, a word joiner after the zone's slash.
        comma = self.tr(", ")
        built_in = comma.join(
            ltr(f"{c}\u00a0{z}".replace("/", "/\u2060")) for c, z in BUILT_IN_COUNTRY_ZONES.items()
        )
        return self.tr(
            "Customers in a country whose numbers span many hours get one zone for the"
            " whole country. Built in: {zones}. A row here adds a country or replaces its"
            " built-in zone."
        ).format(zones=built_in)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _append(self, country: str, zone: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((country, zone)):
            item = QTableWidgetItem(text)
            self.table.setItem(row, column, item)
        return row

    def _on_add_clicked(self) -> None:
        row = self._append("", "")
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)
        self._update_remove()

    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self._update_remove()
        self.changed.emit()

    def _update_remove(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))
