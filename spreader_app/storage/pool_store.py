"""Transactions of the pool breaker: its events, and holding, releasing and cancelling the
recipients of banned profiles. Storage only reads and writes; ``core.pool`` decides."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from spreader_app.core.models import DeliveryStatus, MessageMode, PoolEvent
from spreader_app.core.pool_common import SentAttempt
from spreader_app.storage.catalog_store import audit
from spreader_app.storage.ledger import MessageLedger
from spreader_app.storage.orm import AttemptRow, DeliveryRow, MessageRow, PoolEventRow, table_of

_D = table_of(DeliveryRow)
_M = table_of(MessageRow)
_E = table_of(PoolEventRow)
_A = table_of(AttemptRow)
_HELD = DeliveryStatus.HELD.value
_PENDING = DeliveryStatus.PENDING.value
_OPEN = MessageMode.OPEN.value

_BUMP_HELD = (
    update(_M)
    .where(_M.c.id == bindparam("mid"))
    .values(held_count=_M.c.held_count + bindparam("n"))
)


def add_pool_events(conn: Connection, events: Sequence[PoolEvent]) -> None:
    """Appends ``events`` in the caller's transaction."""
    if events:
        conn.execute(
            insert(_E),
            [
                {
                    "package_id": e.package_id,
                    "type": e.type,
                    "at": e.at,
                    "profile_id": e.profile_id,
                    "reason": e.reason,
                    "note": e.note,
                }
                for e in events
            ],
        )


def pool_events(
    session: Session, package_id: str | None = None, since: float | None = None
) -> list[PoolEvent]:
    """The pool events of one package (``None``: every package) at or after ``since``,
    oldest first."""
    q = select(_E.c.package_id, _E.c.type, _E.c.at, _E.c.profile_id, _E.c.reason, _E.c.note)
    if package_id is not None:
        q = q.where(_E.c.package_id == package_id)
    if since is not None:
        q = q.where(_E.c.at >= since)
    rows = session.connection().execute(q.order_by(_E.c.at, _E.c.id))
    return [
        PoolEvent(pkg, kind, at.timestamp(), pid, reason, note)
        for pkg, kind, at, pid, reason, note in rows
    ]


def bump_held(conn: Connection, message_ids: Iterable[str], sign: int = 1) -> None:
    """Adds ``sign`` to ``held_count`` once per occurrence of each message id."""
    counts = Counter(message_ids)
    if counts:
        conn.execute(_BUMP_HELD, [{"mid": mid, "n": sign * n} for mid, n in counts.items()])


def hold_pending(conn: Connection, profile_ids: Iterable[str], now: float) -> int:
    """Holds the pending Open Chat deliveries of ``profile_ids``; returns how many."""
    ids = sorted(profile_ids)
    if not ids:
        return 0
    where = (_D.c.status == _PENDING, _D.c.mode == _OPEN, _D.c.profile_id.in_(ids))
    rows = conn.execute(select(_D.c.id, _D.c.message_id).where(*where)).all()
    if rows:
        conn.execute(
            update(_D)
            .where(*where)
            .values(
                status=_HELD,
                error="held: its device was banned; release or cancel it",
                updated_at=now,
            )
        )
        bump_held(conn, (mid for _, mid in rows))
    return len(rows)


def _settle_held(conn: Connection, event: PoolEvent, values: dict[str, object]) -> Counter[str]:
    """Gives the package's held deliveries ``values``, records ``event`` and returns how
    many deliveries of each message changed."""
    where = (_D.c.package_id == event.package_id, _D.c.status == _HELD)
    counts = Counter(mid for (mid,) in conn.execute(select(_D.c.message_id).where(*where)))
    if counts:
        conn.execute(update(_D).where(*where).values(values))
        bump_held(conn, counts.elements(), -1)
    add_pool_events(conn, [event])
    return counts


def add_pool_event(session: Session, event: PoolEvent, actor: str) -> None:
    """Records one event the owner caused (a resume, a pause), audited."""
    add_pool_events(session.connection(), [event])
    details = {"profile_id": event.profile_id, "reason": event.reason, "note": event.note}
    audit(session, event.at, actor, f"pool_{event.type}", event.package_id, details)


def release_held(session: Session, event: PoolEvent, actor: str) -> int:
    """Makes the package's held deliveries pending again with no profile, so the engine
    spreads them over the profiles that can send; records ``event`` (its ``at`` is now).
    Returns how many."""
    now = event.at
    values: dict[str, object] = {
        "status": _PENDING,
        "profile_id": None,
        "not_before": now,
        "error": "",
        "decided_by": func.trim(_D.c.decided_by + " released"),
        "updated_at": now,
    }
    n = sum(_settle_held(session.connection(), event, values).values())
    audit(session, now, actor, "held_released", event.package_id, {"count": n})
    return n


def cancel_held(session: Session, event: PoolEvent, actor: str) -> int:
    """Cancels the package's held deliveries (final: a message may finish) and records
    ``event`` (its ``at`` is now); returns how many."""
    values: dict[str, object] = {
        "status": DeliveryStatus.CANCELLED.value,
        "error": "held recipient cancelled by the owner",
        "updated_at": event.at,
    }
    counts = _settle_held(session.connection(), event, values)
    ledger = MessageLedger(session, event.at)
    for mid, n in counts.items():
        ledger.final(mid, DeliveryStatus.CANCELLED, n)
    ledger.changes()
    n = sum(counts.values())
    audit(session, event.at, actor, "held_cancelled", event.package_id, {"count": n})
    return n


def held_count(session: Session, package_id: str) -> int:
    """How many of the package's deliveries are held (the messages' counters, summed)."""
    q = select(func.coalesce(func.sum(_M.c.held_count), 0)).where(_M.c.package_id == package_id)
    return int(session.connection().execute(q).scalar_one())


def open_attempts(
    session: Session, profile_ids: Collection[str], since: float, limit: int
) -> list[SentAttempt]:
    """The ``limit`` most recent Open Chat attempts of ``profile_ids`` since ``since``, each
    with its campaign and the campaign's text (the caption for media)."""
    ids = sorted(profile_ids)
    if not ids:
        return []
    q = (
        select(
            _A.c.profile_id,
            _D.c.message_id,
            func.coalesce(func.nullif(_M.c.text, ""), _M.c.caption, ""),
            _A.c.started_at,
        )
        .join(_D, _D.c.id == _A.c.delivery_id)
        .join(_M, _M.c.id == _D.c.message_id)
        .where(_A.c.profile_id.in_(ids), _A.c.mode == _OPEN, _A.c.started_at >= since)
        .order_by(_A.c.started_at.desc(), _A.c.id.desc())
        .limit(limit)
    )
    rows = session.connection().execute(q)
    return [SentAttempt(pid, mid, text, at.timestamp()) for pid, mid, text, at in rows]
