"""The pool breaker as the owner meets it in the window, on the real engine and the fake
gateway: a ban shows the banner, a second ban pauses and Resume needs a note, Release sends
the held recipients through the other devices, the campaign view counts them and says why,
and the profiles page shows the slowed pace."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from spreader_app.core.models import Message, MessageStatus
from spreader_app.core.pool import PoolState
from spreader_app.core.services.sending import read_open_request
from spreader_app.gui.pages.campaign_view import CampaignView
from spreader_app.gui.pages.packages_page import PackagesPage
from spreader_app.gui.pages.profiles_page import ProfilesPage
from spreader_app.gui.widgets.pool_dialogs import ResumeDialog
from spreader_app.storage.orm import DeliveryRow
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_question, click_row, show_in_window, visible_window

_LEFT = Qt.MouseButton.LeftButton
RECIPIENTS = [f"+2010000000{n:02d}" for n in range(12)]


def campaign(env: GuiEnv, banned: int) -> tuple[str, Message]:
    """Three warm devices, the first ``banned`` of them banned at the gateway, and a
    campaign of 12 recipients; returns once every recipient is sent or held."""
    package_id = env.add_package()
    for n in (1, 2, 3):
        env.add_profile(package_id, n, warmup_stage=10)
    for n in range(1, banned + 1):
        env.fake.set_device_state(f"dev-{n}", "banned")
    body = {"type": "text", "text": "Spring sale", "recipients": RECIPIENTS}
    sending = env.container.sending
    sent = env.run(sending.send_open(package_id, read_open_request(body))).message

    def settled(m: Message, state: PoolState) -> bool:
        # Paused: the last device's recipients wait for the owner too (not held, paused).
        finished = m.processed_count + m.held_count == m.total_recipients
        return m.held_count > 0 and (finished or state is PoolState.PAUSED)

    return package_id, wait_message(env, package_id, sent.id, settled)


def held_count(env: GuiEnv, message_id: str) -> int:
    """The message's held deliveries as the database has them now."""
    return int(
        env.container.db.run_sync(
            lambda s: s.scalar(
                select(func.count())
                .select_from(DeliveryRow)
                .where(DeliveryRow.message_id == message_id, DeliveryRow.status == "held")
            )
        )
    )


def wait_message(
    env: GuiEnv, package_id: str, message_id: str, done: Callable[[Message, PoolState], bool]
) -> Message:
    """Polls the message and the pool until ``done`` says so (the engine runs meanwhile)."""

    async def poll() -> Message:
        while True:
            m = await env.container.sending.message(package_id, message_id)
            if done(m, (await env.container.pool.view_of(package_id)).state):
                return m
            await asyncio.sleep(0.05)

    return env.run(poll(), timeout=30)


def pool_state(env: GuiEnv, package_id: str) -> PoolState:
    return env.run(env.container.pool.view_of(package_id)).state


def test_a_second_ban_shows_the_paused_banner_and_resume_needs_a_note(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    package_id, message = campaign(gui_env, banned=2)
    assert pool_state(gui_env, package_id) is PoolState.PAUSED
    page = PackagesPage(gui_env.context)
    host = show_in_window(qtbot, gui_env, page)  # noqa: F841 (kept alive for the test)
    banner = page.pool_banner
    gui_env.wait(banner.isVisible)
    assert banner.headline_label.text() == (
        "Open Chat of this package is paused after a second ban"
    )
    # The second device's work may still be moving to held when the pool pauses: the banner
    # follows the count as the engine writes it.

    def held_now() -> int:
        return held_count(gui_env, message.id)

    gui_env.wait(lambda: f"{held_now()} recipients held" in banner.held_label.text())
    assert "Phone 1" in banner.blocked_label.text() and "Phone 2" in banner.blocked_label.text()
    common = banner.common_label.text()
    assert common.startswith("What Phone") and "the campaign “Spring sale”" in common
    assert banner.resume_button.isVisible() and banner.release_button.isEnabled()
    assert banner.headline_label.accessibleDescription() == banner.headline_label.text()

    qtbot.mouseClick(banner.resume_button, _LEFT)
    gui_env.wait(lambda: visible_window(ResumeDialog) is not None)
    dialog = visible_window(ResumeDialog)
    assert dialog is not None
    qtbot.mouseClick(dialog.resume_button, _LEFT)  # no note
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "A note is required" in dialog.error_label.text()
    assert pool_state(gui_env, package_id) is PoolState.PAUSED

    dialog.note_edit.setFocus()
    qtbot.keyClicks(dialog.note_edit, "Checked both numbers; new text next time.")
    qtbot.mouseClick(dialog.resume_button, _LEFT)
    gui_env.wait(lambda: banner.headline_label.text().startswith("Sending slowed to 50%"))
    assert banner.result_label.text().startswith("Open Chat resumed")
    assert pool_state(gui_env, package_id) is PoolState.SLOWED
    assert not banner.resume_button.isVisible()
    events = gui_env.run(gui_env.container.pool.events(package_id))
    assert events[-1].note == "Checked both numbers; new text next time."


def test_release_sends_the_held_recipients_through_the_other_devices(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    package_id, message = campaign(gui_env, banned=1)
    held = message.held_count
    page = ProfilesPage(gui_env.context)
    host = show_in_window(qtbot, gui_env, page)  # noqa: F841 (kept alive for the test)
    banner = page.pool_banner
    gui_env.wait(banner.isVisible)
    assert banner.headline_label.text() == "Sending slowed to 50% of normal after a ban"
    assert "until" in banner.timing_label.text() and banner.reason_label.text()
    assert banner.common_label.isHidden()  # one ban: nothing to compare yet
    before = len(gui_env.fake.received)

    qtbot.mouseClick(banner.release_button, _LEFT)
    question = answer_question(gui_env, "Release")
    assert f"{held} held recipients" in question
    completed = MessageStatus.COMPLETED
    done = wait_message(gui_env, package_id, message.id, lambda m, _: m.status is completed)
    assert (done.sent_count, done.held_count) == (len(RECIPIENTS), 0)
    later = gui_env.fake.received[before:]
    assert len(later) == held and {m.device_uuid for m in later} <= {"dev-2", "dev-3"}
    gui_env.wait(lambda: "released" in banner.result_label.text() or banner.isHidden())

    # The pace line of a healthy device says the pool slowed it.
    gui_env.wait(lambda: page.model.rowCount() == 3)
    click_row(qtbot, page.table, 1)
    gui_env.wait(page.gauges.isVisible)
    assert page.gauges.pace_label.text() == (
        "Caps and pace at 50%: the package's devices are slowed (see the banner)."
    )
    assert page.gauges.health_label.text().startswith("Health ")
    assert page.gauges.warmup_label.text().startswith("Warmed up")


def test_campaign_view_counts_held_and_says_why(qtbot: QtBot, gui_env: GuiEnv) -> None:
    package_id, message = campaign(gui_env, banned=1)
    view = CampaignView(gui_env.context)
    qtbot.addWidget(view)
    view.show()
    view.show_message(message)
    gui_env.wait(lambda: view.held_label.text() == str(message.held_count))
    gui_env.wait(view.held_note.isVisible)
    assert view.held_note.text() == (
        "Held because Phone 1 was banned, and sending is slowed; release or cancel them "
        "from the banner above."
    )
    assert view.held_label.accessibleDescription() == str(message.held_count)
