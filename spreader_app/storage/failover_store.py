"""Failover in a dispatch round: holds the work of banned devices, writes the moves the
engine decided, and reports the work still stranded (storage decides nothing)."""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    bindparam,
    func,
    or_,
    select,
    update,
)

from spreader_app.core.models import (
    DeliveryStatus,
    Failover,
    MessageMode,
    Stranded,
)
from spreader_app.storage.claims import tried_profiles
from spreader_app.storage.orm import (
    DeliveryRow,
    table_of,
)
from spreader_app.storage.pool_store import hold_pending
from spreader_app.storage.prepared import Prepared

_OPEN = MessageMode.OPEN.value
_PENDING = DeliveryStatus.PENDING.value

_D = table_of(DeliveryRow)

_MOVE = Prepared(
    update(_D)
    .where(
        _D.c.id == bindparam("did"),
        _D.c.status == _PENDING,
        _D.c.profile_id.is_not_distinct_from(bindparam("from_pid")),
    )
    .values(
        profile_id=bindparam("pid"),
        decided_by=func.trim(_D.c.decided_by + " failover"),
        updated_at=bindparam("now"),
    )
)


def fail_over(conn: Connection, failover: Failover, now: float) -> list[Stranded]:
    """Holds the work of ``failover.hold``, writes the engine's ``moves`` (each only if its
    delivery is still pending where it was found) and reads the deliveries still to move."""
    hold_pending(conn, failover.hold, now)
    if failover.moves:
        _MOVE.run_many(
            conn,
            [
                {"did": m.delivery_id, "from_pid": m.from_profile, "pid": m.to_profile, "now": now}
                for m in failover.moves
            ],
        )
    stranded = sorted(failover.stranded)
    cond: ColumnElement[bool] = _D.c.profile_id.is_(None)
    if stranded:
        cond = or_(cond, _D.c.profile_id.in_(stranded))
    if failover.paused:
        due = and_(_D.c.profile_id.in_(sorted(failover.paused)), _D.c.not_before <= failover.due_by)
        cond = or_(cond, due)
    rows = conn.execute(
        select(_D.c.id, _D.c.package_id, _D.c.recipient, _D.c.profile_id)
        .where(_D.c.status == _PENDING, _D.c.mode == _OPEN, cond)
        .order_by(_D.c.not_before, _D.c.id)
        .limit(failover.limit)
        .with_for_update(skip_locked=True)
    ).all()
    return [
        Stranded(delivery_id, package_id, recipient, profile_id, tried_profiles(conn, delivery_id))
        for delivery_id, package_id, recipient, profile_id in rows
    ]
