"""Owns the long-lived tasks: starts them by name, keeps references, stops them in order."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class Supervisor:
    """A named set of tasks; a task that dies unexpectedly is logged and reported once."""

    def __init__(self, on_crash: Callable[[str, BaseException], None] | None = None) -> None:
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._on_crash = on_crash

    def start(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        if name in self._tasks and not self._tasks[name].done():
            coro.close()
            raise RuntimeError(f"task {name} is already running")
        task = asyncio.get_running_loop().create_task(coro, name=name)
        task.add_done_callback(lambda t: self._done(name, t))
        self._tasks[name] = task
        return task

    def _done(self, name: str, task: asyncio.Task[Any]) -> None:
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("task %s stopped with an error", name, exc_info=exc)
            if self._on_crash is not None:
                self._on_crash(name, exc)

    def running(self, name: str) -> bool:
        task = self._tasks.get(name)
        return task is not None and not task.done()

    async def stop(self, name: str, timeout: float = 10.0) -> None:
        """Waits up to ``timeout`` s for the task to end by itself, then cancels it."""
        task = self._tasks.pop(name, None)
        if task is None or task.done():
            return
        done, _ = await asyncio.wait([task], timeout=timeout)
        if not done:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def stop_all(self, timeout: float = 10.0) -> None:
        for name in reversed(list(self._tasks)):
            await self.stop(name, timeout)
