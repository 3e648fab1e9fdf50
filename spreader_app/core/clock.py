"""Injectable time: the engine never reads the wall clock or sleeps on its own."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Time source for every rule and wait in the engine."""

    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...

    def timestamp(self) -> float:
        """The current time as POSIX seconds (same instant as ``now()``)."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin, never going backwards (for durations)."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` of this clock's time (returns at once for ``<= 0``)."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def timestamp(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))


class ScaledClock:
    """The real clock run ``speed`` times faster from ``origin`` (POSIX seconds): for
    black-box runs of whole processes, which agree on the time when given the same
    ``origin``. ``speed`` 1 is the real clock."""

    def __init__(self, speed: float, origin: float) -> None:
        if speed <= 0:
            raise ValueError("a clock runs forwards")
        self.speed = speed
        self.origin = origin
        self._mono = time.monotonic()

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.timestamp(), UTC)

    def timestamp(self) -> float:
        return self.origin + (time.time() - self.origin) * self.speed

    def monotonic(self) -> float:
        return self._mono + (time.monotonic() - self._mono) * self.speed

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds) / self.speed)


class ManualClock:
    """A clock that moves only when told to: ``advance()`` or ``set()`` wake due sleepers."""

    def __init__(self, start: datetime | float = 1_750_000_000.0) -> None:
        self._t = start.timestamp() if isinstance(start, datetime) else float(start)
        self._sleepers: list[tuple[float, asyncio.Future[None]]] = []

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._t, UTC)

    def timestamp(self) -> float:
        return self._t

    def monotonic(self) -> float:
        return self._t

    def set(self, when: datetime | float) -> None:
        t = when.timestamp() if isinstance(when, datetime) else float(when)
        self.advance(t - self._t)

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock never goes backwards")
        self._t += seconds
        keep: list[tuple[float, asyncio.Future[None]]] = []
        for deadline, fut in self._sleepers:
            if fut.done():
                continue
            if deadline <= self._t:
                fut.set_result(None)
            else:
                keep.append((deadline, fut))
        self._sleepers = keep

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._sleepers.append((self._t + seconds, fut))
        await fut
