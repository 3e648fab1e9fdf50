from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from spreader_app.logging_setup import setup_logging
from spreader_app.vault.masking import SecretRegistry

TOKEN = "zentra-device-token-abcdef-7890"


@pytest.fixture
def registry() -> SecretRegistry:
    registry = SecretRegistry()
    registry.add(TOKEN)
    return registry


@pytest.fixture(autouse=True)
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def our_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_spreader_handler", False)]


def read_log(folder: Path) -> str:
    for handler in our_handlers():
        handler.flush()
    return (folder / "spreader.log").read_text(encoding="utf-8")


def test_setup_logging_writes_the_log_file_without_tokens(
    tmp_path: Path, registry: SecretRegistry
) -> None:
    setup_logging(tmp_path, "INFO", registry=registry)
    log = logging.getLogger("spreader_app.test")

    log.info("sending with token %s", TOKEN)
    log.warning(f"token inside the message: {TOKEN}")
    try:
        raise RuntimeError(f"gateway refused {TOKEN}")
    except RuntimeError:
        log.exception("send failed")

    text = read_log(tmp_path)
    assert TOKEN not in text
    assert "sending with token ••••7890" in text
    assert "token inside the message: ••••7890" in text
    assert "RuntimeError: gateway refused ••••7890" in text
    assert "INFO" in text and "spreader_app.test" in text


def test_setup_logging_redacts_stderr_too(
    capsys: pytest.CaptureFixture[str], registry: SecretRegistry
) -> None:
    setup_logging(None, "INFO", registry=registry)

    logging.getLogger("spreader_app.test").error("token %s rejected", TOKEN)

    err = capsys.readouterr().err
    assert "token ••••7890 rejected" in err
    assert TOKEN not in err


def test_setup_logging_twice_does_not_duplicate_lines(
    tmp_path: Path, registry: SecretRegistry
) -> None:
    setup_logging(tmp_path, "INFO", registry=registry)
    setup_logging(tmp_path, "INFO", registry=registry)

    logging.getLogger("spreader_app.test").info("only once")

    assert len(our_handlers()) == 2
    assert read_log(tmp_path).count("only once") == 1


def test_setup_logging_respects_the_level(tmp_path: Path, registry: SecretRegistry) -> None:
    setup_logging(tmp_path, "warning", registry=registry)
    log = logging.getLogger("spreader_app.test")

    log.info("routine detail")
    log.warning("something odd")

    text = read_log(tmp_path)
    assert "routine detail" not in text
    assert "something odd" in text


def test_setup_logging_rotates_at_two_megabytes_keeping_five_files(tmp_path: Path) -> None:
    setup_logging(tmp_path, "INFO")

    (rotating,) = [h for h in our_handlers() if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert Path(rotating.baseFilename) == tmp_path / "spreader.log"
    assert rotating.maxBytes == 2 * 1024 * 1024
    assert rotating.backupCount == 5


def test_setup_logging_without_a_folder_logs_to_stderr_only() -> None:
    setup_logging(None, "INFO")

    assert [type(h) for h in our_handlers()] == [logging.StreamHandler]


def test_setup_logging_rejects_an_unknown_level(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Unknown log level 'LOUD'; use one of DEBUG"):
        setup_logging(tmp_path, "LOUD")

    assert our_handlers() == []
