"""Reply Chat: an immediate send through the profile the customer talks to.

No Open Chat rule applies and nothing waits behind Open Chat work: the reply is recorded
(``sending``), sent at once, and its outcome is queued for recording ahead of any Open Chat
work; the caller's answer does not wait for that write (every later read sees it). When the
sticky profile cannot send, the reply goes through the best other profile and the route
moves with it. A reply is re-sent through another profile only when the gateway surely did
not deliver it.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from spreader_app.core.clock import Clock
from spreader_app.core.content import CONTENT_FIELDS, read_content
from spreader_app.core.errors import Conflict, NoProfileAvailable, NotFound
from spreader_app.core.events import EventBus, ReplySent
from spreader_app.core.fields import FieldReader
from spreader_app.core.health_score import EMPTY_LOG, answer_deduction
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import (
    DeliveryStatus,
    GatewayResult,
    Message,
    MessageContent,
    MessageMode,
    MessageStatus,
    PackageStatus,
    Profile,
    ProfileStatus,
    ProfileUpdate,
    ReplyContext,
    ReplyPlan,
    SendRequest,
)
from spreader_app.core.outcome_policy import profile_verdict
from spreader_app.core.outcomes import OUTCOMES
from spreader_app.core.phones import check_phone
from spreader_app.core.ports import Gateway, HealthPort, PoolPort, ReplyPort
from spreader_app.core.reply_ban import trip_breaker
from spreader_app.core.services.words import NO_PACKAGE, PACKAGE_STATUS
from spreader_app.core.text import Sentence
from spreader_app.core.tokens import TokenCache

log = logging.getLogger(__name__)

_REPLY = Sentence("Replies", QT_TRANSLATE_NOOP("Replies", "The reply"))
_NOT_WHATSAPP = Sentence("Replies", QT_TRANSLATE_NOOP("Replies", "is not a valid WhatsApp number"))
_INACTIVE = Sentence(
    "Replies", QT_TRANSLATE_NOOP("Replies", "Package {name} is {status}; activate it to reply.")
)
_NO_PROFILE = Sentence(
    "Replies",
    QT_TRANSLATE_NOOP(
        "Replies", "No profile of this package can send a reply: set a profile active or add one."
    ),
)

REPLY_FIELDS = CONTENT_FIELDS | {"recipient", "conversation_id", "region"}


@dataclass(frozen=True, slots=True)
class ReplyRequest:
    content: MessageContent
    recipient: str
    conversation_id: str | None


@dataclass(frozen=True, slots=True)
class ReplyResult:
    message_id: str
    status: DeliveryStatus
    sent_at: datetime | None
    profile_used: str
    delivery_time_ms: float
    rerouted: bool
    error: str


def read_reply_request(data: Mapping[str, Any], default_region: str) -> ReplyRequest:
    """Parses a Reply Chat body; raises ``ValidationFailed`` naming every bad field."""
    r = FieldReader(data, allowed=REPLY_FIELDS)
    content = read_content(r)
    raw = r.text("recipient", None, required=True, min_len=1, max_len=64)
    conversation_id = r.text("conversation_id", None, max_len=128)
    region = r.text("region", default_region, max_len=2) or ""
    recipient = ""
    if raw is not None:
        check = check_phone(raw, region)
        if check.valid and check.e164:
            recipient = check.e164
        else:
            r.error("recipient", check.reason.text if check.reason else _NOT_WHATSAPP())
    r.finish(_REPLY())
    return ReplyRequest(content, recipient, conversation_id)


def _report_unrecorded(recording: asyncio.Future[Any]) -> None:
    if not recording.cancelled() and (exc := recording.exception()) is not None:
        log.error(
            "A reply's outcome could not be recorded; it shows as uncertain after the next start.",
            exc_info=exc,
        )


def _usable(p: Profile, now: float) -> bool:
    if p.status is ProfileStatus.ACTIVE:
        return True
    return (
        p.status is ProfileStatus.COOLDOWN
        and p.paused_until is not None
        and now >= p.paused_until.timestamp()
    )


def _best(profiles: Sequence[Profile], now: float, exclude: set[str]) -> Profile | None:
    able = [p for p in profiles if _usable(p, now) and p.id not in exclude]
    return max(able, key=lambda p: (p.health_score * max(p.weight, 1), p.priority), default=None)


def plan_reply(package_id: str, req: ReplyRequest, context: ReplyContext, now: float) -> ReplyPlan:
    """The reply's decision on what the database holds: the sticky profile when it can
    send, else the best other one. Raises ``NotFound``, ``Conflict`` (package inactive) or
    ``NoProfileAvailable``."""
    package, profiles = context.package, list(context.profiles)
    if package is None:
        raise NotFound(NO_PACKAGE(package_id=package_id))
    if package.status is not PackageStatus.ACTIVE:
        raise Conflict(_INACTIVE(name=package.name, status=PACKAGE_STATUS[package.status]()))
    route = context.route
    sticky = next((p for p in profiles if p.id == route), None) if route else None
    if sticky is not None and _usable(sticky, now):
        return _reply_plan(package_id, req, sticky, profiles, "sticky", rerouted=False)
    best = _best(profiles, now, set())
    if best is None:
        raise NoProfileAvailable(_NO_PROFILE())
    decided = "rerouted" if sticky is not None else "best_profile"
    return _reply_plan(package_id, req, best, profiles, decided, rerouted=sticky is not None)


def _reply_plan(
    package_id: str,
    req: ReplyRequest,
    profile: Profile,
    profiles: list[Profile],
    decided_by: str,
    *,
    rerouted: bool,
) -> ReplyPlan:
    message = Message(
        id=f"msg_{uuid.uuid4().hex[:16]}",
        package_id=package_id,
        mode=MessageMode.REPLY,
        content=req.content,
        status=MessageStatus.PROCESSING,
        conversation_id=req.conversation_id,
        total_recipients=1,
    )
    return ReplyPlan(message, profile, tuple(profiles), decided_by, rerouted)


class ReplyRouterStore(ReplyPort, HealthPort, PoolPort, Protocol):
    """What Reply Chat reads and writes: the reply, the health log of a profile that
    failed, and the pool a ban answered to a reply trips."""


class ReplyRouter:
    """Sends Reply Chat messages; see the module docstring for the guarantees."""

    def __init__(
        self,
        store: ReplyRouterStore,
        gateway: Gateway,
        tokens: TokenCache,
        clock: Clock,
        events: EventBus,
        on_blocked: Callable[[], None] = lambda: None,
    ) -> None:
        self._store = store
        self._gateway = gateway
        self._tokens = tokens
        self._clock = clock
        self._events = events
        # The engine re-reads profiles and the pool after a reply's ban tripped the breaker.
        self._on_blocked = on_blocked

    async def send_reply(self, package_id: str, req: ReplyRequest) -> ReplyResult:
        """Sends now. Raises ``NotFound``, ``Conflict`` (package inactive) or
        ``NoProfileAvailable`` before anything is recorded; after that, every outcome is
        returned (``status`` sent or failed), never raised, and queued for recording."""
        now = self._clock.timestamp()
        # Storage reads, the core decides, storage writes: two short urgent transactions.
        context = await self._store.reply_context(package_id, req.recipient)
        planned = plan_reply(package_id, req, context, now)
        claim = await self._store.begin_reply(
            planned.message, req.recipient, planned.profile.id, planned.decided_by, now
        )
        message, profile, profiles = planned.message, planned.profile, planned.profiles
        rerouted = planned.rerouted
        tried = {profile.id}
        blocked: list[ProfileUpdate] = []
        while True:
            result = await self._call(profile, req)
            if result.accepted or not (OUTCOMES[result.kind].not_sent or result.not_delivered):
                break
            nxt = _best(profiles, self._clock.timestamp(), tried)
            if nxt is None:
                break
            updates = [await self._penalise(profile, result)]
            blocked += _blocked(updates)
            claim = await self._store.reroute_reply(
                message, claim, result, updates, nxt.id, self._clock.timestamp()
            )
            profile, rerouted = nxt, True
            tried.add(nxt.id)
        status = DeliveryStatus.SENT if result.accepted else DeliveryStatus.FAILED
        error = "" if result.accepted else f"{result.kind.value}: {result.detail}"
        update = await self._penalise(profile, result)
        blocked += _blocked([update])
        recording = self._store.finish_reply(
            claim, result, status, error, [update], self._clock.timestamp()
        )
        recording.add_done_callback(_report_unrecorded)
        if blocked:
            now = self._clock.timestamp()
            await trip_breaker(self._store, self._events, package_id, now, blocked, recording)
            self._on_blocked()
        self._events.publish(
            ReplySent(message.id, package_id, req.recipient, profile.id, status, rerouted)
        )
        return ReplyResult(
            message.id,
            status,
            datetime.fromtimestamp(claim.started_at, UTC) if result.accepted else None,
            profile.id,
            result.elapsed_ms,
            rerouted,
            error,
        )

    async def _call(self, profile: Profile, req: ReplyRequest) -> GatewayResult:
        token = await self._tokens.get(profile.id)
        return await self._gateway.send(
            SendRequest(profile.zentra_uuid, token, req.recipient, req.content)
        )

    async def _penalise(self, profile: Profile, result: GatewayResult) -> ProfileUpdate:
        """The answer's verdict on ``profile`` and its health deduction, if any. Reads the
        profile's health log only after a failure: an accepted reply costs nothing."""
        now = self._clock.timestamp()
        found = answer_deduction(profile.id, result.kind, now)
        score = profile.health_score
        if found is not None:
            logs = await self._store.health_logs([profile.id], now)
            score = logs.get(profile.id, EMPTY_LOG).with_deductions((found,)).score(now)
        verdict = profile_verdict(profile.id, score, profile.evidence_run, result, now)
        return replace(verdict, deductions=(found,) if found else ())


def _blocked(updates: Sequence[ProfileUpdate]) -> list[ProfileUpdate]:
    return [u for u in updates if u.status is ProfileStatus.BLOCKED]
