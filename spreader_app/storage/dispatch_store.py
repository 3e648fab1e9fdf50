"""Transactions of the sending engine: claim, record, fail over, recover, reply.

Each public function takes the session of one ``Database.run`` call, so everything it does
commits together or not at all. A claim writes ``sending`` and an open attempt row before
the gateway is called; a crash between the two leaves evidence that ``recover`` turns into
``uncertain``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from spreader_app.core.models import (
    Claim,
    DeliveryStatus,
    Failover,
    GatewayResult,
    Head,
    Message,
    MessageChange,
    MessageMode,
    MessageStatus,
    ProfileUpdate,
    Resolution,
    RoundResult,
)
from spreader_app.storage.mapping import content_from_row
from spreader_app.storage.orm import (
    AttemptRow,
    AuditEventRow,
    ConversationRouteRow,
    DeliveryRow,
    MessageRow,
    ProfileRow,
)

RAW_LIMIT = 4096
UNCERTAIN_NOTE = (
    "Spreader stopped while this send was in flight: the gateway may or may not have "
    "delivered it. It is never re-sent automatically; send it again yourself if needed."
)
_OPEN = MessageMode.OPEN.value
_PENDING = DeliveryStatus.PENDING.value
_SENDING = DeliveryStatus.SENDING.value


class MessageLedger:
    """Collects counter changes per message within one transaction, then applies them."""

    def __init__(self, session: Session, now: float) -> None:
        self._session = session
        self._now = now
        self._rows: dict[str, MessageRow] = {}
        self._touched: set[str] = set()

    def row(self, message_id: str) -> MessageRow:
        row = self._rows.get(message_id)
        if row is None:
            row = self._session.get(MessageRow, message_id)
            if row is None:
                raise LookupError(f"message {message_id} vanished")
            self._rows[message_id] = row
        return row

    def started(self, message_id: str) -> None:
        row = self.row(message_id)
        if row.status in (MessageStatus.QUEUED.value, MessageStatus.SCHEDULED.value):
            row.status = MessageStatus.PROCESSING.value
            row.updated_at = self._now  # type: ignore[assignment]
            self._touched.add(message_id)

    def final(self, message_id: str, status: DeliveryStatus, n: int = 1) -> None:
        row = self.row(message_id)
        row.processed_count += n
        if status is DeliveryStatus.SENT:
            row.sent_count += n
        elif status is DeliveryStatus.FAILED:
            row.failed_count += n
        elif status is DeliveryStatus.SKIPPED:
            row.skipped_count += n
        row.updated_at = self._now  # type: ignore[assignment]
        self._touched.add(message_id)

    def changes(self) -> list[MessageChange]:
        out: list[MessageChange] = []
        for mid in sorted(self._touched):
            row = self._rows[mid]
            finished = False
            if row.processed_count >= row.total_recipients and row.finished_at is None:
                finished = True
                row.finished_at = self._now  # type: ignore[assignment]
                if row.status != MessageStatus.CANCELLED.value:
                    none_sent = row.sent_count == 0 and row.failed_count > 0
                    row.status = (
                        MessageStatus.FAILED.value if none_sent else MessageStatus.COMPLETED.value
                    )
            out.append(
                MessageChange(
                    mid,
                    row.package_id,
                    MessageStatus(row.status),
                    row.total_recipients,
                    row.processed_count,
                    row.sent_count,
                    row.failed_count,
                    finished,
                )
            )
        return out


def recover(session: Session, now: float) -> list[MessageChange]:
    """Turns every send left in flight by a crash into ``uncertain``; never re-sends it."""
    session.execute(
        update(AttemptRow)
        .where(AttemptRow.outcome.is_(None))
        .values(outcome="uncertain", finished_at=now, detail=UNCERTAIN_NOTE)
    )
    rows = session.execute(
        select(DeliveryRow.id, DeliveryRow.message_id).where(DeliveryRow.status == _SENDING)
    ).all()
    ledger = MessageLedger(session, now)
    for _delivery_id, message_id in rows:
        ledger.final(message_id, DeliveryStatus.UNCERTAIN)
    session.execute(
        update(DeliveryRow)
        .where(DeliveryRow.status == _SENDING)
        .values(status=DeliveryStatus.UNCERTAIN.value, error=UNCERTAIN_NOTE, updated_at=now)
    )
    return ledger.changes()


def dispatch_round(
    session: Session,
    resolutions: Sequence[Resolution],
    claim_for: Sequence[str],
    heads_for: Sequence[str],
    failover: Failover | None,
    now: float,
) -> RoundResult:
    """Records answers, moves stranded work, claims due deliveries and reports next heads."""
    ledger = MessageLedger(session, now)
    result = RoundResult()
    for res in resolutions:
        _apply_resolution(session, ledger, res)
    if failover is not None:
        result.reassigned, result.orphans = _fail_over(session, failover, now)
    paused = _paused_messages(session)
    claimed: set[str] = set()
    for profile_id in claim_for:
        claim = _claim_next(session, ledger, profile_id, paused, now)
        if claim is not None:
            result.claims.append(claim)
            claimed.add(profile_id)
    for profile_id in heads_for:
        if profile_id in claimed:
            continue
        head = _head(session, profile_id, paused, None)
        if head is not None:
            result.heads[profile_id] = Head(profile_id, head[0], head[1])
    result.changes = ledger.changes()
    return result


def _paused_messages(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(MessageRow.id).where(MessageRow.status == MessageStatus.PAUSED.value)
        )
    )


def _head(
    session: Session, profile_id: str, paused: Sequence[str], due_by: float | None
) -> tuple[int, float] | None:
    q = select(DeliveryRow.id, DeliveryRow.not_before).where(
        DeliveryRow.status == _PENDING,
        DeliveryRow.profile_id == profile_id,
        DeliveryRow.mode == _OPEN,
    )
    if paused:
        q = q.where(DeliveryRow.message_id.not_in(paused))
    if due_by is not None:
        q = q.where(DeliveryRow.not_before <= due_by)
    row = session.execute(q.order_by(DeliveryRow.not_before, DeliveryRow.id).limit(1)).first()
    if row is None:
        return None
    return int(row[0]), row[1].timestamp() if row[1] is not None else 0.0


def tried_profiles(session: Session, delivery_id: int) -> frozenset[str]:
    return frozenset(
        session.scalars(
            select(AttemptRow.profile_id).where(AttemptRow.delivery_id == delivery_id).distinct()
        )
    )


def _claim_next(
    session: Session, ledger: MessageLedger, profile_id: str, paused: Sequence[str], now: float
) -> Claim | None:
    head = _head(session, profile_id, paused, now)
    if head is None:
        return None
    row = session.get(DeliveryRow, head[0])
    assert row is not None
    tried = tried_profiles(session, row.id)
    row.status = _SENDING
    row.attempt_count += 1
    row.updated_at = now  # type: ignore[assignment]
    attempt = AttemptRow(
        delivery_id=row.id,
        profile_id=profile_id,
        mode=_OPEN,
        recipient=row.recipient,
        started_at=now,
    )
    session.add(attempt)
    session.flush()
    ledger.started(row.message_id)
    message = ledger.row(row.message_id)
    return Claim(
        delivery_id=row.id,
        attempt_id=attempt.id,
        message_id=row.message_id,
        package_id=row.package_id,
        profile_id=profile_id,
        recipient=row.recipient,
        content=content_from_row(message),
        attempt_count=row.attempt_count,
        started_at=now,
        tried_profiles=tried,
    )


def _close_attempt(session: Session, attempt_id: int, result: GatewayResult, at: float) -> None:
    session.execute(
        update(AttemptRow)
        .where(AttemptRow.id == attempt_id)
        .values(
            finished_at=at,
            outcome=result.kind.value,
            status_code=result.status_code,
            detail=result.detail[:1000],
            elapsed_ms=result.elapsed_ms,
        )
    )


def apply_profile_updates(
    session: Session, updates: Iterable[ProfileUpdate], now: float, *, sent: str | None = None
) -> None:
    """Writes health/status changes; ``sent`` names the profile that just sent successfully."""
    for up in updates:
        values: dict[str, object] = {
            "health_score": up.health_score,
            "evidence_run": up.evidence_run,
            "updated_at": now,
        }
        if up.status is not None:
            values["status"] = up.status.value
            values["paused_until"] = up.paused_until
        if up.status_reason is not None:
            values["status_reason"] = up.status_reason
        if up.last_error is not None:
            values["last_error"] = up.last_error
        if sent == up.profile_id:
            values["last_message_at"] = now
        session.execute(update(ProfileRow).where(ProfileRow.id == up.profile_id).values(**values))


def _apply_resolution(session: Session, ledger: MessageLedger, res: Resolution) -> None:
    claim, result, at = res.claim, res.result, res.finished_at
    _close_attempt(session, claim.attempt_id, result, at)
    row = session.get(DeliveryRow, claim.delivery_id)
    if row is None:  # its message was deleted meanwhile
        return
    row.updated_at = at  # type: ignore[assignment]
    row.gateway_response = result.raw[:RAW_LIMIT]
    status = res.delivery_status
    if row.status != _SENDING:
        # Cancelled or otherwise settled while in flight: keep the outcome, not the status.
        if status is DeliveryStatus.SENT:
            row.error = "sent while being cancelled"
        return
    row.status = status.value
    row.error = res.error
    if status is DeliveryStatus.SENT:
        row.sent_at = claim.started_at  # type: ignore[assignment]
        _remember_route(session, claim.package_id, claim.recipient, claim.profile_id, "open", at)
    elif status is DeliveryStatus.PENDING:
        row.not_before = res.not_before if res.not_before is not None else at  # type: ignore[assignment]
        if res.reassign:
            row.profile_id = None
    if status.is_final:
        ledger.final(claim.message_id, status)
    sent = claim.profile_id if status is DeliveryStatus.SENT else None
    apply_profile_updates(session, res.profile_updates, at, sent=sent)


def _remember_route(
    session: Session,
    package_id: str,
    phone: str,
    profile_id: str,
    source: str,
    at: float,
    *,
    override: bool = False,
) -> None:
    route = session.scalar(
        select(ConversationRouteRow).where(
            ConversationRouteRow.package_id == package_id,
            ConversationRouteRow.customer_phone == phone,
        )
    )
    if route is None:
        session.add(
            ConversationRouteRow(
                package_id=package_id,
                customer_phone=phone,
                profile_id=profile_id,
                source=source,
                last_interaction_at=at,
                created_at=at,
            )
        )
        return
    route.last_interaction_at = at  # type: ignore[assignment]
    if override and route.profile_id != profile_id:
        route.profile_id = profile_id
        route.source = source


remember_route = _remember_route


def _fail_over(session: Session, failover: Failover, now: float) -> tuple[int, int]:
    stranded = sorted(failover.stranded)
    cond: ColumnElement[bool] = DeliveryRow.profile_id.is_(None)
    if stranded:
        cond = or_(cond, DeliveryRow.profile_id.in_(stranded))
    where = and_(DeliveryRow.status == _PENDING, DeliveryRow.mode == _OPEN, cond)
    rows = session.execute(
        select(DeliveryRow.id, DeliveryRow.package_id, DeliveryRow.recipient)
        .where(where)
        .order_by(DeliveryRow.not_before, DeliveryRow.id)
        .limit(failover.limit)
    ).all()
    moved = 0
    for delivery_id, package_id, recipient in rows:
        target = failover.choose(package_id, recipient, tried_profiles(session, delivery_id))
        if target is None:
            continue
        session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.id == delivery_id)
            .values(
                profile_id=target,
                decided_by=func.trim(DeliveryRow.decided_by + " failover"),
                updated_at=now,
            )
        )
        moved += 1
    remaining = session.scalar(select(func.count()).select_from(DeliveryRow).where(where)) or 0
    return moved, int(remaining)


# --- Reply Chat ---------------------------------------------------------------------------


def begin_reply(
    session: Session, message: Message, recipient: str, profile_id: str, decided_by: str, now: float
) -> Claim:
    """Writes the reply message, its delivery (``sending``) and the open attempt."""
    c = message.content
    session.add(
        MessageRow(
            id=message.id,
            package_id=message.package_id,
            mode=MessageMode.REPLY.value,
            type=c.type.value,
            text=c.text,
            media_url=c.media_url,
            caption=c.caption,
            media_path=c.media_path,
            status=MessageStatus.PROCESSING.value,
            waiting_strategy=message.waiting_strategy.value,
            conversation_id=message.conversation_id,
            total_recipients=1,
            created_at=now,
            updated_at=now,
        )
    )
    delivery = DeliveryRow(
        message_id=message.id,
        package_id=message.package_id,
        mode=MessageMode.REPLY.value,
        recipient=recipient,
        profile_id=profile_id,
        status=_SENDING,
        planned_at=now,
        not_before=now,
        attempt_count=1,
        decided_by=decided_by,
        updated_at=now,
    )
    session.add(delivery)
    session.flush()
    return _open_attempt(session, message, delivery, profile_id, now)


def _open_attempt(
    session: Session, message: Message, delivery: DeliveryRow, profile_id: str, now: float
) -> Claim:
    attempt = AttemptRow(
        delivery_id=delivery.id,
        profile_id=profile_id,
        mode=MessageMode.REPLY.value,
        recipient=delivery.recipient,
        started_at=now,
    )
    session.add(attempt)
    session.flush()
    return Claim(
        delivery_id=delivery.id,
        attempt_id=attempt.id,
        message_id=message.id,
        package_id=message.package_id,
        profile_id=profile_id,
        recipient=delivery.recipient,
        content=message.content,
        attempt_count=delivery.attempt_count,
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
    _close_attempt(session, claim.attempt_id, result, now)
    apply_profile_updates(session, updates, now)
    delivery = session.get(DeliveryRow, claim.delivery_id)
    assert delivery is not None
    delivery.profile_id = new_profile_id
    delivery.attempt_count += 1
    delivery.decided_by = f"{delivery.decided_by} rerouted".strip()
    delivery.error = f"{result.kind.value}: {result.detail}"
    return _open_attempt(session, message, delivery, new_profile_id, now)


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
    _close_attempt(session, claim.attempt_id, result, now)
    delivery = session.get(DeliveryRow, claim.delivery_id)
    assert delivery is not None
    delivery.status = status.value
    delivery.error = error
    delivery.gateway_response = result.raw[:RAW_LIMIT]
    delivery.updated_at = now  # type: ignore[assignment]
    if status is DeliveryStatus.SENT:
        delivery.sent_at = claim.started_at  # type: ignore[assignment]
        _remember_route(
            session,
            claim.package_id,
            claim.recipient,
            claim.profile_id,
            "reply",
            now,
            override=True,
        )
    apply_profile_updates(
        session, updates, now, sent=claim.profile_id if status is DeliveryStatus.SENT else None
    )
    ledger = MessageLedger(session, now)
    ledger.final(claim.message_id, status)
    session.add(
        AuditEventRow(
            at=now,
            actor="engine",
            action=f"reply_{status.value}",
            target=claim.message_id,
            details=f'{{"profile_id": "{claim.profile_id}", "delivery_id": {claim.delivery_id}}}',
        )
    )
    return ledger.changes()[0]
