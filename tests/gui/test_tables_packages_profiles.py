"""The package and profile table models: what each cell says, colours, and live updates."""

from __future__ import annotations

import dataclasses
from datetime import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from spreader_app.core.models import LimitState, Package, PackageStatus, Profile, ProfileStatus
from spreader_app.core.services.stats import PackageStats, ProfileLimits
from spreader_app.gui.tables.packages_table import (
    PackageRow,
    PackagesTableModel,
    active_hours_text,
    capacity_hint,
    caps_text,
    cooldown_hint,
)
from spreader_app.gui.tables.profiles_table import (
    HOURLY_COLUMN,
    LIMIT_STATE_COLORS,
    STATE_COLUMN,
    ProfileRow,
    ProfilesTableModel,
    countdown_text,
    profile_rows,
)
from spreader_app.gui.tables.snapshot_model import SORT_ROLE, VALUE_ROLE

NOW = 1_750_000_000.0


def plain(text: str) -> str:
    """``text`` with its no-break spaces as plain spaces, for readable expectations."""
    return text.replace("\u00a0", " ")


def _package(pid: str = "pkg_1", **fields: Any) -> Package:
    return dataclasses.replace(Package(id=pid, name="Shop", timezone="Africa/Cairo"), **fields)


def _profile(pid: str, name: str, **fields: Any) -> Profile:
    base = Profile(id=pid, package_id="pkg_1", name=name, zentra_uuid=f"dev-{pid}")
    return dataclasses.replace(base, **fields)


def _limits(pid: str, **fields: Any) -> ProfileLimits:
    base = ProfileLimits(
        profile_id=pid,
        name=pid,
        state=LimitState.ACTIVE,
        hourly_used=0,
        hourly_cap=50,
        daily_used=0,
        daily_cap=500,
        cooldown_remaining=0.0,
        next_send_at=NOW,
        health_score=100,
        status_reason="",
    )
    return dataclasses.replace(base, **fields)


def _text(model: ProfilesTableModel | PackagesTableModel, row: int, header: str) -> str:
    col = [c.header for c in model.columns].index(header)
    return str(model.data(model.index(row, col)))


def test_packages_table_describes_policy_in_words(qtmodeltester: ModelTester) -> None:
    model = PackagesTableModel()
    night = _package(
        "pkg_2",
        name="Night",
        active_hours_start=time(22, 0),
        active_hours_end=time(6, 0),
        status=PackageStatus.SUSPENDED,
    )
    model.apply([PackageRow(_package(), 3), PackageRow(night)])
    qtmodeltester.check(model)
    assert _text(model, 0, "Active hours") == "08:00–22:00, Africa/Cairo"
    assert _text(model, 0, "Caps per profile") == "50/h · 500/day"
    assert _text(model, 0, "Profiles") == "3"
    assert _text(model, 1, "Status") == "Suspended"
    assert _text(model, 1, "Active hours").endswith("(crosses midnight)")
    assert _text(model, 1, "Profiles") == ""


def test_packages_table_apply_updates_in_place(qtmodeltester: ModelTester) -> None:
    model = PackagesTableModel()
    qtmodeltester.check(model)
    model.apply([PackageRow(_package(), 1)])
    model.apply([PackageRow(_package(name="Shop 2"), 2), PackageRow(_package("pkg_3"), 0)])
    assert model.rowCount() == 2
    assert _text(model, 0, "Name") == "Shop 2"
    model.apply([])
    assert model.rowCount() == 0


def test_active_hours_text_says_all_day_and_crossing_midnight() -> None:
    assert active_hours_text(time(8), time(22), "Asia/Riyadh") == "08:00–22:00, Asia/Riyadh"
    assert active_hours_text(time(0), time(0), "UTC") == "All day, UTC"
    assert active_hours_text(time(22), time(6), "UTC") == "22:00–06:00, UTC (crosses midnight)"


def test_caps_text_groups_thousands() -> None:
    assert caps_text(1500, 20000) == "1,500/h · 20,000/day"


def test_cooldown_hint_says_the_gap_per_number() -> None:
    assert cooldown_hint(2) == "2\u00a0s between messages per number."
    assert plain(cooldown_hint(90)) == "1 min 30 s between messages per number."
    assert cooldown_hint(0).startswith("No pause")


def test_capacity_hint_adds_up_the_pool() -> None:
    assert capacity_hint(3, 50, 500) == (
        "3 profiles × 500/day = up to 1,500 messages a day from this package, at most 150 an hour."
    )
    assert capacity_hint(1, 50, 500).startswith("1 profile × 500/day = up to 500")
    assert capacity_hint(0, 50, 500).startswith("Each profile may send up to 500")


def test_packages_table_tooltips_explain_the_policy(qtmodeltester: ModelTester) -> None:
    model = PackagesTableModel()
    model.apply([PackageRow(_package(cooldown_seconds=2), 3)])
    qtmodeltester.check(model)
    tip = model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert "up to 1,500 messages a day" in tip
    assert "2 s between messages per number." in plain(tip)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, ""),
        (0, ""),
        (0.2, "1 s"),
        (3, "3 s"),
        (60, "1 min"),
        (250, "4 min 10 s"),
        (3600, "1 h"),
        (7500, "2 h 5 min"),
    ],
)
def test_countdown_text_reads_like_a_clock(seconds: float | None, text: str) -> None:
    assert plain(countdown_text(seconds)) == text


def test_countdown_text_keeps_numbers_with_their_units() -> None:
    assert countdown_text(250) == "4\u00a0min 10\u00a0s"


def test_profile_rows_join_limits_and_count_down_from_the_snapshot() -> None:
    profiles = [_profile("a", "Phone A"), _profile("b", "Phone B")]
    stats = PackageStats(
        "pkg_1",
        NOW,
        [_limits("a", state=LimitState.COOLDOWN, next_send_at=NOW + 3), _limits("b")],
        {},
    )
    rows = profile_rows(profiles, stats)
    assert [r.wait for r in rows] == [3.0, 0.0]
    assert rows[0].state is LimitState.COOLDOWN
    assert profile_rows(profiles, None)[0].limits is None


def test_profiles_table_shows_use_state_and_colour(qtmodeltester: ModelTester) -> None:
    model = ProfilesTableModel()
    rows = [
        ProfileRow(_profile("a", "Phone A"), _limits("a", hourly_used=12), 0.0),
        ProfileRow(
            _profile(
                "b",
                "Phone B",
                status=ProfileStatus.BLOCKED,
                status_reason="Likely banned: check the number in WhatsApp.",
                health_score=15,
            ),
            _limits("b", state=LimitState.BLOCKED, next_send_at=None),
            None,
        ),
        ProfileRow(_profile("c", "Phone C")),
    ]
    model.apply(rows)
    qtmodeltester.check(model)
    assert _text(model, 0, "Last hour") == "12/50"
    assert model.data(model.index(0, HOURLY_COLUMN), VALUE_ROLE) == (12, 50)
    assert _text(model, 0, "Limits") == "Ready"
    assert _text(model, 1, "Limits") == "Blocked"
    assert _text(model, 1, "Status") == "Blocked"
    assert _text(model, 1, "Health") == "15"
    assert _text(model, 1, "Next send in") == ""
    assert _text(model, 2, "Last hour") == ""
    state = model.index(1, STATE_COLUMN)
    assert (
        model.data(state, Qt.ItemDataRole.ForegroundRole) == LIMIT_STATE_COLORS[LimitState.BLOCKED]
    )
    assert "Likely banned" in model.data(state, Qt.ItemDataRole.ToolTipRole)
    assert rows[1].needs_attention and not rows[0].needs_attention


def test_profiles_table_sorts_use_by_share_of_the_cap(qtmodeltester: ModelTester) -> None:
    model = ProfilesTableModel()
    qtmodeltester.check(model)
    model.apply(
        [
            ProfileRow(_profile("a", "A"), _limits("a", hourly_used=10, hourly_cap=100)),
            ProfileRow(_profile("b", "B"), _limits("b", hourly_used=9, hourly_cap=10)),
        ]
    )
    keys = [model.data(model.index(r, HOURLY_COLUMN), SORT_ROLE) for r in range(2)]
    assert keys == [0.1, 0.9]
    model.apply(
        [
            ProfileRow(_profile("a", "A"), _limits("a", hourly_used=11, hourly_cap=100)),
            ProfileRow(_profile("b", "B"), _limits("b", hourly_used=9, hourly_cap=10)),
        ]
    )
    assert _text(model, 0, "Last hour") == "11/100"


def test_profiles_table_refresh_announces_only_the_cells_that_changed() -> None:
    model = ProfilesTableModel()
    rows = [ProfileRow(_profile(p, f"Phone {p}"), _limits(p), 0.0) for p in "abcd"]
    model.apply(rows)
    spans: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda tl, br, _roles=None: spans.append((tl.row(), tl.column(), br.row(), br.column()))
    )
    # Two profiles sent: their hourly gauges move, nothing else does.
    rows[1] = dataclasses.replace(rows[1], limits=_limits("b", hourly_used=1))
    rows[2] = dataclasses.replace(rows[2], limits=_limits("c", hourly_used=2))
    model.apply(rows)
    assert spans == [(1, HOURLY_COLUMN, 2, HOURLY_COLUMN)]
    assert _text(model, 2, "Last hour") == "2/50"
    # A change no column shows (the reason behind a tooltip) still repaints the rows.
    spans.clear()
    rows[3] = dataclasses.replace(
        rows[3], limits=_limits("d", status_reason="Paused by the gateway")
    )
    model.apply(rows)
    assert spans == [(3, 0, 3, len(model.columns) - 1)]
    model.apply(rows)
    assert len(spans) == 1  # nothing changed: no signal
