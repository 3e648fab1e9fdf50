"""OpenAPI shapes and operations of message templates (``routes_templates``), kept apart
from the other components; ``openapi.py`` merges them in."""

from __future__ import annotations

from typing import Final

from spreader_app.core.models import MessageType
from spreader_app.core.services.templates import MAX_NAME
from spreader_app.server.openapi_schemas import (
    CONTENT_FIELDS,
    STR,
    TIME,
    S,
    enum,
    listing,
    null,
    obj,
    text,
)

_T: Final = "/api/v1/packages/{id}/templates"
TEMPLATE_OPS: Final = (
    ("get", _T, "listTemplates", 200, "TemplateList", None, ()),
    ("post", _T, "createTemplate", 201, "Template", "TemplateCreate", (409,)),
    ("get", _T + "/{tid}", "getTemplate", 200, "Template", None, ()),
    ("put", _T + "/{tid}", "updateTemplate", 200, "Template", "TemplateUpdate", (409,)),
    ("delete", _T + "/{tid}", "deleteTemplate", 204, None, None, ()),
)
TEMPLATE_SUMMARY: Final = {
    "listTemplates": "Saved message templates of the package, by name",
    "createTemplate": "Save a message template ({{variables}} and {spin|text} allowed)",
    "getTemplate": "One template",
    "updateTemplate": "Change a template; fields left out keep their values",
    "deleteTemplate": "Delete a template (messages sent from it keep their text)",
}
_BODY: Final[S] = {**CONTENT_FIELDS, "name": text(1, MAX_NAME)}
TEMPLATE_COMPONENTS: Final[S] = {
    "Template": obj(
        {
            "template_id": STR,
            "package_id": STR,
            "name": STR,
            "type": enum(MessageType),
            "text": STR,
            "media_url": null(STR),
            "caption": null(STR),
            "created_at": null(TIME),
            "updated_at": null(TIME),
        },
        ("template_id", "package_id", "name", "type", "text"),
    ),
    "TemplateCreate": obj(_BODY, ("name",), closed=True),
    "TemplateUpdate": obj(_BODY, closed=True),
    "TemplateList": listing("Template"),
}
