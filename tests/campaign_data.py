"""Campaign inputs the test suites and benchmarks share; imports nothing heavy, so a timed
start-up (the desktop cold-start benchmark) is not charged for test machinery."""

from __future__ import annotations

from typing import Any

# A package that sends as fast as the gateway answers, at any hour.
FAST: dict[str, Any] = {
    "timezone": "UTC",
    "active_hours_start": "00:00",
    "active_hours_end": "00:00",
    "cooldown_seconds": 0,
    "max_messages_per_profile_per_hour": 10_000,
    "max_messages_per_profile_per_day": 100_000,
    # Unpaced: new numbers' warm-up (its own tests turn it on) would ration them to 20 new
    # recipients a day.
    "warmup_enabled": False,
    # Around the clock for every recipient: quiet hours (their own tests turn them on) would
    # hold the numbers of a zone where it is night when the test runs.
    "recipient_quiet_hours": None,
}


def numbers(n: int, start: int = 0) -> list[str]:
    """Distinct valid Egyptian mobile numbers in E.164."""
    return [f"+2010{start + i:08d}" for i in range(n)]
