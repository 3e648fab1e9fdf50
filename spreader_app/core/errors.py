"""Domain errors with stable codes, shared by the HTTP API and the window."""

from __future__ import annotations

from typing import Any

from spreader_app.core.text import Text, english


class SpreaderError(Exception):
    """Base error: ``code`` is stable for programs, ``message`` is for people.

    ``message`` and ``details`` are English, as the API and logs carry them, even when they
    were given as :class:`Text`; ``text`` and ``detail_texts`` keep the translatable form for
    the window (``text`` is the plain message when it was given as a string).
    """

    code = "error"
    http_status = 400

    def __init__(self, message: str | Text, *, details: Any = None) -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.text: str | Text = message
        self.details = english(details)
        self.detail_texts = details


class ValidationFailed(SpreaderError):
    """Input was wrong; ``details`` lists ``{"field": path, "message": why}`` entries."""

    code = "validation_error"
    http_status = 422


class NotFound(SpreaderError):
    code = "not_found"
    http_status = 404


class Conflict(SpreaderError):
    code = "conflict"
    http_status = 409


class NoProfileAvailable(SpreaderError):
    """No profile of the package can send (all inactive, blocked or missing)."""

    code = "no_profile_available"
    http_status = 409


class VaultUnavailable(SpreaderError):
    """No key to encrypt or decrypt tokens: the message says how to provide one."""

    code = "vault_unavailable"
    http_status = 503


class StorageUnavailable(SpreaderError):
    """The database cannot be written (locked, read-only, disk full)."""

    code = "storage_unavailable"
    http_status = 503
