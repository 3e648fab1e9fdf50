"""The floor under any reply path on this machine: a bare HTTP pass-through to the gateway.

It answers the reply endpoint's path by forwarding the text to the gateway's ``POST
/messages`` with the same libraries Spreader uses (an aiohttp server, one aiohttp client
session, the same multipart form) and nothing else: no validation, no API key, no database,
no routing. What it adds over a direct call is the cost of a second process hop (two more
loopback sends, two more wake-ups, HTTP parsing on both sides), which Spreader pays too; the
reply benchmark measures it beside Spreader's own replies, with the same client, so the
difference between the two is what Spreader's own work costs.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
from aiohttp import web

from spreader_app.core.models import MessageContent, SendRequest
from spreader_app.zentra.payloads import encode_multipart, send_form

REPLY_PATH = "/api/v1/packages/{id}/messages/reply"


@asynccontextmanager
async def passthrough(zentra_url: str, device: str, token: str) -> AsyncIterator[str]:
    """A pass-through server on a free loopback port of the running loop; yields its URL.

    Each request's JSON ``text`` and ``recipient`` are sent through ``device``; the answer
    has the field the reply client checks (``status``).
    """
    session = aiohttp.ClientSession()

    async def reply(request: web.Request) -> web.Response:
        data = json.loads(await request.read())
        send = SendRequest(device, token, data["recipient"], MessageContent(text=data["text"]))
        body, content_type = encode_multipart(send_form(send))
        async with session.post(
            f"{zentra_url}/messages",
            data=body,
            headers={"x-api-token": token, "Content-Type": content_type},
        ) as answer:
            await answer.text()
            accepted = answer.status < 300
        return web.json_response({"status": "sent" if accepted else "failed"})

    app = web.Application()
    app.router.add_post(REPLY_PATH, reply)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()
        await session.close()
