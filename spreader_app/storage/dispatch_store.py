"""Transactions of the sending engine: claim, record, fail over, recover, reply.

Each public function takes the session of one ``Database.run`` call, so everything it does
commits together or not at all. A claim writes ``sending`` and an open attempt row before
the gateway is called; a crash between the two leaves evidence that ``recover`` turns into
``uncertain``. These run on every send, so they use prebuilt Core statements.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    bindparam,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from spreader_app.core.models import (
    Claim,
    DeliveryStatus,
    Failover,
    GatewayResult,
    Head,
    Message,
    MessageChange,
    MessageContent,
    MessageMode,
    MessageStatus,
    MessageType,
    OutcomeKind,
    ProfileUpdate,
    Resolution,
    RoundResult,
)
from spreader_app.storage.ledger import MessageLedger, remember_route
from spreader_app.storage.orm import (
    AttemptRow,
    AuditEventRow,
    DeliveryRow,
    MessageRow,
    ProfileRow,
    table_of,
)

RAW_LIMIT = 4096
UNCERTAIN_NOTE = (
    "Spreader stopped while this send was in flight: the gateway may or may not have "
    "delivered it. It is never re-sent automatically; send it again yourself if needed."
)
_OPEN = MessageMode.OPEN.value
_REPLY = MessageMode.REPLY.value
_PENDING = DeliveryStatus.PENDING.value
_SENDING = DeliveryStatus.SENDING.value

_D = table_of(DeliveryRow)
_A = table_of(AttemptRow)
_M = table_of(MessageRow)
_P = table_of(ProfileRow)

_HEAD = (
    select(_D.c.id, _D.c.not_before)
    .where(_D.c.status == _PENDING, _D.c.profile_id == bindparam("pid"), _D.c.mode == _OPEN)
    .order_by(_D.c.not_before, _D.c.id)
    .limit(1)
)
_PAUSED = select(_M.c.id).where(_M.c.status == MessageStatus.PAUSED.value)
_DELIVERY = select(
    _D.c.id, _D.c.message_id, _D.c.package_id, _D.c.recipient, _D.c.attempt_count, _D.c.status
).where(_D.c.id == bindparam("did"))
_TRIED = select(_A.c.profile_id).where(_A.c.delivery_id == bindparam("did")).distinct()
_RETRIES = select(func.count()).where(
    _A.c.delivery_id == bindparam("did"),
    _A.c.outcome.in_([OutcomeKind.TRANSIENT.value, OutcomeKind.RATE_LIMITED.value]),
)
_MARK_SENDING = (
    update(_D)
    .where(_D.c.id == bindparam("did"), _D.c.status == _PENDING)
    .values(status=_SENDING, attempt_count=_D.c.attempt_count + 1, updated_at=bindparam("now"))
)
_NEW_ATTEMPT = insert(_A).values(
    delivery_id=bindparam("did"),
    profile_id=bindparam("pid"),
    mode=bindparam("mode"),
    recipient=bindparam("recipient"),
    started_at=bindparam("now"),
    detail="",
)
_CONTENT = select(_M.c.type, _M.c.text, _M.c.media_url, _M.c.caption, _M.c.media_path).where(
    _M.c.id == bindparam("mid")
)
_CLOSE_ATTEMPT = (
    update(_A)
    .where(_A.c.id == bindparam("aid"))
    .values(
        finished_at=bindparam("at"),
        outcome=bindparam("outcome"),
        status_code=bindparam("code"),
        detail=bindparam("detail"),
        elapsed_ms=bindparam("elapsed"),
    )
)
_SETTLE = (
    update(_D)
    .where(_D.c.id == bindparam("did"))
    .values(
        status=bindparam("status"),
        error=bindparam("error"),
        gateway_response=bindparam("raw"),
        updated_at=bindparam("at"),
        sent_at=bindparam("sent_at"),
        not_before=bindparam("not_before"),
        profile_id=bindparam("pid"),
    )
)
_NOTE_RAW = (
    update(_D)
    .where(_D.c.id == bindparam("did"))
    .values(gateway_response=bindparam("raw"), error=bindparam("error"), updated_at=bindparam("at"))
)


def recover(session: Session, now: float) -> list[MessageChange]:
    """Turns every send left in flight by a crash into ``uncertain``; never re-sends it."""
    conn = session.connection()
    conn.execute(
        update(_A)
        .where(_A.c.outcome.is_(None))
        .values(outcome="uncertain", finished_at=now, detail=UNCERTAIN_NOTE)
    )
    rows = conn.execute(select(_D.c.message_id).where(_D.c.status == _SENDING)).all()
    ledger = MessageLedger(session, now)
    for (message_id,) in rows:
        ledger.final(message_id, DeliveryStatus.UNCERTAIN)
    conn.execute(
        update(_D)
        .where(_D.c.status == _SENDING)
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
    conn = session.connection()
    ledger = MessageLedger(session, now)
    result = RoundResult()
    for res in resolutions:
        _apply_resolution(session, conn, ledger, res)
    if failover is not None:
        result.reassigned, result.orphans = _fail_over(conn, failover, now)
    paused = {mid for (mid,) in conn.execute(_PAUSED)}
    contents: dict[str, MessageContent] = {}
    claimed: set[str] = set()
    for profile_id in claim_for:
        claim = _claim_next(conn, ledger, contents, profile_id, paused, now)
        if claim is not None:
            result.claims.append(claim)
            claimed.add(profile_id)
    for profile_id in heads_for:
        if profile_id in claimed:
            continue
        head = _head(conn, profile_id, paused, None)
        if head is not None:
            result.heads[profile_id] = Head(profile_id, head[0], head[1])
    result.changes = ledger.changes()
    return result


def _head(
    conn: Connection, profile_id: str, paused: set[str], due_by: float | None
) -> tuple[int, float] | None:
    if paused:
        q = (
            select(_D.c.id, _D.c.not_before)
            .where(
                _D.c.status == _PENDING,
                _D.c.profile_id == profile_id,
                _D.c.mode == _OPEN,
                _D.c.message_id.not_in(paused),
            )
            .order_by(_D.c.not_before, _D.c.id)
            .limit(1)
        )
        row = conn.execute(q).first()
    else:
        row = conn.execute(_HEAD, {"pid": profile_id}).first()
    if row is None:
        return None
    at = row[1].timestamp() if row[1] is not None else 0.0
    if due_by is not None and at > due_by:
        return None
    return int(row[0]), at


def tried_profiles(conn: Connection, delivery_id: int) -> frozenset[str]:
    return frozenset(pid for (pid,) in conn.execute(_TRIED, {"did": delivery_id}))


def _content(conn: Connection, cache: dict[str, MessageContent], message_id: str) -> MessageContent:
    content = cache.get(message_id)
    if content is None:
        row = conn.execute(_CONTENT, {"mid": message_id}).one()
        content = MessageContent(
            MessageType(row.type), row.text, row.media_url, row.caption, row.media_path
        )
        cache[message_id] = content
    return content


def _claim_next(
    conn: Connection,
    ledger: MessageLedger,
    contents: dict[str, MessageContent],
    profile_id: str,
    paused: set[str],
    now: float,
) -> Claim | None:
    head = _head(conn, profile_id, paused, now)
    if head is None:
        return None
    row = conn.execute(_DELIVERY, {"did": head[0]}).one()
    tried = tried_profiles(conn, row.id)
    conn.execute(_MARK_SENDING, {"did": row.id, "now": now})
    attempt_id = conn.execute(
        _NEW_ATTEMPT,
        {"did": row.id, "pid": profile_id, "mode": _OPEN, "recipient": row.recipient, "now": now},
    ).inserted_primary_key
    assert attempt_id is not None
    ledger.started(row.message_id)
    return Claim(
        delivery_id=row.id,
        attempt_id=int(attempt_id[0]),
        message_id=row.message_id,
        package_id=row.package_id,
        profile_id=profile_id,
        recipient=row.recipient,
        content=_content(conn, contents, row.message_id),
        attempt_count=row.attempt_count + 1,
        started_at=now,
        tried_profiles=tried,
        retries=int(conn.execute(_RETRIES, {"did": row.id}).scalar_one()),
    )


def _close_attempt(conn: Connection, attempt_id: int, result: GatewayResult, at: float) -> None:
    conn.execute(
        _CLOSE_ATTEMPT,
        {
            "aid": attempt_id,
            "at": at,
            "outcome": result.kind.value,
            "code": result.status_code,
            "detail": result.detail[:1000],
            "elapsed": result.elapsed_ms,
        },
    )


def apply_profile_updates(
    conn: Connection, updates: Iterable[ProfileUpdate], now: float, *, sent: str | None = None
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
        conn.execute(update(_P).where(_P.c.id == up.profile_id).values(**values))


def _apply_resolution(
    session: Session, conn: Connection, ledger: MessageLedger, res: Resolution
) -> None:
    claim, result, at = res.claim, res.result, res.finished_at
    _close_attempt(conn, claim.attempt_id, result, at)
    row = conn.execute(_DELIVERY, {"did": claim.delivery_id}).one_or_none()
    if row is None:  # its message was deleted meanwhile
        return
    raw = result.raw[:RAW_LIMIT]
    status = res.delivery_status
    if row.status != _SENDING:
        # Cancelled while in flight: the cancellation stands, the gateway's answer is kept.
        note = "sent while being cancelled" if status is DeliveryStatus.SENT else res.error
        conn.execute(_NOTE_RAW, {"did": claim.delivery_id, "raw": raw, "error": note, "at": at})
        return
    sent_at = claim.started_at if status is DeliveryStatus.SENT else None
    not_before = None
    if status is DeliveryStatus.PENDING:
        not_before = res.not_before if res.not_before is not None else at
    conn.execute(
        _SETTLE,
        {
            "did": claim.delivery_id,
            "status": status.value,
            "error": res.error,
            "raw": raw,
            "at": at,
            "sent_at": sent_at,
            "not_before": not_before,
            "pid": None if res.reassign else claim.profile_id,
        },
    )
    if status is DeliveryStatus.SENT:
        remember_route(session, claim.package_id, claim.recipient, claim.profile_id, "open", at)
    if status.is_final:
        ledger.final(claim.message_id, status)
    sent = claim.profile_id if status is DeliveryStatus.SENT else None
    apply_profile_updates(conn, res.profile_updates, at, sent=sent)


def _fail_over(conn: Connection, failover: Failover, now: float) -> tuple[int, int]:
    stranded = sorted(failover.stranded)
    cond: ColumnElement[bool] = _D.c.profile_id.is_(None)
    if stranded:
        cond = or_(cond, _D.c.profile_id.in_(stranded))
    if failover.paused:
        due = and_(_D.c.profile_id.in_(sorted(failover.paused)), _D.c.not_before <= failover.due_by)
        cond = or_(cond, due)
    where = and_(_D.c.status == _PENDING, _D.c.mode == _OPEN, cond)
    rows = conn.execute(
        select(_D.c.id, _D.c.package_id, _D.c.recipient)
        .where(where)
        .order_by(_D.c.not_before, _D.c.id)
        .limit(failover.limit)
    ).all()
    moved: list[dict[str, Any]] = []
    for delivery_id, package_id, recipient in rows:
        target = failover.choose(package_id, recipient, tried_profiles(conn, delivery_id))
        if target is not None:
            moved.append({"did": delivery_id, "pid": target, "now": now})
    if moved:
        conn.execute(
            update(_D)
            .where(_D.c.id == bindparam("did"))
            .values(
                profile_id=bindparam("pid"),
                decided_by=func.trim(_D.c.decided_by + " failover"),
                updated_at=bindparam("now"),
            ),
            moved,
        )
    remaining = conn.execute(select(func.count()).select_from(_D).where(where)).scalar() or 0
    return len(moved), int(remaining)


# --- Reply Chat ---------------------------------------------------------------------------

_NEW_DELIVERY = insert(_D)


def begin_reply(
    session: Session, message: Message, recipient: str, profile_id: str, decided_by: str, now: float
) -> Claim:
    """Writes the reply message, its delivery (``sending``) and the open attempt."""
    conn = session.connection()
    c = message.content
    conn.execute(
        insert(_M),
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
            "estimated_completion": None,
            "created_at": now,
            "updated_at": now,
            "finished_at": None,
        },
    )
    key = conn.execute(
        _NEW_DELIVERY,
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
        },
    ).inserted_primary_key
    assert key is not None
    return _open_attempt(conn, message, int(key[0]), recipient, profile_id, 1, now)


def _open_attempt(
    conn: Connection,
    message: Message,
    delivery_id: int,
    recipient: str,
    profile_id: str,
    attempt_count: int,
    now: float,
) -> Claim:
    key = conn.execute(
        _NEW_ATTEMPT,
        {"did": delivery_id, "pid": profile_id, "mode": _REPLY, "recipient": recipient, "now": now},
    ).inserted_primary_key
    assert key is not None
    return Claim(
        delivery_id=delivery_id,
        attempt_id=int(key[0]),
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
    _close_attempt(conn, claim.attempt_id, result, now)
    apply_profile_updates(conn, updates, now)
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
    _close_attempt(conn, claim.attempt_id, result, now)
    sent = status is DeliveryStatus.SENT
    conn.execute(
        _SETTLE,
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
    apply_profile_updates(conn, updates, now, sent=claim.profile_id if sent else None)
    ledger = MessageLedger(session, now)
    ledger.final(claim.message_id, status)
    conn.execute(
        insert(table_of(AuditEventRow)),
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
