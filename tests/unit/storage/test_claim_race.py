"""Several engines claiming from one database never claim a delivery twice.

Each claimer is a ``Database`` of its own (its own connections) on the same database (a
SQLite file, or PostgreSQL with its ``SKIP LOCKED`` claims), as a second process would be;
they race on the same profiles' heads. A claim whose guarded update changed no row lost the
race and must not come back as a claim (it would be sent twice).
"""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import select

from spreader_app.core.models import (
    Claim,
    DeliveryStatus,
)
from spreader_app.storage import dispatch_store, migrate
from spreader_app.storage.database import Database
from spreader_app.storage.orm import AttemptRow, DeliveryRow
from tests.unit.storage.seeding import seed_campaign

NOW = 1_750_053_600.0
PROFILES = ("prof-a", "prof-b", "prof-c")
RECIPIENTS = 240
CLAIMERS = 4


def test_racing_claimers_claim_each_delivery_exactly_once(database_url: str) -> None:
    url = database_url
    seed = Database(url)
    migrate.upgrade(seed.engine)
    seed_campaign(seed, PROFILES, RECIPIENTS, NOW)
    claimers = [Database(url) for _ in range(CLAIMERS)]
    claims: list[list[Claim]] = [[] for _ in claimers]
    start = threading.Barrier(CLAIMERS)

    def claim_all(index: int) -> None:
        db = claimers[index]
        start.wait()
        idle = 0
        while idle < 3:  # a few empty rounds in a row: everything is taken
            got = db.run_sync(
                lambda s: dispatch_store.dispatch_round(s, [], PROFILES, PROFILES, None, NOW)
            ).claims
            claims[index] += got
            idle = 0 if got else idle + 1

    threads = [threading.Thread(target=claim_all, args=(i,)) for i in range(CLAIMERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    try:
        ids = Counter(c.delivery_id for per in claims for c in per)
        twice = {d: n for d, n in ids.items() if n > 1}
        statuses = seed.run_sync(lambda s: Counter(s.scalars(select(DeliveryRow.status)).all()))
        attempts = seed.run_sync(lambda s: len(s.scalars(select(AttemptRow.id)).all()))
    finally:
        for db in (seed, *claimers):
            db.close()

    assert not twice, f"claimed more than once: {twice}"
    assert len(ids) == RECIPIENTS
    assert statuses == {DeliveryStatus.SENDING.value: RECIPIENTS}
    assert attempts == RECIPIENTS  # a lost race opens no attempt
    # Every claimer won some: they really raced rather than one taking all.
    assert sum(1 for per in claims if per) >= 2
