"""``SqlStore``: the core's ``Store`` port over SQLAlchemy, one transaction per call.

Every method runs on the database thread through ``Database.run``; the functions it calls
live in the ``*_store`` modules, each taking the session of that one transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping, Sequence
from typing import Any

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
    NewDelivery,
    Package,
    PoolEvent,
    Profile,
    ProfileUpdate,
    ReplyPlan,
    ReplyPlanner,
    Resolution,
    RoundResult,
    Suppression,
)
from spreader_app.core.warmup_review import StageReview
from spreader_app.storage import catalog_store as cat
from spreader_app.storage import contact_store as contacts
from spreader_app.storage import dispatch_store as disp
from spreader_app.storage import inbox_store as inbox
from spreader_app.storage import intake_store as intake
from spreader_app.storage import message_store as msgs
from spreader_app.storage import pool_store as pool
from spreader_app.storage.database import Database


class SqlStore:
    """Implements ``core.ports.Store``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- audit ---------------------------------------------------------------------------

    async def audit(
        self, now: float, actor: str, action: str, target: str, details: dict[str, Any]
    ) -> None:
        await self.db.run(lambda s: cat.audit(s, now, actor, action, target, details))

    # --- packages and profiles -----------------------------------------------------------

    async def add_package(self, pkg: Package, now: float, actor: str) -> Package:
        def tx(s: Any) -> Package:
            out = cat.add_package(s, pkg)
            cat.audit(s, now, actor, "package_created", pkg.id, {"name": pkg.name})
            return out

        return await self.db.run(tx)

    async def update_package(
        self, pkg: Package, now: float, actor: str, changed: dict[str, Any]
    ) -> Package:
        def tx(s: Any) -> Package:
            out = cat.update_package(s, pkg)
            cat.audit(s, now, actor, "package_updated", pkg.id, changed)
            return out

        return await self.db.run(tx)

    async def get_package(self, package_id: str) -> Package | None:
        return await self.db.run(lambda s: cat.get_package(s, package_id))

    async def list_packages(self) -> list[Package]:
        return await self.db.run(cat.list_packages)

    async def delete_package(self, package_id: str, now: float, actor: str) -> bool:
        def tx(s: Any) -> bool:
            gone = cat.delete_package(s, package_id)
            if gone:
                cat.audit(s, now, actor, "package_deleted", package_id, {})
            return gone

        return await self.db.run(tx)

    async def add_profile(
        self, profile: Profile, token_encrypted: str, now: float, actor: str
    ) -> Profile:
        def tx(s: Any) -> Profile:
            out = cat.add_profile(s, profile, token_encrypted)
            cat.audit(
                s,
                now,
                actor,
                "profile_created",
                profile.id,
                {"package_id": profile.package_id, "device": profile.zentra_uuid},
            )
            return out

        return await self.db.run(tx)

    async def update_profile(
        self,
        profile: Profile,
        token_encrypted: str | None,
        now: float,
        actor: str,
        changed: dict[str, Any],
    ) -> Profile:
        def tx(s: Any) -> Profile:
            out = cat.update_profile(s, profile, token_encrypted)
            cat.audit(s, now, actor, "profile_updated", profile.id, changed)
            return out

        return await self.db.run(tx)

    async def get_profile(self, profile_id: str) -> Profile | None:
        return await self.db.run(lambda s: cat.get_profile(s, profile_id))

    async def list_profiles(self, package_id: str) -> list[Profile]:
        return await self.db.run(lambda s: cat.list_profiles(s, package_id))

    async def delete_profile(self, profile_id: str, now: float, actor: str) -> bool:
        def tx(s: Any) -> bool:
            gone = cat.delete_profile(s, profile_id)
            if gone:
                cat.audit(s, now, actor, "profile_deleted", profile_id, {})
            return gone

        return await self.db.run(tx)

    async def token_ciphertext(self, profile_id: str) -> str:
        return await self.db.run(lambda s: cat.token_ciphertext(s, profile_id), urgent=True)

    async def contact_histories(
        self, queries: Mapping[str, ContactQuery], now: float
    ) -> dict[str, ContactHistory]:
        return await self.db.run(lambda s: contacts.contact_histories(s, queries, now))

    async def record_stage_reviews(self, reviews: Sequence[StageReview]) -> None:
        await self.db.run(lambda s: contacts.record_stage_reviews(s.connection(), reviews))

    async def advance_waiting(self, profile_ids: Collection[str], now: float) -> int:
        return await self.db.run(lambda s: contacts.advance_waiting(s, profile_ids, now))

    async def open_send_times(
        self, since: float, profile_ids: list[str] | None = None
    ) -> dict[str, list[float]]:
        return await self.db.run(lambda s: cat.open_send_times(s, since, profile_ids))

    async def recent_outcomes(self, profile_id: str, limit: int) -> list[str | None]:
        return await self.db.run(lambda s: cat.recent_outcomes(s, profile_id, limit))

    async def mode_totals(self, package_id: str, since: float) -> dict[str, dict[str, int]]:
        return await self.db.run(lambda s: cat.mode_totals(s, package_id, since))

    async def engine_snapshot(
        self, now: float
    ) -> list[tuple[Package, list[tuple[Profile, list[float]]]]]:
        return await self.db.run(lambda s: cat.engine_snapshot(s, now))

    # --- messages ------------------------------------------------------------------------

    async def create_message(
        self, message: Message, deliveries: Sequence[NewDelivery], now: float, actor: str
    ) -> MessageChange | None:
        def tx(s: Any) -> MessageChange | None:
            change = msgs.create_message(s, message, deliveries, now)
            cat.audit(
                s,
                now,
                actor,
                "open_message_created",
                message.id,
                {"package_id": message.package_id, "recipients": len(deliveries)},
            )
            return change

        return await self.db.run(tx)

    async def get_message(self, message_id: str) -> Message | None:
        return await self.db.run(lambda s: msgs.get_message(s, message_id))

    async def list_messages(self, package_id: str, flt: MessageFilter) -> tuple[list[Message], int]:
        return await self.db.run(lambda s: msgs.list_messages(s, package_id, flt))

    async def list_deliveries(
        self, message_id: str, *, status: str | None = None, limit: int = 1000, offset: int = 0
    ) -> tuple[list[Delivery], int]:
        return await self.db.run(
            lambda s: msgs.list_deliveries(s, message_id, status=status, limit=limit, offset=offset)
        )

    async def cancel_message(self, message_id: str, now: float, actor: str) -> MessageChange:
        def tx(s: Any) -> MessageChange:
            change = msgs.cancel_message(s, message_id, now)
            cat.audit(s, now, actor, "message_cancelled", message_id, {})
            return change

        return await self.db.run(tx)

    async def set_paused(
        self, message_id: str, paused: bool, now: float, actor: str
    ) -> MessageChange:
        def tx(s: Any) -> MessageChange:
            change = msgs.set_paused(s, message_id, paused, now)
            action = "message_paused" if paused else "message_resumed"
            cat.audit(s, now, actor, action, message_id, {})
            return change

        return await self.db.run(tx)

    async def pending_planned_times(self, package_id: str) -> dict[str, list[float]]:
        return await self.db.run(lambda s: msgs.pending_planned_times(s, package_id))

    # --- engine --------------------------------------------------------------------------

    async def dispatch_round(
        self,
        resolutions: Sequence[Resolution],
        claim_for: Sequence[str],
        heads_for: Sequence[str],
        failover: Failover | None,
        now: float,
        pool_events: Sequence[PoolEvent] = (),
    ) -> RoundResult:
        return await self.db.run(
            lambda s: disp.dispatch_round(
                s, resolutions, claim_for, heads_for, failover, now, pool_events
            )
        )

    # --- pool breaker --------------------------------------------------------------------

    async def pool_events(
        self, package_id: str | None = None, since: float | None = None
    ) -> list[PoolEvent]:
        return await self.db.run(lambda s: pool.pool_events(s, package_id, since))

    async def add_pool_event(self, event: PoolEvent, actor: str) -> None:
        def tx(s: Any) -> None:
            pool.add_pool_events(s.connection(), [event])
            cat.audit(s, event.at, actor, f"pool_{event.type}", event.package_id, _details(event))

        await self.db.run(tx)

    async def release_held(self, event: PoolEvent, actor: str) -> int:
        def tx(s: Any) -> int:
            n = pool.release_held(s, event)
            cat.audit(s, event.at, actor, "held_released", event.package_id, {"count": n})
            return n

        return await self.db.run(tx)

    async def cancel_held(self, event: PoolEvent, actor: str) -> int:
        def tx(s: Any) -> int:
            n = pool.cancel_held(s, event)
            cat.audit(s, event.at, actor, "held_cancelled", event.package_id, {"count": n})
            return n

        return await self.db.run(tx)

    async def begin_reply(
        self, package_id: str, recipient: str, plan: ReplyPlanner, now: float
    ) -> tuple[ReplyPlan, Claim]:
        def tx(s: Any) -> tuple[ReplyPlan, Claim]:
            decided = plan(*disp.reply_context(s, package_id, recipient))
            claim = disp.begin_reply(
                s, decided.message, recipient, decided.profile.id, decided.decided_by, now
            )
            return decided, claim

        return await self.db.run(tx, urgent=True)

    async def reroute_reply(
        self,
        message: Message,
        claim: Claim,
        result: GatewayResult,
        updates: Sequence[ProfileUpdate],
        new_profile_id: str,
        now: float,
    ) -> Claim:
        return await self.db.run(
            lambda s: disp.reroute_reply(s, message, claim, result, updates, new_profile_id, now),
            urgent=True,
        )

    def finish_reply(
        self,
        claim: Claim,
        result: GatewayResult,
        status: DeliveryStatus,
        error: str,
        updates: Sequence[ProfileUpdate],
        now: float,
    ) -> asyncio.Future[MessageChange]:
        return self.db.submit(
            lambda s: disp.finish_reply(s, claim, result, status, error, updates, now),
            urgent=True,
        )

    # --- inbox, routes, suppressions ---------------------------------------------------

    async def store_payload(self, body: str, content_type: str, now: float) -> int:
        return await self.db.run(lambda s: inbox.store_payload(s, body, content_type, now))

    async def receive_webhooks(
        self, bodies: Sequence[WebhookBody], now: float
    ) -> list[StoredWebhook]:
        return await self.db.run(lambda s: intake.receive_webhooks(s, bodies, now))

    async def mark_payload(self, payload_id: int, understood: bool, problem: str) -> None:
        await self.db.run(lambda s: inbox.mark_payload(s, payload_id, understood, problem))

    async def record_inbound(
        self, payload_id: int, messages: Sequence[tuple[InboundMessage, str]], now: float
    ) -> list[list[InboundRecord]]:
        """One list of records per message, in order (a message may reach several packages)."""

        def tx(s: Any) -> list[list[InboundRecord]]:
            return [inbox.record_inbound(s, payload_id, m, verdict, now) for m, verdict in messages]

        return await self.db.run(tx)

    async def add_suppression(
        self, package_id: str, phone: str, reason: str, evidence: object, now: float, actor: str
    ) -> int:
        def tx(s: Any) -> int:
            n = inbox.add_suppression(s, package_id, phone, reason, evidence, now)
            cat.audit(s, now, actor, "number_suppressed", package_id, {"reason": reason})
            return n

        return await self.db.run(tx)

    async def remove_suppression(self, package_id: str, phone: str, now: float, actor: str) -> bool:
        def tx(s: Any) -> bool:
            gone = inbox.remove_suppression(s, package_id, phone)
            if gone:
                cat.audit(s, now, actor, "number_unsuppressed", package_id, {})
            return gone

        return await self.db.run(tx)

    async def suppressed_numbers(self, package_id: str) -> set[str]:
        return await self.db.run(lambda s: inbox.suppressed_numbers(s, package_id))

    async def list_suppressions(self, package_id: str) -> list[Suppression]:
        return await self.db.run(lambda s: inbox.list_suppressions(s, package_id))

    async def routes(self, package_id: str) -> dict[str, str]:
        return await self.db.run(lambda s: inbox.routes(s, package_id))

    async def route_for(self, package_id: str, phone: str) -> str | None:
        return await self.db.run(lambda s: inbox.route_for(s, package_id, phone))

    async def list_conversations(self, package_id: str) -> list[ConversationSummary]:
        return await self.db.run(lambda s: inbox.list_conversations(s, package_id))

    async def conversation(self, package_id: str, phone: str) -> list[ConversationItem]:
        return await self.db.run(lambda s: inbox.conversation(s, package_id, phone))


def _details(event: PoolEvent) -> dict[str, Any]:
    return {"profile_id": event.profile_id, "reason": event.reason, "note": event.note}
