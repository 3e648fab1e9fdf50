"""``/health``, the OpenAPI document and ``/validate-numbers``."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Final

from aiohttp import web

from spreader_app import __version__
from spreader_app.core.errors import NoProfileAvailable
from spreader_app.core.models import ProfileStatus
from spreader_app.core.phones import PhoneCheck, check_phone, normalize_region
from spreader_app.server.auth import CONTAINER
from spreader_app.server.bodies import read_json
from spreader_app.server.openapi import openapi_document
from spreader_app.server.params import ValidateRequest, read_validate_request

if TYPE_CHECKING:
    from spreader_app.bootstrap import Container

routes = web.RouteTableDef()
# Parallel number lookups per request: enough to be quick, few enough not to look like abuse.
LOOKUP_CONCURRENCY: Final = 8


@routes.get("/health", name="health")
async def health(request: web.Request) -> web.Response:
    """200 while the process serves and its configured database answers at the schema's
    head revision; 503 (``StorageUnavailable``) saying why not. No key needed."""
    c = request.app[CONTAINER]
    revision = await c.database_ready()
    return web.json_response(
        {
            "status": "ok",
            "version": __version__,
            "database": c.db.engine.dialect.name,
            "revision": revision,
        }
    )


@routes.get("/api/v1/openapi.json", name="openapi")
async def openapi(request: web.Request) -> web.Response:
    """200: the OpenAPI 3.1 document; no key needed."""
    return web.json_response(openapi_document())


async def whatsapp_presence(c: Container, package_id: str, numbers: list[str]) -> dict[str, Any]:
    """E.164 number → on WhatsApp (``True``/``False``), asked through the package's first
    active profile; ``None`` for every number when the gateway cannot tell.

    Raises ``NotFound`` (package) and ``NoProfileAvailable`` (no active profile).
    """
    profiles = await c.profiles.list(package_id)
    profile = next((p for p in profiles if p.status is ProfileStatus.ACTIVE), None)
    if profile is None:
        raise NoProfileAvailable(
            f"Package {package_id} has no active profile to ask the gateway with: "
            "set a profile active, or leave check_whatsapp out."
        )
    token = await c.tokens.get(profile.id)
    unique = list(dict.fromkeys(numbers))
    out: dict[str, bool | None] = {}
    if not unique:
        return out
    out[unique[0]] = await c.gateway.check_number(profile.zentra_uuid, token, unique[0])
    if out[unique[0]] is None:
        return out  # the gateway does not offer the lookup: do not ask 10,000 times
    gate = asyncio.Semaphore(LOOKUP_CONCURRENCY)

    async def ask(number: str) -> None:
        async with gate:
            out[number] = await c.gateway.check_number(profile.zentra_uuid, token, number)

    await asyncio.gather(*(ask(n) for n in unique[1:]))
    return out


async def validate_numbers(c: Container, req: ValidateRequest) -> list[dict[str, Any]]:
    """Each input's verdict (``check_phone``) plus ``on_whatsapp`` when asked for.

    Raises ``ValidationFailed`` for an unknown region, plus what ``whatsapp_presence`` raises.
    """
    region = req.region if req.region is not None else c.settings.default_region
    normalize_region(region)
    loop = asyncio.get_running_loop()
    # Parsing 10,000 numbers takes a noticeable moment: keep it off the event loop.
    checks: list[PhoneCheck] = await loop.run_in_executor(
        None, lambda: [check_phone(n, region) for n in req.numbers]
    )
    presence: dict[str, Any] = {}
    if req.check_whatsapp and req.package_id is not None:
        valid = [x.e164 for x in checks if x.valid and x.e164]
        presence = await whatsapp_presence(c, req.package_id, valid)
    return [
        {
            "input": x.input,
            "e164": x.e164,
            "valid": x.valid,
            "reason": x.reason.value if x.reason else None,
            "message": x.message,
            "type": x.type,
            "on_whatsapp": presence.get(x.e164) if x.valid and x.e164 else None,
        }
        for x in checks
    ]


@routes.post("/api/v1/validate-numbers", name="validate_numbers")
async def post_validate_numbers(request: web.Request) -> web.Response:
    """200: a verdict per number plus totals; 422 for a bad body or region."""
    c = request.app[CONTAINER]
    results = await validate_numbers(c, read_validate_request(await read_json(request)))
    valid = sum(1 for r in results if r["valid"])
    return web.json_response(
        {"results": results, "total": len(results), "valid": valid, "invalid": len(results) - valid}
    )
