"""Walks one full flow in the real desktop window and saves screenshots.

Run under X (``scripts/screenshots.sh`` starts Xvfb for you)::

    DISPLAY=:97 QT_QPA_PLATFORM=xcb python3 scripts/screenshots.py docs/screenshots

It starts the project's fake Zentra gateway on loopback, opens the real app on a temporary
data folder, then: creates a package and three profiles, shows the packages and profiles pages,
types a message and pastes recipients on the send page, previews the plan, sends, watches the
campaign progress, receives a customer's message and replies from the inbox, and opens the
messages log and the settings. Every step is saved as a PNG of the window.

``SPREADER_LANGUAGE=ar`` takes the same walk in the Arabic, right-to-left interface (with
Arabic names for the package and its profiles).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spreader_app.bootstrap import build  # noqa: E402
from spreader_app.config import load_settings  # noqa: E402
from spreader_app.desktop import DesktopSession, make_app  # noqa: E402
from spreader_app.gui.i18n import ARABIC, install_language  # noqa: E402
from spreader_app.gui.theme import apply_theme  # noqa: E402
from tests.fakes.fake_zentra import FakeZentra  # noqa: E402

NUMBERS = [f"2010{n:08d}" for n in range(1, 41)] + ["201000000001", "12345", "2.01066E+11"]


async def settle(seconds: float = 0.6) -> None:
    await asyncio.sleep(seconds)


async def until(predicate, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        await asyncio.sleep(0.05)


async def accept_message_box() -> None:
    """Clicks the accepting button of the confirm box the page opened."""
    for _ in range(100):
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                for b in w.findChildren(QPushButton):
                    if w.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole:
                        b.click()
                        return
        await asyncio.sleep(0.05)
    raise TimeoutError("no confirmation appeared")


async def walk(out: Path) -> None:
    fake = FakeZentra(latency=0.15)
    await fake.start()
    data = Path(tempfile.mkdtemp(prefix="spreader-shots-"))
    os.environ.update(
        {
            "SPREADER_DATA_DIR": str(data),
            "SPREADER_ZENTRA_URL": fake.url,
            "SPREADER_MASTER_KEY": Fernet.generate_key().decode(),
            "SPREADER_PORT": "18777",
            "SPREADER_DEFAULT_REGION": "EG",
        }
    )
    settings = load_settings()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    container = build(settings)
    await container.start()
    session = DesktopSession(app, container)
    await session.open()
    window = session.window
    window.resize(1280, 800)
    shots: list[str] = []

    def shot(name: str) -> None:
        path = out / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path.name)

    await settle()
    shot("01-empty-packages")

    arabic = app.property("spreader_language") == ARABIC
    pkg = await container.packages.create(
        {
            "name": "متجر القاهرة" if arabic else "Cairo Shop",
            "timezone": "Africa/Cairo",
            "active_hours_start": "00:00",
            "active_hours_end": "00:00",
            # Taken at any hour: the customers' quiet hours would hold the campaign at night.
            "recipient_quiet_hours": None,
            "cooldown_seconds": 2,
            "max_messages_per_profile_per_hour": 40,
            "max_messages_per_profile_per_day": 300,
        }
    )
    names = ["مبيعات 1", "مبيعات 2", "الدعم"] if arabic else ["Sales 1", "Sales 2", "Support"]
    for n, name in enumerate(names):
        fake.add_device(f"dev-{n}", f"token-{n}-abcdefgh")
        await container.profiles.create(
            pkg.id,
            {
                "name": name,
                "zentra_uuid": f"dev-{n}",
                "zentra_api_token": f"token-{n}-abcdefgh",
                "weight": 2 if n < 2 else 1,
            },
        )
    await session.context.reload_packages()
    session.context.set_package(pkg.id)
    window.show_page("packages")
    await settle()
    shot("02-packages")

    window.show_page("send")
    send = window.page("send")
    send.content.text_edit.setPlainText(
        "عرض خاص: خصم ٢٠٪ على كل الطلبات هذا الأسبوع، والتوصيل مجاني لكل المدن!\n"
        "للطلب اتصلوا على +20 10 1234 5678. Special offer: 20% off."
    )
    send.recipients.paste_edit.setPlainText("\n".join(NUMBERS))
    await settle(1.5)
    shot("03-send-composer")
    send.preview_button.click()
    await until(lambda: send.send_button.isEnabled())
    await settle()
    shot("04-send-preview")
    send.send_button.click()
    await accept_message_box()
    await settle(2.5)
    shot("05-campaign-progress")

    window.show_page("profiles")
    await settle(2.0)
    shot("06-profiles-gauges")

    for n, text in enumerate(["مرحبا", "هل يصل الطلب غداً؟ Will my order arrive tomorrow?"]):
        body = {
            "device_uuid": "dev-1",
            "from": "201000000007",
            "text": text,
            "message_id": f"in-{n}",
        }
        await container.inbox.receive(
            json.dumps(body, ensure_ascii=False).encode(), "application/json"
        )
    stop = {"device_uuid": "dev-0", "from": "201000000009", "text": "STOP", "message_id": "in-9"}
    await container.inbox.receive(json.dumps(stop).encode(), "application/json")
    window.show_page("inbox")
    inbox = window.page("inbox")
    await until(lambda: inbox.table.model().rowCount() >= 2)
    model = inbox.table.model()
    row = next(r for r in range(model.rowCount()) if "07" in str(model.index(r, 0).data()))
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    inbox.table.selectionModel().select(model.index(row, 0), flags)
    await settle()
    inbox.reply_edit.setPlainText("نعم، يصل غداً قبل الظهر. Yes, tomorrow before noon.")
    inbox.send_button.click()
    await until(lambda: bool(inbox.result_label.text()))
    await settle()
    shot("07-inbox-reply")

    await settle(6)
    window.show_page("messages")
    await settle(1.5)
    messages = window.page("messages")
    table = getattr(messages, "messages_table", None) or getattr(messages, "table", None)
    if table is not None:
        table.selectRow(0)
    await settle(1.0)
    shot("08-messages-log")

    window.show_page("settings")
    await settle()
    shot("09-settings")

    apply_theme(app, "dark")
    window.show_page("profiles")
    await settle(1.5)
    shot("10-profiles-dark")

    await session.close()
    await fake.stop()
    print("\n".join(shots))


def run_walk(walk: Callable[[Path], Coroutine[Any, Any, None]]) -> int:
    """Runs ``walk(out)`` in the light theme on qasync; ``out`` is the first argument."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    install_language(app, os.environ.get("SPREADER_LANGUAGE", "en"))
    apply_theme(app, "light")
    import qasync

    qasync.run(walk(out))
    return 0


def main() -> int:
    return run_walk(walk)


if __name__ == "__main__":
    raise SystemExit(main())
