"""Protocols the core depends on; ``storage``, ``vault`` and ``zentra`` implement them.

Storage is one small port per use case (catalog, messages, dispatch, replies, inbox, ...;
device leases are ``core.leasing.LeasePort``). A service or the engine names only the ports
it uses. Every call is one transaction; times are POSIX seconds; a call raises
``StorageUnavailable`` when the database cannot be written. Ports pass data only: nothing
the core hands to storage is called back (``tests/test_architecture.py``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping, Sequence
from typing import Any, Protocol

from spreader_app.core.contact_log import ContactHistory, ContactQuery
from spreader_app.core.health_score import HealthLog
from spreader_app.core.intake import StoredWebhook, WebhookBody
from spreader_app.core.models import (
    Claim,
    ConversationItem,
    ConversationSummary,
    Delivery,
    DeliveryStatus,
    Failover,
    GatewayResult,
    Message,
    MessageChange,
    MessageFilter,
    MessageTemplate,
    NewDelivery,
    Package,
    PoolEvent,
    Profile,
    ProfileUpdate,
    QuietWait,
    ReplyContext,
    Resolution,
    RoundResult,
    SendRequest,
    Suppression,
)
from spreader_app.core.pool_common import SentAttempt
from spreader_app.core.warmup_review import StageReview


class Gateway(Protocol):
    """Sends one message through one device and classifies the answer.

    ``send`` never raises for gateway or network trouble: every failure comes back as a
    ``GatewayResult`` with its ``OutcomeKind``.
    """

    async def send(self, request: SendRequest) -> GatewayResult: ...

    async def check_number(self, device_uuid: str, token: str, phone_e164: str) -> bool | None:
        """Whether the number is on WhatsApp; ``None`` when the gateway cannot tell."""
        ...

    async def device_status(self, device_uuid: str, token: str) -> str | None:
        """The device's status text; ``None`` when the gateway does not support asking."""
        ...

    async def device_check(self, device_uuid: str, token: str) -> GatewayResult | None:
        """The device's status classified like a send (``ACCEPTED``: connected); ``None``
        when the gateway offers no status call. Never raises for gateway trouble."""
        ...

    async def aclose(self) -> None: ...


class TokenVault(Protocol):
    """Encrypts and decrypts device tokens; raises ``VaultUnavailable`` without a key."""

    def encrypt(self, token: str) -> str: ...

    def decrypt(self, ciphertext: str) -> str: ...


class AuditPort(Protocol):
    """The audit log. ``actor`` names who asked (``api``, ``desktop``, ``engine``)."""

    async def audit(
        self, now: float, actor: str, action: str, target: str, details: dict[str, Any]
    ) -> None:
        """Appends one event; ``details`` must already be free of secrets."""
        ...


class CatalogPort(Protocol):
    """Packages and profiles. Writes are audited; ``update_*`` raise ``NotFound``,
    ``add_profile``/``update_profile`` raise ``Conflict`` for a device already in the package."""

    async def add_package(self, pkg: Package, now: float, actor: str) -> Package: ...

    async def update_package(
        self, pkg: Package, now: float, actor: str, changed: dict[str, Any]
    ) -> Package: ...

    async def get_package(self, package_id: str) -> Package | None: ...

    async def list_packages(self) -> list[Package]: ...

    async def delete_package(self, package_id: str, now: float, actor: str) -> bool: ...

    async def add_profile(
        self, profile: Profile, token_encrypted: str, now: float, actor: str
    ) -> Profile: ...

    async def update_profile(
        self,
        profile: Profile,
        token_encrypted: str | None,
        now: float,
        actor: str,
        changed: dict[str, Any],
    ) -> Profile: ...

    async def get_profile(self, profile_id: str) -> Profile | None: ...

    async def list_profiles(self, package_id: str) -> list[Profile]: ...

    async def delete_profile(self, profile_id: str, now: float, actor: str) -> bool: ...

    async def token_ciphertext(self, profile_id: str) -> str:
        """The profile's encrypted token, ahead of queued work; raises ``NotFound``."""
        ...


class MessagePort(Protocol):
    """Open Chat messages and their deliveries. ``cancel_message`` and ``set_paused`` raise
    ``NotFound`` or ``Conflict`` (a finished message) and are audited."""

    async def create_message(
        self, message: Message, deliveries: Sequence[NewDelivery], now: float, actor: str
    ) -> MessageChange | None: ...

    async def get_message(self, message_id: str) -> Message | None: ...

    async def list_messages(
        self, package_id: str, flt: MessageFilter
    ) -> tuple[list[Message], int]: ...

    async def list_deliveries(
        self, message_id: str, *, status: str | None = None, limit: int = 1000, offset: int = 0
    ) -> tuple[list[Delivery], int]: ...

    async def waiting_groups(
        self, message_id: str, now: float
    ) -> list[tuple[str, str | None, int]]: ...

    async def cancel_message(self, message_id: str, now: float, actor: str) -> MessageChange: ...

    async def set_paused(
        self, message_id: str, paused: bool, now: float, actor: str
    ) -> MessageChange: ...

    async def pending_planned_times(self, package_id: str) -> dict[str, list[float]]:
        """Planned times of each profile's pending Open Chat work (the planner's queue)."""
        ...


class StatsPort(Protocol):
    """Reads of the send log behind gauges, totals and a profile's health check."""

    async def open_send_times(
        self, since: float, profile_ids: list[str] | None = None
    ) -> dict[str, list[float]]:
        """Open Chat dispatch times per profile after ``since`` (``None``: every profile)."""
        ...

    async def recent_outcomes(self, profile_id: str, limit: int) -> list[str | None]:
        """The latest gateway outcomes of the profile, newest first (``None``: in flight)."""
        ...

    async def mode_totals(self, package_id: str, since: float) -> dict[str, dict[str, int]]:
        """Deliveries settled since ``since`` per mode and status."""
        ...


class ContactPort(Protocol):
    """Who each profile has contacted (warm-up, unanswered budget) and the stage reviews."""

    async def contact_histories(
        self, queries: Mapping[str, ContactQuery], now: float
    ) -> dict[str, ContactHistory]:
        """Each queried profile's contacts at ``now`` (see ``ContactHistory``)."""
        ...

    async def record_stage_reviews(self, reviews: Sequence[StageReview]) -> None:
        """Stores each profile's reviewed warm-up stage and day, and the stage changes."""
        ...

    async def advance_waiting(self, profile_ids: Collection[str], now: float) -> int:
        """Pending deliveries of ``profile_ids`` that wait only on the rules become due at
        ``now`` (a rule gained room early: an answer, a higher warm-up stage); returns how
        many. Drip, smart and future schedules keep their times."""
        ...


class HealthPort(Protocol):
    """The health logs behind each profile's score (``core.health_score``)."""

    async def health_logs(self, profile_ids: Collection[str], now: float) -> dict[str, HealthLog]:
        """Each profile's health log at ``now``: its stored deductions of the last 7 days
        and its reply credit (a profile without deductions may be missing)."""
        ...

    async def set_health_scores(self, scores: Mapping[str, int], now: float) -> None:
        """Writes each profile's cached ``health_score``."""
        ...


class PoolPort(Protocol):
    """The pool breaker's durable events and the held deliveries (audited)."""

    async def pool_events(
        self, package_id: str | None = None, since: float | None = None
    ) -> list[PoolEvent]:
        """Pool events of a package (``None``: all) at or after ``since``, oldest first."""
        ...

    async def add_pool_event(self, event: PoolEvent, actor: str) -> None: ...

    async def release_held(self, event: PoolEvent, actor: str) -> int:
        """Makes the package's held deliveries pending with no profile (the engine assigns
        them) and records ``event``; returns how many."""
        ...

    async def cancel_held(self, event: PoolEvent, actor: str) -> int:
        """Cancels the package's held deliveries and records ``event``; returns how many."""
        ...

    async def held_count(self, package_id: str) -> int:
        """How many of the package's deliveries are held."""
        ...

    async def open_attempts(
        self, profile_ids: Collection[str], since: float, limit: int
    ) -> list[SentAttempt]:
        """The Open Chat attempts of ``profile_ids`` started at or after ``since``: the
        ``limit`` most recent, with their campaign and its text."""
        ...


class DispatchPort(Protocol):
    """The Open Chat engine's reads and its one transaction per round."""

    async def engine_snapshot(
        self, now: float
    ) -> list[tuple[Package, list[tuple[Profile, list[float]]]]]:
        """Every package with its profiles and each profile's last-24-hour Open Chat sends."""
        ...

    async def dispatch_round(
        self,
        resolutions: Sequence[Resolution],
        claim_for: Sequence[str],
        heads_for: Sequence[str],
        failover: Failover | None,
        now: float,
        pool_events: Sequence[PoolEvent] = (),
        quiet_waits: Sequence[QuietWait] = (),
        checked: Mapping[str, int] | None = None,
    ) -> RoundResult:
        """Records ``resolutions`` and ``pool_events``; with a ``failover``, holds the pending
        Open Chat work of ``failover.hold``, writes ``failover.moves`` and reports the work
        still stranded; writes ``quiet_waits``; claims the due heads of ``claim_for`` (each at
        most once across engines) and reports the next heads of ``heads_for``. A profile in
        ``checked`` claims only that delivery, and reports its next head after the claim."""
        ...


class ReplyPort(Protocol):
    """Reply Chat's writes; each goes ahead of queued Open Chat work."""

    async def reply_context(self, package_id: str, phone: str) -> ReplyContext:
        """The package, its profiles and the customer's sticky profile, as they are now."""
        ...

    async def begin_reply(
        self, message: Message, recipient: str, profile_id: str, decided_by: str, now: float
    ) -> Claim:
        """Writes the decided reply (``sending``) through ``profile_id`` with its open attempt."""
        ...

    async def reroute_reply(
        self,
        message: Message,
        claim: Claim,
        result: GatewayResult,
        updates: Sequence[ProfileUpdate],
        new_profile_id: str,
        now: float,
    ) -> Claim:
        """Closes a refused attempt and opens one through ``new_profile_id``."""
        ...

    def finish_reply(
        self,
        claim: Claim,
        result: GatewayResult,
        status: DeliveryStatus,
        error: str,
        updates: Sequence[ProfileUpdate],
        now: float,
    ) -> asyncio.Future[MessageChange]:
        """Queues a reply's outcome, ahead of queued Open Chat work, and returns at once: the
        future completes when it is committed. Anything queued afterwards (every later read)
        sees it; if it cannot be written the reply stays ``sending`` and becomes
        ``uncertain`` on the next start."""
        ...


class InboxPort(Protocol):
    """Inbound webhook payloads and messages, and the conversations they make."""

    async def receive_webhooks(
        self, bodies: Sequence[WebhookBody], now: float
    ) -> list[StoredWebhook]:
        """Stores each body with its messages (``record_inbound``'s effects), all in one
        transaction; one result per body, in order."""
        ...

    async def list_conversations(self, package_id: str) -> list[ConversationSummary]: ...

    async def conversation(self, package_id: str, phone: str) -> list[ConversationItem]: ...


class SuppressionPort(Protocol):
    """Numbers a package must never message again (audited)."""

    async def add_suppression(
        self, package_id: str, phone: str, reason: str, evidence: object, now: float, actor: str
    ) -> int:
        """Suppresses ``phone``; returns how many pending deliveries to it ended skipped."""
        ...

    async def remove_suppression(
        self, package_id: str, phone: str, now: float, actor: str
    ) -> bool: ...

    async def suppressed_numbers(self, package_id: str) -> set[str]: ...

    async def list_suppressions(self, package_id: str) -> list[Suppression]: ...


class RoutePort(Protocol):
    """Conversation routes: which profile each customer talks to."""

    async def routes(self, package_id: str) -> dict[str, str]:
        """Customer phone -> profile id, for the whole package."""
        ...


class SettingsPort(Protocol):
    """Reads and writes the user-editable settings (``settings.json`` behind it).

    ``save`` validates ``changes`` (raising ``ValidationFailed`` with the reason) and returns
    the new values; keys are those of ``snapshot()``.
    """

    def snapshot(self) -> dict[str, Any]: ...

    def save(self, changes: dict[str, Any]) -> dict[str, Any]: ...


class TemplatePort(Protocol):
    """Saved message templates; one transaction per call, audited.

    ``add_template`` and ``update_template`` raise ``Conflict`` when the package already has a
    template of that name.
    """

    async def list_templates(self, package_id: str) -> list[MessageTemplate]: ...

    async def get_template(self, template_id: str) -> MessageTemplate | None: ...

    async def add_template(self, template: MessageTemplate, now: float, actor: str) -> None: ...

    async def update_template(self, template: MessageTemplate, now: float, actor: str) -> None: ...

    async def delete_template(self, template_id: str, now: float, actor: str) -> bool: ...
