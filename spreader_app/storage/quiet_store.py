"""Open Chat heads that reached their recipient's quiet hours wait for the window.

The engine hands the round a ``QuietCheck`` (``core.quiet_hours``); a due head it finds
quiet gets the time the recipient's window opens and a new decision record, and the next
head is tried, at most ``QUIET_STEPS`` times per device and round.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, case, func, update

from spreader_app.core.models import QuietCheck
from spreader_app.storage.claims import PendingHead, next_head
from spreader_app.storage.orm import DeliveryRow, table_of
from spreader_app.storage.prepared import Prepared

_D = table_of(DeliveryRow)
# One mention of the rule in ``decided_by``, however many nights the delivery waits.
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
QUIET_STEPS = 8


def past_quiet(
    conn: Connection,
    head: PendingHead | None,
    profile_id: str,
    paused: set[str],
    quiet: QuietCheck,
    now: float,
) -> PendingHead | None:
    """The first due head not inside its recipient's quiet hours; the quiet ones before it
    wait for their window. ``None`` after ``QUIET_STEPS`` quiet heads: the rest next round."""
    for _ in range(QUIET_STEPS):
        if head is None or (head.not_before or 0.0) > now:
            return head
        wait = quiet(head.package_id, head.recipient, head.zone, now)
        if wait is None:
            return head
        until, decision = wait
        _QUIET_WAIT.run(conn, {"did": head.id, "until": until, "decision": decision, "now": now})
        head = next_head(conn, profile_id, paused, lock=True)
    return None
