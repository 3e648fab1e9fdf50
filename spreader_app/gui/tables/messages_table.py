"""Message and delivery rows for the log, the local-time formatter and the quick-filter proxy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from spreader_app.core.models import Delivery, Message, MessageMode
from spreader_app.core.phones import BIDI_ISOLATE_END, BIDI_ISOLATE_START, display
from spreader_app.gui.tables.columns import Column
from spreader_app.gui.tables.snapshot_model import SORT_ROLE, SnapshotTableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MODE_NAMES = {MessageMode.OPEN: "Open Chat", MessageMode.REPLY: "Reply Chat"}
PREVIEW_CHARS = 80


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


def message_columns() -> list[Column[Message]]:
    return [
        Column(
            "Created",
            lambda m: m.created_at,
            format_local_time,
            sort_key=timestamp,
            header_tooltip="When the message was accepted, in this computer's time zone",
        ),
        Column("Mode", lambda m: MODE_NAMES.get(m.mode, m.mode.value)),
        Column("Type", lambda m: m.content.type.value),
        Column("Status", lambda m: m.status.value),
        Column(
            "Text",
            message_text,
            preview,
            tooltip=lambda m: message_text(m)[:1000],
        ),
        Column("Recipients", lambda m: m.total_recipients, align=RIGHT),
        Column("Sent", lambda m: m.sent_count, align=RIGHT),
        Column("Failed", lambda m: m.failed_count, align=RIGHT),
        Column("Skipped", lambda m: m.skipped_count, align=RIGHT),
        Column(
            "Finished",
            lambda m: m.finished_at,
            format_local_time,
            sort_key=timestamp,
        ),
        Column("Message ID", lambda m: m.id, header_tooltip="The id programs use in the API"),
    ]


def delivery_columns() -> list[Column[DeliveryLine]]:
    return [
        Column("Recipient", lambda r: r.delivery.recipient, display),
        Column("Status", lambda r: r.delivery.status.value),
        Column("Profile", lambda r: r.profile_name),
        Column("Attempts", lambda r: r.delivery.attempt_count, align=RIGHT),
        Column(
            "Error",
            lambda r: r.delivery.error,
            preview,
            tooltip=lambda r: r.delivery.error,
        ),
        Column(
            "Sent at",
            lambda r: r.delivery.sent_at,
            format_local_time,
            sort_key=timestamp,
        ),
        Column(
            "Skip reason",
            lambda r: r.delivery.skip_reason,
            skip_reason_text,
            header_tooltip="Why the number was not messaged: invalid, duplicate or opted out",
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
