from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

import spreader_app
from spreader_app import paths

REPO_ROOT = Path(spreader_app.__file__).resolve().parent.parent


def test_data_dir_uses_the_variable_and_creates_the_folder(tmp_path: Path) -> None:
    wanted = tmp_path / "nested" / "spreader-data"

    folder = paths.data_dir({"SPREADER_DATA_DIR": str(wanted)})

    assert folder == wanted.resolve()
    assert folder.is_dir()


def test_data_dir_expands_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))

    folder = paths.data_dir({"SPREADER_DATA_DIR": "~/spreader"})

    assert folder == (tmp_path / "spreader").resolve()


def test_data_dir_defaults_to_the_per_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, object]] = []

    def fake_user_data_dir(appname: str, appauthor: object) -> str:
        calls.append((appname, appauthor))
        return str(tmp_path / "user-data" / appname)

    monkeypatch.setattr(platformdirs, "user_data_dir", fake_user_data_dir)

    folder = paths.data_dir({"SPREADER_DATA_DIR": "  "})

    assert folder == tmp_path / "user-data" / "Spreader"
    assert folder.is_dir()
    assert calls == [("Spreader", False)]


def test_log_dir_and_settings_file_live_in_the_data_folder(tmp_path: Path) -> None:
    logs = paths.log_dir(tmp_path)

    assert logs == tmp_path / "logs"
    assert logs.is_dir()
    assert paths.settings_file(tmp_path) == tmp_path / "settings.json"


def test_resource_from_source_points_into_the_repository() -> None:
    assert paths.resource("icons/app.svg") == REPO_ROOT / "resources" / "icons" / "app.svg"


def test_resource_in_a_pyinstaller_build_uses_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert paths.resource("styles/dark.qss") == tmp_path / "resources" / "styles" / "dark.qss"
    assert paths.migrations_dir() == tmp_path / "spreader_app" / "storage" / "migrations"


def test_resource_in_a_build_without_meipass_uses_the_executable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Spreader.exe"))

    assert paths.resource("icons/app.ico") == tmp_path.resolve() / "resources" / "icons" / "app.ico"


@pytest.mark.parametrize("relative", ["../secrets.txt", "icons/../../x", "/etc/passwd", ""])
def test_resource_rejects_paths_outside_resources(relative: str) -> None:
    with pytest.raises(ValueError, match="must be relative to resources/"):
        paths.resource(relative)


def test_migrations_dir_from_source_is_the_package_folder() -> None:
    folder = paths.migrations_dir()

    assert folder == REPO_ROOT / "spreader_app" / "storage" / "migrations"
    assert folder.is_dir()
