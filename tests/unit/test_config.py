from __future__ import annotations

import json
import logging
import stat
import sys
from pathlib import Path

import pytest

from spreader_app.config import (
    ConfigError,
    Settings,
    load_settings,
    regenerate_api_key,
    regenerate_webhook_secret,
    save_settings,
)
from spreader_app.core.errors import ValidationFailed
from spreader_app.locale_region import locale_region
from spreader_app.vault.masking import SECRET_REGISTRY

API_KEY = "api-key-from-the-environment-0001"
WEBHOOK_SECRET = "webhook-secret-from-the-environment-02"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def env(data: Path) -> dict[str, str]:
    return {"SPREADER_DATA_DIR": str(data)}


def write_settings(data: Path, content: object) -> Path:
    data.mkdir(parents=True, exist_ok=True)
    path = data / "settings.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def stored(data: Path) -> dict[str, object]:
    result: dict[str, object] = json.loads((data / "settings.json").read_text(encoding="utf-8"))
    return result


def test_load_settings_uses_defaults_on_first_run(env: dict[str, str], data: Path) -> None:
    settings = load_settings(env)

    assert settings.data_dir == data.resolve()
    assert settings.database_url == f"sqlite:///{(data.resolve() / 'spreader.db').as_posix()}"
    assert settings.zentra_url == "https://api.zentramsg.com/v1"
    assert (settings.host, settings.port) == ("127.0.0.1", 8765)
    assert settings.default_region == ""
    assert settings.theme == "system"
    assert settings.log_level == "INFO"
    assert settings.api_rate_limit_per_minute == 600


def test_load_settings_generates_and_keeps_secrets_on_first_run(
    env: dict[str, str], data: Path
) -> None:
    first = load_settings(env)
    second = load_settings(env)

    assert len(first.api_key) >= 32
    assert len(first.webhook_secret) >= 32
    assert first.api_key != first.webhook_secret
    assert (second.api_key, second.webhook_secret) == (first.api_key, first.webhook_secret)
    assert stored(data) == {"api_key": first.api_key, "webhook_secret": first.webhook_secret}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_load_settings_writes_the_settings_file_private(env: dict[str, str], data: Path) -> None:
    load_settings(env)

    assert stat.S_IMODE((data / "settings.json").stat().st_mode) == 0o600
    assert [path.name for path in data.iterdir()] == ["settings.json"]


def test_load_settings_does_not_persist_secrets_given_by_the_environment(
    env: dict[str, str], data: Path
) -> None:
    settings = load_settings({**env, "SPREADER_API_KEY": API_KEY})

    assert settings.api_key == API_KEY
    assert stored(data) == {"webhook_secret": settings.webhook_secret}


def test_load_settings_environment_overrides_file_overrides_defaults(
    env: dict[str, str], data: Path
) -> None:
    write_settings(
        data,
        {
            "port": 9000,
            "host": "0.0.0.0",
            "theme": "dark",
            "default_region": "EG",
            "api_rate_limit_per_minute": 30,
        },
    )

    settings = load_settings({**env, "SPREADER_PORT": "9100", "SPREADER_DEFAULT_REGION": "us"})

    assert settings.port == 9100
    assert settings.default_region == "US"
    assert settings.host == "0.0.0.0"
    assert settings.theme == "dark"
    assert settings.api_rate_limit_per_minute == 30


def test_load_settings_reads_every_documented_variable(env: dict[str, str]) -> None:
    settings = load_settings(
        {
            **env,
            "SPREADER_DATABASE_URL": "postgresql://spreader:pw@db.local/spreader",
            "SPREADER_ZENTRA_URL": "http://127.0.0.1:9999/v1/",
            "SPREADER_HOST": "localhost",
            "SPREADER_PORT": " 8080 ",
            "SPREADER_API_KEY": API_KEY,
            "SPREADER_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "SPREADER_DEFAULT_REGION": "GB",
            "SPREADER_LOG_LEVEL": "debug",
        }
    )

    assert settings.database_url == "postgresql://spreader:pw@db.local/spreader"
    assert settings.zentra_url == "http://127.0.0.1:9999/v1"
    assert (settings.host, settings.port) == ("localhost", 8080)
    assert (settings.api_key, settings.webhook_secret) == (API_KEY, WEBHOOK_SECRET)
    assert settings.default_region == "GB"
    assert settings.log_level == "DEBUG"


def test_load_settings_treats_blank_variables_as_unset(env: dict[str, str]) -> None:
    settings = load_settings({**env, "SPREADER_PORT": "", "SPREADER_HOST": "  "})

    assert (settings.host, settings.port) == ("127.0.0.1", 8765)


def test_load_settings_registers_secrets_for_log_redaction(env: dict[str, str]) -> None:
    settings = load_settings(env)

    assert settings.api_key in SECRET_REGISTRY
    assert settings.webhook_secret in SECRET_REGISTRY


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        (
            "SPREADER_PORT",
            "http",
            "SPREADER_PORT must be a whole number from 1 to 65535, not 'http'",
        ),
        ("SPREADER_PORT", "0", "SPREADER_PORT must be a whole number from 1 to 65535, not '0'"),
        ("SPREADER_PORT", "70000", "from 1 to 65535, not '70000'; for example 8765"),
        ("SPREADER_PORT", "80.5", "not '80.5'"),
        (
            "SPREADER_ZENTRA_URL",
            "ftp://api.zentramsg.com",
            "SPREADER_ZENTRA_URL must be an http:// or https:// URL with a host, like "
            "https://api.zentramsg.com/v1, not 'ftp://api.zentramsg.com'",
        ),
        ("SPREADER_ZENTRA_URL", "https://", "URL with a host"),
        ("SPREADER_ZENTRA_URL", "api.zentramsg.com/v1", "not 'api.zentramsg.com/v1'"),
        ("SPREADER_ZENTRA_URL", "https://api.zentramsg.com:99999", "URL with a host"),
        (
            "SPREADER_HOST",
            "http://localhost",
            "SPREADER_HOST must be a host name or IP address without scheme or port, such as "
            "127.0.0.1, not 'http://localhost'",
        ),
        ("SPREADER_HOST", "my host", "not 'my host'"),
        (
            "SPREADER_DEFAULT_REGION",
            "XX",
            "SPREADER_DEFAULT_REGION must be a two-letter ISO 3166 region code such as EG, US or "
            "GB, or empty to require international numbers (+ and country code), not 'XX'",
        ),
        (
            "SPREADER_LOG_LEVEL",
            "LOUD",
            "SPREADER_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, not 'LOUD'",
        ),
        ("SPREADER_LANGUAGE", "fr", "SPREADER_LANGUAGE must be one of system, en, ar, not 'fr'"),
    ],
)
def test_load_settings_rejects_bad_variables_naming_value_and_fix(
    env: dict[str, str], variable: str, value: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({**env, variable: value})

    assert expected in caught.value.message
    assert caught.value.details == [{"field": variable, "message": caught.value.message}]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("port", True, "'port' in {file} must be a whole number from 1 to 65535, not True"),
        ("port", "9000x", "not '9000x'"),
        ("theme", "blue", "'theme' in {file} must be one of system, light, dark, not 'blue'"),
        ("host", 127, "'host' in {file} must be text in quotes, not 127"),
        (
            "api_rate_limit_per_minute",
            0,
            "'api_rate_limit_per_minute' in {file} must be a whole number from 1 to 100000, "
            "not 0; for example 600",
        ),
    ],
)
def test_load_settings_rejects_bad_file_values_naming_key_and_file(
    env: dict[str, str], data: Path, key: str, value: object, expected: str
) -> None:
    path = write_settings(data, {key: value})

    with pytest.raises(ConfigError) as caught:
        load_settings(env)

    assert expected.format(file=path) in caught.value.message
    assert caught.value.details == [{"field": key, "message": caught.value.message}]


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("SPREADER_API_KEY", "abc123", "SPREADER_API_KEY is too short (6 characters)"),
        (
            "SPREADER_WEBHOOK_SECRET",
            "a secret with spaces in it",
            "SPREADER_WEBHOOK_SECRET may only contain letters, digits",
        ),
    ],
)
def test_load_settings_rejects_bad_secrets_without_showing_them(
    env: dict[str, str], variable: str, value: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({**env, variable: value})

    assert expected in caught.value.message
    assert "secrets.token_urlsafe(32)" in caught.value.message
    assert value not in caught.value.message


def test_load_settings_rejects_a_bad_database_url_without_showing_it(
    env: dict[str, str],
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({**env, "SPREADER_DATABASE_URL": "postgres//user:hunter22@db"})

    assert "SPREADER_DATABASE_URL is not a valid database URL" in caught.value.message
    assert "hunter22" not in caught.value.message


def test_load_settings_lists_every_problem_at_once(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({**env, "SPREADER_PORT": "x", "SPREADER_LOG_LEVEL": "LOUD"})

    assert caught.value.message.startswith("2 settings are wrong:")
    assert {entry["field"] for entry in caught.value.details} == {
        "SPREADER_PORT",
        "SPREADER_LOG_LEVEL",
    }
    assert isinstance(caught.value, ValidationFailed)


def test_load_settings_does_not_write_secrets_when_the_configuration_is_wrong(
    env: dict[str, str], data: Path
) -> None:
    with pytest.raises(ConfigError):
        load_settings({**env, "SPREADER_PORT": "x"})

    assert not (data / "settings.json").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{ not json", "is not valid JSON"), ("[1, 2]", "must hold a JSON object")],
)
def test_load_settings_reports_a_corrupt_file_and_leaves_it_alone(
    env: dict[str, str], data: Path, content: str, expected: str
) -> None:
    data.mkdir()
    path = data / "settings.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(ConfigError) as caught:
        load_settings(env)

    assert f"The settings file {path} {expected}" in caught.value.message
    assert "move it away" in caught.value.message
    assert path.read_text(encoding="utf-8") == content


def test_load_settings_ignores_unknown_file_keys_with_a_warning(
    env: dict[str, str], data: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_settings(data, {"colour": "green", "port": 9001})

    with caplog.at_level(logging.WARNING):
        settings = load_settings(env)

    assert settings.port == 9001
    assert "Ignoring unknown keys" in caplog.text
    assert "colour" in caplog.text


def test_load_settings_reports_a_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")

    with pytest.raises(ConfigError) as caught:
        load_settings({"SPREADER_DATA_DIR": str(blocker / "data")})

    assert "Set SPREADER_DATA_DIR to a folder you can write to" in caught.value.message
    assert caught.value.details[0]["field"] == "SPREADER_DATA_DIR"


def test_settings_repr_masks_secrets_and_database_password(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path,
        database_url="postgresql://spreader:db-password@db.local/spreader",
        api_key=API_KEY,
        webhook_secret=WEBHOOK_SECRET,
    )

    shown = repr(settings)

    assert API_KEY not in shown
    assert WEBHOOK_SECRET not in shown
    assert "db-password" not in shown
    assert "api_key='••••0001'" in shown
    assert "port=8765" in shown
    assert str(settings) == shown


def test_save_settings_writes_changes_and_keeps_other_keys(env: dict[str, str], data: Path) -> None:
    settings = load_settings(env)

    changed = save_settings(settings, {"theme": "Dark", "port": "9200", "default_region": "eg"})

    assert (changed.theme, changed.port, changed.default_region) == ("dark", 9200, "EG")
    assert stored(data) == {
        "api_key": settings.api_key,
        "webhook_secret": settings.webhook_secret,
        "theme": "dark",
        "port": 9200,
        "default_region": "EG",
    }
    assert load_settings(env) == changed


def test_save_settings_without_changes_writes_every_key(env: dict[str, str], data: Path) -> None:
    settings = load_settings(env)

    save_settings(settings)

    assert stored(data)["zentra_url"] == "https://api.zentramsg.com/v1"
    assert stored(data)["port"] == 8765
    assert "data_dir" not in stored(data)


def test_save_settings_rejects_invalid_changes_and_leaves_the_file(
    env: dict[str, str], data: Path
) -> None:
    settings = load_settings(env)
    before = stored(data)

    with pytest.raises(ConfigError, match="'port' must be a whole number"):
        save_settings(settings, {"port": 0})
    with pytest.raises(ConfigError, match="Unknown setting 'data_dir'"):
        save_settings(settings, {"data_dir": "/elsewhere"})

    assert stored(data) == before


def test_save_settings_refuses_to_overwrite_a_corrupt_file(env: dict[str, str], data: Path) -> None:
    settings = load_settings(env)
    (data / "settings.json").write_text("{ broken", encoding="utf-8")

    with pytest.raises(ConfigError, match="is not valid JSON"):
        save_settings(settings, {"theme": "light"})

    assert (data / "settings.json").read_text(encoding="utf-8") == "{ broken"


def test_regenerate_api_key_replaces_and_persists_the_key(env: dict[str, str]) -> None:
    settings = load_settings(env)

    renewed = regenerate_api_key(settings)

    assert renewed.api_key != settings.api_key
    assert renewed.webhook_secret == settings.webhook_secret
    assert load_settings(env).api_key == renewed.api_key
    assert renewed.api_key in SECRET_REGISTRY


def test_regenerate_webhook_secret_replaces_and_persists_the_secret(
    env: dict[str, str],
) -> None:
    settings = load_settings(env)

    renewed = regenerate_webhook_secret(settings)

    assert renewed.webhook_secret != settings.webhook_secret
    assert renewed.api_key == settings.api_key
    assert load_settings(env).webhook_secret == renewed.webhook_secret


def test_load_settings_defaults_to_the_process_environment(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPREADER_DATA_DIR", str(data))
    monkeypatch.setenv("SPREADER_PORT", "9300")

    settings = load_settings()

    assert settings.port == 9300
    assert settings.data_dir == data.resolve()


def test_config_first_start_takes_the_region_from_the_locale(tmp_path: Path) -> None:
    env = {"SPREADER_DATA_DIR": str(tmp_path), "LANG": "ar_EG.UTF-8"}
    assert load_settings(env).default_region == "EG"
    stored = json.loads((tmp_path / "settings.json").read_text())
    assert stored["default_region"] == "EG"  # saved: a real value, shown in Settings
    # Chosen once, kept: a later locale does not change it.
    assert load_settings({**env, "LANG": "en_GB.UTF-8"}).default_region == "EG"


def test_config_locale_without_a_phone_region_leaves_it_empty(tmp_path: Path) -> None:
    assert locale_region({"LANG": "C.UTF-8"}) == ""
    assert locale_region({"LC_ALL": "fr_FR.UTF-8", "LANG": "ar_EG.UTF-8"}) == "FR"
    assert locale_region({"LANG": "POSIX"}) == ""
    env = {"SPREADER_DATA_DIR": str(tmp_path), "LANG": "C.UTF-8"}
    assert load_settings(env).default_region == ""
    assert load_settings({**env, "SPREADER_DEFAULT_REGION": "SA"}).default_region == "SA"
