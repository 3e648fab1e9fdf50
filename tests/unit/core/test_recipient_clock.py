"""The recipient's clock the window shows: the zones acceptance stored (or would store), the
package's zone standing in for numbers without one, and the package's country zones."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from spreader_app.core.models import Delivery, DeliveryStatus, Package
from spreader_app.core.services.packages import quiet_hours_problem, sending_hours
from spreader_app.core.services.recipient_clock import ClockReader, RecipientClock, ZoneSource

CAIRO_SHOP = Package(id="pkg", name="Shop", timezone="Africa/Cairo")


def stored(key: str | None, source: str | None) -> Delivery:
    return Delivery(
        1,
        "m",
        "pkg",
        "+201066183456",
        DeliveryStatus.PENDING,
        recipient_zone=key,
        zone_source=source,
    )


def test_numbers_read_their_zone_and_where_it_came_from() -> None:
    reader = ClockReader(CAIRO_SHOP)
    assert reader.of_number("+212612345600") == RecipientClock(
        ("Africa/Casablanca",), ZoneSource.OVERRIDE
    )
    assert reader.of_number("+966501234567") == RecipientClock(("Asia/Riyadh",), ZoneSource.NUMBER)
    # A number with no zone of its own keeps the package's, as the quiet hours do.
    assert reader.of_number("+80012345678") == RecipientClock(("Africa/Cairo",), ZoneSource.PACKAGE)


def test_a_packages_country_zone_replaces_the_built_in_one() -> None:
    toll_free = "+18005551234"  # zones from Hawaii to Newfoundland: the country's default
    assert ClockReader(CAIRO_SHOP).of_number(toll_free).zones == ("America/New_York",)
    chicago = Package(id="pkg", name="Shop", recipient_zones=(("US", "America/Chicago"),))
    assert ClockReader(chicago).of_number(toll_free) == RecipientClock(
        ("America/Chicago",), ZoneSource.COUNTRY
    )


def test_stored_zones_are_read_back_and_unknown_ones_show_nothing() -> None:
    reader = ClockReader(CAIRO_SHOP)
    assert reader.of_delivery(stored("", "package")) == RecipientClock(
        ("Africa/Cairo",), ZoneSource.PACKAGE
    )
    several = reader.of_delivery(stored("Europe/Guernsey Europe/London", "number"))
    assert several is not None and several.zones == ("Europe/Guernsey", "Europe/London")
    assert reader.of_delivery(stored(None, None)) is None  # skipped, or a Reply Chat answer
    assert reader.of_delivery(stored("Asia/Riyadh", "guess")) is None  # a source not known


@given(
    st.datetimes(
        min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    )
)
def test_the_local_time_is_the_same_moment_on_their_clock(at: datetime) -> None:
    local = RecipientClock(("Asia/Riyadh",), ZoneSource.NUMBER).local(at)
    assert local == at
    offset = local.utcoffset()
    assert offset is not None and offset.total_seconds() == 3 * 3600  # Riyadh: +3 since 1947


def test_the_form_and_the_api_read_quiet_hours_with_one_check() -> None:
    assert quiet_hours_problem("21:00-09:00") is None
    assert sending_hours("21:00-09:00") == (
        datetime(1, 1, 1, 9).time(),
        datetime(1, 1, 1, 21).time(),
    )
    problem = quiet_hours_problem("9pm-9am")
    assert problem is not None and "not HH:MM" in str(problem)
    assert sending_hours("9pm-9am") is None
