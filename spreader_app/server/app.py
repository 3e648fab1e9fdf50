"""Builds the aiohttp application: routes → handlers, and the middleware order.

Middlewares run outside in: ``error_middleware`` (every failure → the JSON error shape),
then ``guard_middleware`` (routing errors, local-origin check, API key, rate limit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from spreader_app.server import (
    routes_inbox,
    routes_messages,
    routes_misc,
    routes_packages,
    routes_pool,
    routes_templates,
    routes_webhooks,
)
from spreader_app.server.auth import (
    CONTAINER,
    LOOPBACK_ONLY,
    RATE_LIMITER,
    RateLimiter,
    guard_middleware,
    is_loopback,
)
from spreader_app.server.bodies import OPEN_CHAT_LIMIT
from spreader_app.server.errors import INCIDENTS, Incidents, error_middleware

if TYPE_CHECKING:
    from spreader_app.bootstrap import Container


def build_app(container: Container, *, bind_host: str) -> web.Application:
    """The API application for ``container``; ``bind_host`` decides the local-origin check."""
    # Bodies are read through bodies.read_bytes, which enforces each endpoint's own limit;
    # aiohttp's global cap only has to admit the largest of them.
    app = web.Application(
        middlewares=[error_middleware, guard_middleware], client_max_size=OPEN_CHAT_LIMIT
    )
    app[CONTAINER] = container
    app[INCIDENTS] = Incidents()
    app[LOOPBACK_ONLY] = is_loopback(bind_host)
    app[RATE_LIMITER] = RateLimiter(
        lambda: container.settings.api_rate_limit_per_minute, container.clock.monotonic
    )
    # /messages/open and /reply come before /messages/{mid} so the fixed paths win.
    for module in (
        routes_misc,
        routes_packages,
        routes_pool,
        routes_messages,
        routes_templates,
        routes_inbox,
        routes_webhooks,
    ):
        app.router.add_routes(module.routes)
    return app
