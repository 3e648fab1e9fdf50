"""The pool breaker in the owner's words: the banner's sentences, the events' names, what
the blocked profiles had in common, and why a campaign's recipients are held.

Plain functions over the ``PoolService`` review, so the banner, the campaign view and the
tests share one wording. Times are the desktop's local clock; numbers and times placed in
a sentence are isolated (``ltr``) for the right-to-left interface, and device names, which
may be Arabic, in either direction (``isolated``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from spreader_app.core.pool import PoolState
from spreader_app.core.pool_common import PoolCommon
from spreader_app.core.rules import HOUR
from spreader_app.core.services.pool import BlockedProfile, PoolReview
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, isolated, ltr, translate
from spreader_app.gui.time_words import clock_text

_C = "PoolBanner"
QUOTE_CHARS = 40

POOL_EVENT_LABELS = TranslatedLabels(
    _C,
    {
        "blocked": QT_TRANSLATE_NOOP("PoolBanner", "Profile blocked"),
        "breaker_tripped": QT_TRANSLATE_NOOP("PoolBanner", "Sending slowed down"),
        "paused": QT_TRANSLATE_NOOP("PoolBanner", "Open Chat paused"),
        "resumed": QT_TRANSLATE_NOOP("PoolBanner", "Open Chat resumed"),
        "released": QT_TRANSLATE_NOOP("PoolBanner", "Held recipients released"),
        "cancelled": QT_TRANSLATE_NOOP("PoolBanner", "Held recipients cancelled"),
        "stage_changed": QT_TRANSLATE_NOOP("PoolBanner", "Warm-up stage changed"),
        "band_changed": QT_TRANSLATE_NOOP("PoolBanner", "Health band changed"),
    },
)


def event_label(kind: str) -> str:
    """An event type in words; a type this version does not know is shown as it is."""
    return POOL_EVENT_LABELS[kind] if kind in POOL_EVENT_LABELS else kind


def _time(at: float, now: float) -> str:
    return ltr(clock_text(datetime.fromtimestamp(at, UTC), datetime.fromtimestamp(now, UTC)))


def percent(factor: float) -> str:
    """A factor as a share of normal speed: ``50%``."""
    return translate("PoolBanner", "{percent}%").format(percent=ltr(round(factor * 100)))


def shows_banner(review: PoolReview | None) -> bool:
    """Whether the owner has something to see or decide: a slowed or paused pool, or held
    recipients."""
    return review is not None and (review.view.state is not PoolState.NORMAL or review.held > 0)


def headline(review: PoolReview) -> str:
    """The pool's state in one line."""
    view = review.view
    banned = bool(review.blocked)
    if view.state is PoolState.PAUSED:
        if len(review.blocked) > 1:
            return translate("PoolBanner", "Open Chat of this package is paused after a second ban")
        return translate(
            "PoolBanner", "Open Chat of this package is paused: two devices' health fell too low"
        )
    if view.state is PoolState.SLOWED:
        if banned:
            text = translate("PoolBanner", "Sending slowed to {percent} of normal after a ban")
        else:
            text = translate(
                "PoolBanner",
                "Sending slowed to {percent} of normal: too many devices' health is low",
            )
        return text.format(percent=percent(view.factor))
    return translate("PoolBanner", "Recipients are held after a ban")


def timing(review: PoolReview, now: float) -> str:
    """Since when, until when, and what ends it."""
    view = review.view
    if view.state is PoolState.PAUSED and view.since is not None:
        text = translate(
            "PoolBanner", "Since {since}. It stays paused until you resume it with a note."
        )
        return text.format(since=_time(view.since, now))
    if view.state is PoolState.SLOWED and view.since is not None and view.until is not None:
        text = translate(
            "PoolBanner", "Every device's caps and pace at {percent} since {since}, until {until}."
        )
        return text.format(
            percent=percent(view.factor),
            since=_time(view.since, now),
            until=_time(view.until, now),
        )
    return ""


def blocked_text(blocked: Sequence[BlockedProfile], now: float) -> str:
    """``Blocked: Phone 1 at 14:05, Phone 2 at 14:20.`` (empty without blocks)."""
    if not blocked:
        return ""
    item = translate("PoolBanner", "{name} at {time}")
    names = translate("PoolBanner", ", ").join(
        item.format(name=isolated(b.name or b.profile_id), time=_time(b.at, now)) for b in blocked
    )
    return translate("PoolBanner", "Blocked: {names}.").format(names=names)


def _quoted(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) > QUOTE_CHARS:
        first = first[: QUOTE_CHARS - 1].rstrip() + "…"
    return translate("PoolBanner", "“{text}”").format(text=first)


def common_text(common: PoolCommon | None, names: dict[str, str], now: float) -> str:
    """What the blocked profiles had in common that the app can see, in one sentence
    (empty when fewer than two were blocked). ``names`` maps profile ids to names."""
    if common is None:
        return ""
    who = translate("PoolBanner", " and ").join(
        isolated(names.get(p) or p) for p in common.profile_ids
    )
    if not common.found:
        text = translate(
            "PoolBanner",
            "{names} had nothing in common that the app can see: different campaigns, "
            "texts and hours.",
        )
        return text.format(names=who)
    parts = [
        translate("PoolBanner", "the campaign {title}").format(title=_quoted(c.text))
        for c in common.campaigns
    ]
    parts += [
        translate("PoolBanner", "the same text {text}").format(text=_quoted(t))
        for t in common.texts
    ]
    parts += [
        translate("PoolBanner", "sending between {start} and {end}").format(
            start=_time(h, now), end=_time(h + HOUR, now)
        )
        for h in common.hours
    ]
    text = translate("PoolBanner", "What {names} had in common: {parts}.")
    return text.format(names=who, parts=translate("PoolBanner", "; ").join(parts))


def held_reason(review: PoolReview | None) -> str:
    """Why a campaign's recipients are held, for the campaign view."""
    if review is None or not review.blocked:
        return translate(
            "PoolBanner",
            "Held after a device of this package was banned; release or cancel them from "
            "the banner above.",
        )
    names = translate("PoolBanner", ", ").join(
        isolated(b.name or b.profile_id) for b in review.blocked
    )
    if review.view.state is PoolState.PAUSED:
        text = translate(
            "PoolBanner",
            "Held because {names} was banned, and Open Chat is paused; release or cancel "
            "them from the banner above.",
        )
    else:
        text = translate(
            "PoolBanner",
            "Held because {names} was banned, and sending is slowed; release or cancel "
            "them from the banner above.",
        )
    return text.format(names=names)
