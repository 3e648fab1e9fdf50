"""How a storage operation becomes a port method: written once, as a plain function.

Every operation is a synchronous function ``fn(session, *args)`` in a ``*_store`` module
that does its whole transaction. ``transaction(fn)`` exposes it as the ``async`` method the
core's port declares, run by ``Database.run`` on the database thread; ``queued(fn)``
exposes it as a method that queues the work and returns its future at once. A port's
implementation is then a class of one-line bindings over ``OnDatabase``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from spreader_app.storage.database import Database

P = ParamSpec("P")
T = TypeVar("T")


class OnDatabase:
    """Base of the port implementations: they share one ``Database`` (one thread)."""

    def __init__(self, db: Database) -> None:
        self.db = db


def transaction(
    fn: Callable[Concatenate[Session, P], T], *, urgent: bool = False
) -> Callable[Concatenate[OnDatabase, P], Coroutine[Any, Any, T]]:
    """The port method running ``fn(session, *args)`` in one transaction on the database
    thread; ``urgent`` work (Reply Chat, leases) goes ahead of queued work."""

    async def method(self: OnDatabase, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return await self.db.run(lambda s: fn(s, *args, **kwargs), urgent=urgent)

    method.__name__ = fn.__name__
    method.__doc__ = fn.__doc__
    return method


def queued(
    fn: Callable[Concatenate[Session, P], T], *, urgent: bool = False
) -> Callable[Concatenate[OnDatabase, P], asyncio.Future[T]]:
    """The port method queueing ``fn(session, *args)`` as ``transaction`` does and returning
    its future at once (call it on the event loop): later work sees it committed."""

    def method(self: OnDatabase, /, *args: P.args, **kwargs: P.kwargs) -> asyncio.Future[T]:
        return self.db.submit(lambda s: fn(s, *args, **kwargs), urgent=urgent)

    method.__name__ = fn.__name__
    method.__doc__ = fn.__doc__
    return method
