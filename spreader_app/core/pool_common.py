"""What the blocked profiles of a pool had in common that the app can see (BAN_SAFETY.md
section 4): the same campaign, the same text, the same clock hour.

Bans come in clusters, and the owner decides whether Open Chat may go on. The app cannot see
reports or the gateway's side; it can see what each blocked profile sent in the day before
its block. Pure functions over those attempts: the service reads them, the API and the
window show the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from spreader_app.core.models import PoolEvent
from spreader_app.core.pool import PAUSE_WINDOW, Pool, PoolEventType
from spreader_app.core.rules import DAY

# How far back before its block a profile's Open Chat attempts are compared.
LOOKBACK = DAY
# At most this many campaigns, texts and hours each: the banner has room for a few.
MAX_SHARED = 3
# A tripped pool is normal again this long after its last block (``Pool.factor``).
EPISODE = 2 * DAY

T = TypeVar("T", str, float)


@dataclass(frozen=True, slots=True)
class SentAttempt:
    """One Open Chat attempt of a profile: its campaign, the campaign's text (or caption)
    and when it started (POSIX seconds)."""

    profile_id: str
    message_id: str
    text: str
    at: float


@dataclass(frozen=True, slots=True)
class SharedCampaign:
    """A campaign every blocked profile sent; ``text`` is the campaign's text."""

    message_id: str
    text: str


@dataclass(frozen=True, slots=True)
class PoolCommon:
    """What every one of ``profile_ids`` (the blocked profiles, in block order) sent in the
    day before its block; each part most recent first, at most ``MAX_SHARED`` items.

    ``texts`` leaves out the texts of the shared ``campaigns`` (the same campaign is the
    same text); ``hours`` are the starts of the package's local clock hours in which each
    of them sent.
    """

    profile_ids: tuple[str, ...]
    campaigns: tuple[SharedCampaign, ...] = ()
    texts: tuple[str, ...] = ()
    hours: tuple[float, ...] = ()

    @property
    def found(self) -> bool:
        """Whether anything was shared at all."""
        return bool(self.campaigns or self.texts or self.hours)


def episode_blocks(events: Sequence[PoolEvent], now: float) -> list[PoolEvent]:
    """The ``blocked`` events of the pool's current episode, oldest first, one per profile
    (its latest): the blocks within ``PAUSE_WINDOW`` before the pause in force, or before
    the latest block, and any later ones. Empty when the pool is not paused and its last
    block is ``EPISODE`` old or older (the pool is normal again)."""
    pool = Pool.from_events(events)
    if pool.tripped_at is None:
        return []
    if pool.paused_at is None and now - pool.tripped_at >= EPISODE:
        return []
    anchor = pool.paused_at if pool.paused_at is not None else pool.tripped_at
    start = anchor - PAUSE_WINDOW
    latest: dict[str, PoolEvent] = {}
    for event in sorted(events, key=lambda e: e.at):
        if event.type == PoolEventType.BLOCKED and event.at >= start and event.profile_id:
            latest.pop(event.profile_id, None)
            latest[event.profile_id] = event
    return list(latest.values())


def normalized(text: str) -> str:
    """A text as compared: spaces collapsed, case folded."""
    return " ".join(text.split()).casefold()


def hour_start(at: float, zone: ZoneInfo) -> float:
    """The start of the local clock hour of ``zone`` holding ``at``."""
    local = datetime.fromtimestamp(at, zone)
    return local.replace(minute=0, second=0, microsecond=0).timestamp()


def what_they_shared(
    blocks: Sequence[PoolEvent], attempts: Iterable[SentAttempt], zone: str
) -> PoolCommon | None:
    """What every blocked profile of ``blocks`` sent in the ``LOOKBACK`` before its own
    block; ``None`` with fewer than two blocked profiles (nothing to compare).

    ``attempts`` may hold other profiles' and older attempts: they are left out here.
    """
    order = [b.profile_id for b in blocks if b.profile_id]
    if len(order) < 2:
        return None
    window = {b.profile_id: (b.at - LOOKBACK, b.at) for b in blocks if b.profile_id}
    tz = ZoneInfo(zone)
    per_profile: dict[str, tuple[set[str], set[str], set[float]]] = {
        pid: (set(), set(), set()) for pid in order
    }
    latest: dict[tuple[str, str | float], float] = {}
    titles: dict[str, str] = {}  # by message id
    wording: dict[str, str] = {}  # by normalised text: the text as first seen
    for a in attempts:
        span = window.get(a.profile_id)
        if span is None or not span[0] <= a.at <= span[1]:
            continue
        ids, texts, hours = per_profile[a.profile_id]
        text = normalized(a.text)
        hour = hour_start(a.at, tz)
        ids.add(a.message_id)
        texts.add(text)
        hours.add(hour)
        titles.setdefault(a.message_id, a.text)
        wording.setdefault(text, a.text)
        for key in (("m", a.message_id), ("t", text), ("h", hour)):
            latest[key] = max(latest.get(key, a.at), a.at)
    sets = list(per_profile.values())
    shared_ids = set.intersection(*(s[0] for s in sets))
    shared_texts = set.intersection(*(s[1] for s in sets))
    shared_hours = set.intersection(*(s[2] for s in sets))
    shared_texts -= {normalized(titles[m]) for m in shared_ids}

    def recent(kind: str, keys: set[T]) -> list[T]:
        return sorted(keys, key=lambda k: -latest[(kind, k)])[:MAX_SHARED]

    return PoolCommon(
        tuple(order),
        tuple(SharedCampaign(m, titles[m]) for m in recent("m", shared_ids)),
        tuple(wording[t] for t in recent("t", shared_texts)),
        tuple(recent("h", shared_hours)),
    )
