"""Saved message templates of a package: create, read, update, delete, save from a message.

A template is checked as a message is (``read_content``) and its text is parsed
(``core.template``), so a broken variable or spintax is refused when it is saved, not when
a campaign is sent. Its variables are checked against the recipient list when it is used.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from typing import Any, Protocol

from spreader_app.core.clock import Clock
from spreader_app.core.content import CONTENT_FIELDS, personal_text, read_content
from spreader_app.core.errors import Conflict, NotFound
from spreader_app.core.fields import FieldReader
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import MessageContent, MessageTemplate
from spreader_app.core.ports import CatalogPort, MessagePort, TemplatePort
from spreader_app.core.services.words import NO_MESSAGE, NO_PACKAGE
from spreader_app.core.template import parse
from spreader_app.core.text import Text

TEMPLATE_FIELDS = CONTENT_FIELDS | {"name"}
MAX_NAME = 100


class TemplateLookups(CatalogPort, MessagePort, Protocol):
    """What templates read besides themselves: packages, and messages to save as templates."""


def read_template(
    data: Mapping[str, Any], base: MessageTemplate | None = None
) -> tuple[str, MessageContent]:
    """The name and content of a template body; on update (``base``) omitted fields keep
    their values. Raises ``ValidationFailed`` listing every bad field."""
    if base is not None:
        c = base.content
        old = {
            "name": base.name,
            "type": c.type.value,
            "text": c.text,
            "caption": c.caption,
            "media_url": c.media_url,
            "media_path": c.media_path,
        }
        if "type" in data and data.get("type") != c.type.value:
            # Another type takes its own media fields: the old ones would clash.
            old = {"name": base.name}
        data = {k: v for k, v in old.items() if v is not None} | dict(data)
    r = FieldReader(data, allowed=TEMPLATE_FIELDS)
    name = r.text("name", None, required=True, min_len=1, max_len=MAX_NAME) or ""
    content = read_content(r)
    r.finish(Text("Fields", QT_TRANSLATE_NOOP("Fields", "The template")))
    parse(personal_text(content)[0])
    return name, content


class TemplateService:
    """Templates per package; ``actor`` names who asked, for the audit log."""

    def __init__(self, store: TemplateLookups, templates: TemplatePort, clock: Clock) -> None:
        self._store = store
        self._templates = templates
        self._clock = clock

    async def _check_package(self, package_id: str) -> None:
        if await self._store.get_package(package_id) is None:
            raise NotFound(NO_PACKAGE(package_id=package_id))

    async def list(self, package_id: str) -> list[MessageTemplate]:
        """The package's templates by name."""
        await self._check_package(package_id)
        return await self._templates.list_templates(package_id)

    async def get(self, package_id: str, template_id: str) -> MessageTemplate:
        found = await self._templates.get_template(template_id)
        if found is None or found.package_id != package_id:
            raise NotFound(
                Text(
                    "Services",
                    QT_TRANSLATE_NOOP(
                        "Services",
                        "No template {template_id} in package {package_id}; list them with "
                        "GET {path}.",
                    ),
                    template_id=template_id,
                    package_id=package_id,
                    path=f"/api/v1/packages/{package_id}/templates",
                )
            )
        return found

    async def create(
        self, package_id: str, data: Mapping[str, Any], actor: str = "api"
    ) -> MessageTemplate:
        """Raises ``ValidationFailed``, ``NotFound`` (package) or ``Conflict`` (name taken)."""
        await self._check_package(package_id)
        name, content = read_template(data)
        now = self._clock.now()
        template = MessageTemplate(
            f"tpl_{uuid.uuid4().hex[:16]}", package_id, name, content, now, now
        )
        await self._check_name(template)
        await self._templates.add_template(template, now.timestamp(), actor)
        return template

    async def update(
        self, package_id: str, template_id: str, data: Mapping[str, Any], actor: str = "api"
    ) -> MessageTemplate:
        """Changes the fields given; raises like ``create`` and ``NotFound`` (template)."""
        base = await self.get(package_id, template_id)
        name, content = read_template(data, base)
        now = self._clock.now()
        template = dataclasses.replace(base, name=name, content=content, updated_at=now)
        await self._check_name(template)
        await self._templates.update_template(template, now.timestamp(), actor)
        return template

    async def delete(self, package_id: str, template_id: str, actor: str = "api") -> None:
        await self.get(package_id, template_id)
        await self._templates.delete_template(template_id, self._clock.timestamp(), actor)

    async def save_message(
        self, package_id: str, message_id: str, name: str, actor: str = "desktop"
    ) -> MessageTemplate:
        """A new template with the content of a message already sent ("save as template")."""
        message = await self._store.get_message(message_id)
        if message is None or message.package_id != package_id:
            raise NotFound(NO_MESSAGE(message_id=message_id, package_id=package_id))
        c = message.content
        body: dict[str, Any] = {"name": name, "type": c.type.value, "text": c.text}
        for key in ("caption", "media_url", "media_path"):
            if (value := getattr(c, key)) is not None:
                body[key] = value
        return await self.create(package_id, body, actor)

    async def _check_name(self, template: MessageTemplate) -> None:
        for other in await self._templates.list_templates(template.package_id):
            if other.name.casefold() == template.name.casefold() and other.id != template.id:
                raise Conflict(
                    Text(
                        "Services",
                        QT_TRANSLATE_NOOP(
                            "Services",
                            "The package already has a template named {name}: choose another "
                            "name, or change that template instead.",
                        ),
                        name=repr(other.name),
                    )
                )
