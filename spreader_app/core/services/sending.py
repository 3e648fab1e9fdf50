"""Open Chat use cases: validate → screen → plan → enqueue; cancel, pause, resume; queries."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from spreader_app.core.chain import package_chain
from spreader_app.core.clock import Clock
from spreader_app.core.content import CONTENT_FIELDS, read_content
from spreader_app.core.errors import Conflict, NoProfileAvailable, NotFound, ValidationFailed
from spreader_app.core.fields import FieldReader
from spreader_app.core.gc_pause import gc_paused
from spreader_app.core.models import (
    Delivery,
    DeliveryStatus,
    Message,
    MessageContent,
    MessageFilter,
    MessageMode,
    MessageStatus,
    NewDelivery,
    Package,
    PackageStatus,
    Profile,
    WaitingStrategy,
)
from spreader_app.core.phones import Screening, screen_recipients
from spreader_app.core.planner import Plan, plan
from spreader_app.core.ports import Store
from spreader_app.core.rules import ProfileState
from spreader_app.core.services.pool import current_pool
from spreader_app.core.services.stats import ProfileLimits, StatsService

MAX_RECIPIENTS = 200_000
OPEN_FIELDS = CONTENT_FIELDS | {"recipients", "options", "region"}
OPTION_FIELDS = {"waiting_strategy", "drip_interval_minutes", "schedule_at"}


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """A validated Open Chat request."""

    content: MessageContent
    recipients: Sequence[object]
    strategy: WaitingStrategy
    drip_interval_minutes: int | None
    schedule_at: datetime | None
    region: str | None


@dataclass(frozen=True, slots=True)
class SkippedRecipient:
    input: str
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class OpenResult:
    message: Message
    accepted: int
    skipped: list[SkippedRecipient]
    distribution: dict[str, list[str]]
    estimated_completion: datetime | None
    limits: list[ProfileLimits]
    notes: list[str]


@dataclass(frozen=True, slots=True)
class OpenPreview:
    """What sending would do, computed without writing anything."""

    screening: Screening
    plan: Plan
    profiles: list[Profile]


def read_open_request(data: Mapping[str, Any]) -> OpenRequest:
    """Parses an Open Chat body (HTTP API and send panel alike); raises ``ValidationFailed``."""
    r = FieldReader(data, allowed=OPEN_FIELDS)
    content = read_content(r)
    recipients = data.get("recipients")
    if not isinstance(recipients, list) or not recipients:
        r.error("recipients", "must be a non-empty list of phone numbers")
        recipients = []
    elif len(recipients) > MAX_RECIPIENTS:
        r.error(
            "recipients",
            f"has {len(recipients)} numbers; the limit is {MAX_RECIPIENTS} per message",
        )
    else:
        for i, value in enumerate(recipients):
            if not isinstance(value, str | int) or isinstance(value, bool):
                r.error(f"recipients[{i}]", "must be a phone number as a string")
                break
    region = r.text("region", None, max_len=2)
    options = data.get("options") or {}
    o = FieldReader(options, prefix="options", allowed=OPTION_FIELDS)
    strategy = o.choice("waiting_strategy", WaitingStrategy, WaitingStrategy.IMMEDIATE)
    drip = o.integer("drip_interval_minutes", None, lo=1, hi=24 * 60)
    if strategy is WaitingStrategy.DRIP and drip is None and not o.has("drip_interval_minutes"):
        o.error(
            "drip_interval_minutes",
            "is required for the drip strategy (minutes between recipients)",
        )
    schedule_at = o.when("schedule_at")
    r.errors.extend(o.errors)
    r.finish("The Open Chat message")
    assert strategy is not None
    return OpenRequest(content, list(recipients), strategy, drip, schedule_at, region)


class SendingService:
    """Open Chat sending and message queries; ``wake`` tells the dispatcher of new work."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        stats: StatsService,
        wake: Callable[[], None],
        *,
        region: Callable[[], str],
    ) -> None:
        self._store = store
        self._clock = clock
        self._stats = stats
        self._wake = wake
        self._region = region

    async def _package(self, package_id: str) -> Package:
        pkg = await self._store.get_package(package_id)
        if pkg is None:
            raise NotFound(f"No package with id {package_id}.")
        return pkg

    async def preview(self, package_id: str, req: OpenRequest) -> OpenPreview:
        """Screens the recipients and plans the send without recording anything."""
        package = await self._package(package_id)
        profiles = await self._store.list_profiles(package_id)
        now = self._clock.timestamp()
        suppressed = await self._store.suppressed_numbers(package_id)
        region = req.region if req.region is not None else self._region()
        loop = asyncio.get_running_loop()
        # Screening and planning are CPU-bound for large lists: keep them off the event loop.
        screening = await loop.run_in_executor(
            None, lambda: screen_recipients(req.recipients, region, suppressed)
        )
        states, start = await self._planning_states(package, profiles, req, now)
        pool = await current_pool(self._store, package_id)
        sticky = await self._store.routes(package_id) if package.sticky_open_chat else {}
        drip = req.drip_interval_minutes * 60.0 if req.drip_interval_minutes else None
        result = await loop.run_in_executor(
            None,
            lambda: plan(
                screening.valid,
                states,
                package_chain(package, pool),
                mode=package.distribution_mode,
                strategy=req.strategy,
                start=start,
                drip_interval=drip,
                sticky=sticky,
                seed=int(now),
                copy_states=False,
            ),
        )
        return OpenPreview(screening, result, profiles)

    async def _planning_states(
        self, package: Package, profiles: list[Profile], req: OpenRequest, now: float
    ) -> tuple[list[ProfileState], float]:
        start = max(now, req.schedule_at.timestamp() if req.schedule_at else now)
        pending: dict[str, list[float]] = {}
        if req.strategy is WaitingStrategy.QUEUED:
            pending = await self._store.pending_planned_times(package.id)
            tail = max((t for times in pending.values() for t in times), default=start)
            start = max(start, tail)
        states = await self._stats.profile_states(package, profiles, now, pending)
        return states, start

    async def send_open(self, package_id: str, req: OpenRequest, actor: str = "api") -> OpenResult:
        """Validates, plans and enqueues an Open Chat message; the dispatcher sends it.

        Raises ``NotFound`` (package), ``Conflict`` (package not active),
        ``ValidationFailed`` (no valid recipient; details per input) and
        ``NoProfileAvailable`` (no profile can send at all). Nothing is written on error.
        """
        package = await self._package(package_id)
        if package.status is not PackageStatus.ACTIVE:
            raise Conflict(
                f"Package {package.name} is {package.status.value}; activate it to send."
            )
        preview = await self.preview(package_id, req)
        screening, result = preview.screening, preview.plan
        skipped = _skipped(screening)
        if not screening.valid:
            raise ValidationFailed(
                "None of the recipients can be messaged; see details for each one.",
                details=[
                    {
                        "field": "recipients",
                        "input": s.input,
                        "reason": s.reason,
                        "message": s.message,
                    }
                    for s in skipped[:1000]
                ],
            )
        if result.unassigned:
            reason = next((i.reason for i in result.items if i.profile_id is None), "")
            raise NoProfileAvailable(
                "No profile of this package can send: add a profile or set one active. "
                f"({reason})".replace(" ()", "")
            )
        now = self._clock.now()
        scheduled = req.schedule_at is not None and req.schedule_at > now
        message = Message(
            id=f"msg_{uuid.uuid4().hex[:16]}",
            package_id=package_id,
            mode=MessageMode.OPEN,
            content=req.content,
            status=MessageStatus.SCHEDULED if scheduled else MessageStatus.QUEUED,
            waiting_strategy=req.strategy,
            drip_interval_minutes=req.drip_interval_minutes,
            scheduled_at=req.schedule_at,
            estimated_completion=_dt(result.estimated_completion),
        )
        # A large campaign's rows take a tenth of a second to build: not on the event loop.
        deliveries = await asyncio.get_running_loop().run_in_executor(
            None, _new_deliveries, result, skipped
        )
        await self._store.create_message(message, deliveries, now.timestamp(), actor)
        self._wake()
        stored = await self._store.get_message(message.id)
        assert stored is not None
        limits = await self._stats.limits(package, preview.profiles, now.timestamp())
        return OpenResult(
            stored,
            len(screening.valid),
            skipped,
            result.distribution,
            _dt(result.estimated_completion),
            limits,
            list(result.notes),
        )

    async def message(self, package_id: str, message_id: str) -> Message:
        msg = await self._store.get_message(message_id)
        if msg is None or msg.package_id != package_id:
            raise NotFound(f"No message {message_id} in package {package_id}.")
        return msg

    async def deliveries(
        self,
        package_id: str,
        message_id: str,
        *,
        status: str | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> tuple[list[Delivery], int]:
        await self.message(package_id, message_id)
        return await self._store.list_deliveries(
            message_id, status=status, limit=limit, offset=offset
        )

    async def messages(self, package_id: str, flt: MessageFilter) -> tuple[list[Message], int]:
        await self._package(package_id)
        return await self._store.list_messages(package_id, flt)

    async def cancel(self, package_id: str, message_id: str, actor: str = "api") -> Message:
        await self.message(package_id, message_id)
        await self._store.cancel_message(message_id, self._clock.timestamp(), actor)
        self._wake()
        return await self.message(package_id, message_id)

    async def pause(self, package_id: str, message_id: str, actor: str = "api") -> Message:
        await self.message(package_id, message_id)
        await self._store.set_paused(message_id, True, self._clock.timestamp(), actor)
        self._wake()
        return await self.message(package_id, message_id)

    async def resume(self, package_id: str, message_id: str, actor: str = "api") -> Message:
        await self.message(package_id, message_id)
        await self._store.set_paused(message_id, False, self._clock.timestamp(), actor)
        self._wake()
        return await self.message(package_id, message_id)


@gc_paused
def _new_deliveries(result: Plan, skipped: list[SkippedRecipient]) -> list[NewDelivery]:
    """The rows to store: one per planned recipient, then one per skipped input.

    Every row lives until it is stored, so the cycle collector is paused: it would only rescan
    them, a gen-2 pass of the whole heap included.
    """
    pending = DeliveryStatus.PENDING
    return [
        NewDelivery(i.recipient, pending, i.profile_id, i.at, " ".join(i.decided_by))
        for i in result.items
    ] + [
        NewDelivery(s.input, DeliveryStatus.SKIPPED, skip_reason=s.reason, error=s.message)
        for s in skipped
    ]


def _skipped(s: Screening) -> list[SkippedRecipient]:
    out = [SkippedRecipient(r.raw, f"invalid:{r.reason.value}", r.message) for r in s.rejected]
    out += [
        SkippedRecipient(d.raw, "duplicate", f"Same number as row {d.first_row + 1}; sent once.")
        for d in s.duplicates
    ]
    out += [
        SkippedRecipient(
            x.raw, "opted_out", "This number opted out or is suppressed in this package."
        )
        for x in s.suppressed
    ]
    return out


def _dt(t: float | None) -> datetime | None:
    return datetime.fromtimestamp(t, UTC) if t is not None else None
