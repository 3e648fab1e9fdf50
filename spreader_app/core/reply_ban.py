"""A ban answered to a Reply Chat send trips the pool breaker as an Open Chat ban does
(BAN_SAFETY.md section 4). The reply itself has gone its way; only Open Chat is held back."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from typing import Any

from spreader_app.core.events import EventBus, PoolChanged, ProfileStatusChanged
from spreader_app.core.models import ProfileStatus, ProfileUpdate
from spreader_app.core.pool import Pool, breaker_events
from spreader_app.core.ports import PoolPort


async def trip_breaker(
    store: PoolPort,
    events: EventBus,
    package_id: str,
    at: float,
    blocked: Sequence[ProfileUpdate],
    recording: asyncio.Future[Any],
) -> None:
    """Records the breaker's events for each ``blocked`` profile of ``package_id`` and
    tells the owner. Waits for ``recording`` (the reply's own write, which blocks the
    profile) first, so the engine re-reading after this sees the block; a failed write is
    reported by its own callback."""
    with contextlib.suppress(Exception):
        await asyncio.shield(recording)
    history = await store.pool_events(package_id)
    for update in blocked:
        reason = update.status_reason or ""
        events.publish(
            ProfileStatusChanged(
                update.profile_id, package_id, ProfileStatus.BLOCKED, update.health_score, reason
            )
        )
        for event in breaker_events(history, package_id, update.profile_id, reason, at):
            await store.add_pool_event(event, "engine")
            history.append(event)
            view = Pool.from_events(history).view(at)
            events.publish(
                PoolChanged(
                    package_id, event.type, event.profile_id, view.state.value, view.factor, reason
                )
            )
