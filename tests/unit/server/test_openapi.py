"""The OpenAPI document: valid 3.1, complete, and in step with the services' fields."""

from __future__ import annotations

import httpx
import pytest
from openapi_spec_validator import validate

from spreader_app.bootstrap import Container
from spreader_app.core.content import CONTENT_FIELDS
from spreader_app.core.reply_router import REPLY_FIELDS
from spreader_app.core.services.packages import PACKAGE_FIELDS
from spreader_app.core.services.profiles import PROFILE_FIELDS
from spreader_app.core.services.sending import OPEN_FIELDS, OPTION_FIELDS
from spreader_app.server.app import build_app
from spreader_app.server.openapi import openapi_document
from spreader_app.server.params import VALIDATE_FIELDS

SCHEMAS = openapi_document()["components"]["schemas"]
# The API takes media by URL only (see params.refuse_local_files).
API_ONLY = {"media_path"}


def props(name: str) -> set[str]:
    return set(SCHEMAS[name]["properties"])


def test_openapi_document_is_valid_openapi_3_1() -> None:
    doc = openapi_document()
    assert doc["openapi"] == "3.1.0"
    validate(doc)


@pytest.mark.parametrize(
    ("schema", "fields"),
    [
        ("PackageCreate", PACKAGE_FIELDS),
        ("PackageUpdate", PACKAGE_FIELDS),
        ("ProfileCreate", PROFILE_FIELDS),
        ("ProfileUpdate", PROFILE_FIELDS),
        ("OpenRequest", OPEN_FIELDS - API_ONLY),
        ("ReplyRequest", REPLY_FIELDS - API_ONLY),
        ("ValidateRequest", VALIDATE_FIELDS),
    ],
)
def test_request_schemas_match_the_fields_services_accept(schema: str, fields: set[str]) -> None:
    assert props(schema) == set(fields)
    assert SCHEMAS[schema]["additionalProperties"] is False


def test_open_options_schema_matches_the_service() -> None:
    options = SCHEMAS["OpenRequest"]["properties"]["options"]["anyOf"][0]
    assert set(options["properties"]) == OPTION_FIELDS
    assert CONTENT_FIELDS - API_ONLY <= props("OpenRequest")


def test_every_route_is_documented_and_nothing_else(container: Container) -> None:
    app = build_app(container, bind_host="127.0.0.1")
    served = {
        (route.method.lower(), route.resource.canonical)
        for route in app.router.routes()
        if route.method != "HEAD" and route.resource is not None
    }
    documented = {
        (method, path) for path, ops in openapi_document()["paths"].items() for method in ops
    }
    assert served == documented


def test_every_operation_documents_its_errors() -> None:
    for path, ops in openapi_document()["paths"].items():
        for method, op in ops.items():
            codes = set(op["responses"])
            if "{" in path:
                assert "404" in codes, (method, path)
            if op.get("security") != []:
                assert {"401", "403", "429", "503"} <= codes, (method, path)
            if "requestBody" in op and op.get("security") != []:
                assert {"400", "413", "415", "422"} <= codes, (method, path)


async def test_openapi_is_served_without_a_key(anon: httpx.AsyncClient) -> None:
    r = await anon.get("/api/v1/openapi.json")
    assert r.status_code == 200
    assert r.json() == openapi_document()
