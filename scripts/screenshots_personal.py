"""Walks the personal-message flow in the real desktop window and saves screenshots.

Run under X, as ``scripts/screenshots.sh`` does for the main flow::

    DISPLAY=:97 QT_QPA_PLATFORM=xcb python3 scripts/screenshots_personal.py docs/screenshots

Imports a CSV with an Arabic name column, composes "{{الاسم}}" with variations, previews the
real rows (one has no name), gives the fallback, sends, and shows the messages log with each
delivery's own text and a customer's thread in the inbox.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.screenshots import accept_message_box, settle, until  # noqa: E402
from spreader_app.desktop import make_app  # noqa: E402
from spreader_app.gui.theme import apply_theme  # noqa: E402

CSV = "الاسم,الجوال,المدينة\n" + "".join(
    f"{name},+2010{n:08d},{city}\n"
    for n, (name, city) in enumerate(
        [
            ("أحمد", "القاهرة"),
            ("", "الجيزة"),
            ("عبد الرحمن بن عبد العزيز", "الإسكندرية"),
            ("سارة", "المنصورة"),
            ("منى", "طنطا"),
        ],
        start=1,
    )
)


async def walk(out: Path) -> None:
    import os

    from cryptography.fernet import Fernet

    from scripts.screenshots import DesktopSession, FakeZentra, build, load_settings

    fake = FakeZentra(latency=0.05)
    await fake.start()
    data = Path(tempfile.mkdtemp(prefix="spreader-personal-"))
    os.environ.update(
        {
            "SPREADER_DATA_DIR": str(data),
            "SPREADER_ZENTRA_URL": fake.url,
            "SPREADER_MASTER_KEY": Fernet.generate_key().decode(),
            "SPREADER_PORT": "18778",
            "SPREADER_DEFAULT_REGION": "",
        }
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    container = build(load_settings())
    await container.start()
    session = DesktopSession(app, container)
    await session.open()
    window = session.window
    window.resize(1280, 900)

    def shot(name: str) -> None:
        window.grab().save(str(out / f"{name}.png"))
        print(name)

    pkg = await container.packages.create(
        {"name": "Cairo Shop", "active_hours_start": "00:00", "active_hours_end": "00:00"}
    )
    fake.add_device("dev-0", "token-0-abcdefgh")
    await container.profiles.create(
        pkg.id, {"name": "Sales", "zentra_uuid": "dev-0", "zentra_api_token": "token-0-abcdefgh"}
    )
    await container.templates.create(
        pkg.id, {"name": "Weekend offer", "text": "{Hi|Hello} {{name | friend}}, 20% off!"}
    )
    await session.context.reload_packages()
    session.context.set_package(pkg.id)
    window.show_page("send")
    send = window.page("send")
    csv = data / "clients.csv"
    csv.write_text(CSV, encoding="utf-8")
    send.recipients.file_radio.setChecked(True)
    await send.recipients.picker.load(csv)
    send.content.text_edit.setPlainText(
        "{مرحبا|أهلا وسهلا} {{الاسم}}، عرض نهاية الأسبوع في فرع {{المدينة}}:"
        " خصم ٢٠٪ على كل الطلبات."
    )
    await settle(1.5)
    shot("11-personal-composer")
    send.preview_button.click()
    await until(send.samples.isVisible)
    await settle()
    send.composer.verticalScrollBar().setValue(send.composer.verticalScrollBar().maximum())
    await settle()
    shot("12-personal-preview-missing")
    send.samples.fallback_edit.setText("عميلنا العزيز")
    send.samples.fallback_button.click()
    await until(send.send_button.isEnabled)
    await settle()
    shot("13-personal-preview-fallback")
    send.send_button.click()
    await accept_message_box()
    await settle(3)
    shot("14-personal-campaign")
    window.show_page("messages")
    await settle(1.5)
    messages = window.page("messages")
    messages.table.selectRow(0)
    await settle(1.5)
    shot("15-personal-deliveries")
    await session.close()
    await fake.stop()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    apply_theme(app, "light")
    import qasync

    qasync.run(walk(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
