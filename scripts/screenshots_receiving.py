"""Screenshots of Settings → "Receive customers' messages" in each state, and of the
passphrase dialog, in the real window.

Run under X (``scripts/screenshots.sh`` runs it after the main walk)::

    DISPLAY=:97 QT_QPA_PLATFORM=xcb python3 scripts/screenshots_receiving.py docs/screenshots

A stand-in ``cloudflared`` (``tests/fakes/fake_cloudflared.py``) plays the tunnel.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.screenshots import run_walk, until  # noqa: E402
from spreader_app.bootstrap import build  # noqa: E402
from spreader_app.config import load_settings  # noqa: E402
from spreader_app.desktop import DesktopSession  # noqa: E402
from spreader_app.gui.pages.settings_page import SettingsPage  # noqa: E402
from spreader_app.gui.passphrase_dialog import PassphraseDialog  # noqa: E402
from spreader_app.vault.passphrase import PassphraseStore  # noqa: E402
from tests.fakes.fake_cloudflared import put_first_on_path, started_pids  # noqa: E402


async def walk(out: Path) -> None:
    data = Path(tempfile.mkdtemp(prefix="spreader-shots-receiving-"))
    tools = data / "tools"
    tools.mkdir()
    plain_path = os.environ["PATH"]
    os.environ.update(
        {
            "SPREADER_DATA_DIR": str(data / "data"),
            "SPREADER_MASTER_KEY": Fernet.generate_key().decode(),
            "SPREADER_PORT": "18778",
            "PATH": str(tools / "none"),
        }
    )
    fake_env: dict[str, str] = {"PATH": plain_path}
    pids = put_first_on_path(tools, fake_env)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    container = build(load_settings())
    await container.start()
    session = DesktopSession(app, container)
    await session.open()
    window = session.window
    window.resize(1100, 860)
    window.show_page("settings")
    page = window.page("settings")
    assert isinstance(page, SettingsPage)
    section = page.receiving_section
    shots: list[str] = []

    def shot(name: str, widget: QWidget | None = None) -> None:
        path = out / f"{name}.png"
        (widget or window).grab().save(str(path))
        shots.append(path.name)

    async def show(name: str, settle: float = 0.5) -> None:
        await asyncio.sleep(settle)
        shot(name, section)

    await show("20-receive-off")
    section.tunnel_radio.click()
    await until(lambda: section.view.mode.value == "tunnel")
    await show("21-receive-no-cloudflared")

    os.environ.update(fake_env | {"FAKE_TUNNEL_DELAY": "3"})
    section.restart_button.click()
    await until(lambda: section.view.tunnel.phase.value == "starting")
    await show("22-receive-tunnel-starting", 0.3)
    await until(lambda: section.view.tunnel.phase.value == "running")
    await show("23-receive-tunnel-running")

    os.environ["FAKE_TUNNEL_DELAY"] = "0"
    os.kill(started_pids(pids)[-1], signal.SIGKILL)
    await until(lambda: section.view.tunnel.phase.value == "failed")
    await show("24-receive-tunnel-restarting", 0.1)
    await until(lambda: section.view.tunnel.changed)
    await show("25-receive-tunnel-address-changed")

    os.environ["FAKE_TUNNEL_FAIL"] = "1"
    os.kill(started_pids(pids)[-1], signal.SIGKILL)
    await until(lambda: "failed to request" in section.view.tunnel.detail, 30)
    await show("26-receive-tunnel-failed", 0.1)
    os.environ.pop("FAKE_TUNNEL_FAIL")

    section.address_radio.click()
    section.public_edit.setText("https://shop.example.com")
    section.listen_combo.setCurrentText("0.0.0.0")
    section.apply_button.click()
    await until(lambda: section.view.mode.value == "address")
    await show("27-receive-own-address")

    dialog = PassphraseDialog(PassphraseStore(data / "vault"))
    (data / "vault").mkdir()
    dialog.show()
    dialog.passphrase.setText("summer")
    dialog.repeat.setText("summer")
    dialog._check()
    await asyncio.sleep(0.5)
    shot("28-passphrase-choose", dialog)
    dialog.close()

    await session.close()
    print("\n".join(shots))


def main() -> int:
    return run_walk(walk)


if __name__ == "__main__":
    raise SystemExit(main())
