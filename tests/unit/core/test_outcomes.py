"""The one classification table: every gateway answer the fake and ZENTRA.md know, from the
wire to what the engine does with it."""

from __future__ import annotations

import json

import pytest

from spreader_app.core.health import BanEvidence
from spreader_app.core.health_score import answer_deduction
from spreader_app.core.models import OutcomeKind, ProfileStatus
from spreader_app.core.outcomes import DEDUCTIONS, OUTCOMES, OutcomeClass, kinds_where
from spreader_app.zentra.outcomes import classify_response
from tests.fakes.fake_zentra import BANNED, NOT_CONNECTED, NOT_FOUND

NOW = 1_732_460_000.0


def _kind(status: int, body: object, headers: dict[str, str] | None = None) -> OutcomeKind:
    text = body if isinstance(body, str) else json.dumps(body)
    return classify_response(status, headers or {}, text, now=NOW).kind


# (status, body) -> the class it must land in: the fake's answers, then ZENTRA.md's.
ANSWERS = [
    (201, {"success": True, "msg": "MESSAGE_CREATED"}, OutcomeKind.ACCEPTED),
    (201, {"success": False, "msg": NOT_CONNECTED}, OutcomeKind.DEVICE_UNAVAILABLE),
    (200, {"success": False, "msg": NOT_FOUND}, OutcomeKind.DEVICE_UNKNOWN),
    (200, {"success": False, "msg": BANNED}, OutcomeKind.BANNED),
    (200, {"success": False, "msg": "Banned or subscription expired"}, OutcomeKind.BANNED),
    (200, {"success": False, "msg": "This number is blocked"}, OutcomeKind.BANNED),
    (200, {"success": False, "message": "Your subscription expired"}, OutcomeKind.BANNED),
    (200, {"success": False, "msg": "Sending is not allowed for this device"}, OutcomeKind.BANNED),
    (403, {"success": False, "message": "Account banned"}, OutcomeKind.BANNED),
    (401, {"success": False, "message": "Unauthenticated."}, OutcomeKind.AUTH_ERROR),
    (403, {"success": False, "message": "Forbidden"}, OutcomeKind.AUTH_ERROR),
    (429, {"success": False, "message": "Too Many Attempts."}, OutcomeKind.RATE_LIMITED),
    (500, {"success": False, "message": "Server Error"}, OutcomeKind.TRANSIENT),
    (502, "<html><h1>502</h1></html>", OutcomeKind.TRANSIENT),
    (504, {"success": False, "message": "Gateway Timeout"}, OutcomeKind.TRANSIENT),
    (200, {"success": True, "msg": "QUEUED"}, OutcomeKind.TRANSIENT),
    (422, {"success": False, "message": "The given data was invalid."}, OutcomeKind.REJECTED),
]


@pytest.mark.parametrize(("status", "body", "kind"), ANSWERS)
def test_outcomes_every_known_answer_lands_in_its_class(
    status: int, body: object, kind: OutcomeKind
) -> None:
    assert _kind(status, body) is kind
    assert isinstance(OUTCOMES[kind], OutcomeClass)


def test_outcomes_table_covers_every_kind() -> None:
    assert set(OUTCOMES) == set(OutcomeKind)
    assert all(cls.words for cls in OUTCOMES.values())


@pytest.mark.parametrize("word", ["banned", "blocked", "subscription expired", "not allowed"])
def test_outcomes_ban_words_take_the_device_out_not_rest_it(word: str) -> None:
    kind = _kind(200, {"success": False, "msg": f"Device {word}"})
    meaning = OUTCOMES[kind]
    assert kind is OutcomeKind.BANNED
    assert meaning.holds and meaning.profile_status is ProfileStatus.BLOCKED
    assert not meaning.failover and not meaning.retry


def test_outcomes_disconnected_rests_and_fails_over() -> None:
    meaning = OUTCOMES[OutcomeKind.DEVICE_UNAVAILABLE]
    assert meaning.profile_status is ProfileStatus.COOLDOWN
    assert meaning.failover and not meaning.holds


def test_outcomes_sets_read_by_the_engine() -> None:
    assert kinds_where("retry") == {OutcomeKind.TRANSIENT, OutcomeKind.RATE_LIMITED}
    assert kinds_where("failover") == {
        OutcomeKind.DEVICE_UNAVAILABLE,
        OutcomeKind.DEVICE_UNKNOWN,
        OutcomeKind.AUTH_ERROR,
    }
    assert kinds_where("recipient") == {OutcomeKind.REJECTED}
    assert kinds_where("holds") == {OutcomeKind.BANNED}
    assert kinds_where("not_sent") == {
        OutcomeKind.DEVICE_UNAVAILABLE,
        OutcomeKind.DEVICE_UNKNOWN,
        OutcomeKind.BANNED,
        OutcomeKind.AUTH_ERROR,
        OutcomeKind.RATE_LIMITED,
    }
    assert BanEvidence.DEVICE_FAILURES == kinds_where("evidence")
    for kind, meaning in OUTCOMES.items():
        # The score reads its points from the table, through the reason's deduction.
        found = answer_deduction("p", kind, 0.0)
        assert (found.points if found else 0) == -meaning.health
        if meaning.reason is not None:
            assert DEDUCTIONS[meaning.reason] == -meaning.health
