"""Why each delivery got its device and its time, and what a campaign's waiting ones wait for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spreader_app.core.clock import Clock
from spreader_app.core.errors import NotFound
from spreader_app.core.models import Delivery
from spreader_app.core.ports import CatalogPort, MessagePort
from spreader_app.core.services.words import NO_PACKAGE
from spreader_app.core.why import Phrase, explain, waiting_by_reason


@dataclass(frozen=True, slots=True)
class Explained:
    """``why`` per delivery id (render with ``core.why.render``) and the message's waiting
    deliveries counted by reason (``core.why.waiting_by_reason``)."""

    why: dict[int, Phrase]
    waiting_by_reason: dict[str, int]


class WhyStore(CatalogPort, MessagePort, Protocol):
    """What the explanations read: the package, its devices' names, the waiting groups."""


class WhyService:
    """Explains deliveries from their decision records, with the devices' names."""

    def __init__(self, store: WhyStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    async def explain(
        self, package_id: str, message_id: str, deliveries: Sequence[Delivery]
    ) -> Explained:
        """Raises ``NotFound`` for an unknown package."""
        package = await self._store.get_package(package_id)
        if package is None:
            raise NotFound(NO_PACKAGE(package_id=package_id))
        names = {p.id: p.name for p in await self._store.list_profiles(package_id)}
        now = self._clock.timestamp()
        why = {
            d.id: explain(d, names=names, package_zone=package.timezone, now=now)
            for d in deliveries
        }
        groups = await self._store.waiting_groups(message_id, now)
        return Explained(why, waiting_by_reason(groups))
