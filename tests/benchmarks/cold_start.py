"""One cold desktop start, for the desktop section: ``python -m tests.benchmarks.cold_start``.

Does what ``spreader`` does (logging, the Qt application and theme, the container on a
fresh data folder, the main window with its API server) on the offscreen platform, and
prints one JSON line of POSIX times when imports finished, the engine started and the main
window was first exposed, plus the resident memory then. The caller times the process
start itself. The vault key is in memory: no OS keyring to wait for.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Everything the desktop imports is part of the start-up being timed.
import qasync  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from spreader_app.desktop import DesktopSession, make_app  # noqa: E402
from spreader_app.gui.theme import apply_theme  # noqa: E402
from spreader_app.logging_setup import setup_logging  # noqa: E402
from spreader_app.paths import log_dir  # noqa: E402
from tests.benchmarks.harness import container_for, rss_mb  # noqa: E402


async def start_and_show(app: QApplication, data_dir: Path, stamps: dict[str, float]) -> None:
    setup_logging(log_dir(data_dir), "WARNING")
    container = container_for(data_dir, "http://127.0.0.1:9/v1")
    apply_theme(app, container.settings.theme)
    await container.start()
    stamps["started"] = time.time()

    class ExposeWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Expose and "shown" not in stamps:
                stamps["shown"] = time.time()
            return False

    session = DesktopSession(app, container)
    session.window.winId()  # creates the native window, so its exposure can be watched
    handle = session.window.windowHandle()
    watch = ExposeWatch()
    handle.installEventFilter(watch)
    await session.open()
    deadline = time.monotonic() + 30
    while "shown" not in stamps and time.monotonic() < deadline:
        await asyncio.sleep(0.001)
    stamps["rss_mb"] = rss_mb()
    handle.removeEventFilter(watch)
    await session.close()


def main() -> int:
    stamps = {"imported": time.time()}
    app = make_app([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="spreader-cold-") as tmp:
        qasync.run(start_and_show(app, Path(tmp), stamps))
    print(json.dumps(stamps), flush=True)
    return 0 if "shown" in stamps else 1


if __name__ == "__main__":
    sys.exit(main())
