"""Packages, profiles, audit events and the engine's start-up snapshot."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from spreader_app.core.errors import Conflict, NotFound
from spreader_app.core.models import MessageMode, Package, Profile
from spreader_app.core.rules import DAY
from spreader_app.core.services.words import DEVICE_TWICE, NO_PACKAGE_ID, NO_PROFILE_ID, STORAGE
from spreader_app.core.text import Text
from spreader_app.storage.database import affected
from spreader_app.storage.mapping import (
    package_from_row,
    package_to_row,
    profile_from_row,
    profile_to_row,
)
from spreader_app.storage.orm import (
    AttemptRow,
    AuditEventRow,
    DeliveryRow,
    PackageRow,
    ProfileRow,
    table_of,
)
from spreader_app.storage.prepared import Prepared


def audit(
    session: Session, now: float, actor: str, action: str, target: str, details: dict[str, Any]
) -> None:
    """Appends an audit event; ``details`` must already be free of secrets."""
    session.add(
        AuditEventRow(
            at=now,
            actor=actor,
            action=action,
            target=target,
            details=json.dumps(details, default=str, ensure_ascii=False),
        )
    )


def add_package(session: Session, pkg: Package, now: float, actor: str) -> Package:
    row = package_to_row(pkg, PackageRow())
    session.add(row)
    session.flush()
    audit(session, now, actor, "package_created", pkg.id, {"name": pkg.name})
    return package_from_row(row)


def update_package(
    session: Session, pkg: Package, now: float, actor: str, changed: dict[str, Any]
) -> Package:
    row = session.get(PackageRow, pkg.id)
    if row is None:
        raise NotFound(Text(STORAGE, NO_PACKAGE_ID, package_id=pkg.id))
    package_to_row(pkg, row)
    session.flush()
    audit(session, now, actor, "package_updated", pkg.id, changed)
    return package_from_row(row)


_PK = table_of(PackageRow)
_P = table_of(ProfileRow)
# Prepared reads: Reply Chat runs these on every reply (see reply_store.reply_context).
_PACKAGE = Prepared(select(_PK).where(_PK.c.id == bindparam("pkg")))
_PROFILES = Prepared(
    select(_P).where(_P.c.package_id == bindparam("pkg")).order_by(_P.c.created_at, _P.c.id)
)


def get_package(session: Session, package_id: str) -> Package | None:
    rows = _PACKAGE.rows(session.connection(), {"pkg": package_id})
    return package_from_row(rows[0]) if rows else None


def list_packages(session: Session) -> list[Package]:
    rows = session.scalars(select(PackageRow).order_by(PackageRow.created_at, PackageRow.id))
    return [package_from_row(r) for r in rows]


def delete_package(session: Session, package_id: str, now: float, actor: str) -> bool:
    row = session.get(PackageRow, package_id)
    if row is None:
        return False
    session.delete(row)
    audit(session, now, actor, "package_deleted", package_id, {})
    return True


def add_profile(
    session: Session, profile: Profile, token_encrypted: str, now: float, actor: str
) -> Profile:
    _check_unique_device(session, profile)
    row = profile_to_row(profile, ProfileRow(token_encrypted=token_encrypted))
    session.add(row)
    session.flush()
    details = {"package_id": profile.package_id, "device": profile.zentra_uuid}
    audit(session, now, actor, "profile_created", profile.id, details)
    return profile_from_row(row)


def _check_unique_device(session: Session, profile: Profile) -> None:
    clash = session.scalar(
        select(ProfileRow.id).where(
            ProfileRow.package_id == profile.package_id,
            ProfileRow.zentra_uuid == profile.zentra_uuid,
            ProfileRow.id != profile.id,
        )
    )
    if clash is not None:
        raise Conflict(Text(STORAGE, DEVICE_TWICE, device=profile.zentra_uuid, profile=clash))


def update_profile(
    session: Session,
    profile: Profile,
    token_encrypted: str | None,
    now: float,
    actor: str,
    changed: dict[str, Any],
) -> Profile:
    row = session.get(ProfileRow, profile.id)
    if row is None:
        raise NotFound(Text(STORAGE, NO_PROFILE_ID, profile_id=profile.id))
    _check_unique_device(session, profile)
    profile_to_row(profile, row)
    row.status_reason = profile.status_reason
    if token_encrypted is not None:
        row.token_encrypted = token_encrypted
    session.flush()
    audit(session, now, actor, "profile_updated", profile.id, changed)
    return profile_from_row(row)


def get_profile(session: Session, profile_id: str) -> Profile | None:
    row = session.get(ProfileRow, profile_id)
    return profile_from_row(row) if row else None


def list_profiles(session: Session, package_id: str) -> list[Profile]:
    return [profile_from_row(r) for r in _PROFILES.rows(session.connection(), {"pkg": package_id})]


def delete_profile(session: Session, profile_id: str, now: float, actor: str) -> bool:
    gone = affected(session.execute(delete(ProfileRow).where(ProfileRow.id == profile_id))) > 0
    if gone:
        audit(session, now, actor, "profile_deleted", profile_id, {})
    return gone


def token_ciphertext(session: Session, profile_id: str) -> str:
    value = session.scalar(select(ProfileRow.token_encrypted).where(ProfileRow.id == profile_id))
    if value is None:
        raise NotFound(Text(STORAGE, NO_PROFILE_ID, profile_id=profile_id))
    return value


def profiles_by_device(session: Session, device_uuid: str) -> list[Profile]:
    rows = session.scalars(select(ProfileRow).where(ProfileRow.zentra_uuid == device_uuid))
    return [profile_from_row(r) for r in rows]


def open_send_times(
    session: Session, since: float, profile_ids: list[str] | None = None
) -> dict[str, list[float]]:
    """Open Chat dispatch times per profile since ``since``: the log the caps count."""
    q = select(AttemptRow.profile_id, AttemptRow.started_at).where(
        AttemptRow.mode == MessageMode.OPEN.value, AttemptRow.started_at > since
    )
    if profile_ids is not None:
        q = q.where(AttemptRow.profile_id.in_(profile_ids))
    out: dict[str, list[float]] = {}
    for pid, started in session.execute(q.order_by(AttemptRow.started_at)):
        out.setdefault(pid, []).append(started.timestamp())
    return out


def engine_snapshot(
    session: Session, now: float
) -> list[tuple[Package, list[tuple[Profile, list[float]]]]]:
    """Every package with its profiles and each profile's last-24-hour Open Chat sends."""
    sends = open_send_times(session, now - DAY)
    out: list[tuple[Package, list[tuple[Profile, list[float]]]]] = []
    for pkg in list_packages(session):
        out.append((pkg, [(p, sends.get(p.id, [])) for p in list_profiles(session, pkg.id)]))
    return out


def recent_outcomes(session: Session, profile_id: str, limit: int) -> list[str | None]:
    """Outcomes of the profile's latest gateway calls, newest first (``None``: in flight)."""
    return list(
        session.scalars(
            select(AttemptRow.outcome)
            .where(AttemptRow.profile_id == profile_id)
            .order_by(AttemptRow.started_at.desc(), AttemptRow.id.desc())
            .limit(limit)
        )
    )


def mode_totals(session: Session, package_id: str, since: float) -> dict[str, dict[str, int]]:
    """Deliveries settled since ``since`` per mode and status (``{"open": {"sent": 3}}``)."""
    rows = session.execute(
        select(DeliveryRow.mode, DeliveryRow.status, func.count())
        .where(DeliveryRow.package_id == package_id, DeliveryRow.updated_at >= since)
        .group_by(DeliveryRow.mode, DeliveryRow.status)
    )
    out: dict[str, dict[str, int]] = {}
    for mode, status, n in rows:
        out.setdefault(mode, {})[status] = int(n)
    return out
