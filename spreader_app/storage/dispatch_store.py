"""The Open Chat engine's round: one transaction that records the answers that came back,
writes pool events and failover moves, claims the due deliveries and reads the next heads.

The parts live beside it: ``answers`` (recording), ``failover_store`` (stranded work),
``claims`` (heads and the guarded claim); Reply Chat's transactions are in ``reply_store``.
An engine that stops between a claim and its answer leaves an open attempt that
``recovery.recover`` turns into ``uncertain``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy.orm import Session

from spreader_app.core.models import (
    Failover,
    Head,
    PoolEvent,
    QuietWait,
    Resolution,
    RoundResult,
)
from spreader_app.storage.answers import record_answers
from spreader_app.storage.claims import (
    PendingHead,
    claim_heads,
    claim_heads_of,
    next_head,
    paused_messages,
)
from spreader_app.storage.failover_store import fail_over
from spreader_app.storage.ledger import MessageLedger
from spreader_app.storage.pool_store import add_pool_events
from spreader_app.storage.quiet_store import write_quiet_waits


def dispatch_round(
    session: Session,
    resolutions: Sequence[Resolution],
    claim_for: Sequence[str],
    heads_for: Sequence[str],
    failover: Failover | None,
    now: float,
    pool_events: Sequence[PoolEvent] = (),
    quiet_waits: Sequence[QuietWait] = (),
    checked: Mapping[str, int] | None = None,
) -> RoundResult:
    """Records answers and ``pool_events``, holds stranded work or writes where the engine
    moves it (reporting what is left to move), writes the engine's ``quiet_waits``, claims
    due deliveries and reports next heads.

    A profile in ``checked`` claims only the delivery the engine checked (its head when the
    engine last saw it); a different head is reported instead, for the engine to check. Its
    next head after a claim is reported too, so the engine can check it before the next one.

    The cost is a few statements per round plus one indexed read per claimed profile (a
    checked claim reads its head and the next in one): answers and claims are written with
    one batched statement each.
    """
    checked = checked or {}
    conn = session.connection()
    ledger = MessageLedger(session, now)
    result = RoundResult()
    record_answers(conn, ledger, resolutions)
    add_pool_events(conn, pool_events)
    if failover is not None:
        result.stranded = fail_over(conn, failover, now)
    write_quiet_waits(conn, quiet_waits, now)
    paused = paused_messages(conn)
    due: list[tuple[str, PendingHead]] = []
    # The head after a checked claim, read with it.
    after: dict[str, PendingHead | None] = {}
    for profile_id in claim_for:
        want = checked.get(profile_id)
        if want is None:
            head = next_head(conn, profile_id, paused, lock=True)
            following = None
        else:
            heads = claim_heads_of(conn, profile_id, paused)
            head = heads[0] if heads else None
            following = heads[1] if len(heads) > 1 else None
        if head is None or (head.not_before or 0.0) > now or want not in (None, head.id):
            continue
        due.append((profile_id, head))
        if want is not None:
            after[profile_id] = following
    result.claims = claim_heads(conn, ledger, due, now)
    claimed = {claim.profile_id for claim in result.claims}
    for profile_id in heads_for:
        if profile_id in claimed:
            head = after.get(profile_id)
        else:
            head = next_head(conn, profile_id, paused)
        if head is not None:
            result.heads[profile_id] = Head(
                profile_id, head.id, head.not_before or 0.0, head.recipient, head.zone
            )
    result.changes = ledger.changes()
    return result
