"""Message counters and conversation routes, written with prepared statements.

The sending engine touches these on every answer, so the statements are compiled once at
import and run on the driver (``Prepared``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, case, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement

from spreader_app.core.models import DeliveryStatus, MessageChange, MessageStatus
from spreader_app.storage.orm import ConversationRouteRow, MessageRow, table_of
from spreader_app.storage.prepared import Prepared

_M = table_of(MessageRow)
_R = table_of(ConversationRouteRow)

_BUMP = Prepared(
    update(_M)
    .where(_M.c.id == bindparam("mid"))
    .values(
        processed_count=_M.c.processed_count + bindparam("p"),
        sent_count=_M.c.sent_count + bindparam("s"),
        failed_count=_M.c.failed_count + bindparam("f"),
        skipped_count=_M.c.skipped_count + bindparam("k"),
        updated_at=bindparam("now"),
        status=case(
            (
                (bindparam("started") == 1)
                & or_(
                    _M.c.status == MessageStatus.QUEUED.value,
                    _M.c.status == MessageStatus.SCHEDULED.value,
                ),
                MessageStatus.PROCESSING.value,
            ),
            else_=_M.c.status,
        ),
    )
)
_READ = Prepared(
    select(
        _M.c.package_id,
        _M.c.status,
        _M.c.total_recipients,
        _M.c.processed_count,
        _M.c.sent_count,
        _M.c.failed_count,
        _M.c.finished_at,
    ).where(_M.c.id == bindparam("mid"))
)
_FINISH = Prepared(
    update(_M)
    .where(_M.c.id == bindparam("mid"))
    .values(status=bindparam("status"), finished_at=bindparam("now"))
)


class MessageLedger:
    """Collects counter changes per message in one transaction; ``changes()`` writes them.

    A message whose every recipient is final gets ``finished_at`` and its final status:
    ``failed`` when nothing was sent and something failed, else ``completed`` (a cancelled
    message stays ``cancelled``).
    """

    def __init__(self, session: Session, now: float) -> None:
        self._conn = session.connection()
        self._now = now
        self._delta: dict[str, list[int]] = {}

    def _entry(self, message_id: str) -> list[int]:
        entry = self._delta.get(message_id)
        if entry is None:
            entry = self._delta[message_id] = [0, 0, 0, 0, 0]
        return entry

    def started(self, message_id: str) -> None:
        self._entry(message_id)[4] = 1

    def final(self, message_id: str, status: DeliveryStatus, n: int = 1) -> None:
        entry = self._entry(message_id)
        entry[0] += n
        if status is DeliveryStatus.SENT:
            entry[1] += n
        elif status is DeliveryStatus.FAILED:
            entry[2] += n
        elif status is DeliveryStatus.SKIPPED:
            entry[3] += n

    def changes(self) -> list[MessageChange]:
        out: list[MessageChange] = []
        for mid in sorted(self._delta):
            p, s, f, k, started = self._delta[mid]
            _BUMP.run(
                self._conn,
                {"mid": mid, "p": p, "s": s, "f": f, "k": k, "now": self._now, "started": started},
            )
            row = _READ.run(self._conn, {"mid": mid}).fetchone()
            if row is None:
                continue
            package_id, status, total, processed, sent, failed, finished_at = row
            finished = False
            if processed >= total and finished_at is None:
                finished = True
                if status != MessageStatus.CANCELLED.value:
                    none_sent = sent == 0 and failed > 0
                    status = (MessageStatus.FAILED if none_sent else MessageStatus.COMPLETED).value
                _FINISH.run(self._conn, {"mid": mid, "status": status, "now": self._now})
            out.append(
                MessageChange(
                    mid,
                    package_id,
                    MessageStatus(status),
                    total,
                    processed,
                    sent,
                    failed,
                    finished,
                )
            )
        self._delta.clear()
        return out


# Both dialects spell the upsert alike, from their own ``insert``.
_UPSERTS: dict[str, Callable[[Table], sqlite.Insert | postgresql.Insert]] = {
    "sqlite": sqlite.insert,
    "postgresql": postgresql.insert,
}


def _route_upsert(dialect: str, *, override: bool) -> ClauseElement:
    stmt = _UPSERTS[dialect](_R).values(
        package_id=bindparam("pkg"),
        customer_phone=bindparam("phone"),
        profile_id=bindparam("pid"),
        source=bindparam("source"),
        last_interaction_at=bindparam("at"),
        created_at=bindparam("at"),
    )
    new = stmt.excluded
    changes: dict[str, Any] = {"last_interaction_at": new.last_interaction_at}
    if override:
        # SET reads the old row, so the source changes only when the profile does.
        changes["source"] = case((_R.c.profile_id == new.profile_id, _R.c.source), else_=new.source)
        changes["profile_id"] = new.profile_id
    return stmt.on_conflict_do_update(index_elements=["package_id", "customer_phone"], set_=changes)


_ROUTE_KEEP = Prepared(lambda dialect: _route_upsert(dialect, override=False))
_ROUTE_MOVE = Prepared(lambda dialect: _route_upsert(dialect, override=True))


def remember_routes(
    conn: Connection,
    routes: Sequence[tuple[str, str, str, float]],
    source: str,
    *,
    override: bool = False,
) -> None:
    """Records that each customer ``(package id, phone, profile id, at)`` talks to that profile.

    A first contact creates the route; later ones only refresh it, unless ``override``
    (the customer wrote to, or was answered by, that device) moves it there. One
    statement for all of them.
    """
    if routes:
        (_ROUTE_MOVE if override else _ROUTE_KEEP).run_many(
            conn,
            [
                {"pkg": pkg, "phone": phone, "pid": pid, "source": source, "at": at}
                for pkg, phone, pid, at in routes
            ],
        )


def remember_route(
    session: Session,
    package_id: str,
    phone: str,
    profile_id: str,
    source: str,
    at: float,
    *,
    override: bool = False,
) -> None:
    """``remember_routes`` for one customer."""
    remember_routes(
        session.connection(), [(package_id, phone, profile_id, at)], source, override=override
    )
