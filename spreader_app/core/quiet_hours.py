"""Quiet hours on the recipient's clock: Open Chat sends only when it is daytime for them.

A package's ``recipient_quiet_hours`` (``"21:00-09:00"``: quiet from 21:00 to 09:00, so sends
go 09:00-21:00 local time) is kept in every zone of the recipient at once. Windows are
evaluated with ``zoneinfo`` at decision time, so daylight-saving changes are honoured. The
recipients whose window opens at the same minute are spread over the following 20 minutes
by a hash of their number (deterministic, not random), so they do not all go at 09:00:00.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from datetime import time

from spreader_app.core.active_hours import ActiveHours
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.recipient_zones import ZoneResolver
from spreader_app.core.rules import Hold, ProfileState
from spreader_app.core.text import Text

SPREAD_SECONDS = 1200


@dataclass(frozen=True, slots=True)
class QuietWindow:
    """Quiet from ``start`` to ``end`` local time (crossing midnight when ``end < start``)."""

    start: time
    end: time

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


class QuietHoursError(ValueError):
    """A quiet-hours window that cannot be read; ``text`` says what to write (translatable),
    ``str()`` is its English."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


_HINT = Text(
    "QuietHours",
    QT_TRANSLATE_NOOP(
        "QuietHours", "write the quiet hours as {example} (quiet from {start} until {end})"
    ),
    example="21:00-09:00",
    start="21:00",
    end="09:00",
)
_NOT_A_RANGE = QT_TRANSLATE_NOOP("QuietHours", "{value} is not a time range; {hint}")
_NOT_HH_MM = QT_TRANSLATE_NOOP("QuietHours", "{value} has a time that is not HH:MM; {hint}")
_ZONED = QT_TRANSLATE_NOOP("QuietHours", "{value} names a time zone; {hint}")
_NO_TIME = QT_TRANSLATE_NOOP("QuietHours", "{value} leaves no time to send; {hint}")


def _problem(template: str, text: str) -> QuietHoursError:
    return QuietHoursError(Text("QuietHours", template, value=repr(text), hint=_HINT))


def parse_quiet_hours(text: str) -> QuietWindow:
    """``"21:00-09:00"`` → ``QuietWindow``; raises ``QuietHoursError`` saying what to write."""
    parts = text.strip().split("-")
    if len(parts) != 2:
        raise _problem(_NOT_A_RANGE, text)
    try:
        start, end = (time.fromisoformat(p.strip()) for p in parts)
    except ValueError:
        raise _problem(_NOT_HH_MM, text) from None
    if start.tzinfo is not None or end.tzinfo is not None:
        raise _problem(_ZONED, text)
    if start == end:
        raise _problem(_NO_TIME, text)
    return QuietWindow(start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0))


def spread_of(recipient: str) -> int:
    """The recipient's fixed delay after a window opens, 0-1199 s (CRC-32 of the number)."""
    return zlib.crc32(recipient.encode()) % SPREAD_SECONDS


class QuietHours:
    """Answers "from when may this recipient be messaged?" for one package's window.

    ``package_zone`` stands for recipients with no zone of their own. Not thread-safe: the
    planner and the dispatcher each hold their own (through their chain).
    """

    def __init__(self, window: QuietWindow, package_zone: str) -> None:
        self.window = window
        self.package_zone = package_zone
        self._hours: dict[str, ActiveHours] = {}
        # Per zone key: a stretch [lo, end) sharing one sending window that opens at ``opens``.
        self._last: dict[tuple[str, ...], tuple[float, float, float]] = {}

    def _of(self, zone: str) -> ActiveHours:
        hours = self._hours.get(zone)
        if hours is None:
            # The sending window is the complement of the quiet one.
            hours = self._hours[zone] = ActiveHours(self.window.end, self.window.start, zone)
        return hours

    def next_allowed(self, zones: tuple[str, ...], recipient: str, t: float) -> float:
        """The earliest time ``>= t`` when the window is open in every one of ``zones``
        (``()``: the package's) and the recipient's spread delay after its opening passed."""
        return self.next_spread(zones, spread_of(recipient), t)

    def next_spread(self, zones: tuple[str, ...], spread: int, t: float) -> float:
        """``next_allowed`` with the recipient's ``spread_of`` already computed."""
        cached = self._last.get(zones)
        if cached is not None and cached[0] <= t < cached[2]:
            lo, opens, end = cached
            at = max(t, opens + spread)
            if at < end:
                return at
        for _ in range(32):
            lo = t
            opens, end = self._window_from(zones or (self.package_zone,), t)
            self._last[zones] = (lo, opens, end)
            # A window shorter than twice the spread gets a proportionally smaller one.
            if opens + spread >= end:
                spread = int(spread % max(1.0, (end - opens) // 2))
            at = max(t, opens + spread)
            if at < end:
                return at
            t = end
        raise ValueError("the recipient's zones never share a sending window")

    def _window_from(self, zones: tuple[str, ...], t: float) -> tuple[float, float]:
        """The first stretch ``[opens, end)`` at or after ``t`` open in every zone (``end``
        > ``t``)."""
        hours = [self._of(z) for z in zones]
        for _ in range(32):
            settled = True
            for h in hours:
                u = h.next_open(t)
                if u != t:
                    t, settled = u, False
            if settled:
                break
        else:
            raise ValueError("the recipient's zones never share a sending window")
        opens = max(h.window_start(t) for h in hours)
        end = min(h.window_end(t) for h in hours)
        return opens, end


class QuietHoursRule:
    """The chain's rule: with a recipient, holds until their window is open (see above).

    Without a recipient (a profile's own timing) it holds nothing: quiet hours concern the
    customer, not the device.
    """

    name = "quiet_hours"

    def __init__(self, quiet: QuietHours, resolver: ZoneResolver) -> None:
        self.quiet = quiet
        self.resolver = resolver
        self._keys: dict[str, tuple[str, ...]] = {}

    def hold(self, state: ProfileState, t: float, recipient: str | None) -> Hold | None:
        if recipient is None:
            return None
        at = self.allowed_from(recipient, t)
        # not translated: the chain's own note; people read core.why's sentence instead
        return None if at == t else Hold(at, "quiet hours in the recipient's time zone")

    def allowed_from(self, recipient: str, t: float, zone_key: str | None = None) -> float:
        """``next_allowed`` for ``recipient``: with its stored ``zone_key`` when given
        (``""``: the package's zone), else the zone its number resolves to now."""
        if zone_key is None:
            zones = self.resolver.zone(recipient).zones
        else:
            zones = self._keys.get(zone_key) or self._keys.setdefault(
                zone_key, tuple(zone_key.split())
            )
        if not math.isfinite(t):
            return t
        return self.quiet.next_allowed(zones, recipient, t)
