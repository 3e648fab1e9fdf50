"""The campaign view's own delivery details: each recipient, their clock, and why they were
sent when they were, or what they still wait for ("Why?").

The sentences come from the why service, as on the Messages page; the rows are the first
``SHOWN`` deliveries of the campaign (the Messages page lists them all). The selected row's
sentence is shown whole under the table, so a long one is never cut off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from spreader_app.core.models import Delivery, Message
from spreader_app.core.services.recipient_clock import ClockReader
from spreader_app.gui.context import AppContext
from spreader_app.gui.i18n import ltr
from spreader_app.gui.tables.columns import Column
from spreader_app.gui.tables.messages_table import (
    DeliveryLine,
    QuickFilterProxy,
    delivery_columns,
    delivery_line,
)
from spreader_app.gui.tables.snapshot_model import ROW_ROLE, SnapshotTableModel
from spreader_app.gui.why_text import why_text
from spreader_app.gui.widgets.accessibility import show_value
from spreader_app.gui.widgets.quick_filter import filter_table

SHOWN = 200
# The delivery log's columns the campaign view keeps (their English headers).
# not translated: keys naming columns; the headers shown are translated by the columns
_KEPT = ("Recipient", "Status", "Profile", "Why?", "Local time", "Zone", "Zone from")


def campaign_columns() -> list[Column[DeliveryLine]]:
    by_header = {c.header: c for c in delivery_columns()}
    return [by_header[h] for h in _KEPT]


class CampaignDeliveryModel(SnapshotTableModel[DeliveryLine]):
    """The campaign's deliveries, keyed by delivery id."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(campaign_columns(), lambda r: r.delivery.id, parent)


@dataclass(frozen=True, slots=True)
class _Read:
    package_id: str
    deliveries: list[Delivery]
    total: int
    names: dict[str, str]
    why: dict[int, str]


class CampaignDeliveries(QWidget):
    """A compact delivery table and the selected delivery's whole "Why?" sentence."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CampaignDeliveryModel(self)
        self.proxy = QuickFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = filter_table(self.proxy, self.tr("Deliveries of this campaign"), "Why?")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.why_title = QLabel()
        self.why_title.setProperty("role", "heading")
        self.why_label = QLabel(self.tr("Choose a recipient to read why."))
        self.why_label.setAccessibleName(self.tr("Why this delivery"))
        self.why_label.setWordWrap(True)
        self.why_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.why_title)
        layout.addWidget(self.why_label)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.dataChanged.connect(lambda *_: self._show_selected())

    async def load(self, message: Message) -> None:
        """Re-reads the first ``SHOWN`` deliveries of ``message`` and why each is where it is."""
        services = self.context.services
        deliveries, total = await services.sending.deliveries(
            message.package_id, message.id, limit=SHOWN
        )
        profiles = await services.profiles.list(message.package_id)
        why: dict[int, str] = {}
        if deliveries and services.why is not None:
            explained = await services.why.explain(message.package_id, message.id, deliveries)
            why = {k: why_text(p) for k, p in explained.why.items()}
        names = {p.id: p.name for p in profiles}
        self._show(_Read(message.package_id, deliveries, total, names, why))

    def _show(self, read: _Read) -> None:
        # The campaign's own package (its zone stands in for numbers without one), whichever
        # package the window has chosen since.
        package = next((p for p in self.context.packages if p.id == read.package_id), None)
        clocks = ClockReader(package) if package is not None else None
        now = datetime.now(UTC)
        self.model.apply(
            [delivery_line(d, read.names, read.why, clocks, now) for d in read.deliveries]
        )
        if read.total > len(read.deliveries):
            self.count_label.setText(
                self.tr(
                    "The first {shown} of {total} recipients; the Messages page lists them all."
                ).format(shown=ltr(f"{len(read.deliveries):,}"), total=ltr(f"{read.total:,}"))
            )
        else:
            self.count_label.setText("")
        self.count_label.setVisible(bool(self.count_label.text()))
        self._show_selected()

    def selected(self) -> DeliveryLine | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        line = self.selected()
        if line is None:
            self.why_title.setText("")
            self.why_title.hide()
            show_value(self.why_label, self.tr("Choose a recipient to read why."))
            return
        shown = delivery_columns()[0].text(line)
        self.why_title.setText(self.tr("Why? {recipient}").format(recipient=shown))
        self.why_title.show()
        show_value(self.why_label, line.why or self.tr("Not explained yet."))
