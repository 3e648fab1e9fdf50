"""Inbound messages from the webhook: stored raw first, understood, routed, opt-outs applied."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from spreader_app.core.clock import Clock
from spreader_app.core.errors import NotFound, StorageUnavailable
from spreader_app.core.events import EventBus, InboundReceived
from spreader_app.core.intake import IntakeBatcher, WebhookBody
from spreader_app.core.models import (
    ConversationItem,
    ConversationSummary,
    InboundMessage,
    Suppression,
)
from spreader_app.core.optout import classify
from spreader_app.core.phones import check_phone
from spreader_app.core.ports import CatalogPort, InboxPort, SuppressionPort
from spreader_app.core.services.words import NO_PACKAGE


class InboxStore(CatalogPort, InboxPort, SuppressionPort, Protocol):
    """The storage the inbox service uses."""


log = logging.getLogger(__name__)

# Turns a webhook body into messages; raises ValueError when the body is not understood.
WebhookParser = Callable[[bytes, str | None], list[InboundMessage]]


@dataclass(frozen=True, slots=True)
class WebhookReceipt:
    """What one webhook call produced; ``problem`` is set when it was stored but not understood."""

    payload_id: int
    messages: int
    duplicates: int
    opted_out: int
    problem: str = ""


class InboxService:
    """Receives webhooks and serves conversations and the suppression list."""

    def __init__(
        self,
        store: InboxStore,
        clock: Clock,
        events: EventBus,
        parse: WebhookParser,
        on_suppressed: Callable[[], None],
    ) -> None:
        self._store = store
        self._clock = clock
        self._events = events
        self._parse = parse
        self._on_suppressed = on_suppressed
        self._intake = IntakeBatcher(store.receive_webhooks, clock.timestamp)

    async def receive(self, body: bytes, content_type: str | None) -> WebhookReceipt:
        """Stores the raw body with what it says, in one transaction (shared with bodies
        arriving at the same time). Raises only ``StorageUnavailable`` (the body could not
        even be stored); anything else is kept and flagged."""
        understood = self._understand(body, content_type)
        try:
            stored = await self._intake.store(understood)
        except StorageUnavailable:
            raise
        except Exception as exc:
            # Recording what it says failed: keep the body alone, flagged, and answer the
            # failure (the gateway sends it again).
            log.exception("webhook body could not be recorded")
            await self._intake.store(  # not translated: a note stored with the body, for the API
                WebhookBody(understood.text, understood.content_type, (), f"not recorded: {exc}")
            )
            raise
        opted = duplicates = 0
        for (msg, _), records in zip(understood.messages, stored.records, strict=True):
            for record in records:
                if record.duplicate:
                    duplicates += 1
                    continue
                opted += record.suppressed
                self._events.publish(
                    InboundReceived(
                        record.package_id,
                        msg.sender,
                        record.profile_id,
                        msg.text,
                        record.suppressed,
                    )
                )
        if opted:
            self._on_suppressed()
        return WebhookReceipt(
            stored.payload_id, len(understood.messages), duplicates, opted, understood.problem
        )

    def _understand(self, body: bytes, content_type: str | None) -> WebhookBody:
        """The body as it will be stored, with the messages it carries (pure)."""
        text = body.decode("utf-8", errors="replace")
        try:
            messages = self._parse(body, content_type)
        except ValueError as exc:
            return WebhookBody(text, content_type or "", (), str(exc))
        usable: list[tuple[InboundMessage, str]] = []
        for msg in messages:
            sender = _normalise_sender(msg.sender)
            msg = InboundMessage(
                msg.device_uuid, sender, msg.text, msg.message_id, msg.timestamp, msg.extra
            )
            usable.append((msg, classify(msg.text).value if sender else "none"))
        # not translated: notes stored with the body and answered to the gateway (the API)
        problem = "" if usable else "no message found in the payload"
        if usable and not any(m.device_uuid for m, _ in usable):
            # not translated: as above
            problem = "no device id in the payload: cannot tell which profile received it"
        return WebhookBody(text, content_type or "", tuple(usable), problem)

    async def conversations(self, package_id: str) -> list[ConversationSummary]:
        await self._require(package_id)
        return await self._store.list_conversations(package_id)

    async def conversation(self, package_id: str, phone: str) -> list[ConversationItem]:
        """The customer's messages and ours, oldest first; ``phone`` as in ``phone_key``."""
        await self._require(package_id)
        return await self._store.conversation(package_id, phone_key(phone))

    async def suppressions(self, package_id: str) -> list[Suppression]:
        await self._require(package_id)
        return await self._store.list_suppressions(package_id)

    async def suppress(self, package_id: str, phone: str, actor: str = "api") -> int:
        """Suppresses a number by hand; its queued Open Chat deliveries end skipped."""
        await self._require(package_id)
        n = await self._store.add_suppression(
            package_id, phone_key(phone), "manual", {"by": actor}, self._clock.timestamp(), actor
        )
        self._on_suppressed()
        return n

    async def unsuppress(self, package_id: str, phone: str, actor: str = "api") -> bool:
        """Lifts a suppression; ``False`` when the number was not suppressed."""
        await self._require(package_id)
        return await self._store.remove_suppression(
            package_id, phone_key(phone), self._clock.timestamp(), actor
        )

    async def _require(self, package_id: str) -> None:
        if await self._store.get_package(package_id) is None:
            raise NotFound(NO_PACKAGE(package_id=package_id))


def phone_key(phone: str) -> str:
    """The form a customer's number is stored under (routes, suppressions, conversations):
    E.164 when it reads as an international number, else the text as given."""
    check = check_phone(phone)
    return check.e164 if check.e164 else phone


def _normalise_sender(sender: str | None) -> str | None:
    return phone_key(sender) if sender else None
