"""The Send page driven like a person: compose, paste or import, preview, send, follow."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spreader_app.core.content import MAX_CAPTION, MAX_TEXT
from spreader_app.core.errors import ValidationFailed
from spreader_app.core.models import MessageType, WaitingStrategy
from spreader_app.core.phones import RejectReason, screen_recipients
from spreader_app.gui.pages.send.body import field_errors, open_body, utc_iso
from spreader_app.gui.pages.send_page import SendPage
from spreader_app.gui.tables.recipients_table import (
    RejectedEntry,
    RejectedTableModel,
    rejected_entries,
    write_rejected_csv,
)
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_file_dialog, answer_question
from tests.unit.core.test_recipients import make_xlsx

PASTED = "+201066183456\n01066183456\n+966501234567\n12345\nhello\n"


@pytest.fixture
def page(qtbot: QtBot, gui_env: GuiEnv) -> SendPage:
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    gui_env.add_profile(package_id, 2)
    send_page = SendPage(gui_env.context)
    qtbot.addWidget(send_page)
    send_page.resize(1000, 900)
    send_page.show()
    return send_page


def set_region(qtbot: QtBot, page: SendPage, region: str) -> None:
    page.recipients.region_edit.clear()
    qtbot.keyClicks(page.recipients.region_edit, region)


def test_send_page_paste_shows_valid_invalid_duplicate_and_suppressed_counts(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage
) -> None:
    gui_env.run(gui_env.container.inbox.suppress(gui_env.context.package_id, "+966501234567"))
    set_region(qtbot, page, "EG")
    page.recipients.paste_edit.insertPlainText(PASTED + "+201112345678\n")
    # Debounced: nothing is computed while the person is still typing.
    assert page.recipients.valid_label.text() == "Valid: –"
    gui_env.wait(lambda: page.recipients.valid_label.text() == "Valid: 2")
    assert page.recipients.invalid_label.text() == "Invalid: 2"
    assert page.recipients.duplicate_label.text() == "Duplicates: 1"
    assert page.recipients.suppressed_label.text() == "Suppressed: 1"
    assert "not a number" in page.recipients.reasons_label.text()
    assert "too short" in page.recipients.reasons_label.text()
    assert page.recipients.rejected_button.text().endswith("(4)")


def test_send_page_region_decides_how_local_numbers_read(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage
) -> None:
    set_region(qtbot, page, "")
    page.recipients.paste_edit.insertPlainText("01066183456\n")
    gui_env.wait(lambda: page.recipients.invalid_label.text() == "Invalid: 1")
    set_region(qtbot, page, "EG")
    gui_env.wait(lambda: page.recipients.valid_label.text() == "Valid: 1")
    set_region(qtbot, page, "QQ")
    gui_env.wait(lambda: page.recipients.error_label.isVisible())
    assert "Unknown phone region" in page.recipients.error_label.text()


def test_send_page_imports_csv_and_guesses_the_phone_column(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage, tmp_path: Path
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(
        "name,phone\nAhmed,+201066183456\nSara,+966501234567\nOmar,12345\n", encoding="utf-8"
    )
    qtbot.mouseClick(page.recipients.file_radio, Qt.MouseButton.LeftButton)
    assert page.recipients.file_radio.isChecked()
    qtbot.mouseClick(page.recipients.picker.choose_button, Qt.MouseButton.LeftButton)
    answer_file_dialog(gui_env, path)
    gui_env.wait(lambda: page.recipients.picker.column_combo.currentText() == "phone")
    gui_env.wait(lambda: page.recipients.valid_label.text() == "Valid: 2")
    assert page.recipients.invalid_label.text() == "Invalid: 1"
    assert "clients.csv: 3 rows" in page.recipients.picker.file_label.text()
    # Row numbers are the file's: the header is row 1, Omar is row 4.
    assert [e.row for e in page.recipients.rejected_model.rows()] == [4]


def test_send_page_imports_xlsx_number_cells(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage, tmp_path: Path
) -> None:
    path = tmp_path / "clients.xlsx"
    rows: list[list[object]] = [
        ["Name", "Mobile"],
        ["Ahmed", 201066183456],
        ["Sara", 966501234567],
        ["Omar", "n/a"],
    ]
    path.write_bytes(make_xlsx([("Clients", rows)]))
    qtbot.mouseClick(page.recipients.file_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.recipients.picker.choose_button, Qt.MouseButton.LeftButton)
    answer_file_dialog(gui_env, path)
    gui_env.wait(lambda: page.recipients.picker.column_combo.currentText() == "Mobile")
    gui_env.wait(lambda: page.recipients.valid_label.text() == "Valid: 2")
    assert page.recipients.invalid_label.text() == "Invalid: 1"
    assert not page.recipients.picker.encoding_combo.isVisibleTo(page.recipients.picker)


def test_send_page_preview_then_send_runs_the_campaign_to_completion(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage
) -> None:
    qtbot.keyClicks(page.content.text_edit, "Hello from the shop")
    page.recipients.paste_edit.insertPlainText(
        "+201066183456\n+966501234567\n+201112345678\n12345\n"
    )
    gui_env.wait(lambda: page.recipients.valid_label.text() == "Valid: 3")
    assert not page.send_button.isEnabled()

    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    gui_env.wait(page.plan_panel.isVisible)
    counts = page.plan_panel.counts
    assert len(counts) == 2 and sum(counts.values()) == 3
    assert page.plan_panel.eta_label.text().startswith("Estimated completion: ")
    assert "1 row will be skipped" in page.plan_panel.summary_label.text()
    assert page.send_button.isEnabled()

    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    question = answer_question(gui_env, "Send")
    assert "3 recipients through 2 profiles" in question
    gui_env.wait(lambda: page.stack.currentWidget() is page.campaign)
    view = page.campaign
    gui_env.wait(lambda: view.status_label.text() == "Status: Completed")
    gui_env.wait(lambda: view.sent_label.text() == "3")
    assert view.progress.value() == view.progress.maximum() == 4
    assert view.skipped_label.text() == "1"
    assert sorted(m.text for m in gui_env.fake.received) == ["Hello from the shop"] * 3
    assert not view.pause_button.isEnabled() and not view.cancel_button.isEnabled()

    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.composer
    assert page.recipients.paste_edit.toPlainText() == ""
    assert not page.send_button.isEnabled()


def test_send_page_ctrl_enter_previews_and_any_change_requires_a_new_preview(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage
) -> None:
    with qtbot.waitActive(page):
        page.activateWindow()
    qtbot.keyClicks(page.content.text_edit, "Hi")
    page.recipients.paste_edit.insertPlainText("+201066183456\n")
    qtbot.keyClick(page.content.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    gui_env.wait(page.send_button.isEnabled)
    assert page.content.text_edit.toPlainText() == "Hi"  # the shortcut previewed, it typed nothing
    qtbot.keyClicks(page.content.text_edit, "!")
    assert not page.send_button.isEnabled()
    assert not page.plan_panel.isVisible()


def test_send_page_service_errors_show_next_to_the_fields(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage
) -> None:
    page.recipients.paste_edit.insertPlainText("+201066183456\n")
    page.content.type_combo.setCurrentIndex(page.content.type_combo.findData("image"))
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    gui_env.wait(page.content.error_label.isVisible)
    assert page.content.error_label.text() == (
        "Media URL is required for a image message (or media_path for a local file)."
    )
    assert not page.plan_panel.isVisible()


def test_send_page_explains_an_inactive_package_in_plain_words(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage
) -> None:
    package_id = gui_env.context.package_id
    gui_env.run(gui_env.container.packages.update(package_id, {"status": "inactive"}))
    qtbot.keyClicks(page.content.text_edit, "Hi")
    page.recipients.paste_edit.insertPlainText("+201066183456\n")
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    gui_env.wait(page.send_button.isEnabled)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    answer_question(gui_env, "Send")
    gui_env.wait(page.send_error.isVisible)
    assert page.send_error.text() == "Package Shop is inactive; activate it to send."
    assert page.stack.currentWidget() is page.composer
    assert gui_env.fake.received == []


def test_send_page_without_profiles_cannot_send(
    qtbot: QtBot, gui_env: GuiEnv, tmp_path: Path
) -> None:
    gui_env.add_package(name="Empty")
    page = SendPage(gui_env.context)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.content.text_edit, "Hi")
    page.recipients.paste_edit.insertPlainText("+201066183456\n")
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    gui_env.wait(page.plan_panel.isVisible)
    assert page.plan_panel.warning_label.isVisibleTo(page)
    assert "cannot be planned" in page.plan_panel.warning_label.text()
    assert not page.send_button.isEnabled()


def test_send_page_without_a_package_says_what_to_do(qtbot: QtBot, gui_env: GuiEnv) -> None:
    page = SendPage(gui_env.context)
    qtbot.addWidget(page)
    shown: list[str] = []
    gui_env.context.navigate.connect(shown.append)
    assert page.stack.currentWidget() is page.empty
    assert page.empty.button is not None
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    assert shown == ["packages"]


def test_send_page_rejected_rows_export_to_csv_with_reasons(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage, tmp_path: Path
) -> None:
    set_region(qtbot, page, "EG")
    page.recipients.paste_edit.insertPlainText(PASTED)
    gui_env.wait(lambda: page.recipients.invalid_label.text() == "Invalid: 2")
    qtbot.mouseClick(page.recipients.rejected_button, Qt.MouseButton.LeftButton)
    assert page.recipients.rejected_view.isVisible()
    assert page.recipients.rejected_button.text().startswith("Hide")
    target = tmp_path / "rejected.csv"
    qtbot.mouseClick(page.recipients.export_button, Qt.MouseButton.LeftButton)
    answer_file_dialog(gui_env, target)
    gui_env.wait(target.exists)
    gui_env.wait(lambda: "Saved 3 rows" in page.recipients.screen_status.text())
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["row"], r["value"], r["reason"]) for r in rows] == [
        ("2", "01066183456", "duplicate"),
        ("4", "12345", "invalid:too_short"),
        ("5", "hello", "invalid:not_a_number"),
    ]
    assert rows[1]["message"] == RejectReason.TOO_SHORT.message


def test_send_page_character_count_warns_above_the_limit(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage
) -> None:
    qtbot.keyClicks(page.content.text_edit, "Hello")
    assert page.content.counter_label.text() == f"5 / {MAX_TEXT:,} characters"
    assert page.content.counter_label.property("role") == "hint"
    page.content.text_edit.setPlainText("x" * (MAX_TEXT + 2))
    assert (
        page.content.counter_label.text()
        == f"{MAX_TEXT + 2:,} / {MAX_TEXT:,} characters: 2 too many"
    )
    assert page.content.counter_label.property("role") == "error"
    page.content.type_combo.setCurrentIndex(page.content.type_combo.findData("image"))
    page.content.text_edit.setPlainText("y" * MAX_CAPTION)
    assert page.content.counter_label.text() == f"{MAX_CAPTION:,} / {MAX_CAPTION:,} characters"
    assert page.content.counter_label.property("role") == "hint"
    qtbot.keyClicks(page.content.text_edit, "z")
    assert page.content.counter_label.property("role") == "error"


def test_send_page_strategy_enables_drip_interval_and_schedule_time(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage
) -> None:
    assert not page.timing.drip_spin.isEnabled()
    page.timing.strategy_combo.setCurrentIndex(page.timing.strategy_combo.findData("drip"))
    assert page.timing.drip_spin.isEnabled()
    page.timing.strategy_combo.setCurrentIndex(page.timing.strategy_combo.findData("smart"))
    assert not page.timing.drip_spin.isEnabled()
    assert not page.timing.schedule_edit.isEnabled()
    qtbot.mouseClick(page.timing.schedule_check, Qt.MouseButton.LeftButton)
    assert page.timing.schedule_edit.isEnabled()


def test_open_body_matches_the_api_shape() -> None:
    body = open_body(
        kind=MessageType.IMAGE,
        text="See this",
        media_path="",
        media_url="https://example.com/a.jpg",
        recipients=["+201066183456", 966501234567],
        region="",
        strategy=WaitingStrategy.DRIP,
        drip_minutes=3,
        schedule_at=utc_iso(0),
    )
    assert body == {
        "type": "image",
        "caption": "See this",
        "media_url": "https://example.com/a.jpg",
        "recipients": ["+201066183456", 966501234567],
        "region": "",
        "options": {
            "waiting_strategy": "drip",
            "drip_interval_minutes": 3,
            "schedule_at": "1970-01-01T00:00:00+00:00",
        },
    }


def test_field_errors_group_sentences_by_section() -> None:
    exc = ValidationFailed(
        "bad",
        details=[
            {"field": "text", "message": "is required"},
            {"field": "options.drip_interval_minutes", "message": "is 0; it must be between 1"},
            {"field": "recipients", "input": "x", "reason": "invalid", "message": "no"},
            {"field": "recipients", "input": "y", "reason": "invalid", "message": "no"},
        ],
    )
    assert field_errors(exc) == {
        "content": ["Message text is required."],
        "timing": ["Drip interval is 0; it must be between 1."],
        "recipients": ["bad"],
    }


def test_write_rejected_csv_neutralises_formulas(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_rejected_csv(
        path,
        [
            RejectedEntry(1, "=HYPERLINK(1)", "invalid:not_a_number", "m"),
            RejectedEntry(2, "+20 106", "invalid:too_short", "m"),
        ],
    )
    text = path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(1)" in text
    assert ",+20 106," in text


def test_rejected_table_model_passes_the_model_tester(qtmodeltester: object) -> None:
    inputs = ["+201066183456", "12345", "+201066183456", "hello"]
    model = RejectedTableModel()
    model.reset(rejected_entries(screen_recipients(inputs, "EG"), first_row=2))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["3", "4", "5"]
    assert [model.data(model.index(r, 2)) for r in range(3)] == [
        "Too short",
        "Duplicate",
        "Not a number",
    ]
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == (
        RejectReason.TOO_SHORT.message
    )
    model.apply(rejected_entries(screen_recipients(["x"])))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 1
