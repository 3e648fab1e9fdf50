"""The one ``mask()`` used by logs, exports and API output, and the registry that redacts logs."""

from __future__ import annotations

import re
import threading
from typing import Final

from spreader_app.core.masking import MASK, mask

__all__ = ["MASK", "SECRET_REGISTRY", "Secret", "SecretRegistry", "mask"]

MIN_REDACTED_LENGTH: Final = 6


class Secret:
    """An immutable secret string whose ``repr`` and ``str`` show only its mask.

    ``reveal()`` is the one way to read the value, so an accidental f-string, log call or
    debugger view prints ``••••abcd`` instead of the secret.
    """

    __slots__ = ("_value",)
    _value: str

    def __init__(self, value: str) -> None:
        object.__setattr__(self, "_value", value)

    def reveal(self) -> str:
        """Return the secret value itself."""
        return self._value

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Secret is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Secret is immutable")

    def __repr__(self) -> str:
        return f"Secret({mask(self._value)!r})"

    def __str__(self) -> str:
        return mask(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return self._value == other._value

    def __hash__(self) -> int:
        return hash((Secret, self._value))


class SecretRegistry:
    """Secrets known to this process, so any text can be scrubbed of them before it is logged.

    ``redact(text)`` replaces every registered secret in ``text`` with ``mask(secret)``.
    Secrets shorter than ``MIN_REDACTED_LENGTH`` characters are ignored: replacing them
    would mangle ordinary words and numbers. Safe to use from several threads.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def add(self, secret: str) -> None:
        """Register ``secret``; a secret already registered or too short is ignored."""
        if len(secret) < MIN_REDACTED_LENGTH:
            return
        with self._lock:
            if secret in self._secrets:
                return
            self._secrets.add(secret)
            # Longest first, so a secret that contains another is replaced whole.
            ordered = sorted(self._secrets, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(s) for s in ordered))

    def __contains__(self, secret: object) -> bool:
        with self._lock:
            return secret in self._secrets

    def redact(self, text: str) -> str:
        """Return ``text`` with every registered secret replaced by its mask."""
        pattern = self._pattern
        if pattern is None:
            return text
        return pattern.sub(lambda match: mask(match.group(0)), text)


SECRET_REGISTRY: Final = SecretRegistry()
"""The process-wide registry the vault, the configuration and the log filter share."""
