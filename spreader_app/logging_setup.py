"""Log handlers and format, plus the filter that keeps tokens and keys out of every log."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import Final

from spreader_app.vault.masking import SECRET_REGISTRY, SecretRegistry

LOG_FILE_NAME: Final = "spreader.log"
LOG_FILE_MAX_BYTES: Final = 2 * 1024 * 1024
LOG_FILE_BACKUPS: Final = 5
LOG_FORMAT: Final = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"

# Marks the handlers this module installed, so a second call replaces them.
_OWNED: Final = "_spreader_handler"


class RedactingFilter(logging.Filter):
    """Replaces every registered secret in a record's message, arguments and traceback.

    The message is merged with its arguments first, so a secret passed as an argument is
    caught as well as one inside the format string. Never drops a record.
    """

    def __init__(self, registry: SecretRegistry = SECRET_REGISTRY) -> None:
        super().__init__()
        self._registry = registry
        self._exception_formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self._registry.redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._exception_formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._registry.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._registry.redact(record.stack_info)
        return True


def _level_number(level: str) -> int:
    number = logging.getLevelNamesMapping().get(level.strip().upper())
    if number is None:
        raise ValueError(
            f"Unknown log level {level!r}; use one of DEBUG, INFO, WARNING, ERROR, CRITICAL."
        )
    return number


def setup_logging(
    log_dir: Path | None, level: str, *, registry: SecretRegistry = SECRET_REGISTRY
) -> None:
    """Send logs at ``level`` and above to stderr and, with ``log_dir``, to a rotating file.

    The file is ``log_dir/spreader.log``, rotated at 2 MB with 5 older files kept. Every
    handler redacts the secrets in ``registry``. Calling again replaces the handlers this
    function installed before, so nothing is logged twice. Raises ``ValueError`` for an
    unknown level name and ``OSError`` when ``log_dir`` cannot be created.
    """
    number = _level_number(level)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OWNED, False):
            root.removeHandler(handler)
            handler.close()

    handlers: list[logging.Handler] = []
    # A windowed frozen build has no console: sys.stderr is None there.
    if sys.stderr is not None:
        handlers.append(logging.StreamHandler(sys.stderr))
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_dir / LOG_FILE_NAME,
                maxBytes=LOG_FILE_MAX_BYTES,
                backupCount=LOG_FILE_BACKUPS,
                encoding="utf-8",
                delay=True,
            )
        )
    formatter = logging.Formatter(LOG_FORMAT)
    redactor = RedactingFilter(registry)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(redactor)
        setattr(handler, _OWNED, True)
        root.addHandler(handler)
    root.setLevel(number)
