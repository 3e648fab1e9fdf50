"""The Zentra webhook: secret check, raw payload stored first, a quick 200.

Anything stored is acknowledged with 200, even a payload that could not be understood (it
is flagged for the owner), so the gateway does not retry it forever. A wrong secret gets
the same 404 as an unknown route. Spreader's own self-probe is echoed, not stored.
``GET`` answers 200 for gateways that probe the URL.
"""

from __future__ import annotations

from aiohttp import web

from spreader_app.core.receiving import probe_nonce
from spreader_app.server.auth import CONTAINER, same_secret
from spreader_app.server.bodies import DEFAULT_LIMIT, read_bytes
from spreader_app.server.errors import RouteNotFound
from spreader_app.server.schemas import receipt_json

routes = web.RouteTableDef()
HOOK = "/webhooks/zentra/{secret}"


def _check_secret(request: web.Request) -> None:
    expected = request.app[CONTAINER].settings.webhook_secret
    if not same_secret(request.match_info["secret"], expected):
        raise RouteNotFound(
            "There is no webhook at this address. Copy the webhook URL from Settings "
            "(it changes when the secret is regenerated)."
        )


@routes.post(HOOK, name="webhook")
async def receive(request: web.Request) -> web.Response:
    """200 with the receipt once the raw body is stored; 503 when it cannot be."""
    _check_secret(request)
    body = await read_bytes(request, DEFAULT_LIMIT)
    nonce = probe_nonce(body)
    if nonce is not None:
        return web.json_response({"probe": nonce})
    content_type = request.headers.get("Content-Type")
    receipt = await request.app[CONTAINER].inbox.receive(body, content_type)
    return web.json_response(receipt_json(receipt))


@routes.get(HOOK, name="webhook_check")
async def verify(request: web.Request) -> web.Response:
    """200 for a gateway checking that the URL exists."""
    _check_secret(request)
    return web.json_response({"status": "ok"})
