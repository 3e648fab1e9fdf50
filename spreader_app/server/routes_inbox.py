"""Inbox endpoints for integrations: conversations and the suppression (opt-out) list."""

from __future__ import annotations

from aiohttp import web

from spreader_app.core.errors import NotFound
from spreader_app.core.services.inbox import phone_key
from spreader_app.server.auth import CONTAINER
from spreader_app.server.bodies import read_json
from spreader_app.server.params import read_phone_body, read_phone_query
from spreader_app.server.schemas import (
    conversation_item_json,
    conversation_summary_json,
    page_json,
    suppression_json,
)

routes = web.RouteTableDef()
PKG = "/api/v1/packages/{id}"


@routes.get(PKG + "/conversations", name="conversations")
async def list_conversations(request: web.Request) -> web.Response:
    """200: customers who wrote to the package, most recent first."""
    items = await request.app[CONTAINER].inbox.conversations(request.match_info["id"])
    return web.json_response(page_json([conversation_summary_json(c) for c in items], len(items)))


@routes.get(PKG + "/conversations/{phone}", name="conversation")
async def get_conversation(request: web.Request) -> web.Response:
    """One customer's thread; an unknown customer is an empty thread, not an error."""
    package_id, phone = request.match_info["id"], request.match_info["phone"]
    items = await request.app[CONTAINER].inbox.conversation(package_id, phone)
    return web.json_response(
        {
            "package_id": package_id,
            "customer_phone": phone_key(phone),
            **page_json([conversation_item_json(i) for i in items], len(items)),
        }
    )


@routes.get(PKG + "/suppressions", name="suppressions")
async def list_suppressions(request: web.Request) -> web.Response:
    """200: numbers this package never messages again, newest first."""
    items = await request.app[CONTAINER].inbox.suppressions(request.match_info["id"])
    return web.json_response(page_json([suppression_json(s) for s in items], len(items)))


@routes.post(PKG + "/suppressions", name="suppression_add")
async def add_suppression(request: web.Request) -> web.Response:
    """201: the number is never messaged again from this package; queued sends end skipped."""
    package_id = request.match_info["id"]
    phone = read_phone_body(await read_json(request))
    skipped = await request.app[CONTAINER].inbox.suppress(package_id, phone)
    return web.json_response(
        {"package_id": package_id, "phone": phone_key(phone), "skipped_deliveries": skipped},
        status=201,
    )


@routes.delete(PKG + "/suppressions", name="suppression_remove")
async def remove_suppression(request: web.Request) -> web.Response:
    """204: ``?phone=`` may be messaged again; 404 when it was not suppressed."""
    package_id = request.match_info["id"]
    phone = read_phone_query(request.query)
    if not await request.app[CONTAINER].inbox.unsuppress(package_id, phone):
        raise NotFound(f"{phone} is not on the suppression list of package {package_id}.")
    return web.Response(status=204)
