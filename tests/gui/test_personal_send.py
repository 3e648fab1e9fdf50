"""Personal messages in the window: a CSV with a name column, {{name}} in the text, the
preview showing real rows (the worst one included), the one-click fallback, sending, and
the texts shown afterwards per delivery and in the inbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from spreader_app.core.models import MessageFilter
from spreader_app.gui.pages.send_page import SendPage
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_file_dialog, answer_question, visible_window

CSV = (
    "الاسم,الجوال,المدينة\n"
    "أحمد,+201066183456,القاهرة\n"
    ",+966501234567,الرياض\n"  # no name: needs the fallback
    "عبد الرحمن بن عبد العزيز,+201112345678,الجيزة\n"
)


@pytest.fixture
def page(qtbot: QtBot, gui_env: GuiEnv) -> SendPage:
    package_id = gui_env.add_package()
    gui_env.add_profile(package_id, 1)
    send_page = SendPage(gui_env.context)
    qtbot.addWidget(send_page)
    send_page.resize(1000, 1100)
    send_page.show()
    return send_page


def import_csv(qtbot: QtBot, gui_env: GuiEnv, page: SendPage, path: Path) -> None:
    path.write_text(CSV, encoding="utf-8")
    qtbot.mouseClick(page.recipients.file_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.recipients.picker.choose_button, Qt.MouseButton.LeftButton)
    answer_file_dialog(gui_env, path)
    gui_env.wait(lambda: page.recipients.valid_label.text() == "Valid: 3")


def test_personal_campaign_previews_the_worst_row_then_sends_each_its_text(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage, tmp_path: Path
) -> None:
    import_csv(qtbot, gui_env, page, tmp_path / "clients.csv")
    assert page.recipients.picker.column_combo.currentText() == "الجوال"
    page.content.text_edit.setPlainText("{مرحبا|أهلا} {{الاسم}}، عرض خاص لفرع {{ المدينة }}")
    info = page.personal.info_label.text().replace("\u2068", "").replace("\u2069", "")
    assert "column “الاسم”" in info and "Variants of the text: 2." in info

    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    gui_env.wait(page.samples.isVisible)
    kinds = [w.accessibleName() for w in page.samples.findChildren(type(page.personal.info_label))]
    assert any("Row 2" in k and "first row" in k for k in kinds)
    assert any("Row 4" in k and "longest text" in k for k in kinds)
    assert any("Row 3" in k and "empty value" in k for k in kinds)
    assert "(rows 3)" in page.samples.problem_label.text()
    assert not page.send_button.isEnabled()  # an empty name blocks the send

    page.samples.fallback_edit.setText("عميلنا")
    qtbot.mouseClick(page.samples.fallback_button, Qt.MouseButton.LeftButton)
    gui_env.wait(page.send_button.isEnabled)
    assert not page.samples.problem_label.isVisible()

    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    assert "3 recipients" in answer_question(gui_env, "Send")
    gui_env.wait(lambda: page.stack.currentWidget() is page.campaign)
    gui_env.wait(lambda: page.campaign.sent_label.text() == "3")
    sent = {m.recipient: m.text for m in gui_env.fake.received}
    assert sent["201066183456"].endswith(" أحمد، عرض خاص لفرع القاهرة")
    assert sent["966501234567"].endswith(" عميلنا، عرض خاص لفرع الرياض")
    assert "\u2066" not in "".join(sent.values())  # display marks never travel

    package_id = gui_env.context.package_id
    services = gui_env.container
    messages, _ = gui_env.run(services.sending.messages(package_id, MessageFilter()))
    deliveries, _ = gui_env.run(services.sending.deliveries(package_id, messages[0].id))
    assert {d.recipient: d.text for d in deliveries} == {f"+{k}": v for k, v in sent.items()}
    thread = gui_env.run(services.inbox.conversation(package_id, "+966501234567"))
    assert thread[-1].text == sent["966501234567"]

    qtbot.mouseClick(page.campaign.save_template_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: visible_window(QInputDialog) is not None)
    dialog = visible_window(QInputDialog)
    assert dialog is not None
    dialog.setTextValue("عرض الفروع")
    dialog.accept()
    gui_env.wait(page.campaign.save_template_button.isEnabled)  # busy until saved
    saved = gui_env.run(services.templates.list(package_id))
    assert [t.name for t in saved] == ["عرض الفروع"]
    assert saved[0].content.text == messages[0].content.text


def test_unknown_variable_is_named_with_the_columns_while_typing(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage, tmp_path: Path
) -> None:
    import_csv(qtbot, gui_env, page, tmp_path / "clients.csv")
    page.content.text_edit.setPlainText("Hi {{first name}}")
    info = page.personal.info_label.text().replace("\u2068", "").replace("\u2069", "")
    assert "{{first name}}: no such column" in info
    assert "الاسم, المدينة" in info
    assert page.personal.info_label.property("role") == "error"


def test_template_picked_in_the_composer_fills_the_text(
    qtbot: QtBot, gui_env: GuiEnv, page: SendPage
) -> None:
    package_id = gui_env.context.package_id
    body = {"name": "Welcome", "text": "{Hi|Hello} {{name | friend}}"}
    gui_env.run(gui_env.container.templates.create(package_id, body))
    page.personal.reload()
    gui_env.wait(lambda: page.personal.template_combo.count() == 2)
    page.personal.template_combo.setCurrentIndex(1)
    page.personal.template_combo.activated.emit(1)
    assert page.content.text_edit.toPlainText() == "{Hi|Hello} {{name | friend}}"
