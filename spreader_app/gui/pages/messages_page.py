"""The log: a filterable, sortable table of messages, the deliveries of the selected one,
and CSV export that Excel opens correctly (Arabic text, long phone numbers)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.models import (
    Delivery,
    DeliveryStatus,
    Message,
    MessageFilter,
    MessageMode,
    MessageStatus,
)
from spreader_app.core.services.recipient_clock import ClockReader
from spreader_app.gui.context import AppContext
from spreader_app.gui.i18n import ltr, translate
from spreader_app.gui.icons import icon
from spreader_app.gui.tables.messages_table import (
    DELIVERY_HEADER,
    MESSAGE_HEADER,
    DeliveryLine,
    DeliveryTableModel,
    MessageTableModel,
    QuickFilterProxy,
    delivery_csv_row,
    delivery_line,
    message_columns,
    message_csv_row,
    write_csv,
)
from spreader_app.gui.tables.snapshot_model import ROW_ROLE
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.why_text import why_text
from spreader_app.gui.widgets.accessibility import name_internals, show_value
from spreader_app.gui.widgets.empty_state import EmptyState
from spreader_app.gui.widgets.file_dialogs import ask_save_csv
from spreader_app.gui.widgets.package_picker import PackagePicker
from spreader_app.gui.widgets.quick_filter import filter_edit, filter_table
from spreader_app.gui.widgets.refresher import PageRefresher
from spreader_app.gui.widgets.roles import set_role
from spreader_app.gui.words import DELIVERY_STATUS_LABELS, MESSAGE_STATUS_LABELS, MODE_NAMES

PAGE = 100
DELIVERY_PAGE = 500
EXPORT_PAGE = 5000
LIVE_DELAY_MS = 300  # engine events within this window cause one reload


def date_bounds(since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    """Whole local days as aware UTC bounds, both inclusive (as ``MessageFilter`` expects)."""
    start = datetime.combine(since, time.min).astimezone().astimezone(UTC) if since else None
    end = datetime.combine(until, time.max).astimezone().astimezone(UTC) if until else None
    return start, end


@dataclass(frozen=True, slots=True)
class _Log:
    generation: int
    names: dict[str, str]
    messages: list[Message]
    total: int
    deliveries: list[Delivery] | None
    delivery_total: int
    why: dict[int, str] = field(default_factory=dict)


def _combo(name: str, items: list[tuple[str, str]], tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(tip)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _date_edit(text: str, name: str, tip: str, days_ago: int) -> tuple[QCheckBox, QDateEdit]:
    """A date bound that applies only while its check box (which also labels it) is ticked."""
    check = QCheckBox(text)
    whole_days = translate("MessagesPage", "{tip} (whole days in this computer's time zone)")
    check.setToolTip(whole_days.format(tip=tip))
    edit = QDateEdit(QDate.currentDate().addDays(-days_ago))
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # 2026-11-30 reads so in Arabic too
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(False)
    check.toggled.connect(edit.setEnabled)
    return check, edit


def _chosen_day(check: QCheckBox, edit: QDateEdit) -> date | None:
    if not check.isChecked():
        return None
    day = edit.date()
    return date(day.year(), day.month(), day.day())


class MessagesPage(QWidget):
    """Every message of the current package and its deliveries, live, with CSV export."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.names: dict[str, str] = {}
        self.message_id = ""
        self._generation = 0
        self.refresher = PageRefresher(self, self._start_load, LIVE_DELAY_MS)

        title = QLabel(self.tr("Messages"))
        title.setProperty("role", "title")
        self.picker = PackagePicker(context)
        any_status = self.tr("Any status")
        self.status_combo = _combo(
            self.tr("Status"),
            [(any_status, "")] + [(MESSAGE_STATUS_LABELS[s], s.value) for s in MessageStatus],
            self.tr("Show only messages in this state"),
        )
        self.mode_combo = _combo(
            self.tr("Mode"),
            [(self.tr("Any mode"), "")] + [(MODE_NAMES[m], m.value) for m in MessageMode],
            self.tr("Open Chat: campaigns and notifications; Reply Chat: answers to customers"),
        )
        self.since_check, self.since_edit = _date_edit(
            self.tr("&From:"),
            self.tr("From date"),
            self.tr("Tick to show only messages from this day on"),
            7,
        )
        self.until_check, self.until_edit = _date_edit(
            self.tr("&To:"),
            self.tr("To date"),
            self.tr("Tick to show only messages up to this day"),
            0,
        )
        self.export_messages_button = QPushButton(icon("export"), self.tr("Export messages…"))
        self.export_messages_button.setToolTip(
            self.tr("Saves every message matching the filters as a CSV file Excel can open")
        )
        self.export_messages_button.clicked.connect(self._on_export_messages_clicked)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("&Status:"), self.status_combo),
            (self.tr("M&ode:"), self.mode_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            filters.addWidget(check)
            filters.addWidget(edit)
            check.toggled.connect(self._on_filters_changed)
        filters.addStretch(1)
        filters.addWidget(self.export_messages_button)
        for combo in (self.status_combo, self.mode_combo):
            combo.currentIndexChanged.connect(self._on_filters_changed)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self._on_filters_changed)

        self.model = MessageTableModel(self)
        self.proxy = QuickFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search_edit = self._search(self.tr("Filter messages"), self.proxy)
        self.table = filter_table(self.proxy, self.tr("Messages"), stretch="Text")
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.more_button = QPushButton(self.tr("Load more"))
        self.more_button.setAccessibleName(self.tr("Load more messages"))
        self.more_button.clicked.connect(self._on_more_clicked)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)

        self.delivery_model = DeliveryTableModel(self)
        self.delivery_proxy = QuickFilterProxy(self)
        self.delivery_proxy.setSourceModel(self.delivery_model)
        self.delivery_search = self._search(self.tr("Filter deliveries"), self.delivery_proxy)
        self.delivery_status = _combo(
            self.tr("Delivery status"),
            [(any_status, "")] + [(DELIVERY_STATUS_LABELS[s], s.value) for s in DeliveryStatus],
            self.tr("Show only deliveries in this state"),
        )
        self.delivery_status.currentIndexChanged.connect(self._on_delivery_status_changed)
        self.delivery_table = filter_table(
            self.delivery_proxy, self.tr("Deliveries"), stretch="Error"
        )
        self.delivery_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.delivery_label = QLabel(self.tr("Select a message to see its deliveries."))
        self.delivery_label.setProperty("role", "hint")
        self.delivery_more = QPushButton(self.tr("Load more"))
        self.delivery_more.setAccessibleName(self.tr("Load more deliveries"))
        self.delivery_more.clicked.connect(self._on_delivery_more_clicked)
        self.export_deliveries_button = QPushButton(icon("export"), self.tr("Export deliveries…"))
        self.export_deliveries_button.setToolTip(
            self.tr("Saves every delivery of the selected message as a CSV file Excel can open")
        )
        self.export_deliveries_button.clicked.connect(self._on_export_deliveries_clicked)
        self.export_label = QLabel()
        self.export_label.setWordWrap(True)
        self.export_label.setAccessibleName(self.tr("Export result"))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search_edit)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(self._row(self.count_label, self.more_button))
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        d_label = QLabel(self.tr("&Deliveries:"))
        d_label.setBuddy(self.delivery_status)
        delivery_filters = QHBoxLayout()
        delivery_filters.addWidget(d_label)
        delivery_filters.addWidget(self.delivery_status)
        delivery_filters.addWidget(self.delivery_search, 1)
        bottom_layout.addLayout(delivery_filters)
        bottom_layout.addWidget(self.delivery_table, 1)
        bottom_layout.addLayout(
            self._row(self.delivery_label, self.delivery_more, self.export_deliveries_button)
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(filters)
        content_layout.addWidget(splitter, 1)
        content_layout.addWidget(self.export_label)

        self.no_package = EmptyState(
            self.tr("No package yet"),
            self.tr("Create a package first; its messages and deliveries are logged here."),
            self.tr("Create a package"),
            "packages",
        )
        self.no_package.action_clicked.connect(lambda: context.navigate.emit("packages"))
        self.empty = EmptyState(
            self.tr("No messages yet"),
            self.tr(
                "Send an Open Chat message or answer a customer in the Inbox; every message and "
                "each of its deliveries is logged here."
            ),
            self.tr("Send a message"),
            "send",
        )
        self.empty.action_clicked.connect(lambda: context.navigate.emit("send"))
        self.stack = QStackedWidget()
        for w in (self.no_package, self.empty, content):
            self.stack.addWidget(w)
        self.content = content

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.picker)
        layout.addWidget(self.stack, 1)

        context.package_changed.connect(self._on_context_package_changed)
        bridge = context.bridge
        bridge.messages_progressed.connect(self._on_bridge_events)
        bridge.messages_finished.connect(self._on_bridge_events)
        bridge.deliveries_recorded.connect(self._on_bridge_events)
        bridge.replies_sent.connect(self._on_bridge_events)
        name_internals(self)
        self._update_buttons(0, 0)

    @staticmethod
    def _search(name: str, proxy: QuickFilterProxy) -> QLineEdit:
        return filter_edit(
            proxy,
            name,
            translate("MessagesPage", "{name}: type words to find").format(name=name),
            translate(
                "MessagesPage", "Shows the rows containing every word typed (loaded rows only)"
            ),
        )

    @staticmethod
    def _row(first: QWidget, *rest: QWidget) -> QHBoxLayout:
        """``first`` takes the spare width; ``rest`` keep their size, on the right."""
        row = QHBoxLayout()
        row.addWidget(first, 1)
        for w in rest:
            row.addWidget(w)
        return row

    # --- loading -----------------------------------------------------------------------

    def message_filter(self, limit: int = PAGE, offset: int = 0) -> MessageFilter:
        """The filter the controls describe."""
        start, end = date_bounds(
            _chosen_day(self.since_check, self.since_edit),
            _chosen_day(self.until_check, self.until_edit),
        )
        return MessageFilter(
            status=self.status_combo.currentData() or None,
            mode=self.mode_combo.currentData() or None,
            since=start,
            until=end,
            limit=limit,
            offset=offset,
        )

    def refresh(self) -> None:
        """Reloads the loaded range of messages and deliveries; coalesced, deferred while hidden."""
        self.refresher.request()

    def _start_load(self) -> bool:
        if not self.context.package_id:
            self.stack.setCurrentWidget(self.no_package)
            return False
        run_task(
            self._load(
                self._generation,
                self.context.package_id,
                self.message_filter(max(PAGE, self.model.rowCount())),
                self.message_id,
                max(DELIVERY_PAGE, self.delivery_model.rowCount()),
            ),
            on_done=self._on_loaded,
            on_error=self._on_load_failed,
        )
        return True

    async def _load(
        self, generation: int, package_id: str, flt: MessageFilter, message_id: str, count: int
    ) -> _Log:
        services = self.context.services
        profiles = await services.profiles.list(package_id)
        messages, total = await services.sending.messages(package_id, flt)
        deliveries: list[Delivery] | None = None
        delivery_total = 0
        if message_id:
            deliveries, delivery_total = await services.sending.deliveries(
                package_id,
                message_id,
                status=self.delivery_status.currentData() or None,
                limit=count,
            )
        names = {p.id: p.name for p in profiles}
        why: dict[int, str] = {}
        if deliveries and services.why is not None:
            explained = await services.why.explain(package_id, message_id, deliveries)
            why = {k: why_text(p) for k, p in explained.why.items()}
        return _Log(generation, names, messages, total, deliveries, delivery_total, why)

    def _on_loaded(self, log: _Log) -> None:
        current = log.generation == self._generation
        if current:
            self.names = log.names
            self.model.apply(log.messages)
            if log.deliveries is not None:
                self.delivery_model.apply([self._line(d, log.why) for d in log.deliveries])
            self._update_buttons(log.total, log.delivery_total)
        self.refresher.finished(again=not current)

    def _on_load_failed(self, exc: BaseException) -> None:
        failed = self.tr("The log could not be loaded: {error}").format(error=describe(exc))
        self._show_export(failed, False)
        self.refresher.finished()

    def _line(self, d: Delivery, why: dict[int, str] | None = None) -> DeliveryLine:
        package = self.context.package
        clocks = ClockReader(package) if package is not None else None
        return delivery_line(d, self.names, why or {}, clocks, datetime.now(UTC))

    def _update_buttons(self, total: int, delivery_total: int) -> None:
        self._total, self._delivery_total = total, delivery_total
        shown = self.model.rowCount()
        filtered = any(
            (
                self.status_combo.currentIndex(),
                self.mode_combo.currentIndex(),
                self.since_check.isChecked(),
                self.until_check.isChecked(),
            )
        )
        if not self.context.package_id:
            self.stack.setCurrentWidget(self.no_package)
        elif total == 0 and not filtered:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.content)
        self.count_label.setText(
            self.tr("{shown} of %n message(s)", "", total).format(shown=shown)
            if total
            else self.tr("No message matches these filters.")
        )
        self.more_button.setVisible(shown < total)
        loaded = self.delivery_model.rowCount()
        if self.message_id:
            self.delivery_label.setText(
                self.tr("{loaded} of %n delivery(s)", "", delivery_total).format(loaded=loaded)
            )
        else:
            self.delivery_label.setText(self.tr("Select a message to see its deliveries."))
        self.delivery_more.setVisible(bool(self.message_id) and loaded < delivery_total)
        self.export_deliveries_button.setEnabled(bool(self.message_id))
        self.export_messages_button.setEnabled(total > 0)

    def _on_more_clicked(self) -> None:
        package_id, generation = self.context.package_id, self._generation
        flt = self.message_filter(PAGE, self.model.rowCount())

        def done(result: tuple[list[Message], int]) -> None:
            if generation == self._generation:
                self.model.apply(self.model.rows() + result[0])
                self._update_buttons(result[1], self._delivery_total)

        run_task(
            self.context.services.sending.messages(package_id, flt),
            busy=self.more_button,
            on_done=done,
        )

    def _on_delivery_more_clicked(self) -> None:
        package_id, message_id = self.context.package_id, self.message_id

        def done(result: tuple[list[Delivery], int]) -> None:
            if message_id == self.message_id:
                lines = [self._line(d) for d in result[0]]
                self.delivery_model.apply(self.delivery_model.rows() + lines)
                self._update_buttons(self._total, result[1])

        run_task(
            self.context.services.sending.deliveries(
                package_id,
                message_id,
                status=self.delivery_status.currentData() or None,
                limit=DELIVERY_PAGE,
                offset=self.delivery_model.rowCount(),
            ),
            busy=self.delivery_more,
            on_done=done,
        )

    # --- export ------------------------------------------------------------------------

    def _on_export_messages_clicked(self) -> None:
        run_task(self._export_messages(), busy=self.export_messages_button, on_error=self._failed)

    def _on_export_deliveries_clicked(self) -> None:
        run_task(
            self._export_deliveries(), busy=self.export_deliveries_button, on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self._show_export(self.tr("The export failed: {error}").format(error=describe(exc)), False)

    def _show_export(self, text: str, ok: bool) -> None:
        show_value(self.export_label, text)
        set_role(self.export_label, "ok" if ok else "error")

    async def _ask_path(self, title: str, name: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if not Path(folder).is_dir():
            folder = str(Path.home())
        return await ask_save_csv(self, title, str(Path(folder) / name))

    async def _export_messages(self) -> None:
        path = await self._ask_path(self.tr("Export messages"), "messages.csv")
        if path is None:
            return
        package_id, sending = self.context.package_id, self.context.services.sending
        columns = message_columns()
        chosen: list[Message] = []
        flt = self.message_filter(EXPORT_PAGE)
        while True:
            batch, total = await sending.messages(package_id, flt)
            chosen += [m for m in batch if self.proxy.matches([c.text(m) for c in columns])]
            flt = replace(flt, offset=flt.offset + len(batch))
            if not batch or flt.offset >= total:
                break
        rows = (message_csv_row(m) for m in chosen)
        n = await asyncio.get_running_loop().run_in_executor(
            None, write_csv, path, MESSAGE_HEADER, rows
        )
        done = self.tr("Exported %n message(s) to {path}.", "", n)
        self._show_export(done.format(path=ltr(path)), True)

    async def _export_deliveries(self) -> None:
        message_id = self.message_id
        path = await self._ask_path(self.tr("Export deliveries"), f"deliveries-{message_id}.csv")
        if path is None:
            return
        package_id, sending = self.context.package_id, self.context.services.sending
        names = dict(self.names)
        found: list[Delivery] = []
        while True:
            batch, total = await sending.deliveries(
                package_id, message_id, limit=EXPORT_PAGE, offset=len(found)
            )
            found += batch
            if not batch or len(found) >= total:
                break
        # Formatting and writing a large log takes a while: the rows are made in the worker.
        rows = (delivery_csv_row(d, names) for d in found)
        n = await asyncio.get_running_loop().run_in_executor(
            None, write_csv, path, DELIVERY_HEADER, rows
        )
        done = self.tr("Exported %n delivery(s) to {path}.", "", n)
        self._show_export(done.format(path=ltr(path)), True)

    # --- signals -----------------------------------------------------------------------

    def _on_filters_changed(self) -> None:
        self._generation += 1
        self.message_id = ""
        self.model.reset([])
        self.delivery_model.reset([])
        self.refresh()

    def _on_delivery_status_changed(self) -> None:
        self._generation += 1
        self.delivery_model.reset([])
        self.refresh()

    def _on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        message = rows[0].data(ROW_ROLE) if rows else None
        message_id = message.id if isinstance(message, Message) else ""
        if message_id == self.message_id:
            return
        self.message_id = message_id
        self._generation += 1
        self.delivery_model.reset([])
        self._update_buttons(self._total, 0)
        self.refresh()

    def _on_context_package_changed(self, _package_id: str) -> None:
        self._generation += 1
        self.message_id = ""
        self.model.reset([])
        self.delivery_model.reset([])
        self.refresh()

    def _on_bridge_events(self, events: list) -> None:  # type: ignore[type-arg]
        if any(e.package_id == self.context.package_id for e in events):
            self.refresher.request_soon()
