"""The component schemas of the OpenAPI document, built by hand from small helpers.

Request bodies are closed (``additionalProperties: false``) with the bounds the services
enforce; a unit test keeps their property names equal to the services' field sets.
"""

from __future__ import annotations

from typing import Any, Final

from spreader_app.core.content import MAX_CAPTION, MAX_TEXT
from spreader_app.core.health_band import HealthBand
from spreader_app.core.models import (
    DeliveryStatus,
    DistributionMode,
    LimitState,
    MessageMode,
    MessageStatus,
    MessageType,
    PackageStatus,
    ProfileStatus,
    WaitingStrategy,
)
from spreader_app.core.outcomes import HealthReason
from spreader_app.core.recipient_zones import ZoneSource
from spreader_app.core.services.sending import MAX_RECIPIENTS
from spreader_app.server.params import MAX_NUMBERS

S = dict[str, Any]
STR: Final[S] = {"type": "string"}
INT: Final[S] = {"type": "integer"}
BOOL: Final[S] = {"type": "boolean"}
TIME: Final[S] = {"type": "string", "format": "date-time"}
HHMM: Final[S] = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"}


def ref(name: str) -> S:
    return {"$ref": f"#/components/schemas/{name}"}


def null(schema: S) -> S:
    return {"anyOf": [schema, {"type": "null"}]}


def enum(kind: Any) -> S:
    return {"type": "string", "enum": [m.value for m in kind]}


def text(lo: int = 0, hi: int = 255) -> S:
    return {"type": "string", "minLength": lo, "maxLength": hi}


def whole(lo: int, hi: int) -> S:
    return {"type": "integer", "minimum": lo, "maximum": hi}


def obj(props: S, required: tuple[str, ...] = (), *, closed: bool = False) -> S:
    out: S = {"type": "object", "properties": props}
    if required:
        out["required"] = list(required)
    if closed:
        out["additionalProperties"] = False
    return out


def listing(item: str, *, paged: bool = False) -> S:
    props: S = {"items": {"type": "array", "items": ref(item)}, "total": INT}
    if paged:
        props |= {"limit": INT, "offset": INT}
    return obj(props, tuple(props))


PACKAGE_FIELDS: Final[S] = {
    "name": text(1, 255),
    "description": text(0, 2000),
    "status": enum(PackageStatus),
    "distribution_mode": enum(DistributionMode),
    "max_messages_per_profile_per_hour": whole(1, 10_000),
    "max_messages_per_profile_per_day": whole(1, 100_000),
    "cooldown_seconds": whole(0, 86_400),
    "active_hours_start": HHMM,
    "active_hours_end": HHMM,
    "timezone": {"type": "string", "description": "IANA zone, e.g. Africa/Cairo"},
    "retry_failed_messages": BOOL,
    "retry_attempts": whole(0, 10),
    "retry_delay_ms": whole(100, 3_600_000),
    "sticky_open_chat": BOOL,
    "warmup_enabled": BOOL,
    "max_unanswered_per_profile_per_30d": whole(0, 1_000_000),
    "recipient_quiet_hours": null(
        {
            "type": "string",
            "pattern": "^[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]$",
            "description": "quiet on the recipient's clock, e.g. 21:00-09:00; null: off",
        }
    ),
    "recipient_zones": {
        "type": "object",
        "additionalProperties": STR,
        "description": "country code -> IANA zone for countries spanning several hours",
    },
}
PROFILE_FIELDS: Final[S] = {
    "name": text(1, 255),
    "zentra_uuid": {"type": "string", "pattern": "^[A-Za-z0-9._:-]{1,64}$"},
    "zentra_api_token": {"type": "string", "pattern": "^[^\\s]{8,512}$", "writeOnly": True},
    "status": {"type": "string", "enum": ["active", "inactive"]},
    "priority": whole(0, 1000),
    "weight": whole(0, 1000),
    "daily_message_limit": whole(1, 100_000),
    "warmup_stage": {**whole(1, 10), "description": "1-9 warming up; 10 graduated (already warm)"},
}
CONTENT_FIELDS: Final[S] = {
    "type": enum(MessageType),
    "text": {"type": "string", "maxLength": MAX_TEXT},
    "media_url": {"type": "string", "format": "uri", "maxLength": 2048},
    "caption": {"type": "string", "maxLength": MAX_CAPTION},
}
OPTION_FIELDS: Final[S] = {
    "waiting_strategy": enum(WaitingStrategy),
    "drip_interval_minutes": null(whole(1, 24 * 60)),
    "schedule_at": null(TIME),
    "on_missing": {
        "type": "string",
        "enum": ["refuse", "skip"],
        "description": "a recipient with an empty {{variable}} and no fallback: refuse the"
        " request (default) or skip that recipient",
    },
    "fallbacks": {"type": "object", "additionalProperties": STR},
}
REGION: Final[S] = {"type": "string", "maxLength": 2, "description": "ISO 3166 code, e.g. EG"}
NUMBER: Final[S] = {"anyOf": [text(1, 64), {"type": "integer", "minimum": 0}]}
VARIABLES: Final[S] = {
    "type": "object",
    "description": "values for {{name}} in the text, by column name",
    "additionalProperties": {"anyOf": [text(0, 4096), {"type": "number"}, {"type": "null"}]},
}
RECIPIENT: Final[S] = {
    "anyOf": [NUMBER, obj({"phone": NUMBER, "variables": VARIABLES}, ("phone",), closed=True)]
}

REASONS: Final[S] = {
    "type": "array",
    "description": "Health deductions still counting, newest first; points as counted now "
    "(each recovers linearly over 24 hours).",
    "items": obj(
        {"reason": enum(HealthReason), "points": INT, "at": TIME}, ("reason", "points", "at")
    ),
}
COMPONENTS: Final[S] = {
    "Error": obj(
        {"error": obj({"code": STR, "message": STR, "details": {}}, ("code", "message"))},
        ("error",),
    ),
    "Health": obj(
        {"status": STR, "version": STR, "database": STR, "revision": STR},
        ("status", "version", "database", "revision"),
    ),
    "Status": obj({"status": STR}, ("status",)),
    "PackageCreate": obj(PACKAGE_FIELDS, ("name",), closed=True),
    "PackageUpdate": obj(PACKAGE_FIELDS, closed=True),
    "Package": obj(
        {
            "id": STR,
            **PACKAGE_FIELDS,
            "created_at": null(TIME),
            "updated_at": null(TIME),
            "pool": {**ref("PackagePool"), "readOnly": True},
        },
        ("id", "name", "status", "distribution_mode", "timezone", "pool"),
    ),
    "PackageDetail": {
        "allOf": [
            ref("Package"),
            obj({"profiles": {"type": "array", "items": ref("Profile")}}, ("profiles",)),
        ]
    },
    "Limits": obj(
        {
            "hourly": {"type": "string", "examples": ["45/50"]},
            "daily": {"type": "string", "examples": ["320/500"]},
            "status": enum(LimitState),
            "hourly_used": INT,
            "hourly_cap": INT,
            "daily_used": INT,
            "daily_cap": INT,
            "cooldown_remaining_seconds": {"type": "number"},
            "next_send_at": null(TIME),
            "health_score": INT,
            "status_reason": STR,
            "health_band": enum(HealthBand),
            "health_reasons": REASONS,
            "warmup": obj(
                {
                    "stage": INT,
                    "new_recipients_cap": null(INT),
                    "new_recipients_used": INT,
                },
                ("stage", "new_recipients_cap", "new_recipients_used"),
            ),
            "unanswered": obj({"used": INT, "cap": INT}, ("used", "cap")),
        },
        ("hourly", "daily", "status"),
    ),
    "ProfileCreate": obj(PROFILE_FIELDS, ("name", "zentra_uuid", "zentra_api_token"), closed=True),
    "ProfileUpdate": obj(PROFILE_FIELDS, closed=True),
    "ProfileStatusChange": obj(
        {"status": {"type": "string", "enum": ["active", "inactive"]}}, ("status",), closed=True
    ),
    "Profile": obj(
        {
            "id": STR,
            "package_id": STR,
            "name": STR,
            "zentra_uuid": STR,
            "token_masked": {"type": "string", "examples": ["••••a1b2"]},
            "status": enum(ProfileStatus),
            "status_reason": STR,
            "priority": INT,
            "weight": INT,
            "daily_message_limit": INT,
            "health_score": INT,
            "health_band": {**enum(HealthBand), "readOnly": True},
            "health_reasons": {**REASONS, "readOnly": True},
            "warmup_stage": INT,
            "paused_until": null(TIME),
            "last_message_at": null(TIME),
            "last_error": STR,
            "created_at": null(TIME),
            "updated_at": null(TIME),
            "limits": ref("Limits"),
        },
        ("id", "package_id", "name", "zentra_uuid", "token_masked", "status"),
    ),
    "ProfileHealth": obj(
        {
            "profile_id": STR,
            "status": enum(ProfileStatus),
            "status_reason": STR,
            "health_score": INT,
            "last_error": STR,
            "recent_attempts": INT,
            "recent_success_rate": null({"type": "number"}),
            "device_status": null(STR),
            "device_status_supported": BOOL,
        },
        ("profile_id", "status", "health_score"),
    ),
    "Stats": obj(
        {
            "package_id": STR,
            "at": TIME,
            "limits_status": {"type": "object", "additionalProperties": ref("Limits")},
            "today": {
                "type": "object",
                "description": "mode → delivery status → count since local midnight",
                "additionalProperties": {"type": "object", "additionalProperties": INT},
            },
            "pool": ref("Pool"),
        },
        ("package_id", "limits_status", "today", "pool"),
    ),
    "OpenRequest": obj(
        {
            **CONTENT_FIELDS,
            "recipients": {
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_RECIPIENTS,
                "items": RECIPIENT,
            },
            "options": null(obj(OPTION_FIELDS, closed=True)),
            "region": REGION,
            "template_id": {"type": "string", "description": "send a saved template's content"},
        },
        ("recipients",),
        closed=True,
    ),
    "OpenResponse": obj(
        {
            "message_id": STR,
            "mode": enum(MessageMode),
            "status": enum(MessageStatus),
            "total_recipients": INT,
            "accepted": INT,
            "skipped": {
                "type": "array",
                "items": obj({"input": STR, "reason": STR, "message": STR}),
            },
            "distribution": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": STR},
            },
            "estimated_completion": null(TIME),
            "limits_status": {"type": "object", "additionalProperties": ref("Limits")},
            "notes": {"type": "array", "items": STR},
        },
        ("message_id", "mode", "status", "total_recipients", "accepted", "skipped"),
    ),
    "ReplyRequest": obj(
        {
            **CONTENT_FIELDS,
            "recipient": text(1, 64),
            "conversation_id": null(text(0, 128)),
            "region": REGION,
        },
        ("recipient",),
        closed=True,
    ),
    "ReplyResponse": obj(
        {
            "message_id": STR,
            "mode": {"type": "string", "enum": ["reply"]},
            "status": {"type": "string", "enum": ["sent", "failed"]},
            "sent_at": null(TIME),
            "profile_used": STR,
            "delivery_time_ms": INT,
            "rerouted": BOOL,
            "error": STR,
            "note": STR,
        },
        ("message_id", "mode", "status", "profile_used", "rerouted"),
    ),
    "Message": obj(
        {
            "message_id": STR,
            "package_id": STR,
            "mode": enum(MessageMode),
            "type": enum(MessageType),
            "text": STR,
            "media_url": null(STR),
            "caption": null(STR),
            "status": enum(MessageStatus),
            "waiting_strategy": enum(WaitingStrategy),
            "drip_interval_minutes": null(INT),
            "scheduled_at": null(TIME),
            "conversation_id": null(STR),
            "total_recipients": INT,
            "processed_count": INT,
            "sent_count": INT,
            "failed_count": INT,
            "skipped_count": INT,
            "held_count": INT,
            "estimated_completion": null(TIME),
            "created_at": null(TIME),
            "updated_at": null(TIME),
            "finished_at": null(TIME),
        },
        ("message_id", "package_id", "mode", "status", "total_recipients"),
    ),
    "Delivery": obj(
        {
            "id": INT,
            "recipient": STR,
            "text": {"type": "string", "description": "the text (or caption) this one got"},
            "profile_id": null(STR),
            "status": enum(DeliveryStatus),
            "attempt_count": INT,
            "error": STR,
            "sent_at": null(TIME),
            "skip_reason": STR,
            "planned_at": null(TIME),
            "decided_by": STR,
            "updated_at": null(TIME),
            "why": {"type": "string", "description": "why this device and this time, in English"},
            "recipient_zone": null(STR),
            "zone_source": null(enum(ZoneSource)),
            "decision": ref("Decision"),
        },
        ("recipient", "status", "attempt_count", "why"),
    ),
    "Decision": obj(
        {
            "candidates": INT,
            "able": INT,
            "excluded": {
                "type": "array",
                "items": obj({"rule": STR, "count": INT, "cap": null(INT)}, ("rule", "count")),
            },
            "room_at": null({"type": "number"}),
            "chosen_by": STR,
            "constraints": {"type": "array", "items": STR},
            "decided_at": null({"type": "number"}),
            "scores": {
                "type": "array",
                "items": obj({"profile_id": STR, "score": {"type": "number"}}),
            },
        },
        ("candidates", "able", "excluded", "chosen_by", "constraints"),
    ),
    "MessageDetail": {
        "allOf": [
            ref("Message"),
            obj(
                {
                    "deliveries": {"type": "array", "items": ref("Delivery")},
                    "deliveries_total": INT,
                    "waiting_by_reason": {
                        "type": "object",
                        "additionalProperties": INT,
                        "description": "pending deliveries by what they wait for",
                    },
                    "limit": INT,
                    "offset": INT,
                },
                ("deliveries", "deliveries_total"),
            ),
        ]
    },
    "ValidateRequest": obj(
        {
            "numbers": {
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_NUMBERS,
                "items": NUMBER,
            },
            "region": REGION,
            "package_id": text(1, 64),
            "check_whatsapp": BOOL,
        },
        ("numbers",),
        closed=True,
    ),
    "NumberCheck": obj(
        {
            "input": STR,
            "e164": null(STR),
            "valid": BOOL,
            "reason": null(STR),
            "message": STR,
            "type": STR,
            "on_whatsapp": null(BOOL),
        },
        ("input", "e164", "valid", "reason", "on_whatsapp"),
    ),
    "ValidateResponse": obj(
        {
            "results": {"type": "array", "items": ref("NumberCheck")},
            "total": INT,
            "valid": INT,
            "invalid": INT,
        },
        ("results", "total", "valid", "invalid"),
    ),
    "ConversationSummary": obj(
        {
            "customer_phone": STR,
            "profile_id": null(STR),
            "last_text": STR,
            "last_at": null(TIME),
            "inbound_count": INT,
            "possible_opt_out": BOOL,
            "suppressed": BOOL,
        },
        ("customer_phone",),
    ),
    "ConversationItem": obj(
        {
            "direction": {"type": "string", "enum": ["in", "out"]},
            "text": STR,
            "at": null(TIME),
            "profile_id": null(STR),
            "status": STR,
        },
        ("direction", "text"),
    ),
    "Conversation": {
        "allOf": [
            listing("ConversationItem"),
            obj({"package_id": STR, "customer_phone": STR}, ("package_id", "customer_phone")),
        ]
    },
    "Suppression": obj(
        {"phone": STR, "reason": STR, "evidence": STR, "created_at": null(TIME)}, ("phone",)
    ),
    "SuppressionAdd": obj({"phone": text(1, 64)}, ("phone",), closed=True),
    "SuppressionAdded": obj(
        {"package_id": STR, "phone": STR, "skipped_deliveries": INT},
        ("package_id", "phone", "skipped_deliveries"),
    ),
    "WebhookReceipt": obj(
        {
            "status": {"type": "string", "enum": ["stored"]},
            "payload_id": INT,
            "messages": INT,
            "duplicates": INT,
            "opted_out": INT,
            "problem": STR,
        },
        ("status", "payload_id"),
    ),
    **{f"{n}List": listing(n) for n in ("Package", "Profile", "Suppression")},
    "MessageList": listing("Message", paged=True),
    "ConversationList": listing("ConversationSummary"),
}
