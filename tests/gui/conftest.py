"""GUI fixtures: a qasync loop, and the real engine on it against the fake gateway.

pytest-qt drives widgets; the engine's coroutines run on a qasync ``QEventLoop`` created
``already_running``, so asyncio work advances whenever Qt processes events, exactly as in
the app, and the widgets' ``run_task`` calls work unchanged. Tests wait with
``env.wait(predicate)`` or ``env.run(coroutine)``; both keep Qt and asyncio moving.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import random
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from spreader_app.bootstrap import Container, build
from spreader_app.config import Settings
from spreader_app.desktop import services_of
from spreader_app.gui.bridge import EventBridge
from spreader_app.gui.context import AppContext
from spreader_app.gui.i18n import install_language, uninstall_language
from spreader_app.vault.key_sources import MemoryKeySource
from tests.fakes.fake_zentra import FakeZentra

T = TypeVar("T")


@pytest.fixture(scope="session", autouse=True)
def english_interface(qapp: QApplication) -> Iterator[None]:
    """The interface in English, as the app shows it: its catalogue holds the plural forms
    of counted texts ("1 row", "3 rows")."""
    installed = install_language(qapp, "en")
    yield
    uninstall_language(qapp, installed)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """A qasync loop that counts as running whenever Qt processes events (as in the app)."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for t in pending:
        t.cancel()
    deadline = time.monotonic() + 5
    while any(not t.done() for t in pending) and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    loop.stop()
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)
    # Free this test's Qt objects now, on the GUI thread: left to the collector, they can be
    # destroyed on another thread later, while one of their timers still fires.
    gc.collect()


def run(loop: asyncio.AbstractEventLoop, aw: Awaitable[T], timeout: float = 20.0) -> T:
    """Runs ``aw`` to completion while Qt keeps processing events (asyncio runs through them)."""
    task = asyncio.ensure_future(aw, loop=loop)
    deadline = time.monotonic() + timeout
    while not task.done():
        if time.monotonic() > deadline:
            task.cancel()
            raise AssertionError(f"{aw!r} did not finish within {timeout} s")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.001)
    return task.result()


async def until(predicate: Callable[[], Any], timeout: float = 15.0, step: float = 0.02) -> None:
    """Waits until ``predicate()`` is truthy; fails the test after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(step)


@dataclasses.dataclass
class GuiEnv:
    container: Container
    fake: FakeZentra
    context: AppContext
    bridge: EventBridge
    loop: asyncio.AbstractEventLoop

    def run(self, aw: Awaitable[T], timeout: float = 20.0) -> T:
        return run(self.loop, aw, timeout)

    def wait(self, predicate: Callable[[], Any], timeout: float = 15.0) -> None:
        run(self.loop, until(predicate, timeout), timeout + 5)

    def add_package(self, **fields: Any) -> str:
        data = {
            "name": "Shop",
            "active_hours_start": "00:00",
            "active_hours_end": "00:00",
            "cooldown_seconds": 0,
            # Real time: quiet hours (on for new packages) would hold customers where it is
            # night when the suite runs.
            "recipient_quiet_hours": None,
            **fields,
        }
        pkg = self.run(self.container.packages.create(data))
        self.run(self.context.reload_packages())
        self.context.set_package(pkg.id)
        return pkg.id

    def add_profile(self, package_id: str, n: int, **fields: Any) -> str:
        uuid, token = f"dev-{n}", f"token-{n}-abcdefgh"
        self.fake.add_device(uuid, token)
        prof = self.run(
            self.container.profiles.create(
                package_id,
                {"name": f"Phone {n}", "zentra_uuid": uuid, "zentra_api_token": token, **fields},
            )
        )
        return prof.id


@pytest.fixture
def gui_env(qloop: qasync.QEventLoop, tmp_path: Path) -> Iterator[GuiEnv]:
    """The engine (real clock, dispatcher running) on the qasync loop, with the fake gateway."""
    fake = FakeZentra()
    run(qloop, fake.start())
    settings = Settings(
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'spreader.db'}",
        api_key="test-api-key-0123456789abcdef",
        webhook_secret="test-webhook-secret-0123456789",
        zentra_url=fake.url,
    )
    container = build(
        settings, key_source=MemoryKeySource(), rng=random.Random(3), tunnel_loopback=True
    )
    run(qloop, container.start())
    bridge = EventBridge(container.events)
    context = AppContext(services_of(container), bridge)
    env = GuiEnv(container, fake, context, bridge, qloop)
    try:
        yield env
    finally:
        bridge.close()
        run(qloop, container.stop(timeout=5))
        run(qloop, fake.stop())
