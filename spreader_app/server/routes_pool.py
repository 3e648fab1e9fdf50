"""Pool breaker endpoints: resume a paused pool (with a note), release or cancel held
recipients, and the pool's events. Thin calls into ``PoolService``."""

from __future__ import annotations

from aiohttp import web

from spreader_app.server.auth import CONTAINER
from spreader_app.server.bodies import read_json
from spreader_app.server.params import read_since
from spreader_app.server.schemas import page_json, pool_event_json, pool_json

routes = web.RouteTableDef()
PKG = "/api/v1/packages/{id}"


@routes.post(PKG + "/pool/resume", name="pool_resume")
async def resume_pool(request: web.Request) -> web.Response:
    """200: the pool after the owner resumed Open Chat; 422 without a non-blank ``note``;
    409 when the pool is not paused."""
    pool = request.app[CONTAINER].pool
    view = await pool.resume(request.match_info["id"], await read_json(request))
    return web.json_response(pool_json(view))


@routes.post(PKG + "/held/release", name="held_release")
async def release_held(request: web.Request) -> web.Response:
    """200: how many held recipients go out again, through the profiles that can send."""
    pool = request.app[CONTAINER].pool
    count = await pool.release(request.match_info["id"])
    return web.json_response({"released": count})


@routes.post(PKG + "/held/cancel", name="held_cancel")
async def cancel_held(request: web.Request) -> web.Response:
    """200: how many held recipients were cancelled."""
    pool = request.app[CONTAINER].pool
    count = await pool.cancel(request.match_info["id"])
    return web.json_response({"cancelled": count})


@routes.get(PKG + "/events", name="pool_events")
async def pool_events(request: web.Request) -> web.Response:
    """200: the pool's events at or after ``since`` (ISO 8601), oldest first."""
    pool = request.app[CONTAINER].pool
    events = await pool.events(request.match_info["id"], read_since(request.query))
    return web.json_response(page_json([pool_event_json(e) for e in events], len(events)))
