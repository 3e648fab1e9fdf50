"""``spreader serve``: the engine and the local HTTP API on plain asyncio, no window.

SIGINT/SIGTERM stop taking work, let in-flight sends finish and be recorded (bounded wait)
and exit 0. A start-up problem (settings, vault key, port in use, database) is reported in
one line and exits 2.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from spreader_app import __version__
from spreader_app.bootstrap import build, settle_heap
from spreader_app.config import load_settings
from spreader_app.core.clock import Clock
from spreader_app.core.errors import SpreaderError, StorageUnavailable
from spreader_app.instance import lock_data_folder
from spreader_app.logging_setup import setup_logging
from spreader_app.paths import log_dir
from spreader_app.server.runner import ApiServer

log = logging.getLogger("spreader")

DRAIN_SECONDS = 15.0


async def serve(clock: Clock | None = None) -> int:
    """Runs until a stop signal; returns the process exit code. The data folder stays
    locked from before anything is written there until the process ends. ``clock``
    replaces the real one (black-box tests run time faster)."""
    lock = lock_data_folder("serve")
    try:
        return await _serve(clock)
    finally:
        lock.release()


async def _serve(clock: Clock | None) -> int:
    settings = load_settings()
    try:
        setup_logging(log_dir(settings.data_dir), settings.log_level)
    except OSError as exc:
        raise StorageUnavailable(
            f"The log folder in {settings.data_dir} cannot be written ({exc.strerror}). "
            "Make the data folder writable, or set SPREADER_DATA_DIR to one that is."
        ) from exc
    container = build(settings, clock=clock)
    await container.start()
    server = ApiServer(container)
    try:
        await server.start(settings.host, settings.port)
    except OSError as exc:
        await container.stop(timeout=DRAIN_SECONDS)
        raise SpreaderError(
            f"Cannot listen on {settings.host}:{settings.port} ({exc.strerror}). "
            "Set SPREADER_PORT to a free port."
        ) from exc
    settle_heap()
    log.info(
        "Spreader %s serving on %s (vault key: %s)", __version__, server.url, container.vault_source
    )
    print(f"Spreader {__version__} listening on {server.url}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("stopping: finishing in-flight sends")
    await server.stop()
    await container.stop(timeout=DRAIN_SECONDS)
    log.info("stopped cleanly")
    return 0


def main(clock: Clock | None = None) -> int:
    try:
        return asyncio.run(serve(clock))
    except SpreaderError as exc:
        print(f"spreader: {exc.message}", file=sys.stderr)
        return 2
