"""Protocols the core depends on; ``storage``, ``vault`` and ``zentra`` implement them."""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping, Sequence
from typing import Any, Protocol

from spreader_app.core.contact_log import ContactHistory, ContactQuery
from spreader_app.core.intake import StoredWebhook, WebhookBody
from spreader_app.core.models import (
    Claim,
    ConversationItem,
    ConversationSummary,
    Delivery,
    DeliveryStatus,
    Failover,
    GatewayResult,
    InboundMessage,
    InboundRecord,
    Message,
    MessageChange,
    MessageFilter,
    MessageTemplate,
    NewDelivery,
    Package,
    PoolEvent,
    Profile,
    ProfileUpdate,
    ReplyPlan,
    ReplyPlanner,
    Resolution,
    RoundResult,
    SendRequest,
    Suppression,
)
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


class Store(Protocol):
    """Persistence for the engine and the services; every call is one transaction.

    Times are POSIX seconds. ``actor`` names who asked (``api``, ``desktop``, ``engine``) for
    the audit log that mutating calls append to. Raises ``StorageUnavailable`` when the
    database cannot be written, ``NotFound``/``Conflict`` where the docstrings of the
    implementation say so.
    """

    async def audit(
        self, now: float, actor: str, action: str, target: str, details: dict[str, Any]
    ) -> None: ...

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

    async def token_ciphertext(self, profile_id: str) -> str: ...

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

    async def open_send_times(
        self, since: float, profile_ids: list[str] | None = None
    ) -> dict[str, list[float]]: ...

    async def recent_outcomes(self, profile_id: str, limit: int) -> list[str | None]: ...

    async def mode_totals(self, package_id: str, since: float) -> dict[str, dict[str, int]]: ...

    async def engine_snapshot(
        self, now: float
    ) -> list[tuple[Package, list[tuple[Profile, list[float]]]]]: ...

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

    async def cancel_message(self, message_id: str, now: float, actor: str) -> MessageChange: ...

    async def set_paused(
        self, message_id: str, paused: bool, now: float, actor: str
    ) -> MessageChange: ...

    async def pending_planned_times(self, package_id: str) -> dict[str, list[float]]: ...

    async def dispatch_round(
        self,
        resolutions: Sequence[Resolution],
        claim_for: Sequence[str],
        heads_for: Sequence[str],
        failover: Failover | None,
        now: float,
        pool_events: Sequence[PoolEvent] = (),
    ) -> RoundResult:
        """Records ``resolutions`` and ``pool_events``, holds the pending Open Chat work of
        ``failover.hold`` and moves that of the stranded profiles, claims the due heads of
        ``claim_for`` and reports the next heads of ``heads_for``."""
        ...

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

    async def begin_reply(
        self, package_id: str, recipient: str, plan: ReplyPlanner, now: float
    ) -> tuple[ReplyPlan, Claim]:
        """In one transaction, ahead of queued Open Chat work: reads the package, its profiles
        and the customer's sticky profile, lets ``plan`` decide, and writes the planned reply
        (``sending``) with its open attempt. What ``plan`` raises propagates and nothing is
        written."""
        ...

    async def reroute_reply(
        self,
        message: Message,
        claim: Claim,
        result: GatewayResult,
        updates: Sequence[ProfileUpdate],
        new_profile_id: str,
        now: float,
    ) -> Claim: ...

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

    async def store_payload(self, body: str, content_type: str, now: float) -> int: ...

    async def receive_webhooks(
        self, bodies: Sequence[WebhookBody], now: float
    ) -> list[StoredWebhook]:
        """Stores each body with its messages (``record_inbound``'s effects), all in one
        transaction; one result per body, in order."""
        ...

    async def mark_payload(self, payload_id: int, understood: bool, problem: str) -> None: ...

    async def record_inbound(
        self, payload_id: int, messages: Sequence[tuple[InboundMessage, str]], now: float
    ) -> list[list[InboundRecord]]: ...

    async def add_suppression(
        self, package_id: str, phone: str, reason: str, evidence: object, now: float, actor: str
    ) -> int: ...

    async def remove_suppression(
        self, package_id: str, phone: str, now: float, actor: str
    ) -> bool: ...

    async def suppressed_numbers(self, package_id: str) -> set[str]: ...

    async def list_suppressions(self, package_id: str) -> list[Suppression]: ...

    async def routes(self, package_id: str) -> dict[str, str]: ...

    async def route_for(self, package_id: str, phone: str) -> str | None: ...

    async def list_conversations(self, package_id: str) -> list[ConversationSummary]: ...

    async def conversation(self, package_id: str, phone: str) -> list[ConversationItem]: ...


class SettingsPort(Protocol):
    """Reads and writes the user-editable settings (``settings.json`` behind it).

    ``save`` validates ``changes`` (raising ``ValidationFailed`` with the reason) and returns
    the new values; keys are those of ``snapshot()``.
    """

    def snapshot(self) -> dict[str, Any]: ...

    def save(self, changes: dict[str, Any]) -> dict[str, Any]: ...


class TemplateStore(Protocol):
    """Saved message templates; one transaction per call, audited like ``Store``.

    ``add_template`` and ``update_template`` raise ``Conflict`` when the package already has a
    template of that name.
    """

    async def list_templates(self, package_id: str) -> list[MessageTemplate]: ...

    async def get_template(self, template_id: str) -> MessageTemplate | None: ...

    async def add_template(self, template: MessageTemplate, now: float, actor: str) -> None: ...

    async def update_template(self, template: MessageTemplate, now: float, actor: str) -> None: ...

    async def delete_template(self, template_id: str, now: float, actor: str) -> bool: ...
