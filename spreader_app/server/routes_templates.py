"""Message template endpoints: thin calls into ``TemplateService``.

As for Open Chat, the API takes media by URL only, never a path on this computer.
"""

from __future__ import annotations

from aiohttp import web

from spreader_app.server.auth import CONTAINER
from spreader_app.server.bodies import read_json
from spreader_app.server.params import refuse_local_files
from spreader_app.server.schemas import page_json, template_json

routes = web.RouteTableDef()
TPLS = "/api/v1/packages/{id}/templates"
TPL = TPLS + "/{tid}"


@routes.get(TPLS, name="templates")
async def list_templates(request: web.Request) -> web.Response:
    """200: the package's templates by name."""
    items = await request.app[CONTAINER].templates.list(request.match_info["id"])
    return web.json_response(page_json([template_json(t) for t in items], len(items)))


@routes.post(TPLS, name="template_create")
async def create_template(request: web.Request) -> web.Response:
    """201 with the template; 422 names each bad field; 409 when the name is taken."""
    body = await read_json(request)
    refuse_local_files(body)
    template = await request.app[CONTAINER].templates.create(request.match_info["id"], body)
    return web.json_response(
        template_json(template),
        status=201,
        headers={"Location": f"/api/v1/packages/{template.package_id}/templates/{template.id}"},
    )


@routes.get(TPL, name="template")
async def get_template(request: web.Request) -> web.Response:
    """200 with the template; 404 when the package has none of that id."""
    m = request.match_info
    return web.json_response(
        template_json(await request.app[CONTAINER].templates.get(m["id"], m["tid"]))
    )


@routes.put(TPL, name="template_update")
async def update_template(request: web.Request) -> web.Response:
    """200 with the changed template; fields left out keep their values."""
    body = await read_json(request)
    refuse_local_files(body)
    m = request.match_info
    template = await request.app[CONTAINER].templates.update(m["id"], m["tid"], body)
    return web.json_response(template_json(template))


@routes.delete(TPL, name="template_delete")
async def delete_template(request: web.Request) -> web.Response:
    """204 once deleted; messages sent from it keep their own copy of the text."""
    m = request.match_info
    await request.app[CONTAINER].templates.delete(m["id"], m["tid"])
    return web.Response(status=204)
