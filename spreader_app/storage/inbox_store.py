"""Inbound payloads and messages, conversation routes and the suppression list."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, case, delete, func, select, update
from sqlalchemy.orm import Session

from spreader_app.core.models import (
    ConversationItem,
    ConversationSummary,
    DeliveryStatus,
    HealthDeduction,
    InboundMessage,
    InboundRecord,
    MessageMode,
    Suppression,
)
from spreader_app.core.outcomes import DEDUCTIONS, HealthReason
from spreader_app.storage.catalog_store import audit
from spreader_app.storage.database import affected
from spreader_app.storage.health_store import add_health_events
from spreader_app.storage.ledger import MessageLedger, remember_route
from spreader_app.storage.orm import (
    ConversationRouteRow,
    DeliveryRow,
    InboundMessageRow,
    InboundPayloadRow,
    MessageRow,
    ProfileRow,
    SuppressionRow,
    table_of,
)
from spreader_app.storage.prepared import Prepared, insert_row

_OPT_OUT = HealthReason.OPT_OUT


def _fit(value: str | None, length: int | None = None) -> str | None:
    """``value`` as both databases can keep it: NUL characters as U+FFFD (PostgreSQL's
    text cannot hold one) and cut to ``length`` (which PostgreSQL enforces, SQLite not)."""
    if value is None:
        return None
    return value.replace("\x00", "\ufffd")[:length]


_INSERT_PAYLOAD = insert_row(table_of(InboundPayloadRow), generated=("id",))
_INSERT_INBOUND = insert_row(table_of(InboundMessageRow), generated=("id",))
_SEEN = Prepared(
    select(InboundMessageRow.id)
    .where(
        InboundMessageRow.device_uuid == bindparam("device"),
        InboundMessageRow.external_id == bindparam("external"),
    )
    .limit(1)
)
_DEVICE_PROFILES = Prepared(
    select(ProfileRow.id, ProfileRow.package_id).where(
        ProfileRow.zentra_uuid == bindparam("device")
    )
)


def store_payload(
    session: Session,
    body: str,
    content_type: str,
    now: float,
    understood: bool = False,
    problem: str = "",
) -> int:
    """Keeps a webhook body verbatim but for NUL characters (see ``_fit``); returns its id.
    Runs before any parsing, or in the transaction that records what the body says."""
    return _INSERT_PAYLOAD.insert(
        session.connection(),
        {
            "received_at": now,
            "content_type": _fit(content_type, 128),
            "body": _fit(body),
            "understood": understood,
            "problem": problem[:2000],
        },
    )


def record_inbound(
    session: Session, payload_id: int, messages: Sequence[tuple[InboundMessage, str]], now: float
) -> list[list[InboundRecord]]:
    """Stores each ``(message, verdict)``; one list of records per message, in order."""
    return [_record_one(session, payload_id, m, verdict, now) for m, verdict in messages]


def _record_one(
    session: Session, payload_id: int, msg: InboundMessage, verdict: str, now: float
) -> list[InboundRecord]:
    """Stores one understood inbound message for every package whose device received it.

    Sets the customer's route to that device, and applies an opt-out (suppression, queued
    Open Chat work skipped) or an opt-in (suppression lifted) verdict. Runs for every
    inbound message, so its statements are prepared (``storage.prepared``).
    """
    conn = session.connection()
    if msg.device_uuid and msg.message_id:
        seen = _SEEN.run(conn, {"device": msg.device_uuid, "external": msg.message_id})
        if seen.fetchone() is not None:
            return [InboundRecord(None, None, duplicate=True)]
    profiles = _DEVICE_PROFILES.rows(conn, {"device": msg.device_uuid}) if msg.device_uuid else []
    at = msg.timestamp.timestamp() if msg.timestamp else now
    if not profiles:
        _INSERT_INBOUND.run(conn, _inbound_row(payload_id, None, None, msg, verdict, now))
        return [InboundRecord(None, None)]
    out: list[InboundRecord] = []
    for i, profile in enumerate(profiles):
        row = _inbound_row(payload_id, profile.package_id, profile.id, msg, verdict, now)
        if i:
            # The unique (device, external id) pair can be stored once; later packages keep
            # no id.
            row["external_id"] = None
        _INSERT_INBOUND.run(conn, row)
        if msg.sender is None:
            out.append(InboundRecord(profile.package_id, profile.id))
            continue
        remember_route(
            session, profile.package_id, msg.sender, profile.id, "inbound", at, override=True
        )
        suppressed = unsuppressed = False
        skipped = 0
        if verdict == "opt_out":
            evidence = {
                "word": msg.text[:200],
                "device_uuid": msg.device_uuid,
                "message_id": msg.message_id,
                "payload_id": payload_id,
            }
            skipped = _suppress(session, profile.package_id, msg.sender, "opted_out", evidence, now)
            suppressed = True
            # An opt-out costs the device the customer talked to (BAN_SAFETY.md section 3).
            add_health_events(
                session.connection(),
                [HealthDeduction(profile.id, now, _OPT_OUT.value, DEDUCTIONS[_OPT_OUT])],
            )
        elif verdict == "opt_in":
            unsuppressed = _unsuppress(
                session, profile.package_id, msg.sender, only_reason="opted_out"
            )
        out.append(
            InboundRecord(profile.package_id, profile.id, False, suppressed, unsuppressed, skipped)
        )
    return out


def _inbound_row(
    payload_id: int,
    package_id: str | None,
    profile_id: str | None,
    msg: InboundMessage,
    verdict: str,
    now: float,
) -> dict[str, Any]:
    return {
        "payload_id": payload_id,
        "package_id": package_id,
        "profile_id": profile_id,
        "device_uuid": _fit(msg.device_uuid, 64),
        "sender": _fit(msg.sender, 32),
        "text": _fit(msg.text),
        "external_id": _fit(msg.message_id, 128),
        "opt_verdict": verdict,
        "received_at": msg.timestamp.timestamp() if msg.timestamp else now,
    }


def add_suppression(
    session: Session,
    package_id: str,
    phone: str,
    reason: str,
    evidence: object,
    now: float,
    actor: str,
) -> int:
    """Suppresses ``phone`` (audited); see ``_suppress``."""
    n = _suppress(session, package_id, phone, reason, evidence, now)
    audit(session, now, actor, "number_suppressed", package_id, {"reason": reason})
    return n


def remove_suppression(
    session: Session, package_id: str, phone: str, now: float, actor: str
) -> bool:
    gone = _unsuppress(session, package_id, phone)
    if gone:
        audit(session, now, actor, "number_unsuppressed", package_id, {})
    return gone


def _suppress(
    session: Session, package_id: str, phone: str, reason: str, evidence: object, now: float
) -> int:
    """Suppresses ``phone`` in the package; its pending Open Chat deliveries end skipped.

    Returns how many pending deliveries were skipped. Suppressing twice keeps the first
    record (and its evidence).
    """
    exists = session.scalar(
        select(SuppressionRow.id).where(
            SuppressionRow.package_id == package_id, SuppressionRow.phone == phone
        )
    )
    if exists is None:
        session.add(
            SuppressionRow(
                package_id=package_id,
                phone=phone,
                reason=reason,
                evidence=json.dumps(evidence, ensure_ascii=False, default=str),
                created_at=now,
            )
        )
    rows = session.execute(
        select(DeliveryRow.id, DeliveryRow.message_id).where(
            DeliveryRow.package_id == package_id,
            DeliveryRow.recipient == phone,
            DeliveryRow.status == DeliveryStatus.PENDING.value,
            DeliveryRow.mode == MessageMode.OPEN.value,
        )
    ).all()
    if not rows:
        return 0
    session.execute(
        update(DeliveryRow)
        .where(DeliveryRow.id.in_([r[0] for r in rows]))
        .values(status=DeliveryStatus.SKIPPED.value, skip_reason=reason, updated_at=now)
    )
    ledger = MessageLedger(session, now)
    for _, message_id in rows:
        ledger.final(message_id, DeliveryStatus.SKIPPED)
    ledger.changes()
    return len(rows)


def _unsuppress(
    session: Session, package_id: str, phone: str, *, only_reason: str | None = None
) -> bool:
    q = delete(SuppressionRow).where(
        SuppressionRow.package_id == package_id, SuppressionRow.phone == phone
    )
    if only_reason is not None:
        q = q.where(SuppressionRow.reason == only_reason)
    return affected(session.execute(q)) > 0


def suppressed_numbers(session: Session, package_id: str) -> set[str]:
    return set(
        session.scalars(select(SuppressionRow.phone).where(SuppressionRow.package_id == package_id))
    )


def list_suppressions(session: Session, package_id: str) -> list[Suppression]:
    rows = session.scalars(
        select(SuppressionRow)
        .where(SuppressionRow.package_id == package_id)
        .order_by(SuppressionRow.created_at.desc())
    )
    return [Suppression(r.package_id, r.phone, r.reason, r.evidence, r.created_at) for r in rows]


def routes(session: Session, package_id: str) -> dict[str, str]:
    """Customer phone → sticky profile id, for the whole package."""
    rows = session.execute(
        select(ConversationRouteRow.customer_phone, ConversationRouteRow.profile_id).where(
            ConversationRouteRow.package_id == package_id
        )
    )
    return {phone: pid for phone, pid in rows}


_R = table_of(ConversationRouteRow)
_STICKY = Prepared(
    select(_R.c.profile_id).where(
        _R.c.package_id == bindparam("pkg"), _R.c.customer_phone == bindparam("phone")
    )
)


def route_for(session: Session, package_id: str, phone: str) -> str | None:
    """The profile ``phone`` talks to in the package, if any (prepared: read per reply)."""
    row = _STICKY.run(session.connection(), {"pkg": package_id, "phone": phone}).fetchone()
    return None if row is None else str(row[0])


def list_conversations(
    session: Session, package_id: str, limit: int = 500
) -> list[ConversationSummary]:
    """Customers who wrote to the package, most recent first."""
    last = (
        select(
            InboundMessageRow.sender,
            func.max(InboundMessageRow.id).label("last_id"),
            func.count().label("n"),
            func.max(case((InboundMessageRow.opt_verdict == "possible_opt_out", 1), else_=0)).label(
                "possible"
            ),
        )
        .where(InboundMessageRow.package_id == package_id, InboundMessageRow.sender.is_not(None))
        .group_by(InboundMessageRow.sender)
        .subquery()
    )
    rows = session.execute(
        select(InboundMessageRow, last.c.n, last.c.possible)
        .join(last, InboundMessageRow.id == last.c.last_id)
        .order_by(InboundMessageRow.received_at.desc())
        .limit(limit)
    ).all()
    route_map = routes(session, package_id)
    suppressed = suppressed_numbers(session, package_id)
    out: list[ConversationSummary] = []
    for row, n, possible in rows:
        phone = row.sender or ""
        out.append(
            ConversationSummary(
                package_id,
                phone,
                route_map.get(phone, row.profile_id),
                row.text,
                row.received_at,
                int(n),
                bool(possible),
                phone in suppressed,
            )
        )
    return out


def conversation(
    session: Session, package_id: str, phone: str, limit: int = 200
) -> list[ConversationItem]:
    """The customer's messages and ours to them, oldest first."""
    inbound = session.scalars(
        select(InboundMessageRow)
        .where(InboundMessageRow.package_id == package_id, InboundMessageRow.sender == phone)
        .order_by(InboundMessageRow.received_at.desc())
        .limit(limit)
    )
    items = [ConversationItem("in", r.text, r.received_at, r.profile_id) for r in inbound]
    outbound = session.execute(
        select(DeliveryRow, func.coalesce(DeliveryRow.text, MessageRow.text), MessageRow.caption)
        .join(MessageRow, MessageRow.id == DeliveryRow.message_id)
        .where(DeliveryRow.package_id == package_id, DeliveryRow.recipient == phone)
        .order_by(DeliveryRow.id.desc())
        .limit(limit)
    ).all()
    for d, text, caption in outbound:
        items.append(
            ConversationItem(
                "out", text or caption or "", d.sent_at or d.updated_at, d.profile_id, d.status
            )
        )
    items.sort(key=lambda i: i.at.timestamp() if i.at else 0.0)
    return items[-limit:]
