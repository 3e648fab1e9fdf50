"""A profile's protection in words: its health band and the reasons behind the score, its
warm-up stage, its unanswered budget and the share of its caps and pace it has now.

Plain functions over ``ProfileLimits`` (``StatsService``), shared by the profiles table's
tooltips and the selected profile's gauges panel.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from spreader_app.core.health_band import HealthBand
from spreader_app.core.outcomes import HealthReason
from spreader_app.core.services.stats import ProfileLimits
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, ltr, translate
from spreader_app.gui.pool_words import percent
from spreader_app.gui.time_words import clock_text

_C = "ProfileGauges"
# Warm-up stages before graduation (BAN_SAFETY.md section 2): stage 10 is graduated.
LAST_STAGE = 9
MAX_REASONS = 5

HEALTH_BAND_LABELS = TranslatedLabels(
    _C,
    {
        HealthBand.OK: QT_TRANSLATE_NOOP("ProfileGauges", "OK"),
        HealthBand.AT_RISK: QT_TRANSLATE_NOOP("ProfileGauges", "At risk"),
        HealthBand.CRITICAL: QT_TRANSLATE_NOOP("ProfileGauges", "Critical"),
        HealthBand.BANNED: QT_TRANSLATE_NOOP("ProfileGauges", "Banned"),
    },
)
# The reason codes behind a health deduction (``core.outcomes.HealthReason``); a code this
# version does not know is shown as it is.
HEALTH_REASON_LABELS = TranslatedLabels(
    _C,
    {
        HealthReason.DISCONNECTED.value: QT_TRANSLATE_NOOP("ProfileGauges", "device disconnected"),
        HealthReason.BANNED.value: QT_TRANSLATE_NOOP("ProfileGauges", "gateway said banned"),
        HealthReason.AUTH_ERROR.value: QT_TRANSLATE_NOOP(
            "ProfileGauges", "token refused or device unknown to the gateway"
        ),
        HealthReason.RATE_LIMITED.value: QT_TRANSLATE_NOOP("ProfileGauges", "rate limited"),
        HealthReason.REJECTED.value: QT_TRANSLATE_NOOP("ProfileGauges", "send rejected"),
        HealthReason.BAN_EVIDENCE.value: QT_TRANSLATE_NOOP(
            "ProfileGauges", "ban evidence: another device reached its recipient"
        ),
        HealthReason.OPT_OUT.value: QT_TRANSLATE_NOOP("ProfileGauges", "a customer opted out"),
    },
)


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)


def health_reason_lines(reasons: Sequence[Any], now: float) -> list[str]:
    """Each reason behind a health score as ``rate limited −5 (14:05)``, newest first, at
    most ``MAX_REASONS``. ``reasons`` are items with ``reason``, ``points`` and ``at``
    (POSIX seconds), as objects or mappings (the stats' ``health_reasons``)."""
    items = sorted(reasons, key=lambda r: -float(_field(r, "at") or 0.0))[:MAX_REASONS]
    lines = []
    today = datetime.fromtimestamp(now, UTC)
    for r in items:
        code = str(_field(r, "reason") or "")
        words = HEALTH_REASON_LABELS[code] if code in HEALTH_REASON_LABELS else code
        # Every reason is a deduction: shown as the points it takes off, whatever the sign.
        points = abs(float(_field(r, "points") or 0))
        signed = f"−{points:g}"
        at = _field(r, "at")
        if at is None:
            text = translate("ProfileGauges", "{reason} {points}")
            lines.append(text.format(reason=words, points=ltr(signed)))
            continue
        when = ltr(clock_text(datetime.fromtimestamp(float(at), UTC), today))
        text = translate("ProfileGauges", "{reason} {points} ({time})")
        lines.append(text.format(reason=words, points=ltr(signed), time=when))
    return lines


def health_line(limits: ProfileLimits) -> str:
    """``Health 62 of 100 · At risk``."""
    text = translate("ProfileGauges", "Health {score} of 100 · {band}")
    return text.format(score=ltr(limits.health_score), band=HEALTH_BAND_LABELS[limits.health_band])


def reasons_text(limits: ProfileLimits, now: float) -> str:
    """The reasons behind the score, or why there are none to show."""
    reasons: Sequence[Any] = getattr(limits, "health_reasons", None) or ()
    lines = health_reason_lines(reasons, now)
    if not lines:
        return translate("ProfileGauges", "No deductions in the last 24 hours.")
    return translate("ProfileGauges", "Why: {reasons}").format(
        reasons=translate("ProfileGauges", "; ").join(lines)
    )


def warmup_line(limits: ProfileLimits) -> str:
    """``Warm-up stage 3 · 28/45 new today · next stage tomorrow if health stays OK``."""
    cap = limits.new_recipients_cap
    if cap is None:
        return translate(
            "ProfileGauges", "Warmed up: only the package's caps apply to new recipients."
        )
    used = limits.new_recipients_used
    stage = limits.warmup_stage
    # One isolate for "28/45": two would let a right-to-left line swap them.
    head = translate("ProfileGauges", "Warm-up stage {stage} · {count} new today").format(
        stage=ltr(stage), count=ltr(f"{used:,}/{cap:,}")
    )
    half = (cap + 1) // 2
    if used < half:
        tail = translate(
            "ProfileGauges", "next stage after a day with at least {half} new and health OK"
        )
        tail = tail.format(half=ltr(f"{half:,}"))
    elif stage >= LAST_STAGE:
        tail = translate("ProfileGauges", "graduates tomorrow if health stays OK")
    else:
        tail = translate("ProfileGauges", "next stage tomorrow if health stays OK")
    return f"{head} · {tail}"


def unanswered_line(limits: ProfileLimits) -> str:
    """``Unanswered in 30 days: 120 of 1,000`` or that the budget is off."""
    if not limits.unanswered_cap:
        return translate("ProfileGauges", "Unanswered budget: off for this package.")
    text = translate("ProfileGauges", "Unanswered in 30 days: {used} of {cap}")
    return text.format(
        used=ltr(f"{limits.unanswered_used:,}"), cap=ltr(f"{limits.unanswered_cap:,}")
    )


def pace_line(limits: ProfileLimits, pool_factor: float) -> str:
    """The share of its caps and pace the profile has now, and what set it."""
    if limits.factor >= 1.0:
        return translate("ProfileGauges", "Caps and pace: normal.")
    slowed = pool_factor < 1.0
    below_ok = limits.health_band in (HealthBand.AT_RISK, HealthBand.CRITICAL)
    if slowed and below_ok:
        text = translate(
            "ProfileGauges",
            "Caps and pace at {percent}: the package's devices are slowed, and its health is low.",
        )
    elif slowed:
        text = translate(
            "ProfileGauges",
            "Caps and pace at {percent}: the package's devices are slowed (see the banner).",
        )
    else:
        text = translate("ProfileGauges", "Caps and pace at {percent}: health is below OK.")
    return text.format(percent=percent(limits.factor))
