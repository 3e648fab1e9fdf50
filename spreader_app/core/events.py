"""Engine events and the small synchronous bus that carries them to live views."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from spreader_app.core.models import DeliveryStatus, MessageStatus, ProfileStatus
from spreader_app.core.receiving import TunnelState

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DeliveryRecorded:
    """A delivery reached a new state (sent, failed, retry scheduled, skipped, ...)."""

    message_id: str
    package_id: str
    delivery_id: int
    recipient: str
    profile_id: str | None
    status: DeliveryStatus
    error: str = ""


@dataclass(frozen=True, slots=True)
class MessageProgress:
    message_id: str
    package_id: str
    status: MessageStatus
    total: int
    processed: int
    failed: int


@dataclass(frozen=True, slots=True)
class MessageFinished:
    message_id: str
    package_id: str
    status: MessageStatus
    total: int
    sent: int
    failed: int


@dataclass(frozen=True, slots=True)
class ProfileStatusChanged:
    """A profile's status or health changed; ``reason`` says why in words for the owner."""

    profile_id: str
    package_id: str
    status: ProfileStatus
    health_score: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class PoolChanged:
    """Something happened to a package's pool (``core.pool.PoolEventType``: a block, the
    breaker tripping, a pause); ``factor`` is the pool's factor after it."""

    package_id: str
    type: str
    profile_id: str | None
    state: str
    factor: float
    reason: str = ""


@dataclass(frozen=True, slots=True)
class InboundReceived:
    package_id: str | None
    sender: str | None
    profile_id: str | None
    text: str
    opted_out: bool = False


@dataclass(frozen=True, slots=True)
class ReplySent:
    message_id: str
    package_id: str
    recipient: str
    profile_id: str | None
    status: DeliveryStatus
    rerouted: bool


@dataclass(frozen=True, slots=True)
class TunnelChanged:
    """The tunnel that gives the webhook its public address changed state."""

    state: TunnelState


Event = (
    DeliveryRecorded
    | MessageProgress
    | MessageFinished
    | ProfileStatusChanged
    | PoolChanged
    | InboundReceived
    | ReplySent
    | TunnelChanged
)
Handler = Callable[[Event], None]


class EventBus:
    """Delivers each published event to every subscriber, in order, on the caller's thread.

    A failing subscriber is logged and never breaks the publisher or other subscribers.
    """

    def __init__(self) -> None:
        self._handlers: list[Handler] = []

    def subscribe(self, handler: Handler) -> Callable[[], None]:
        """Adds ``handler``; returns a function that removes it."""
        self._handlers.append(handler)

        def unsubscribe() -> None:
            if handler in self._handlers:
                self._handlers.remove(handler)

        return unsubscribe

    def publish(self, event: Event) -> None:
        for handler in list(self._handlers):
            try:
                handler(event)
            except Exception:
                log.exception("event handler failed for %s", type(event).__name__)
