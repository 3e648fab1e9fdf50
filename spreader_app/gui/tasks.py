"""Running coroutines from widgets: references kept, errors routed, the trigger disabled.

``run_task(coro, busy=button)`` starts ``coro`` on the running qasync loop, disables
``busy`` until it ends and sends any exception to the one error handler (``gui.errors``),
so no slot ever blocks the GUI thread and no failure vanishes silently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from spreader_app.core.errors import SpreaderError
from spreader_app.core.text import Text
from spreader_app.gui.i18n import shown, translate

log = logging.getLogger(__name__)
T = TypeVar("T")

_running: set[asyncio.Task[Any]] = set()
_error_sink: list[Callable[[BaseException], None]] = []


def set_error_sink(sink: Callable[[BaseException], None]) -> None:
    """Where task failures go (the main window's coalesced error dialog)."""
    _error_sink[:] = [sink]


def run_task(
    coro: Coroutine[Any, Any, T],
    *,
    busy: QWidget | None = None,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> asyncio.Task[T]:
    """Starts ``coro``; ``on_done`` gets its result, ``on_error`` (else the sink) its failure."""
    task = asyncio.get_event_loop().create_task(coro)
    _running.add(task)
    if busy is not None:
        busy.setEnabled(False)

    def finished(t: asyncio.Task[T]) -> None:
        _running.discard(t)
        if busy is not None:
            try:
                busy.setEnabled(True)
            except RuntimeError:  # the widget was deleted meanwhile
                pass
        if t.cancelled():
            return
        exc = t.exception()
        if exc is not None:
            if on_error is not None:
                on_error(exc)
            elif _error_sink:
                _error_sink[0](exc)
            else:
                log.error("background task failed", exc_info=exc)
            return
        if on_done is not None:
            on_done(t.result())

    task.add_done_callback(finished)
    return task


def describe(exc: BaseException) -> str:
    """The sentence to show a person for ``exc``: a ``SpreaderError``'s, or the ``Text``
    another error was raised with (the vault's ``ValueError``), in the interface language."""
    if isinstance(exc, SpreaderError):
        return shown(exc.text)
    if exc.args and isinstance(exc.args[0], Text):
        return shown(exc.args[0])
    return translate("Tasks", "Something went wrong: {error}").format(error=exc)


def running_tasks() -> int:
    return len(_running)
