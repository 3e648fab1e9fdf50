"""Screenshots of the pool breaker in the real desktop window: a device banned mid-campaign
(the banner, the campaign's held recipients, the profiles' gauges in words), then a second
ban (the paused banner with what the banned devices had in common, the pool's events, and
Resume refusing a blank note).

Run under X (``scripts/screenshots.sh`` starts Xvfb for you)::

    DISPLAY=:97 QT_QPA_PLATFORM=xcb python3 scripts/screenshots_pool.py docs/screenshots

``SPREADER_LANGUAGE=ar`` takes the same walk in the Arabic, right-to-left interface.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.screenshots import run_walk, settle, until  # noqa: E402
from scripts.shot_window import select_named, shot_window  # noqa: E402
from spreader_app.bootstrap import Container  # noqa: E402
from spreader_app.core.models import Message  # noqa: E402
from spreader_app.core.pool import PoolState  # noqa: E402
from spreader_app.core.services.sending import read_open_request  # noqa: E402
from spreader_app.gui.widgets.pool_dialogs import PoolEventsDialog, ResumeDialog  # noqa: E402


def numbers(count: int, start: int) -> list[str]:
    return [f"+2010{n:08d}" for n in range(start, start + count)]


async def settled(
    container: Container, package_id: str, message_id: str, sent: int, state: PoolState
) -> Message:
    """Waits until the campaign holds recipients, has ``sent`` sent and the pool is in
    ``state`` (the new number's recipients wait for its warm-up: days, not seconds)."""
    for _ in range(600):
        m = await container.sending.message(package_id, message_id)
        now = (await container.pool.view_of(package_id)).state
        if m.held_count and m.sent_count >= sent and now is state:
            return m
        await asyncio.sleep(0.1)
    raise TimeoutError("the campaign did not settle")


async def top_dialog(kind: type[QDialog]) -> QDialog:
    for _ in range(100):
        for w in QApplication.topLevelWidgets():
            if isinstance(w, kind) and w.isVisible():
                return w
        await asyncio.sleep(0.05)
    raise TimeoutError(f"no {kind.__name__} appeared")


async def walk(out: Path) -> None:
    async with shot_window(out, port=18778) as w:
        pkg = await w.container.packages.create(
            {
                "name": "متجر القاهرة" if w.arabic else "Cairo Shop",
                "timezone": "Africa/Cairo",
                "active_hours_start": "00:00",
                "active_hours_end": "00:00",
                # Taken at any hour: the customers' quiet hours would hold the campaign at night.
                "recipient_quiet_hours": None,
                "cooldown_seconds": 0,
                "max_messages_per_profile_per_hour": 40,
                "max_messages_per_profile_per_day": 300,
            }
        )
        names = (
            ["مبيعات 1", "مبيعات 2", "الدعم", "رقم جديد"]
            if w.arabic
            else ["Sales 1", "Sales 2", "Support", "New number"]
        )
        for n, name in enumerate(names):
            w.fake.add_device(f"dev-{n}", f"token-{n}-abcdefgh")
            await w.container.profiles.create(
                pkg.id,
                {
                    "name": name,
                    "zentra_uuid": f"dev-{n}",
                    "zentra_api_token": f"token-{n}-abcdefgh",
                    # Three numbers in use for months; the fourth is new and warming up.
                    "warmup_stage": 3 if n == 3 else 10,
                },
            )
        await w.session.context.reload_packages()
        w.session.context.set_package(pkg.id)

        text = "عرض الربيع: خصم ٢٠٪ هذا الأسبوع" if w.arabic else "Spring sale: 20% off this week"
        w.fake.set_device_state("dev-0", "banned")
        body = {"type": "text", "text": text, "recipients": numbers(24, 1)}
        first = await w.container.sending.send_open(pkg.id, read_open_request(body))
        first_message = await settled(w.container, pkg.id, first.message.id, 12, PoolState.SLOWED)

        w.window.show_page("packages")
        banner = w.window.page("packages").pool_banner
        await until(banner.isVisible)
        await settle(1.0)
        w.shot("40-pool-banner-slowed")

        w.window.show_page("send")
        send = w.window.page("send")
        send.campaign.show_message(first_message)
        send.stack.setCurrentWidget(send.campaign)
        await until(send.campaign.held_note.isVisible)
        await settle(1.0)
        w.shot("41-campaign-held")

        w.window.show_page("profiles")
        profiles = w.window.page("profiles")
        await until(lambda: profiles.model.rowCount() == 4)
        select_named(profiles.table, names[3])
        await until(profiles.gauges.isVisible)
        await settle(1.5)
        w.shot("42-profile-gauges-slowed")

        # A second ban within the day: Open Chat pauses.
        w.fake.set_device_state("dev-1", "banned")
        body = {"type": "text", "text": text, "recipients": numbers(12, 100)}
        second = await w.container.sending.send_open(pkg.id, read_open_request(body))
        await settled(w.container, pkg.id, second.message.id, 0, PoolState.PAUSED)
        w.window.show_page("packages")
        await until(lambda: banner.resume_button.isVisible())
        await settle(1.0)
        w.shot("43-pool-banner-paused")

        banner.review_button.click()
        events = await top_dialog(PoolEventsDialog)
        await settle(0.5)
        w.shot("44-pool-events", events)
        events.reject()
        await until(banner.action_box.isEnabled)

        banner.resume_button.click()
        resume = await top_dialog(ResumeDialog)
        assert isinstance(resume, ResumeDialog)
        resume.resume_button.click()  # no note: refused
        await settle(0.5)
        w.shot("45-resume-note-required", resume)
        resume.reject()
        await settle(0.3)


def main() -> int:
    return run_walk(walk)


if __name__ == "__main__":
    raise SystemExit(main())
