"""The sentence a delivery's decision record makes, in English and for right-to-left text."""

from __future__ import annotations

from datetime import UTC, datetime

from spreader_app.core.decision import DecisionRecord, Exclusion, read_record
from spreader_app.core.models import Delivery, DeliveryStatus
from spreader_app.core.why import explain, render, wait_reason, waiting_by_reason

NOW = datetime(2026, 12, 9, 11, 0, tzinfo=UTC).timestamp()  # 13:00 in Cairo
NAMES = {"p2": "Sales phone 2"}


def _pending(record: DecisionRecord, at: float, **fields: object) -> Delivery:
    return Delivery(
        id=1,
        message_id="m",
        package_id="pk",
        recipient="+201001234567",
        status=DeliveryStatus.PENDING,
        profile_id="p2",
        not_before=datetime.fromtimestamp(at, UTC),
        decision=record.to_json(),
        **fields,  # type: ignore[arg-type]
    )


def test_a_delivery_waiting_on_a_cap_names_the_cap_its_count_and_when_it_frees() -> None:
    room = datetime(2026, 12, 9, 12, 10, tzinfo=UTC).timestamp()  # 14:10 in Cairo
    record = DecisionRecord(
        candidates=5,
        excluded=(Exclusion("hourly_cap", 1, 50), Exclusion("blocked", 1)),
        room_at=room,
        chosen_by="round_robin",
        constraints=("cooldown",),
        decided_at=NOW,
    )
    assert read_record(record.to_json()) == record
    assert len(record.to_json()) < 200
    d = _pending(record, NOW + 40, decided_by="cooldown round_robin")
    sentence = render(explain(d, names=NAMES, package_zone="Africa/Cairo", now=NOW))
    assert sentence == (
        "3 of 5 devices could send: 1 hourly cap reached (50/50 until 14:10), 1 blocked"
        " → Sales phone 2 by round robin; waits 40 s for its cooldown"
    )


def test_a_quiet_hours_wait_says_until_when_on_the_recipients_clock_and_where() -> None:
    record = DecisionRecord(candidates=2, chosen_by="round_robin", constraints=("quiet_hours",))
    at = datetime(2026, 12, 10, 6, 7, tzinfo=UTC).timestamp()  # 09:07 in Riyadh
    d = _pending(record, at, decided_by="quiet_hours round_robin", recipient_zone="Asia/Riyadh")
    sentence = render(explain(d, names=NAMES, package_zone="Africa/Cairo", now=NOW))
    assert sentence.endswith("waits until tomorrow 09:07 for quiet hours in Riyadh")
    assert sentence.startswith("2 of 2 devices could send → Sales phone 2 by round robin")


def test_in_right_to_left_text_every_number_time_and_name_is_isolated() -> None:
    record = DecisionRecord(candidates=5, excluded=(Exclusion("daily_cap", 5, 500),))
    d = _pending(record, NOW + 7200, decided_by="daily_cap round_robin")
    text = render(
        explain(d, names=NAMES, package_zone="Africa/Cairo", now=NOW),
        lambda _ctx, s: s,
        isolate=True,
    )
    assert "\u2068Sales phone 2\u2069" in text and "\u20680\u2069 of \u20685\u2069" in text


def test_every_status_has_a_sentence() -> None:
    for status in DeliveryStatus:
        d = Delivery(1, "m", "pk", "+201001234567", status, error="rejected", profile_id="p2")
        assert render(explain(d, names=NAMES, package_zone="UTC", now=NOW))


def test_waiting_deliveries_are_counted_by_their_most_telling_reason() -> None:
    groups = [
        ("quiet_hours round_robin", "Asia/Riyadh", 300),
        ("cooldown hourly_cap round_robin", "Africa/Cairo", 112),
        ("cooldown round_robin", "Africa/Cairo", 5),
    ]
    assert waiting_by_reason(groups) == {
        "quiet_hours:Asia/Riyadh": 300,
        "hourly_cap": 112,
        "cooldown": 5,
    }
    assert wait_reason("cooldown round_robin failover", None) == "cooldown"


def test_a_reader_names_the_customers_zone_in_its_own_language() -> None:
    record = DecisionRecord(candidates=2, chosen_by="round_robin", constraints=("quiet_hours",))
    at = datetime(2026, 12, 10, 6, 7, tzinfo=UTC).timestamp()
    d = _pending(record, at, decided_by="quiet_hours round_robin", recipient_zone="Asia/Riyadh")
    phrase = explain(d, names=NAMES, package_zone="Africa/Cairo", now=NOW)

    named = render(phrase, city={"Asia/Riyadh": "الرياض"}.get)
    unknown = render(phrase, city={}.get)

    assert named.endswith("for quiet hours in الرياض")
    assert unknown == render(phrase)  # a city the table lacks keeps its English name


def test_a_failed_try_carries_the_gateway_sentence_through_the_translator() -> None:
    error = (
        "rate_limited: The gateway is rate limiting requests (HTTP 429; retry after 30 s): "
        "Too Many Attempts."
    )
    record = DecisionRecord(candidates=1, chosen_by="round_robin")
    d = _pending(record, NOW + 600, decided_by="round_robin", attempt_count=1, error=error)
    phrase = explain(d, names=NAMES, package_zone="Africa/Cairo", now=NOW)

    english = render(phrase)
    marked = render(phrase, lambda _ctx, s: s.replace("The gateway", "GATEWAY"), isolate=True)

    assert english == f"Try 1 failed ({error}); retries at 13:10"
    assert "GATEWAY is rate limiting" in marked
    assert "\u2068Too Many Attempts.\u2069" in marked


def test_a_skipped_recipients_reason_goes_through_the_translator() -> None:
    d = Delivery(
        id=2,
        message_id="m",
        package_id="pk",
        recipient="+201001234567",
        status=DeliveryStatus.SKIPPED,
        error="Same number as row 3; sent once.",
        skip_reason="duplicate",
    )
    phrase = explain(d, names=NAMES, package_zone="Africa/Cairo", now=NOW)

    assert render(phrase) == "Skipped: Same number as row 3; sent once."
    marked = render(phrase, lambda _ctx, s: s.replace("Same number", "SAME NUMBER"))
    assert marked == "Skipped: SAME NUMBER as row 3; sent once."
