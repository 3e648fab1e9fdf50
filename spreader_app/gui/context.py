"""What every page shares: the services, the event bridge and the package being worked on."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from spreader_app.core.models import Package
from spreader_app.core.reply_router import ReplyRouter
from spreader_app.core.services.inbox import InboxService
from spreader_app.core.services.packages import PackageService
from spreader_app.core.services.pool import PoolService
from spreader_app.core.services.profiles import ProfileService
from spreader_app.core.services.receiving import ReceivingService
from spreader_app.core.services.sending import SendingService
from spreader_app.core.services.settings import SettingsService
from spreader_app.core.services.stats import StatsService
from spreader_app.core.services.templates import TemplateService
from spreader_app.core.services.why import WhyService
from spreader_app.gui.bridge import EventBridge


@dataclass(frozen=True)
class Services:
    """The use cases the window may call; nothing below this layer is reachable from gui/."""

    packages: PackageService
    profiles: ProfileService
    sending: SendingService
    replies: ReplyRouter
    stats: StatsService
    inbox: InboxService
    settings: SettingsService
    receiving: ReceivingService
    templates: TemplateService
    pool: PoolService
    # Why each delivery waits (``None``: not offered, e.g. a test's fake services).
    why: WhyService | None = None


class AppContext(QObject):
    """Shared by all pages: ``package_changed`` fires when the current package changes,
    ``packages_changed`` when the list of packages (or one of them) changed."""

    package_changed = Signal(str)  # package id, "" for none
    packages_changed = Signal(list)  # list[Package]
    navigate = Signal(str)  # page key to show, e.g. "profiles"
    settings_saved = Signal(object)  # SettingsView, after Settings saved a change
    restart_requested = Signal()  # the owner asked to restart now (see restart_available)

    def __init__(self, services: Services, bridge: EventBridge, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.bridge = bridge
        self.packages: list[Package] = []
        self.package_id = ""
        # True when something restarts the app on restart_requested (the desktop session).
        self.restart_available = False

    def set_packages(self, packages: list[Package]) -> None:
        self.packages = list(packages)
        self.packages_changed.emit(self.packages)
        if self.package_id not in {p.id for p in packages}:
            self.set_package(packages[0].id if packages else "")

    def set_package(self, package_id: str) -> None:
        if package_id != self.package_id:
            self.package_id = package_id
            self.package_changed.emit(package_id)

    @property
    def package(self) -> Package | None:
        return next((p for p in self.packages if p.id == self.package_id), None)

    async def reload_packages(self) -> None:
        self.set_packages(await self.services.packages.list())
