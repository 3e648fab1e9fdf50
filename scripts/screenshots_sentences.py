"""Screenshots of sentences the engine writes, as the window shows them: the reasons an
imported list's rows are rejected, a banned profile's reason, a delivery the gateway refused
(its own words quoted after the translated sentence), a package form's errors, and Restart
now after a language change. Run under X with ``SPREADER_LANGUAGE=ar`` for the Arabic window::

    Xvfb :95 -screen 0 1400x900x24 &
    DISPLAY=:95 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=ar \\
        python3 scripts/screenshots_sentences.py docs/screenshots/ar
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QScrollArea, QSplitter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.screenshots import run_walk, settle, until  # noqa: E402
from scripts.shot_window import select_row  # noqa: E402
from spreader_app.bootstrap import build  # noqa: E402
from spreader_app.config import load_settings  # noqa: E402
from spreader_app.core.models import ProfileStatus  # noqa: E402
from spreader_app.core.services.sending import read_open_request  # noqa: E402
from spreader_app.desktop import DesktopSession  # noqa: E402
from spreader_app.gui.tables.messages_table import delivery_columns  # noqa: E402
from tests.fakes.fake_zentra import FakeZentra  # noqa: E402
from tests.fakes.faults import Fault  # noqa: E402

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
        {
            "name": "متجر القاهرة",
            "active_hours_start": "00:00",
            "active_hours_end": "00:00",
            "recipient_quiet_hours": None,
        }
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

    await gateway_refusal(container, fake, window, pkg.id, shot)
    await package_form_errors(window, shot)

    window.show_page("settings")
    settings = window.page("settings")
    # The other language than the window's: a change, so Restart now is offered.
    other = "en" if app.property("spreader_language") == "ar" else "ar"
    settings.language_combo.setCurrentIndex(settings.language_combo.findData(other))
    settings.save_button.click()
    await until(settings.restart_button.isVisible)
    await settle()
    shot("13-settings-restart-now")

    await session.close()
    await fake.stop()


async def gateway_refusal(
    container: Any, fake: FakeZentra, window: Any, package_id: str, shot: Callable[[str], None]
) -> None:
    """A send the gateway rate limits, waiting an hour for its next try: the Error and Why?
    columns of the delivery log."""
    await container.packages.update(package_id, {"retry_attempts": 3, "retry_delay_ms": 3_600_000})
    fake.faults.add(Fault.RATE_LIMIT, device="dev-1", rate=1.0, retry_after=30)
    request = read_open_request(
        {"type": "text", "text": "عرض اليوم", "recipients": ["+201001234568"]}
    )
    sent = await container.sending.send_open(package_id, request)

    async def refused() -> bool:
        rows, _ = await container.sending.deliveries(package_id, sent.message.id)
        return any(d.error for d in rows)

    for _ in range(300):
        if await refused():
            break
        await settle(0.1)
    window.show_page("messages")
    messages = window.page("messages")
    await until(lambda: messages.table.model().rowCount() >= 2)
    select_row(messages.table, 0)
    await until(lambda: messages.delivery_model.rowCount() >= 1)
    splitter = messages.delivery_table.parentWidget()
    while not isinstance(splitter, QSplitter):
        splitter = splitter.parentWidget()
    splitter.setSizes([160, 520])
    headers = [c.header for c in delivery_columns()]
    table = messages.delivery_table
    table.setColumnWidth(headers.index("Why?"), 820)
    table.setColumnWidth(headers.index("Error"), 820)
    await settle(1.5)
    shot("60-delivery-why-gateway-detail")
    table.scrollTo(table.model().index(0, headers.index("Error")))
    await settle(1.0)
    shot("61-delivery-error-gateway-detail")


async def package_form_errors(window: Any, shot: Callable[[str], None]) -> None:
    """The package editor with an empty name and a time zone that is not one."""
    window.show_page("packages")
    packages = window.page("packages")
    await until(lambda: packages.table.model().rowCount() >= 1)
    select_row(packages.table, 0)
    editor = packages.editor
    await until(lambda: editor.name_edit.text() != "")
    editor.name_edit.setText("")
    editor.timezone.setCurrentText("Cairo")
    await until(lambda: bool(editor.error_text("name")))
    await settle(1.0)
    shot("62-package-form-errors")


if __name__ == "__main__":
    sys.exit(run_walk(walk))
