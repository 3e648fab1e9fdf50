"""Importing a recipient file: choose it, check the preview, pick the phone column.

Reading and guessing run in the loop's executor (large spreadsheets take seconds); the
widget shows a busy indicator meanwhile and never blocks the GUI thread. The column most
likely to hold phone numbers is pre-selected (``guess_phone_column``); the person can pick
another one, say whether row 1 is a header, and re-read a text file in another encoding.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.recipient_files import (
    SPREADSHEET_EXTENSIONS,
    TEXT_EXTENSIONS,
    load_recipients_file,
)
from spreader_app.core.recipient_table import Table, cell_text
from spreader_app.core.recipients import guess_phone_column
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, ltr, shown
from spreader_app.gui.icons import icon
from spreader_app.gui.tables.recipients_table import PreviewRow, TablePreviewModel
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.file_dialogs import ask_open_file
from spreader_app.gui.widgets.roles import error_label, set_role, show_message

PREVIEW_ROWS = 20
FILE_PATTERNS = " ".join(f"*{ext}" for ext in sorted(TEXT_EXTENSIONS | SPREADSHEET_EXTENSIONS))
# Encodings people meet in recipient lists: Excel's exports in Arabic and Western locales.
ENCODINGS = (
    ("utf-8", QT_TRANSLATE_NOOP("ColumnPicker", "UTF-8")),
    ("utf-8-sig", QT_TRANSLATE_NOOP("ColumnPicker", "UTF-8 with BOM")),
    ("utf-16", QT_TRANSLATE_NOOP("ColumnPicker", "UTF-16 (Excel Unicode Text)")),
    ("cp1256", QT_TRANSLATE_NOOP("ColumnPicker", "Windows Arabic (cp1256)")),
    ("cp1252", QT_TRANSLATE_NOOP("ColumnPicker", "Windows Western (cp1252)")),
    ("iso-8859-6", QT_TRANSLATE_NOOP("ColumnPicker", "ISO Arabic (iso-8859-6)")),
)


def read_recipient_table(
    path: Path, encoding: str | None, has_header: bool | None, region: str
) -> tuple[Table, int | None]:
    """Reads ``path`` and guesses its phone column (blocking: run it in an executor).

    An unknown ``region`` only makes the guess use none. Raises ``ValidationFailed`` when the
    file cannot be used (``load_recipients_file`` says why).
    """
    table = load_recipients_file(path, encoding=encoding, has_header=has_header)
    try:
        guess = guess_phone_column(table, region)
    except ValidationFailed:
        guess = guess_phone_column(table, "")
    return table, guess


def api_value(cell: object) -> str | int:
    """A cell as the Open Chat API takes a recipient.

    Whole numbers stay numbers (spreadsheet number cells arrive as floats: ``966501234567.0``
    must not become the string ``"966501234567.0"``); everything else is sent as its text, so
    the engine rejects it visibly with a reason.
    """
    if isinstance(cell, int) and not isinstance(cell, bool):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell if isinstance(cell, str) else cell_text(cell)


def api_values(table: Table, column: int) -> list[str | int]:
    """The recipients of ``column``, one per data row, as :func:`api_value` gives them."""
    return [api_value(row[column]) for row in table.rows]


def api_recipients(table: Table, column: int) -> list[dict[str, Any]]:
    """Each row as an Open Chat recipient object: its number and its other cells as
    variables by header (for ``{{column}}`` in the text)."""
    others = [(i, h) for i, h in enumerate(table.headers) if i != column]
    return [
        {"phone": api_value(row[column]), "variables": {h: cell_text(row[i]) for i, h in others}}
        for row in table.rows
    ]


class ColumnPicker(QWidget):
    """Chooses a recipient file (CSV, TXT, XLSX, ...) and the column holding the numbers.

    ``selection_changed`` fires when another file was read or another column chosen;
    ``selection()`` then gives the table and the column.
    """

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.region = ""
        self._table: Table | None = None
        self._load_seq = 0

        self.choose_button = QPushButton(icon("import"), self.tr("Choose &file…"))
        self.choose_button.setToolTip(self.tr("Read the numbers from a CSV, TXT or Excel file"))
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.file_label = QLabel(self.tr("No file chosen yet."))
        self.file_label.setProperty("role", "hint")
        self.file_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setAccessibleName(self.tr("Reading the file"))
        self.busy_bar.hide()
        self.error_label = error_label()

        self.header_check = QCheckBox(self.tr("First row is a &header"))
        self.header_check.setToolTip(self.tr("Untick when row 1 already holds a recipient"))
        self.header_check.toggled.connect(self._on_header_check_toggled)
        self.encoding_combo = QComboBox()
        self.encoding_combo.setAccessibleName(self.tr("Text encoding"))
        self.encoding_combo.setToolTip(
            self.tr("How the text file is encoded; pick another one when letters look garbled")
        )
        self.encoding_combo.activated.connect(self._on_encoding_combo_activated)
        self.encoding_label = QLabel(self.tr("&Encoding:"))
        self.encoding_label.setBuddy(self.encoding_combo)
        self.column_combo = QComboBox()
        self.column_combo.setAccessibleName(self.tr("Phone column"))
        self.column_combo.setToolTip(self.tr("The column that holds the phone numbers"))
        self.column_combo.currentIndexChanged.connect(self._on_column_combo_changed)
        column_label = QLabel(self.tr("Phone &column:"))
        column_label.setBuddy(self.column_combo)
        self.info_label = QLabel()
        self.info_label.setProperty("role", "hint")
        self.info_label.setWordWrap(True)

        self.model = TablePreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Preview of the file"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMinimumHeight(160)
        self.view.horizontalHeader().sectionClicked.connect(self.column_combo.setCurrentIndex)
        self.view.selectionModel().currentColumnChanged.connect(
            lambda current, _previous: self.column_combo.setCurrentIndex(current.column())
        )
        corner = self.view.findChild(QAbstractButton)
        if corner is not None:
            corner.setAccessibleName(self.tr("Select the whole preview"))

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.busy_bar)
        options = QGridLayout()
        options.addWidget(column_label, 0, 0)
        options.addWidget(self.column_combo, 0, 1)
        options.addWidget(self.header_check, 0, 2)
        options.addWidget(self.encoding_label, 1, 0)
        options.addWidget(self.encoding_combo, 1, 1)
        options.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addLayout(options)
        layout.addWidget(self.info_label)
        layout.addWidget(self.view, 1)
        self._show_options(False)
        self._fill_encodings("")

    # --- public ----------------------------------------------------------------------------

    @property
    def table(self) -> Table | None:
        return self._table

    def column(self) -> int | None:
        index = self.column_combo.currentIndex()
        return index if self._table is not None and index >= 0 else None

    def selection(self) -> tuple[Table, int] | None:
        """The table read and the chosen phone column, or ``None`` before both exist."""
        column = self.column()
        if self._table is None or column is None:
            return None
        return self._table, column

    def first_row_number(self) -> int:
        """The row number of the first recipient in the file (2 below a header row)."""
        return 2 if self._table is not None and self._table.has_header else 1

    def load(
        self, path: Path, *, encoding: str | None = None, has_header: bool | None = None
    ) -> asyncio.Task[None]:
        """Reads ``path`` in the background; a failure is shown in the widget."""
        return run_task(self._load(path, encoding, has_header), busy=self.choose_button)

    def clear(self) -> None:
        self._load_seq += 1
        self.path = None
        self._table = None
        self.model.show_table([], [])
        self.column_combo.clear()
        self.file_label.setText(self.tr("No file chosen yet."))
        self.info_label.clear()
        self._set_error("")
        self._show_options(False)
        self._fill_encodings("")
        self.selection_changed.emit()

    # --- slots ---------------------------------------------------------------------------

    def _on_choose_button_clicked(self) -> None:
        run_task(self._choose(), busy=self.choose_button)

    def _on_header_check_toggled(self, checked: bool) -> None:
        if self.path is not None and self._table is not None:
            self.load(self.path, encoding=self._table.encoding or None, has_header=checked)

    def _on_encoding_combo_activated(self, index: int) -> None:
        if self.path is not None and self._table is not None:
            encoding = str(self.encoding_combo.itemData(index))
            self.load(self.path, encoding=encoding, has_header=self._table.has_header)

    def _on_column_combo_changed(self, index: int) -> None:
        if index >= 0:
            self.view.selectColumn(index)
        self._describe()
        self.selection_changed.emit()

    # --- work ----------------------------------------------------------------------------

    async def _choose(self) -> None:
        filters = [
            self.tr("Recipient lists ({patterns})").format(patterns=FILE_PATTERNS),
            self.tr("All files (*)"),
        ]
        path = await ask_open_file(self, self.tr("Import recipients"), filters)
        if path is not None:
            await self._load(path, None, None)

    async def _load(self, path: Path, encoding: str | None, has_header: bool | None) -> None:
        self._load_seq += 1
        seq = self._load_seq
        same_file = path == self.path and self._table is not None
        previous = self.column()
        self._set_busy(True, path)
        loop = asyncio.get_running_loop()
        try:
            table, guess = await loop.run_in_executor(
                None, read_recipient_table, path, encoding, has_header, self.region
            )
        except ValidationFailed as exc:
            if seq == self._load_seq:
                self._set_busy(False, path)
                self._set_error(describe(exc))
            return
        if seq != self._load_seq:
            return  # a newer read started meanwhile; its result wins
        self._set_error("")
        keep = same_file and previous is not None and previous < len(table.headers)
        self._show(path, table, previous if keep else guess)
        self._set_busy(False, path)

    def _show(self, path: Path, table: Table, column: int | None) -> None:
        self.path = path
        self._table = table
        first = 2 if table.has_header else 1
        rows = [
            PreviewRow(first + i, tuple(cell_text(c) for c in row))
            for i, row in enumerate(table.rows[:PREVIEW_ROWS])
        ]
        self.model.show_table(table.headers, rows)
        self.view.resizeColumnsToContents()
        self.header_check.blockSignals(True)
        self.header_check.setChecked(table.has_header)
        self.header_check.blockSignals(False)
        self._fill_encodings(table.encoding)
        self.column_combo.blockSignals(True)
        self.column_combo.clear()
        self.column_combo.addItems(table.headers)
        self.column_combo.setCurrentIndex(-1 if column is None else column)
        self.column_combo.blockSignals(False)
        self._show_options(True)
        self._on_column_combo_changed(self.column_combo.currentIndex())

    def _describe(self) -> None:
        if self._table is None:
            return
        notes = [shown(warning) for warning in self._table.warnings]
        if self.column() is None:
            notes.insert(0, self.tr("No column looks like phone numbers: choose the phone column."))
        self.info_label.setText(" ".join(notes))
        set_role(self.info_label, "error" if self.column() is None else "hint")

    def _fill_encodings(self, encoding: str) -> None:
        self.encoding_combo.clear()
        for value, label in ENCODINGS:
            self.encoding_combo.addItem(self.tr(label), value)
        if encoding and self.encoding_combo.findData(encoding) < 0:
            self.encoding_combo.addItem(encoding, encoding)
        self.encoding_combo.setCurrentIndex(max(self.encoding_combo.findData(encoding), 0))
        text_file = bool(encoding)
        self.encoding_combo.setVisible(text_file)
        self.encoding_label.setVisible(text_file)

    def _show_options(self, visible: bool) -> None:
        for widget in (self.header_check, self.column_combo, self.view):
            widget.setEnabled(visible)

    def _set_busy(self, busy: bool, path: Path) -> None:
        self.busy_bar.setVisible(busy)
        self.header_check.setEnabled(not busy and self._table is not None)
        self.encoding_combo.setEnabled(not busy)
        if busy:
            self.file_label.setText(self.tr("Reading {file}…").format(file=ltr(path.name)))
        elif self._table is not None and self.path is not None:
            rows = self.tr("{file}: %n row(s)", "", len(self._table.rows))
            self.file_label.setText(rows.format(file=ltr(self.path.name)))
            self.file_label.setToolTip(str(self.path))
        else:
            self.file_label.setText(self.tr("No file chosen yet."))

    def _set_error(self, text: str) -> None:
        show_message(self.error_label, text)
