"""Transactions of the sending engine: claim, record, fail over, reply.

Each public function takes the session of one ``Database.run`` call, so everything it does
commits together or not at all. A claim writes ``sending`` and an open attempt row (stamped
with the engine instance) before the gateway is called; an engine that stops between the
two leaves evidence that ``recovery.recover`` turns into ``uncertain``. The statements run
for every send are ``Prepared`` (compiled once, executed on the driver): their rows are
tuples with timestamps as POSIX seconds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    Select,
    and_,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session

from spreader_app.core.content import with_personal_text
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
    Package,
    PoolEvent,
    Profile,
    ProfileUpdate,
    QuietCheck,
    Resolution,
    RoundResult,
)
from spreader_app.core.outcomes import kinds_where
from spreader_app.storage.catalog_store import get_package, list_profiles
from spreader_app.storage.database import instance_of
from spreader_app.storage.inbox_store import route_for
from spreader_app.storage.ledger import MessageLedger, remember_route, remember_routes
from spreader_app.storage.orm import (
    AttemptRow,
    AuditEventRow,
    DeliveryRow,
    MessageRow,
    ProfileRow,
    table_of,
)
from spreader_app.storage.pool_store import add_pool_events, bump_held, hold_pending
from spreader_app.storage.prepared import Prepared, insert_row

RAW_LIMIT = 4096
_OPEN = MessageMode.OPEN.value
_REPLY = MessageMode.REPLY.value
_PENDING = DeliveryStatus.PENDING.value
_SENDING = DeliveryStatus.SENDING.value

_D = table_of(DeliveryRow)
_A = table_of(AttemptRow)
_M = table_of(MessageRow)
_P = table_of(ProfileRow)


class _Head(NamedTuple):
    """Everything a claim needs from a pending delivery, read with the head itself."""

    id: int
    not_before: float | None
    message_id: str
    package_id: str
    recipient: str
    attempt_count: int
    text: str | None  # the recipient's own text, when the message is personalised
    zone: str | None  # the recipient's zones (core.recipient_zones), for quiet hours


_HEAD_COLUMNS = (
    _D.c.id,
    type_coerce(_D.c.not_before, Float),
    _D.c.message_id,
    _D.c.package_id,
    _D.c.recipient,
    _D.c.attempt_count,
    _D.c.text,
    _D.c.recipient_zone,
)
_PENDING_OPEN = (_D.c.status == _PENDING, _D.c.mode == _OPEN)


def _head_select(*where: ColumnElement[bool], lock: bool = False) -> Select[Any]:
    """The next pending Open Chat delivery matching ``where``. A claim ``lock``s the row it
    read: on PostgreSQL another engine's claim or failover skips it instead of waiting for
    it (SQLite has one writer and renders no lock clause)."""
    query = select(*_HEAD_COLUMNS).where(*_PENDING_OPEN, *where)
    query = query.order_by(_D.c.not_before, _D.c.id).limit(1)
    return query.with_for_update(skip_locked=True) if lock else query


_HEAD = Prepared(_head_select(_D.c.profile_id == bindparam("pid")))
_CLAIM_HEAD = Prepared(_head_select(_D.c.profile_id == bindparam("pid"), lock=True))
_PAUSED = Prepared(select(_M.c.id).where(_M.c.status == MessageStatus.PAUSED.value))
_STATUS = Prepared(select(_D.c.status).where(_D.c.id == bindparam("did")))
_HISTORY = Prepared(
    select(_A.c.profile_id, _A.c.outcome).where(_A.c.delivery_id == bindparam("did"))
)
_RETRIED = frozenset(kind.value for kind in kinds_where("retry"))
# Guarded: the row must still be pending and on the claiming profile. Another engine (or a
# failover) may have taken it since the head was read, and then the update changes nothing.
_MARK_SENDING = Prepared(
    update(_D)
    .where(
        _D.c.id == bindparam("did"),
        _D.c.status == _PENDING,
        _D.c.profile_id == bindparam("pid"),
    )
    .values(status=_SENDING, attempt_count=_D.c.attempt_count + 1, updated_at=bindparam("now"))
)
_NEW_ATTEMPT = Prepared(
    insert(_A).values(
        {
            c: bindparam(c)
            for c in (
                "delivery_id",
                "profile_id",
                "mode",
                "recipient",
                "started_at",
                "detail",
                "instance_id",
            )
        }
    )
)
_CONTENT = Prepared(
    select(_M.c.type, _M.c.text, _M.c.media_url, _M.c.caption, _M.c.media_path).where(
        _M.c.id == bindparam("mid")
    )
)
_CLOSE_ATTEMPT = Prepared(
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
_SETTLE = Prepared(
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
# A head that reached its recipient's quiet hours waits for their window (one mention of
# the rule in ``decided_by``, however many nights it waits).
_QUIET_WAIT = Prepared(
    update(_D)
    .where(_D.c.id == bindparam("did"))
    .values(
        not_before=bindparam("until"),
        decision=bindparam("decision"),
        decided_by=case(
            (_D.c.decided_by.contains("quiet_hours"), _D.c.decided_by),
            else_=func.trim(_D.c.decided_by + " quiet_hours"),
        ),
        updated_at=bindparam("now"),
    )
)
# How many quiet heads one claim steps over in a round before giving the device up.
_QUIET_STEPS = 8
_NOTE_RAW = Prepared(
    update(_D)
    .where(_D.c.id == bindparam("did"))
    .values(gateway_response=bindparam("raw"), error=bindparam("error"), updated_at=bindparam("at"))
)


def dispatch_round(
    session: Session,
    resolutions: Sequence[Resolution],
    claim_for: Sequence[str],
    heads_for: Sequence[str],
    failover: Failover | None,
    now: float,
    pool_events: Sequence[PoolEvent] = (),
    quiet: QuietCheck | None = None,
) -> RoundResult:
    """Records answers and ``pool_events``, holds or moves stranded work, claims due
    deliveries and reports next heads. A due head inside its recipient's quiet hours
    (``quiet``) gets the time their window opens, and the next head is tried.

    The cost is a few statements per round plus one indexed read per claimed profile:
    answers and claims are written with one batched statement each.
    """
    conn = session.connection()
    ledger = MessageLedger(session, now)
    result = RoundResult()
    _record_answers(conn, ledger, resolutions)
    add_pool_events(conn, pool_events)
    if failover is not None:
        result.reassigned, result.orphans = _fail_over(conn, failover, now)
    paused = {mid for (mid,) in _PAUSED.run(conn)}
    due: list[tuple[str, _Head]] = []
    for profile_id in claim_for:
        head = _head(conn, profile_id, paused, lock=True)
        if quiet is not None:
            head = _past_quiet(conn, head, profile_id, paused, quiet, now)
        if head is not None and (head.not_before or 0.0) <= now:
            due.append((profile_id, head))
    result.claims = _claim(conn, ledger, due, now)
    claimed = {claim.profile_id for claim in result.claims}
    for profile_id in heads_for:
        if profile_id in claimed:
            continue
        head = _head(conn, profile_id, paused)
        if head is not None:
            result.heads[profile_id] = Head(profile_id, head.id, head.not_before or 0.0)
    result.changes = ledger.changes()
    return result


def _head(
    conn: Connection, profile_id: str, paused: set[str], *, lock: bool = False
) -> _Head | None:
    """The next pending Open Chat delivery of ``profile_id``, skipping paused messages."""
    if not paused:
        row = (_CLAIM_HEAD if lock else _HEAD).run(conn, {"pid": profile_id}).fetchone()
    else:  # rare: the statement depends on which messages are paused
        where = (_D.c.profile_id == profile_id, _D.c.message_id.not_in(paused))
        row = conn.execute(_head_select(*where, lock=lock)).first()
    return None if row is None else _Head(*row)


def _past_quiet(
    conn: Connection,
    head: _Head | None,
    profile_id: str,
    paused: set[str],
    quiet: QuietCheck,
    now: float,
) -> _Head | None:
    """The first due head not inside its recipient's quiet hours; the quiet ones before it
    wait for their window. ``None`` after ``_QUIET_STEPS`` quiet heads: the rest next round."""
    for _ in range(_QUIET_STEPS):
        if head is None or (head.not_before or 0.0) > now:
            return head
        wait = quiet(head.package_id, head.recipient, head.zone, now)
        if wait is None:
            return head
        until, decision = wait
        _QUIET_WAIT.run(conn, {"did": head.id, "until": until, "decision": decision, "now": now})
        head = _head(conn, profile_id, paused, lock=True)
    return None


def tried_profiles(conn: Connection, delivery_id: int) -> frozenset[str]:
    return _history(conn, delivery_id)[0]


def _history(conn: Connection, delivery_id: int) -> tuple[frozenset[str], int]:
    """The profiles that have tried a delivery, and how many of its tries were retryable."""
    rows = _HISTORY.run(conn, {"did": delivery_id}).fetchall()
    return frozenset(pid for pid, _ in rows), sum(1 for _, outcome in rows if outcome in _RETRIED)


def _content(conn: Connection, cache: dict[str, MessageContent], message_id: str) -> MessageContent:
    content = cache.get(message_id)
    if content is None:
        kind, text, url, caption, path = _CONTENT.run(conn, {"mid": message_id}).fetchone()
        content = MessageContent(MessageType(kind), text, url, caption, path)
        cache[message_id] = content
    return content


def _claim(
    conn: Connection, ledger: MessageLedger, due: Sequence[tuple[str, _Head]], now: float
) -> list[Claim]:
    """Marks each due head ``sending`` and opens its attempt. A head whose guarded update
    changed no row was taken by someone else since it was read: it is skipped, never sent."""
    due = [
        (profile_id, head)
        for profile_id, head in due
        if _MARK_SENDING.run(conn, {"did": head.id, "pid": profile_id, "now": now}).rowcount == 1
    ]
    if not due:
        return []
    attempt_ids = _open_attempts(
        conn, [(head.id, profile_id, _OPEN, head.recipient) for profile_id, head in due], now
    )
    contents: dict[str, MessageContent] = {}
    claims: list[Claim] = []
    for (profile_id, head), attempt_id in zip(due, attempt_ids, strict=True):
        # A delivery never tried before has no history to read (the common case).
        tried, retries = _history(conn, head.id) if head.attempt_count else (frozenset(), 0)
        ledger.started(head.message_id)
        claims.append(
            Claim(
                delivery_id=head.id,
                attempt_id=attempt_id,
                message_id=head.message_id,
                package_id=head.package_id,
                profile_id=profile_id,
                recipient=head.recipient,
                content=with_personal_text(_content(conn, contents, head.message_id), head.text),
                attempt_count=head.attempt_count + 1,
                started_at=now,
                tried_profiles=tried,
                retries=retries,
            )
        )
    return claims


def _open_attempts(
    conn: Connection, attempts: Sequence[tuple[int, str, str, str]], now: float
) -> list[int]:
    """Inserts open attempts ``(delivery id, profile id, mode, recipient)``; returns their ids."""
    instance = instance_of(conn)
    return [
        _NEW_ATTEMPT.insert(
            conn,
            {
                "delivery_id": delivery_id,
                "profile_id": profile_id,
                "mode": mode,
                "recipient": recipient,
                "started_at": now,
                "detail": "",
                "instance_id": instance,
            },
        )
        for delivery_id, profile_id, mode, recipient in attempts
    ]


def _close_params(attempt_id: int, result: GatewayResult, at: float) -> dict[str, Any]:
    return {
        "aid": attempt_id,
        "at": at,
        "outcome": result.kind.value,
        "code": result.status_code,
        "detail": result.detail[:1000],
        "elapsed": result.elapsed_ms,
    }


def _close_attempt(conn: Connection, attempt_id: int, result: GatewayResult, at: float) -> None:
    _CLOSE_ATTEMPT.run(conn, _close_params(attempt_id, result, at))


_PROFILE_UPDATES: dict[tuple[str, ...], Prepared] = {}


def _profile_update(columns: tuple[str, ...]) -> Prepared:
    """The prepared ``UPDATE profiles`` setting ``columns`` (bound as ``v_<column>``)."""
    statement = _PROFILE_UPDATES.get(columns)
    if statement is None:
        statement = _PROFILE_UPDATES[columns] = Prepared(
            update(_P)
            .where(_P.c.id == bindparam("v_id"))
            .values({c: bindparam(f"v_{c}") for c in columns})
        )
    return statement


def apply_profile_updates(
    conn: Connection,
    updates: Iterable[tuple[ProfileUpdate, float, bool]],
) -> None:
    """Writes health/status changes ``(update, at, sent)`` in the order given.

    ``sent`` marks an update from a successful send (``last_message_at`` becomes ``at``).
    Several updates of one profile merge (the later value of each column wins), and
    profiles with the same changed columns are written with one statement.
    """
    merged: dict[str, dict[str, object]] = {}
    for up, at, sent in updates:
        values = merged.setdefault(up.profile_id, {})
        values.update(health_score=up.health_score, evidence_run=up.evidence_run, updated_at=at)
        if up.status is not None:
            values.update(status=up.status.value, paused_until=up.paused_until)
        if up.status_reason is not None:
            values["status_reason"] = up.status_reason
        if up.last_error is not None:
            values["last_error"] = up.last_error
        if sent:
            values["last_message_at"] = at
    groups: dict[tuple[str, ...], list[dict[str, object]]] = {}
    for profile_id, values in merged.items():
        columns = tuple(sorted(values))
        params = {f"v_{c}": v for c, v in values.items()}
        params["v_id"] = profile_id
        groups.setdefault(columns, []).append(params)
    for columns, rows in groups.items():
        _profile_update(columns).run_many(conn, rows)


def _record_answers(
    conn: Connection, ledger: MessageLedger, resolutions: Sequence[Resolution]
) -> None:
    """Closes the attempts and settles the deliveries of a round's answers, batched."""
    if not resolutions:
        return
    _CLOSE_ATTEMPT.run_many(
        conn, [_close_params(r.claim.attempt_id, r.result, r.finished_at) for r in resolutions]
    )
    current: dict[int, str] = {}
    for r in resolutions:
        row = _STATUS.run(conn, {"did": r.claim.delivery_id}).fetchone()
        if row is not None:
            current[r.claim.delivery_id] = row[0]
    settles: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    routes: list[tuple[str, str, str, float]] = []
    updates: list[tuple[ProfileUpdate, float, bool]] = []
    held: list[str] = []
    for res in resolutions:
        claim, at, status = res.claim, res.finished_at, res.delivery_status
        if claim.delivery_id not in current:  # its message was deleted meanwhile
            continue
        raw = res.result.raw[:RAW_LIMIT]
        if current[claim.delivery_id] != _SENDING:
            # Cancelled while in flight: the cancellation stands, the gateway's answer is kept.
            note = "sent while being cancelled" if status is DeliveryStatus.SENT else res.error
            notes.append({"did": claim.delivery_id, "raw": raw, "error": note, "at": at})
            continue
        sent = status is DeliveryStatus.SENT
        not_before = None
        if status is DeliveryStatus.PENDING:
            not_before = res.not_before if res.not_before is not None else at
        settles.append(
            {
                "did": claim.delivery_id,
                "status": status.value,
                "error": res.error,
                "raw": raw,
                "at": at,
                "sent_at": claim.started_at if sent else None,
                "not_before": not_before,
                "pid": None if res.reassign else claim.profile_id,
            }
        )
        if sent:
            routes.append((claim.package_id, claim.recipient, claim.profile_id, at))
        if status.is_final:
            ledger.final(claim.message_id, status)
        elif status is DeliveryStatus.HELD:
            held.append(claim.message_id)
        updates.extend(
            (up, at, sent and up.profile_id == claim.profile_id) for up in res.profile_updates
        )
    if settles:
        _SETTLE.run_many(conn, settles)
    if notes:
        _NOTE_RAW.run_many(conn, notes)
    bump_held(conn, held)
    remember_routes(conn, routes, "open")
    apply_profile_updates(conn, updates)


def _fail_over(conn: Connection, failover: Failover, now: float) -> tuple[int, int]:
    hold_pending(conn, failover.hold, now)
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
        .with_for_update(skip_locked=True)
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

_NEW_DELIVERY = insert_row(_D, generated=("id",))
_NEW_MESSAGE = insert_row(_M)
_NEW_AUDIT = insert_row(table_of(AuditEventRow), generated=("id",))


def reply_context(
    session: Session, package_id: str, phone: str
) -> tuple[Package | None, list[Profile], str | None]:
    """The package (``None``: unknown), its profiles and the customer's sticky profile."""
    package = get_package(session, package_id)
    if package is None:
        return None, [], None
    return package, list_profiles(session, package_id), route_for(session, package_id, phone)


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
    (attempt_id,) = _open_attempts(conn, [(delivery_id, profile_id, _REPLY, recipient)], now)
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
    _close_attempt(conn, claim.attempt_id, result, now)
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
    _close_attempt(conn, claim.attempt_id, result, now)
    sent = status is DeliveryStatus.SENT
    _SETTLE.run(
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
