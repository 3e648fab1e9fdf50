"""One JSON error shape for every failure the API reports, and the middleware that keeps it.

Every error answer is ``{"error": {"code", "message", "details"}}``. Domain errors carry
their own ``code`` and ``http_status`` (``core.errors``); the transport's own problems
(authentication, limits, malformed bodies, unknown routes) are ``SpreaderError`` subclasses
defined here, so one mapping serves both. Anything else is a bug: it is logged with its
traceback and answered with a generic 500 that reveals nothing of the internals.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler

from spreader_app.core.errors import SpreaderError

log = logging.getLogger("spreader.api")


@dataclass
class Incidents:
    """How many requests ended in an unexpected exception (answered 500) since start."""

    count: int = 0


INCIDENTS: web.AppKey[Incidents] = web.AppKey("incidents", Incidents)


class HttpProblem(SpreaderError):
    """A transport-level error; ``headers`` are added to the answer (``Retry-After``, ``Allow``)."""

    code = "bad_request"
    http_status = 400

    def __init__(
        self, message: str, *, details: Any = None, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message, details=details)
        self.headers = dict(headers or {})


class MalformedBody(HttpProblem):
    code = "malformed_json"
    http_status = 400


class Unauthorized(HttpProblem):
    code = "unauthorized"
    http_status = 401


class Forbidden(HttpProblem):
    code = "forbidden"
    http_status = 403


class RouteNotFound(HttpProblem):
    code = "not_found"
    http_status = 404


class MethodNotAllowed(HttpProblem):
    code = "method_not_allowed"
    http_status = 405


class PayloadTooLarge(HttpProblem):
    code = "payload_too_large"
    http_status = 413


class UnsupportedMediaType(HttpProblem):
    code = "unsupported_media_type"
    http_status = 415


class RateLimited(HttpProblem):
    code = "rate_limited"
    http_status = 429


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The JSON document of an error answer."""
    return {"error": {"code": code, "message": message, "details": details}}


def error_response(exc: SpreaderError) -> web.Response:
    """The answer for a domain or transport error, with its status and extra headers."""
    headers = exc.headers if isinstance(exc, HttpProblem) else None
    return web.json_response(
        error_body(exc.code, exc.message, exc.details), status=exc.http_status, headers=headers
    )


def _from_aiohttp(exc: web.HTTPException, request: web.Request) -> SpreaderError:
    """aiohttp's own routing and size errors, translated into the JSON shape."""
    if isinstance(exc, web.HTTPMethodNotAllowed):
        allowed = sorted(exc.allowed_methods)
        return MethodNotAllowed(
            f"{request.method} is not allowed on {request.path}; use {', '.join(allowed)}.",
            details={"allowed": allowed},
            headers={"Allow": ", ".join(allowed)},
        )
    if isinstance(exc, web.HTTPNotFound):
        return RouteNotFound(
            f"There is no endpoint at {request.path}; the API lives under /api/v1 "
            "(see /api/v1/openapi.json)."
        )
    if isinstance(exc, web.HTTPRequestEntityTooLarge):
        return PayloadTooLarge("The request body is too large.")
    problem = HttpProblem(exc.reason)
    problem.http_status = exc.status
    problem.code = exc.reason.lower().replace(" ", "_")
    return problem


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turns every exception into the JSON error shape; logs the unexpected ones."""
    try:
        return await handler(request)
    except SpreaderError as exc:
        return error_response(exc)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return error_response(_from_aiohttp(exc, request))
    except Exception:
        request.app[INCIDENTS].count += 1
        # The route's template, not the path: the webhook's path carries its secret.
        resource = request.match_info.route.resource
        where = resource.canonical if resource is not None else "(no route)"
        log.exception("unexpected error answering %s %s", request.method, where)
        return web.json_response(
            error_body(
                "internal_error",
                "Spreader hit an unexpected problem answering this request; "
                "the details are in its log file.",
            ),
            status=500,
        )
