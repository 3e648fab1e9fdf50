"""Messages and deliveries: creation in bulk, queries, cancel, pause and resume."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from spreader_app.core.errors import Conflict, NotFound
from spreader_app.core.gc_pause import gc_paused
from spreader_app.core.models import (
    Delivery,
    DeliveryStatus,
    Message,
    MessageChange,
    MessageFilter,
    MessageMode,
    MessageStatus,
    NewDelivery,
)
from spreader_app.core.services.words import (
    MESSAGE_FINISHED,
    MESSAGE_NOT_PAUSABLE,
    NO_MESSAGE_ID,
    STORAGE,
)
from spreader_app.core.text import Text
from spreader_app.storage.catalog_store import audit
from spreader_app.storage.database import affected
from spreader_app.storage.ledger import MessageLedger
from spreader_app.storage.mapping import delivery_from_row, message_from_row
from spreader_app.storage.orm import DeliveryRow, MessageRow
from spreader_app.storage.prepared import driver, translated

_PENDING = DeliveryStatus.PENDING.value


def create_message(
    session: Session, message: Message, deliveries: Sequence[NewDelivery], now: float, actor: str
) -> MessageChange | None:
    """Inserts a message and all its deliveries in the session's transaction (audited).

    Returns the message's change when it is already finished (every recipient skipped).
    """
    c = message.content
    session.add(
        MessageRow(
            id=message.id,
            package_id=message.package_id,
            mode=message.mode.value,
            type=c.type.value,
            text=c.text,
            media_url=c.media_url,
            caption=c.caption,
            media_path=c.media_path,
            status=message.status.value,
            waiting_strategy=message.waiting_strategy.value,
            drip_interval_minutes=message.drip_interval_minutes,
            scheduled_at=message.scheduled_at,
            conversation_id=message.conversation_id,
            total_recipients=len(deliveries),
            estimated_completion=message.estimated_completion,
            created_at=now,
            updated_at=now,
        )
    )
    session.flush()
    details = {"package_id": message.package_id, "recipients": len(deliveries)}
    audit(session, now, actor, "open_message_created", message.id, details)
    if deliveries:
        _insert_deliveries(session, message, deliveries, now)
    skipped = sum(1 for d in deliveries if d.status is DeliveryStatus.SKIPPED)
    if not skipped:
        return None
    ledger = MessageLedger(session, now)
    ledger.final(message.id, DeliveryStatus.SKIPPED, skipped)
    change = ledger.changes()[0]
    return change if change.finished else None


# Every column a new delivery is written with, in table order (the order of the compiled
# INSERT's placeholders); the rest keep their NULL default until the dispatcher fills them.
_NEW_DELIVERY_COLUMNS = (
    "message_id",
    "package_id",
    "mode",
    "recipient",
    "profile_id",
    "status",
    "planned_at",
    "not_before",
    "attempt_count",
    "error",
    "skip_reason",
    "decided_by",
    "gateway_response",
    "updated_at",
    "text",
    "decision",
    "recipient_zone",
    "zone_source",
)


@gc_paused
def _insert_deliveries(
    session: Session, message: Message, deliveries: Sequence[NewDelivery], now: float
) -> None:
    """One driver-level bulk write of plain tuples: ``executemany`` on SQLite, ``COPY`` on
    PostgreSQL (one stream instead of a round trip or a parsed statement per row).

    The ORM's bulk insert builds and type-processes a parameter dict per row, which costs
    about twice the insert itself for a 100,000-recipient campaign. The values written are
    those the ORM would write: ``Timestamp`` columns hold the same POSIX seconds (planned
    times and ``now`` already are floats), strings and integers go through unchanged. The
    cycle collector is paused meanwhile, as the tuples would only make it rescan the heap.
    """
    conn = session.connection()
    mid, pid, mode = message.id, message.package_id, message.mode.value
    # Unpacked in field order: reading a named tuple's fields by name costs more.
    rows = [
        (
            mid,
            pid,
            mode,
            recipient,
            profile_id,
            status.value,
            planned_at,
            planned_at,
            0,
            error,
            skip_reason,
            decided_by,
            "",
            now,
            text,
            decision,
            zone,
            source,
        )
        for (
            recipient,
            status,
            profile_id,
            planned_at,
            decided_by,
            skip_reason,
            error,
            text,
            decision,
            zone,
            source,
        ) in deliveries
    ]
    if conn.dialect.name == "postgresql":
        _copy_deliveries(conn, rows)
        return
    compiled = insert(DeliveryRow).compile(
        dialect=conn.dialect, column_keys=list(_NEW_DELIVERY_COLUMNS), for_executemany=True
    )
    conn.exec_driver_sql(compiled.string, rows)


def _copy_deliveries(conn: Connection, rows: Sequence[tuple[object, ...]]) -> None:
    """Streams ``rows`` (values of ``_NEW_DELIVERY_COLUMNS``) into the deliveries table
    with psycopg's ``COPY``, inside ``conn``'s transaction."""
    quote = conn.dialect.identifier_preparer.quote
    columns = ", ".join(quote(c) for c in _NEW_DELIVERY_COLUMNS)
    sql = f"COPY {quote(DeliveryRow.__tablename__)} ({columns}) FROM STDIN"
    try:
        with driver(conn).cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except conn.dialect.loaded_dbapi.Error as exc:
        raise translated(conn, sql, exc) from exc


def get_message(session: Session, message_id: str) -> Message | None:
    row = session.get(MessageRow, message_id)
    return message_from_row(row) if row else None


def list_messages(
    session: Session, package_id: str, flt: MessageFilter
) -> tuple[list[Message], int]:
    q = select(MessageRow).where(MessageRow.package_id == package_id)
    if flt.status:
        q = q.where(MessageRow.status == flt.status)
    if flt.mode:
        q = q.where(MessageRow.mode == flt.mode)
    if flt.since:
        q = q.where(MessageRow.created_at >= flt.since)
    if flt.until:
        q = q.where(MessageRow.created_at <= flt.until)
    total = session.scalar(select(func.count()).select_from(q.subquery())) or 0
    rows = session.scalars(
        q.order_by(MessageRow.created_at.desc(), MessageRow.id).limit(flt.limit).offset(flt.offset)
    )
    return [message_from_row(r) for r in rows], int(total)


def list_deliveries(
    session: Session,
    message_id: str,
    *,
    status: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> tuple[list[Delivery], int]:
    q = select(DeliveryRow).where(DeliveryRow.message_id == message_id)
    if status:
        q = q.where(DeliveryRow.status == status)
    total = session.scalar(select(func.count()).select_from(q.subquery())) or 0
    rows = session.scalars(q.order_by(DeliveryRow.id).limit(limit).offset(offset))
    return [delivery_from_row(r) for r in rows], int(total)


def cancel_message(session: Session, message_id: str, now: float, actor: str) -> MessageChange:
    """Cancels what has not been sent; sends in flight finish and are recorded as they end."""
    row = session.get(MessageRow, message_id)
    if row is None:
        raise NotFound(Text(STORAGE, NO_MESSAGE_ID, message_id=message_id))
    if row.finished_at is not None:
        raise Conflict(Text(STORAGE, MESSAGE_FINISHED, message_id=message_id, status=row.status))
    n = affected(
        session.execute(
            update(DeliveryRow)
            .where(
                DeliveryRow.message_id == message_id,
                DeliveryRow.status.in_((_PENDING, DeliveryStatus.HELD.value)),
            )
            .values(
                status=DeliveryStatus.CANCELLED.value,
                error="cancelled by the user",
                updated_at=now,
            )
        )
    )
    row.status = MessageStatus.CANCELLED.value
    row.held_count = 0
    session.flush()
    audit(session, now, actor, "message_cancelled", message_id, {})
    ledger = MessageLedger(session, now)
    ledger.final(message_id, DeliveryStatus.CANCELLED, n)
    return ledger.changes()[0]


def set_paused(
    session: Session, message_id: str, paused: bool, now: float, actor: str
) -> MessageChange:
    row = session.get(MessageRow, message_id)
    if row is None:
        raise NotFound(Text(STORAGE, NO_MESSAGE_ID, message_id=message_id))
    if row.mode != MessageMode.OPEN.value or row.finished_at is not None:
        raise Conflict(
            Text(STORAGE, MESSAGE_NOT_PAUSABLE, message_id=message_id, status=row.status)
        )
    if paused:
        row.status = MessageStatus.PAUSED.value
    elif row.status == MessageStatus.PAUSED.value:
        started = session.scalar(
            select(func.count())
            .select_from(DeliveryRow)
            .where(DeliveryRow.message_id == message_id, DeliveryRow.attempt_count > 0)
        )
        row.status = (MessageStatus.PROCESSING if started else MessageStatus.QUEUED).value
    row.updated_at = now  # type: ignore[assignment]
    audit(session, now, actor, "message_paused" if paused else "message_resumed", message_id, {})
    return MessageChange(
        row.id,
        row.package_id,
        MessageStatus(row.status),
        row.total_recipients,
        row.processed_count,
        row.sent_count,
        row.failed_count,
        False,
    )


def pending_planned_times(session: Session, package_id: str) -> dict[str, list[float]]:
    """Planned times of the package's pending Open Chat work, per profile (for ``queued``)."""
    out: dict[str, list[float]] = {}
    rows = session.execute(
        select(DeliveryRow.profile_id, DeliveryRow.not_before).where(
            DeliveryRow.package_id == package_id,
            DeliveryRow.status == _PENDING,
            DeliveryRow.mode == MessageMode.OPEN.value,
        )
    )
    for pid, nb in rows:
        if pid is not None and nb is not None:
            out.setdefault(pid, []).append(nb.timestamp())
    for times in out.values():
        times.sort()
    return out


def waiting_groups(
    session: Session, message_id: str, now: float
) -> list[tuple[str, str | None, int]]:
    """Pending deliveries of a message planned after ``now``, counted by ``(decided_by,
    recipient_zone)``: the few groups ``core.why.waiting_by_reason`` sorts into reasons."""
    d = DeliveryRow
    rows = session.execute(
        select(d.decided_by, d.recipient_zone, func.count())
        .where(d.message_id == message_id, d.status == _PENDING, d.not_before > now)
        .group_by(d.decided_by, d.recipient_zone)
    ).all()
    return [(by, zone, int(n)) for by, zone, n in rows]
