"""Open Chat, Reply Chat, message status and listing, cancel / pause / resume.

The bodies go unchanged to ``read_open_request`` and ``read_reply_request``; the only rule
added here is that the API takes media by URL, never a path on this computer.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from spreader_app.core.gc_pause import gc_paused
from spreader_app.core.reply_router import read_reply_request
from spreader_app.core.services.sending import read_open_request
from spreader_app.server.auth import CONTAINER
from spreader_app.server.bodies import OPEN_CHAT_LIMIT, read_json
from spreader_app.server.params import (
    read_delivery_query,
    read_explain,
    read_message_filter,
    refuse_local_files,
)
from spreader_app.server.schemas import (
    message_detail_json,
    message_json,
    open_result_json,
    page_json,
    reply_result_json,
)

routes = web.RouteTableDef()
MSGS = "/api/v1/packages/{id}/messages"
MSG = MSGS + "/{mid}"


@routes.post(MSGS + "/open", name="send_open")
async def send_open(request: web.Request) -> web.Response:
    """202: the message is recorded and queued; the dispatcher sends it."""
    body = await read_json(request, OPEN_CHAT_LIMIT)
    refuse_local_files(body)
    # 100,000 recipient objects take a tenth of a second to read: not on the event loop.
    read = gc_paused(read_open_request)
    req = await asyncio.get_running_loop().run_in_executor(None, read, body)
    result = await request.app[CONTAINER].sending.send_open(request.match_info["id"], req)
    return web.json_response(
        open_result_json(result),
        status=202,
        headers={
            "Location": f"/api/v1/packages/{result.message.package_id}/messages/{result.message.id}"
        },
    )


@routes.post(MSGS + "/reply", name="send_reply")
async def send_reply(request: web.Request) -> web.Response:
    """200 once the gateway answered; a failed send is reported in the body, not raised."""
    c = request.app[CONTAINER]
    body = await read_json(request)
    refuse_local_files(body)
    req = read_reply_request(body, c.settings.default_region)
    result = await c.replies.send_reply(request.match_info["id"], req)
    return web.json_response(reply_result_json(result))


@routes.get(MSGS, name="messages")
async def list_messages(request: web.Request) -> web.Response:
    """200: the package's messages, newest first, filtered and paginated."""
    flt = read_message_filter(request.query)
    items, total = await request.app[CONTAINER].sending.messages(request.match_info["id"], flt)
    return web.json_response(
        page_json([message_json(m) for m in items], total, flt.limit, flt.offset)
    )


@routes.get(MSG, name="message")
async def get_message(request: web.Request) -> web.Response:
    """200: progress counters and a page of deliveries (``?status&limit&offset``)."""
    sending = request.app[CONTAINER].sending
    status, limit, offset = read_delivery_query(request.query)
    package_id, message_id = request.match_info["id"], request.match_info["mid"]
    message = await sending.message(package_id, message_id)
    deliveries, total = await sending.deliveries(
        package_id, message_id, status=status, limit=limit, offset=offset
    )
    explained = await request.app[CONTAINER].why.explain(package_id, message_id, deliveries)
    explain = read_explain(request.query)
    return web.json_response(
        message_detail_json(message, deliveries, total, limit, offset, explained, explain=explain)
    )


@routes.post(MSG + "/cancel", name="message_cancel")
async def cancel_message(request: web.Request) -> web.Response:
    """200: what was not sent yet is cancelled; 409 once the message finished."""
    m = request.match_info
    message = await request.app[CONTAINER].sending.cancel(m["id"], m["mid"])
    return web.json_response(message_json(message))


@routes.post(MSG + "/pause", name="message_pause")
async def pause_message(request: web.Request) -> web.Response:
    """200: the Open Chat message waits until resumed; 409 when finished."""
    m = request.match_info
    message = await request.app[CONTAINER].sending.pause(m["id"], m["mid"])
    return web.json_response(message_json(message))


@routes.post(MSG + "/resume", name="message_resume")
async def resume_message(request: web.Request) -> web.Response:
    """200: the paused message is sent again as the rules allow."""
    m = request.match_info
    message = await request.app[CONTAINER].sending.resume(m["id"], m["mid"])
    return web.json_response(message_json(message))
