"""The window shell: a sidebar of pages, the page stack and a status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from spreader_app.gui.context import AppContext
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, ltr, translate
from spreader_app.gui.icons import app_icon, icon
from spreader_app.gui.widgets.accessibility import show_value

# Each page module is imported when its page is first shown, not with the window: importing
# and building all six up front took a large share of the time to the first paint. The
# imports stay literal so that packaging tools still find the modules.


def _packages_page(context: AppContext) -> QWidget:
    from spreader_app.gui.pages.packages_page import PackagesPage

    return PackagesPage(context)


def _profiles_page(context: AppContext) -> QWidget:
    from spreader_app.gui.pages.profiles_page import ProfilesPage

    return ProfilesPage(context)


def _send_page(context: AppContext) -> QWidget:
    from spreader_app.gui.pages.send_page import SendPage

    return SendPage(context)


def _inbox_page(context: AppContext) -> QWidget:
    from spreader_app.gui.pages.inbox_page import InboxPage

    return InboxPage(context)


def _messages_page(context: AppContext) -> QWidget:
    from spreader_app.gui.pages.messages_page import MessagesPage

    return MessagesPage(context)


def _settings_page(context: AppContext) -> QWidget:
    from spreader_app.gui.pages.settings_page import SettingsPage

    return SettingsPage(context)


@dataclass(frozen=True)
class PageSpec:
    """A sidebar entry; ``title`` and ``hint`` are English source texts of the "MainWindow"
    context, translated where they are shown."""

    key: str
    title: str
    icon: str
    factory: Callable[[AppContext], QWidget]
    hint: str

    def shown_title(self) -> str:
        return translate("MainWindow", self.title)

    def shown_hint(self) -> str:
        return translate("MainWindow", self.hint)


PAGES = (
    PageSpec(
        "packages",
        QT_TRANSLATE_NOOP("MainWindow", "Packages"),
        "packages",
        _packages_page,
        QT_TRANSLATE_NOOP("MainWindow", "Pools of devices and their sending policy"),
    ),
    PageSpec(
        "profiles",
        QT_TRANSLATE_NOOP("MainWindow", "Profiles"),
        "profiles",
        _profiles_page,
        QT_TRANSLATE_NOOP("MainWindow", "WhatsApp devices, live limits and health"),
    ),
    PageSpec(
        "send",
        QT_TRANSLATE_NOOP("MainWindow", "Send"),
        "send",
        _send_page,
        QT_TRANSLATE_NOOP("MainWindow", "Open Chat: broadcasts and notifications"),
    ),
    PageSpec(
        "inbox",
        QT_TRANSLATE_NOOP("MainWindow", "Inbox"),
        "inbox",
        _inbox_page,
        QT_TRANSLATE_NOOP("MainWindow", "Reply Chat: customers' messages and your answers"),
    ),
    PageSpec(
        "messages",
        QT_TRANSLATE_NOOP("MainWindow", "Messages"),
        "messages",
        _messages_page,
        QT_TRANSLATE_NOOP("MainWindow", "Every message and delivery, with export"),
    ),
    PageSpec(
        "settings",
        QT_TRANSLATE_NOOP("MainWindow", "Settings"),
        "settings",
        _settings_page,
        QT_TRANSLATE_NOOP("MainWindow", "Local API, webhook URL, region and theme"),
    ),
)
PAGE_KEYS = tuple(spec.key for spec in PAGES)


class MainWindow(QMainWindow):
    """Hosts the pages. Closing hides to the tray when ``keep_running`` says so."""

    quit_requested = Signal()

    def __init__(self, context: AppContext, *, keep_running: Callable[[], bool] = lambda: False):
        super().__init__()
        self.context = context
        self._keep_running = keep_running
        self.setWindowTitle(self.tr("Spreader"))
        self.setWindowIcon(app_icon())
        self.resize(1180, 760)
        self.setMinimumSize(QSize(900, 600))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Section content"))
        # The pages built so far, by key; ``page()`` builds the others on demand. Until then
        # an empty widget holds each one's place in the stack.
        self.pages: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        for n, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(icon(spec.icon), spec.shown_title())
            item.setToolTip(
                self.tr("{hint} ({shortcut})").format(
                    hint=spec.shown_hint(), shortcut=ltr(f"Ctrl+{n}")
                )
            )
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, spec.shown_hint())
            self.sidebar.addItem(item)
            self._placeholders[spec.key] = QWidget()
            self.stack.addWidget(self._placeholders[spec.key])
            action = QAction(spec.shown_title(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            self.addAction(action)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        self.sidebar.selectionModel().selectionChanged.connect(self._on_sidebar_selection_changed)
        self.sidebar.setCurrentRow(0)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.api_label = QLabel()
        self.api_label.setAccessibleName(self.tr("Local API status"))
        self.activity_label = QLabel()
        self.activity_label.setAccessibleName(self.tr("Sending activity"))
        show_value(self.activity_label, self.tr("Idle"))
        self.statusBar().addWidget(self.activity_label, 1)
        self.statusBar().addPermanentWidget(self.api_label)

        quit_action = QAction(self.tr("Quit Spreader"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.quit_requested.emit)
        self.addAction(quit_action)
        context.navigate.connect(self.show_page)
        context.bridge.messages_progressed.connect(self._on_bridge_progress)

    def show_page(self, key: str) -> None:
        if key in PAGE_KEYS:
            self.sidebar.setCurrentRow(PAGE_KEYS.index(key))

    def page(self, key: str) -> QWidget:
        """The page for ``key`` (one of ``PAGE_KEYS``), built now if it was never shown; it
        stays hidden until shown. Raises ``KeyError`` for an unknown key."""
        built = self.pages.get(key)
        if built is not None:
            return built
        if key not in PAGE_KEYS:
            raise KeyError(f"no page {key!r}; the pages are {', '.join(PAGE_KEYS)}")
        index = PAGE_KEYS.index(key)
        spec = PAGES[index]
        built = spec.factory(self.context)
        built.setAccessibleName(self.tr("{title} page").format(title=spec.shown_title()))
        self.pages[key] = built
        placeholder = self._placeholders.pop(key)
        self.stack.insertWidget(index, built)
        # Switch before removing: removing the current widget would show its neighbour,
        # and a page being shown starts loading its data.
        if self.stack.currentWidget() is placeholder:
            self.stack.setCurrentWidget(built)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        return built

    def current_page_key(self) -> str:
        return PAGES[self.stack.currentIndex()].key

    def set_api_status(self, text: str) -> None:
        show_value(self.api_label, text)

    def _on_sidebar_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.stack.setCurrentWidget(self.page(PAGES[row].key))

    def _on_sidebar_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        # Assistive tools choose an entry by selecting it (the item's Toggle action, AT-SPI's
        # Selection), which moves no current row: follow the selection. When a tool unselects
        # the shown section, select it again once the tool's own change is complete.
        rows = [index.row() for index in selected.indexes()]
        if rows:
            self.sidebar.setCurrentRow(rows[0])
        elif not self.sidebar.selectedIndexes():
            QTimer.singleShot(0, self, self._reselect_current_section)

    def _reselect_current_section(self) -> None:
        if not self.sidebar.selectedIndexes():
            flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.sidebar.setCurrentRow(self.sidebar.currentRow(), flag)

    def _on_bridge_progress(self, progress: list) -> None:  # type: ignore[type-arg]
        running = [p for p in progress if p.status.value in ("processing", "queued")]
        if running:
            p = running[-1]
            text = self.tr("Sending: {processed}/{total} processed, {failed} failed")
            show_value(
                self.activity_label,
                text.format(processed=p.processed, total=p.total, failed=p.failed),
            )
        else:
            show_value(self.activity_label, self.tr("Idle"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._keep_running():
            event.ignore()
            self.hide()
        else:
            event.ignore()
            self.quit_requested.emit()
