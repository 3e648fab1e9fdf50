"""Reloading a page's data only while it is visible, one load at a time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class PageRefresher(QObject):
    """Runs ``load`` for ``page`` when asked: at once while the page is visible and idle.

    While a load runs, further requests collapse into one follow-up load. While the page is
    hidden, requests only mark it stale: it loads when it is next shown (it starts stale, so
    its first showing loads). ``load`` returns whether it started a load; a started load ends
    with ``finished()``, whether it succeeded or failed. ``request_soon()`` waits
    ``delay_ms`` first, so a burst of engine events costs one load.
    """

    def __init__(self, page: QWidget, load: Callable[[], bool], delay_ms: int = 0) -> None:
        super().__init__(page)
        self._page = page
        self._load = load
        self._loading = False
        self._again = False
        self._stale = True
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(delay_ms)
        self._delay.timeout.connect(self.request)
        page.installEventFilter(self)

    @property
    def loading(self) -> bool:
        """Whether a load is running."""
        return self._loading

    @property
    def scheduled(self) -> bool:
        """Whether a ``request_soon()`` is still waiting for its delay."""
        return self._delay.isActive()

    def request(self) -> None:
        """Loads now, after the running load, or when the page is next shown."""
        if not self._page.isVisible():
            self._stale = True
            return
        if self._loading:
            self._again = True
            return
        self._stale = False
        self._loading = self._load()

    def request_soon(self) -> None:
        """Requests a load once ``delay_ms`` have passed since the first of these calls."""
        if not self._delay.isActive():
            self._delay.start()

    def finished(self, *, again: bool = False) -> None:
        """Ends the running load; ``again`` when its result was outdated and was dropped."""
        self._loading = False
        if again or self._again:
            self._again = False
            self.request()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._page and event.type() == QEvent.Type.Show and self._stale:
            self.request()
        return False
