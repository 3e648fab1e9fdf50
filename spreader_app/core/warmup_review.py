"""The daily warm-up review (BAN_SAFETY.md section 2): one stage up, down or back.

Once per local day of the package, each profile of a package with warm-up on is
reviewed against the day before: it advances one stage only when its health is in the OK
band, it used at least half of that day's stage cap and it has no ban evidence; it drops
one stage in AT_RISK, back to stage 1 in CRITICAL, and back 3 stages after 7 days without
sends. A graduated profile only ever drops. Health is judged at the review (the score
is not kept per hour), which is stricter than "OK all day" only when the day ended well.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from spreader_app.core.health_band import HealthBand, health_band
from spreader_app.core.models import Package, PoolEvent, Profile
from spreader_app.core.pool import PoolEventType
from spreader_app.core.rules import DAY, ProfileState
from spreader_app.core.warmup import FIRST_STAGE, GRADUATED, stage_cap

IDLE_DAYS = 7
IDLE_DROP = 3


@dataclass(frozen=True, slots=True)
class StageReview:
    """A profile's review on local day ``day``: its stage from now on, and the event
    when the stage changed (``None``: it stayed)."""

    profile_id: str
    stage: int
    day: date
    event: PoolEvent | None


def next_stage(stage: int, *, used: int, band: HealthBand, ban_evidence: bool, idle: bool) -> int:
    """The stage after one day at ``stage`` in which ``used`` new recipients were reached."""
    if band in (HealthBand.CRITICAL, HealthBand.BANNED):
        return FIRST_STAGE
    if band is HealthBand.AT_RISK:
        return max(FIRST_STAGE, stage - 1)
    if idle:
        return max(FIRST_STAGE, stage - IDLE_DROP)
    cap = stage_cap(stage)
    if cap is None or ban_evidence or 2 * used < cap:
        return stage
    return min(GRADUATED, stage + 1)


def review(
    profile: Profile, package: Package, state: ProfileState, now: float, *, ban_evidence: bool
) -> StageReview | None:
    """The review due for ``profile`` at ``now`` (``None``: done today, or warm-up off)."""
    if not package.warmup_enabled:
        return None
    zone = ZoneInfo(package.timezone)
    today = datetime.fromtimestamp(now, zone).date()
    last = profile.warmup_reviewed_on or _local_day(profile.created_at, zone, today)
    if last >= today:
        return None
    start = datetime.combine(today - timedelta(days=1), time(0), zone).timestamp()
    end = datetime.combine(today, time(0), zone).timestamp()
    contacts = state.contacts
    used = 0
    if contacts is not None:
        times = contacts.first_contacts
        used = bisect_left(times, end) - bisect_left(times, start)
    sent = [t for t in (state.last_send, _ts(profile.last_message_at)) if t is not None]
    since = max(sent) if sent else _ts(profile.created_at)
    idle = since is not None and now - since >= IDLE_DAYS * DAY
    # The worst of yesterday: a stage goes up only after a whole day in the OK band.
    log = state.health_log
    band = health_band(state.status, log.lowest(start, end) if log else state.health)
    stage = next_stage(
        profile.warmup_stage, used=used, band=band, ban_evidence=ban_evidence, idle=idle
    )
    event = None
    if stage != profile.warmup_stage:
        why = _why(profile.warmup_stage, stage, used, band, idle)
        event = PoolEvent(package.id, PoolEventType.STAGE_CHANGED, now, profile.id, why)
    return StageReview(profile.id, stage, today, event)


def _why(old: int, new: int, used: int, band: HealthBand, idle: bool) -> str:
    head = f"Warm-up stage {old} → {new}: "
    if new > old:
        return head + f"reached {used} new recipients yesterday with health OK"
    if band is not HealthBand.OK:
        return head + f"health is {band.value.replace('_', ' ')}"
    return head + (f"no sends for {IDLE_DAYS} days" if idle else "")


def next_midnight(now: float, zone: str) -> float:
    """The next local midnight after ``now`` in ``zone`` (POSIX seconds)."""
    tz = ZoneInfo(zone)
    tomorrow = datetime.fromtimestamp(now, tz).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tz).timestamp()


def _ts(moment: datetime | None) -> float | None:
    return moment.timestamp() if moment is not None else None


def _local_day(moment: datetime | None, zone: ZoneInfo, default: date) -> date:
    return moment.astimezone(zone).date() if moment is not None else default
