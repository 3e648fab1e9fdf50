"""``spreader --self-test``: checks an installation, from source or frozen, in a throw-away
folder, and the owner's configuration (``selftest_config``) without changing it.

Each check prints one line, ``PASS name: detail (N ms)`` or ``FAIL name: reason (N ms)``; the
exit code is 0 only when every check passed. Nothing changes the user's data folder, settings,
OS keyring entries or display (unless ``window=True``): the engine, window and API checks run
on a database, settings and vault key in a temporary folder and in memory, and that folder is
removed at the end; the configured ones are only read.

Qt is imported only by the window and event-loop checks, so a machine whose Qt libraries
cannot load still gets a report for everything else.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

import httpx
import keyring
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from spreader_app import __version__
from spreader_app.config import Settings, default_database_url
from spreader_app.core.phones import check_phone
from spreader_app.selftest_config import CheckFailed, ConfiguredChecks
from spreader_app.selftest_window import check_window
from spreader_app.storage import migrate
from spreader_app.storage.database import make_engine
from spreader_app.storage.orm import Base
from spreader_app.vault.key_sources import (
    MASTER_KEY_VAR,
    EnvKeySource,
    MemoryKeySource,
    keyring_usable,
)
from spreader_app.vault.vault import Vault

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from spreader_app.bootstrap import Container

# A well-formed Egyptian mobile number in its national form, as a user would type it.
PHONE_SAMPLE: Final = ("010 6618 3456", "EG", "+201066183456")
ENGINE_STOP_SECONDS: Final = 5.0
# Worker threads finish just after their executor's shutdown returns; give them this long.
THREAD_GRACE_SECONDS: Final = 2.0
QT_PLATFORM_VAR: Final = "QT_QPA_PLATFORM"

Emit = Callable[[str], None]


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check; ``line`` is what the self-test prints for it."""

    name: str
    passed: bool
    detail: str
    millis: float

    @property
    def line(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        return f"{verdict} {self.name}: {self.detail} ({self.millis:.0f} ms)"


@dataclass
class _Report:
    emit: Emit
    results: list[CheckResult] = field(default_factory=list)

    def add(self, name: str, passed: bool, detail: str, started: float) -> bool:
        result = CheckResult(name, passed, detail, (time.perf_counter() - started) * 1000)
        self.results.append(result)
        self.emit(result.line)
        return passed

    def run(self, name: str, check: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:
            return self.add(name, False, _reason(exc), started)
        return self.add(name, True, detail, started)

    async def arun(self, name: str, check: Callable[[], Awaitable[str]]) -> bool:
        started = time.perf_counter()
        try:
            detail = await check()
        except Exception as exc:
            return self.add(name, False, _reason(exc), started)
        return self.add(name, True, detail, started)

    def skip(self, name: str, because: str) -> bool:
        return self.add(name, False, f"not run: {because}", time.perf_counter())


def _reason(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or "no message"
    return message if isinstance(exc, CheckFailed) else f"{type(exc).__name__}: {message}"


def _print_line(line: str) -> None:
    # A windowed Windows build has no console: sys.stdout is None and only the exit code tells.
    if sys.stdout is not None:
        print(line, flush=True)


def check_database(url: str) -> str:
    """Migrate a fresh database at ``url`` to head and compare its schema with the ORM."""
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        head = ScriptDirectory.from_config(migrate.alembic_config(url)).get_current_head()
        with engine.connect() as conn:
            context = MigrationContext.configure(conn)
            current = context.get_current_revision()
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    if current != head:
        raise CheckFailed(f"the database is at revision {current}, expected head {head}")
    if diff:
        shown = "; ".join(str(item) for item in diff[:3])
        raise CheckFailed(f"the migrated schema differs from the ORM in {len(diff)} ways: {shown}")
    return f"migrated a new SQLite database to head {head}; schema matches the ORM"


def real_key_source(env: Mapping[str, str]) -> str:
    """Name the key source the app would use, without creating or reading any keyring entry.

    Raises ``VaultUnavailable`` when ``SPREADER_MASTER_KEY`` is set but unusable, because the
    app would then refuse to start.
    """
    if env.get(MASTER_KEY_VAR, "").strip():
        EnvKeySource(env).load()
        return f"{MASTER_KEY_VAR} (set and valid)"
    backend = keyring.get_keyring()
    if keyring_usable(backend):
        return f"OS keyring ({type(backend).__module__}.{type(backend).__name__})"
    return "none yet (no OS keyring: see the configured vault check)"


def check_vault() -> str:
    """Encrypt and decrypt a token with an in-memory key; name the real key source."""
    token = "selftest-" + secrets.token_urlsafe(16)
    vault = Vault(MemoryKeySource())
    ciphertext = vault.encrypt(token)
    if token in ciphertext or vault.decrypt(ciphertext) != token:
        raise CheckFailed("a token did not survive encryption and decryption")
    source = real_key_source(os.environ)
    return f"token round-trip with an in-memory key; real key source: {source}"


def check_phone_numbers() -> str:
    """Parse an Egyptian national number, which loads the phone-number metadata for EG."""
    raw, region, expected = PHONE_SAMPLE
    verdict = check_phone(raw, region)
    if not verdict.valid or verdict.e164 != expected:
        raise CheckFailed(
            f"{raw!r} ({region}) gave {verdict.e164} ({verdict.message or verdict.type}), "
            f"expected {expected}"
        )
    return f"{raw!r} ({region}) -> {verdict.e164} ({verdict.type})"


def check_translations() -> str:
    """Load the Arabic catalogue (compiled at packaging, or from the .ts when run from
    source) and Qt's own Arabic strings, and translate a known text with each."""
    from PySide6.QtCore import QTranslator

    from spreader_app.gui.i18n import ARABIC, catalogue, qt_catalogue

    ours, qt = catalogue(ARABIC), qt_catalogue(ARABIC)
    if ours is None or qt is None:
        raise CheckFailed(f"Arabic catalogues missing: ours {ours}, Qt's {qt}")
    translators = [QTranslator(), QTranslator()]
    if not (translators[0].load(str(ours)) and translators[1].load(str(qt))):
        raise CheckFailed(f"Qt could not read {ours} or {qt}")
    settings_title = translators[0].translate("MainWindow", "Settings")
    if settings_title != "الإعدادات":
        raise CheckFailed(f"{ours.name} translates 'Settings' as {settings_title!r}")
    return f"{ours.name}: 'Settings' -> '{settings_title}'; Qt's own strings from {qt.name}"


async def check_api(container: Container) -> str:
    """Start the local API on 127.0.0.1, port 0, ask ``/health`` and stop it again."""
    from spreader_app.server.runner import ApiServer

    server = ApiServer(container)
    await server.start("127.0.0.1", 0)
    try:
        # trust_env=False: a proxy from the environment must not intercept a loopback call.
        async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
            response = await client.get(f"{server.url}/health")
    finally:
        await server.stop()
    body = response.json() if response.status_code == 200 else {}
    if body.get("status") != "ok":
        raise CheckFailed(
            f"GET {server.url}/health answered {response.status_code}: {response.text[:200]}"
        )
    return f"GET {server.url}/health -> 200 ok (version {body.get('version')}); stopped"


@contextmanager
def _platform(window: bool) -> Iterator[None]:
    """Force the offscreen Qt platform unless a real window was asked for."""
    previous = os.environ.get(QT_PLATFORM_VAR)
    if not window:
        os.environ[QT_PLATFORM_VAR] = "offscreen"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(QT_PLATFORM_VAR, None)
        else:
            os.environ[QT_PLATFORM_VAR] = previous


async def _engine_checks(
    report: _Report, settings: Settings, app: QApplication | None, existed: bool
) -> None:
    """Start the engine on the test database, run the window and API checks on it, stop it."""
    from spreader_app.bootstrap import build

    built: list[Container] = []

    async def start() -> str:
        built.append(build(settings, key_source=MemoryKeySource()))
        await built[0].start()
        return "engine built on the test database and started (dispatcher running)"

    async def stop() -> str:
        await built[0].stop(timeout=ENGINE_STOP_SECONDS)
        return "engine drained and stopped; database closed"

    if not await report.arun("engine start", start):
        report.skip("window", "the engine did not start")
        report.skip("api", "the engine did not start")
    else:
        if app is None:
            report.skip("window", "Qt could not be loaded (see the event loop line)")
        else:
            await report.arun("window", lambda: check_window(app, built[0], existed))
        await report.arun("api", lambda: check_api(built[0]))
    # Also after a failed start: the database thread and HTTP client must not outlive us.
    if built:
        await report.arun("engine stop", stop)


def _run_on_qasync(report: _Report, settings: Settings) -> None:
    """Run the engine checks on a qasync loop (as the desktop does) and check the loop itself."""
    started = time.perf_counter()
    try:
        import qasync

        from spreader_app.desktop import make_app
    except Exception as exc:
        # Without Qt the API can still be checked, on the plain asyncio loop `serve` uses.
        report.add("event loop", False, f"Qt could not be loaded: {_reason(exc)}", started)
        asyncio.run(_engine_checks(report, settings, None, False))
        return
    from PySide6.QtWidgets import QApplication

    existed = QApplication.instance() is not None
    app = make_app([sys.argv[0] if sys.argv else "spreader"])
    loop_errors: list[str] = []
    marks: dict[str, float] = {}

    async def main() -> list[str]:
        marks["running"] = time.perf_counter()
        asyncio.get_running_loop().set_exception_handler(
            lambda _loop, context: loop_errors.append(str(context.get("message")))
        )
        await _engine_checks(report, settings, app, existed)
        current = asyncio.current_task()
        marks["done"] = time.perf_counter()
        return [repr(t) for t in asyncio.all_tasks() if t is not current and not t.done()]

    creating = time.perf_counter()
    try:
        leftover = qasync.run(main())
    except Exception as exc:
        report.add("event loop", False, _reason(exc), creating)
        return
    closed = time.perf_counter()
    problems = [f"tasks left running: {', '.join(leftover)}"] if leftover else []
    problems += [f"loop error: {message}" for message in loop_errors]
    if problems:
        report.add("event loop", False, "; ".join(problems), creating)
        return
    report.add(
        "event loop",
        True,
        f"qasync loop started in {(marks['running'] - creating) * 1000:.0f} ms and closed "
        f"in {(closed - marks['done']) * 1000:.0f} ms with no tasks left",
        creating,
    )


def _test_settings(folder: Path) -> Settings:
    return Settings(
        data_dir=folder,
        database_url=default_database_url(folder),
        api_key=secrets.token_urlsafe(32),
        webhook_secret=secrets.token_urlsafe(32),
        host="127.0.0.1",
        port=0,
    )


def _leftover_threads(before: set[threading.Thread]) -> list[str]:
    deadline = time.monotonic() + THREAD_GRACE_SECONDS
    while True:
        # Dummy entries stand for threads Python did not start (qasync's QThread workers,
        # joined by the loop's close): Python can neither join them nor see them end.
        extra = [
            t
            for t in threading.enumerate()
            if t not in before and t.is_alive() and not isinstance(t, threading._DummyThread)
        ]
        if not extra or time.monotonic() > deadline:
            return sorted(t.name for t in extra)
        extra[0].join(timeout=0.05)


def run_self_test(
    *, window: bool = False, base_dir: Path | None = None, emit: Emit = _print_line
) -> int:
    """Run every check, emit one line per check, and return 0 only when all passed, else 1.

    ``window=False`` builds the window on Qt's offscreen platform; ``True`` uses the real
    display. The temporary data folder is created in ``base_dir`` (the system temporary
    folder by default) and removed at the end. ``emit`` receives each line (stdout by default).
    Never raises for a failed check; it is reported as a ``FAIL`` line instead.
    """
    began = time.perf_counter()
    threads_before = set(threading.enumerate())
    report = _Report(emit)
    folder: Path | None = None

    def make_folder() -> str:
        nonlocal folder
        folder = Path(tempfile.mkdtemp(prefix="spreader-selftest-", dir=base_dir))
        return f"temporary folder {folder}"

    have_folder = report.run("data folder", make_folder)
    try:
        if folder is not None:
            settings = _test_settings(folder)
            database_ok = report.run("database", lambda: check_database(settings.database_url))
        else:
            database_ok = report.skip("database", "no data folder")
        configured = ConfiguredChecks(os.environ)
        report.run("configured settings", configured.settings)
        report.run("configured database", configured.database)
        report.run("configured vault", configured.vault)
        report.run("vault", check_vault)
        report.run("phone numbers", check_phone_numbers)
        report.run("translations", check_translations)
        if not have_folder or not database_ok:
            because = "no data folder" if not have_folder else "the database check failed"
            for name in ("engine start", "window", "api", "event loop"):
                report.skip(name, because)
        else:
            with _platform(window):
                _run_on_qasync(report, settings)
    finally:
        cleanup_started = time.perf_counter()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        problems = []
        if folder is not None and folder.exists():
            problems.append(f"could not remove {folder}")
        leftover = _leftover_threads(threads_before)
        if leftover:
            problems.append(f"threads still running: {', '.join(leftover)}")
        total = time.perf_counter() - began
        if problems:
            report.add("cleanup", False, "; ".join(problems), cleanup_started)
        else:
            report.add(
                "cleanup",
                True,
                f"temporary folder removed, no threads left; Spreader {__version__} "
                f"{'frozen' if getattr(sys, 'frozen', False) else 'from source'}, "
                f"self-test took {total:.2f} s",
                cleanup_started,
            )
    return 0 if all(result.passed for result in report.results) else 1
