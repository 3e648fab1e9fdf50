"""Recording the gateway's answers: closing attempts, settling deliveries, remembering
routes and writing the devices' health and status, batched per round."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    BindParameter,
    Connection,
    bindparam,
    select,
    update,
)

from spreader_app.core.models import (
    DeliveryStatus,
    GatewayResult,
    ProfileUpdate,
    Resolution,
)
from spreader_app.storage.health_store import add_health_events
from spreader_app.storage.ledger import MessageLedger, remember_routes
from spreader_app.storage.orm import (
    AttemptRow,
    DeliveryRow,
    ProfileRow,
    table_of,
)
from spreader_app.storage.pool_store import bump_held
from spreader_app.storage.prepared import Prepared

RAW_LIMIT = 4096
_SENDING = DeliveryStatus.SENDING.value

_D = table_of(DeliveryRow)
_A = table_of(AttemptRow)
_P = table_of(ProfileRow)

_STATUS_BATCH = 64
_STATUSES: dict[int, Prepared] = {}


def _statuses_of(size: int) -> Prepared:
    """The prepared read of ``size`` deliveries' statuses (``IN`` over ``d0``..``d<size-1>``)."""
    statement = _STATUSES.get(size)
    if statement is None:
        ids: list[BindParameter[int]] = [bindparam(f"d{i}") for i in range(size)]
        statement = _STATUSES[size] = Prepared(select(_D.c.id, _D.c.status).where(_D.c.id.in_(ids)))
    return statement


def current_statuses(conn: Connection, delivery_ids: Sequence[int]) -> dict[int, str]:
    """The status of each delivery that still exists, in one statement per 64 of them.

    A round has an answer per device, so reading them one by one cost a statement per send
    (a network round trip on PostgreSQL). The list is padded to a power of two with its
    last id, so a few prepared forms serve every round.
    """
    out: dict[int, str] = {}
    for start in range(0, len(delivery_ids), _STATUS_BATCH):
        chunk = list(delivery_ids[start : start + _STATUS_BATCH])
        size = 1 << (len(chunk) - 1).bit_length()
        chunk += chunk[-1:] * (size - len(chunk))
        rows = _statuses_of(size).run(conn, {f"d{i}": did for i, did in enumerate(chunk)})
        out.update(rows.fetchall())
    return out


_CLOSE_ATTEMPT = Prepared(
    update(_A)
    .where(_A.c.id == bindparam("aid"))
    .values(
        finished_at=bindparam("at"),
        outcome=bindparam("outcome"),
        status_code=bindparam("code"),
        detail=bindparam("detail"),
        elapsed_ms=bindparam("elapsed"),
    )
)
SETTLE = Prepared(
    update(_D)
    .where(_D.c.id == bindparam("did"))
    .values(
        status=bindparam("status"),
        error=bindparam("error"),
        gateway_response=bindparam("raw"),
        updated_at=bindparam("at"),
        sent_at=bindparam("sent_at"),
        not_before=bindparam("not_before"),
        profile_id=bindparam("pid"),
    )
)
_NOTE_RAW = Prepared(
    update(_D)
    .where(_D.c.id == bindparam("did"))
    .values(gateway_response=bindparam("raw"), error=bindparam("error"), updated_at=bindparam("at"))
)


def _close_params(attempt_id: int, result: GatewayResult, at: float) -> dict[str, Any]:
    return {
        "aid": attempt_id,
        "at": at,
        "outcome": result.kind.value,
        "code": result.status_code,
        "detail": result.detail[:1000],
        "elapsed": result.elapsed_ms,
    }


def close_attempt(conn: Connection, attempt_id: int, result: GatewayResult, at: float) -> None:
    _CLOSE_ATTEMPT.run(conn, _close_params(attempt_id, result, at))


_PROFILE_UPDATES: dict[tuple[str, ...], Prepared] = {}


def _profile_update(columns: tuple[str, ...]) -> Prepared:
    """The prepared ``UPDATE profiles`` setting ``columns`` (bound as ``v_<column>``)."""
    statement = _PROFILE_UPDATES.get(columns)
    if statement is None:
        statement = _PROFILE_UPDATES[columns] = Prepared(
            update(_P)
            .where(_P.c.id == bindparam("v_id"))
            .values({c: bindparam(f"v_{c}") for c in columns})
        )
    return statement


def apply_profile_updates(
    conn: Connection,
    updates: Iterable[tuple[ProfileUpdate, float, bool]],
) -> None:
    """Writes health/status changes ``(update, at, sent)`` in the order given, and their
    health deductions.

    ``sent`` marks an update from a successful send (``last_message_at`` becomes ``at``).
    Several updates of one profile merge (the later value of each column wins), and
    profiles with the same changed columns are written with one statement.
    """
    merged: dict[str, dict[str, object]] = {}
    updates = list(updates)
    add_health_events(conn, (d for up, _, _ in updates for d in up.deductions))
    for up, at, sent in updates:
        values = merged.setdefault(up.profile_id, {})
        values.update(health_score=up.health_score, evidence_run=up.evidence_run, updated_at=at)
        if up.status is not None:
            values.update(status=up.status.value, paused_until=up.paused_until)
        if up.status_reason is not None:
            values["status_reason"] = up.status_reason
        if up.last_error is not None:
            values["last_error"] = up.last_error
        if sent:
            values["last_message_at"] = at
    groups: dict[tuple[str, ...], list[dict[str, object]]] = {}
    for profile_id, values in merged.items():
        columns = tuple(sorted(values))
        params = {f"v_{c}": v for c, v in values.items()}
        params["v_id"] = profile_id
        groups.setdefault(columns, []).append(params)
    for columns, rows in groups.items():
        _profile_update(columns).run_many(conn, rows)


def record_answers(
    conn: Connection, ledger: MessageLedger, resolutions: Sequence[Resolution]
) -> None:
    """Closes the attempts and settles the deliveries of a round's answers, batched."""
    if not resolutions:
        return
    _CLOSE_ATTEMPT.run_many(
        conn, [_close_params(r.claim.attempt_id, r.result, r.finished_at) for r in resolutions]
    )
    current = current_statuses(conn, [r.claim.delivery_id for r in resolutions])
    settles: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    routes: list[tuple[str, str, str, float]] = []
    updates: list[tuple[ProfileUpdate, float, bool]] = []
    held: list[str] = []
    for res in resolutions:
        claim, at, status = res.claim, res.finished_at, res.delivery_status
        if claim.delivery_id not in current:  # its message was deleted meanwhile
            continue
        raw = res.result.raw[:RAW_LIMIT]
        if current[claim.delivery_id] != _SENDING:
            # Cancelled while in flight: the cancellation stands, the gateway's answer is kept.
            note = "sent while being cancelled" if status is DeliveryStatus.SENT else res.error
            notes.append({"did": claim.delivery_id, "raw": raw, "error": note, "at": at})
            continue
        sent = status is DeliveryStatus.SENT
        not_before = None
        if status is DeliveryStatus.PENDING:
            not_before = res.not_before if res.not_before is not None else at
        settles.append(
            {
                "did": claim.delivery_id,
                "status": status.value,
                "error": res.error,
                "raw": raw,
                "at": at,
                "sent_at": claim.started_at if sent else None,
                "not_before": not_before,
                "pid": None if res.reassign else claim.profile_id,
            }
        )
        if sent:
            routes.append((claim.package_id, claim.recipient, claim.profile_id, at))
        if status.is_final:
            ledger.final(claim.message_id, status)
        elif status is DeliveryStatus.HELD:
            held.append(claim.message_id)
        updates.extend(
            (up, at, sent and up.profile_id == claim.profile_id) for up in res.profile_updates
        )
    if settles:
        SETTLE.run_many(conn, settles)
    if notes:
        _NOTE_RAW.run_many(conn, notes)
    bump_held(conn, held)
    remember_routes(conn, routes, "open")
    apply_profile_updates(conn, updates)
