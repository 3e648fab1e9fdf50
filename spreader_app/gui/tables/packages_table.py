"""The package list, and the package policy in words (shared with the package editor)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any

from PySide6.QtCore import QObject, Qt

from spreader_app.core.models import DistributionMode, Package, PackageStatus
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, ltr, translate
from spreader_app.gui.tables.columns import Column
from spreader_app.gui.tables.profiles_table import countdown_text
from spreader_app.gui.tables.snapshot_model import SnapshotTableModel

_CONTEXT = "PackagesTable"
PACKAGE_STATUS_LABELS = TranslatedLabels(
    _CONTEXT,
    {
        PackageStatus.ACTIVE: QT_TRANSLATE_NOOP("PackagesTable", "Active"),
        PackageStatus.INACTIVE: QT_TRANSLATE_NOOP("PackagesTable", "Inactive"),
        PackageStatus.SUSPENDED: QT_TRANSLATE_NOOP("PackagesTable", "Suspended"),
    },
)
DISTRIBUTION_LABELS = TranslatedLabels(
    _CONTEXT,
    {
        DistributionMode.ROUND_ROBIN: QT_TRANSLATE_NOOP("PackagesTable", "Round robin"),
        DistributionMode.SEQUENTIAL: QT_TRANSLATE_NOOP("PackagesTable", "Sequential"),
        DistributionMode.RANDOM: QT_TRANSLATE_NOOP("PackagesTable", "Random"),
        DistributionMode.WEIGHTED: QT_TRANSLATE_NOOP("PackagesTable", "Weighted"),
        DistributionMode.PRIORITY: QT_TRANSLATE_NOOP("PackagesTable", "Priority"),
        DistributionMode.SMART: QT_TRANSLATE_NOOP("PackagesTable", "Smart"),
    },
)
STATUS_HINTS = TranslatedLabels(
    _CONTEXT,
    {
        PackageStatus.ACTIVE: QT_TRANSLATE_NOOP(
            "PackagesTable", "Sends Open Chat messages and replies."
        ),
        PackageStatus.INACTIVE: QT_TRANSLATE_NOOP(
            "PackagesTable", "Sends nothing: no Open Chat messages and no replies."
        ),
        PackageStatus.SUSPENDED: QT_TRANSLATE_NOOP(
            "PackagesTable", "Held: sends nothing until it is set active again."
        ),
    },
)
DISTRIBUTION_HINTS = TranslatedLabels(
    _CONTEXT,
    {
        DistributionMode.ROUND_ROBIN: QT_TRANSLATE_NOOP("PackagesTable", "Each profile in turn."),
        DistributionMode.SEQUENTIAL: QT_TRANSLATE_NOOP(
            "PackagesTable", "Fill one profile to its caps, then the next."
        ),
        DistributionMode.RANDOM: QT_TRANSLATE_NOOP(
            "PackagesTable", "A random profile for each recipient."
        ),
        DistributionMode.WEIGHTED: QT_TRANSLATE_NOOP(
            "PackagesTable", "In proportion to each profile's weight."
        ),
        DistributionMode.PRIORITY: QT_TRANSLATE_NOOP(
            "PackagesTable", "Profiles with the highest priority first."
        ),
        DistributionMode.SMART: QT_TRANSLATE_NOOP(
            "PackagesTable",
            "Weight × health × room left: healthy profiles with room send more.",
        ),
    },
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def active_hours_text(start: time, end: time, zone: str) -> str:
    """``"08:00–22:00, Africa/Cairo"``; ``"All day, …"`` when start equals end, and
    ``"(crosses midnight)"`` added when the window ends on the next day."""
    if start == end:
        return translate("PackagesTable", "All day, {zone}").format(zone=ltr(zone))
    span = translate("PackagesTable", "{hours}, {zone}").format(
        hours=ltr(f"{start:%H:%M}–{end:%H:%M}"), zone=ltr(zone)
    )
    if end < start:
        return translate("PackagesTable", "{hours} (crosses midnight)").format(hours=span)
    return span


def caps_text(hourly: int, daily: int) -> str:
    """Per-profile caps, e.g. ``"50/h · 500/day"``."""
    return translate("PackagesTable", "{hourly}/h · {daily}/day").format(
        hourly=f"{hourly:,}", daily=f"{daily:,}"
    )


def cooldown_hint(seconds: int) -> str:
    """``"2 s between messages per number."``, or that there is no pause at all."""
    if seconds <= 0:
        return translate("PackagesTable", "No pause between two messages of one number.")
    return translate("PackagesTable", "{pause} between messages per number.").format(
        pause=countdown_text(seconds)
    )


def capacity_hint(profiles: int, hourly: int, daily: int) -> str:
    """What the per-profile caps add up to for the whole pool, in words."""
    if profiles <= 0:
        return translate(
            "PackagesTable",
            "Each profile may send up to {daily} messages a day and {hourly} an hour; "
            "add profiles to this package to use them.",
        ).format(daily=f"{daily:,}", hourly=f"{hourly:,}")
    return (
        PackageCounts()
        .pool(profiles)
        .format(
            daily=f"{daily:,}",
            pool_daily=f"{profiles * daily:,}",
            pool_hourly=f"{profiles * hourly:,}",
        )
    )


class PackageCounts(QObject):
    """This module's texts with a count: lupdate reads the plural forms of a count only
    from ``tr()`` in a class, so they are methods here."""

    def pool(self, profiles: int) -> str:
        return self.tr(
            "%n profile(s) × {daily}/day = up to {pool_daily} messages a day "
            "from this package, at most {pool_hourly} an hour.",
            "",
            profiles,
        )


@dataclass(frozen=True)
class PackageRow:
    """A package and, when it was cheap to count, how many profiles it has."""

    package: Package
    profile_count: int | None = None

    @property
    def id(self) -> str:
        return self.package.id


def _caps(row: PackageRow) -> tuple[int, int]:
    p = row.package
    return (p.max_messages_per_profile_per_hour, p.max_messages_per_profile_per_day)


def _hours(row: PackageRow) -> str:
    p = row.package
    return active_hours_text(p.active_hours_start, p.active_hours_end, p.timezone)


def _caps_display(value: Any) -> str:
    hourly, daily = value
    return caps_text(hourly, daily)


def _caps_tooltip(row: PackageRow) -> str:
    p = row.package
    pool = capacity_hint(
        row.profile_count or 0,
        p.max_messages_per_profile_per_hour,
        p.max_messages_per_profile_per_day,
    )
    return f"{pool}\n{cooldown_hint(p.cooldown_seconds)}"


PACKAGE_COLUMNS: list[Column[PackageRow]] = [
    Column(
        QT_TRANSLATE_NOOP("Column", "Name"),
        lambda r: r.package.name,
        tooltip=lambda r: r.package.description,
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Status"),
        lambda r: r.package.status,
        display=lambda s: PACKAGE_STATUS_LABELS[s],
        tooltip=lambda r: STATUS_HINTS[r.package.status],
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "Only an active package sends Open Chat messages"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Distribution"),
        lambda r: r.package.distribution_mode,
        display=lambda m: DISTRIBUTION_LABELS[m],
        tooltip=lambda r: DISTRIBUTION_HINTS[r.package.distribution_mode],
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "How recipients are spread over the package's profiles"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Caps per profile"),
        _caps,
        display=_caps_display,
        sort_key=lambda v: (v[1], v[0]),
        tooltip=_caps_tooltip,
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "Open Chat messages one profile may send per hour and per day"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Active hours"),
        _hours,
        header_tooltip=QT_TRANSLATE_NOOP(
            "Column", "When Open Chat messages go out, in the package's time zone"
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("Column", "Profiles"),
        lambda r: r.profile_count,
        align=_RIGHT,
        sort_key=lambda n: -1 if n is None else n,
        header_tooltip=QT_TRANSLATE_NOOP("Column", "Devices in the package"),
    ),
]


class PackagesTableModel(SnapshotTableModel[PackageRow]):
    """Packages keyed by id; ``apply()`` keeps the selection through reloads."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PACKAGE_COLUMNS, key=lambda r: r.id, parent=parent)
