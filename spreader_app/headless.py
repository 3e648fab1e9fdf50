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
from collections.abc import Callable

from spreader_app import __version__
from spreader_app.bootstrap import Container, build, settle_heap
from spreader_app.config import load_settings
from spreader_app.core.clock import Clock
from spreader_app.core.errors import SpreaderError, StorageUnavailable
from spreader_app.core.events import Event, TunnelChanged
from spreader_app.core.receiving import TunnelPhase
from spreader_app.instance import lock_data_folder
from spreader_app.logging_setup import setup_logging
from spreader_app.paths import log_dir
from spreader_app.server.runner import ApiServer

log = logging.getLogger("spreader")

DRAIN_SECONDS = 15.0


async def serve(clock: Clock | None = None, *, tunnel: bool = False) -> int:
    """Runs until a stop signal; returns the process exit code. The data folder stays
    locked from before anything is written there until the process ends. ``clock``
    replaces the real one (black-box tests run time faster); ``tunnel`` starts a quick
    tunnel to the webhook whatever the saved receive mode."""
    lock = lock_data_folder("serve")
    try:
        return await _serve(clock, tunnel)
    finally:
        lock.release()


async def _serve(clock: Clock | None, tunnel: bool) -> int:
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
    unsubscribe = container.events.subscribe(_announce_webhook(container))
    container.receiving.serving_at(server.url)
    if tunnel:
        container.receiving.start_tunnel()
    else:
        container.receiving.resume()
    if container.receiving.view().tunnel.phase is TunnelPhase.NOT_INSTALLED and (
        tunnel or container.settings.receive_mode == "tunnel"
    ):
        log.warning(
            "no tunnel: cloudflared was not found; install it, or set SPREADER_CLOUDFLARED "
            "to its path (customers' messages cannot arrive meanwhile)"
        )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("stopping: finishing in-flight sends")
    unsubscribe()
    await server.stop()
    await container.stop(timeout=DRAIN_SECONDS)
    log.info("stopped cleanly")
    return 0


def _announce_webhook(container: Container) -> Callable[[Event], None]:
    """Tells the operator each new public address of the tunnel: the base in the log (the
    webhook secret is masked there), the full webhook URL on standard output."""

    def announce(event: Event) -> None:
        if isinstance(event, TunnelChanged) and event.state.phase is TunnelPhase.RUNNING:
            log.info("tunnel public address: %s", event.state.public_url)
            url = container.receiving.view().webhook_url
            print(f"Webhook URL (paste it into the Zentra dashboard): {url}", flush=True)

    return announce


def main(clock: Clock | None = None, *, tunnel: bool = False) -> int:
    try:
        return asyncio.run(serve(clock, tunnel=tunnel))
    except SpreaderError as exc:
        print(f"spreader: {exc.message}", file=sys.stderr)
        return 2
