"""Profile rows with live limits: usage gauges, the wait until the next send, the limit state.

A row joins a ``Profile`` with its ``ProfileLimits`` from ``StatsService.package_stats``.
Gauge columns put a ``(used, cap)`` pair (health: a fraction) in ``VALUE_ROLE`` for the
``GaugeDelegate``; the text they show comes from the column's formatter as usual.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from spreader_app.core.health_band import HealthBand
from spreader_app.core.models import LimitState, Profile, ProfileStatus
from spreader_app.core.phones import display
from spreader_app.core.services.stats import PackageStats, ProfileLimits
from spreader_app.gui.gauge_words import reasons_text
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, shown_reason, translate
from spreader_app.gui.tables.columns import Column
from spreader_app.gui.tables.snapshot_model import SnapshotTableModel

_CONTEXT = "ProfilesTable"
PROFILE_STATUS_LABELS = TranslatedLabels(
    _CONTEXT,
    {
        ProfileStatus.ACTIVE: QT_TRANSLATE_NOOP("ProfilesTable", "Active"),
        ProfileStatus.INACTIVE: QT_TRANSLATE_NOOP("ProfilesTable", "Inactive"),
        ProfileStatus.BLOCKED: QT_TRANSLATE_NOOP("ProfilesTable", "Blocked"),
        ProfileStatus.COOLDOWN: QT_TRANSLATE_NOOP("ProfilesTable", "Paused"),
    },
)
LIMIT_STATE_LABELS = TranslatedLabels(
    _CONTEXT,
    {
        LimitState.ACTIVE: QT_TRANSLATE_NOOP("ProfilesTable", "Ready"),
        LimitState.COOLDOWN: QT_TRANSLATE_NOOP("ProfilesTable", "Cooling down"),
        LimitState.LIMIT_REACHED: QT_TRANSLATE_NOOP("ProfilesTable", "Limit reached"),
        LimitState.OUTSIDE_HOURS: QT_TRANSLATE_NOOP("ProfilesTable", "Outside active hours"),
        LimitState.BLOCKED: QT_TRANSLATE_NOOP("ProfilesTable", "Blocked"),
        LimitState.INACTIVE: QT_TRANSLATE_NOOP("ProfilesTable", "Inactive"),
    },
)
LIMIT_STATE_HINTS = TranslatedLabels(
    _CONTEXT,
    {
        LimitState.ACTIVE: QT_TRANSLATE_NOOP("ProfilesTable", "Can send an Open Chat message now."),
        LimitState.COOLDOWN: QT_TRANSLATE_NOOP(
            "ProfilesTable", "Waiting: the pause between messages, or the device is paused."
        ),
        LimitState.LIMIT_REACHED: QT_TRANSLATE_NOOP(
            "ProfilesTable", "The hourly or daily cap is used up; room frees as time passes."
        ),
        LimitState.OUTSIDE_HOURS: QT_TRANSLATE_NOOP(
            "ProfilesTable", "Outside the package's active hours."
        ),
        LimitState.BLOCKED: QT_TRANSLATE_NOOP(
            "ProfilesTable", "Likely banned; select it to see why and how to bring it back."
        ),
        LimitState.INACTIVE: QT_TRANSLATE_NOOP(
            "ProfilesTable", "Set inactive: it sends nothing until set active again."
        ),
    },
)
HEALTH_BAND_HINTS = TranslatedLabels(
    _CONTEXT,
    {
        HealthBand.OK: QT_TRANSLATE_NOOP("ProfilesTable", "OK: sends normally."),
        HealthBand.AT_RISK: QT_TRANSLATE_NOOP(
            "ProfilesTable", "At risk: its caps and pace are halved until health recovers."
        ),
        HealthBand.CRITICAL: QT_TRANSLATE_NOOP(
            "ProfilesTable", "Critical: no Open Chat until health recovers."
        ),
        HealthBand.BANNED: QT_TRANSLATE_NOOP(
            "ProfilesTable", "Banned: out of rotation until you set it active again."
        ),
    },
)
# Text colours readable on both the light and the dark palette; "inactive" and "outside
# hours" keep the normal text colour because nothing is wrong with them.
LIMIT_STATE_COLORS = {
    LimitState.ACTIVE: QColor("#2e9d5b"),
    LimitState.COOLDOWN: QColor("#c77700"),
    LimitState.LIMIT_REACHED: QColor("#c77700"),
    LimitState.BLOCKED: QColor("#d64545"),
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def countdown_text(seconds: float | None) -> str:
    """``"3 s"``, ``"4 min 10 s"``, ``"2 h 5 min"`` (no-break spaces, so a wrapped hint
    never parts a number from its unit); empty for ``None`` or no wait."""
    if seconds is None or seconds <= 0:
        return ""
    s = math.ceil(seconds)
    hours = translate("ProfilesTable", "{n}\u00a0h")
    minutes = translate("ProfilesTable", "{n}\u00a0min")
    secs = translate("ProfilesTable", "{n}\u00a0s")
    if s < 60:
        parts = [(s, secs)]
    elif s < 3600:
        parts = [(s // 60, minutes), (s % 60, secs)]
    else:
        parts = [(s // 3600, hours), (s % 3600 // 60, minutes)]
    return " ".join(unit.format(n=n) for n, unit in parts if n)


@dataclass(frozen=True)
class ProfileRow:
    """A profile, its limits (``None`` until the first stats snapshot) and the wait, in
    seconds, until it may send the next Open Chat message (``None``: it cannot send)."""

    profile: Profile
    limits: ProfileLimits | None = None
    wait: float | None = None
    pool_factor: float = 1.0  # the package's pool factor (``PackageStats.pool``)

    @property
    def id(self) -> str:
        return self.profile.id

    @property
    def state(self) -> LimitState | None:
        return self.limits.state if self.limits is not None else None

    @property
    def hourly(self) -> tuple[int, int] | None:
        lim = self.limits
        return (lim.hourly_used, lim.hourly_cap) if lim is not None else None

    @property
    def daily(self) -> tuple[int, int] | None:
        lim = self.limits
        return (lim.daily_used, lim.daily_cap) if lim is not None else None

    @property
    def warmup(self) -> tuple[int, int, int] | None:
        """(stage, new recipients in 24 h, stage cap) while warming up, else ``None``."""
        lim = self.limits
        if lim is None or lim.new_recipients_cap is None:
            return None
        return (lim.warmup_stage, lim.new_recipients_used, lim.new_recipients_cap)

    @property
    def unanswered(self) -> tuple[int, int] | None:
        lim = self.limits
        return (lim.unanswered_used, lim.unanswered_cap) if lim and lim.unanswered_cap else None

    @property
    def needs_attention(self) -> bool:
        """The engine (or the owner) stopped this profile and said why."""
        return self.profile.status is not ProfileStatus.ACTIVE and bool(self.profile.status_reason)


def profile_rows(profiles: list[Profile], stats: PackageStats | None) -> list[ProfileRow]:
    """Joins profiles with their limits by id; the wait counts from ``stats.at``."""
    limits = {lim.profile_id: lim for lim in stats.profiles} if stats is not None else {}
    rows = []
    for p in profiles:
        lim = limits.get(p.id)
        wait = None
        if stats is not None and lim is not None and lim.next_send_at is not None:
            wait = max(0.0, lim.next_send_at - stats.at)
        factor = stats.pool.factor if stats is not None else 1.0
        rows.append(ProfileRow(p, lim, wait, factor))
    return rows


def _usage_display(value: Any) -> str:
    used, cap = value
    return f"{used:,}/{cap:,}"


def _usage_key(value: Any) -> float:
    used, cap = value
    return used / cap if cap > 0 else 1.0


def _usage_tooltip(what: str) -> Any:
    def tip(row: ProfileRow) -> str:
        pair = getattr(row, what)
        if pair is None:
            return ""
        used, cap = pair
        if what == "hourly":
            text = translate(
                "ProfilesTable", "{used} of {cap} Open Chat messages in the last 60 minutes"
            )
        else:
            text = translate(
                "ProfilesTable", "{used} of {cap} Open Chat messages in the last 24 hours"
            )
        return text.format(used=f"{used:,}", cap=f"{cap:,}")

    return tip


def _warmup_display(value: Any) -> str:
    if value is None:
        return translate("ProfilesTable", "Graduated")
    stage, used, cap = value
    return translate("ProfilesTable", "Stage {stage} · {used}/{cap} new").format(
        stage=stage, used=f"{used:,}", cap=f"{cap:,}"
    )


def _warmup_tooltip(row: ProfileRow) -> str:
    if row.warmup is None:
        return translate(
            "ProfilesTable", "Warmed up: only the package's caps apply to new recipients."
        )
    stage, used, cap = row.warmup
    return translate(
        "ProfilesTable",
        "Warm-up stage {stage}: {used} of {cap} new recipients in the last 24 hours."
        " Next stage tomorrow if health stays OK and at least half is used.",
    ).format(stage=stage, used=f"{used:,}", cap=f"{cap:,}")


def _health_tooltip(row: ProfileRow) -> str:
    text = translate("ProfilesTable", "Health {score} of 100").format(
        score=row.profile.health_score
    )
    if row.limits is None:
        return text
    reasons = reasons_text(row.limits, time.time())
    return f"{text}\n{HEALTH_BAND_HINTS[row.limits.health_band]}\n{reasons}"


def _state_tooltip(row: ProfileRow) -> str:
    if row.state is None:
        return ""
    hint = LIMIT_STATE_HINTS[row.state]
    reason = shown_reason(row.profile.status_reason)
    return f"{hint}\n{reason}" if reason else hint


PROFILE_COLUMNS: list[Column[ProfileRow]] = [
    Column(QT_TRANSLATE_NOOP("Column", "Name"), lambda r: r.profile.name),
    Column(
        QT_TRANSLATE_NOOP("Column", "Device"),
        lambda r: r.profile.zentra_uuid,
        display=display,
        header_tooltip=QT_TRANSLATE_NOOP("Column", "The device UUID in the Zentra dashboard"),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Status"),
        lambda r: r.profile.status,
        display=lambda s: PROFILE_STATUS_LABELS[s],
        tooltip=lambda r: shown_reason(r.profile.status_reason),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Priority"),
        lambda r: r.profile.priority,
        align=_RIGHT,
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "Higher first in the priority distribution mode"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Weight"),
        lambda r: r.profile.weight,
        align=_RIGHT,
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "Share of recipients in the weighted and smart modes"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Health"),
        lambda r: r.profile.health_score / 100,
        display=lambda f: f"{round(f * 100)}",
        tooltip=_health_tooltip,
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "Falls with failed sends and ban evidence; 100 is healthy"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Last hour"),
        lambda r: r.hourly,
        display=_usage_display,
        sort_key=lambda v: -1.0 if v is None else _usage_key(v),
        tooltip=_usage_tooltip("hourly"),
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "Open Chat messages sent in the last 60 minutes, of the hourly cap"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Last 24 h"),
        lambda r: r.daily,
        display=_usage_display,
        sort_key=lambda v: -1.0 if v is None else _usage_key(v),
        tooltip=_usage_tooltip("daily"),
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "Open Chat messages sent in the last 24 hours, of the daily cap"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Next send in"),
        lambda r: r.wait,
        display=countdown_text,
        align=_RIGHT,
        sort_key=lambda w: math.inf if w is None else w,
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column",
            "Time until the next Open Chat message may go out (cooldown, caps or active hours)",
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Limits"),
        lambda r: r.state,
        display=lambda s: LIMIT_STATE_LABELS[s],
        sort_key=lambda s: "" if s is None else str(s),
        tooltip=_state_tooltip,
        header_tooltip=QT_TRANSLATE_NOOP("Column", "What the profile can do right now"),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Warm-up"),
        lambda r: r.warmup,
        display=_warmup_display,
        sort_key=lambda v: 99 if v is None else v[0],
        tooltip=_warmup_tooltip,
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "New numbers reach a few new people a day, more each good day"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Unanswered (30 days)"),
        lambda r: r.unanswered,
        display=lambda v: translate("ProfilesTable", "Off") if v is None else _usage_display(v),
        sort_key=lambda v: -1.0 if v is None else _usage_key(v),
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column",
            "Open Chat messages in 30 days to people who have not written back, of the budget",
        ),
    ),
]
HEALTH_COLUMN = 5
HOURLY_COLUMN = 6
DAILY_COLUMN = 7
STATE_COLUMN = 9


class ProfilesTableModel(SnapshotTableModel[ProfileRow]):
    """Profiles of one package, keyed by id; the limit state is coloured by severity."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PROFILE_COLUMNS, key=lambda r: r.id, parent=parent)

        self.set_role(Qt.ItemDataRole.ForegroundRole, _state_color)


def _state_color(row: ProfileRow, column: int) -> Any:
    if column == STATE_COLUMN and row.state is not None:
        return LIMIT_STATE_COLORS.get(row.state)
    return None
