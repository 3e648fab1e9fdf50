"""Change notices between engines sharing a PostgreSQL: ``NOTIFY`` to tell, ``LISTEN`` to
hear.

When one engine creates or changes a package, a profile or a campaign, the others should
see it within moments, not at their next poll. ``publish`` sends a notice on the channel
(after the change was committed); a thread of each engine listens on a connection of its
own and hands the notices of the *other* engines to a callback on the event loop. Notices
only wake: whoever hears one re-reads the database, so a lost notice costs a poll interval,
never data. After its connection is (re)established the listener reports ``reload``, since
notices sent while it was away are gone.

SQLite has one engine per database: ``LocalNotices`` publishes and hears nothing.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any, Final

import psycopg
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from spreader_app.storage.database import Database

log = logging.getLogger(__name__)

CHANNEL: Final = "spreader_changes"
RELOAD: Final = "reload"  # packages, profiles or pools changed: re-read them
WAKE: Final = "wake"  # new or changed Open Chat work: look for it
_KINDS: Final = (RELOAD, WAKE)
_WAIT: Final = 0.5  # seconds between checks of the stop flag while listening
_RETRY: Final = 2.0  # seconds before reconnecting after the connection failed


class LocalNotices:
    """The notices of an engine alone on its database: nothing to tell, nothing to hear."""

    def publish(self, kind: str) -> None:
        pass

    def start(self, on_notice: Callable[[str], None]) -> None:
        pass

    def stop(self) -> None:
        pass


class PgNotices:
    """``NOTIFY``/``LISTEN`` on ``CHANNEL``; payloads are ``<instance id>:<kind>``."""

    def __init__(self, db: Database) -> None:
        self._db = db
        url = make_url(db.url).set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def publish(self, kind: str) -> None:
        """Tells the other engines, after everything queued before it is committed; call on
        the event loop. A failure is logged: the others then see the change at their poll."""
        payload = f"{self._db.instance_id}:{kind}"
        future = self._db.submit(lambda s: s.execute(select(func.pg_notify(CHANNEL, payload))))
        future.add_done_callback(_log_failure)

    def start(self, on_notice: Callable[[str], None]) -> None:
        """Listens until ``stop``; ``on_notice(kind)`` runs on the calling event loop."""
        loop = asyncio.get_running_loop()

        def deliver(kind: str) -> None:
            try:
                loop.call_soon_threadsafe(on_notice, kind)
            except RuntimeError:  # the loop closed while a notice arrived
                self._stop.set()

        self._stop.clear()
        self._thread = threading.Thread(
            target=self._listen, args=(deliver,), name="spreader-notices", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _listen(self, deliver: Callable[[str], None]) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    deliver(RELOAD)
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=_WAIT):
                            sender, _, kind = notice.payload.partition(":")
                            if sender != self._db.instance_id and kind in _KINDS:
                                deliver(kind)
            except psycopg.Error as exc:
                log.warning("not hearing other engines' changes (%s); retrying", exc)
                self._stop.wait(_RETRY)


def _log_failure(future: asyncio.Future[Any]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.warning("could not tell other engines of a change: %s", future.exception())


def notices_for(db: Database) -> LocalNotices | PgNotices:
    """The notices that suit ``db``'s database."""
    return PgNotices(db) if db.engine.dialect.name == "postgresql" else LocalNotices()
