"""Desktop: cold start to the main window, and event-loop lag while a campaign dispatches.

Cold start: ``tests.benchmarks.cold_start`` in a new process, timed from just before the
process is spawned to the main window's first expose (offscreen platform); one untimed run
first so byte-code caches exist, as after an install, then the median of 5 (``--quick``: 1).
First paint: the real app (``python -m spreader_app`` from this tree, and the frozen build in
``dist/`` when there is one) on a fresh data folder with ``SPREADER_FIRST_PAINT`` set, timed
from just before the process is spawned to the main window's first paint event; one untimed
run first, then the median of 5 (``--quick``: 1).
Lag: the desktop session (window on the Profiles page, bridge, API) on a qasync loop while
50 profiles dispatch a 100,000-recipient campaign through the fake gateway (20 ms, own
process); a 10 ms precise ``QTimer``'s overshoot over 30 s (``--quick``: 5 s).
Run: ``python -m tests.benchmarks.bench_desktop [--quick]``.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.figures import Bound, Figure, median, percentile, section_main
from tests.benchmarks.harness import (
    PROFILES,
    SendCounter,
    container_for,
    devices,
    gateway,
    make_package,
)
from tests.campaign_data import numbers

SECTION = "desktop"
RECIPIENTS = 100_000
TICK_MS = 10


def cold_start() -> dict[str, float]:
    """One cold start; times in seconds from just before the process was spawned."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.cold_start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out.returncode != 0:
        raise RuntimeError(f"cold start failed ({out.returncode}):\n{out.stderr[-2000:]}")
    stamps = json.loads(out.stdout.strip().splitlines()[-1])
    return {
        k: (v - started if k != "rss_mb" else v) for k, v in stamps.items() if isinstance(v, float)
    }


FROZEN = Path(__file__).resolve().parents[2] / "dist" / "Spreader" / "Spreader"


def first_paint(command: list[str], data: Path, key: str) -> float:
    """Seconds from just before spawning ``command`` (the desktop app) on the data folder
    ``data`` to its main window's first paint."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SPREADER_DATA_DIR": str(data),
        "SPREADER_PORT": str(port),
        "SPREADER_MASTER_KEY": key,
        "SPREADER_ZENTRA_URL": "http://127.0.0.1:9/v1",
        "SPREADER_FIRST_PAINT": "-",
    }
    started = time.time()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {out.returncode}:\n{out.stderr[-2000:]}")
    return float(json.loads(out.stdout.strip().splitlines()[-1])["first_paint"]) - started


def first_paint_figures(runs: int) -> list[Figure]:
    """Per build: the first start (new data folder: the schema is created), then ``runs``
    starts on that folder, as every later start is."""
    from cryptography.fernet import Fernet

    figures = []
    builds = [("from source", [sys.executable, "-m", "spreader_app"], None)]
    if FROZEN.exists():
        builds.append(("frozen build", [str(FROZEN)], Bound("<", 1.0)))
    for name, command, target in builds:
        key = Fernet.generate_key().decode()
        with tempfile.TemporaryDirectory(prefix="spreader-paint-") as tmp:
            first = first_paint(command, Path(tmp), key)
            times = [first_paint(command, Path(tmp), key) for _ in range(runs)]
        figures.append(
            Figure(
                SECTION,
                f"cold start to first paint, {name}",
                median(times),
                "s",
                target,
                note=(
                    f"existing data folder, median of {runs}: "
                    + ", ".join(f"{t:.2f}" for t in times)
                    + f" s; the first start (creating the database) {first:.2f} s"
                ),
            )
        )
    return figures


def cold_start_figures(runs: int) -> list[Figure]:
    cold_start()
    results = [cold_start() for _ in range(runs)]
    shown = median([r["shown"] for r in results])
    imported = median([r["imported"] for r in results])
    started = median([r["started"] for r in results])
    return [
        Figure(
            SECTION,
            "cold start to main window exposed",
            shown,
            "s",
            Bound("<", 2.0),
            note=(
                f"median of {runs}; imports done {imported:.2f} s, engine started "
                f"{started:.2f} s, window exposed {shown:.2f} s"
            ),
        ),
        Figure(SECTION, "RSS idle, window shown", median([r["rss_mb"] for r in results]), "MB"),
    ]


async def lag_under_load(window: float) -> list[Figure]:
    from PySide6.QtCore import QCoreApplication, Qt, QTimer

    from spreader_app.core.services.sending import read_open_request
    from spreader_app.desktop import DesktopSession

    app = QCoreApplication.instance()
    devs = devices(PROFILES)
    with gateway(devs) as gw, tempfile.TemporaryDirectory(prefix="spreader-bench-") as tmp:
        c = container_for(Path(tmp), gw.url)
        await c.start()
        session = DesktopSession(app, c)  # type: ignore[arg-type]
        await session.open()
        try:
            package_id = await make_package(c, devs)
            await session.context.reload_packages()
            session.context.set_package(package_id)
            session.window.show_page("profiles")
            counter = SendCounter()
            c.events.subscribe(counter)
            req = read_open_request({"text": "Big sale", "recipients": numbers(RECIPIENTS)})
            await c.sending.send_open(package_id, req)
            await counter.wait_for(10 * PROFILES, 120)

            lags: list[float] = []
            last = [time.perf_counter()]

            def tick() -> None:
                now = time.perf_counter()
                lags.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
                last[0] = now

            timer = QTimer()
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.setInterval(TICK_MS)
            timer.timeout.connect(tick)
            sent, started = counter.sent, time.perf_counter()
            last[0] = started
            timer.start()
            await asyncio.sleep(window)
            timer.stop()
            rate = (counter.sent - sent) / (time.perf_counter() - started)
        finally:
            await session.close()
    return [
        Figure(
            SECTION,
            f"event-loop lag p99 during dispatch ({window:.0f} s)",
            percentile(lags, 99),
            "ms",
            Bound("<", 20.0),
            note=(
                f"{TICK_MS} ms QTimer, {len(lags)} ticks; median {median(lags):.1f} ms, "
                f"max {max(lags):.0f} ms; {rate:.0f} sends/s meanwhile"
            ),
        )
    ]


def measure(quick: bool) -> list[Figure]:
    import qasync

    from spreader_app.desktop import make_app

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    figures = cold_start_figures(1 if quick else 5) + first_paint_figures(1 if quick else 5)
    make_app([sys.argv[0]])
    figures += qasync.run(lag_under_load(5.0 if quick else 30.0))
    return figures


if __name__ == "__main__":
    sys.exit(section_main(measure, __doc__))
