"""Response serialisation: domain dataclasses → JSON-ready dicts, one function per shape.

Date-times are ISO 8601 in UTC with a ``Z`` suffix (milliseconds when not whole seconds),
clock times are ``HH:MM``, enums are their values. Tokens never appear: a profile shows only
``token_masked``. ``openapi.py`` documents each shape under the same name.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time
from typing import Any, Final

from spreader_app.core.content import personal_text
from spreader_app.core.decision import read_record
from spreader_app.core.health_band import health_band
from spreader_app.core.health_score import Reason
from spreader_app.core.models import (
    ConversationItem,
    ConversationSummary,
    Delivery,
    DeliveryStatus,
    Message,
    MessageMode,
    MessageTemplate,
    Package,
    PoolEvent,
    Profile,
    Suppression,
)
from spreader_app.core.pool import PoolView
from spreader_app.core.pool_common import PoolCommon
from spreader_app.core.reply_router import ReplyResult
from spreader_app.core.services.inbox import WebhookReceipt
from spreader_app.core.services.pool import PoolReview
from spreader_app.core.services.profiles import ProfileHealthReport
from spreader_app.core.services.sending import OpenResult
from spreader_app.core.services.stats import PackageStats, ProfileLimits
from spreader_app.core.services.why import Explained
from spreader_app.core.why import Phrase, render

REPLY_NOTE: Final = "Reply messages bypass all rate limits"
Json = dict[str, Any]


def iso(value: datetime | float | None) -> str | None:
    """An aware datetime or POSIX seconds as ``2024-02-08T18:45:12.123Z`` (``None`` stays)."""
    if value is None:
        return None
    dt = datetime.fromtimestamp(value, UTC) if isinstance(value, int | float) else value
    dt = dt.astimezone(UTC)
    spec = "milliseconds" if dt.microsecond else "seconds"
    return dt.isoformat(timespec=spec).replace("+00:00", "Z")


def hhmm(value: time) -> str:
    """A clock time as ``HH:MM`` (the package's own time zone applies)."""
    return value.strftime("%H:%M")


def pool_json(v: PoolView) -> Json:
    """A package's pool breaker: state, factor on caps and pace, since when, until when."""
    return {
        "state": v.state.value,
        "factor": v.factor,
        "since": iso(v.since),
        "until": iso(v.until),
        "reason": v.reason,
    }


def common_json(c: PoolCommon | None) -> Json | None:
    """What the blocked profiles had in common (``core.pool_common``); ``None`` stays."""
    if c is None:
        return None
    return {
        "profile_ids": list(c.profile_ids),
        "campaigns": [{"message_id": m.message_id, "text": m.text} for m in c.campaigns],
        "texts": list(c.texts),
        "hours": [iso(h) for h in c.hours],
    }


def pool_review_json(r: PoolReview) -> Json:
    """A package's pool with what the owner decides on: ``held`` deliveries, the profiles
    ``blocked`` in this episode and what they had in ``common``."""
    return {
        **pool_json(r.view),
        "held": r.held,
        "blocked": [
            {"profile_id": b.profile_id, "name": b.name, "at": iso(b.at), "reason": b.reason}
            for b in r.blocked
        ],
        "common": common_json(r.common),
    }


def pool_event_json(e: PoolEvent) -> Json:
    """One thing that happened to a pool (a block, a breaker trip, a pause, a resume...)."""
    return {
        "type": e.type,
        "at": iso(e.at),
        "profile_id": e.profile_id,
        "reason": e.reason,
        "note": e.note,
    }


def package_json(p: Package, pool: PoolReview) -> Json:
    """A package with every policy field (see ``Package``) and its read-only ``pool``."""
    return {
        "id": p.id,
        "name": p.name,
        "description": p.description,
        "status": p.status.value,
        "distribution_mode": p.distribution_mode.value,
        "max_messages_per_profile_per_hour": p.max_messages_per_profile_per_hour,
        "max_messages_per_profile_per_day": p.max_messages_per_profile_per_day,
        "cooldown_seconds": p.cooldown_seconds,
        "active_hours_start": hhmm(p.active_hours_start),
        "active_hours_end": hhmm(p.active_hours_end),
        "timezone": p.timezone,
        "retry_failed_messages": p.retry_failed_messages,
        "retry_attempts": p.retry_attempts,
        "retry_delay_ms": p.retry_delay_ms,
        "sticky_open_chat": p.sticky_open_chat,
        "warmup_enabled": p.warmup_enabled,
        "max_unanswered_per_profile_per_30d": p.max_unanswered_per_profile_per_30d,
        "recipient_quiet_hours": p.recipient_quiet_hours,
        "recipient_zones": dict(p.recipient_zones),
        "created_at": iso(p.created_at),
        "updated_at": iso(p.updated_at),
        "pool": pool_review_json(pool),
    }


def limits_json(x: ProfileLimits) -> Json:
    """One profile's live usage, with the plan's ``"45/50"`` strings first."""
    return {
        "hourly": x.hourly,
        "daily": x.daily,
        "status": x.state.value,
        "hourly_used": x.hourly_used,
        "hourly_cap": x.hourly_cap,
        "daily_used": x.daily_used,
        "daily_cap": x.daily_cap,
        "cooldown_remaining_seconds": round(x.cooldown_remaining, 3),
        "next_send_at": iso(x.next_send_at),
        "health_score": x.health_score,
        "status_reason": x.status_reason,
        "health_band": x.health_band.value,
        "health_reasons": reasons_json(x.health_reasons),
        "warmup": {
            "stage": x.warmup_stage,
            "new_recipients_cap": x.new_recipients_cap,
            "new_recipients_used": x.new_recipients_used,
        },
        "unanswered": {"used": x.unanswered_used, "cap": x.unanswered_cap},
    }


def reasons_json(reasons: Iterable[Reason]) -> list[Json]:
    """Health deductions still counting, as ``{"reason", "points", "at"}``, newest first."""
    return [{"reason": r.reason, "points": r.points, "at": iso(r.at)} for r in reasons]


def limits_status(limits: list[ProfileLimits]) -> dict[str, Json]:
    """Profile id → live limits, as ``limits_status`` in the plan's Open Chat answer."""
    return {x.profile_id: limits_json(x) for x in limits}


def profile_json(p: Profile, limits: ProfileLimits | None = None) -> Json:
    """A profile, its token only masked; ``limits`` when given."""
    out: Json = {
        "id": p.id,
        "package_id": p.package_id,
        "name": p.name,
        "zentra_uuid": p.zentra_uuid,
        "token_masked": p.token_masked,
        "status": p.status.value,
        "status_reason": p.status_reason,
        "priority": p.priority,
        "weight": p.weight,
        "daily_message_limit": p.daily_message_limit,
        "health_score": p.health_score,
        "health_band": health_band(p.status, p.health_score).value,
        "warmup_stage": p.warmup_stage,
        "paused_until": iso(p.paused_until),
        "last_message_at": iso(p.last_message_at),
        "last_error": p.last_error,
        "created_at": iso(p.created_at),
        "updated_at": iso(p.updated_at),
    }
    if limits is not None:
        # The live score: deductions recover with time, the stored one is a cache.
        out["health_score"] = limits.health_score
        out["health_band"] = limits.health_band.value
        out["health_reasons"] = reasons_json(limits.health_reasons)
        out["limits"] = limits_json(limits)
    return out


def profiles_json(profiles: list[Profile], limits: list[ProfileLimits]) -> list[Json]:
    """Profiles in order, each with its entry of ``limits`` (matched by id)."""
    by_id = {x.profile_id: x for x in limits}
    return [profile_json(p, by_id.get(p.id)) for p in profiles]


def health_json(h: ProfileHealthReport) -> Json:
    """``ProfileService.health``'s report; rates are 0..1, ``None`` without data."""
    return {
        "profile_id": h.profile_id,
        "status": h.status.value,
        "status_reason": h.status_reason,
        "health_score": h.health_score,
        "last_error": h.last_error,
        "recent_attempts": h.recent_attempts,
        "recent_success_rate": h.recent_success_rate,
        "device_status": h.device_status,
        "device_status_supported": h.device_status_supported,
    }


def stats_json(s: PackageStats) -> Json:
    """Live limits per profile and today's deliveries (package time zone) per mode."""
    statuses = [d.value for d in DeliveryStatus]
    today = {
        mode.value: {st: s.today.get(mode.value, {}).get(st, 0) for st in statuses}
        for mode in MessageMode
    }
    return {
        "package_id": s.package_id,
        "at": iso(s.at),
        "limits_status": limits_status(s.profiles),
        "today": today,
        "pool": pool_json(s.pool),
    }


def message_json(m: Message) -> Json:
    """A message's content, status and progress counters."""
    c = m.content
    return {
        "message_id": m.id,
        "package_id": m.package_id,
        "mode": m.mode.value,
        "type": c.type.value,
        "text": c.text,
        "media_url": c.media_url,
        "caption": c.caption,
        "status": m.status.value,
        "waiting_strategy": m.waiting_strategy.value,
        "drip_interval_minutes": m.drip_interval_minutes,
        "scheduled_at": iso(m.scheduled_at),
        "conversation_id": m.conversation_id,
        "total_recipients": m.total_recipients,
        "processed_count": m.processed_count,
        "sent_count": m.sent_count,
        "failed_count": m.failed_count,
        "skipped_count": m.skipped_count,
        "held_count": m.held_count,
        "estimated_completion": iso(m.estimated_completion),
        "created_at": iso(m.created_at),
        "updated_at": iso(m.updated_at),
        "finished_at": iso(m.finished_at),
    }


def delivery_json(
    d: Delivery, text: str = "", why: Phrase | None = None, *, explain: bool = False
) -> Json:
    """One recipient of a message, the text it gets (``text``: the message's, unless the
    delivery has its own), what became of it and ``why`` (English); ``explain`` adds the
    full ``decision`` record (``null`` when it has none)."""
    out: Json = {
        "id": d.id,
        "recipient": d.recipient,
        "text": d.text if d.text is not None else text,
        "profile_id": d.profile_id,
        "status": d.status.value,
        "attempt_count": d.attempt_count,
        "error": d.error,
        "sent_at": iso(d.sent_at),
        "skip_reason": d.skip_reason,
        "planned_at": iso(d.planned_at),
        "decided_by": d.decided_by,
        "updated_at": iso(d.updated_at),
        "why": render(why) if why is not None else "",
        "recipient_zone": d.recipient_zone,
        "zone_source": d.zone_source,
    }
    if explain:
        record = read_record(d.decision)
        out["decision"] = record.as_api() if record is not None else None
    return out


def message_detail_json(
    m: Message,
    deliveries: list[Delivery],
    total: int,
    limit: int,
    offset: int,
    explained: Explained | None = None,
    *,
    explain: bool = False,
) -> Json:
    """A message plus one page of its deliveries, each with its ``why``, and the count of
    its waiting deliveries by reason."""
    text = personal_text(m.content)[0]
    why = explained.why if explained is not None else {}
    return {
        **message_json(m),
        "deliveries": [delivery_json(d, text, why.get(d.id), explain=explain) for d in deliveries],
        "waiting_by_reason": explained.waiting_by_reason if explained is not None else {},
        "deliveries_total": total,
        "limit": limit,
        "offset": offset,
    }


def template_json(t: MessageTemplate) -> Json:
    """A saved template: its name and content."""
    c = t.content
    return {
        "template_id": t.id,
        "package_id": t.package_id,
        "name": t.name,
        "type": c.type.value,
        "text": c.text,
        "media_url": c.media_url,
        "caption": c.caption,
        "created_at": iso(t.created_at),
        "updated_at": iso(t.updated_at),
    }


def open_result_json(r: OpenResult) -> Json:
    """The plan's Open Chat answer: accepted, skipped, distribution, limits."""
    m = r.message
    return {
        "message_id": m.id,
        "mode": m.mode.value,
        "status": m.status.value,
        "total_recipients": m.total_recipients,
        "accepted": r.accepted,
        "skipped": [
            {"input": s.input, "reason": s.reason, "message": s.message} for s in r.skipped
        ],
        "distribution": r.distribution,
        "estimated_completion": iso(r.estimated_completion),
        "limits_status": limits_status(r.limits),
        "notes": r.notes,
    }


def reply_result_json(r: ReplyResult) -> Json:
    """The plan's Reply Chat answer; ``delivery_time_ms`` is whole milliseconds."""
    return {
        "message_id": r.message_id,
        "mode": MessageMode.REPLY.value,
        "status": r.status.value,
        "sent_at": iso(r.sent_at),
        "profile_used": r.profile_used,
        "delivery_time_ms": round(r.delivery_time_ms),
        "rerouted": r.rerouted,
        "error": r.error,
        "note": REPLY_NOTE,
    }


def conversation_summary_json(c: ConversationSummary) -> Json:
    """One customer of a package, as the inbox lists it."""
    return {
        "customer_phone": c.customer_phone,
        "profile_id": c.profile_id,
        "last_text": c.last_text,
        "last_at": iso(c.last_at),
        "inbound_count": c.inbound_count,
        "possible_opt_out": c.possible_opt_out,
        "suppressed": c.suppressed,
    }


def conversation_item_json(i: ConversationItem) -> Json:
    """One line of a thread: ``in`` from the customer, ``out`` from us."""
    return {
        "direction": i.direction,
        "text": i.text,
        "at": iso(i.at),
        "profile_id": i.profile_id,
        "status": i.status,
    }


def suppression_json(s: Suppression) -> Json:
    """A suppressed number, why, and the evidence kept for it."""
    return {
        "phone": s.phone,
        "reason": s.reason,
        "evidence": s.evidence,
        "created_at": iso(s.created_at),
    }


def receipt_json(r: WebhookReceipt) -> Json:
    """What the webhook stored: ``status`` is always ``stored``."""
    return {
        "status": "stored",
        "payload_id": r.payload_id,
        "messages": r.messages,
        "duplicates": r.duplicates,
        "opted_out": r.opted_out,
        "problem": r.problem,
    }


def page_json(items: list[Json], total: int, limit: int | None = None, offset: int = 0) -> Json:
    """A list answer: ``items`` and ``total``, plus the window when it is paginated."""
    out: Json = {"items": items, "total": total}
    if limit is not None:
        out["limit"] = limit
        out["offset"] = offset
    return out
