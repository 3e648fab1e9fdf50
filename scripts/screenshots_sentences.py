"""Screenshots of sentences the engine writes, as the window shows them: the reasons an
imported list's rows are rejected, a banned profile's reason, and Restart now after a
language change. Run under X with ``SPREADER_LANGUAGE=ar`` for the Arabic window::

    Xvfb :95 -screen 0 1400x900x24 &
    DISPLAY=:95 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=ar \\
        python3 scripts/screenshots_sentences.py docs/screenshots/ar
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QScrollArea

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.screenshots import run_walk, settle, until  # noqa: E402
from spreader_app.bootstrap import build  # noqa: E402
from spreader_app.config import load_settings  # noqa: E402
from spreader_app.core.models import ProfileStatus  # noqa: E402
from spreader_app.core.services.sending import read_open_request  # noqa: E402
from spreader_app.desktop import DesktopSession  # noqa: E402
from tests.fakes.fake_zentra import FakeZentra  # noqa: E402

PASTED = ["+201066183456", "hello", "12345", "2.01066E+11", "+20223456789", "+99912345678"]


async def walk(out: Path) -> None:
    fake = FakeZentra(latency=0.05)
    await fake.start()
    os.environ.update(
        {
            "SPREADER_DATA_DIR": tempfile.mkdtemp(prefix="spreader-shots-"),
            "SPREADER_ZENTRA_URL": fake.url,
            "SPREADER_MASTER_KEY": Fernet.generate_key().decode(),
            "SPREADER_PORT": "18779",
        }
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    container = build(load_settings())
    await container.start()
    session = DesktopSession(app, container)
    await session.open()
    window = session.window
    window.resize(1280, 800)

    def shot(name: str) -> None:
        window.grab().save(str(out / f"{name}.png"))
        print(f"{name}.png")

    pkg = await container.packages.create(
        {"name": "متجر القاهرة", "active_hours_start": "00:00", "active_hours_end": "00:00"}
    )
    for n, name in enumerate(["مبيعات 1", "مبيعات 2"]):
        fake.add_device(f"dev-{n}", f"token-{n}-abcdefgh")
        await container.profiles.create(
            pkg.id,
            {"name": name, "zentra_uuid": f"dev-{n}", "zentra_api_token": f"token-{n}-abcdefgh"},
        )
    await session.context.reload_packages()
    session.context.set_package(pkg.id)

    window.show_page("send")
    recipients = window.page("send").recipients
    recipients.paste_edit.setPlainText("\n".join(PASTED))
    await until(lambda: recipients.rejected_model.rowCount() == len(PASTED) - 1)
    recipients.rejected_button.setChecked(True)
    await settle(0.5)
    scroll = recipients.rejected_view.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    if scroll is not None:  # the page scrolls: bring the rejected rows into view
        scroll.ensureWidgetVisible(recipients.rejected_view, 0, 0)
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    await settle(1.0)
    shot("11-import-validation")

    fake.set_device_state("dev-0", "banned")
    request = read_open_request(
        {"type": "text", "text": "عرض اليوم", "recipients": ["+201001234567"]}
    )
    await container.sending.send_open(pkg.id, request)
    window.show_page("profiles")
    profiles = window.page("profiles")

    def banned_row() -> int | None:
        for row in range(profiles.model.rowCount()):
            if profiles.model.rows()[row].profile.status is ProfileStatus.BLOCKED:
                return row
        return None

    await until(lambda: banned_row() is not None, timeout=30)
    at = profiles.proxy.mapFromSource(profiles.model.index(banned_row() or 0, 0))
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    profiles.table.selectionModel().select(at, flags)
    profiles.table.setCurrentIndex(at)
    await until(profiles.reason_panel.isVisible)
    await settle(1.0)
    shot("12-profiles-blocked-reason")

    window.show_page("settings")
    settings = window.page("settings")
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("en"))
    settings.save_button.click()
    await until(settings.restart_button.isVisible)
    await settle()
    shot("13-settings-restart-now")

    await session.close()
    await fake.stop()


if __name__ == "__main__":
    sys.exit(run_walk(walk))
