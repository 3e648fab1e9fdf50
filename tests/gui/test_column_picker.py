"""The recipient-file picker: preview, guessed column, header and encoding choices."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from spreader_app.core.recipient_table import Table
from spreader_app.gui.tables.recipients_table import PreviewRow, TablePreviewModel
from spreader_app.gui.widgets import column_picker
from spreader_app.gui.widgets.column_picker import ColumnPicker, api_value, api_values
from tests.gui.conftest import run, until

CSV = "name,phone,city\nAhmed,+201066183456,Cairo\nSara,+966501234567,Riyadh\nOmar,12345,Giza\n"


@pytest.fixture
def picker(qtbot: QtBot, qloop: qasync.QEventLoop) -> Iterator[ColumnPicker]:
    widget = ColumnPicker()
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def load(qloop: qasync.QEventLoop, picker: ColumnPicker, path: Path, **kw: object) -> None:
    task = picker.load(path, **kw)  # type: ignore[arg-type]
    run(qloop, until(task.done))


def test_column_picker_previews_the_file_and_preselects_the_phone_column(
    qloop: qasync.QEventLoop, picker: ColumnPicker, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    changes: list[None] = []
    picker.selection_changed.connect(lambda: changes.append(None))
    load(qloop, picker, path)
    assert picker.column_combo.currentText() == "phone"
    assert [picker.column_combo.itemText(i) for i in range(3)] == ["name", "phone", "city"]
    assert picker.model.rowCount() == 3
    assert picker.view.selectionModel().isColumnSelected(1)
    assert picker.file_label.text() == "list.csv: 3 rows"
    assert picker.header_check.isChecked()
    assert picker.encoding_combo.isVisibleTo(picker)
    assert picker.encoding_combo.currentData() == "utf-8"
    selection = picker.selection()
    assert selection is not None and selection[1] == 1
    assert picker.first_row_number() == 2
    assert changes


def test_column_picker_person_can_pick_another_column_by_header_click(
    qtbot: QtBot, qloop: qasync.QEventLoop, picker: ColumnPicker, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    load(qloop, picker, path)
    header = picker.view.horizontalHeader()
    with qtbot.waitSignal(picker.selection_changed, timeout=1000):
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(header.sectionViewportPosition(2) + 5, 5),
        )
    assert picker.column_combo.currentText() == "city"
    assert picker.column() == 2


def test_column_picker_header_checkbox_rereads_the_first_row_as_data(
    qtbot: QtBot, qloop: qasync.QEventLoop, picker: ColumnPicker, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    load(qloop, picker, path)
    qtbot.mouseClick(picker.header_check, Qt.MouseButton.LeftButton)
    run(qloop, until(lambda: picker.table is not None and not picker.table.has_header))
    run(qloop, until(lambda: picker.choose_button.isEnabled()))
    assert picker.model.rowCount() == 4
    assert picker.column_combo.itemText(1) == "Column 2"
    assert picker.column() == 1  # the person's column survives the re-read
    assert picker.first_row_number() == 1
    assert picker.file_label.text() == "list.csv: 4 rows"


def test_column_picker_encoding_picker_rereads_a_text_file(
    qloop: qasync.QEventLoop, picker: ColumnPicker, tmp_path: Path
) -> None:
    path = tmp_path / "arabic.csv"
    path.write_bytes("الاسم,رقم الجوال\nأحمد,+201066183456\n".encode("cp1256"))
    load(qloop, picker, path)
    assert picker.encoding_combo.currentData() == "cp1256"
    assert picker.column_combo.itemText(1) == "رقم الجوال"

    def choose(encoding: str) -> None:
        index = picker.encoding_combo.findData(encoding)
        picker.encoding_combo.setCurrentIndex(index)
        picker.encoding_combo.activated.emit(index)  # what a person's choice emits
        run(qloop, until(lambda: picker.table is not None and picker.table.encoding == encoding))

    choose("utf-8")
    assert "\ufffd" in picker.column_combo.itemText(1)
    choose("cp1256")
    assert picker.column_combo.itemText(1) == "رقم الجوال"


def test_column_picker_shows_why_a_file_cannot_be_used(
    qloop: qasync.QEventLoop, picker: ColumnPicker, tmp_path: Path
) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("\n\n", encoding="utf-8")
    load(qloop, picker, path)
    assert picker.error_label.isVisibleTo(picker)
    assert "empty.csv is empty" in picker.error_label.text()
    assert picker.selection() is None
    assert picker.file_label.text() == "No file chosen yet."


def test_column_picker_asks_for_a_column_when_none_looks_like_phones(
    qloop: qasync.QEventLoop, picker: ColumnPicker, tmp_path: Path
) -> None:
    path = tmp_path / "names.csv"
    path.write_text("name,city\nAhmed,Cairo\nSara,Riyadh\n", encoding="utf-8")
    load(qloop, picker, path)
    assert picker.column() is None
    assert "choose the phone column" in picker.info_label.text()
    assert picker.info_label.property("role") == "error"


def test_column_picker_shows_a_busy_indicator_while_reading(
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    picker: ColumnPicker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    release = threading.Event()
    real = column_picker.read_recipient_table

    def slow(*args: object) -> tuple[Table, int | None]:
        release.wait(10)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(column_picker, "read_recipient_table", slow)
    task = picker.load(path)
    run(qloop, until(picker.busy_bar.isVisible))
    assert not picker.choose_button.isEnabled()
    assert picker.file_label.text() == "Reading list.csv…"
    release.set()
    run(qloop, until(task.done))
    assert not picker.busy_bar.isVisible()
    assert picker.choose_button.isEnabled()


def test_api_value_keeps_spreadsheet_numbers_whole() -> None:
    assert api_value(966501234567.0) == 966501234567
    assert api_value(201066183456) == 201066183456
    assert api_value("+20 106") == "+20 106"
    assert api_value(1.5) == "1.5"
    assert api_value(None) == ""
    table = Table(headers=["n", "p"], rows=[["a", 2.0e11], ["b", "x"]])
    assert api_values(table, 1) == [200000000000, "x"]


def test_table_preview_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = TablePreviewModel()
    model.show_table(["name", "phone"], [PreviewRow(2, ("Ahmed", "+20")), PreviewRow(3, ("", ""))])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"
    model.show_table(["only"], [PreviewRow(1, ("x",))])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.columnCount() == 1
