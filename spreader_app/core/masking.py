"""The one ``mask()`` used wherever a token is shown: logs, exports, API output, the window."""

from __future__ import annotations

from typing import Final

MASK: Final = "••••"
_VISIBLE_TAIL: Final = 4
_MIN_LENGTH_FOR_TAIL: Final = 8


def mask(token: str) -> str:
    """Return ``"••••"`` plus the last 4 characters of ``token``.

    Tokens shorter than 8 characters become just ``"••••"``, so a short token is never
    shown whole and at most 4 characters of any token are revealed.
    """
    if len(token) < _MIN_LENGTH_FOR_TAIL:
        return MASK
    return MASK + token[-_VISIBLE_TAIL:]
