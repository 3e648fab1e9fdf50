"""The package list: one row per package with its policy in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any

from PySide6.QtCore import Qt

from spreader_app.core.models import DistributionMode, Package, PackageStatus
from spreader_app.gui.tables.columns import Column
from spreader_app.gui.tables.snapshot_model import SnapshotTableModel

PACKAGE_STATUS_LABELS = {
    PackageStatus.ACTIVE: "Active",
    PackageStatus.INACTIVE: "Inactive",
    PackageStatus.SUSPENDED: "Suspended",
}
DISTRIBUTION_LABELS = {
    DistributionMode.ROUND_ROBIN: "Round robin",
    DistributionMode.SEQUENTIAL: "Sequential",
    DistributionMode.RANDOM: "Random",
    DistributionMode.WEIGHTED: "Weighted",
    DistributionMode.PRIORITY: "Priority",
    DistributionMode.SMART: "Smart",
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def active_hours_text(start: time, end: time, zone: str) -> str:
    """``"08:00–22:00, Africa/Cairo"``; ``"All day, …"`` when start equals end, and
    ``"(crosses midnight)"`` added when the window ends on the next day."""
    if start == end:
        return f"All day, {zone}"
    span = f"{start:%H:%M}–{end:%H:%M}, {zone}"
    return f"{span} (crosses midnight)" if end < start else span


def caps_text(hourly: int, daily: int) -> str:
    """Per-profile caps, e.g. ``"50/h · 500/day"``."""
    return f"{hourly:,}/h · {daily:,}/day"


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


PACKAGE_COLUMNS: list[Column[PackageRow]] = [
    Column("Name", lambda r: r.package.name, tooltip=lambda r: r.package.description),
    Column(
        "Status",
        lambda r: r.package.status,
        display=lambda s: PACKAGE_STATUS_LABELS[s],
        header_tooltip="Only an active package sends Open Chat messages",
    ),
    Column(
        "Distribution",
        lambda r: r.package.distribution_mode,
        display=lambda m: DISTRIBUTION_LABELS[m],
        header_tooltip="How recipients are spread over the package's profiles",
    ),
    Column(
        "Caps per profile",
        _caps,
        display=_caps_display,
        sort_key=lambda v: (v[1], v[0]),
        header_tooltip="Open Chat messages one profile may send per hour and per day",
    ),
    Column(
        "Active hours",
        _hours,
        header_tooltip="When Open Chat messages go out, in the package's time zone",
    ),
    Column(
        "Profiles",
        lambda r: r.profile_count,
        align=_RIGHT,
        sort_key=lambda n: -1 if n is None else n,
        header_tooltip="Devices in the package",
    ),
]


class PackagesTableModel(SnapshotTableModel[PackageRow]):
    """Packages keyed by id; ``apply()`` keeps the selection through reloads."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PACKAGE_COLUMNS, key=lambda r: r.id, parent=parent)
