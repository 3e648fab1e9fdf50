"""Package and profile endpoints: thin calls into ``PackageService``, ``ProfileService``
and ``StatsService``; the services validate, these handlers only translate."""

from __future__ import annotations

from aiohttp import web

from spreader_app.core.models import Package, Profile
from spreader_app.core.services.stats import ProfileLimits
from spreader_app.server.auth import CONTAINER
from spreader_app.server.bodies import read_json
from spreader_app.server.params import read_status_body
from spreader_app.server.schemas import (
    health_json,
    package_json,
    page_json,
    profile_json,
    profiles_json,
    stats_json,
)

routes = web.RouteTableDef()
PKG = "/api/v1/packages/{id}"
PROF = PKG + "/profiles/{pid}"


async def _limits(
    request: web.Request, package: Package, profiles: list[Profile]
) -> list[ProfileLimits]:
    c = request.app[CONTAINER]
    return await c.stats.limits(package, profiles, c.clock.timestamp())


async def _profile_answer(
    request: web.Request, profile: Profile, status: int = 200
) -> web.Response:
    package = await request.app[CONTAINER].packages.get(profile.package_id)
    limits = await _limits(request, package, [profile])
    return web.json_response(profile_json(profile, limits[0]), status=status)


@routes.get("/api/v1/packages", name="packages")
async def list_packages(request: web.Request) -> web.Response:
    """200: every package, oldest first."""
    c = request.app[CONTAINER]
    packages = await c.packages.list()
    items = [package_json(p, await c.pool.review(p)) for p in packages]
    return web.json_response(page_json(items, len(packages)))


@routes.post("/api/v1/packages", name="package_create")
async def create_package(request: web.Request) -> web.Response:
    """201 with the package (plan defaults filled in); 422 names each bad field."""
    c = request.app[CONTAINER]
    package = await c.packages.create(await read_json(request))
    return web.json_response(
        {**package_json(package, await c.pool.review(package)), "profiles": []},
        status=201,
        headers={"Location": f"/api/v1/packages/{package.id}"},
    )


@routes.get(PKG, name="package")
async def get_package(request: web.Request) -> web.Response:
    """200: the package with its profiles and their live limits; 404 unknown id."""
    c = request.app[CONTAINER]
    package = await c.packages.get(request.match_info["id"])
    profiles = await c.profiles.list(package.id)
    limits = await _limits(request, package, profiles)
    pool = await c.pool.review(package)
    return web.json_response(
        {**package_json(package, pool), "profiles": profiles_json(profiles, limits)}
    )


@routes.put(PKG, name="package_update")
async def update_package(request: web.Request) -> web.Response:
    """200: the package after the change; only the fields given change."""
    c = request.app[CONTAINER]
    package = await c.packages.update(request.match_info["id"], await read_json(request))
    return web.json_response(package_json(package, await c.pool.review(package)))


@routes.delete(PKG, name="package_delete")
async def delete_package(request: web.Request) -> web.Response:
    """204: the package is gone with its profiles, messages and routes."""
    await request.app[CONTAINER].packages.delete(request.match_info["id"])
    return web.Response(status=204)


@routes.get(PKG + "/stats", name="package_stats")
async def package_stats(request: web.Request) -> web.Response:
    """200: live limits per profile and today's delivery totals per mode."""
    stats = await request.app[CONTAINER].stats.package_stats(request.match_info["id"])
    return web.json_response(stats_json(stats))


@routes.get(PKG + "/profiles", name="profiles")
async def list_profiles(request: web.Request) -> web.Response:
    """200: the package's profiles with their live limits."""
    c = request.app[CONTAINER]
    package = await c.packages.get(request.match_info["id"])
    profiles = await c.profiles.list(package.id)
    limits = await _limits(request, package, profiles)
    return web.json_response(page_json(profiles_json(profiles, limits), len(profiles)))


@routes.post(PKG + "/profiles", name="profile_create")
async def create_profile(request: web.Request) -> web.Response:
    """201 with the profile; the token is stored encrypted and shown masked."""
    c = request.app[CONTAINER]
    profile = await c.profiles.create(request.match_info["id"], await read_json(request))
    return await _profile_answer(request, profile, status=201)


@routes.get(PROF, name="profile")
async def get_profile(request: web.Request) -> web.Response:
    """200: one profile with its live limits; 404 unknown package or profile."""
    c = request.app[CONTAINER]
    profile = await c.profiles.get(request.match_info["id"], request.match_info["pid"])
    return await _profile_answer(request, profile)


@routes.put(PROF, name="profile_update")
async def update_profile(request: web.Request) -> web.Response:
    """200: the profile after the change (a new token replaces the old one)."""
    c = request.app[CONTAINER]
    m = request.match_info
    profile = await c.profiles.update(m["id"], m["pid"], await read_json(request))
    return await _profile_answer(request, profile)


@routes.delete(PROF, name="profile_delete")
async def delete_profile(request: web.Request) -> web.Response:
    """204: the profile is removed."""
    m = request.match_info
    await request.app[CONTAINER].profiles.delete(m["id"], m["pid"])
    return web.Response(status=204)


@routes.get(PROF + "/health", name="profile_health")
async def profile_health(request: web.Request) -> web.Response:
    """200: health score, recent success rate and (if supported) device status."""
    m = request.match_info
    report = await request.app[CONTAINER].profiles.health(m["id"], m["pid"])
    return web.json_response(health_json(report))


@routes.patch(PROF + "/status", name="profile_status")
async def set_profile_status(request: web.Request) -> web.Response:
    """200: the profile set ``active`` or ``inactive`` by its owner."""
    m = request.match_info
    status = read_status_body(await read_json(request))
    profile = await request.app[CONTAINER].profiles.set_status(m["id"], m["pid"], status)
    return await _profile_answer(request, profile)
