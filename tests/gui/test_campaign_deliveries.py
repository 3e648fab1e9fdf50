"""The campaign view's own delivery details: each recipient's clock and the "Why?" sentence,
the same one the Messages page shows, whole for the chosen recipient."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.qtbot import QtBot

from spreader_app.core.phones import display
from spreader_app.core.services.sending import read_open_request
from spreader_app.gui.pages.campaign_view import CampaignView
from spreader_app.gui.tables.snapshot_model import ROW_ROLE
from spreader_app.gui.why_text import why_text
from tests.gui.conftest import GuiEnv
from tests.gui.helpers import click_row

EGYPT, UK = "+201066183456", "+447911123456"


def quiet_now_in_cairo() -> str:
    """Quiet from an hour ago in Cairo, for 12 hours: Cairo is inside, London (two hours
    behind) is not."""
    start = datetime.now(UTC).astimezone(ZoneInfo("Africa/Cairo")) - timedelta(hours=1)
    return f"{start:%H:%M}-{start + timedelta(hours=12):%H:%M}"


def row_of(model: QAbstractItemModel, recipient: str) -> int:
    return next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(ROW_ROLE).delivery.recipient == recipient
    )


def cell(model: QAbstractItemModel, row: int, header: str) -> str:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return str(model.index(row, titles.index(header)).data())


def test_campaign_view_says_why_for_each_recipient_with_their_clock(
    qtbot: QtBot, gui_env: GuiEnv
) -> None:
    package_id = gui_env.add_package(
        timezone="Africa/Cairo", recipient_quiet_hours=quiet_now_in_cairo()
    )
    gui_env.add_profile(package_id, 1)
    body = {"type": "text", "text": "Offer", "recipients": [EGYPT, UK]}
    sent = gui_env.run(gui_env.container.sending.send_open(package_id, read_open_request(body)))
    view = CampaignView(gui_env.context)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    view.show_message(sent.message)
    assert not view.deliveries.isVisible()

    qtbot.mouseClick(view.deliveries_button, Qt.MouseButton.LeftButton)
    assert view.deliveries.isVisible()
    model = view.deliveries.proxy
    gui_env.wait(lambda: model.rowCount() == 2)
    gui_env.wait(lambda: cell(model, row_of(model, UK), "Why?").startswith("Sent by Phone 1"))
    egypt = row_of(model, EGYPT)
    waits = cell(model, egypt, "Why?")
    assert "quiet hours" in waits and "Cairo" in waits
    assert cell(model, egypt, "Zone") == "Africa/Cairo"
    assert cell(model, egypt, "Zone from") == "Their number"

    # The same sentence the Messages page shows, from the same why service.
    deliveries, _ = gui_env.run(gui_env.container.sending.deliveries(package_id, sent.message.id))
    why = gui_env.context.services.why
    assert why is not None
    explained = gui_env.run(why.explain(package_id, sent.message.id, deliveries))
    by_recipient = {d.recipient: why_text(explained.why[d.id]) for d in deliveries}
    assert waits == by_recipient[EGYPT]

    click_row(qtbot, view.deliveries.table, egypt)
    assert view.deliveries.why_label.text() == waits  # whole, however long
    assert view.deliveries.why_title.text() == f"Why? {display(EGYPT)}"
    assert view.deliveries.why_label.accessibleDescription() == waits

    qtbot.mouseClick(view.deliveries_button, Qt.MouseButton.LeftButton)
    assert not view.deliveries.isVisible()
