"""Message and delivery rows for the log (as table rows and as CSV rows), the local-time
formatter and the quick-filter proxy."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from spreader_app.core.models import Delivery, Message
from spreader_app.core.phones import BIDI_ISOLATE_END, BIDI_ISOLATE_START, display
from spreader_app.core.services.recipient_clock import ClockReader, RecipientClock
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, shown_delivery_error
from spreader_app.gui.tables.clock_columns import clock_columns
from spreader_app.gui.tables.columns import Column
from spreader_app.gui.tables.snapshot_model import SORT_ROLE, SnapshotTableModel
from spreader_app.gui.widgets.text_direction import tooltip_html
from spreader_app.gui.words import (
    DELIVERY_STATUS_LABELS,
    MESSAGE_STATUS_LABELS,
    MESSAGE_TYPE_LABELS,
    MODE_NAMES,
)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PREVIEW_CHARS = 80
WHY_CHARS = 400
TOOLTIP_CHARS = 1000  # a tooltip taller than the screen helps nobody; the text is up to 64 KB


def format_local_time(at: datetime | None, now: datetime | None = None) -> str:
    """``at`` (aware UTC) in the desktop's time zone: ``HH:MM`` when it is today (relative to
    ``now``, default the current time), else ``YYYY-MM-DD HH:MM``; ``""`` for ``None``."""
    if at is None:
        return ""
    local = at.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


def timestamp(at: datetime | None) -> float:
    """A sort key for optional datetimes: missing times sort first."""
    return at.timestamp() if at is not None else 0.0


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The first line of ``text``, shortened to ``limit`` characters with an ellipsis."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def sentence(text: str) -> str:
    """A "Why?" sentence or a delivery's error whole (its first line): what sets the time,
    and the gateway's own words, come at its end, so the view elides it to the column's
    width instead of a fixed count of characters."""
    return preview(text, WHY_CHARS)


def message_text(m: Message) -> str:
    """What a message carries, in words: its text, caption or media name."""
    c = m.content
    return c.text or c.caption or c.media_url or c.media_path or f"({c.type.value})"


def skip_reason_text(reason: str) -> str:
    """``invalid:too_short`` → ``invalid: too short``; codes stay recognisable but readable."""
    return reason.replace(":", ": ").replace("_", " ")


@dataclass(frozen=True, slots=True)
class DeliveryLine:
    """A delivery with the name of the profile that handled it (``""`` when none)."""

    delivery: Delivery
    profile_name: str
    # Why this device and this time, already in the interface language (core.why).
    why: str = ""
    # The recipient's clock (None: no zone was stored) and the time on it when read.
    clock: RecipientClock | None = None
    local: datetime | None = None


def delivery_line(
    d: Delivery,
    names: Mapping[str, str],
    why: Mapping[int, str],
    clocks: ClockReader | None,
    now: datetime,
) -> DeliveryLine:
    """``d`` as a table row: its profile's name, its why sentence, and the recipient's clock
    read at ``now`` (aware) when ``clocks`` (the package's) is given."""
    clock = clocks.of_delivery(d) if clocks is not None else None
    return DeliveryLine(
        d,
        names.get(d.profile_id, d.profile_id) if d.profile_id else "",
        why.get(d.id, ""),
        clock,
        clock.local(now) if clock is not None else None,
    )


def message_columns() -> list[Column[Message]]:
    return [
        Column(
            QT_TRANSLATE_NOOP("Column", "Created"),
            lambda m: m.created_at,
            format_local_time,
            sort_key=timestamp,
            header_tooltip=QT_TRANSLATE_NOOP(
                "Column", "When the message was accepted, in this computer's time zone"
            ),
        ),
        Column(QT_TRANSLATE_NOOP("Column", "Mode"), lambda m: MODE_NAMES[m.mode]),
        Column(QT_TRANSLATE_NOOP("Column", "Type"), lambda m: MESSAGE_TYPE_LABELS[m.content.type]),
        Column(QT_TRANSLATE_NOOP("Column", "Status"), lambda m: MESSAGE_STATUS_LABELS[m.status]),
        Column(
            QT_TRANSLATE_NOOP("Column", "Text"),
            message_text,
            preview,
            tooltip=lambda m: tooltip_html(message_text(m)[:TOOLTIP_CHARS]),
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Recipients"), lambda m: m.total_recipients, align=RIGHT
        ),
        Column(QT_TRANSLATE_NOOP("Column", "Sent"), lambda m: m.sent_count, align=RIGHT),
        Column(QT_TRANSLATE_NOOP("Column", "Failed"), lambda m: m.failed_count, align=RIGHT),
        Column(QT_TRANSLATE_NOOP("Column", "Skipped"), lambda m: m.skipped_count, align=RIGHT),
        Column(
            QT_TRANSLATE_NOOP("Column", "Finished"),
            lambda m: m.finished_at,
            format_local_time,
            sort_key=timestamp,
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Message ID"),
            lambda m: m.id,
            header_tooltip=QT_TRANSLATE_NOOP("Column", "The id programs use in the API"),
        ),
    ]


def delivery_columns() -> list[Column[DeliveryLine]]:
    return [
        Column(QT_TRANSLATE_NOOP("Column", "Recipient"), lambda r: r.delivery.recipient, display),
        Column(
            QT_TRANSLATE_NOOP("Column", "Status"),
            lambda r: DELIVERY_STATUS_LABELS[r.delivery.status],
        ),
        Column(QT_TRANSLATE_NOOP("Column", "Profile"), lambda r: r.profile_name),
        Column(
            QT_TRANSLATE_NOOP("Column", "Why?"),
            lambda r: r.why,
            sentence,
            tooltip=lambda r: tooltip_html(r.why),
            header_tooltip=QT_TRANSLATE_NOOP(
                "Column",
                "Why this device and this time: which devices could send, the rule that chose"
                " one, and what sets the time",
            ),
        ),
        # The recipient's own clock, beside the sentence that may name their quiet hours.
        *clock_columns(lambda r: r.clock, lambda r: r.local),
        Column(
            QT_TRANSLATE_NOOP("Column", "Attempts"), lambda r: r.delivery.attempt_count, align=RIGHT
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Error"),
            lambda r: shown_delivery_error(r.delivery.error),
            sentence,
            tooltip=lambda r: tooltip_html(shown_delivery_error(r.delivery.error)),
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Sent at"),
            lambda r: r.delivery.sent_at,
            format_local_time,
            sort_key=timestamp,
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Skip reason"),
            lambda r: r.delivery.skip_reason,
            skip_reason_text,
            header_tooltip=QT_TRANSLATE_NOOP(
                "Column", "Why the number was not messaged: invalid, duplicate or opted out"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Own text"),
            lambda r: r.delivery.text or "",
            preview,
            tooltip=lambda r: tooltip_html(r.delivery.text or ""),
            header_tooltip=QT_TRANSLATE_NOOP(
                "Column",
                "The text this recipient got when the message was personalised;"
                " empty: the message's own text",
            ),
        ),
    ]


class MessageTableModel(SnapshotTableModel[Message]):
    """Messages of the log, keyed by message id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(message_columns(), lambda m: m.id, parent)


class DeliveryTableModel(SnapshotTableModel[DeliveryLine]):
    """Deliveries of one message, keyed by delivery id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(delivery_columns(), lambda r: r.delivery.id, parent)


def _searchable(text: str) -> str:
    return text.replace(BIDI_ISOLATE_START, "").replace(BIDI_ISOLATE_END, "").casefold()


class QuickFilterProxy(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE`` and keeps the rows whose cells contain every word typed.

    Matching ignores case and the bidi marks around phone numbers; a word also matches with
    the spaces of the cell removed, so ``2010661`` finds ``+20 10 66183456``.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = [_searchable(w) for w in text.split()]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def matches(self, cells: list[str]) -> bool:
        """Whether a row with these cell texts passes the current query."""
        if not self._words:
            return True
        hay = " ".join(_searchable(c) for c in cells)
        compact = hay.replace(" ", "")
        return all(w in hay or w in compact for w in self._words)

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        cells = [
            str(model.index(source_row, c, source_parent).data() or "")
            for c in range(model.columnCount(source_parent))
        ]
        return self.matches(cells)


# --- CSV export ----------------------------------------------------------------------
# The exported headers and status codes stay English, whatever the interface language:
# spreadsheets and scripts built on an export must keep working when the language changes.

# not translated: CSV headers (above)
MESSAGE_HEADER = [
    "Message ID",
    "Created (local time)",
    "Mode",
    "Type",
    "Status",
    "Text",
    "Recipients",
    "Sent",
    "Failed",
    "Skipped",
    "Finished (local time)",
]
# not translated: CSV headers (above)
DELIVERY_HEADER = [
    "Message ID",
    "Recipient",
    "Status",
    "Profile",
    "Attempts",
    "Error",
    "Skip reason",
    "Planned (local time)",
    "Sent (local time)",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def phone_cell(number: str) -> str:
    """A phone number for a CSV cell that Excel keeps as text.

    Excel reads ``+201066183456`` as the number 2.01066E+11 (digits lost beyond 15, the ``+``
    taken as a formula sign). A leading tab makes it text while staying invisible; unlike
    ``="+2010…"`` it puts no formula in the file and other programs (Spreader's own recipient
    import included) simply strip it as whitespace.
    """
    return f"\t{number}" if number else ""


def text_cell(text: str) -> str:
    """Free text for a CSV cell; a leading apostrophe stops ``=``, ``+``, ``-``, ``@`` from
    being run as a spreadsheet formula (CSV injection)."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def csv_time(at: datetime | None) -> str:
    """``YYYY-MM-DD HH:MM:SS`` in the desktop's time zone: a form Excel reads as a date."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at is not None else ""


def message_csv_row(m: Message) -> list[str]:
    return [
        m.id,
        csv_time(m.created_at),
        MODE_NAMES.source(m.mode),
        m.content.type.value,
        m.status.value,
        text_cell(message_text(m)),
        str(m.total_recipients),
        str(m.sent_count),
        str(m.failed_count),
        str(m.skipped_count),
        csv_time(m.finished_at),
    ]


def delivery_csv_row(d: Delivery, names: dict[str, str]) -> list[str]:
    return [
        d.message_id,
        phone_cell(d.recipient),
        d.status.value,
        text_cell(names.get(d.profile_id, d.profile_id) if d.profile_id else ""),
        str(d.attempt_count),
        text_cell(d.error),
        skip_reason_text(d.skip_reason),
        csv_time(d.planned_at),
        csv_time(d.sent_at),
    ]


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Writes UTF-8 with a BOM (without it Excel reads Arabic as mojibake), through a temporary
    file so a failed export never leaves half a file under the chosen name. Returns the row
    count; raises ``OSError`` when the folder cannot be written."""
    part = path.with_name(path.name + ".part")
    n = 0
    with part.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            n += 1
    os.replace(part, path)
    return n
