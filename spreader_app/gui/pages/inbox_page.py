"""Reply Chat: customers' messages grouped by customer, the open thread and the reply box."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.models import ConversationItem, ConversationSummary, DeliveryStatus
from spreader_app.core.outcomes import OUTCOMES
from spreader_app.core.phones import display
from spreader_app.core.reply_router import ReplyResult, read_reply_request
from spreader_app.gui.context import AppContext
from spreader_app.gui.dialogs import confirm
from spreader_app.gui.i18n import (
    QT_TRANSLATE_NOOP,
    isolated,
    ltr,
    shown_delivery_error,
    shown_gateway_detail,
    translate,
)
from spreader_app.gui.icons import icon
from spreader_app.gui.tables.inbox_table import (
    TIME,
    ConversationRow,
    ConversationTableModel,
    ThreadModel,
    thread_lines,
)
from spreader_app.gui.tables.messages_table import QuickFilterProxy
from spreader_app.gui.tables.snapshot_model import ROW_ROLE
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.accessibility import name_internals, show_value
from spreader_app.gui.widgets.bubble_delegate import BubbleDelegate
from spreader_app.gui.widgets.empty_state import EmptyState
from spreader_app.gui.widgets.package_picker import PackagePicker
from spreader_app.gui.widgets.quick_filter import filter_edit, filter_table
from spreader_app.gui.widgets.refresher import PageRefresher
from spreader_app.gui.widgets.roles import set_role
from spreader_app.gui.widgets.text_direction import follow_text_direction

WEBHOOK_HINT = QT_TRANSLATE_NOOP(
    "InboxPage",
    "Paste the webhook URL from Settings into the Zentra dashboard; "
    "customers' messages appear here.",
)
# Gateway outcome codes (the part of ``ReplyResult.error`` before ": ") in plain words.
_OUTCOME_WORDS = {kind.value: cls.words for kind, cls in OUTCOMES.items()}


def describe_reply(result: ReplyResult, names: dict[str, str]) -> tuple[str, bool]:
    """The sentence shown after a reply, and whether it was sent."""
    name = isolated(names.get(result.profile_used, result.profile_used))
    if result.status is DeliveryStatus.SENT:
        text = translate("InboxPage", "Sent via {profile} in {ms} ms.").format(
            profile=name, ms=ltr(round(result.delivery_time_ms))
        )
        if result.rerouted:
            rerouted = translate(
                "InboxPage",
                "Rerouted: the usual profile could not send, so {profile} now answers them.",
            )
            text += " " + rerouted.format(profile=name)
        return text, True
    kind, _, detail = result.error.partition(": ")
    words = _OUTCOME_WORDS.get(kind)
    if words is None:
        reason = shown_delivery_error(result.error) or translate("InboxPage", "unknown error")
    else:
        words = translate("Outcomes", words)
        reason = f"{words} ({shown_gateway_detail(detail)})" if detail else words
    return translate("InboxPage", "Not sent via {profile}: {reason}.").format(
        profile=name, reason=reason
    ), False


class ReplyEdit(QPlainTextEdit):
    """The reply text; Ctrl+Enter asks to send instead of adding a line."""

    send_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            self.send_requested.emit()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True, slots=True)
class _Snapshot:
    package_id: str
    names: dict[str, str]
    conversations: list[ConversationSummary]
    phone: str
    thread: list[ConversationItem] | None


class InboxPage(QWidget):
    """Conversations of the current package; select one to read it and reply at once."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.names: dict[str, str] = {}
        self.phone = ""  # the open conversation's customer, as stored
        self.refresher = PageRefresher(self, self._start_load)

        title = QLabel(self.tr("Inbox"))
        title.setProperty("role", "title")
        self.picker = PackagePicker(context)

        self.no_package = EmptyState(
            self.tr("No package yet"),
            self.tr(
                "Create a package and add its WhatsApp devices; customers' messages to them "
                "appear here."
            ),
            self.tr("Create a package"),
            "packages",
        )
        self.no_package.action_clicked.connect(lambda: context.navigate.emit("packages"))
        self.empty = EmptyState(
            self.tr("No messages yet"),
            translate("InboxPage", WEBHOOK_HINT),
            self.tr("Open Settings"),
            "settings",
        )
        self.empty.action_clicked.connect(lambda: context.navigate.emit("settings"))

        self.model = ConversationTableModel(self)
        self.proxy = QuickFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = filter_edit(
            self.proxy,
            self.tr("Filter conversations"),
            self.tr("Filter by number, profile or text"),
            self.tr("Shows the conversations containing every word typed (Ctrl+F)"),
        )
        self.table = filter_table(
            self.proxy, self.tr("Conversations"), stretch="Last message"
        )  # not translated: a header
        self.table.sortByColumn(TIME, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter_edit.setFocus)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.table, 1)

        self.detail_stack = QStackedWidget()
        self.no_selection = EmptyState(
            self.tr("Choose a conversation"),
            self.tr("Select a customer on the left to read and reply."),
        )
        self.detail_stack.addWidget(self.no_selection)
        self.detail_stack.addWidget(self._build_detail())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_stack)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.stack = QStackedWidget()
        for w in (self.no_package, self.empty, splitter):
            self.stack.addWidget(w)
        self.content = splitter

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.picker)
        layout.addWidget(self.stack, 1)

        context.package_changed.connect(self._on_context_package_changed)
        context.bridge.inbound_received.connect(self._on_bridge_inbound_received)
        context.bridge.replies_sent.connect(self._on_bridge_replies_sent)
        context.bridge.deliveries_recorded.connect(self._on_bridge_deliveries_recorded)
        name_internals(self)
        self._show_state()

    def _build_detail(self) -> QWidget:
        self.customer_label = QLabel()
        self.customer_label.setProperty("role", "title")
        self.customer_label.setAccessibleName(self.tr("Customer"))
        self.customer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sticky_label = QLabel()
        self.sticky_label.setProperty("role", "hint")
        self.sticky_label.setWordWrap(True)
        self.sticky_label.setAccessibleName(self.tr("Sticky profile"))
        self.sticky_label.setToolTip(
            self.tr(
                "Replies go through the profile this customer talks to; when it cannot send, "
                "another profile takes over and stays sticky."
            )
        )
        self.flag_label = QLabel()
        self.flag_label.setWordWrap(True)
        self.flag_label.setAccessibleName(self.tr("Opt-out status"))
        self.suppress_button = QPushButton(icon("stop"), self.tr("Suppress this number"))
        self.suppress_button.setToolTip(
            self.tr(
                "The customer asked to stop: skip this number in every Open Chat message of the "
                "package, now and later"
            )
        )
        self.suppress_button.clicked.connect(self._on_suppress_clicked)
        self.unsuppress_button = QPushButton(icon("play"), self.tr("Lift suppression"))
        self.unsuppress_button.setToolTip(self.tr("Let Open Chat messages reach this number again"))
        self.unsuppress_button.clicked.connect(self._on_unsuppress_clicked)
        flag_row = QHBoxLayout()
        flag_row.addWidget(self.flag_label, 1)
        flag_row.addWidget(self.suppress_button)
        flag_row.addWidget(self.unsuppress_button)

        self.thread_model = ThreadModel(self)
        self.thread_view = QListView()
        self.thread_view.setModel(self.thread_model)
        self.thread_view.setAccessibleName(self.tr("Conversation"))
        self.thread_view.setItemDelegate(BubbleDelegate(self.thread_view))
        self.thread_view.setSpacing(4)
        self.thread_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.thread_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.reply_edit = ReplyEdit()
        self.reply_edit.setPlaceholderText(self.tr("Write a reply… (Ctrl+Enter sends)"))
        self.reply_edit.setAccessibleName(self.tr("Reply"))
        self.reply_edit.setTabChangesFocus(True)
        self.reply_edit.setMaximumHeight(110)
        follow_text_direction(self.reply_edit)
        self.reply_edit.send_requested.connect(self._on_send_clicked)
        self.send_button = QPushButton(icon("send"), self.tr("Send reply"))
        self.send_button.setProperty("role", "primary")
        self.send_button.setToolTip(
            self.tr(
                "Sends now through the customer's profile; no limits or queue apply (Ctrl+Enter)"
            )
        )
        self.send_button.clicked.connect(self._on_send_clicked)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Reply result"))
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        send_row = QHBoxLayout()
        send_row.addWidget(self.result_label, 1)
        send_row.addWidget(self.send_button)

        detail = QWidget()
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.customer_label)
        layout.addWidget(self.sticky_label)
        layout.addLayout(flag_row)
        layout.addWidget(self.thread_view, 1)
        layout.addWidget(self.reply_edit)
        layout.addLayout(send_row)
        return detail

    # --- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reloads the conversations and the open thread; coalesced, deferred while hidden."""
        self.refresher.request()

    def _start_load(self) -> bool:
        package_id = self.context.package_id
        if not package_id:
            self._show_state()
            return False
        run_task(
            self._load(package_id, self.phone),
            on_done=self._on_loaded,
            on_error=self._on_load_failed,
        )
        return True

    async def _load(self, package_id: str, phone: str) -> _Snapshot:
        services = self.context.services
        profiles = await services.profiles.list(package_id)
        conversations = await services.inbox.conversations(package_id)
        thread = await services.inbox.conversation(package_id, phone) if phone else None
        return _Snapshot(package_id, {p.id: p.name for p in profiles}, conversations, phone, thread)

    def _on_loaded(self, snap: _Snapshot) -> None:
        current = snap.package_id == self.context.package_id
        if current:
            self.names = snap.names
            self.model.apply(
                [
                    ConversationRow(s, self.names.get(s.profile_id or "", s.profile_id or ""))
                    for s in snap.conversations
                ]
            )
            if snap.thread is not None and snap.phone == self.phone:
                self._show_thread(snap.thread)
            self._show_state()
            self._show_detail()
        self.refresher.finished(again=not current)

    def _on_load_failed(self, exc: BaseException) -> None:
        self.empty.text.setText(
            self.tr("The conversations could not be loaded: {error}").format(error=describe(exc))
        )
        self.stack.setCurrentWidget(self.empty)
        self.refresher.finished()

    def _show_thread(self, items: list[ConversationItem]) -> None:
        before = self.thread_model.rowCount()
        self.thread_model.apply(thread_lines(items, self.names))
        if self.thread_model.rowCount() != before:
            self.thread_view.scrollToBottom()

    def _load_thread(self) -> None:
        package_id, phone = self.context.package_id, self.phone

        def done(items: list[ConversationItem]) -> None:
            if (package_id, phone) == (self.context.package_id, self.phone):
                self._show_thread(items)

        run_task(self.context.services.inbox.conversation(package_id, phone), on_done=done)

    # --- what is shown -----------------------------------------------------------------

    def _show_state(self) -> None:
        if not self.context.package_id:
            self.stack.setCurrentWidget(self.no_package)
        elif self.model.rowCount() == 0:
            self.empty.text.setText(translate("InboxPage", WEBHOOK_HINT))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.content)

    def current_row(self) -> ConversationRow | None:
        """The open conversation's row, as last loaded."""
        at = self.model.row_for(self.phone) if self.phone else None
        return self.model.row_at(at) if at is not None else None

    def _show_detail(self) -> None:
        row = self.current_row()
        if row is None:
            self.detail_stack.setCurrentWidget(self.no_selection)
            return
        self.detail_stack.setCurrentIndex(1)
        s = row.summary
        show_value(self.customer_label, display(s.customer_phone))
        if row.profile_name:
            talks = self.tr("Talks to {profile}: replies go through it.")
            show_value(self.sticky_label, talks.format(profile=isolated(row.profile_name)))
        else:
            show_value(
                self.sticky_label, self.tr("No sticky profile yet: the best available one replies.")
            )
        if s.suppressed:
            show_value(
                self.flag_label,
                self.tr(
                    "Suppressed: Open Chat messages to this number are skipped. "
                    "Replies still go through."
                ),
            )
            set_role(self.flag_label, "error")
        elif s.possible_opt_out:
            show_value(
                self.flag_label,
                self.tr(
                    "This customer may have asked to stop. Read their message: if they opted out, "
                    "suppress the number."
                ),
            )
            set_role(self.flag_label, "error")
        else:
            show_value(self.flag_label, "")
            set_role(self.flag_label, "hint")
        self.suppress_button.setVisible(not s.suppressed)
        set_role(self.suppress_button, "primary" if s.possible_opt_out else "")
        self.unsuppress_button.setVisible(s.suppressed)

    def _show_result(self, text: str, ok: bool | None) -> None:
        show_value(self.result_label, text)
        set_role(self.result_label, "hint" if ok is None else "ok" if ok else "error")

    # --- actions -----------------------------------------------------------------------

    def _on_send_clicked(self) -> None:
        if not self.phone or not self.send_button.isEnabled():
            return
        body = self.reply_edit.toPlainText()
        if not body.strip():
            self._show_result(self.tr("Write the reply first."), False)
            self.reply_edit.setFocus()
            return
        try:
            region = self.context.services.settings.view().default_region
            request = read_reply_request({"text": body, "recipient": self.phone}, region)
        except ValidationFailed as exc:
            self._show_result(describe(exc), False)
            return
        package_id, phone = self.context.package_id, self.phone
        self._show_result(self.tr("Sending…"), None)

        def done(result: ReplyResult) -> None:
            text, sent = describe_reply(result, self.names)
            self._show_result(text, sent)
            if sent and phone == self.phone and self.reply_edit.toPlainText() == body:
                self.reply_edit.clear()
            self.refresh()

        run_task(
            self.context.services.replies.send_reply(package_id, request),
            busy=self.send_button,
            on_done=done,
            on_error=lambda exc: self._show_result(
                self.tr("Not sent: {error}").format(error=describe(exc)), False
            ),
        )

    def _on_suppress_clicked(self) -> None:
        package_id, phone = self.context.package_id, self.phone

        def done(skipped: int) -> None:
            text = self.tr("{number} is suppressed.").format(number=display(phone))
            if skipped:
                more = self.tr("%n queued Open Chat message(s) to it were skipped.", "", skipped)
                text += " " + more
            self._show_result(text, True)
            self.refresh()

        run_task(
            self.context.services.inbox.suppress(package_id, phone, actor="desktop"),
            busy=self.suppress_button,
            on_done=done,
            on_error=lambda exc: self._show_result(describe(exc), False),
        )

    def _on_unsuppress_clicked(self) -> None:
        run_task(
            self._unsuppress(self.context.package_id, self.phone),
            busy=self.unsuppress_button,
            on_error=lambda exc: self._show_result(describe(exc), False),
        )

    async def _unsuppress(self, package_id: str, phone: str) -> None:
        ok = await confirm(
            self,
            self.tr("Lift suppression"),
            self.tr(
                "{number} will receive Open Chat messages from this package again. "
                "Only do this if the customer asked to hear from you again."
            ).format(number=display(phone)),
            yes=self.tr("Lift suppression"),
        )
        if not ok:
            return
        await self.context.services.inbox.unsuppress(package_id, phone, actor="desktop")
        again = self.tr("{number} can receive Open Chat messages again.")
        self._show_result(again.format(number=display(phone)), True)
        self.refresh()

    # --- signals -----------------------------------------------------------------------

    def _on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].data(ROW_ROLE) if rows else None
        phone = row.phone if isinstance(row, ConversationRow) else ""
        if phone == self.phone:
            return
        self.phone = phone
        self.thread_model.reset([])
        self._show_result("", None)
        self._show_detail()
        if phone:
            self._load_thread()

    def _on_context_package_changed(self, _package_id: str) -> None:
        self.phone = ""
        self.model.reset([])
        self.thread_model.reset([])
        self._show_detail()
        self._show_state()
        self.refresh()

    def _mine(self, events: list) -> list:  # type: ignore[type-arg]
        return [e for e in events if e.package_id == self.context.package_id]

    def _on_bridge_inbound_received(self, events: list) -> None:  # type: ignore[type-arg]
        if self._mine(events):
            self.refresh()

    def _on_bridge_replies_sent(self, events: list) -> None:  # type: ignore[type-arg]
        if self._mine(events):
            self.refresh()

    def _on_bridge_deliveries_recorded(self, events: list) -> None:  # type: ignore[type-arg]
        # Open Chat messages to the open customer belong in its thread too.
        if self.phone and any(e.recipient == self.phone for e in self._mine(events)):
            self.refresh()
