"""Screenshot of a tray notification (a customer's message) on a virtual screen.

Needs a system tray on the display, e.g. Debian's ``trayer``::

    Xvfb :97 & DISPLAY=:97 trayer & DISPLAY=:97 QT_QPA_PLATFORM=xcb \
        python3 scripts/screenshot_notification.py docs/screenshots
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spreader_app.core.events import EventBus, InboundReceived  # noqa: E402
from spreader_app.desktop import make_app  # noqa: E402
from spreader_app.gui.bridge import EventBridge  # noqa: E402
from spreader_app.gui.theme import apply_theme  # noqa: E402
from spreader_app.gui.tray import Tray  # noqa: E402


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    apply_theme(app, "light")
    bus = EventBus()
    bridge = EventBridge(bus)
    window = QMainWindow()
    tray = Tray(window, bridge)
    if not tray.available:
        print("no system tray on this display: start one (trayer) first", file=sys.stderr)
        return 1
    wait(1000)
    bus.publish(InboundReceived("pkg", "+201066183456", "p1", "Is my order ready to collect?"))
    bridge.flush()
    wait(1500)
    path = out / "29-notification-customer-message.png"
    width = app.primaryScreen().geometry().width()
    corner = f"{width // 2}x200+{width - width // 2}+0"  # where the tray shows it
    subprocess.run(["import", "-window", "root", "-crop", corner, "+repage", str(path)], check=True)
    print(path.name)
    tray.hide()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
