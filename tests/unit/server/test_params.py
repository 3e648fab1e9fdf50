"""Query strings and API-only bodies: clear 422s with field paths."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from spreader_app.core.errors import ValidationFailed
from spreader_app.server.params import (
    read_delivery_query,
    read_message_filter,
    read_page,
    read_validate_request,
)


def fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {d["field"] for d in exc.value.details}


def test_read_message_filter_defaults_and_values() -> None:
    flt = read_message_filter({})
    assert (flt.status, flt.mode, flt.since, flt.until, flt.limit, flt.offset) == (
        None,
        None,
        None,
        None,
        50,
        0,
    )
    flt = read_message_filter(
        {
            "status": "completed",
            "mode": "open",
            "since": "2025-06-16T09:00:00+03:00",
            "limit": "500",
        }
    )
    assert flt.status == "completed" and flt.mode == "open" and flt.limit == 500
    assert flt.since == datetime(2025, 6, 16, 6, tzinfo=UTC)


def test_read_message_filter_rejects_bad_bounds() -> None:
    with pytest.raises(ValidationFailed) as caught:
        read_message_filter(
            {
                "since": "2025-06-17T00:00:00Z",
                "until": "2025-06-16T00:00:00Z",
                "offset": "-1",
                "limit": "0",
            }
        )
    assert fields(caught) == {"query.until", "query.offset", "query.limit"}
    with pytest.raises(ValidationFailed) as caught:
        read_message_filter({"since": "2025-06-16T09:00:00"})
    assert "time zone offset" in caught.value.details[0]["message"]


def test_read_page_and_delivery_query() -> None:
    assert read_page({"limit": "7", "offset": "3"}, default=10, most=20) == (7, 3)
    assert read_delivery_query({"status": "sent"}) == ("sent", 100, 0)
    with pytest.raises(ValidationFailed) as caught:
        read_delivery_query({"status": "lost", "limit": "1001"})
    assert fields(caught) == {"query.status", "query.limit"}


def test_read_validate_request() -> None:
    req = read_validate_request({"numbers": ["+201066183456", 201066183457], "region": "EG"})
    assert req.numbers == ["+201066183456", 201066183457] and req.region == "EG"
    assert req.check_whatsapp is False and req.package_id is None
    with pytest.raises(ValidationFailed) as caught:
        read_validate_request({"numbers": "+201066183456", "check_whatsapp": "yes"})
    assert fields(caught) == {"numbers", "check_whatsapp"}
    with pytest.raises(ValidationFailed):
        read_validate_request([])
