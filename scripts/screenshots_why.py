"""Screenshots of why each recipient waits and why a device's health fell, in the real
desktop window: the Messages page's "Why?" column, the campaign's waiting-reasons line, the
profiles page's gauges with the reasons behind a health score, then each customer on their
own clock: the plan preview's local times and zone sources, the package form's quiet hours
and country zones, and the campaign's own deliveries with a whole "Why?" sentence.

One campaign reaches Egypt, Saudi Arabia, Morocco and the UK. The package's quiet hours are
set from the clock now so that, whatever the hour, Cairo and Riyadh are inside them while
Casablanca and London are not; the awake recipients outnumber the devices' hourly caps. One
device answers "rate limited" and "not connected" from the fake gateway now and then, so its
health has deductions to show.

Run under X (``scripts/screenshots.sh`` starts Xvfb for you)::

    DISPLAY=:97 QT_QPA_PLATFORM=xcb python3 scripts/screenshots_why.py docs/screenshots

``SPREADER_LANGUAGE=ar`` takes the same walk in the Arabic, right-to-left interface.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QScrollArea, QSplitter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.screenshots import run_walk, settle, until  # noqa: E402
from scripts.shot_window import ShotWindow, select_named, select_row, shot_window  # noqa: E402
from spreader_app.core.models import Message  # noqa: E402
from spreader_app.core.services.sending import read_open_request  # noqa: E402
from spreader_app.gui.tables.messages_table import delivery_columns  # noqa: E402
from spreader_app.gui.tables.snapshot_model import ROW_ROLE  # noqa: E402
from tests.fakes.faults import Fault, FaultSpec  # noqa: E402

EGYPT = [f"+2010012345{n:02d}" for n in range(3)]
SAUDI = [f"+9665012345{n:02d}" for n in range(3)]
MOROCCO = [f"+2126123456{n:02d}" for n in range(4)]
UK = [f"+4479111234{n:02d}" for n in range(6)]
HOURLY_CAP = 2


def quiet_window(now: datetime) -> str:
    """Quiet from 90 minutes after London's time now, for 12 hours: Cairo (London + 2 h)
    and Riyadh (+ 3 h or + 2 h) are inside, Casablanca (+ 1 h or + 0 h) and London not."""
    start = now.astimezone(ZoneInfo("Europe/London")) + timedelta(minutes=90)
    return f"{start:%H:%M}-{start + timedelta(hours=12):%H:%M}"


def support_troubles() -> Callable[[int, str, str], FaultSpec | None]:
    """ "Support" (``dev-2``) is rate limited on its first send and not connected on its
    second; every other request is answered well."""
    seen = 0

    def choose(seq: int, device: str, recipient: str) -> FaultSpec | None:
        nonlocal seen
        if device != "dev-2":
            return None
        seen += 1
        if seen == 1:
            return FaultSpec(Fault.RATE_LIMIT, retry_after=0.2)
        return FaultSpec(Fault.SUCCESS_FALSE) if seen == 2 else None

    return choose


async def walk(out: Path) -> None:
    async with shot_window(out, port=18779) as w:
        await campaign(w)


async def campaign(w: ShotWindow) -> None:
    container, fake, window, arabic = w.container, w.fake, w.window, w.arabic
    session = w.session
    pkg = await container.packages.create(
        {
            "name": "متجر القاهرة" if arabic else "Cairo Shop",
            "timezone": "Africa/Cairo",
            "active_hours_start": "00:00",
            "active_hours_end": "00:00",
            "cooldown_seconds": 0,
            "max_messages_per_profile_per_hour": HOURLY_CAP,
            "max_messages_per_profile_per_day": 300,
            "recipient_quiet_hours": quiet_window(datetime.now(UTC)),
            "retry_attempts": 3,
            "retry_delay_ms": 200,
        }
    )
    names = ["مبيعات 1", "مبيعات 2", "الدعم"] if arabic else ["Sales 1", "Sales 2", "Support"]
    for n, name in enumerate(names):
        fake.add_device(f"dev-{n}", f"token-{n}-abcdefgh")
        await container.profiles.create(
            pkg.id,
            {"name": name, "zentra_uuid": f"dev-{n}", "zentra_api_token": f"token-{n}-abcdefgh"},
        )
    fake.faults.add_chooser(support_troubles())
    await session.context.reload_packages()
    session.context.set_package(pkg.id)

    text = "عرض الربيع: خصم ٢٠٪ هذا الأسبوع" if arabic else "Spring sale: 20% off this week"
    body = {"type": "text", "text": text, "recipients": EGYPT + SAUDI + MOROCCO + UK}
    accepted = await container.sending.send_open(pkg.id, read_open_request(body))
    # Settled: something sent and nothing more for three seconds (the rest waits for hours).
    last, still = -1, 0
    for _ in range(600):
        message = await container.sending.message(pkg.id, accepted.message.id)
        still = still + 1 if message.sent_count == last else 0
        last = message.sent_count
        if last and still >= 30:
            break
        await asyncio.sleep(0.1)
    else:
        raise TimeoutError("the campaign did not settle")
    # A customer who wrote to "Support" asks to hear no more.
    stop = {"device_uuid": "dev-2", "from": UK[-1], "text": "STOP", "message_id": "in-1"}
    await container.inbox.receive(json.dumps(stop).encode(), "application/json")
    await settle(1.0)

    window.show_page("messages")
    messages = window.page("messages")
    await until(lambda: messages.table.model().rowCount() >= 1)
    select_row(messages.table, 0)
    await until(lambda: messages.delivery_model.rowCount() >= len(body["recipients"]) - 1)
    # Most of the height to the deliveries, most of their width to "Why?".
    splitter = messages.delivery_table.parentWidget()
    while not isinstance(splitter, QSplitter):
        splitter = splitter.parentWidget()
    splitter.setSizes([160, 520])
    why = next(n for n, c in enumerate(delivery_columns()) if c.header == "Why?")
    messages.delivery_table.setColumnWidth(why, 900)
    await settle(1.5)
    w.shot("50-why-column")

    window.show_page("send")
    send = window.page("send")
    send.campaign.show_message(message)
    send.stack.setCurrentWidget(send.campaign)
    await until(lambda: bool(send.campaign.waiting_label.text()))
    await settle(1.0)
    w.shot("51-campaign-waiting-reasons")

    window.show_page("profiles")
    profiles = window.page("profiles")
    await until(lambda: profiles.model.rowCount() == len(names))
    select_named(profiles.table, names[2])
    await until(profiles.gauges.isVisible)
    await settle(1.5)
    w.shot("52-health-reasons")

    await customer_clock(w, body["recipients"], message)


async def customer_clock(w: ShotWindow, recipients: list[str], message: Message) -> None:
    """53: the plan preview's recipients on their own clocks; 54: the package form's quiet
    hours and country zones, one zone row mistyped; 55: the campaign's own deliveries with
    the whole "Why?" of a recipient waiting for their morning."""
    window = w.window
    window.show_page("send")
    send = window.page("send")
    send.stack.setCurrentWidget(send.composer)
    send.content.text_edit.setPlainText(
        "عرض الربيع: خصم ٢٠٪ هذا الأسبوع" if w.arabic else "Spring sale: 20% off this week"
    )
    send.recipients.paste_edit.setPlainText("\n".join(recipients))
    await until(lambda: send.recipients.valid_label.text() != "")
    await settle(1.0)
    send.preview_button.click()
    # The customer who wrote STOP is suppressed: everyone else is planned.
    await until(lambda: send.plan_panel.clocks_model.rowCount() == len(recipients) - 1)
    await settle(1.0)
    send.composer.ensureWidgetVisible(send.send_button)
    await settle(0.5)
    w.shot("53-plan-recipient-clocks")

    window.show_page("packages")
    editor = window.page("packages").editor
    await until(lambda: editor.package is not None)
    editor.zone_defaults.set_value({"RU": "Asia/Yekaterinburg", "KZ": "Asia/Almaty"})
    table = editor.zone_defaults.table
    mistyped = table.item(1, 0)
    assert mistyped is not None
    mistyped.setText("kz")  # as typed: the form says what is wrong and what to write
    table.setCurrentCell(1, 0)
    scroll = editor.findChild(QScrollArea)
    assert scroll is not None
    await settle(0.5)  # the error line under the table lays out first
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    await settle(1.0)
    w.shot("54-package-customer-clock")

    window.show_page("send")
    send.campaign.show_message(message)
    send.stack.setCurrentWidget(send.campaign)
    send.campaign.deliveries_button.click()
    deliveries = send.campaign.deliveries
    await until(lambda: deliveries.model.rowCount() >= len(recipients) - 1)
    waiting = next(
        r
        for r in range(deliveries.proxy.rowCount())
        if deliveries.proxy.index(r, 0).data(ROW_ROLE).delivery.recipient == SAUDI[0]
    )
    select_row(deliveries.table, waiting)
    deliveries.table.scrollTo(deliveries.proxy.index(waiting, 0))
    await settle(1.5)
    w.shot("55-campaign-deliveries-why")


def main() -> int:
    return run_walk(walk)


if __name__ == "__main__":
    raise SystemExit(main())
