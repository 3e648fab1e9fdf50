"""Who each profile has talked to: the history warm-up and the unanswered budget count."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import exists, or_, select, update
from sqlalchemy.orm import Session

from spreader_app.core.contact_log import (
    FIRST_CONTACT_SPAN,
    MONTH,
    ContactHistory,
    ContactQuery,
)
from spreader_app.core.models import DeliveryStatus, MessageMode, OutcomeKind, WaitingStrategy
from spreader_app.core.warmup_review import StageReview
from spreader_app.storage.database import affected
from spreader_app.storage.orm import (
    AttemptRow,
    DeliveryRow,
    InboundMessageRow,
    MessageRow,
    ProfileRow,
)
from spreader_app.storage.pool_store import add_pool_events


def contact_histories(
    session: Session, queries: Mapping[str, ContactQuery], now: float
) -> dict[str, ContactHistory]:
    """The history of each profile in ``queries`` at ``now``; see ``ContactHistory``."""
    out: dict[str, ContactHistory] = {}
    for pid, query in queries.items():
        known: frozenset[str] = frozenset()
        first: tuple[float, ...] = ()
        if query.first_contacts:
            known, first = _first_contacts(session, pid, now)
        unanswered = (
            _unanswered(session, pid, query.unanswered_cap, now) if query.unanswered_cap > 0 else ()
        )
        out[pid] = ContactHistory(known, first, unanswered)
    return out


def _first_contacts(
    session: Session, profile_id: str, now: float
) -> tuple[frozenset[str], tuple[float, ...]]:
    # A profile in warm-up is young: its whole history is small enough to walk.
    sent = session.execute(
        select(AttemptRow.started_at, AttemptRow.recipient, AttemptRow.mode).where(
            AttemptRow.profile_id == profile_id
        )
    )
    heard = session.execute(
        select(InboundMessageRow.received_at, InboundMessageRow.sender).where(
            InboundMessageRow.profile_id == profile_id, InboundMessageRow.sender.is_not(None)
        )
    )
    # (time, order, number, first contact counts): at one instant a message heard
    # comes before one sent, so a send answering it is not a first contact.
    timeline = [(at.timestamp(), 0, str(sender), False) for at, sender in heard]
    timeline += [
        (at.timestamp(), 1, recipient, mode == MessageMode.OPEN.value)
        for at, recipient, mode in sent
    ]
    timeline.sort()
    known: set[str] = set()
    first: list[float] = []
    horizon = now - FIRST_CONTACT_SPAN
    for t, _, number, counts in timeline:
        if number not in known:
            known.add(number)
            if counts and horizon < t <= now:
                first.append(t)
    return frozenset(known), tuple(first)


def _unanswered(
    session: Session, profile_id: str, cap: int, now: float
) -> tuple[tuple[float, str], ...]:
    package_id = select(ProfileRow.package_id).where(ProfileRow.id == profile_id).scalar_subquery()
    answered = exists().where(
        InboundMessageRow.package_id == package_id,
        InboundMessageRow.sender == AttemptRow.recipient,
        InboundMessageRow.received_at >= AttemptRow.started_at,
    )
    rows = session.execute(
        select(AttemptRow.started_at, AttemptRow.recipient)
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.mode == MessageMode.OPEN.value,
            AttemptRow.started_at > now - MONTH,
            AttemptRow.started_at <= now,
            # Sends the gateway took, or whose answer is not known: not those it refused.
            or_(
                AttemptRow.outcome.is_(None),
                AttemptRow.outcome == OutcomeKind.ACCEPTED.value,
            ),
            ~answered,
        )
        .order_by(AttemptRow.started_at.desc(), AttemptRow.id.desc())
        .limit(cap)
    )
    return tuple(sorted((at.timestamp(), recipient) for at, recipient in rows))


def advance_waiting(session: Session, profile_ids: Collection[str], now: float) -> int:
    """Makes pending deliveries of ``profile_ids`` that wait only on the rules due now;
    returns how many. Drip and smart campaigns and a schedule still in the future set
    times of their own and keep them. The dispatcher asks every rule before it sends,
    so this only lets a queue move as soon as a rule that gained room allows."""
    if not profile_ids:
        return 0
    paced = (WaitingStrategy.IMMEDIATE.value, WaitingStrategy.QUEUED.value)
    own_time = select(MessageRow.id).where(
        or_(MessageRow.waiting_strategy.not_in(paced), MessageRow.scheduled_at > now)
    )
    result = session.execute(
        update(DeliveryRow)
        .where(
            DeliveryRow.status == DeliveryStatus.PENDING.value,
            DeliveryRow.profile_id.in_(list(profile_ids)),
            DeliveryRow.not_before > now,
            DeliveryRow.message_id.not_in(own_time),
        )
        .values(not_before=now)
        .execution_options(synchronize_session=False)
    )
    return affected(result)


def record_stage_reviews(session: Session, reviews: Sequence[StageReview]) -> None:
    """Writes each profile's warm-up stage and review day, and the stage changes."""
    conn = session.connection()
    for r in reviews:
        conn.execute(
            update(ProfileRow)
            .where(ProfileRow.id == r.profile_id)
            .values(warmup_stage=r.stage, warmup_reviewed_on=r.day.isoformat())
        )
    add_pool_events(conn, [r.event for r in reviews if r.event is not None])
