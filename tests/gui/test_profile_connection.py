"""The profile dialog tests a device before it is saved, and says which problem it has."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from spreader_app.core.services.connection import NO_STATUS_CHECK
from spreader_app.gui.pages.profile_dialog import ProfileDialog
from tests.gui.conftest import GuiEnv

DEVICE, TOKEN = "dev-9", "token-9-abcdefgh"


def result_of_test(env: GuiEnv, dialog: ProfileDialog) -> str:
    dialog.test_result.setText("")
    dialog.test_button.click()
    env.wait(lambda: dialog.test_result.text() not in ("", "Testing…"))
    return dialog.test_result.text()


def test_profile_dialog_tests_the_connection_before_saving(qtbot: QtBot, gui_env: GuiEnv) -> None:
    package_id = gui_env.add_package()
    gui_env.fake.add_device(DEVICE, TOKEN)
    gui_env.fake.lookups_enabled = True
    dialog = ProfileDialog(gui_env.context, package_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.test_button.isEnabled()  # nothing to test yet

    dialog.device_edit.setText(DEVICE)
    dialog.token_edit.setText(TOKEN)
    assert dialog.test_button.isEnabled()
    assert result_of_test(gui_env, dialog).startswith("Connected:")
    dialog.token_edit.setText("token-0-wrongwrong")
    assert "refused the device's token" in result_of_test(gui_env, dialog)
    dialog.token_edit.setText(TOKEN)
    dialog.device_edit.setText("dev-unknown")
    assert "does not know this device" in result_of_test(gui_env, dialog)
    dialog.device_edit.setText(DEVICE)
    gui_env.fake.set_device_state(DEVICE, "disconnected")
    assert "scan its QR code" in result_of_test(gui_env, dialog)
    assert gui_env.run(gui_env.container.profiles.list(package_id)) == []  # nothing saved


def test_profile_dialog_without_status_check_sends_a_test_message(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    package_id = gui_env.add_package()
    gui_env.fake.add_device(DEVICE, TOKEN)
    dialog = ProfileDialog(gui_env.context, package_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.device_edit.setText(DEVICE)
    dialog.token_edit.setText(TOKEN)

    assert result_of_test(gui_env, dialog) == str(NO_STATUS_CHECK)
    dialog.own_number_edit.setText("12")
    result_of_test(gui_env, dialog)
    assert dialog.error_text("own_number")
    dialog.own_number_edit.setText("+201066183456")
    assert "test message to" in result_of_test(gui_env, dialog)
    assert [m.recipient for m in gui_env.fake.received] == ["201066183456"]
