"""``spreader --self-test`` in-process: every check passes on a good install, and a broken
environment gives a FAIL line that says what is wrong and a non-zero exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from spreader_app.selftest import run_self_test
from spreader_app.storage.migrate import HEAD_REVISION
from tests.postgres import PostgresServer

CHECKS = [
    "data folder",
    "database",
    "configured settings",
    "configured database",
    "configured vault",
    "vault",
    "phone numbers",
    "translations",
    "engine start",
    "window",
    "api",
    "engine stop",
    "event loop",
    "cleanup",
]


def names(lines: list[str]) -> list[str]:
    return [line.split(" ", 1)[1].split(":", 1)[0] for line in lines]


def _line(lines: list[str], name: str) -> str:
    return next(line for line in lines if names([line]) == [name])


def _run_with(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> tuple[int, list[str]]:
    """The self-test's exit code and lines with the variables ``env`` set."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    lines: list[str] = []
    return run_self_test(base_dir=tmp_path / "missing", emit=lines.append), lines


@pytest.mark.gui
def test_selftest_passes_every_check_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_data = tmp_path / "user-data"
    monkeypatch.setenv("SPREADER_DATA_DIR", str(user_data))
    monkeypatch.delenv("SPREADER_DATABASE_URL", raising=False)
    base = tmp_path / "tmp"
    base.mkdir()
    lines: list[str] = []

    code = run_self_test(base_dir=base, emit=lines.append)

    assert code == 0, "\n".join(lines)
    assert names(lines) == CHECKS
    assert all(line.startswith("PASS ") for line in lines), "\n".join(lines)
    assert "+201066183456" in lines[CHECKS.index("phone numbers")]
    assert "/health -> 200" in lines[CHECKS.index("api")]
    assert "took" in lines[-1]
    assert list(base.iterdir()) == []
    assert not user_data.exists()


def test_selftest_reports_an_unusable_data_folder_and_fails(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "occupied"
    not_a_folder.write_text("a file where the temporary folder should go", encoding="utf-8")
    lines: list[str] = []

    code = run_self_test(base_dir=not_a_folder, emit=lines.append)

    assert code == 1
    assert names(lines) == [*CHECKS[:8], "engine start", "window", "api", "event loop", "cleanup"]
    assert lines[0].startswith("FAIL data folder: ")
    assert str(not_a_folder) in lines[0]
    verdicts = {name: line.split(" ", 1)[0] for name, line in zip(names(lines), lines, strict=True)}
    assert verdicts["vault"] == verdicts["phone numbers"] == verdicts["cleanup"] == "PASS"
    assert verdicts["database"] == verdicts["window"] == verdicts["api"] == "FAIL"
    assert "not run: no data folder" in lines[1]


def test_selftest_fails_on_a_master_key_the_app_would_refuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, lines = _run_with(monkeypatch, tmp_path, SPREADER_MASTER_KEY="too-short")

    assert code == 1
    vault = _line(lines, "vault")
    assert vault.startswith("FAIL vault: ")
    assert "SPREADER_MASTER_KEY is too short" in vault


def test_selftest_checks_the_configured_postgresql_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, postgres_server: PostgresServer
) -> None:
    url = postgres_server.create_database()
    try:
        _, lines = _run_with(monkeypatch, tmp_path, SPREADER_DATABASE_URL=url)
    finally:
        postgres_server.drop_database(url)

    line = _line(lines, "configured database")
    assert line.startswith("PASS configured database: reached postgresql")
    assert f"at head {HEAD_REVISION}" in line


def test_selftest_fails_when_the_configured_database_is_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unreachable = "postgresql+psycopg://nobody:pw@127.0.0.1:9/none"
    code, lines = _run_with(monkeypatch, tmp_path, SPREADER_DATABASE_URL=unreachable)

    line = _line(lines, "configured database")
    assert code == 1
    assert line.startswith("FAIL configured database: ")
    assert "cannot be reached" in line
    assert "pw" not in line
