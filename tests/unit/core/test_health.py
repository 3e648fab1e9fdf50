from __future__ import annotations

import pytest

from spreader_app.core.health import BanEvidence
from spreader_app.core.health_score import HealthLog, Reason, answer_deduction, reply_credit
from spreader_app.core.models import HealthDeduction, OutcomeKind
from spreader_app.core.rules import DAY

T = 1_750_000_000.0
UNAVAILABLE = OutcomeKind.DEVICE_UNAVAILABLE


@pytest.mark.parametrize(
    ("kind", "reason", "points"),
    [
        (OutcomeKind.RATE_LIMITED, "rate_limited", 5),
        (OutcomeKind.DEVICE_UNAVAILABLE, "disconnected", 10),
        (OutcomeKind.AUTH_ERROR, "auth_error", 20),
        (OutcomeKind.REJECTED, "rejected", 5),
        (OutcomeKind.BANNED, "banned", 100),
    ],
)
def test_each_failed_answer_costs_its_reason_and_points(
    kind: OutcomeKind, reason: str, points: int
) -> None:
    found = answer_deduction("a", kind, T)
    assert found == HealthDeduction("a", T, reason, points)
    assert HealthLog([found]).score(T) == max(0, 100 - points)


def test_an_accepted_answer_costs_nothing() -> None:
    assert answer_deduction("a", OutcomeKind.ACCEPTED, T) is None


def test_a_gateway_that_fails_costs_the_number_nothing() -> None:
    # A 5xx, a reset or a timeout is the gateway's or the network's trouble: a gateway
    # outage must not bench every device of a package.
    assert answer_deduction("a", OutcomeKind.TRANSIENT, T) is None


def test_a_deduction_recovers_linearly_over_a_day() -> None:
    log = HealthLog([HealthDeduction("a", T, "disconnected", 30)])
    assert [log.score(T + f * DAY) for f in (0, 0.25, 0.5, 1, 2)] == [70, 77, 85, 100, 100]
    assert log.reasons(T + DAY / 2) == [Reason("disconnected", 15, T)]
    assert log.reasons(T + DAY) == []


def test_the_reply_credit_offsets_deductions_but_never_passes_100() -> None:
    assert reply_credit(100, 10) == 10 and reply_credit(100, 9) == 0
    assert reply_credit(19, 19) == 0  # too few recipients to tell
    log = HealthLog([HealthDeduction("a", T, "rate_limited", 25)], credit=10)
    assert log.score(T) == 85 and log.score(T + DAY) == 100


def test_critical_stops_open_chat_a_day_from_entering_it() -> None:
    log = HealthLog(
        [HealthDeduction("a", T, "disconnected", 50), HealthDeduction("a", T + 60, "banned", 20)]
    )
    assert log.score(T) == 50 and log.score(T + 60) < 40
    assert log.critical_since() == T + 60
    assert log.critical_until() == T + 60 + DAY


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


def test_the_lowest_score_of_a_day_is_found_at_its_deductions() -> None:
    log = HealthLog([HealthDeduction("a", T + 3600, "auth_error", 20)])
    assert log.lowest(T, T + DAY) == 80
    assert log.lowest(T + 4 * 3600, T + DAY) == 82  # healing already
    assert log.lowest(T - DAY, T) == 100
