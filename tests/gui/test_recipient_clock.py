"""Each recipient on their own clock: the plan preview and the delivery log show the time
where they live, their zone and where that zone came from, as the quiet hours read them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spreader_app.core.models import Delivery, DeliveryStatus, MessageContent, Package, Profile
from spreader_app.core.phones import BIDI_ISOLATE_END, BIDI_ISOLATE_START, screen_recipients
from spreader_app.core.plan_result import Plan, PlannedDelivery
from spreader_app.core.recipient_zones import ZoneResolver
from spreader_app.core.services.recipient_clock import ClockReader
from spreader_app.core.services.sending import OpenPreview
from spreader_app.gui.i18n import install_language, uninstall_language
from spreader_app.gui.pages.messages_page import MessagesPage
from spreader_app.gui.pages.send.plan_clocks import SHOWN, PlanLine, plan_lines
from spreader_app.gui.pages.send_page import SendPage
from spreader_app.gui.tables.messages_table import DeliveryTableModel, delivery_line
from spreader_app.gui.tables.snapshot_model import ROW_ROLE
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import click_row, show_in_window
from tests.gui.test_messages_page import send_campaign

EGYPT, MOROCCO, SAUDI, UK = "+201066183456", "+212612345600", "+966501234567", "+447911123456"


def column(model: QAbstractItemModel, header: str) -> int:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(header)


def by_recipient(model: QAbstractItemModel, header: str) -> dict[str, str]:
    c = column(model, header)
    out = {}
    for r in range(model.rowCount()):
        line = model.index(r, 0).data(ROW_ROLE)
        recipient = line.recipient if isinstance(line, PlanLine) else line.delivery.recipient
        out[recipient] = str(model.index(r, c).data())
    return out


def clock_now(zone: str, before: datetime, after: datetime) -> set[str]:
    """``HH:MM`` in ``zone`` at any minute from ``before`` to ``after``."""
    return {
        f"{before.astimezone(ZoneInfo(zone)):%H:%M}",
        f"{after.astimezone(ZoneInfo(zone)):%H:%M}",
    }


def test_plan_preview_shows_each_recipient_on_their_clock_inside_their_day(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    package_id = gui_env.add_package(timezone="Africa/Cairo", recipient_quiet_hours="21:00-09:00")
    gui_env.add_profile(package_id, 1)
    page = SendPage(gui_env.context)
    host = show_in_window(qtbot, gui_env, page)  # noqa: F841 (kept alive: it owns the page)
    qtbot.keyClicks(page.content.text_edit, "Hello")
    page.recipients.paste_edit.insertPlainText("\n".join([EGYPT, MOROCCO, SAUDI, UK]))
    gui_env.wait(lambda: page.recipients.valid_label.text() == "Valid: 4")
    before = datetime.now(UTC)
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    gui_env.wait(page.plan_panel.isVisible)
    after = datetime.now(UTC)

    model = page.plan_panel.clocks_table.model()
    assert model.rowCount() == 4
    assert by_recipient(model, "Zone") == {
        EGYPT: "Africa/Cairo",
        MOROCCO: "Africa/Casablanca",
        SAUDI: "Asia/Riyadh",
        UK: "Europe/Guernsey and 2 more",  # the tooltip names all three
    }
    assert by_recipient(model, "Zone from") == {
        EGYPT: "Their number",
        MOROCCO: "Corrected country",  # phonenumbers puts Morocco on the Canaries' clock
        SAUDI: "Their number",
        UK: "Their number",
    }
    local = by_recipient(model, "Local time")
    for number, zone in ((EGYPT, "Africa/Cairo"), (MOROCCO, "Africa/Casablanca")):
        assert local[number].split(" ")[0] in clock_now(zone, before, after)
    # What the quiet hours promise: every planned send falls 09:00-21:00 on their clock.
    for r in range(model.rowCount()):
        line = model.index(r, 0).data(ROW_ROLE)
        assert line.at is not None
        there = line.clock.local(line.at).time()
        assert time(9) <= there < time(21), (line.recipient, there)
    # First planned send first, whatever the zones' clocks say.
    planned = [model.index(r, 0).data(ROW_ROLE).at for r in range(model.rowCount())]
    assert planned == sorted(planned)
    uk = next(r for r in range(4) if model.index(r, 0).data(ROW_ROLE).recipient == UK)
    tip = str(model.index(uk, column(model, "Zone")).data(Qt.ItemDataRole.ToolTipRole))
    assert all(z in tip for z in ("Europe/Guernsey", "Europe/Isle_of_Man", "Europe/London"))
    assert page.plan_panel.clocks_table.accessibleName() == "Recipients on their own clocks"


def test_delivery_log_shows_each_recipients_local_time_zone_and_its_source(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    package_id = gui_env.add_package(timezone="Africa/Cairo")
    gui_env.add_profile(package_id, 1)
    page = MessagesPage(gui_env.context)
    host = show_in_window(qtbot, gui_env, page)  # noqa: F841 (kept alive: it owns the page)
    before = datetime.now(UTC)
    send_campaign(gui_env, package_id, [EGYPT, MOROCCO])
    gui_env.wait(lambda: page.proxy.rowCount() == 1)
    click_row(qtbot, page.table, 0)
    gui_env.wait(lambda: page.delivery_proxy.rowCount() == 2)
    after = datetime.now(UTC)

    model = page.delivery_proxy
    assert by_recipient(model, "Zone") == {EGYPT: "Africa/Cairo", MOROCCO: "Africa/Casablanca"}
    assert by_recipient(model, "Zone from") == {
        EGYPT: "Their number",
        MOROCCO: "Corrected country",
    }
    assert by_recipient(model, "Local time")[MOROCCO].split(" ")[0] in clock_now(
        "Africa/Casablanca", before, after
    )
    source = column(model, "Zone from")
    tips = {str(model.index(r, source).data(Qt.ItemDataRole.ToolTipRole)) for r in range(2)}
    assert any("phone numbering data gets it wrong" in t for t in tips)


def stored(key: str | None, source: str | None) -> Delivery:
    return Delivery(
        1,
        "msg",
        "pkg",
        "+79161234567",
        DeliveryStatus.PENDING,
        recipient_zone=key,
        zone_source=source,
    )


def test_stored_zones_read_country_defaults_and_the_packages_own_zone() -> None:
    reader = ClockReader(Package(id="pkg", name="Shop", timezone="Africa/Cairo"))
    now = datetime(2026, 1, 15, 20, 30, tzinfo=UTC)
    model = DeliveryTableModel()
    lines = {
        "country": delivery_line(stored("Asia/Yekaterinburg", "country"), {}, {}, reader, now),
        "package": delivery_line(stored("", "package"), {}, {}, reader, now),
        "none": delivery_line(stored(None, None), {}, {}, reader, now),
    }
    texts = {}
    for name, line in lines.items():
        model.reset([line])
        texts[name] = [
            str(model.index(0, column(model, h)).data())
            for h in ("Local time", "Zone", "Zone from")
        ]
    # 20:30 UTC is 01:30 the next morning in Yekaterinburg (+5), 22:30 in Cairo (+2).
    assert texts["country"][1:] == ["Asia/Yekaterinburg", "Country default"]
    assert texts["country"][0].startswith("01:30")
    assert texts["package"][1:] == ["Africa/Cairo", "Package zone"]
    assert texts["package"][0].startswith("22:30")
    assert texts["none"] == ["", "", ""]


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    installed = install_language(qapp, "ar")
    yield
    uninstall_language(qapp, installed)


def test_arabic_clock_columns_are_translated_with_times_isolated(arabic: None) -> None:
    reader = ClockReader(Package(id="pkg", name="Shop", timezone="Africa/Cairo"))
    now = datetime.now(UTC)
    line = delivery_line(stored("", "package"), {}, {}, reader, now)
    model = DeliveryTableModel()
    model.reset([line])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Local time" not in headers and "Zone from" not in headers
    texts = [str(model.index(0, c).data()) for c in range(model.columnCount())]
    cairo = f"{now.astimezone(ZoneInfo('Africa/Cairo')):%H:%M}"
    later = f"{(now + timedelta(minutes=1)).astimezone(ZoneInfo('Africa/Cairo')):%H:%M}"
    isolated = {f"{BIDI_ISOLATE_START}{t}{BIDI_ISOLATE_END}" for t in (cairo, later)}
    assert any(t in isolated for t in texts)
    assert f"{BIDI_ISOLATE_START}Africa/Cairo{BIDI_ISOLATE_END}" in texts
    assert "Package zone" not in texts


def test_a_big_plan_shows_the_soonest_sends_and_the_first_in_every_zone() -> None:
    egypt = [f"+2010{n:08d}" for n in range(SHOWN + 50)]
    items = [PlannedDelivery(r, "p1", 1.8e9 + n) for n, r in enumerate(egypt)]
    items.append(PlannedDelivery(MOROCCO, "p1", 1.9e9))  # last of all, alone in its zone
    plan = Plan(items, {"p1": [i.recipient for i in items]}, 1.9e9, 0)
    profile = Profile(id="p1", package_id="pkg", name="Phone 1", zentra_uuid="d")
    preview = OpenPreview(
        screen_recipients([], "EG", set()), plan, [profile], None, MessageContent(), ZoneResolver()
    )  # type: ignore[arg-type]
    package = Package(id="pkg", name="Shop", timezone="Africa/Cairo")
    lines = plan_lines(preview, package, datetime.now(UTC))
    assert [line.recipient for line in lines] == [*egypt[:SHOWN], MOROCCO]
    assert {line.profile_name for line in lines} == {"Phone 1"}
