"""Reply Chat's transactions: read a reply's context, write it ``sending`` with its open
attempt, re-route it after a refusal, and record its outcome."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import (
    Connection,
    func,
    update,
)
from sqlalchemy.orm import Session

from spreader_app.core.models import (
    Claim,
    DeliveryStatus,
    GatewayResult,
    Message,
    MessageChange,
    MessageMode,
    MessageStatus,
    ProfileUpdate,
    ReplyContext,
)
from spreader_app.storage.answers import RAW_LIMIT, SETTLE, apply_profile_updates, close_attempt
from spreader_app.storage.catalog_store import get_package, list_profiles
from spreader_app.storage.claims import open_attempts
from spreader_app.storage.inbox_store import route_for
from spreader_app.storage.ledger import MessageLedger, remember_route
from spreader_app.storage.orm import (
    AuditEventRow,
    DeliveryRow,
    MessageRow,
    table_of,
)
from spreader_app.storage.prepared import insert_row

_REPLY = MessageMode.REPLY.value
_SENDING = DeliveryStatus.SENDING.value

_D = table_of(DeliveryRow)
_M = table_of(MessageRow)

_NEW_DELIVERY = insert_row(_D, generated=("id",))
_NEW_MESSAGE = insert_row(_M)
_NEW_AUDIT = insert_row(table_of(AuditEventRow), generated=("id",))


def reply_context(session: Session, package_id: str, phone: str) -> ReplyContext:
    """The package (``None``: unknown), its profiles and the customer's sticky profile."""
    package = get_package(session, package_id)
    if package is None:
        return ReplyContext(None, (), None)
    profiles = tuple(list_profiles(session, package_id))
    return ReplyContext(package, profiles, route_for(session, package_id, phone))


def begin_reply(
    session: Session, message: Message, recipient: str, profile_id: str, decided_by: str, now: float
) -> Claim:
    """Writes the reply message, its delivery (``sending``) and the open attempt."""
    conn = session.connection()
    c = message.content
    _NEW_MESSAGE.run(
        conn,
        {
            "id": message.id,
            "package_id": message.package_id,
            "mode": _REPLY,
            "type": c.type.value,
            "text": c.text,
            "media_url": c.media_url,
            "caption": c.caption,
            "media_path": c.media_path,
            "status": MessageStatus.PROCESSING.value,
            "waiting_strategy": message.waiting_strategy.value,
            "drip_interval_minutes": None,
            "scheduled_at": None,
            "conversation_id": message.conversation_id,
            "total_recipients": 1,
            "processed_count": 0,
            "sent_count": 0,
            "failed_count": 0,
            "skipped_count": 0,
            "held_count": 0,
            "estimated_completion": None,
            "created_at": now,
            "updated_at": now,
            "finished_at": None,
        },
    )
    delivery_id = _NEW_DELIVERY.insert(
        conn,
        {
            "message_id": message.id,
            "package_id": message.package_id,
            "mode": _REPLY,
            "recipient": recipient,
            "profile_id": profile_id,
            "status": _SENDING,
            "planned_at": now,
            "not_before": now,
            "attempt_count": 1,
            "error": "",
            "skip_reason": "",
            "decided_by": decided_by,
            "gateway_response": "",
            "sent_at": None,
            "updated_at": now,
            "text": None,
            # A reply keeps no rules, so it has no decision record and no recipient zone.
            "decision": None,
            "recipient_zone": None,
            "zone_source": None,
        },
    )
    return _open_attempt(conn, message, delivery_id, recipient, profile_id, 1, now)


def _open_attempt(
    conn: Connection,
    message: Message,
    delivery_id: int,
    recipient: str,
    profile_id: str,
    attempt_count: int,
    now: float,
) -> Claim:
    (attempt_id,) = open_attempts(conn, [(delivery_id, profile_id, _REPLY, recipient)], now)
    return Claim(
        delivery_id=delivery_id,
        attempt_id=attempt_id,
        message_id=message.id,
        package_id=message.package_id,
        profile_id=profile_id,
        recipient=recipient,
        content=message.content,
        attempt_count=attempt_count,
        started_at=now,
    )


def reroute_reply(
    session: Session,
    message: Message,
    claim: Claim,
    result: GatewayResult,
    updates: Sequence[ProfileUpdate],
    new_profile_id: str,
    now: float,
) -> Claim:
    """Closes a refused reply attempt and opens one through another profile."""
    conn = session.connection()
    close_attempt(conn, claim.attempt_id, result, now)
    apply_profile_updates(conn, [(up, now, False) for up in updates])
    conn.execute(
        update(_D)
        .where(_D.c.id == claim.delivery_id)
        .values(
            profile_id=new_profile_id,
            attempt_count=_D.c.attempt_count + 1,
            decided_by=func.trim(_D.c.decided_by + " rerouted"),
            error=f"{result.kind.value}: {result.detail}",
            updated_at=now,
        )
    )
    return _open_attempt(
        conn,
        message,
        claim.delivery_id,
        claim.recipient,
        new_profile_id,
        claim.attempt_count + 1,
        now,
    )


def finish_reply(
    session: Session,
    claim: Claim,
    result: GatewayResult,
    status: DeliveryStatus,
    error: str,
    updates: Sequence[ProfileUpdate],
    now: float,
) -> MessageChange:
    """Records a reply's final outcome, its route and its audit event."""
    conn = session.connection()
    close_attempt(conn, claim.attempt_id, result, now)
    sent = status is DeliveryStatus.SENT
    SETTLE.run(
        conn,
        {
            "did": claim.delivery_id,
            "status": status.value,
            "error": error,
            "raw": result.raw[:RAW_LIMIT],
            "at": now,
            "sent_at": claim.started_at if sent else None,
            "not_before": claim.started_at,
            "pid": claim.profile_id,
        },
    )
    if sent:
        remember_route(
            session,
            claim.package_id,
            claim.recipient,
            claim.profile_id,
            "reply",
            now,
            override=True,
        )
    apply_profile_updates(
        conn, [(up, now, sent and up.profile_id == claim.profile_id) for up in updates]
    )
    ledger = MessageLedger(session, now)
    ledger.final(claim.message_id, status)
    _NEW_AUDIT.run(
        conn,
        {
            "at": now,
            "actor": "engine",
            "action": f"reply_{status.value}",
            "target": claim.message_id,
            "details": json.dumps(
                {"profile_id": claim.profile_id, "delivery_id": claim.delivery_id}
            ),
        },
    )
    return ledger.changes()[0]
