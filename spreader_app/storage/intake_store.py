"""Webhook bodies written with what they say, several bodies in one transaction
(``core.intake``)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from spreader_app.core.intake import StoredWebhook, WebhookBody
from spreader_app.storage.inbox_store import record_inbound, store_payload


def receive_webhooks(
    session: Session, bodies: Sequence[WebhookBody], now: float
) -> list[StoredWebhook]:
    """Per body: the payload row with its verdict, then its messages (routes, opt-outs)."""
    out: list[StoredWebhook] = []
    for body in bodies:
        payload_id = store_payload(
            session, body.text, body.content_type, now, body.understood, body.problem
        )
        records = record_inbound(session, payload_id, body.messages, now) if body.messages else []
        out.append(StoredWebhook(payload_id, records))
    return out
