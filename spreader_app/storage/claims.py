"""Claiming: the next pending Open Chat delivery of a device, marked ``sending`` with its
open attempt row (stamped with the engine instance) before the gateway is called.

A claim is one guarded row update: a delivery another engine or a failover took since its
head was read changes no row and is skipped, never sent twice. The statements run for every
send are ``Prepared`` (compiled once, executed on the driver): their rows are tuples with
timestamps as POSIX seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    Select,
    bindparam,
    insert,
    select,
    type_coerce,
    update,
)

from spreader_app.core.models import (
    Claim,
    DeliveryStatus,
    MessageContent,
    MessageMode,
    MessageStatus,
    MessageType,
)
from spreader_app.core.outcomes import RETRIED_KINDS
from spreader_app.storage.database import instance_of
from spreader_app.storage.ledger import MessageLedger
from spreader_app.storage.orm import (
    AttemptRow,
    DeliveryRow,
    MessageRow,
    table_of,
)
from spreader_app.storage.prepared import Prepared

_OPEN = MessageMode.OPEN.value
_PENDING = DeliveryStatus.PENDING.value
_SENDING = DeliveryStatus.SENDING.value

_D = table_of(DeliveryRow)
_A = table_of(AttemptRow)
_M = table_of(MessageRow)


class PendingHead(NamedTuple):
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


def _head_select(*where: ColumnElement[bool], lock: bool = False, count: int = 1) -> Select[Any]:
    """The next ``count`` pending Open Chat deliveries matching ``where``, in queue order. A
    claim ``lock``s the rows it read: on PostgreSQL another engine's claim or failover skips
    them instead of waiting for them (SQLite has one writer and renders no lock clause)."""
    query = select(*_HEAD_COLUMNS).where(*_PENDING_OPEN, *where)
    query = query.order_by(_D.c.not_before, _D.c.id).limit(count)
    return query.with_for_update(skip_locked=True) if lock else query


_HEAD = Prepared(_head_select(_D.c.profile_id == bindparam("pid")))
_CLAIM_HEAD = Prepared(_head_select(_D.c.profile_id == bindparam("pid"), lock=True))
# A checked claim also reads the head after it, which the engine checks before the next one.
_CLAIM_TWO = Prepared(_head_select(_D.c.profile_id == bindparam("pid"), lock=True, count=2))
_PAUSED = Prepared(select(_M.c.id).where(_M.c.status == MessageStatus.PAUSED.value))
_HISTORY = Prepared(
    select(_A.c.profile_id, _A.c.outcome).where(_A.c.delivery_id == bindparam("did"))
)
_RETRIED = frozenset(kind.value for kind in RETRIED_KINDS)
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


def next_head(
    conn: Connection, profile_id: str, paused: set[str], *, lock: bool = False
) -> PendingHead | None:
    """The next pending Open Chat delivery of ``profile_id``, skipping paused messages."""
    if not paused:
        row = (_CLAIM_HEAD if lock else _HEAD).run(conn, {"pid": profile_id}).fetchone()
    else:  # rare: the statement depends on which messages are paused
        where = (_D.c.profile_id == profile_id, _D.c.message_id.not_in(paused))
        row = conn.execute(_head_select(*where, lock=lock)).first()
    return None if row is None else PendingHead(*row)


def claim_heads_of(conn: Connection, profile_id: str, paused: set[str]) -> list[PendingHead]:
    """The next two pending Open Chat deliveries of ``profile_id``, locked for a claim."""
    if not paused:
        rows = _CLAIM_TWO.run(conn, {"pid": profile_id}).fetchall()
    else:
        where = (_D.c.profile_id == profile_id, _D.c.message_id.not_in(paused))
        rows = list(conn.execute(_head_select(*where, lock=True, count=2)))
    return [PendingHead(*row) for row in rows]


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


def claim_heads(
    conn: Connection, ledger: MessageLedger, due: Sequence[tuple[str, PendingHead]], now: float
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
    attempt_ids = open_attempts(
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
                content=_content(conn, contents, head.message_id).with_personal_text(head.text),
                attempt_count=head.attempt_count + 1,
                started_at=now,
                tried_profiles=tried,
                retries=retries,
            )
        )
    return claims


def open_attempts(
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


def paused_messages(conn: Connection) -> set[str]:
    """Ids of the paused messages, whose deliveries no head or claim returns."""
    return {mid for (mid,) in _PAUSED.run(conn)}
