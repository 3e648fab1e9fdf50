"""The running-campaign view: live progress, pause, resume and cancel on the real engine."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spreader_app.core.events import MessageProgress
from spreader_app.core.models import (
    Message,
    MessageContent,
    MessageMode,
    MessageStatus,
    MessageType,
)
from spreader_app.core.services.sending import read_open_request
from spreader_app.gui.pages.campaign_view import (
    TITLE_CHARS,
    CampaignView,
    campaign_title,
    content_summary,
    format_duration,
    format_eta,
)
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import answer_question

DONE = MessageStatus.COMPLETED
NUMBERS = ["+201066183456", "+966501234567", "+201112345678"]


def send(env: GuiEnv, **options: object) -> Message:
    package_id = env.add_package()
    env.add_profile(package_id, 1)
    env.add_profile(package_id, 2)
    body = {"type": "text", "text": "Offer", "recipients": NUMBERS, "options": options}
    result = env.run(env.container.sending.send_open(package_id, read_open_request(body)))
    return result.message


@pytest.fixture
def view(qtbot: QtBot, gui_env: GuiEnv) -> CampaignView:
    campaign = CampaignView(gui_env.context)
    qtbot.addWidget(campaign)
    campaign.show()
    return campaign


def test_campaign_view_follows_progress_to_completion(
    qtbot: QtBot, gui_env: GuiEnv, view: CampaignView
) -> None:
    view.show_message(send(gui_env))
    gui_env.wait(lambda: view.status_label.text() == "Status: Completed")
    gui_env.wait(lambda: view.sent_label.text() == "3")
    assert view.progress.value() == view.progress.maximum() == 3
    assert view.failed_label.text() == "0"
    assert view.eta_label.text().startswith("Finished at ")
    assert not any(
        b.isEnabled() for b in (view.pause_button, view.resume_button, view.cancel_button)
    )
    assert len(gui_env.fake.received) == 3


def test_campaign_view_pause_resume_and_cancel_a_drip_campaign(
    qtbot: QtBot, gui_env: GuiEnv, view: CampaignView
) -> None:
    view.show_message(send(gui_env, waiting_strategy="drip", drip_interval_minutes=1))
    assert view.pause_button.isEnabled() and not view.resume_button.isEnabled()
    gui_env.wait(lambda: view.sent_label.text() == "1")

    qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: view.status_label.text() == "Status: Paused")
    gui_env.wait(view.action_box.isEnabled)
    assert not view.pause_button.isEnabled()
    assert view.resume_button.isEnabled() and view.cancel_button.isEnabled()
    assert view.eta_label.text().startswith("Paused")

    qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: view.status_label.text() == "Status: Sending")
    gui_env.wait(view.action_box.isEnabled)
    assert view.pause_button.isEnabled() and not view.resume_button.isEnabled()
    assert view.eta_label.text().startswith("Estimated completion: ")

    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    answer_question(gui_env, "Cancel")  # changed their mind
    gui_env.wait(view.action_box.isEnabled)
    assert view.status_label.text() == "Status: Sending"

    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    answer_question(gui_env, "Cancel campaign")
    gui_env.wait(lambda: view.status_label.text() == "Status: Cancelled")
    gui_env.wait(view.action_box.isEnabled)
    assert not any(
        b.isEnabled() for b in (view.pause_button, view.resume_button, view.cancel_button)
    )
    assert view.progress.value() == view.progress.maximum() == 3
    assert len(gui_env.fake.received) == 1


def test_campaign_view_keeps_pause_when_an_older_progress_event_arrives_after_it(
    qtbot: QtBot, gui_env: GuiEnv, view: CampaignView
) -> None:
    message = send(gui_env, waiting_strategy="drip", drip_interval_minutes=1)
    view.show_message(message)
    gui_env.wait(lambda: view.sent_label.text() == "1")
    qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    gui_env.wait(lambda: view.status_label.text() == "Status: Paused")
    gui_env.wait(view.action_box.isEnabled)

    # The engine's news of the first send, published before the pause and flushed after it.
    older = MessageProgress(
        message.id, message.package_id, MessageStatus.PROCESSING, len(NUMBERS), 1, 0
    )
    gui_env.container.events.publish(older)
    gui_env.bridge.flush()
    assert view.status_label.text() == "Status: Paused"
    assert not view.pause_button.isEnabled() and view.resume_button.isEnabled()
    gui_env.wait(lambda: not view.refresher.loading)
    assert view.status_label.text() == "Status: Paused"
    assert view.progress.value() == 1 and view.sent_label.text() == "1"


def test_campaign_view_shows_service_refusals_inline(
    qtbot: QtBot, gui_env: GuiEnv, view: CampaignView
) -> None:
    message = send(gui_env)

    async def completed() -> None:
        sending = gui_env.container.sending
        while (await sending.message(message.package_id, message.id)).status is not DONE:
            await asyncio.sleep(0.02)

    gui_env.run(completed())
    # A stale copy still says "sending": the person can press Pause, the engine refuses.
    view.show_message(dataclasses.replace(message, status=MessageStatus.PROCESSING))
    qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    gui_env.wait(view.error_label.isVisible)
    assert "cannot be paused" in view.error_label.text()
    gui_env.wait(lambda: view.status_label.text() == "Status: Completed")
    assert not view.pause_button.isEnabled()


def test_campaign_view_new_message_button_asks_for_the_composer(
    qtbot: QtBot, gui_env: GuiEnv, view: CampaignView
) -> None:
    view.show_message(send(gui_env))
    with qtbot.waitSignal(view.new_message_requested, timeout=1000):
        qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)


def test_format_duration_reads_like_a_person_would_say_it() -> None:
    assert format_duration(-5) == "less than a minute"
    assert format_duration(59) == "less than a minute"
    assert format_duration(45 * 60) == "45 min"
    assert format_duration(2 * 3600) == "2 h"
    assert format_duration(2 * 3600 + 10 * 60 + 30) == "2 h 10 min"
    assert format_duration(3 * 86400 + 4 * 3600) == "3 d 4 h"
    assert format_duration(2 * 86400) == "2 d"


def test_format_eta_gives_local_time_and_how_long() -> None:
    now = datetime(2025, 6, 16, 9, 0).astimezone()
    soon = now + timedelta(hours=2, minutes=10)
    assert format_eta(soon, now) == f"{soon.strftime('%H:%M')} (in 2 h 10 min)"
    later = now + timedelta(days=2)
    assert format_eta(later, now) == f"{later.strftime('%a %d %b %Y, %H:%M')} (in 2 d)"
    assert format_eta(now, now).endswith("(now)")


def test_content_summary_names_text_or_media() -> None:
    text = Message("m", "p", MessageMode.OPEN, MessageContent(text="Hi  there"), DONE)
    assert content_summary(text) == ("Text:", "Hi  there")
    media = dataclasses.replace(
        text,
        content=MessageContent(
            MessageType.IMAGE, media_url="https://x.test/a/b.jpg", caption="New"
        ),
    )
    assert content_summary(media) == ("Image: b.jpg, caption:", "New")
    no_caption = dataclasses.replace(media, content=MessageContent(MessageType.VOICE, "", "v.ogg"))
    assert content_summary(no_caption) == ("Voice: v.ogg", "")


def test_campaign_title_is_the_text_not_the_id() -> None:
    def message(content: MessageContent) -> Message:
        return Message("msg-123", "pkg", MessageMode.OPEN, content, MessageStatus.QUEUED)

    assert campaign_title(message(MessageContent(text="\n Eid sale: 20% off\nCome by"))) == (
        "Eid sale: 20% off"
    )
    long = campaign_title(message(MessageContent(text="x" * 100)))
    assert len(long) == TITLE_CHARS and long.endswith("…")
    photo = MessageContent(type=MessageType.IMAGE, media_url="https://a.example/b.jpg")
    assert campaign_title(message(photo)) == "Image: b.jpg"
