"""Copies SQLite's write-ahead log into the database file on a thread of its own.

In WAL mode SQLite checkpoints inside whichever commit crosses the log's size limit. On the
database thread that commit then takes 25-35 ms instead of about one (measured during a
campaign), and every device waiting for its next claim, and any Reply Chat message, waits
with it. Here a separate connection checkpoints every ``interval`` seconds in PASSIVE mode,
which never blocks the writer; the copy and the sync are C code, so the work runs on another
core while the database thread keeps committing. The writers keep a (larger) automatic
limit as a backstop, so the log stays bounded even if this thread falls behind.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

log = logging.getLogger(__name__)

# Pages (of 4 KiB) after which a writer's own commit checkpoints: only if this thread is
# stalled, since it empties the log several times a second.
BACKSTOP_PAGES = 8000


class Checkpointer:
    """Checkpoints the SQLite database at ``path`` every ``interval`` seconds until ``stop()``."""

    def __init__(self, path: str, interval: float = 0.2) -> None:
        self.path = path
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="spreader-wal", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stops after the checkpoint in progress, if any; safe to call more than once."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            # A connection per checkpoint: the file is held open only for moments, so the
            # folder can still be unmounted or made read-only under a running app.
            try:
                conn = sqlite3.connect(self.path, check_same_thread=False)
                try:
                    conn.execute("PRAGMA busy_timeout=1000")
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                finally:
                    conn.close()
            except sqlite3.Error as exc:  # busy, read-only or full: the writers' backstop acts
                log.debug("WAL checkpoint skipped: %s", exc)
