"""Columns of a recipient's own clock, as the quiet hours see it: the time where they live,
their zone, and where that zone came from (``core.services.recipient_clock``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from spreader_app.core.services.recipient_clock import RecipientClock, ZoneSource
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, ltr, translate
from spreader_app.gui.tables.columns import Column

R = TypeVar("R")

SOURCE_LABELS = TranslatedLabels(
    "RecipientClock",
    {
        ZoneSource.NUMBER: QT_TRANSLATE_NOOP("RecipientClock", "Their number"),
        ZoneSource.OVERRIDE: QT_TRANSLATE_NOOP("RecipientClock", "Corrected country"),
        ZoneSource.COUNTRY: QT_TRANSLATE_NOOP("RecipientClock", "Country default"),
        ZoneSource.PACKAGE: QT_TRANSLATE_NOOP("RecipientClock", "Package zone"),
    },
)
SOURCE_HINTS = TranslatedLabels(
    "RecipientClock",
    {
        ZoneSource.NUMBER: QT_TRANSLATE_NOOP(
            "RecipientClock", "The zone of the number's area code (phone numbering data)"
        ),
        ZoneSource.OVERRIDE: QT_TRANSLATE_NOOP(
            "RecipientClock",
            "Spreader's own zone for this country: the phone numbering data gets it wrong",
        ),
        ZoneSource.COUNTRY: QT_TRANSLATE_NOOP(
            "RecipientClock",
            "The country's numbers span many hours, so the country's default zone is used;"
            " change it under the package's country zones",
        ),
        ZoneSource.PACKAGE: QT_TRANSLATE_NOOP(
            "RecipientClock", "No zone is known for this number: the package's own zone is used"
        ),
    },
)


def local_time_text(local: datetime) -> str:
    """``21:40`` on the recipient's clock; ``(next day)`` or ``(previous day)`` added when
    their date is not the desktop's at the same moment."""
    days = (local.date() - local.astimezone().date()).days
    clock = ltr(f"{local:%H:%M}")
    if days > 0:
        return translate("RecipientClock", "{time} (next day)").format(time=clock)
    if days < 0:
        return translate("RecipientClock", "{time} (previous day)").format(time=clock)
    return clock


def zone_text(clock: RecipientClock) -> str:
    """The zone the local time is read in, ``Asia/Riyadh``; ``Europe/Guernsey and 2 more``
    when the number keeps several (all within 3 hours; the tooltip lists them)."""
    first = ltr(clock.zones[0])
    if len(clock.zones) == 1:
        return first
    more = translate("RecipientClock", "{zone} and {count} more")
    return more.format(zone=first, count=ltr(len(clock.zones) - 1))


def clock_tooltip(clock: RecipientClock | None, at: datetime | None) -> str:
    """Every zone's time at ``at`` (several zones: a send waits for all), and the source."""
    if clock is None or at is None:
        return ""
    times = ", ".join(f"{ltr(z)} {ltr(f'{at.astimezone(ZoneInfo(z)):%H:%M}')}" for z in clock.zones)
    return f"{times}\n{SOURCE_HINTS[clock.source]}"


def clock_columns(
    clock: Callable[[R], RecipientClock | None], local: Callable[[R], datetime | None]
) -> list[Column[R]]:
    """ "Local time", "Zone" and "Zone from" for rows whose recipient has ``clock(row)``;
    ``local(row)`` is the time shown on that clock (now, when the rows were read)."""
    return [
        Column(
            QT_TRANSLATE_NOOP("Column", "Local time"),
            local,
            local_time_text,
            # Their wall clock, so the recipients in the latest evening come together.
            sort_key=lambda t: t.replace(tzinfo=UTC).timestamp() if t is not None else 0.0,
            tooltip=lambda r: clock_tooltip(clock(r), local(r)),
            header_tooltip=QT_TRANSLATE_NOOP(
                "Column",
                "The time now where the recipient lives, as the quiet hours read it",
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Zone"),
            clock,
            zone_text,
            tooltip=lambda r: clock_tooltip(clock(r), local(r)),
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Zone from"),
            lambda r: c.source if (c := clock(r)) is not None else None,
            lambda s: SOURCE_LABELS[s],
            tooltip=lambda r: SOURCE_HINTS[c.source] if (c := clock(r)) is not None else "",
            header_tooltip=QT_TRANSLATE_NOOP(
                "Column",
                "Where the recipient's zone came from: their number, Spreader's correction for"
                " the country, the country's default zone, or the package's zone",
            ),
        ),
    ]
