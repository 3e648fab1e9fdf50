"""Row ↔ domain conversions, so ORM objects never leave the storage package."""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any

from sqlalchemy import Row

from spreader_app.core.models import (
    Delivery,
    DeliveryStatus,
    DistributionMode,
    Message,
    MessageContent,
    MessageMode,
    MessageStatus,
    MessageType,
    Package,
    PackageStatus,
    Profile,
    ProfileStatus,
    WaitingStrategy,
)
from spreader_app.storage.orm import DeliveryRow, MessageRow, PackageRow, ProfileRow


def _hhmm(t: time) -> str:
    return t.strftime("%H:%M")


def _parse_hhmm(text: str) -> time:
    return time.fromisoformat(text)


def package_from_row(row: PackageRow | Row[Any]) -> Package:
    """From an ORM object or a Core row of the same table."""
    return Package(
        id=row.id,
        name=row.name,
        description=row.description,
        status=PackageStatus(row.status),
        distribution_mode=DistributionMode(row.distribution_mode),
        max_messages_per_profile_per_hour=row.max_messages_per_profile_per_hour,
        max_messages_per_profile_per_day=row.max_messages_per_profile_per_day,
        cooldown_seconds=row.cooldown_seconds,
        active_hours_start=_parse_hhmm(row.active_hours_start),
        active_hours_end=_parse_hhmm(row.active_hours_end),
        timezone=row.timezone,
        retry_failed_messages=row.retry_failed_messages,
        retry_attempts=row.retry_attempts,
        retry_delay_ms=row.retry_delay_ms,
        sticky_open_chat=row.sticky_open_chat,
        warmup_enabled=row.warmup_enabled,
        max_unanswered_per_profile_per_30d=row.max_unanswered_per_profile_per_30d,
        recipient_quiet_hours=row.recipient_quiet_hours,
        recipient_zones=_zones(row.recipient_zones),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def package_to_row(pkg: Package, row: PackageRow) -> PackageRow:
    row.id = pkg.id
    row.name = pkg.name
    row.description = pkg.description
    row.status = pkg.status.value
    row.distribution_mode = pkg.distribution_mode.value
    row.max_messages_per_profile_per_hour = pkg.max_messages_per_profile_per_hour
    row.max_messages_per_profile_per_day = pkg.max_messages_per_profile_per_day
    row.cooldown_seconds = pkg.cooldown_seconds
    row.active_hours_start = _hhmm(pkg.active_hours_start)
    row.active_hours_end = _hhmm(pkg.active_hours_end)
    row.timezone = pkg.timezone
    row.retry_failed_messages = pkg.retry_failed_messages
    row.retry_attempts = pkg.retry_attempts
    row.retry_delay_ms = pkg.retry_delay_ms
    row.sticky_open_chat = pkg.sticky_open_chat
    row.warmup_enabled = pkg.warmup_enabled
    row.max_unanswered_per_profile_per_30d = pkg.max_unanswered_per_profile_per_30d
    row.recipient_quiet_hours = pkg.recipient_quiet_hours
    row.recipient_zones = json.dumps(dict(pkg.recipient_zones)) if pkg.recipient_zones else None
    if pkg.created_at is not None:
        row.created_at = pkg.created_at
    if pkg.updated_at is not None:
        row.updated_at = pkg.updated_at
    return row


def profile_from_row(row: ProfileRow | Row[Any]) -> Profile:
    """From an ORM object or a Core row of the same table."""
    return Profile(
        id=row.id,
        package_id=row.package_id,
        name=row.name,
        zentra_uuid=row.zentra_uuid,
        token_masked=row.token_masked,
        status=ProfileStatus(row.status),
        status_reason=row.status_reason,
        priority=row.priority,
        weight=row.weight,
        daily_message_limit=row.daily_message_limit,
        health_score=row.health_score,
        evidence_run=row.evidence_run,
        warmup_stage=row.warmup_stage,
        warmup_reviewed_on=(
            date.fromisoformat(row.warmup_reviewed_on) if row.warmup_reviewed_on else None
        ),
        paused_until=row.paused_until,
        last_message_at=row.last_message_at,
        last_error=row.last_error,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def profile_to_row(p: Profile, row: ProfileRow) -> ProfileRow:
    row.id = p.id
    row.package_id = p.package_id
    row.name = p.name
    row.zentra_uuid = p.zentra_uuid
    row.token_masked = p.token_masked
    row.status = p.status.value
    row.status_reason = p.status_reason
    row.priority = p.priority
    row.weight = p.weight
    row.daily_message_limit = p.daily_message_limit
    row.health_score = p.health_score
    row.evidence_run = p.evidence_run
    row.warmup_stage = p.warmup_stage
    row.warmup_reviewed_on = p.warmup_reviewed_on.isoformat() if p.warmup_reviewed_on else None
    row.paused_until = p.paused_until
    if p.created_at is not None:
        row.created_at = p.created_at
    if p.updated_at is not None:
        row.updated_at = p.updated_at
    return row


def content_from_row(row: MessageRow) -> MessageContent:
    return MessageContent(
        type=MessageType(row.type),
        text=row.text,
        media_url=row.media_url,
        caption=row.caption,
        media_path=row.media_path,
    )


def message_from_row(row: MessageRow) -> Message:
    return Message(
        id=row.id,
        package_id=row.package_id,
        mode=MessageMode(row.mode),
        content=content_from_row(row),
        status=MessageStatus(row.status),
        waiting_strategy=WaitingStrategy(row.waiting_strategy),
        drip_interval_minutes=row.drip_interval_minutes,
        scheduled_at=row.scheduled_at,
        conversation_id=row.conversation_id,
        total_recipients=row.total_recipients,
        processed_count=row.processed_count,
        sent_count=row.sent_count,
        failed_count=row.failed_count,
        skipped_count=row.skipped_count,
        held_count=row.held_count,
        estimated_completion=row.estimated_completion,
        created_at=row.created_at,
        updated_at=row.updated_at,
        finished_at=row.finished_at,
    )


def delivery_from_row(row: DeliveryRow) -> Delivery:
    return Delivery(
        id=row.id,
        message_id=row.message_id,
        package_id=row.package_id,
        recipient=row.recipient,
        status=DeliveryStatus(row.status),
        mode=MessageMode(row.mode),
        profile_id=row.profile_id,
        planned_at=row.planned_at,
        not_before=row.not_before,
        attempt_count=row.attempt_count,
        error=row.error,
        skip_reason=row.skip_reason,
        decided_by=row.decided_by,
        gateway_response=row.gateway_response,
        sent_at=row.sent_at,
        updated_at=row.updated_at,
        text=row.text,
        decision=row.decision,
        recipient_zone=row.recipient_zone,
        zone_source=row.zone_source,
    )


def _zones(text: str | None) -> tuple[tuple[str, str], ...]:
    """Stored per-country default zones → sorted pairs (unreadable JSON: none)."""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return ()
    if not isinstance(data, dict):
        return ()
    return tuple(sorted((str(k), str(v)) for k, v in data.items()))
