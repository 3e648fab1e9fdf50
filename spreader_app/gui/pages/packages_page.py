"""The Packages page: the list of packages beside the policy editor.

Selecting a package makes it current for every page (``context.set_package``). After any
change the page awaits ``context.reload_packages()``, so the pickers on other pages follow.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.models import Package
from spreader_app.gui.context import AppContext
from spreader_app.gui.dialogs import confirm
from spreader_app.gui.i18n import isolated
from spreader_app.gui.pages.package_editor import PackageEditor
from spreader_app.gui.tables.packages_table import PackageRow, PackagesTableModel
from spreader_app.gui.tables.snapshot_model import ROW_ROLE
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.empty_state import EmptyState
from spreader_app.gui.widgets.live_table import setup_live_table
from spreader_app.gui.widgets.page_actions import page_action, tool_button
from spreader_app.gui.widgets.pool_banner import PoolBanner
from spreader_app.gui.widgets.refresher import PageRefresher

log = logging.getLogger(__name__)


class PackagesPage(QWidget):
    """Package list, create/edit through ``PackageEditor``, delete with confirmation."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._composing = False
        self._counts: dict[str, int] = {}
        self.counter = PageRefresher(self, self._start_count)
        self._syncing = False

        self.new_action = page_action(
            self,
            self.tr("Ne&w package"),
            "add",
            "Ctrl+N",
            self.tr("Create a package with its sending policy"),
        )
        self.new_action.triggered.connect(self.start_new)
        self.table = QTableView()
        self.delete_action = page_action(
            self.table,
            self.tr("Delete packa&ge…"),
            "delete",
            "Delete",
            self.tr("Delete the selected package"),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.delete_action.triggered.connect(self._on_delete_triggered)

        title = QLabel(self.tr("Packages"))
        title.setProperty("role", "title")
        header = QHBoxLayout()
        header.addWidget(title, 1)
        self.new_button = tool_button(self.new_action)
        self.delete_button = tool_button(self.delete_action)
        header.addWidget(self.new_button)
        header.addWidget(self.delete_button)

        self.model = PackagesTableModel(self)
        self.proxy = setup_live_table(self.table, self.model, self.tr("Packages"))
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.editor = PackageEditor(context)
        self.editor.setAccessibleName(self.tr("Package editor"))
        self.editor.saved.connect(self._on_editor_saved)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.empty = EmptyState(
            self.tr("No packages yet"),
            self.tr(
                "A package is a pool of WhatsApp numbers and the rules they send by: caps, "
                "pauses and active hours. Create one, then add its profiles."
            ),
            action=self.tr("Create your first package"),
        )
        self.empty.action_clicked.connect(self.start_new)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(splitter)

        self.pool_banner = PoolBanner(context, self)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.pool_banner)
        layout.addWidget(self.stack, 1)

        context.packages_changed.connect(self._on_context_packages_changed)
        context.package_changed.connect(self._on_context_package_changed)
        self._on_context_packages_changed(context.packages)
        self._on_context_package_changed(context.package_id)

    # --- what is shown -------------------------------------------------------------------

    def selected_package(self) -> Package | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return row.package if isinstance(row, PackageRow) else None

    def start_new(self) -> None:
        """Opens an empty form for a new package."""
        self._composing = True
        self.table.selectionModel().clearSelection()
        self.editor.start_new()
        self._update_view()
        self.editor.name_edit.setFocus()

    def _update_view(self) -> None:
        has_packages = bool(self.context.packages)
        self.stack.setCurrentIndex(1 if has_packages or self._composing else 0)
        self.delete_action.setEnabled(self.selected_package() is not None)

    def _rows(self) -> list[PackageRow]:
        return [PackageRow(p, self._counts.get(p.id)) for p in self.context.packages]

    def _show_package(self, package_id: str) -> None:
        """Selects ``package_id`` in the list and loads it into the editor."""
        package = next((p for p in self.context.packages if p.id == package_id), None)
        if package is None:
            return
        self._composing = False
        at = self.model.row_for(package_id)
        if at is not None:
            index = self.proxy.mapFromSource(self.model.index(at, 0))
            if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
                self._syncing = True
                try:
                    self.table.selectRow(index.row())
                finally:
                    self._syncing = False
        shown = self.editor.package
        # Same package, changed elsewhere: take the new values unless the person is editing.
        if (
            shown is None
            or shown.id != package_id
            or (shown != package and not self.editor.is_dirty())
        ):
            self.editor.load(package, self._counts.get(package_id, 0))
        self._update_view()

    # --- slots -----------------------------------------------------------------------------

    def _on_context_packages_changed(self, packages: list[Package]) -> None:
        self.model.apply(self._rows())
        self.counter.request()
        current = self.editor.package
        if current is not None and current.id not in {p.id for p in packages}:
            self.editor.start_new()
        self._on_context_package_changed(self.context.package_id)

    def _on_context_package_changed(self, package_id: str) -> None:
        if package_id and not self._composing:
            self._show_package(package_id)
        self._update_view()

    def _on_table_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        if self._syncing:
            return
        package = self.selected_package()
        if package is not None:
            self.context.set_package(package.id)
            self._composing = False
            self._show_package(package.id)
        self._update_view()

    def _on_editor_saved(self, package: Package) -> None:
        self._composing = False
        self._show_package(package.id)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        # Profiles are added on another page: recount when this one comes back into view
        # (a request while hidden only marks the counts stale).
        self.counter.request()

    # --- profile counts ----------------------------------------------------------------

    def _start_count(self) -> bool:
        if not self.context.packages:
            return False
        run_task(self._load_counts(), on_done=self._on_counts, on_error=self._on_counts_failed)
        return True

    async def _load_counts(self) -> dict[str, int]:
        service = self.context.services.profiles
        return {p.id: len(await service.list(p.id)) for p in list(self.context.packages)}

    def _on_counts(self, counts: dict[str, int]) -> None:
        self._counts = counts
        self.model.apply(self._rows())
        current = self.editor.package
        if current is not None and current.id in counts:
            self.editor.set_profile_count(counts[current.id])
        self.counter.finished()

    def _on_counts_failed(self, exc: BaseException) -> None:
        # A package deleted while counting; the next reload counts again.
        log.info("profile count skipped: %s", describe(exc))
        self.counter.finished()

    # --- deleting ------------------------------------------------------------------------

    def _on_delete_triggered(self) -> None:
        package = self.selected_package()
        if package is not None:
            run_task(self._delete(package), busy=self.table)

    async def _delete(self, package: Package) -> bool:
        """Asks first; ``True`` when the package was deleted."""
        count = self._counts.get(package.id, 0)
        if count:
            question = self.tr(
                "Delete the package “{name}” and its %n profile(s)? Its messages and "
                "conversations are deleted with it. This cannot be undone.",
                "",
                count,
            )
        else:
            question = self.tr(
                "Delete the package “{name}”? Its messages and conversations are deleted with "
                "it. This cannot be undone."
            )
        question = question.format(name=isolated(package.name))
        if not await confirm(self, self.tr("Delete package"), question, yes=self.tr("Delete")):
            return False
        await self.context.services.packages.delete(package.id, actor="desktop")
        await self.context.reload_packages()
        return True
