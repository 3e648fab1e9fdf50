from __future__ import annotations

import random

import pytest

from spreader_app.core.retry import backoff_seconds


@pytest.mark.parametrize(("attempt", "low"), [(1, 5.0), (2, 10.0), (3, 20.0), (5, 80.0)])
def test_backoff_doubles_per_attempt_with_up_to_25_percent_more(attempt: int, low: float) -> None:
    rng = random.Random(attempt)
    delays = [backoff_seconds(attempt, 5000, rng) for _ in range(200)]
    assert all(low <= d <= low * 1.25 for d in delays)
    # The jitter really spreads retries out instead of adding a constant.
    assert max(delays) - min(delays) > low * 0.2


def test_backoff_is_reproducible_for_a_seeded_generator() -> None:
    first = [backoff_seconds(2, 1000, random.Random(9)) for _ in range(3)]
    again = [backoff_seconds(2, 1000, random.Random(9)) for _ in range(3)]
    assert first == again


def test_backoff_waits_at_least_what_the_gateway_asked() -> None:
    assert backoff_seconds(1, 1000, random.Random(0), retry_after=90) == 90
    assert 1.0 <= backoff_seconds(1, 1000, random.Random(0), retry_after=0.5) <= 1.25


def test_backoff_never_exceeds_the_cap() -> None:
    rng = random.Random(0)
    assert backoff_seconds(12, 5000, rng) == 3600
    assert backoff_seconds(10_000, 5000, rng, cap=60) == 60
    assert backoff_seconds(1, 1000, rng, retry_after=86_400, cap=600) == 600


def test_backoff_with_zero_base_retries_at_once() -> None:
    assert backoff_seconds(3, 0, random.Random(0)) == 0


@pytest.mark.parametrize(
    ("attempt", "base_ms", "cap", "message"),
    [
        (0, 1000, 3600.0, "attempt counts retries from 1"),
        (1, -1, 3600.0, "base_ms"),
        (1, 1, -1.0, "cap"),
    ],
)
def test_backoff_rejects_bad_arguments(
    attempt: int, base_ms: int, cap: float, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        backoff_seconds(attempt, base_ms, random.Random(0), cap=cap)
