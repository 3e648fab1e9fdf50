"""Engine instances and device leases on the shared database (``core.leasing``).

A heartbeat upserts its instance row, retires the instances whose heartbeat expired (their
open gateway calls become ``uncertain`` through ``recovery``, their leases free) and renews
its own leases, all in one transaction. Taking a lease is a guarded update, like a claim: it
changes the row only while the lease is free or expired, so of two instances racing for a
device exactly one gets it. On PostgreSQL the retiring instance locks the rows it retires
with ``SKIP LOCKED``, so two survivors never retire the same instance twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import (
    Connection,
    Float,
    Insert,
    bindparam,
    delete,
    exists,
    func,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from spreader_app.core.leasing import InstanceInfo, LeaseView
from spreader_app.storage.orm import DeviceLeaseRow, InstanceRow, ProfileRow, table_of
from spreader_app.storage.port_adapter import OnDatabase, transaction
from spreader_app.storage.recovery import recover

_I = table_of(InstanceRow)
_L = table_of(DeviceLeaseRow)
_P = table_of(ProfileRow)

_TAKE = (
    update(_L)
    .where(
        _L.c.profile_id == bindparam("pid"),
        or_(_L.c.instance_id.is_(None), _L.c.expires_at <= bindparam("now")),
    )
    .values(instance_id=bindparam("me"), acquired_at=bindparam("now"), expires_at=bindparam("exp"))
)


def _insert_ignoring_conflicts(conn: Connection) -> Insert:
    """``INSERT … ON CONFLICT DO NOTHING`` into ``device_leases`` for this dialect."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(_L).on_conflict_do_nothing()  # type: ignore[no-any-return]


def heartbeat(
    session: Session,
    me: InstanceInfo,
    now: float,
    ttl: float,
    *,
    retire_others: bool = False,
    first: bool = False,
) -> LeaseView:
    """See ``LeasePort.heartbeat``."""
    conn = session.connection()
    row = {"host": me.host, "pid": me.pid, "role": me.role, "heartbeat_at": now}
    renewed = conn.execute(
        update(_I).where(_I.c.id == me.id).values(**row, expires_at=now + ttl)
    ).rowcount
    if not renewed:
        conn.execute(_I.insert().values(id=me.id, started_at=now, expires_at=now + ttl, **row))
    dead_query = select(_I.c.id).where(_I.c.id != me.id)
    if not retire_others:
        dead_query = dead_query.where(_I.c.expires_at <= now)
    dead = list(conn.execute(dead_query.with_for_update(skip_locked=True)).scalars())
    recovered = recover(session, now, dead, unstamped=first) if dead or first else []
    if dead:
        conn.execute(
            update(_L).where(_L.c.instance_id.in_(dead)).values(instance_id=None, expires_at=None)
        )
        conn.execute(delete(_I).where(_I.c.id.in_(dead)))
    conn.execute(update(_L).where(_L.c.instance_id == me.id).values(expires_at=now + ttl))
    # Every device gets its lease row once, free; a device added since shows up here.
    missing = select(_P.c.id).where(~exists().where(_L.c.profile_id == _P.c.id))
    conn.execute(_insert_ignoring_conflicts(conn).from_select(["profile_id"], missing))
    leases = conn.execute(
        select(_L.c.profile_id, _L.c.instance_id, type_coerce(_L.c.expires_at, Float)).order_by(
            _L.c.profile_id
        )
    ).all()
    live = conn.execute(select(func.count()).where(_I.c.expires_at > now)).scalar_one()
    return LeaseView(
        held=frozenset(pid for pid, holder, _ in leases if holder == me.id),
        free=tuple(
            pid
            for pid, holder, expires in leases
            if holder is None or (holder != me.id and (expires or 0.0) <= now)
        ),
        devices=len(leases),
        instances=int(live),
        recovered=tuple(recovered),
    )


def take(
    session: Session, instance_id: str, profile_ids: Sequence[str], now: float, ttl: float
) -> frozenset[str]:
    """See ``LeasePort.take``: one guarded update per device; a changed row is a lease."""
    conn = session.connection()
    params = {"me": instance_id, "now": now, "exp": now + ttl}
    return frozenset(
        pid for pid in profile_ids if conn.execute(_TAKE, {**params, "pid": pid}).rowcount == 1
    )


def release(session: Session, instance_id: str, profile_ids: Sequence[str]) -> None:
    session.connection().execute(
        update(_L)
        .where(_L.c.instance_id == instance_id, _L.c.profile_id.in_(list(profile_ids)))
        .values(instance_id=None, expires_at=None)
    )


def leave(session: Session, instance_id: str, now: float) -> None:
    """See ``LeasePort.leave``."""
    recover(session, now, [instance_id], unstamped=False)
    conn = session.connection()
    conn.execute(
        update(_L).where(_L.c.instance_id == instance_id).values(instance_id=None, expires_at=None)
    )
    conn.execute(delete(_I).where(_I.c.id == instance_id))


class SqlLeases(OnDatabase):
    """Implements ``core.leasing.LeasePort``. Heartbeats go ahead of queued work (``urgent``):
    a long import must not let this instance's leases expire."""

    heartbeat = transaction(heartbeat, urgent=True)
    take = transaction(take, urgent=True)
    release = transaction(release, urgent=True)
    leave = transaction(leave, urgent=True)
