"""Webhook intake: each body understood before storage, then written with what it says in
one transaction, and bodies arriving together written together.

A body and its messages are stored in the same transaction, so a body is never kept
without the messages it carried, nor the reverse. Under a flood, the bodies that arrive
while one transaction is being written share the next one (group commit): the database
pays one commit per batch instead of three per body, and an idle moment still writes a lone
body at once. No timer is involved.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from spreader_app.core.errors import StorageUnavailable
from spreader_app.core.models import InboundMessage, InboundRecord

MAX_BATCH = 200  # bodies per transaction: bounds how long a reply can wait behind one


@dataclass(frozen=True, slots=True)
class WebhookBody:
    """One webhook body as it will be stored: the text verbatim, the messages understood
    from it with their opt verdicts, and the problem when it was not (fully) understood."""

    text: str
    content_type: str
    messages: tuple[tuple[InboundMessage, str], ...]
    problem: str = ""

    @property
    def understood(self) -> bool:
        return bool(self.messages) and not self.problem


@dataclass(frozen=True, slots=True)
class StoredWebhook:
    """What storing one body did: its payload id and, per message, one record per package."""

    payload_id: int
    records: list[list[InboundRecord]]


WriteBatch = Callable[[Sequence[WebhookBody], float], Awaitable[list[StoredWebhook]]]


class IntakeBatcher:
    """Writes bodies through ``write`` (one transaction per call, results in order).

    ``store`` returns once the body is committed, with what storing it did, or raises what
    the transaction raised. A batch that fails for a reason other than ``StorageUnavailable``
    is written again one body per transaction, so only the body at fault fails.
    """

    def __init__(self, write: WriteBatch, now: Callable[[], float]) -> None:
        self._write = write
        self._now = now
        self._waiting: list[tuple[WebhookBody, asyncio.Future[StoredWebhook]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def store(self, body: WebhookBody) -> StoredWebhook:
        future: asyncio.Future[StoredWebhook] = asyncio.get_running_loop().create_future()
        self._waiting.append((body, future))
        if self._writer is None:
            self._writer = asyncio.create_task(self._drain(), name="webhook-intake")
        # Shielded: a caller that goes away does not stop its body being written.
        return await asyncio.shield(future)

    async def _drain(self) -> None:
        try:
            while self._waiting:
                batch = self._waiting[:MAX_BATCH]
                del self._waiting[:MAX_BATCH]
                await self._write_batch(batch)
        finally:
            self._writer = None

    async def _write_batch(
        self, batch: list[tuple[WebhookBody, asyncio.Future[StoredWebhook]]]
    ) -> None:
        try:
            results = await self._write([body for body, _ in batch], self._now())
        except asyncio.CancelledError:
            for _, future in batch:
                future.cancel()
            raise
        except Exception as exc:
            if len(batch) == 1 or isinstance(exc, StorageUnavailable):
                for _, future in batch:
                    _settle(future, exc=exc)
                return
            for one in batch:
                await self._write_batch([one])
            return
        for (_, future), result in zip(batch, results, strict=True):
            _settle(future, result=result)


def _settle(
    future: asyncio.Future[StoredWebhook],
    result: StoredWebhook | None = None,
    exc: BaseException | None = None,
) -> None:
    if future.done():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        assert result is not None
        future.set_result(result)
