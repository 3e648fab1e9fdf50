"""Walks the personal-message flow in the real desktop window and saves screenshots.

Run under X, as ``scripts/screenshots.sh`` does for the main flow::

    DISPLAY=:97 QT_QPA_PLATFORM=xcb python3 scripts/screenshots_personal.py docs/screenshots

Imports a CSV with a name column, composes "{{name}}" with variations, previews the real rows
(one has no name), gives the fallback, sends, watches the campaign until it is sent, opens a
customer's answer in the inbox beside the text they were sent, and shows the messages log with
each delivery's own text. ``SPREADER_LANGUAGE=ar`` takes the same walk in Arabic, with an
Arabic list ("الاسم") and text.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.screenshots import accept_message_box, run_walk, settle, until  # noqa: E402
from spreader_app.bootstrap import build  # noqa: E402
from spreader_app.config import load_settings  # noqa: E402
from spreader_app.core.models import MessageStatus  # noqa: E402
from spreader_app.desktop import DesktopSession  # noqa: E402
from spreader_app.gui.i18n import ARABIC  # noqa: E402
from tests.fakes.fake_zentra import FakeZentra  # noqa: E402

ROWS = {
    "en": [
        ("Ahmed", "Cairo"),
        ("", "Giza"),
        ("Abdelrahman Abdelaziz", "Alexandria"),
        ("Sara", "Mansoura"),
        ("Mona", "Tanta"),
    ],
    "ar": [
        ("أحمد", "القاهرة"),
        ("", "الجيزة"),
        ("عبد الرحمن بن عبد العزيز", "الإسكندرية"),
        ("سارة", "المنصورة"),
        ("منى", "طنطا"),
    ],
}
HEADER = {"en": "Name,Mobile,City", "ar": "الاسم,الجوال,المدينة"}
TEXT = {
    "en": "{Hi|Hello} {{name}}, this weekend our {{city}} branch takes 20% off every order.",
    "ar": "{مرحبا|أهلا وسهلا} {{الاسم}}، عرض نهاية الأسبوع في فرع {{المدينة}}:"
    " خصم ٢٠٪ على كل الطلبات.",
}
FALLBACK = {"en": "dear customer", "ar": "عميلنا العزيز"}
ANSWER = {
    "en": "Thanks! Is the Cairo branch open on Friday?",
    "ar": "شكراً! هل فرع القاهرة مفتوح يوم الجمعة؟",
}
NAMES = {"en": ("Cairo Shop", "Sales"), "ar": ("متجر القاهرة", "المبيعات")}


ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def free_port() -> int:
    """A loopback port nothing listens on now (the API of this walk)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def customer_list(language: str) -> str:
    """The CSV a shop keeps: a name column (one name empty), the mobile, the city."""
    lines = [HEADER[language]] + [
        f"{name},+2010{n:08d},{city}" for n, (name, city) in enumerate(ROWS[language], start=1)
    ]
    return "\n".join(lines) + "\n"


async def walk(out: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = "ar" if app.property("spreader_language") == ARABIC else "en"
    fake = FakeZentra(latency=0.05)
    await fake.start()
    data = Path(tempfile.mkdtemp(prefix="spreader-personal-"))
    os.environ.update(
        {
            "SPREADER_DATA_DIR": str(data),
            "SPREADER_ZENTRA_URL": fake.url,
            "SPREADER_MASTER_KEY": Fernet.generate_key().decode(),
            "SPREADER_PORT": str(free_port()),
            "SPREADER_DEFAULT_REGION": "",
        }
    )
    container = build(load_settings())
    await container.start()
    session = DesktopSession(app, container)
    await session.open()
    window = session.window
    window.resize(1400, 900)

    def shot(name: str) -> None:
        window.grab().save(str(out / f"{name}.png"))
        print(name)

    package_name, profile_name = NAMES[language]
    pkg = await container.packages.create(
        {
            "name": package_name,
            "active_hours_start": "00:00",
            "active_hours_end": "00:00",
            # Taken at any hour: the customers' quiet hours would hold the campaign at night.
            "recipient_quiet_hours": None,
            "cooldown_seconds": 2,
        }
    )
    fake.add_device("dev-0", "token-0-abcdefgh")
    await container.profiles.create(
        pkg.id,
        {"name": profile_name, "zentra_uuid": "dev-0", "zentra_api_token": "token-0-abcdefgh"},
    )
    await container.templates.create(
        pkg.id, {"name": "Weekend offer", "text": "{Hi|Hello} {{name | friend}}, 20% off!"}
    )
    await session.context.reload_packages()
    session.context.set_package(pkg.id)
    window.show_page("send")
    send = window.page("send")
    csv = data / "clients.csv"
    csv.write_text(customer_list(language), encoding="utf-8")
    send.recipients.file_radio.setChecked(True)
    await send.recipients.picker.load(csv)
    send.content.text_edit.setPlainText(TEXT[language])
    await settle(1.5)
    shot("11-personal-composer")
    send.preview_button.click()
    await until(send.samples.isVisible)
    await settle()
    send.composer.verticalScrollBar().setValue(send.composer.verticalScrollBar().maximum())
    await settle()
    shot("12-personal-preview-missing")
    send.samples.fallback_edit.setText(FALLBACK[language])
    send.samples.fallback_button.click()
    await until(send.send_button.isEnabled)
    await settle()
    shot("13-personal-preview-fallback")
    send.send_button.click()
    await accept_message_box()
    await settle(2)
    shot("14-personal-campaign-sending")

    def sent() -> bool:
        shown = send.campaign.message
        return shown is not None and shown.status is MessageStatus.COMPLETED

    await until(sent, timeout=60)
    await settle(1.5)
    shot("15-personal-campaign-sent")

    answer = {
        "device_uuid": "dev-0",
        "from": "201000000001",
        "text": ANSWER[language],
        "message_id": "in-1",
    }
    await container.inbox.receive(
        json.dumps(answer, ensure_ascii=False).encode(), "application/json"
    )
    window.show_page("inbox")
    inbox = window.page("inbox")
    await until(lambda: inbox.table.model().rowCount() >= 1)
    model = inbox.table.model()
    inbox.table.selectionModel().select(model.index(0, 0), ROW)
    await until(lambda: inbox.thread_model.rowCount() >= 2)
    await settle()
    shot("16-personal-inbox")

    window.show_page("messages")
    messages = window.page("messages")
    await until(lambda: messages.table.model().rowCount() >= 1)
    model = messages.table.model()
    messages.table.selectionModel().select(model.index(0, 0), ROW)
    await until(lambda: messages.delivery_table.model().rowCount() >= 5)
    await settle()
    bar = messages.delivery_table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    await settle()
    shot("17-personal-deliveries")
    await session.close()
    await fake.stop()


def main() -> int:
    return run_walk(walk)


if __name__ == "__main__":
    raise SystemExit(main())
