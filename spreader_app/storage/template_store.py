"""Saved message templates (the core's ``TemplatePort``)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from spreader_app.core.errors import Conflict
from spreader_app.core.models import MessageContent, MessageTemplate, MessageType
from spreader_app.core.services.words import STORAGE, TEMPLATE_NAME_TAKEN
from spreader_app.core.text import Text
from spreader_app.storage.catalog_store import audit
from spreader_app.storage.orm import TemplateRow


def _from_row(row: TemplateRow) -> MessageTemplate:
    content = MessageContent(
        MessageType(row.type), row.text, row.media_url, row.caption, row.media_path
    )
    return MessageTemplate(
        row.id, row.package_id, row.name, content, row.created_at, row.updated_at
    )


def _to_row(t: MessageTemplate, row: TemplateRow, now: float) -> TemplateRow:
    c = t.content
    row.id, row.package_id, row.name = t.id, t.package_id, t.name
    row.type, row.text, row.media_url = c.type.value, c.text, c.media_url
    row.caption, row.media_path = c.caption, c.media_path
    row.updated_at = now  # type: ignore[assignment]  # Timestamp takes POSIX seconds
    return row


def list_templates(session: Session, package_id: str) -> list[MessageTemplate]:
    rows = session.scalars(
        select(TemplateRow)
        .where(TemplateRow.package_id == package_id)
        .order_by(TemplateRow.name, TemplateRow.id)
    )
    return [_from_row(r) for r in rows]


def get_template(session: Session, template_id: str) -> MessageTemplate | None:
    row = session.get(TemplateRow, template_id)
    return None if row is None else _from_row(row)


def add_template(session: Session, template: MessageTemplate, now: float, actor: str) -> None:
    row = _to_row(template, TemplateRow(), now)
    row.created_at = now  # type: ignore[assignment]
    session.add(row)
    _flush(session, template)
    audit(session, now, actor, "template_created", template.id, {"name": template.name})


def update_template(session: Session, template: MessageTemplate, now: float, actor: str) -> None:
    row = session.get(TemplateRow, template.id)
    if row is None:
        return
    _to_row(template, row, now)
    _flush(session, template)
    audit(session, now, actor, "template_updated", template.id, {"name": template.name})


def delete_template(session: Session, template_id: str, now: float, actor: str) -> bool:
    gone = session.execute(delete(TemplateRow).where(TemplateRow.id == template_id))
    audit(session, now, actor, "template_deleted", template_id, {})
    return bool(getattr(gone, "rowcount", 0))


def _flush(s: Session, template: MessageTemplate) -> None:
    try:
        s.flush()
    except IntegrityError as exc:  # two saves racing for one name
        raise Conflict(Text(STORAGE, TEMPLATE_NAME_TAKEN, name=repr(template.name))) from exc
