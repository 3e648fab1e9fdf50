"""Serialisation details users see in every answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from spreader_app.server.schemas import iso


def test_iso_is_utc_with_z() -> None:
    cairo = timezone(timedelta(hours=3))
    assert iso(datetime(2024, 2, 8, 21, 10, tzinfo=cairo)) == "2024-02-08T18:10:00Z"
    assert iso(datetime(2024, 2, 8, 18, 45, 12, 123456, tzinfo=UTC)) == "2024-02-08T18:45:12.123Z"
    assert iso(1707417912.5) == "2024-02-08T18:45:12.500Z"
    assert iso(None) is None
