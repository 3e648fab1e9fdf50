"""Pool breaker use cases: read the pool, resume a paused pool with a note, release or
cancel held recipients, and list what happened. The owner decides; the engine only holds."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from spreader_app.core import reasons
from spreader_app.core.clock import Clock
from spreader_app.core.errors import Conflict, NotFound, ValidationFailed
from spreader_app.core.health_watch import with_crowd
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import Package, PoolEvent
from spreader_app.core.pool import Pool, PoolEventType, PoolView
from spreader_app.core.pool_common import LOOKBACK, PoolCommon, episode_blocks, what_they_shared
from spreader_app.core.ports import CatalogPort, HealthPort, PoolPort
from spreader_app.core.rules import ProfileState
from spreader_app.core.services.words import NO_PACKAGE
from spreader_app.core.text import Text


class PoolStore(CatalogPort, PoolPort, HealthPort, Protocol):
    """The storage the pool service reads and writes."""


NOTE_LIMIT = 2000
# The most attempts read to compare blocked profiles: a day of a few devices' sends.
COMMON_ATTEMPTS = 20_000


@dataclass(frozen=True, slots=True)
class BlockedProfile:
    """A profile blocked in the pool's current episode: when, and the reason recorded."""

    profile_id: str
    name: str
    at: float
    reason: str


@dataclass(frozen=True, slots=True)
class PoolReview:
    """What the owner needs to decide: the pool, its held deliveries, the profiles blocked
    in this episode (oldest first) and what they had in common (``None``: fewer than two)."""

    view: PoolView
    held: int
    blocked: tuple[BlockedProfile, ...] = ()
    common: PoolCommon | None = None


async def current_pool(store: PoolPort, package_id: str) -> Pool:
    """The package's pool as its stored events give it (``with_crowd`` adds its profiles'
    health)."""
    return Pool.from_events(await store.pool_events(package_id))


def _view_of(pool: Pool, package: Package, now: float) -> PoolView:
    created = package.created_at.timestamp() if package.created_at else None
    return pool.view(now, created)


async def pool_now(store: PoolStore, package_id: str, now: float) -> Pool:
    """The package's pool at ``now``: its events and its profiles' health."""
    profiles = await store.list_profiles(package_id)
    logs = await store.health_logs([p.id for p in profiles], now)
    states = [
        ProfileState(p.id, status=p.status, health=p.health_score, health_log=logs.get(p.id))
        for p in profiles
    ]
    return with_crowd(await current_pool(store, package_id), states, now)


class PoolService:
    """The owner's side of the pool breaker. ``on_change`` tells the engine to re-read the
    pool (a resume or a release takes effect on its next round)."""

    def __init__(self, store: PoolStore, clock: Clock, on_change: Callable[[], None]) -> None:
        self._store = store
        self._clock = clock
        self._on_change = on_change

    async def _package(self, package_id: str) -> Package:
        pkg = await self._store.get_package(package_id)
        if pkg is None:
            raise NotFound(NO_PACKAGE(package_id=package_id))
        return pkg

    async def view(self, package: Package) -> PoolView:
        """The pool of ``package`` now."""
        now = self._clock.timestamp()
        return _view_of(await pool_now(self._store, package.id, now), package, now)

    async def review(self, package: Package) -> PoolReview:
        """The pool of ``package`` now, with its held count, blocked profiles and what they
        had in common (``core.pool_common``)."""
        now = self._clock.timestamp()
        events = await self._store.pool_events(package.id)
        view = _view_of(await pool_now(self._store, package.id, now), package, now)
        held = await self._store.held_count(package.id)
        blocks = episode_blocks(events, now)
        if not blocks:
            return PoolReview(view, held)
        names = {p.id: p.name for p in await self._store.list_profiles(package.id)}
        blocked = tuple(
            BlockedProfile(b.profile_id or "", names.get(b.profile_id or "", ""), b.at, b.reason)
            for b in blocks
        )
        common = None
        if len(blocks) > 1:
            since = min(b.at for b in blocks) - LOOKBACK
            ids = [b.profile_id or "" for b in blocks]
            attempts = await self._store.open_attempts(ids, since, COMMON_ATTEMPTS)
            common = what_they_shared(blocks, attempts, package.timezone)
        return PoolReview(view, held, blocked, common)

    async def review_of(self, package_id: str) -> PoolReview:
        """``review`` by id; raises ``NotFound``."""
        return await self.review(await self._package(package_id))

    async def view_of(self, package_id: str) -> PoolView:
        """``view`` by id; raises ``NotFound``."""
        return await self.view(await self._package(package_id))

    async def resume(
        self, package_id: str, data: Mapping[str, Any], actor: str = "api"
    ) -> PoolView:
        """Resumes a paused pool. ``data["note"]`` must be non-blank text (``ValidationFailed``
        otherwise); raises ``NotFound`` and ``Conflict`` (not paused)."""
        note = data.get("note") if isinstance(data, Mapping) else None
        if not isinstance(note, str) or not note.strip() or len(note) > NOTE_LIMIT:
            raise ValidationFailed(
                Text(
                    "Services",
                    QT_TRANSLATE_NOOP(
                        "Services", "Say why Open Chat may go on: a note is required to resume."
                    ),
                ),
                details=[  # not translated: the field detail, for the API
                    {"field": "note", "message": f"non-blank text, at most {NOTE_LIMIT}"}
                ],
            )
        package = await self._package(package_id)
        if (await current_pool(self._store, package_id)).paused_at is None:
            raise Conflict(
                Text(
                    "Services",
                    QT_TRANSLATE_NOOP("Services", "Open Chat of package {name} is not paused."),
                    name=package.name,
                )
            )
        event = PoolEvent(
            package_id,
            PoolEventType.RESUMED,
            self._clock.timestamp(),
            reason=str(reasons.RESUMED(note=note.strip())),
            note=note.strip(),
        )
        await self._store.add_pool_event(event, actor)
        self._on_change()
        return await self.view(package)

    async def release(self, package_id: str, actor: str = "api") -> int:
        """Sends the held recipients on through the profiles that can send, at the pool's
        current pace; returns how many. Raises ``NotFound``."""
        reason = str(reasons.HELD_RELEASED())
        return await self._settle(package_id, PoolEventType.RELEASED, reason, actor)

    async def cancel(self, package_id: str, actor: str = "api") -> int:
        """Cancels the held recipients; returns how many. Raises ``NotFound``."""
        reason = str(reasons.HELD_CANCELLED())
        return await self._settle(package_id, PoolEventType.CANCELLED, reason, actor)

    async def _settle(self, package_id: str, kind: PoolEventType, reason: str, actor: str) -> int:
        await self._package(package_id)
        event = PoolEvent(package_id, kind, self._clock.timestamp(), reason=reason)
        store = self._store
        settle = store.release_held if kind is PoolEventType.RELEASED else store.cancel_held
        count = await settle(event, actor)
        self._on_change()
        return count

    async def events(self, package_id: str, since: float | None = None) -> list[PoolEvent]:
        """What happened to the pool at or after ``since`` (POSIX seconds), oldest first."""
        await self._package(package_id)
        return await self._store.pool_events(package_id, since)
