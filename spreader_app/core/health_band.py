"""Health bands (BAN_SAFETY.md section 3): what a profile's health score means for sending."""

from __future__ import annotations

import enum

from spreader_app.core.models import ProfileStatus

# The lowest score of each band above CRITICAL.
OK_FROM = 80
AT_RISK_FROM = 40


class HealthBand(enum.StrEnum):
    OK = "ok"  # normal
    AT_RISK = "at_risk"  # caps and pace halved
    CRITICAL = "critical"  # no Open Chat for 24 h
    BANNED = "banned"  # out of rotation until the owner restores it


# The share of its caps and pace a profile keeps in each band (BAN_SAFETY.md section 3).
AT_RISK_FACTOR = 0.5


def health_factor(status: ProfileStatus, score: int) -> float:
    """The share of caps and pace the profile's health allows: halved below OK (CRITICAL
    also stops Open Chat for a day: ``core.health_rule.CriticalRule``)."""
    if score >= OK_FROM:  # the common case, on every rule evaluation: skip the band
        return 1.0
    band = health_band(status, score)
    return AT_RISK_FACTOR if band in (HealthBand.AT_RISK, HealthBand.CRITICAL) else 1.0


def health_band(status: ProfileStatus, score: int) -> HealthBand:
    """The band of a profile with ``status`` and health ``score`` (0-100)."""
    if status is ProfileStatus.BLOCKED:
        return HealthBand.BANNED
    if score >= OK_FROM:
        return HealthBand.OK
    return HealthBand.AT_RISK if score >= AT_RISK_FROM else HealthBand.CRITICAL
