"""Device leases on one database shared by several engines (``core.leasing`` over
``storage.leases``).

Each engine is a ``Database`` of its own (its own instance id and connections), as a process
would be; time is a manual clock, so a lease expires exactly when the test says.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from spreader_app.core.leasing import (
    InstanceInfo,
    LeaseKeeper,
    LeaseView,
    fair_share,
    rebalance,
)
from spreader_app.storage import dispatch_store, migrate
from spreader_app.storage.database import Database
from spreader_app.storage.leases import SqlLeases
from spreader_app.storage.orm import AttemptRow, DeliveryRow, DeviceLeaseRow, InstanceRow
from tests.unit.storage.seeding import seed_campaign

NOW = 1_750_053_600.0
TTL = 15.0
DEVICES = tuple(f"prof-{n}" for n in range(5))


@pytest.fixture
def engines(database_url: str) -> Iterator[list[Database]]:
    """Three engines' databases on one migrated, seeded database (the first seeds it)."""
    dbs = [Database(database_url) for _ in range(3)]
    migrate.upgrade(dbs[0].engine)
    seed_campaign(dbs[0], DEVICES, 20, NOW)
    try:
        yield dbs
    finally:
        for db in dbs:
            db.close()


def _keeper(db: Database, *, exclusive: bool = False, name: str | None = None) -> LeaseKeeper:
    me = InstanceInfo(name or db.instance_id, "host", 1, "serve")
    return LeaseKeeper(SqlLeases(db), me, exclusive=exclusive, ttl=TTL)


def _holders(db: Database) -> dict[str, str | None]:
    rows = db.run_sync(
        lambda s: s.execute(select(DeviceLeaseRow.profile_id, DeviceLeaseRow.instance_id)).all()
    )
    return {pid: holder for pid, holder in rows}


async def test_leases_two_engines_split_the_devices_and_never_share_one(
    engines: list[Database],
) -> None:
    a, b = _keeper(engines[0]), _keeper(engines[1])
    await a.start(NOW)
    assert a.held == set(DEVICES)  # alone so far: it takes every device
    await b.start(NOW + 1)
    assert b.held == set()  # all taken; a frees its surplus at its next heartbeat
    await a.keep(NOW + 5, busy=())
    await b.keep(NOW + 6, busy=())
    assert sorted([len(a.held), len(b.held)]) == [2, 3]
    assert a.held.isdisjoint(b.held) and a.held | b.held == set(DEVICES)
    holders = _holders(engines[0])
    assert Counter(holders.values()) == {a.me.id: len(a.held), b.me.id: len(b.held)}


async def test_leases_a_device_busy_with_a_send_is_not_handed_over(
    engines: list[Database],
) -> None:
    a, b = _keeper(engines[0]), _keeper(engines[1])
    await a.start(NOW)
    await b.start(NOW + 1)
    await a.keep(NOW + 5, busy=set(DEVICES))
    assert a.held == set(DEVICES)


async def test_leases_a_dead_engines_devices_move_and_its_sends_in_flight_become_uncertain(
    engines: list[Database],
) -> None:
    a, b = _keeper(engines[0]), _keeper(engines[1])
    await a.start(NOW)
    await b.start(NOW + 1)
    await a.keep(NOW + 5, busy=())
    await b.keep(NOW + 6, busy=())
    # Each claims one delivery of every device it holds: two calls in flight each.
    for db, keeper in ((engines[0], a), (engines[1], b)):
        held = sorted(keeper.held)
        db.run_sync(lambda s, h=held: dispatch_store.dispatch_round(s, [], h, h, None, NOW + 7))
    b_sending = len(b.held)

    # a stops beating (killed); b carries on.
    assert not b.holds(sorted(a.held)[0], NOW + 8)
    moved, recovered = await b.keep(NOW + 11, busy=())
    assert not moved and recovered == []  # a's heartbeat has not expired yet
    assert a.holds(sorted(a.held)[0], NOW + 14)  # a still dispatches until 2/3 of its ttl
    assert not a.holds(sorted(a.held)[0], NOW + 15)  # ...and stops before b may take over
    moved, recovered = await b.keep(NOW + 20 + 0.5, busy=())  # past a's expiry (NOW+5+15)
    assert moved and b.held == set(DEVICES)
    assert sum(c.processed for c in recovered) == 5 - b_sending  # a's calls, now settled

    def statuses(s: object) -> Counter[tuple[str, str | None]]:
        rows = s.execute(  # type: ignore[attr-defined]
            select(DeliveryRow.status, AttemptRow.outcome).join(
                AttemptRow, AttemptRow.delivery_id == DeliveryRow.id
            )
        )
        return Counter((status, outcome) for status, outcome in rows)

    found = engines[1].run_sync(statuses)  # type: ignore[arg-type]
    # a's calls are uncertain, b's own calls are still in flight and untouched.
    assert found == {("uncertain", "uncertain"): 5 - b_sending, ("sending", None): b_sending}
    instances = engines[1].run_sync(lambda s: s.scalars(select(InstanceRow.id)).all())
    assert instances == [b.me.id]


async def test_leases_an_orderly_stop_hands_the_devices_over_at_once(
    engines: list[Database],
) -> None:
    a, b = _keeper(engines[0]), _keeper(engines[1])
    await a.start(NOW)
    await b.start(NOW + 1)
    await a.leave(NOW + 2)
    moved, _ = await b.keep(NOW + 2, busy=(), force=True)
    assert moved and b.held == set(DEVICES)


async def test_leases_an_engine_alone_on_its_database_settles_every_send_in_flight_at_start(
    engines: list[Database],
) -> None:
    a = _keeper(engines[0])
    await a.start(NOW)
    held = sorted(a.held)
    engines[0].run_sync(lambda s: dispatch_store.dispatch_round(s, [], held, held, None, NOW))
    # The data-folder lock says a is gone even though its heartbeat has not expired.
    alone = _keeper(engines[1], exclusive=True)
    changes = await alone.start(NOW + 1)
    assert sum(c.processed for c in changes) == len(DEVICES)
    assert alone.held == set(DEVICES)
    assert alone.holds(DEVICES[0], NOW + 10 * TTL)  # alone: no heartbeat needed


async def test_leases_an_engine_that_missed_its_heartbeats_loses_what_others_took(
    engines: list[Database],
) -> None:
    a, b = _keeper(engines[0]), _keeper(engines[1])
    await a.start(NOW)
    await b.start(NOW + TTL + 1)  # a looks dead: b retires it and takes everything
    assert b.held == set(DEVICES)
    moved, _ = await a.keep(NOW + TTL + 2, busy=())  # a's database came back
    assert moved and a.held.isdisjoint(b.held)


def test_fair_share_covers_every_device_with_at_most_one_more_than_any_other() -> None:
    assert fair_share(5, 2) == 3
    assert fair_share(5, 0) == 5
    assert fair_share(0, 3) == 0


@settings(max_examples=300)
@given(
    devices=st.integers(0, 40),
    instances=st.integers(1, 8),
    held=st.integers(0, 40),
    busy=st.integers(0, 40),
)
def test_rebalance_moves_towards_the_fair_share_and_keeps_busy_devices(
    devices: int, instances: int, held: int, busy: int
) -> None:
    held = min(held, devices)
    mine = [f"d{n:02d}" for n in range(held)]
    free = tuple(f"d{n:02d}" for n in range(held, devices))
    busy_set = set(mine[:busy])
    view = LeaseView(frozenset(mine), free, devices, instances)
    take, release = rebalance(view, busy_set)
    share = fair_share(devices, instances)
    assert not (take and release)
    assert set(take) <= set(free) and set(release) <= set(mine) - busy_set
    after = held + len(take) - len(release)
    if held <= share:
        assert after == min(share, held + len(free))
    else:
        assert after == max(share, held - len(set(mine) - busy_set))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(st.integers(0, 2), st.sampled_from(["beat", "die", "leave"]), st.floats(0, 20)),
        min_size=1,
        max_size=25,
    )
)
def test_leases_no_device_is_ever_dispatchable_by_two_engines(
    engines: list[Database], steps: list[tuple[int, str, float]]
) -> None:
    engines[0].run_sync(lambda s: s.execute(delete(InstanceRow)))
    engines[0].run_sync(lambda s: s.execute(update(DeviceLeaseRow).values(instance_id=None)))

    async def scenario() -> None:
        keepers: list[LeaseKeeper | None] = [None, None, None]
        now = NOW
        for step, (index, action, gap) in enumerate(steps):
            now += gap
            keeper = keepers[index]
            if action == "beat":
                if keeper is None:
                    # A restarted engine is a new instance.
                    name = f"engine-{index}-{step}"
                    keeper = keepers[index] = _keeper(engines[index], name=name)
                    await keeper.start(now)
                else:
                    await keeper.keep(now, busy=())
            elif action == "die":
                keepers[index] = None  # stops beating, leaves its rows behind
            elif keeper is not None:
                await keeper.leave(now)
                keepers[index] = None
            live = [k for k in keepers if k is not None]
            for pid in DEVICES:
                assert sum(1 for k in live if k.holds(pid, now)) <= 1, (pid, steps)

    asyncio.run(scenario())
