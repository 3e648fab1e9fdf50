"""Conversations grouped by customer, and the lines of one conversation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from spreader_app.core.models import ConversationItem, ConversationSummary
from spreader_app.core.phones import display
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, isolated, ltr, translate
from spreader_app.gui.tables.columns import Column
from spreader_app.gui.tables.messages_table import (
    RIGHT,
    TOOLTIP_CHARS,
    format_local_time,
    preview,
    timestamp,
)
from spreader_app.gui.tables.snapshot_model import SnapshotTableModel
from spreader_app.gui.widgets.bubble_delegate import BODY_ROLE, HEADER_ROLE, OUTGOING_ROLE
from spreader_app.gui.widgets.text_direction import tooltip_html
from spreader_app.gui.words import status_word

CUSTOMER, PROFILE, LAST, TIME, COUNT, FLAGS = range(6)


def flags_text(summary: ConversationSummary) -> str:
    """``Suppressed`` wins over ``Possible opt-out``: once suppressed there is nothing to decide."""
    if summary.suppressed:
        return translate("InboxTable", "Suppressed")
    if summary.possible_opt_out:
        return translate("InboxTable", "Possible opt-out")
    return ""


@dataclass(frozen=True, slots=True)
class ConversationRow:
    """One customer of the package with the name of their sticky profile."""

    summary: ConversationSummary
    profile_name: str

    @property
    def phone(self) -> str:
        return self.summary.customer_phone


def conversation_columns() -> list[Column[ConversationRow]]:
    return [
        Column(QT_TRANSLATE_NOOP("Column", "Customer"), lambda r: r.phone, display),
        Column(
            QT_TRANSLATE_NOOP("Column", "Profile"),
            lambda r: r.profile_name,
            header_tooltip=QT_TRANSLATE_NOOP(
                "Column", "The sticky profile: replies to this customer go through it"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Last message"),
            lambda r: r.summary.last_text,
            preview,
            tooltip=lambda r: tooltip_html(r.summary.last_text[:TOOLTIP_CHARS]),
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Time"),
            lambda r: r.summary.last_at,
            format_local_time,
            sort_key=timestamp,
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Messages"),
            lambda r: r.summary.inbound_count,
            align=RIGHT,
            header_tooltip=QT_TRANSLATE_NOOP("Column", "How many messages this customer sent"),
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Flags"),
            lambda r: flags_text(r.summary),
            tooltip=lambda r: _flags_tooltip(r.summary),
        ),
    ]


def _flags_tooltip(summary: ConversationSummary) -> str:
    if summary.suppressed:
        return translate("InboxTable", "Open Chat messages to this number are skipped.")
    if summary.possible_opt_out:
        return translate(
            "InboxTable", "The customer may have asked to stop; open the conversation to decide."
        )
    return ""


class ConversationTableModel(SnapshotTableModel[ConversationRow]):
    """Conversations of one package, keyed by the customer's number."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(conversation_columns(), lambda r: r.phone, parent)


@dataclass(frozen=True, slots=True)
class ThreadLine:
    """One message of a conversation; ``position`` is its place in the thread (oldest 0)."""

    position: int
    item: ConversationItem
    profile_name: str

    @property
    def outgoing(self) -> bool:
        return self.item.direction == "out"


def thread_lines(items: list[ConversationItem], names: dict[str, str]) -> list[ThreadLine]:
    """The thread's lines with profile names looked up (the id itself when unknown)."""
    return [
        ThreadLine(i, item, names.get(item.profile_id, item.profile_id) if item.profile_id else "")
        for i, item in enumerate(items)
    ]


def line_header(line: ThreadLine, now: datetime | None = None) -> str:
    """``Customer · 10:32 · to Phone 1`` or ``You via Phone 1 · 10:33 · failed``."""
    when = format_local_time(line.item.at, now)
    if line.outgoing:
        you = translate("InboxTable", "You via {profile}").format(
            profile=isolated(line.profile_name)
        )
        parts = [you if line.profile_name else translate("InboxTable", "You"), ltr(when)]
        if line.item.status and line.item.status != "sent":
            parts.append(status_word(line.item.status))
    else:
        parts = [translate("InboxTable", "Customer"), ltr(when)]
        if line.profile_name:
            parts.append(
                translate("InboxTable", "to {profile}").format(profile=isolated(line.profile_name))
            )
    return " · ".join(p for p in parts if p)


def _line_text(line: ThreadLine) -> str:
    return f"{line_header(line)}\n{line.item.text}"


class ThreadModel(SnapshotTableModel[ThreadLine]):
    """The open conversation, oldest first, for ``BubbleDelegate``: each line's header, whole
    text and side; the display text (header and message) is what screen readers announce."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [Column(QT_TRANSLATE_NOOP("Column", "Message"), _line_text)],
            lambda r: r.position,
            parent,
        )
        self.set_role(HEADER_ROLE, lambda line, _c: line_header(line))
        self.set_role(BODY_ROLE, lambda line, _c: line.item.text)
        self.set_role(OUTGOING_ROLE, lambda line, _c: line.outgoing)
