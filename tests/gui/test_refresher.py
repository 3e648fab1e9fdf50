"""The page refresher: loads only while the page shows, one load at a time, none lost."""

from __future__ import annotations

import qasync
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from spreader_app.gui.widgets.refresher import PageRefresher
from tests.gui.conftest import run, until


class Loads:
    """A ``load`` callback that counts its calls; each starts a load unless told otherwise."""

    def __init__(self) -> None:
        self.count = 0
        self.starts = True

    def __call__(self) -> bool:
        self.count += 1
        return self.starts


def make(qtbot: QtBot, delay_ms: int = 0) -> tuple[QWidget, PageRefresher, Loads]:
    page = QWidget()
    qtbot.addWidget(page)
    loads = Loads()
    return page, PageRefresher(page, loads, delay_ms), loads


def test_refresher_first_showing_loads_and_a_hidden_page_waits_to_be_shown(
    qtbot: QtBot,
) -> None:
    page, refresher, loads = make(qtbot)
    page.show()
    assert loads.count == 1
    refresher.finished()

    page.hide()
    refresher.request()
    refresher.request()
    assert loads.count == 1
    page.show()
    assert loads.count == 2


def test_refresher_requests_during_a_load_collapse_into_one_more(qtbot: QtBot) -> None:
    page, refresher, loads = make(qtbot)
    page.show()
    assert refresher.loading
    refresher.request()
    refresher.request()
    assert loads.count == 1
    refresher.finished()
    assert loads.count == 2
    refresher.finished()
    assert loads.count == 2
    assert not refresher.loading


def test_refresher_outdated_result_loads_again(qtbot: QtBot) -> None:
    page, refresher, loads = make(qtbot)
    page.show()
    refresher.finished(again=True)
    assert loads.count == 2


def test_refresher_nothing_to_load_leaves_it_idle(qtbot: QtBot) -> None:
    page, refresher, loads = make(qtbot)
    loads.starts = False
    page.show()
    assert not refresher.loading
    refresher.request()
    assert loads.count == 2


def test_refresher_burst_of_soon_requests_loads_once_after_the_delay(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    page, refresher, loads = make(qtbot, delay_ms=50)
    page.show()
    refresher.finished()
    for _ in range(5):
        refresher.request_soon()
    assert refresher.scheduled and loads.count == 1
    run(qloop, until(lambda: not refresher.scheduled))
    assert loads.count == 2
