"""A PostgreSQL server for the tests and benchmarks, and a fresh database per test.

The server is the one ``SPREADER_TEST_POSTGRES_URL`` names (a superuser URL such as
``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``), else a private cluster started
with ``initdb`` and ``pg_ctl`` in a temporary folder when the PostgreSQL binaries are
installed, else none (the PostgreSQL variants then skip, except under ``CI=true``).

Every test gets its own database, copied from a template migrated once per session, so a
test starts at the head revision in a few milliseconds and sees nothing of the others.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

ENV = "SPREADER_TEST_POSTGRES_URL"
TEMPLATE = "spreader_template"


def _binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, newest version first; ``None`` if absent."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(found[0]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateCluster:
    """A throw-away cluster in a temporary folder on a free loopback port, trusting local
    connections. As root, it runs as the ``postgres`` user (``initdb`` refuses root)."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="spreader-pg-"))
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        """Creates and starts the cluster; raises ``CalledProcessError`` when it cannot."""
        data = str(self.folder / "data")
        self._run(str(self.bin_dir / "initdb"), "-D", data, "-U", "postgres", "-A", "trust")
        # Durability is not under test: without fsync a CREATE DATABASE takes milliseconds.
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "server.log")
        self._run(str(self.bin_dir / "pg_ctl"), "-D", data, "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        data = str(self.folder / "data")
        subprocess.run(
            [*self._as, str(self.bin_dir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


class PostgresServer:
    """Creates and drops databases on the server at ``url`` (a superuser's URL)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._admin = create_engine(url, isolation_level="AUTOCOMMIT")
        self._template_ready = False

    def _execute(self, sql: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(sql))

    def _url_of(self, name: str) -> str:
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def _template(self) -> None:
        """The template database at the head revision, made once per session."""
        if self._template_ready:
            return
        from spreader_app.storage import migrate
        from spreader_app.storage.database import make_engine

        self._execute(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
        self._execute(f"CREATE DATABASE {TEMPLATE}")
        engine = make_engine(self._url_of(TEMPLATE))
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
        self._template_ready = True

    def create_database(self, *, migrated: bool = True) -> str:
        """A new database (at the head revision unless not ``migrated``); returns its URL."""
        name = f"spreader_test_{uuid.uuid4().hex[:16]}"
        if migrated:
            self._template()
            self._execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        else:
            self._execute(f"CREATE DATABASE {name}")
        return self._url_of(name)

    def drop_database(self, url: str) -> None:
        """Drops the database of ``url``, ending any connection still open to it."""
        name = make_url(url).database
        self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        self._admin.dispose()


def reason_unavailable() -> str:
    return (
        f"PostgreSQL not available: set {ENV} to a superuser URL or install PostgreSQL "
        "(initdb and pg_ctl)"
    )


def server_url() -> tuple[str | None, PrivateCluster | None]:
    """The server's URL from ``SPREADER_TEST_POSTGRES_URL``, else a started private
    cluster's (returned so it can be stopped), else ``(None, None)``."""
    url = os.environ.get(ENV)
    if url:
        return url, None
    bin_dir = _binaries()
    if bin_dir is None:
        return None, None
    cluster = PrivateCluster(bin_dir)
    try:
        cluster.start()
    except (OSError, subprocess.SubprocessError):
        cluster.stop()
        return None, None
    return cluster.url, cluster
