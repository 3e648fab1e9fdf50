"""``IntakeBatcher``: a lone webhook body is written at once, bodies arriving together share a
transaction, and a failure reaches only the bodies it concerns."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spreader_app.core.errors import StorageUnavailable
from spreader_app.core.intake import MAX_BATCH, IntakeBatcher, StoredWebhook, WebhookBody


def body(text: str) -> WebhookBody:
    return WebhookBody(text, "application/json", ())


class Store:
    """Records each transaction's bodies; ``fail`` makes a transaction holding it raise."""

    def __init__(self, fail: str | None = None, error: Exception | None = None) -> None:
        self.transactions: list[list[str]] = []
        self.fail = fail
        self.error = error or RuntimeError("bad body")
        self.release = asyncio.Event()
        self.release.set()

    async def write(self, bodies: Sequence[WebhookBody], now: float) -> list[StoredWebhook]:
        await self.release.wait()
        texts = [b.text for b in bodies]
        if self.fail in texts:
            raise self.error
        self.transactions.append(texts)
        return [StoredWebhook(int(t), []) for t in texts]


async def test_intake_a_lone_body_is_written_at_once_in_its_own_transaction() -> None:
    store = Store()
    intake = IntakeBatcher(store.write, lambda: 0.0)
    assert (await intake.store(body("1"))).payload_id == 1
    assert (await intake.store(body("2"))).payload_id == 2
    assert store.transactions == [["1"], ["2"]]


async def test_intake_bodies_arriving_during_a_write_share_the_next_transaction() -> None:
    store = Store()
    store.release.clear()
    intake = IntakeBatcher(store.write, lambda: 0.0)
    first = asyncio.create_task(intake.store(body("1")))
    await asyncio.sleep(0)
    rest = [asyncio.create_task(intake.store(body(str(i)))) for i in range(2, 6)]
    await asyncio.sleep(0)
    store.release.set()
    results = await asyncio.gather(first, *rest)
    assert [r.payload_id for r in results] == [1, 2, 3, 4, 5]
    assert store.transactions == [["1"], ["2", "3", "4", "5"]]


async def test_intake_a_bad_body_fails_alone_and_the_others_are_written() -> None:
    store = Store(fail="3")
    store.release.clear()
    intake = IntakeBatcher(store.write, lambda: 0.0)
    tasks = [asyncio.create_task(intake.store(body(str(i)))) for i in range(1, 6)]
    await asyncio.sleep(0)
    store.release.set()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    assert isinstance(outcomes[2], RuntimeError)
    assert [o.payload_id for o in outcomes if isinstance(o, StoredWebhook)] == [1, 2, 4, 5]
    assert sorted(t for tx in store.transactions for t in tx) == ["1", "2", "4", "5"]


async def test_intake_storage_trouble_fails_the_whole_batch_without_retrying() -> None:
    store = Store(fail="1", error=StorageUnavailable("The disk is full."))
    store.release.clear()
    intake = IntakeBatcher(store.write, lambda: 0.0)
    tasks = [asyncio.create_task(intake.store(body("1"))) for _ in range(3)]
    await asyncio.sleep(0)
    store.release.set()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(o, StorageUnavailable) for o in outcomes)
    assert store.transactions == []


async def test_intake_a_caller_that_goes_away_still_gets_its_body_written() -> None:
    store = Store()
    store.release.clear()
    intake = IntakeBatcher(store.write, lambda: 0.0)
    task = asyncio.create_task(intake.store(body("7")))
    await asyncio.sleep(0)
    task.cancel()
    store.release.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert (await intake.store(body("8"))).payload_id == 8
    assert store.transactions == [["7"], ["8"]]


@settings(max_examples=50, deadline=None)
@given(waves=st.lists(st.integers(1, 2 * MAX_BATCH + 5), min_size=1, max_size=4))
def test_intake_every_body_is_written_once_and_answered_with_its_own_result(
    waves: list[int],
) -> None:
    async def run() -> None:
        store = Store()
        intake = IntakeBatcher(store.write, lambda: 0.0)
        tasks: list[asyncio.Task[StoredWebhook]] = []
        for size in waves:
            start = len(tasks)
            tasks += [asyncio.create_task(intake.store(body(str(start + i)))) for i in range(size)]
            await asyncio.sleep(0)
        results = await asyncio.gather(*tasks)
        assert [r.payload_id for r in results] == list(range(len(tasks)))
        written = [int(t) for tx in store.transactions for t in tx]
        assert written == list(range(len(tasks)))
        assert all(len(tx) <= MAX_BATCH for tx in store.transactions)
        assert len(store.transactions) < len(tasks) or len(tasks) == len(waves)

    asyncio.run(run())
