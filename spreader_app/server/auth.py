"""Who may call the API: the API key, a per-key rate limit, and local-only browsers.

Every route needs the key (``X-API-Key: <key>`` or ``Authorization: Bearer <key>``) except
the public ones named in ``PUBLIC_ROUTES``. Keys are compared in constant time. While the
server listens on a loopback address, a request whose ``Host`` or ``Origin`` names another
machine is refused: that is how a web page elsewhere (or a DNS-rebinding trick) would try
to drive the API through the user's browser. The webhook is exempt from that check, since
a tunnel forwarding the gateway's calls keeps the public host name.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Handler

from spreader_app.server.errors import Forbidden, RateLimited, Unauthorized

if TYPE_CHECKING:
    from spreader_app.bootstrap import Container

CONTAINER: web.AppKey[Container] = web.AppKey("container")
# Route names reachable without the key; the webhook carries its own secret instead.
PUBLIC_ROUTES: Final = frozenset({"health", "openapi", "webhook", "webhook_check"})
WEBHOOK_ROUTES: Final = frozenset({"webhook", "webhook_check"})
_LOCAL_NAMES: Final = frozenset({"localhost", "localhost.", "ip6-localhost"})


def presented_key(headers: Mapping[str, str]) -> str | None:
    """The key from ``X-API-Key`` or an ``Authorization: Bearer`` header, if any."""
    key = headers.get("X-API-Key")
    if key:
        return key.strip()
    scheme, _, value = headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def same_secret(presented: str, expected: str) -> bool:
    """Constant-time comparison, so response timing reveals nothing about the secret."""
    return hmac.compare_digest(presented.encode("utf-8"), expected.encode("utf-8"))


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a bind address or host name, no port) is this machine only."""
    name = host.strip().strip("[]").lower()
    if name in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def is_local_host_header(value: str) -> bool:
    """Whether a ``Host`` header (``name[:port]``, ``[v6][:port]``) names this machine."""
    try:
        hostname = urlsplit(f"//{value.strip()}").hostname
    except ValueError:
        return False
    return hostname is not None and is_loopback(hostname)


def is_local_origin(value: str) -> bool:
    """Whether an ``Origin`` header is a page served from this machine (``null`` is not)."""
    try:
        parts = urlsplit(value.strip())
        return parts.scheme in ("http", "https") and is_loopback(parts.hostname or "")
    except ValueError:
        return False


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    """A token bucket per API key: ``per_minute()`` requests a minute, bursts up to that.

    ``clock`` returns monotonic seconds. ``take(key)`` spends one token and returns ``None``,
    or returns how many seconds to wait before the next request will be allowed.
    """

    def __init__(self, per_minute: Callable[[], int], clock: Callable[[], float]) -> None:
        self._per_minute = per_minute
        self._clock = clock
        self._buckets: dict[bytes, _Bucket] = {}

    def take(self, key: str) -> float | None:
        capacity = float(max(1, self._per_minute()))
        rate = capacity / 60.0
        now = self._clock()
        # Buckets are indexed by a digest so the raw key is not kept around a second time.
        slot = hashlib.sha256(key.encode("utf-8")).digest()
        bucket = self._buckets.setdefault(slot, _Bucket(capacity, now))
        bucket.tokens = min(capacity, bucket.tokens + max(0.0, now - bucket.at) * rate)
        bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return None
        return (1.0 - bucket.tokens) / rate


RATE_LIMITER: web.AppKey[RateLimiter] = web.AppKey("rate_limiter", RateLimiter)
LOOPBACK_ONLY: web.AppKey[bool] = web.AppKey("loopback_only", bool)


def check_browser_origin(request: web.Request) -> None:
    """Raises ``Forbidden`` for a non-local ``Host`` or ``Origin`` on a loopback server."""
    host = request.headers.get("Host")
    if host is not None and not is_local_host_header(host):
        raise Forbidden(
            f"This server only answers requests addressed to this computer, not {host!r}. "
            "Use http://127.0.0.1:<port>, or set SPREADER_HOST to listen on the network.",
            details={"header": "Host"},
        )
    origin = request.headers.get("Origin")
    if origin is not None and not is_local_origin(origin):
        raise Forbidden(
            f"Requests from web pages on {origin!r} are refused: only programs on this "
            "computer may use the local API.",
            details={"header": "Origin"},
        )


def authenticate(request: web.Request, expected_key: str) -> str:
    """The caller's key when it matches; raises ``Unauthorized`` otherwise."""
    key = presented_key(request.headers)
    if key is None:
        raise Unauthorized(
            "An API key is required: send it as the X-API-Key header or as "
            "'Authorization: Bearer <key>'. The key is shown in Settings.",
            headers={"WWW-Authenticate": 'Bearer realm="spreader"'},
        )
    if not same_secret(key, expected_key):
        raise Unauthorized(
            "The API key is wrong. Copy the current key from Settings "
            "(it changes when it is regenerated).",
            headers={"WWW-Authenticate": 'Bearer realm="spreader", error="invalid_token"'},
        )
    return key


@web.middleware
async def guard_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Routing errors first, then the local-origin check, the key and the rate limit."""
    match = request.match_info
    if match.http_exception is not None:
        raise match.http_exception
    name = match.route.name
    if request.app[LOOPBACK_ONLY] and name not in WEBHOOK_ROUTES:
        check_browser_origin(request)
    if name not in PUBLIC_ROUTES:
        key = authenticate(request, request.app[CONTAINER].settings.api_key)
        wait = request.app[RATE_LIMITER].take(key)
        if wait is not None:
            seconds = max(1, math.ceil(wait))
            raise RateLimited(
                f"Too many requests with this API key; try again in {seconds} s "
                "(the limit is set in Settings: API requests per minute).",
                details={"retry_after_seconds": seconds},
                headers={"Retry-After": str(seconds)},
            )
    return await handler(request)
