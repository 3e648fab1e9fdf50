"""The Profiles page: the current package's devices with live limit gauges and actions.

While visible, the page polls ``StatsService.package_stats`` every second and also when
the bridge reports deliveries or profile changes for this package; at most one refresh is
in flight (more requests meanwhile collapse into one follow-up). Rows go through
``model.apply()``, so selection and scroll position survive every refresh.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import NotFound
from spreader_app.core.events import DeliveryRecorded, ProfileStatusChanged
from spreader_app.core.models import Profile, ProfileStatus
from spreader_app.gui.context import AppContext
from spreader_app.gui.dialogs import confirm, run_dialog
from spreader_app.gui.i18n import isolated, shown_reason
from spreader_app.gui.pages.profile_dialog import ProfileDialog
from spreader_app.gui.tables.profiles_table import (
    DAILY_COLUMN,
    HEALTH_COLUMN,
    HOURLY_COLUMN,
    PROFILE_STATUS_LABELS,
    ProfileRow,
    ProfilesTableModel,
    profile_rows,
)
from spreader_app.gui.tables.snapshot_model import ROW_ROLE
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.accessibility import show_value
from spreader_app.gui.widgets.empty_state import EmptyState
from spreader_app.gui.widgets.gauge_delegate import GaugeDelegate
from spreader_app.gui.widgets.live_table import setup_live_table
from spreader_app.gui.widgets.package_picker import PackagePicker
from spreader_app.gui.widgets.page_actions import page_action, tool_button
from spreader_app.gui.widgets.pool_banner import PoolBanner
from spreader_app.gui.widgets.profile_gauges import ProfileGauges
from spreader_app.gui.widgets.refresher import PageRefresher
from spreader_app.gui.widgets.roles import error_label

log = logging.getLogger(__name__)

POLL_MS = 1000
_NO_PACKAGE, _NO_PROFILES, _TABLE = range(3)


class ReasonPanel(QFrame):
    """Why the selected profile does not send, and the button that sets it active again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Why this profile is not sending"))
        self.title = QLabel()
        self.title.setProperty("role", "error")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.activate_button = QPushButton(self.tr("Set active again"))
        self.activate_button.setProperty("role", "primary")
        self.activate_button.setToolTip(
            self.tr("Clears the block or pause; do this once the cause above is fixed")
        )
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.reason)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        layout.addWidget(self.activate_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_for(self, row: ProfileRow | None) -> None:
        """Shown only for a profile the engine (or the owner) stopped with a reason."""
        if row is None or not row.needs_attention:
            self.hide()
            return
        label = PROFILE_STATUS_LABELS[row.profile.status]
        self.title.setText(
            self.tr("{name} is {status}").format(
                name=isolated(row.profile.name), status=label.lower()
            )
        )
        show_value(self.reason, shown_reason(row.profile.status_reason))
        self.show()


class ProfilesPage(QWidget):
    """Profiles of the current package: add, edit, delete, switch on and off, watch limits."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.dialog: ProfileDialog | None = None
        self.refresher = PageRefresher(self, self._start_load)
        self._loaded_for = ""
        self._select_pending = ""

        self.picker = PackagePicker(context)
        title = QLabel(self.tr("Profiles"))
        title.setProperty("role", "title")

        self.model = ProfilesTableModel(self)
        self.table = QTableView()
        self.proxy = setup_live_table(self.table, self.model, self.tr("Profiles"))
        self.usage_delegate = GaugeDelegate(self.table)
        self.health_delegate = GaugeDelegate(self.table, higher_is_better=True)
        self.table.setItemDelegateForColumn(HOURLY_COLUMN, self.usage_delegate)
        self.table.setItemDelegateForColumn(DAILY_COLUMN, self.usage_delegate)
        self.table.setItemDelegateForColumn(HEALTH_COLUMN, self.health_delegate)

        self.add_action = page_action(
            self,
            self.tr("&Add profile…"),
            "add",
            "Insert",
            self.tr("Add a WhatsApp number to this package"),
        )
        self.edit_action = page_action(
            self.table,
            self.tr("&Edit…"),
            "edit",
            "Return",
            self.tr("Edit the selected profile"),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.edit_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.delete_action = page_action(
            self.table,
            self.tr("&Delete…"),
            "delete",
            "Delete",
            self.tr("Delete the selected profile"),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.toggle_action = page_action(
            self,
            self.tr("Ac&tive on/off"),
            "pause",
            "Ctrl+T",
            self.tr("Set the selected profile active or inactive"),
        )
        self.add_action.triggered.connect(self._on_add_triggered)
        self.edit_action.triggered.connect(self._on_edit_triggered)
        self.delete_action.triggered.connect(self._on_delete_triggered)
        self.toggle_action.triggered.connect(self._on_toggle_triggered)
        self.table.doubleClicked.connect(self._on_edit_triggered)
        self.menu = QMenu(self)
        for action in (self.add_action, self.edit_action, self.toggle_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.delete_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)

        self.add_button = tool_button(self.add_action)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.picker, 1)
        toolbar.addWidget(self.add_button)
        for action in (self.edit_action, self.toggle_action, self.delete_action):
            toolbar.addWidget(tool_button(action))

        self.reason_panel = ReasonPanel()
        self.reason_panel.activate_button.clicked.connect(self._on_reason_activate_clicked)
        self.status_label = error_label()

        self.no_package = EmptyState(
            self.tr("Create a package first"),
            self.tr("Profiles belong to a package, which sets how fast and when they may send."),
            action=self.tr("Go to Packages"),
            icon_name="packages",
        )
        self.no_package.action_clicked.connect(lambda: self.context.navigate.emit("packages"))
        self.no_profiles = EmptyState(
            self.tr("No profiles in this package"),
            self.tr(
                "A profile is one WhatsApp number connected to Zentra. Add its device UUID and "
                "API token to start sending through it."
            ),
            action=self.tr("Add your first profile"),
        )
        self.no_profiles.action_clicked.connect(self._on_add_triggered)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.table, 1)
        content_layout.addWidget(self.reason_panel)
        self.gauges = ProfileGauges()
        content_layout.addWidget(self.gauges)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.no_package)
        self.stack.addWidget(self.no_profiles)
        self.stack.addWidget(content)

        self.pool_banner = PoolBanner(context, self)
        self.pool_banner.changed.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(toolbar)
        layout.addWidget(self.pool_banner)
        layout.addWidget(self.status_label)
        layout.addWidget(self.stack, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        context.package_changed.connect(self._on_context_package_changed)
        context.bridge.deliveries_recorded.connect(self._on_bridge_deliveries_recorded)
        context.bridge.profiles_changed.connect(self._on_bridge_profiles_changed)
        self._update_view()

    # --- what is shown -------------------------------------------------------------------

    def selected_row(self) -> ProfileRow | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].data(ROW_ROLE) if rows else None
        return row if isinstance(row, ProfileRow) else None

    def select_profile(self, profile_id: str) -> None:
        at = self.model.row_for(profile_id)
        if at is not None:
            index = self.proxy.mapFromSource(self.model.index(at, 0))
            self.table.selectRow(index.row())

    def _update_view(self) -> None:
        if not self.context.package_id:
            page = _NO_PACKAGE
        elif self._loaded_for == self.context.package_id and self.model.rowCount() == 0:
            page = _NO_PROFILES
        else:
            page = _TABLE
        self.stack.setCurrentIndex(page)
        self.add_action.setEnabled(bool(self.context.package_id))
        row = self.selected_row()
        for action in (self.edit_action, self.delete_action, self.toggle_action):
            action.setEnabled(row is not None)
        if row is not None:
            active = row.profile.status is ProfileStatus.ACTIVE
            self.toggle_action.setText(
                self.tr("Set &inactive") if active else self.tr("Set ac&tive")
            )
        self.reason_panel.show_for(row)
        self.gauges.show_for(row)

    # --- refreshing ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reloads profiles and their limits: one load at a time, and none while hidden."""
        self.refresher.request()

    def _start_load(self) -> bool:
        package_id = self.context.package_id
        if not package_id:
            return False
        run_task(self._load(package_id), on_done=self._on_loaded, on_error=self._on_load_failed)
        return True

    async def _load(self, package_id: str) -> tuple[str, list[ProfileRow]]:
        services = self.context.services
        profiles = await services.profiles.list(package_id)
        stats = await services.stats.package_stats(package_id)
        return package_id, profile_rows(profiles, stats)

    def _on_loaded(self, result: tuple[str, list[ProfileRow]]) -> None:
        package_id, rows = result
        if package_id == self.context.package_id:
            self.model.apply(rows)
            self._loaded_for = package_id
            self.status_label.hide()
            if self._select_pending and self.model.row_for(self._select_pending) is not None:
                self.select_profile(self._select_pending)
                self._select_pending = ""
            self._update_view()
        self.refresher.finished()

    def _on_load_failed(self, exc: BaseException) -> None:
        # A package deleted meanwhile is not worth a message: the package list follows.
        if not isinstance(exc, NotFound):
            log.warning("profile stats failed", exc_info=exc)
            self.status_label.setText(
                self.tr("Live limits are not updating: {error}").format(error=describe(exc))
            )
            self.status_label.show()
        self.refresher.finished()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self.timer.stop()
        self.refresh()  # only marks the limits stale: the next showing reloads them

    # --- slots ---------------------------------------------------------------------------

    def _on_context_package_changed(self, package_id: str) -> None:
        self.model.reset([])
        self._loaded_for = ""
        self._update_view()
        self.refresh()

    def _on_bridge_deliveries_recorded(self, events: list[DeliveryRecorded]) -> None:
        if any(e.package_id == self.context.package_id for e in events):
            self.refresh()

    def _on_bridge_profiles_changed(self, events: list[ProfileStatusChanged]) -> None:
        if any(e.package_id == self.context.package_id for e in events):
            self.refresh()

    def _on_selection_changed(self, *_: object) -> None:
        self._update_view()

    def _on_table_context_menu(self, pos: QPoint) -> None:
        # popup(), not exec(): no nested event loop while the engine runs on this thread.
        self.menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- actions -------------------------------------------------------------------------

    def _on_add_triggered(self) -> None:
        if self.context.package_id and self.dialog is None:
            run_task(self._open_dialog(None))

    def _on_edit_triggered(self, _index: QModelIndex | None = None) -> None:
        row = self.selected_row()
        if row is not None and self.dialog is None:
            run_task(self._open_dialog(row.profile))

    async def _open_dialog(self, profile: Profile | None) -> None:
        self.dialog = ProfileDialog(self.context, self.context.package_id, profile, self)
        try:
            code = await run_dialog(self.dialog)
            saved = self.dialog.saved_profile
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        if code == QDialog.DialogCode.Accepted.value and saved is not None:
            self._select_pending = saved.id
            self.refresh()

    def _on_delete_triggered(self) -> None:
        row = self.selected_row()
        if row is not None:
            run_task(self._delete(row.profile), busy=self.table)

    async def _delete(self, profile: Profile) -> bool:
        """Asks first; ``True`` when the profile was deleted."""
        question = self.tr(
            "Delete the profile “{name}” and its stored token? Messages it sent "
            "stay in the log. This cannot be undone."
        ).format(name=isolated(profile.name))
        if not await confirm(self, self.tr("Delete profile"), question, yes=self.tr("Delete")):
            return False
        await self.context.services.profiles.delete(profile.package_id, profile.id, "desktop")
        self.refresh()
        return True

    def _on_toggle_triggered(self) -> None:
        row = self.selected_row()
        if row is not None:
            active = row.profile.status is ProfileStatus.ACTIVE
            self._set_status(row.profile, "inactive" if active else "active")

    def _on_reason_activate_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._set_status(row.profile, "active", busy=self.reason_panel.activate_button)

    def _set_status(self, profile: Profile, status: str, busy: QWidget | None = None) -> None:
        run_task(
            self.context.services.profiles.set_status(
                profile.package_id, profile.id, status, "desktop"
            ),
            busy=busy,
            on_done=lambda _profile: self.refresh(),
        )
