"""Open Chat use cases: validate → screen → plan → enqueue; cancel, pause, resume; queries."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from spreader_app.core.chain import chain_quiet, package_chain
from spreader_app.core.clock import Clock
from spreader_app.core.content import CONTENT_FIELDS, personal_text, read_content
from spreader_app.core.errors import Conflict, NoProfileAvailable, NotFound, ValidationFailed
from spreader_app.core.fields import FieldReader
from spreader_app.core.gc_pause import gc_paused
from spreader_app.core.health_watch import with_crowd
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
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
from spreader_app.core.personalise import (
    OnMissing,
    Personalised,
    Problem,
    RecipientList,
    personalise,
    read_recipients,
)
from spreader_app.core.phones import Screening, screen_recipients
from spreader_app.core.plan_result import Plan
from spreader_app.core.planner import plan
from spreader_app.core.ports import CatalogPort, MessagePort, PoolPort, RoutePort, SuppressionPort
from spreader_app.core.recipient_zones import ZoneResolver
from spreader_app.core.rules import ProfileState
from spreader_app.core.services.pool import current_pool
from spreader_app.core.services.stats import ProfileLimits, StatsService
from spreader_app.core.services.templates import TemplateService
from spreader_app.core.services.words import (
    NO_MESSAGE,
    NO_PACKAGE,
    NO_PROFILE_CAN_SEND,
    NO_PROFILE_CAN_SEND_BECAUSE,
    OPTED_OUT,
    PACKAGE_STATUS,
    SAME_NUMBER,
)
from spreader_app.core.template import Renderer, parse
from spreader_app.core.text import Text


class SendingStore(CatalogPort, MessagePort, SuppressionPort, RoutePort, PoolPort, Protocol):
    """The storage Open Chat sending uses."""


MAX_RECIPIENTS = 200_000
OPEN_FIELDS = CONTENT_FIELDS | {"recipients", "options", "region", "template_id"}
OPTION_FIELDS = {
    "waiting_strategy",
    "drip_interval_minutes",
    "schedule_at",
    "on_missing",
    "fallbacks",
}


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """A validated Open Chat request; ``content`` is empty until a ``template_id`` is read."""

    content: MessageContent
    recipients: Sequence[object]
    strategy: WaitingStrategy
    drip_interval_minutes: int | None
    schedule_at: datetime | None
    region: str | None
    variables: RecipientList | None = None
    template_id: str | None = None
    on_missing: OnMissing = OnMissing.REFUSE
    fallbacks: Mapping[str, str] | None = None

    @property
    def recipient_list(self) -> RecipientList:
        return self.variables or RecipientList(list(self.recipients))


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
    """What sending would do, computed without writing anything: ``content`` is what is sent
    (a template's, when the request named one) and ``personal`` each recipient's own text."""

    screening: Screening
    plan: Plan
    profiles: list[Profile]
    personal: Personalised
    content: MessageContent
    # Each recipient's time zone (core.recipient_zones), as the plan used it.
    zones: ZoneResolver = field(default_factory=ZoneResolver)


def read_open_request(data: Mapping[str, Any]) -> OpenRequest:
    """Parses an Open Chat body (HTTP API and send panel alike); raises ``ValidationFailed``."""
    r = FieldReader(data, allowed=OPEN_FIELDS)
    template_id = r.text("template_id", None, max_len=64)
    if template_id is None:
        content = read_content(r)
    elif given := sorted(CONTENT_FIELDS & set(data)):
        r.error(
            given[0],
            Text(
                "Fields",
                QT_TRANSLATE_NOOP(
                    "Fields", "comes from the template; give either template_id or the content"
                ),
            ),
        )
        content = MessageContent()
    else:
        content = MessageContent()
    recipients = data.get("recipients")
    variables = RecipientList([])
    if not isinstance(recipients, list) or not recipients:
        r.error(
            "recipients",
            Text(
                "Fields", QT_TRANSLATE_NOOP("Fields", "must be a non-empty list of phone numbers")
            ),
        )
    elif len(recipients) > MAX_RECIPIENTS:
        r.error(
            "recipients",
            Text(
                "Fields",
                QT_TRANSLATE_NOOP(
                    "Fields", "has {count} numbers; the limit is {limit} per message"
                ),
                count=len(recipients),
                limit=MAX_RECIPIENTS,
            ),
        )
    else:
        variables = read_recipients(r, recipients)
    region = r.text("region", None, max_len=2)
    options = data.get("options") or {}
    o = FieldReader(options, prefix="options", allowed=OPTION_FIELDS)
    strategy = o.choice("waiting_strategy", WaitingStrategy, WaitingStrategy.IMMEDIATE)
    drip = o.integer("drip_interval_minutes", None, lo=1, hi=24 * 60)
    if strategy is WaitingStrategy.DRIP and drip is None and not o.has("drip_interval_minutes"):
        o.error(
            "drip_interval_minutes",
            Text(
                "Fields",
                QT_TRANSLATE_NOOP(
                    "Fields", "is required for the drip strategy (minutes between recipients)"
                ),
            ),
        )
    schedule_at = o.when("schedule_at")
    on_missing = o.choice("on_missing", OnMissing, OnMissing.REFUSE) or OnMissing.REFUSE
    fallbacks = options.get("fallbacks") if isinstance(options, Mapping) else None
    if fallbacks is not None and not (
        isinstance(fallbacks, Mapping)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in fallbacks.items())
    ):
        o.error(
            "fallbacks",
            Text(
                "Fields",
                QT_TRANSLATE_NOOP("Fields", "must map variable names to texts, e.g. {example}"),
                example='{"name": "customer"}',
            ),
        )
    r.errors.extend(o.errors)
    r.finish(Text("Fields", QT_TRANSLATE_NOOP("Fields", "The Open Chat message")))
    assert strategy is not None
    return OpenRequest(
        content,
        variables.numbers,
        strategy,
        drip,
        schedule_at,
        region,
        variables if variables.rows is not None else None,
        template_id,
        on_missing,
        fallbacks,
    )


class SendingService:
    """Open Chat sending and message queries; ``wake`` tells the dispatcher of new work."""

    def __init__(
        self,
        store: SendingStore,
        clock: Clock,
        stats: StatsService,
        wake: Callable[[], None],
        *,
        region: Callable[[], str],
        templates: TemplateService,
    ) -> None:
        self._store = store
        self._clock = clock
        self._stats = stats
        self._wake = wake
        self._region = region
        self._templates = templates

    async def _package(self, package_id: str) -> Package:
        pkg = await self._store.get_package(package_id)
        if pkg is None:
            raise NotFound(NO_PACKAGE(package_id=package_id))
        return pkg

    async def preview(self, package_id: str, req: OpenRequest) -> OpenPreview:
        """Screens the recipients, renders their texts and plans the send without recording
        anything. Raises ``ValidationFailed`` for an unknown template or variable."""
        package = await self._package(package_id)
        content = req.content
        if req.template_id is not None:
            content = (await self._templates.get(package_id, req.template_id)).content
        text, limit = personal_text(content)
        recipients = req.recipient_list
        renderer = Renderer(parse(text), recipients.columns, req.fallbacks)
        profiles = await self._store.list_profiles(package_id)
        now = self._clock.timestamp()
        suppressed = await self._store.suppressed_numbers(package_id)
        region = req.region if req.region is not None else self._region()
        loop = asyncio.get_running_loop()
        # Screening and planning are CPU-bound for large lists: keep them off the event loop.
        screening = await loop.run_in_executor(
            None, lambda: screen_recipients(req.recipients, region, suppressed)
        )
        personal = await loop.run_in_executor(
            None, personalise, renderer, recipients, screening, limit
        )
        excluded = personal.excluded
        valid = [p for p in screening.valid if p not in excluded] if excluded else screening.valid
        states, start = await self._planning_states(package, profiles, req, now)
        pool = with_crowd(await current_pool(self._store, package_id), states, now)
        sticky = await self._store.routes(package_id) if package.sticky_open_chat else {}
        drip = req.drip_interval_minutes * 60.0 if req.drip_interval_minutes else None
        chain = package_chain(package, pool)
        quiet = chain_quiet(chain)
        zones = quiet.resolver if quiet else ZoneResolver(dict(package.recipient_zones))
        result = await loop.run_in_executor(
            None,
            lambda: plan(
                valid,
                states,
                chain,
                mode=package.distribution_mode,
                strategy=req.strategy,
                start=start,
                drip_interval=drip,
                sticky=sticky,
                seed=int(now),
                copy_states=False,
            ),
        )
        return OpenPreview(screening, result, profiles, personal, content, zones)

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
                Text(
                    "Services",
                    QT_TRANSLATE_NOOP(
                        "Services", "Package {name} is {status}; activate it to send."
                    ),
                    name=package.name,
                    status=PACKAGE_STATUS[package.status](),
                )
            )
        preview = await self.preview(package_id, req)
        screening, result, personal = preview.screening, preview.plan, preview.personal
        if personal.missing and req.on_missing is OnMissing.REFUSE:
            raise _refused(personal.missing, req.recipients)
        skipped = _skipped(screening) + [
            SkippedRecipient(_raw(req.recipients, p.row), p.reason, p.message)
            for p in personal.missing + personal.too_long
        ]
        if not result.items:
            raise ValidationFailed(
                Text(
                    "Services",
                    QT_TRANSLATE_NOOP(
                        "Services",
                        "None of the recipients can be messaged; see details for each one.",
                    ),
                ),
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
                NO_PROFILE_CAN_SEND_BECAUSE(reason=reason) if reason else NO_PROFILE_CAN_SEND()
            )
        now = self._clock.now()
        scheduled = req.schedule_at is not None and req.schedule_at > now
        message = Message(
            id=f"msg_{uuid.uuid4().hex[:16]}",
            package_id=package_id,
            mode=MessageMode.OPEN,
            content=preview.content,
            status=MessageStatus.SCHEDULED if scheduled else MessageStatus.QUEUED,
            waiting_strategy=req.strategy,
            drip_interval_minutes=req.drip_interval_minutes,
            scheduled_at=req.schedule_at,
            estimated_completion=_dt(result.estimated_completion),
        )
        # A large campaign's rows take a tenth of a second to build: not on the event loop.
        deliveries = await asyncio.get_running_loop().run_in_executor(
            None, _new_deliveries, result, skipped, personal.texts, preview.zones
        )
        await self._store.create_message(message, deliveries, now.timestamp(), actor)
        self._wake()
        stored = await self._store.get_message(message.id)
        assert stored is not None
        limits = await self._stats.limits(package, preview.profiles, now.timestamp())
        return OpenResult(
            stored,
            len(result.items),
            skipped,
            result.distribution,
            _dt(result.estimated_completion),
            limits,
            list(result.notes),
        )

    async def message(self, package_id: str, message_id: str) -> Message:
        msg = await self._store.get_message(message_id)
        if msg is None or msg.package_id != package_id:
            raise NotFound(NO_MESSAGE(message_id=message_id, package_id=package_id))
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
def _new_deliveries(
    result: Plan, skipped: list[SkippedRecipient], texts: dict[str, str], zones: ZoneResolver
) -> list[NewDelivery]:
    """The rows to store: one per planned recipient (with its own text when the message is
    personalised, its decision record and its time zone), then one per skipped input.

    Every row lives until it is stored, so the cycle collector is paused: it would only rescan
    them, a gen-2 pass of the whole heap included.
    """
    pending, text, zone = DeliveryStatus.PENDING, texts.get, zones.zone
    return [
        NewDelivery(
            i.recipient,
            pending,
            i.profile_id,
            i.at,
            " ".join(i.decided_by),
            "",
            "",
            text(i.recipient),
            i.decision or None,
            (z := zone(i.recipient)).key,
            z.source.value,
        )
        for i in result.items
    ] + [
        NewDelivery(s.input, DeliveryStatus.SKIPPED, skip_reason=s.reason, error=s.message)
        for s in skipped
    ]


def _skipped(s: Screening) -> list[SkippedRecipient]:
    out = [SkippedRecipient(r.raw, f"invalid:{r.reason.value}", r.message) for r in s.rejected]
    out += [
        SkippedRecipient(d.raw, "duplicate", str(SAME_NUMBER(row=d.first_row + 1)))
        for d in s.duplicates
    ]
    out += [SkippedRecipient(x.raw, "opted_out", str(OPTED_OUT())) for x in s.suppressed]
    return out


def _raw(recipients: Sequence[object], row: int) -> str:
    return str(recipients[row])


def _refused(missing: list[Problem], recipients: Sequence[object]) -> ValidationFailed:
    """Nothing is sent when a recipient would get an empty variable: the rows are named, with
    the two ways out (skip them, or give a fallback)."""
    rows = ", ".join(str(p.row + 1) for p in missing[:10]) + (" …" if len(missing) > 10 else "")
    return ValidationFailed(
        Text(
            "Services",
            QT_TRANSLATE_NOOP(
                "Services",
                "{count} recipients have an empty variable and no fallback (rows {rows}); "
                "nothing was sent. Fill those values, write a fallback as {example}, set "
                'options.fallbacks, or set options.on_missing to "skip" to send to the others.',
            ),
            count=f"{len(missing):,}",
            rows=rows,
            example="{name | customer}",  # not translated: the template syntax itself
        ),
        details=[
            {
                "field": f"recipients[{p.row}]",
                "row": p.row + 1,
                "input": _raw(recipients, p.row),
                "reason": p.reason,
                "message": p.message,
            }
            for p in missing[:1000]
        ],
    )


def _dt(t: float | None) -> datetime | None:
    return datetime.fromtimestamp(t, UTC) if t is not None else None
