from __future__ import annotations

import pytest

from spreader_app.core.health import BanEvidence, HealthPolicy
from spreader_app.core.models import OutcomeKind
from spreader_app.core.rules import DAY

T = 1_750_000_000.0
UNAVAILABLE = OutcomeKind.DEVICE_UNAVAILABLE


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (OutcomeKind.ACCEPTED, 72),
        (OutcomeKind.TRANSIENT, 67),
        (OutcomeKind.RATE_LIMITED, 65),
        (OutcomeKind.DEVICE_UNAVAILABLE, 60),
        (OutcomeKind.AUTH_ERROR, 50),
        (OutcomeKind.REJECTED, 65),
    ],
)
def test_health_policy_moves_the_score_by_outcome(kind: OutcomeKind, expected: int) -> None:
    assert HealthPolicy.apply(70, kind) == expected


def test_health_policy_stays_within_0_and_100() -> None:
    assert HealthPolicy.apply(99, OutcomeKind.ACCEPTED) == 100
    assert HealthPolicy.apply(100, OutcomeKind.ACCEPTED) == 100
    assert HealthPolicy.apply(5, OutcomeKind.AUTH_ERROR) == 0
    assert HealthPolicy.apply_evidence(15) == 0
    assert HealthPolicy.apply_evidence(100) == 80


def test_ban_evidence_when_another_profile_reaches_the_recipient() -> None:
    ev = BanEvidence()
    ev.failed("a", "+1", UNAVAILABLE, T)
    ev.failed("c", "+1", OutcomeKind.REJECTED, T + 5)
    assert ev.succeeded("b", "+1", T + 60) == ["a", "c"]
    assert ev.evidence_run("a") == 1 and ev.evidence_run("c") == 1
    # The recipient's failures are used up: a second success is no new evidence.
    assert ev.succeeded("b", "+1", T + 120) == []
    assert ev.evidence_run("a") == 1


def test_ban_evidence_ignores_failures_that_say_nothing_about_a_ban() -> None:
    ev = BanEvidence()
    for kind in (OutcomeKind.TRANSIENT, OutcomeKind.RATE_LIMITED, OutcomeKind.AUTH_ERROR):
        ev.failed("a", "+1", kind, T)
    assert ev.succeeded("b", "+1", T + 1) == []


def test_ban_evidence_is_not_counted_against_the_profile_that_succeeded() -> None:
    ev = BanEvidence()
    ev.restore("a", 2)
    ev.failed("a", "+1", UNAVAILABLE, T)
    assert ev.succeeded("a", "+1", T + 30) == []
    assert ev.evidence_run("a") == 0


def test_ban_evidence_forgets_failures_older_than_its_ttl() -> None:
    ev = BanEvidence()
    ev.failed("a", "+1", UNAVAILABLE, T)
    ev.failed("a", "+2", UNAVAILABLE, T + DAY - 10)
    assert ev.succeeded("b", "+1", T + DAY + 1) == []
    assert ev.succeeded("b", "+2", T + DAY + 1) == ["a"]


def test_ban_evidence_memory_is_bounded_by_recipients() -> None:
    ev = BanEvidence(max_recipients=3)
    for i in range(5):
        ev.failed("a", f"+{i}", UNAVAILABLE, T + i)
    assert ev.succeeded("b", "+0", T + 10) == []
    assert ev.succeeded("b", "+4", T + 10) == ["a"]


def test_ban_evidence_blocks_after_a_run_of_three_and_a_success_resets_it() -> None:
    ev = BanEvidence()
    for i in range(2):
        ev.failed("a", f"+{i}", UNAVAILABLE, T + i)
        ev.succeeded("b", f"+{i}", T + 10 + i)
    assert not ev.should_block("a", 90)
    ev.succeeded("a", "+other", T + 20)
    assert ev.evidence_run("a") == 0
    for i in range(3):
        ev.failed("a", f"+{i}", UNAVAILABLE, T + 30 + i)
        ev.succeeded("b", f"+{i}", T + 40 + i)
    assert ev.evidence_run("a") == BanEvidence.BLOCK_AFTER_EVIDENCE
    assert ev.should_block("a", 90)
    ev.reset("a")
    assert not ev.should_block("a", 90)


def test_ban_evidence_blocks_a_low_score_profile_at_its_first_evidence() -> None:
    ev = BanEvidence()
    assert not ev.should_block("a", 10)
    ev.failed("a", "+1", UNAVAILABLE, T)
    ev.succeeded("b", "+1", T + 1)
    assert ev.should_block("a", 20)
    assert not ev.should_block("a", 21)
    assert BanEvidence.blocks(1, 20) and not BanEvidence.blocks(0, 0)


def test_ban_evidence_run_is_restored_from_storage() -> None:
    ev = BanEvidence()
    ev.restore("a", 2)
    assert ev.evidence_run("a") == 2
    ev.failed("a", "+1", UNAVAILABLE, T)
    ev.succeeded("b", "+1", T + 1)
    assert ev.should_block("a", 100)
    ev.restore("a", 0)
    assert ev.evidence_run("a") == 0
    with pytest.raises(ValueError, match="cannot be negative"):
        ev.restore("a", -1)
