"""``gc_paused``: bulk work without the cycle collector rescanning what it builds."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def gc_paused(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Runs ``fn`` with the cycle collector paused (and restores it as it was).

    Bulk work (planning, screening or storing 100,000 recipients) allocates one small
    object per recipient and keeps them all; the collector would rescan that growing heap
    again and again (a third of the time at 100,000 recipients) without ever finding a
    cycle to free. Only for work that creates no garbage cycles.
    """

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
