"""Health deductions (``health_events``) and what the score needs besides them: the reply
rate of each profile's Open Chat. Storage reads and writes; ``core.health_score`` scores."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from sqlalchemy import Connection, bindparam, delete, distinct, exists, func, insert, select
from sqlalchemy import update as sa_update
from sqlalchemy.orm import Session

from spreader_app.core.health_score import (
    KEEP,
    RECOVERY,
    REPLY_WINDOW,
    HealthLog,
)
from spreader_app.core.models import HealthDeduction, MessageMode, OutcomeKind
from spreader_app.storage.orm import (
    AttemptRow,
    HealthEventRow,
    InboundMessageRow,
    ProfileRow,
    table_of,
)

_H = table_of(HealthEventRow)
_P = table_of(ProfileRow)


def add_health_events(conn: Connection, deductions: Iterable[HealthDeduction]) -> None:
    """Appends ``deductions`` in the caller's transaction, and forgets those older than
    ``KEEP`` before the newest of them."""
    found = list(deductions)
    if not found:
        return
    conn.execute(
        insert(_H),
        [
            {"profile_id": d.profile_id, "at": d.at, "reason": d.reason, "points": d.points}
            for d in found
        ],
    )
    conn.execute(delete(_H).where(_H.c.at < max(d.at for d in found) - KEEP))


def health_logs(session: Session, profile_ids: Collection[str], now: float) -> dict[str, HealthLog]:
    """The health log of each of ``profile_ids`` with deductions in the last ``KEEP``
    seconds; the reply credit is read only for those with a deduction still counting
    (without one the score is at its ceiling anyway)."""
    ids = sorted(profile_ids)
    if not ids:
        return {}
    conn = session.connection()
    rows = conn.execute(
        select(_H.c.profile_id, _H.c.at, _H.c.reason, _H.c.points).where(
            _H.c.profile_id.in_(ids), _H.c.at > now - KEEP
        )
    )
    found: dict[str, list[HealthDeduction]] = {}
    for pid, at, reason, points in rows:
        found.setdefault(pid, []).append(HealthDeduction(pid, at.timestamp(), reason, points))
    counting = [pid for pid, ds in found.items() if any(d.at > now - RECOVERY for d in ds)]
    rates = _reply_rates(session, counting, now)
    return {pid: HealthLog(ds, replies=rates.get(pid, (0, 0))) for pid, ds in found.items()}


def _reply_rates(
    session: Session, profile_ids: Collection[str], now: float
) -> dict[str, tuple[int, int]]:
    """(Open Chat recipients the gateway took, how many of them wrote to the package
    after) per profile, over ``REPLY_WINDOW``."""
    if not profile_ids:
        return {}
    answered = exists().where(
        InboundMessageRow.package_id == ProfileRow.package_id,
        InboundMessageRow.sender == AttemptRow.recipient,
        InboundMessageRow.received_at >= AttemptRow.started_at,
    )
    where = (
        AttemptRow.profile_id.in_(sorted(profile_ids)),
        AttemptRow.mode == MessageMode.OPEN.value,
        AttemptRow.started_at > now - REPLY_WINDOW,
        AttemptRow.outcome == OutcomeKind.ACCEPTED.value,
    )
    counts = select(AttemptRow.profile_id, func.count(distinct(AttemptRow.recipient))).join(
        ProfileRow, ProfileRow.id == AttemptRow.profile_id
    )
    total = session.execute(counts.where(*where).group_by(AttemptRow.profile_id))
    replied = {
        pid: n
        for pid, n in session.execute(
            counts.where(*where, answered).group_by(AttemptRow.profile_id)
        )
    }
    return {pid: (n, replied.get(pid, 0)) for pid, n in total}


_SET_SCORE = (
    sa_update(_P).where(_P.c.id == bindparam("pid")).values(health_score=bindparam("score"))
)


def set_health_scores(session: Session, scores: Mapping[str, int], now: float) -> None:
    """``HealthPort.set_health_scores``: writes each profile's cached ``health_score``."""
    if scores:
        rows = [{"pid": pid, "score": s} for pid, s in scores.items()]
        session.connection().execute(_SET_SCORE, rows)
