"""Open Chat heads the engine found inside their recipient's quiet hours wait for the window.

The engine checks the heads a round reports (``core.quiet_gate``); the next round writes its
``QuietWait``s here before it claims, so storage decides nothing about quiet hours.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, case, func, update

from spreader_app.core.models import DeliveryStatus, QuietWait
from spreader_app.storage.orm import DeliveryRow, table_of
from spreader_app.storage.prepared import Prepared

_D = table_of(DeliveryRow)
# Guarded: a delivery claimed, moved or cancelled since its head was read is left alone.
# One mention of the rule in ``decided_by``, however many nights the delivery waits.
_QUIET_WAIT = Prepared(
    update(_D)
    .where(_D.c.id == bindparam("did"), _D.c.status == DeliveryStatus.PENDING.value)
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


def write_quiet_waits(conn: Connection, waits: Sequence[QuietWait], now: float) -> None:
    """Gives each still-pending delivery of ``waits`` the time its recipient's window opens
    and the re-decided record."""
    if waits:
        _QUIET_WAIT.run_many(
            conn,
            (
                {"did": w.delivery_id, "until": w.until, "decision": w.decision, "now": now}
                for w in waits
            ),
        )
