"""One sentence from a delivery's decision record: why this device, why now (issue 19).

Counts first, then the winner and its rule, then what set the time, as schedulers explain
themselves: "3 of 5 devices could send: 1 hourly cap reached (50/50 until 14:10), 1 blocked
→ Sales phone 2 by round robin; waits 40 s for its cooldown".

The sentence is a ``Phrase``: an English template marked with ``QT_TRANSLATE_NOOP("Why", …)``
(so lupdate collects it) and named parameters, which may be phrases or lists of them, a
gateway's failure read back as a ``core.text.Text`` (``core.gateway_words``), or a
``Zone``. The API shows ``render(phrase)`` (English); the interface passes its translator,
``isolate=True`` so numbers, times and device names keep their order in Arabic text, and a
``city`` naming zones in its language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Union
from zoneinfo import ZoneInfo

from spreader_app.core.bidi import first_strong_isolated
from spreader_app.core.decision import DecisionRecord, read_record
from spreader_app.core.gateway_words import delivery_error
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import Delivery, DeliveryStatus
from spreader_app.core.services.words import skipped_reason
from spreader_app.core.text import Text

CONTEXT = "Why"

Value = Union[str, int, Text, "Zone", "Phrase", "list[Phrase]"]


@dataclass(frozen=True, slots=True)
class Zone:
    """A time zone named inside a sentence: ``str()`` is its city in English, as the API
    writes it (``Asia/Riyadh`` → ``Riyadh``); ``iana`` lets a reader name it in its own
    language."""

    iana: str

    def __str__(self) -> str:
        return self.iana.split("/")[-1].replace("_", " ") or "?"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A template (English source text) and its parameters."""

    template: str
    params: Mapping[str, Value] = field(default_factory=dict)


Translate = Callable[[str, str], str]


def render(
    phrase: Phrase,
    translate: Translate | None = None,
    *,
    isolate: bool = False,
    city: Callable[[str], str | None] | None = None,
) -> str:
    """The phrase as text: translated by ``translate(context, text)`` when given, with every
    plain parameter in a first-strong isolate when ``isolate`` (right-to-left layouts), and
    a ``Zone`` named by ``city(iana)`` when that knows it (else its English city)."""
    tr = translate or (lambda _c, text: text)

    def token(text: str) -> str:
        return first_strong_isolated(text) if isolate else text

    def value(v: Value) -> str:
        if isinstance(v, Phrase):
            return render(v, translate, isolate=isolate, city=city)
        if isinstance(v, list):
            return tr(CONTEXT, LIST_SEPARATOR).join(value(p) for p in v)
        if isinstance(v, Text):
            return v.render(tr, token)
        if isinstance(v, Zone):
            return token((city(v.iana) if city is not None else None) or str(v))
        return token(str(v))

    return tr(CONTEXT, phrase.template).format(**{k: value(v) for k, v in phrase.params.items()})


LIST_SEPARATOR = QT_TRANSLATE_NOOP("Why", ", ")

# What excluded devices, by exclusion tag (core.decision.exclusion_tag).
_EXCLUDED = {
    "hourly_cap": QT_TRANSLATE_NOOP("Why", "{count} hourly cap reached ({cap}/{cap})"),
    "daily_cap": QT_TRANSLATE_NOOP("Why", "{count} daily cap reached ({cap}/{cap})"),
    "warmup": QT_TRANSLATE_NOOP("Why", "{count} warm-up limit reached ({cap} new a day)"),
    "unanswered": QT_TRANSLATE_NOOP("Why", "{count} unanswered budget used up"),
    "blocked": QT_TRANSLATE_NOOP("Why", "{count} blocked"),
    "inactive": QT_TRANSLATE_NOOP("Why", "{count} inactive"),
    "paused": QT_TRANSLATE_NOOP("Why", "{count} paused after device trouble"),
    "active_hours": QT_TRANSLATE_NOOP("Why", "{count} outside active hours"),
    "pool": QT_TRANSLATE_NOOP("Why", "{count} held by the pool breaker"),
}
_EXCLUDED_UNTIL = {
    "hourly_cap": QT_TRANSLATE_NOOP(
        "Why", "{count} hourly cap reached ({cap}/{cap} until {until})"
    ),
    "daily_cap": QT_TRANSLATE_NOOP("Why", "{count} daily cap reached ({cap}/{cap} until {until})"),
}
_OTHER = QT_TRANSLATE_NOOP("Why", "{count} held by {rule}")
# What chose the device.
_CHOSEN_BY = {
    "round_robin": QT_TRANSLATE_NOOP("Why", "round robin"),
    "sequential": QT_TRANSLATE_NOOP("Why", "sequential"),
    "random": QT_TRANSLATE_NOOP("Why", "random choice"),
    "weighted": QT_TRANSLATE_NOOP("Why", "weight"),
    "priority": QT_TRANSLATE_NOOP("Why", "priority"),
    "smart": QT_TRANSLATE_NOOP("Why", "smart choice"),
    "sticky": QT_TRANSLATE_NOOP("Why", "its earlier conversation"),
    "failover": QT_TRANSLATE_NOOP("Why", "failover"),
    "released": QT_TRANSLATE_NOOP("Why", "release by the owner"),
}
# What set the time, most telling first (also the order of ``waiting_by_reason``).
_WAITS_FOR = {
    "quiet_hours": QT_TRANSLATE_NOOP("Why", "quiet hours in {zone}"),
    "active_hours": QT_TRANSLATE_NOOP("Why", "the package's active hours"),
    "status": QT_TRANSLATE_NOOP("Why", "the device to be available"),
    "pool": QT_TRANSLATE_NOOP("Why", "the pool breaker"),
    "daily_cap": QT_TRANSLATE_NOOP("Why", "the daily cap"),
    "hourly_cap": QT_TRANSLATE_NOOP("Why", "the hourly cap"),
    "warmup": QT_TRANSLATE_NOOP("Why", "the warm-up limit"),
    "unanswered": QT_TRANSLATE_NOOP("Why", "the unanswered budget"),
    "cooldown": QT_TRANSLATE_NOOP("Why", "its cooldown"),
}
REASONS = tuple(_WAITS_FOR)
_COULD = QT_TRANSLATE_NOOP("Why", "{able} of {total} devices could send")
_COULD_BECAUSE = QT_TRANSLATE_NOOP("Why", "{able} of {total} devices could send: {excluded}")
_CHOSEN = QT_TRANSLATE_NOOP("Why", "{counts} → {device} by {rule}")
_WAITS = QT_TRANSLATE_NOOP("Why", "{chosen}; waits {duration} for {reasons}")
_WAITS_UNTIL = QT_TRANSLATE_NOOP("Why", "{chosen}; waits until {time} for {reasons}")
_DUE = QT_TRANSLATE_NOOP("Why", "{chosen}; due now")
_RETRY = QT_TRANSLATE_NOOP("Why", "Try {attempt} failed ({error}); retries at {time}")
_SENT = QT_TRANSLATE_NOOP("Why", "Sent by {device} at {time}")
_SENDING = QT_TRANSLATE_NOOP("Why", "Being sent by {device}")
_FAILED = QT_TRANSLATE_NOOP("Why", "Failed: {error}")
_SKIPPED = QT_TRANSLATE_NOOP("Why", "Skipped: {reason}")
_CANCELLED = QT_TRANSLATE_NOOP("Why", "Cancelled before it was sent")
_HELD = QT_TRANSLATE_NOOP("Why", "Held: its device was banned; release it to send")
_UNCERTAIN = QT_TRANSLATE_NOOP(
    "Why", "Uncertain: the app stopped while this was being sent; check before sending again"
)
_NO_RECORD = QT_TRANSLATE_NOOP("Why", "Planned for {device} at {time} (planned before records)")
_UNASSIGNED = QT_TRANSLATE_NOOP("Why", "Waiting for a device that can send")
_SECONDS = QT_TRANSLATE_NOOP("Why", "{n} s")
_MINUTES = QT_TRANSLATE_NOOP("Why", "{n} min")
_HOURS = QT_TRANSLATE_NOOP("Why", "{h} h {m} min")
_DAYS = QT_TRANSLATE_NOOP("Why", "{n} days")
_TOMORROW = QT_TRANSLATE_NOOP("Why", "tomorrow {time}")


def explain(
    d: Delivery,
    *,
    names: Mapping[str, str],
    package_zone: str,
    now: float,
) -> Phrase:
    """The sentence for one delivery. ``names`` maps profile ids to device names; times are
    shown in the package's zone, a quiet-hours wait in the recipient's."""
    device = names.get(d.profile_id or "", d.profile_id or "?")
    zone = ZoneInfo(package_zone)
    status = d.status
    if status is DeliveryStatus.SENT and d.sent_at is not None:
        return Phrase(_SENT, {"device": device, "time": _when(d.sent_at.timestamp(), now, zone)})
    if status is DeliveryStatus.SENDING:
        return Phrase(_SENDING, {"device": device})
    if status is DeliveryStatus.FAILED:
        return Phrase(_FAILED, {"error": delivery_error(d.error) if d.error else "?"})
    if status is DeliveryStatus.SKIPPED:
        return Phrase(_SKIPPED, {"reason": skipped_reason(d.error) if d.error else d.skip_reason})
    if status is DeliveryStatus.CANCELLED:
        return Phrase(_CANCELLED)
    if status is DeliveryStatus.HELD:
        return Phrase(_HELD)
    if status is DeliveryStatus.UNCERTAIN:
        return Phrase(_UNCERTAIN)
    at = d.not_before.timestamp() if d.not_before is not None else None
    if d.profile_id is None or at is None:
        return Phrase(_UNASSIGNED)
    if d.attempt_count and d.error:
        return Phrase(
            _RETRY,
            {
                "attempt": d.attempt_count,
                "error": delivery_error(d.error),
                "time": _when(at, now, zone),
            },
        )
    record = read_record(d.decision)
    if record is None:
        return Phrase(_NO_RECORD, {"device": device, "time": _when(at, now, zone)})
    words = d.decided_by.split()
    rule = _chooser(record, words)
    chosen = Phrase(
        _CHOSEN,
        {"counts": _counts(record, now, zone), "device": device, "rule": Phrase(_CHOSEN_BY[rule])},
    )
    if at <= now:
        return Phrase(_DUE, {"chosen": chosen})
    reasons = [r for r in REASONS if r in record.constraints or r in words]
    shown = [_waits_for(r, d) for r in reasons] or [Phrase(_WAITS_FOR["cooldown"])]
    if "quiet_hours" in reasons and d.recipient_zone:
        local = ZoneInfo(d.recipient_zone.split()[0])
        return Phrase(
            _WAITS_UNTIL, {"chosen": chosen, "time": _when(at, now, local), "reasons": shown}
        )
    if at - now < 3600:
        return Phrase(_WAITS, {"chosen": chosen, "duration": _duration(at - now), "reasons": shown})
    return Phrase(_WAITS_UNTIL, {"chosen": chosen, "time": _when(at, now, zone), "reasons": shown})


def wait_reason(decided_by: str, decision: str | None) -> str:
    """The one thing a pending delivery waits for, for ``waiting_by_reason``: the most
    telling of the rules that set its time (``REASONS`` order), else ``"cooldown"``."""
    words = decided_by.split()
    record = read_record(decision)
    constraints = record.constraints if record is not None else ()
    return next((r for r in REASONS if r in constraints or r in words), "cooldown")


def _chooser(record: DecisionRecord, words: Sequence[str]) -> str:
    for word in reversed(words):
        if word in _CHOSEN_BY:
            return word
    return record.chosen_by if record.chosen_by in _CHOSEN_BY else "round_robin"


def _counts(record: DecisionRecord, now: float, zone: ZoneInfo) -> Phrase:
    params: dict[str, Value] = {"able": record.able, "total": record.candidates}
    if not record.excluded:
        return Phrase(_COULD, params)
    caps = [x for x in record.excluded if x.rule in _EXCLUDED_UNTIL and x.cap is not None]
    parts: list[Phrase] = []
    for x in record.excluded:
        values: dict[str, Value] = {"count": x.count, "cap": x.cap if x.cap is not None else "?"}
        if x.rule in _EXCLUDED_UNTIL and len(caps) == 1 and record.room_at is not None:
            values["until"] = _when(record.room_at, now, zone)
            parts.append(Phrase(_EXCLUDED_UNTIL[x.rule], values))
        elif x.rule in _EXCLUDED:
            parts.append(Phrase(_EXCLUDED[x.rule], values))
        else:
            parts.append(Phrase(_OTHER, {"count": x.count, "rule": x.rule}))
    return Phrase(_COULD_BECAUSE, {**params, "excluded": parts})


def _waits_for(reason: str, d: Delivery) -> Phrase:
    if reason == "quiet_hours":
        place = (d.recipient_zone or "").split()[0] if d.recipient_zone else ""
        return Phrase(_WAITS_FOR[reason], {"zone": Zone(place) if place else "?"})
    return Phrase(_WAITS_FOR[reason])


def _duration(seconds: float) -> Phrase:
    s = max(0, int(round(seconds)))
    if s < 120:
        return Phrase(_SECONDS, {"n": s})
    if s < 3600:
        return Phrase(_MINUTES, {"n": s // 60})
    if s < 2 * 86400:
        return Phrase(_HOURS, {"h": s // 3600, "m": s % 3600 // 60})
    return Phrase(_DAYS, {"n": s // 86400})


def _when(t: float, now: float, zone: ZoneInfo) -> Value:
    """``14:10`` today, ``tomorrow 09:00``, else ``2026-12-09 09:00`` (in ``zone``)."""
    local = datetime.fromtimestamp(t, UTC).astimezone(zone)
    today = datetime.fromtimestamp(now, UTC).astimezone(zone).date()
    clock = f"{local:%H:%M}"
    days = (local.date() - today).days
    if days <= 0:
        return clock
    if days == 1:
        return Phrase(_TOMORROW, {"time": clock})
    return f"{local:%Y-%m-%d %H:%M}"


def waiting_by_reason(groups: Sequence[tuple[str, str | None, int]]) -> dict[str, int]:
    """Waiting deliveries counted by ``wait_reason`` from ``(decided_by, recipient_zone,
    count)`` groups; quiet hours per zone (``"quiet_hours:Asia/Riyadh"``). Largest first."""
    counts: dict[str, int] = {}
    for decided_by, zone, count in groups:
        reason = wait_reason(decided_by, None)
        if reason == "quiet_hours" and zone:
            reason = f"{reason}:{zone.split()[0]}"
        counts[reason] = counts.get(reason, 0) + count
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
