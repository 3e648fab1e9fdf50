"""Each recipient's clock as the quiet hours see it: their zones, where the zones came from,
and the time on that clock (now, or when a send is planned).

The window shows this beside every recipient of a plan preview and of a campaign's
deliveries, so an owner can see why a customer in Riyadh waits while one in London does
not. A recipient without a zone of their own keeps the package's zone, read here (as the
quiet hours read it at decision time), so a later change of the package's zone shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from spreader_app.core.models import Delivery, Package
from spreader_app.core.recipient_zones import (
    COUNTRY_DEFAULT_ZONES,
    ZoneResolver,
    ZoneSource,
    zones_of_key,
)

__all__ = ["BUILT_IN_COUNTRY_ZONES", "ClockReader", "RecipientClock", "ZoneSource"]

# The zones of countries whose numbers span too many hours, unless a package says otherwise.
BUILT_IN_COUNTRY_ZONES = COUNTRY_DEFAULT_ZONES


@dataclass(frozen=True, slots=True)
class RecipientClock:
    """A recipient's zones (never empty: the package's zone stands in) and their source.

    With several zones (all within 3 hours of each other) a send waits until the quiet
    hours are over in every one; ``local`` reads the first.
    """

    zones: tuple[str, ...]
    source: ZoneSource

    def local(self, at: datetime) -> datetime:
        """``at`` (aware) on the recipient's clock."""
        return at.astimezone(ZoneInfo(self.zones[0]))


class ClockReader:
    """Gives recipients of one package their ``RecipientClock``; one per showing.

    ``resolver`` is the one a plan preview used (``OpenPreview.zones``), so the preview shows
    the zones the plan kept; by default one is made from the package's own country zones.
    """

    def __init__(self, package: Package, resolver: ZoneResolver | None = None) -> None:
        self._package_zone = package.timezone
        self._resolver = resolver or ZoneResolver(dict(package.recipient_zones))
        self._by_key: dict[tuple[str, str], RecipientClock] = {}

    def of_number(self, e164: str) -> RecipientClock:
        """The clock of a valid E.164 number, as acceptance would give it."""
        zone = self._resolver.zone(e164)
        return self._clock(zone.key, zone.source)

    def of_delivery(self, delivery: Delivery) -> RecipientClock | None:
        """The clock stored with ``delivery`` at acceptance; ``None`` when none was (a skipped
        number, a Reply Chat answer, a row older than zones)."""
        if delivery.zone_source is None or delivery.recipient_zone is None:
            return None
        try:
            source = ZoneSource(delivery.zone_source)
        except ValueError:
            return None
        return self._clock(delivery.recipient_zone, source)

    def _clock(self, key: str, source: ZoneSource) -> RecipientClock:
        found = self._by_key.get((key, source))
        if found is None:
            zones = zones_of_key(key) or (self._package_zone,)
            found = self._by_key[(key, source)] = RecipientClock(zones, source)
        return found
