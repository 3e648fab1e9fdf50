"""The pool and gauge sentences the owner reads: health reasons from the stats' list, the
warm-up line, the pace line, what blocked profiles had in common, the banner's timing."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtWidgets import QApplication

from spreader_app.core import reasons
from spreader_app.core.health_band import HealthBand
from spreader_app.core.models import LimitState
from spreader_app.core.pool import PoolState, PoolView
from spreader_app.core.pool_common import PoolCommon, SharedCampaign
from spreader_app.core.rules import DAY, HOUR
from spreader_app.core.services.pool import BlockedProfile, PoolReview
from spreader_app.core.services.stats import ProfileLimits
from spreader_app.gui.gauge_words import (
    health_line,
    health_reason_lines,
    pace_line,
    unanswered_line,
    warmup_line,
)
from spreader_app.gui.i18n import install_language, shown, shown_reason, uninstall_language
from spreader_app.gui.pool_words import (
    blocked_text,
    common_text,
    event_label,
    headline,
    held_reason,
    shows_banner,
    timing,
)
from tests.gui.helpers import unmarked

NOW = datetime(2024, 5, 12, 14, 30).astimezone().timestamp()
LIMITS = ProfileLimits(
    "p1", "Phone 1", LimitState.ACTIVE, 0, 10, 0, 100, 0.0, None, 62, "", HealthBand.AT_RISK
)


def local(at: float) -> str:
    return datetime.fromtimestamp(at).astimezone().strftime("%H:%M")


def test_health_reasons_newest_first_from_objects_or_mappings() -> None:
    @dataclasses.dataclass
    class Reason:
        reason: str
        points: int
        at: float

    reasons = [
        Reason("rate_limited", 5, NOW - 2 * HOUR),
        {"reason": "disconnected", "points": 10, "at": NOW - HOUR},
        {"reason": "something_new", "points": 3, "at": NOW - 3 * HOUR},
    ]
    assert health_reason_lines(reasons, NOW) == [
        f"device disconnected −10 ({local(NOW - HOUR)})",
        f"rate limited −5 ({local(NOW - 2 * HOUR)})",
        f"something_new −3 ({local(NOW - 3 * HOUR)})",
    ]
    assert health_line(LIMITS) == "Health 62 of 100 · At risk"


def test_warmup_line_says_the_stage_the_count_and_what_the_next_stage_needs() -> None:
    warming = dataclasses.replace(
        LIMITS, warmup_stage=3, new_recipients_cap=45, new_recipients_used=28
    )
    assert warmup_line(warming) == (
        "Warm-up stage 3 · 28/45 new today · next stage tomorrow if health stays OK"
    )
    idle = dataclasses.replace(warming, new_recipients_used=5)
    assert warmup_line(idle).endswith("next stage after a day with at least 23 new and health OK")
    last = dataclasses.replace(
        warming, warmup_stage=9, new_recipients_cap=450, new_recipients_used=300
    )
    assert warmup_line(last).endswith("graduates tomorrow if health stays OK")
    assert warmup_line(LIMITS).startswith("Warmed up")


def test_unanswered_and_pace_lines() -> None:
    budget = dataclasses.replace(LIMITS, unanswered_used=1200, unanswered_cap=1000)
    assert unanswered_line(budget) == "Unanswered in 30 days: 1,200 of 1,000"
    assert unanswered_line(LIMITS) == "Unanswered budget: off for this package."
    assert pace_line(dataclasses.replace(LIMITS, factor=0.25), 0.5) == (
        "Caps and pace at 25%: the package's devices are slowed, and its health is low."
    )
    assert pace_line(dataclasses.replace(LIMITS, factor=0.5), 1.0) == (
        "Caps and pace at 50%: health is below OK."
    )
    assert pace_line(LIMITS, 1.0) == "Caps and pace: normal."


def test_what_they_had_in_common_in_one_sentence() -> None:
    names = {"a": "Phone 1", "b": "Phone 2"}
    common = PoolCommon(
        ("a", "b"),
        (SharedCampaign("m1", "Spring sale\nsecond line"),),
        ("Call us today, the offer ends at midnight and will not come back",),
        (NOW - HOUR,),
    )
    start, end = local(NOW - HOUR), local(NOW)
    assert common_text(common, names, NOW) == (
        "What Phone 1 and Phone 2 had in common: the campaign “Spring sale”; the same text "
        f"“Call us today, the offer ends at midnig…”; sending between {start} and {end}."
    )
    assert common_text(PoolCommon(("a", "b")), names, NOW) == (
        "Phone 1 and Phone 2 had nothing in common that the app can see: different "
        "campaigns, texts and hours."
    )
    assert common_text(None, names, NOW) == ""


def test_banner_sentences_for_a_slowed_and_a_paused_pool() -> None:
    slowed = PoolView(PoolState.SLOWED, 0.5, NOW - HOUR, NOW + DAY - HOUR, "Device banned")
    blocked = (BlockedProfile("a", "Phone 1", NOW - HOUR, "Device banned"),)
    review = PoolReview(slowed, 3, blocked)
    assert shows_banner(review) and not shows_banner(None)
    assert headline(review) == "Sending slowed to 50% of normal after a ban"
    assert timing(review, NOW).startswith(
        f"Every device's caps and pace at 50% since {local(NOW - HOUR)}, until "
    )
    assert blocked_text(blocked, NOW) == f"Blocked: Phone 1 at {local(NOW - HOUR)}."
    assert held_reason(review).startswith("Held because Phone 1 was banned, and sending is slowed")
    two = (*blocked, BlockedProfile("b", "Phone 2", NOW, "Device banned"))
    paused = PoolReview(PoolView(PoolState.PAUSED, 0.5, NOW, None, "x"), 0, two)
    assert headline(paused) == "Open Chat of this package is paused after a second ban"
    # Without bans the pool stops or slows for health: the headline says so, not "ban".
    sick = PoolReview(PoolView(PoolState.PAUSED, 1.0, NOW, None, "x"), 0)
    assert headline(sick) == "Open Chat of this package is paused: two devices' health fell too low"
    crowd = PoolReview(slowed, 0)
    assert headline(crowd) == "Sending slowed to 50% of normal: too many devices' health is low"
    assert "until you resume it with a note" in timing(paused, NOW)
    normal = PoolReview(PoolView(PoolState.NORMAL, 1.0, None, None, ""), 0)
    assert not shows_banner(normal)
    assert shows_banner(dataclasses.replace(normal, held=2))
    assert headline(dataclasses.replace(normal, held=2)) == "Recipients are held after a ban"
    assert event_label("paused") == "Open Chat paused" and event_label("new_kind") == "new_kind"


FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"
SALES = "مبيعات 1"


def test_an_arabic_device_name_in_an_english_sentence_is_isolated_from_the_time(
    qapp: QApplication,
) -> None:
    # Unisolated, the name's letters and digits can join the sentence's neighbouring
    # values; inside FSI … PDI the name keeps its own direction. English names need nothing.
    blocked = (
        BlockedProfile("a", SALES, NOW - HOUR, "Device banned"),
        BlockedProfile("b", "Phone 2", NOW, "Device banned"),
    )
    review = PoolReview(PoolView(PoolState.PAUSED, 0.5, NOW, None, "x"), 0, blocked)

    text = blocked_text(blocked, NOW)

    assert text == f"Blocked: {FSI}{SALES}{PDI} at {local(NOW - HOUR)}, Phone 2 at {local(NOW)}."
    assert f"Held because {FSI}{SALES}{PDI}, Phone 2 was banned" in held_reason(review)
    names = {"a": SALES, "b": "Phone 2"}
    common = common_text(PoolCommon(("a", "b")), names, NOW)
    assert common.startswith(f"{FSI}{SALES}{PDI} and Phone 2 had nothing")
    assert unmarked(common).startswith(f"{SALES} and Phone 2")


def test_an_engine_sentence_isolates_an_arabic_value_in_either_interface(
    qapp: QApplication,
) -> None:
    sentence = reasons.RESUMED(note=SALES)
    count = str(reasons.LIKELY_BANNED(count=4))

    assert shown(sentence) == f"Resumed by the owner: {FSI}{SALES}{PDI}"
    assert shown_reason(count) == count  # nothing to isolate among English words
    installed = install_language(qapp, "ar")
    try:
        assert f"{FSI}{SALES}{PDI}" in shown(sentence)  # right to left, as its letters
        assert f"{LRI}4{PDI}" in shown_reason(count)  # numbers stay left to right
    finally:
        uninstall_language(qapp, installed)
