"""The packaged executable as a user receives it: ``dist/Spreader/Spreader`` built from
``build.spec`` passes its self-test, serves the API and stops cleanly, and carries what the
app needs and nothing it does not.

Skipped unless the build exists; ``SPREADER_TEST_FROZEN=1`` makes a missing build a failure
(CI sets it after building).
"""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet

from tests.serve_process import ALARMING, ROOT, free_port, wait_until

DIST = ROOT / "dist" / "Spreader"
EXECUTABLE = DIST / ("Spreader.exe" if sys.platform == "win32" else "Spreader")
BUNDLE = DIST / "_internal"
ICONS = ROOT / "build" / "icons"
MAX_BUNDLE_MB = 200
SELF_TEST_SECONDS = 60

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not EXECUTABLE.exists() and os.environ.get("SPREADER_TEST_FROZEN") != "1",
        reason="no frozen build; run `pyinstaller --noconfirm --clean build.spec` first",
    ),
]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SPREADER_", "QT_"))}
    return env | extra


def test_frozen_build_self_test_passes_offscreen(tmp_path: Path) -> None:
    assert EXECUTABLE.exists(), f"{EXECUTABLE} is missing: build it with build.spec"
    started = time.monotonic()
    done = subprocess.run(
        [str(EXECUTABLE), "--self-test"],
        env=clean_env(TMPDIR=str(tmp_path), TEMP=str(tmp_path), TMP=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=SELF_TEST_SECONDS,
    )
    elapsed = time.monotonic() - started
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(lines) >= 10 and all(line.startswith("PASS ") for line in lines), done.stdout
    assert "frozen" in lines[-1]
    assert list(tmp_path.iterdir()) == [], "the self-test left files behind"
    assert elapsed < SELF_TEST_SECONDS


def test_frozen_build_serves_the_api_and_stops_cleanly(tmp_path: Path) -> None:
    port = free_port()
    err = tmp_path / "stderr.txt"
    env = clean_env(
        SPREADER_DATA_DIR=str(tmp_path / "data"),
        SPREADER_PORT=str(port),
        SPREADER_MASTER_KEY=Fernet.generate_key().decode(),
        SPREADER_ZENTRA_URL="http://127.0.0.1:9/v1",
    )
    with err.open("wb") as stderr:
        proc = subprocess.Popen(
            [str(EXECUTABLE), "serve"], env=env, stdout=subprocess.DEVNULL, stderr=stderr
        )
    try:

        def healthy() -> bool:
            assert proc.poll() is None, f"serve exited early:\n{err.read_text()}"
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1, trust_env=False)
            except httpx.TransportError:
                return False
            body = response.json()
            return (body["status"], body["version"], body["database"]) == ("ok", "0.1.0", "sqlite")

        wait_until(healthy, 60, "the frozen `serve` to answer /health")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    logged = err.read_text(errors="replace")
    assert "stopped cleanly" in logged
    assert not [line for line in logged.splitlines() if any(a in line for a in ALARMING)], logged


def test_frozen_build_starts_in_arabic_when_the_setting_says_so(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(EXECUTABLE), "--self-test"],
        env=clean_env(
            SPREADER_LANGUAGE="ar", TMPDIR=str(tmp_path), TEMP=str(tmp_path), TMP=str(tmp_path)
        ),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=SELF_TEST_SECONDS,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = {line.split(":", 1)[0]: line for line in done.stdout.splitlines()}
    # The catalogue compiled at packaging, not one compiled at start from a .ts.
    assert (
        "PASS translations: spreader_ar.qm: 'Settings' -> 'الإعدادات'" in lines["PASS translations"]
    )
    assert "interface in ar, right to left, first section 'الباقات'" in lines["PASS window"]


def bundled(pattern: str) -> list[str]:
    return sorted(p.relative_to(BUNDLE).as_posix() for p in BUNDLE.rglob(pattern))


def test_frozen_build_carries_resources_and_migrations_but_no_dead_weight() -> None:
    assert (BUNDLE / "resources" / "icons" / "app.svg").is_file()
    assert (BUNDLE / "resources" / "styles" / "base.qss").is_file()
    migrations = BUNDLE / "spreader_app" / "storage" / "migrations"
    assert (migrations / "env.py").is_file()
    assert sorted(p.name for p in (migrations / "versions").glob("0*.py")) == sorted(
        p.name for p in (ROOT / "spreader_app/storage/migrations/versions").glob("0*.py")
    )
    assert bundled("__pycache__") == []
    assert bundled("*.qm") == [
        "resources/translations/qtbase_ar.qm",
        "resources/translations/spreader_ar.qm",
        "resources/translations/spreader_en.qm",
    ], "only the interface's catalogues and Qt's own Arabic strings"
    for unused in ("*Qt6Quick*", "*Qt6Qml*", "*Qt6Pdf*", "*Qt6Network*", "*gtk*", "*qeglfs*"):
        assert bundled(unused) == [], f"{unused} should be left out of the bundle"
    for unused in ("numpy", "tkinter", "IPython", "pytest", "phonenumbers/geodata"):
        assert not (BUNDLE / unused).exists(), f"{unused} should be left out of the bundle"
    # PyInstaller links some libraries into place with symlinks; count each file once.
    size = sum(p.lstat().st_size for p in DIST.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < MAX_BUNDLE_MB * 1024 * 1024, f"the bundle grew to {size / 2**20:.0f} MB"


def test_frozen_build_icons_hold_every_size() -> None:
    ico = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, 7)
    widths = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert widths == [16, 24, 32, 48, 64, 128, 256]
    icns = (ICONS / "app.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns  # the 1024 px Retina image macOS uses for the Dock
