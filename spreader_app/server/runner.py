"""Runs the API on the event loop that is already running, in both front ends.

``spreader serve`` (plain asyncio) and the desktop (qasync) both call ``start()`` from a
coroutine; the server never creates a loop of its own (no ``web.run_app``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from aiohttp import web

from spreader_app.server.app import build_app
from spreader_app.server.errors import INCIDENTS

if TYPE_CHECKING:
    from spreader_app.bootstrap import Container

log = logging.getLogger("spreader.api")

# How long stop() lets requests in progress (a reply waiting on the gateway) finish.
SHUTDOWN_SECONDS: Final = 10.0


class ApiServer:
    """The local HTTP API and webhook receiver of one ``Container``.

    ``start(host, port)`` binds (``port`` 0 picks a free one) and raises ``OSError`` when the
    address is unavailable; ``stop()`` stops accepting, lets requests in progress finish
    (up to ``SHUTDOWN_SECONDS``) and closes. ``url`` is ``http://host:port``.
    """

    def __init__(self, container: Container) -> None:
        self._container = container
        self._runner: web.AppRunner | None = None
        self._app: web.Application | None = None
        self._url = ""

    @property
    def url(self) -> str:
        """The base URL; raises ``RuntimeError`` before ``start()``."""
        if not self._url:
            raise RuntimeError("ApiServer has no URL until start() is awaited.")
        return self._url

    @property
    def unexpected_errors(self) -> int:
        """Requests answered 500 because of an unexpected exception since ``start()``."""
        return self._app[INCIDENTS].count if self._app is not None else 0

    async def start(self, host: str, port: int) -> None:
        if self._runner is not None:
            raise RuntimeError("ApiServer is already running; stop() it first.")
        app = build_app(self._container, bind_host=host)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=SHUTDOWN_SECONDS)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner, self._app = runner, app
        bound_port = runner.addresses[0][1]
        shown = f"[{host}]" if ":" in host else host
        self._url = f"http://{shown}:{bound_port}"
        log.info("API listening on %s", self._url)

    async def stop(self) -> None:
        """Idempotent; safe to call when ``start()`` failed or never ran."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
            log.info("API stopped")
