"""Domain models: frozen dataclasses and string enums shared by every layer.

Times are timezone-aware UTC ``datetime`` objects at the edges of the core; the rule
engine works in float POSIX seconds for speed. Tokens never appear here: a profile carries
only the masked form of its token.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any, NamedTuple


class PackageStatus(enum.StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    SUSPENDED = "suspended"


class DistributionMode(enum.StrEnum):
    ROUND_ROBIN = "round_robin"
    SEQUENTIAL = "sequential"
    RANDOM = "random"
    WEIGHTED = "weighted"
    PRIORITY = "priority"
    SMART = "smart"


class ProfileStatus(enum.StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    BLOCKED = "blocked"
    COOLDOWN = "cooldown"


class MessageMode(enum.StrEnum):
    OPEN = "open"
    REPLY = "reply"


class MessageType(enum.StrEnum):
    TEXT = "text"
    IMAGE = "image"
    VOICE = "voice"
    DOCUMENT = "document"
    VIDEO = "video"


class WaitingStrategy(enum.StrEnum):
    IMMEDIATE = "immediate"
    QUEUED = "queued"
    DRIP = "drip"
    SMART = "smart"


class MessageStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    QUEUED = "queued"
    PROCESSING = "processing"
    PAUSED = "paused"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"
    UNCERTAIN = "uncertain"
    # Kept back after its profile was banned; sent only when the owner releases it.
    HELD = "held"

    @property
    def is_final(self) -> bool:
        return self not in (DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.HELD)


class OutcomeKind(enum.StrEnum):
    """How a gateway answer is classified (ZENTRA.md); ``core.outcomes.OUTCOMES`` says
    what each kind means for the engine."""

    ACCEPTED = "accepted"
    # Disconnected (re-scan the QR code) or otherwise unable to send for now.
    DEVICE_UNAVAILABLE = "device_unavailable"
    # The gateway says the device is banned, blocked, expired or not allowed to send.
    BANNED = "banned"
    # The gateway does not know the device UUID (for this token): a setup mistake.
    DEVICE_UNKNOWN = "device_unknown"
    RATE_LIMITED = "rate_limited"
    AUTH_ERROR = "auth_error"
    TRANSIENT = "transient"
    REJECTED = "rejected"


class LimitState(enum.StrEnum):
    """What a profile can do right now, as shown in gauges and ``limits_status``."""

    ACTIVE = "active"
    COOLDOWN = "cooldown"
    LIMIT_REACHED = "limit_reached"
    OUTSIDE_HOURS = "outside_hours"
    BLOCKED = "blocked"
    INACTIVE = "inactive"


@dataclass(frozen=True, slots=True)
class Package:
    """A pool of profiles and the Open Chat policy that governs them."""

    id: str
    name: str
    description: str = ""
    status: PackageStatus = PackageStatus.ACTIVE
    distribution_mode: DistributionMode = DistributionMode.ROUND_ROBIN
    max_messages_per_profile_per_hour: int = 50
    max_messages_per_profile_per_day: int = 500
    cooldown_seconds: int = 2
    active_hours_start: time = time(8, 0)
    active_hours_end: time = time(22, 0)
    timezone: str = "UTC"
    retry_failed_messages: bool = True
    retry_attempts: int = 3
    retry_delay_ms: int = 5000
    sticky_open_chat: bool = True
    # Ban protection (issue 14): warm-up of new numbers and the unanswered budget (0 = off).
    warmup_enabled: bool = True
    max_unanswered_per_profile_per_30d: int = 1000
    # Quiet hours on the recipient's clock (issue 19), "21:00-09:00"; None: off. New packages
    # get ``DEFAULT_QUIET_HOURS`` from the package service; older ones keep None.
    recipient_quiet_hours: str | None = None
    # Country → zone for countries whose numbers span too many hours (core.recipient_zones).
    # Pairs, so the package stays hashable; ``dict(package.recipient_zones)`` to look up.
    recipient_zones: tuple[tuple[str, str], ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """One Zentra device. ``token_masked`` is the only form of the token outside the vault."""

    id: str
    package_id: str
    name: str
    zentra_uuid: str
    token_masked: str = ""
    status: ProfileStatus = ProfileStatus.ACTIVE
    status_reason: str = ""
    priority: int = 1
    weight: int = 1
    daily_message_limit: int = 500
    health_score: int = 100
    evidence_run: int = 0
    # 1-9: warming up (new recipients rationed); 10: graduated (core.warmup).
    warmup_stage: int = 1
    # The local day of the last warm-up review (``None``: never; counted from creation).
    warmup_reviewed_on: date | None = None
    paused_until: datetime | None = None
    last_message_at: datetime | None = None
    last_error: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class MessageContent:
    """What is sent: the text, or a media URL / uploaded file with an optional caption."""

    type: MessageType = MessageType.TEXT
    text: str = ""
    media_url: str | None = None
    caption: str | None = None
    media_path: str | None = None

    def with_personal_text(self, text: str | None) -> MessageContent:
        """This content carrying one recipient's own ``text`` (``None``: the message's own)."""
        if text is None:
            return self
        if self.type is MessageType.TEXT:
            return replace(self, text=text)
        return replace(self, caption=text, text="")


@dataclass(frozen=True, slots=True)
class MessageTemplate:
    """A saved message of a package: a name and its content (``{{variables}}`` and spintax)."""

    id: str
    package_id: str
    name: str
    content: MessageContent
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    package_id: str
    mode: MessageMode
    content: MessageContent
    status: MessageStatus
    waiting_strategy: WaitingStrategy = WaitingStrategy.IMMEDIATE
    drip_interval_minutes: int | None = None
    scheduled_at: datetime | None = None
    conversation_id: str | None = None
    total_recipients: int = 0
    processed_count: int = 0
    sent_count: int = 0
    failed_count: int = 0
    skipped_count: int = 0
    held_count: int = 0
    estimated_completion: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    finished_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Delivery:
    """One recipient of one message: the unit the engine schedules, sends, retries and logs."""

    id: int
    message_id: str
    package_id: str
    recipient: str
    status: DeliveryStatus
    mode: MessageMode = MessageMode.OPEN
    profile_id: str | None = None
    planned_at: datetime | None = None
    not_before: datetime | None = None
    attempt_count: int = 0
    error: str = ""
    skip_reason: str = ""
    decided_by: str = ""
    gateway_response: str = ""
    sent_at: datetime | None = None
    updated_at: datetime | None = None
    # What this recipient was sent when it differs from the message's text (personalised).
    text: str | None = None
    # Why this device and this time (core.decision JSON), the recipient's zones and source.
    decision: str | None = None
    recipient_zone: str | None = None
    zone_source: str | None = None


@dataclass(frozen=True, slots=True)
class SendRequest:
    """One gateway call: one recipient (digits only at the wire) from one device."""

    device_uuid: str
    token: str = field(repr=False)
    recipient_e164: str
    content: MessageContent


@dataclass(frozen=True, slots=True)
class GatewayResult:
    """A classified gateway answer; ``raw`` is the body kept verbatim (truncated if huge)."""

    kind: OutcomeKind
    status_code: int | None
    detail: str
    raw: str = ""
    retry_after: float | None = None
    elapsed_ms: float = 0.0
    # True when the request surely never reached the gateway (connection refused, DNS):
    # only then is it safe to re-send a Reply Chat message through another device.
    not_delivered: bool = False

    @property
    def accepted(self) -> bool:
        return self.kind is OutcomeKind.ACCEPTED


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """A customer's message as understood from a webhook payload."""

    device_uuid: str | None
    sender: str | None
    text: str
    message_id: str | None = None
    timestamp: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# --- records exchanged between the engine and the store ---------------------------------


class NewDelivery(NamedTuple):
    """A delivery to insert with its message: pending with a plan, or already skipped.

    A named tuple: a campaign builds one per recipient, and a frozen dataclass costs five
    times as much to build (a tenth of a second for 100,000).
    """

    recipient: str
    status: DeliveryStatus
    profile_id: str | None = None
    planned_at: float | None = None
    decided_by: str = ""
    skip_reason: str = ""
    error: str = ""
    # The recipient's own text (or caption) when the message is personalised, else None.
    text: str | None = None
    decision: str | None = None
    recipient_zone: str | None = None
    zone_source: str | None = None


@dataclass(frozen=True, slots=True)
class ReplyPlan:
    """How a reply goes out: its message, the profile that sends it, and why that one.

    ``profiles`` are all the package's profiles as read with the plan (the candidates if
    the chosen one refuses); ``rerouted`` means the customer's sticky profile could not send.
    """

    message: Message
    profile: Profile
    profiles: tuple[Profile, ...]
    decided_by: str
    rerouted: bool


@dataclass(frozen=True, slots=True)
class ReplyContext:
    """What a reply is decided on, read ahead of queued Open Chat work: the package
    (``None``: unknown), its profiles and the customer's sticky profile id."""

    package: Package | None
    profiles: tuple[Profile, ...]
    route: str | None


@dataclass(frozen=True, slots=True)
class Claim:
    """A delivery the store has marked ``sending`` (with its attempt row) for one gateway call."""

    delivery_id: int
    attempt_id: int
    message_id: str
    package_id: str
    profile_id: str
    recipient: str
    content: MessageContent
    attempt_count: int
    started_at: float
    tried_profiles: frozenset[str] = frozenset()
    # Earlier attempts that failed in a retryable way (transient, rate limited).
    retries: int = 0


@dataclass(frozen=True, slots=True)
class HealthDeduction:
    """Points taken off a profile's health at ``at`` (POSIX seconds) for ``reason`` (a
    ``core.outcomes.HealthReason``); ``core.health_score`` recovers them over 24 h."""

    profile_id: str
    at: float
    reason: str
    points: int


@dataclass(frozen=True, slots=True)
class ProfileUpdate:
    """New health/status values for a profile, written with the outcome that caused them;
    ``deductions`` are stored in the same transaction."""

    profile_id: str
    health_score: int
    evidence_run: int
    status: ProfileStatus | None = None
    status_reason: str | None = None
    paused_until: float | None = None
    last_error: str | None = None
    deductions: tuple[HealthDeduction, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the engine decided after a gateway answer; the store writes it in one go.

    ``delivery_status`` is SENT, FAILED or PENDING (a retry at ``not_before``, or a failover
    when ``reassign`` is set, in which case the profile is cleared for re-assignment).
    """

    claim: Claim
    result: GatewayResult
    finished_at: float
    delivery_status: DeliveryStatus
    error: str = ""
    not_before: float | None = None
    reassign: bool = False
    profile_updates: tuple[ProfileUpdate, ...] = ()


@dataclass(frozen=True, slots=True)
class MessageChange:
    """A message whose counters or status changed in a store round."""

    message_id: str
    package_id: str
    status: MessageStatus
    total: int
    processed: int
    sent: int
    failed: int
    finished: bool


@dataclass(frozen=True, slots=True)
class Head:
    """A profile's next pending Open Chat delivery: its id and not-before time, and whom it
    goes to (the recipient and their stored zone key) for the quiet-hours check."""

    profile_id: str
    delivery_id: int
    not_before: float
    recipient: str = ""
    zone: str | None = None


@dataclass(frozen=True, slots=True)
class QuietWait:
    """The engine's decision for a due head inside its recipient's quiet hours: it waits
    ``until`` their window opens, with the re-decided record. Written only while the delivery
    is still pending."""

    delivery_id: int
    until: float
    decision: str


@dataclass(frozen=True, slots=True)
class Stranded:
    """A pending Open Chat delivery that must leave its profile (``None``: it has none),
    with what choosing its next profile needs: who has tried it already."""

    delivery_id: int
    package_id: str
    recipient: str
    profile_id: str | None
    tried: frozenset[str]


@dataclass(frozen=True, slots=True)
class Move:
    """The engine's decision for a ``Stranded`` delivery: written only if the delivery is
    still pending on ``from_profile`` (a claim or another engine may have taken it since)."""

    delivery_id: int
    from_profile: str | None
    to_profile: str


@dataclass(frozen=True, slots=True)
class Failover:
    """Pending work on ``stranded`` profiles (or on none) must move: a round writes the
    ``moves`` the engine decided and reports up to ``limit`` deliveries still to move.

    Of ``paused`` profiles only the work due by ``due_by`` moves.
    """

    stranded: frozenset[str]
    moves: tuple[Move, ...] = ()
    paused: frozenset[str] = frozenset()
    due_by: float = 0.0
    limit: int = 1000
    # Profiles whose pending Open Chat work becomes ``held`` instead of moving (banned ones).
    hold: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PoolEvent:
    """One thing that happened to a package's pool (``core.pool.PoolEventType``), stored
    durably; ``at`` is POSIX seconds, ``note`` the owner's words (resumes)."""

    package_id: str
    type: str
    at: float
    profile_id: str | None = None
    reason: str = ""
    note: str = ""


@dataclass(slots=True)
class RoundResult:
    """What one dispatch round did: new claims, each idle profile's next head, progress,
    and (with a ``Failover``) the deliveries still to move, for the engine to decide."""

    claims: list[Claim] = field(default_factory=list)
    heads: dict[str, Head] = field(default_factory=dict)
    changes: list[MessageChange] = field(default_factory=list)
    stranded: list[Stranded] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class InboundRecord:
    """What storing one inbound message did, per package that owns its device."""

    package_id: str | None
    profile_id: str | None
    duplicate: bool = False
    suppressed: bool = False
    unsuppressed: bool = False
    skipped_deliveries: int = 0


@dataclass(frozen=True, slots=True)
class Suppression:
    package_id: str
    phone: str
    reason: str
    evidence: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ConversationSummary:
    """One customer of a package, as the inbox lists it."""

    package_id: str
    customer_phone: str
    profile_id: str | None
    last_text: str
    last_at: datetime | None
    inbound_count: int
    possible_opt_out: bool = False
    suppressed: bool = False


@dataclass(frozen=True, slots=True)
class ConversationItem:
    """One line of a conversation: ``direction`` is ``in`` (customer) or ``out`` (us)."""

    direction: str
    text: str
    at: datetime | None
    profile_id: str | None
    status: str = ""


@dataclass(frozen=True, slots=True)
class MessageFilter:
    """Filters for listing messages; times are aware UTC datetimes, bounds inclusive."""

    status: str | None = None
    mode: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 50
    offset: int = 0
