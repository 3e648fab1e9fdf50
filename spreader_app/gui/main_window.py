"""The window shell: a sidebar of pages, the page stack and a status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
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
from spreader_app.gui.icons import app_icon, icon
from spreader_app.gui.pages.inbox_page import InboxPage
from spreader_app.gui.pages.messages_page import MessagesPage
from spreader_app.gui.pages.packages_page import PackagesPage
from spreader_app.gui.pages.profiles_page import ProfilesPage
from spreader_app.gui.pages.send_page import SendPage
from spreader_app.gui.pages.settings_page import SettingsPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    factory: Callable[[AppContext], QWidget]
    hint: str


PAGES = (
    PageSpec(
        "packages",
        "Packages",
        "packages",
        PackagesPage,
        "Pools of devices and their sending policy",
    ),
    PageSpec(
        "profiles", "Profiles", "profiles", ProfilesPage, "WhatsApp devices, live limits and health"
    ),
    PageSpec("send", "Send", "send", SendPage, "Open Chat: broadcasts and notifications"),
    PageSpec(
        "inbox", "Inbox", "inbox", InboxPage, "Reply Chat: customers' messages and your answers"
    ),
    PageSpec(
        "messages", "Messages", "messages", MessagesPage, "Every message and delivery, with export"
    ),
    PageSpec(
        "settings", "Settings", "settings", SettingsPage, "Local API, webhook URL, region and theme"
    ),
)


class MainWindow(QMainWindow):
    """Hosts the pages. Closing hides to the tray when ``keep_running`` says so."""

    quit_requested = Signal()

    def __init__(self, context: AppContext, *, keep_running: Callable[[], bool] = lambda: False):
        super().__init__()
        self.context = context
        self._keep_running = keep_running
        self.setWindowTitle("Spreader")
        self.setWindowIcon(app_icon())
        self.resize(1180, 760)
        self.setMinimumSize(QSize(900, 600))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Sections")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Section content")
        self.pages: dict[str, QWidget] = {}
        for n, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setToolTip(f"{spec.hint} (Ctrl+{n})")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, spec.hint)
            self.sidebar.addItem(item)
            page = spec.factory(context)
            page.setAccessibleName(f"{spec.title} page")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            action = QAction(spec.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            self.addAction(action)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.api_label = QLabel()
        self.api_label.setAccessibleName("Local API status")
        self.activity_label = QLabel("Idle")
        self.activity_label.setAccessibleName("Sending activity")
        self.statusBar().addWidget(self.activity_label, 1)
        self.statusBar().addPermanentWidget(self.api_label)

        quit_action = QAction("Quit Spreader", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.quit_requested.emit)
        self.addAction(quit_action)
        context.navigate.connect(self.show_page)
        context.bridge.messages_progressed.connect(self._on_bridge_progress)

    def show_page(self, key: str) -> None:
        keys = [spec.key for spec in PAGES]
        if key in keys:
            self.sidebar.setCurrentRow(keys.index(key))

    def current_page_key(self) -> str:
        return PAGES[self.stack.currentIndex()].key

    def set_api_status(self, text: str) -> None:
        self.api_label.setText(text)

    def _on_bridge_progress(self, progress: list) -> None:  # type: ignore[type-arg]
        running = [p for p in progress if p.status.value in ("processing", "queued")]
        if running:
            p = running[-1]
            self.activity_label.setText(
                f"Sending: {p.processed}/{p.total} processed, {p.failed} failed"
            )
        else:
            self.activity_label.setText("Idle")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._keep_running():
            event.ignore()
            self.hide()
        else:
            event.ignore()
            self.quit_requested.emit()
