"""One package with profiles and a campaign spread over them, written straight to storage:
the starting point of the tests where several engines share one database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from spreader_app.core.models import (
    DeliveryStatus,
    Message,
    MessageContent,
    MessageMode,
    MessageStatus,
    NewDelivery,
    Package,
    Profile,
)
from spreader_app.storage import catalog_store, message_store
from spreader_app.storage.database import Database


def seed_campaign(db: Database, profiles: Sequence[str], recipients: int, now: float) -> None:
    """Package ``pkg`` with ``profiles`` and, when ``recipients`` > 0, message ``msg`` whose
    pending deliveries go to the profiles in turn, all due at ``now``."""
    created = datetime.fromtimestamp(now, UTC)

    def tx(session: object) -> None:
        catalog_store.add_package(
            session,  # type: ignore[arg-type]
            Package(id="pkg", name="Shop", created_at=created, updated_at=created),
            now,
            "test",
        )
        for pid in profiles:
            profile = Profile(
                id=pid,
                package_id="pkg",
                name=pid,
                zentra_uuid=f"dev-{pid}",
                created_at=created,
                updated_at=created,
            )
            catalog_store.add_profile(session, profile, "ciphertext", now, "test")  # type: ignore[arg-type]
        if not recipients:
            return
        message = Message(
            id="msg",
            package_id="pkg",
            mode=MessageMode.OPEN,
            content=MessageContent(text="Sale"),
            status=MessageStatus.QUEUED,
        )
        deliveries = [
            NewDelivery(
                f"+2010661{n:05d}", DeliveryStatus.PENDING, profiles[n % len(profiles)], now, "rr"
            )
            for n in range(recipients)
        ]
        message_store.create_message(session, message, deliveries, now, "test")  # type: ignore[arg-type]

    db.run_sync(tx)
