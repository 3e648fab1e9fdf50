"""Typed SQLAlchemy tables. Nothing else lives here.

Every time column is a ``Timestamp``: POSIX seconds stored as REAL, read back as aware UTC
datetimes. REAL keeps range queries on the delivery log cheap and ordering exact.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Timestamp(TypeDecorator[datetime]):
    """Aware UTC datetime stored as POSIX seconds; also binds a plain float."""

    impl = Float
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> float | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
            return value.timestamp()
        return float(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromtimestamp(float(value), UTC)


class Base(DeclarativeBase):
    pass


def table_of(row: type[Base]) -> Table:
    """The Core table of an ORM class, for the prebuilt statements of the hot paths."""
    return cast(Table, row.__table__)


class PackageRow(Base):
    __tablename__ = "packages"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="active")
    distribution_mode: Mapped[str] = mapped_column(String(16), default="round_robin")
    max_messages_per_profile_per_hour: Mapped[int] = mapped_column(Integer, default=50)
    max_messages_per_profile_per_day: Mapped[int] = mapped_column(Integer, default=500)
    cooldown_seconds: Mapped[int] = mapped_column(Integer, default=2)
    active_hours_start: Mapped[str] = mapped_column(String(8), default="08:00")
    active_hours_end: Mapped[str] = mapped_column(String(8), default="22:00")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    retry_failed_messages: Mapped[bool] = mapped_column(Boolean, default=True)
    retry_attempts: Mapped[int] = mapped_column(Integer, default=3)
    retry_delay_ms: Mapped[int] = mapped_column(Integer, default=5000)
    sticky_open_chat: Mapped[bool] = mapped_column(Boolean, default=True)
    warmup_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    max_unanswered_per_profile_per_30d: Mapped[int] = mapped_column(Integer, default=1000)
    # Quiet hours on the recipient's clock, "21:00-09:00"; NULL: off (core.quiet_hours).
    recipient_quiet_hours: Mapped[str | None] = mapped_column(String(11), nullable=True)
    # Per-country default zones as a JSON object; NULL: none (core.recipient_zones).
    recipient_zones: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class ProfileRow(Base):
    __tablename__ = "profiles"
    __table_args__ = (
        UniqueConstraint("package_id", "zentra_uuid", name="uq_profile_device"),
        Index("ix_profiles_package_status", "package_id", "status"),
        Index("ix_profiles_device", "zentra_uuid"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    package_id: Mapped[str] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(255))
    zentra_uuid: Mapped[str] = mapped_column(String(64))
    token_encrypted: Mapped[str] = mapped_column(Text)
    token_masked: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(16), default="active")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[int] = mapped_column(Integer, default=1)
    weight: Mapped[int] = mapped_column(Integer, default=1)
    daily_message_limit: Mapped[int] = mapped_column(Integer, default=500)
    health_score: Mapped[int] = mapped_column(Integer, default=100)
    evidence_run: Mapped[int] = mapped_column(Integer, default=0)
    warmup_stage: Mapped[int] = mapped_column(Integer, default=1)
    warmup_reviewed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    paused_until: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    last_message_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class MessageRow(Base):
    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_messages_package_status", "package_id", "status"),
        Index("ix_messages_created", "package_id", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    package_id: Mapped[str] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(8))
    type: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    media_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    caption: Mapped[str | None] = mapped_column(Text, nullable=True)
    media_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    waiting_strategy: Mapped[str] = mapped_column(String(16), default="immediate")
    drip_interval_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scheduled_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    conversation_id: Mapped[str | None] = mapped_column(String(128), nullable=True)
    total_recipients: Mapped[int] = mapped_column(Integer, default=0)
    processed_count: Mapped[int] = mapped_column(Integer, default=0)
    sent_count: Mapped[int] = mapped_column(Integer, default=0)
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_count: Mapped[int] = mapped_column(Integer, default=0)
    held_count: Mapped[int] = mapped_column(Integer, default=0)
    estimated_completion: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)
    finished_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)


class DeliveryRow(Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        # The dispatcher's hot query: a profile's next due pending delivery.
        Index("ix_deliveries_queue", "status", "profile_id", "not_before"),
        Index("ix_deliveries_message_status", "message_id", "status"),
        Index("ix_deliveries_recipient", "package_id", "recipient"),
        # Today's totals per mode count from this index alone (see migration 0002).
        Index("ix_deliveries_package_updated", "package_id", "updated_at", "mode", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    package_id: Mapped[str] = mapped_column(String(36))
    mode: Mapped[str] = mapped_column(String(8), default="open")
    recipient: Mapped[str] = mapped_column(String(32))
    profile_id: Mapped[str | None] = mapped_column(
        ForeignKey("profiles.id", ondelete="SET NULL"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(16))
    planned_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    not_before: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    attempt_count: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    skip_reason: Mapped[str] = mapped_column(String(64), default="")
    decided_by: Mapped[str] = mapped_column(String(255), default="")
    gateway_response: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    # The recipient's own text when personalised; NULL means the message's text.
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The decision record (core.decision), the recipient's zones and where they came from.
    decision: Mapped[str | None] = mapped_column(Text, nullable=True)
    recipient_zone: Mapped[str | None] = mapped_column(String(255), nullable=True)
    zone_source: Mapped[str | None] = mapped_column(String(16), nullable=True)


class AttemptRow(Base):
    """One gateway call: written before the call (outcome NULL), completed after it."""

    __tablename__ = "delivery_attempts"
    __table_args__ = (
        Index("ix_attempts_profile_mode_started", "profile_id", "mode", "started_at"),
        Index("ix_attempts_delivery", "delivery_id"),
        # Only the attempts still in flight: what a dead instance's recovery looks up.
        Index(
            "ix_attempts_open",
            "instance_id",
            sqlite_where=text("outcome IS NULL"),
            postgresql_where=text("outcome IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"))
    profile_id: Mapped[str] = mapped_column(String(36))
    mode: Mapped[str] = mapped_column(String(8))
    recipient: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(Timestamp)
    finished_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(24), nullable=True)
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    elapsed_ms: Mapped[float | None] = mapped_column(Float, nullable=True)
    # The engine instance that made the call (``engine_instances.id``): if it dies, this
    # attempt is what makes its send ``uncertain``.
    instance_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class ConversationRouteRow(Base):
    __tablename__ = "conversation_routes"
    __table_args__ = (UniqueConstraint("package_id", "customer_phone", name="uq_route_customer"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    package_id: Mapped[str] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"))
    customer_phone: Mapped[str] = mapped_column(String(32))
    profile_id: Mapped[str] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(16), default="inbound")
    last_interaction_at: Mapped[datetime] = mapped_column(Timestamp)
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class InboundPayloadRow(Base):
    """Every webhook body, stored verbatim before anything tries to understand it."""

    __tablename__ = "inbound_payloads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    received_at: Mapped[datetime] = mapped_column(Timestamp)
    content_type: Mapped[str] = mapped_column(String(128), default="")
    body: Mapped[str] = mapped_column(Text)
    understood: Mapped[bool] = mapped_column(Boolean, default=False)
    problem: Mapped[str] = mapped_column(Text, default="")


class InboundMessageRow(Base):
    __tablename__ = "inbound_messages"
    __table_args__ = (
        UniqueConstraint("device_uuid", "external_id", name="uq_inbound_external"),
        Index("ix_inbound_package_sender", "package_id", "sender"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    payload_id: Mapped[int] = mapped_column(ForeignKey("inbound_payloads.id", ondelete="CASCADE"))
    package_id: Mapped[str | None] = mapped_column(
        ForeignKey("packages.id", ondelete="CASCADE"), nullable=True
    )
    profile_id: Mapped[str | None] = mapped_column(
        ForeignKey("profiles.id", ondelete="SET NULL"), nullable=True
    )
    device_uuid: Mapped[str | None] = mapped_column(String(64), nullable=True)
    sender: Mapped[str | None] = mapped_column(String(32), nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    external_id: Mapped[str | None] = mapped_column(String(128), nullable=True)
    opt_verdict: Mapped[str] = mapped_column(String(24), default="none")
    received_at: Mapped[datetime] = mapped_column(Timestamp)


class SuppressionRow(Base):
    __tablename__ = "suppressions"
    __table_args__ = (UniqueConstraint("package_id", "phone", name="uq_suppression"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    package_id: Mapped[str] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"))
    phone: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(32))
    evidence: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class AuditEventRow(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(Timestamp)
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128), default="")
    details: Mapped[str] = mapped_column(Text, default="")


class PoolEventRow(Base):
    """What happened to a package's pool: blocks, breaker trips, pauses, resumes, releases."""

    __tablename__ = "pool_events"
    __table_args__ = (Index("ix_pool_events_package_at", "package_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    package_id: Mapped[str] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(Timestamp)
    profile_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class HealthEventRow(Base):
    """One deduction from a profile's health (``core.health_score``), kept 7 days."""

    __tablename__ = "health_events"
    __table_args__ = (
        Index("ix_health_events_profile_at", "profile_id", "at"),
        Index("ix_health_events_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[str] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(Timestamp)
    reason: Mapped[str] = mapped_column(String(24))
    points: Mapped[int] = mapped_column(Integer)


class TemplateRow(Base):
    """A saved message of a package; names are unique within the package."""

    __tablename__ = "message_templates"
    __table_args__ = (UniqueConstraint("package_id", "name", name="uq_template_name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    package_id: Mapped[str] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    type: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    media_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    caption: Mapped[str | None] = mapped_column(Text, nullable=True)
    media_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class InstanceRow(Base):
    """A running engine (``spreader serve`` or the desktop app) on this database; it is
    alive while ``expires_at`` is ahead, and renews it with every heartbeat."""

    __tablename__ = "engine_instances"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    host: Mapped[str] = mapped_column(String(255), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(16), default="")
    started_at: Mapped[datetime] = mapped_column(Timestamp)
    heartbeat_at: Mapped[datetime] = mapped_column(Timestamp)
    expires_at: Mapped[datetime] = mapped_column(Timestamp)


class DeviceLeaseRow(Base):
    """Which instance dispatches one profile's Open Chat (``instance_id`` NULL: nobody),
    until ``expires_at`` unless renewed."""

    __tablename__ = "device_leases"
    __table_args__ = (Index("ix_device_leases_instance", "instance_id"),)

    profile_id: Mapped[str] = mapped_column(
        ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True
    )
    instance_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    acquired_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    expires_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
