"""Sends an engine left in flight when it stopped: they become ``uncertain``, never re-sent.

A claim writes ``sending`` and an open attempt (``outcome`` NULL, stamped with the instance
that made it) before the gateway is called. If that instance stops before it records the
answer, nobody can tell whether the gateway delivered the message: ``recover`` closes such
attempts and marks their deliveries ``uncertain`` for the owner to decide.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session

from spreader_app.core.models import DeliveryStatus, MessageChange
from spreader_app.storage.ledger import MessageLedger
from spreader_app.storage.orm import AttemptRow, DeliveryRow, table_of

UNCERTAIN_NOTE = (
    "Spreader stopped while this send was in flight: the gateway may or may not have "
    "delivered it. It is never re-sent automatically; send it again yourself if needed."
)

_D = table_of(DeliveryRow)
_A = table_of(AttemptRow)
_SENDING = DeliveryStatus.SENDING.value


def recover(
    session: Session,
    now: float,
    instances: Collection[str] | None = None,
    *,
    unstamped: bool = True,
) -> list[MessageChange]:
    """Marks the sends in flight of the stopped ``instances`` ``uncertain`` (``None``: of
    every instance, for an engine that knows it is alone on its database); with
    ``unstamped`` also those whose attempt names no instance (written before instances
    were recorded).
    Returns the message counter changes."""
    open_attempt: ColumnElement[bool] = _A.c.outcome.is_(None)
    in_flight: ColumnElement[bool] = _D.c.status == _SENDING
    if instances is not None:
        owners: ColumnElement[bool] = _A.c.instance_id.in_(sorted(instances))
        if unstamped:
            owners = or_(owners, _A.c.instance_id.is_(None))
        open_attempt = and_(open_attempt, owners)
        in_flight = and_(in_flight, _D.c.id.in_(select(_A.c.delivery_id).where(open_attempt)))
    conn = session.connection()
    ledger = MessageLedger(session, now)
    for (message_id,) in conn.execute(select(_D.c.message_id).where(in_flight)).all():
        ledger.final(message_id, DeliveryStatus.UNCERTAIN)
    # Deliveries first: which ones are in flight is read from their still-open attempts.
    conn.execute(
        update(_D)
        .where(in_flight)
        .values(status=DeliveryStatus.UNCERTAIN.value, error=UNCERTAIN_NOTE, updated_at=now)
    )
    conn.execute(
        update(_A)
        .where(open_attempt)
        .values(outcome="uncertain", finished_at=now, detail=UNCERTAIN_NOTE)
    )
    return ledger.changes()
