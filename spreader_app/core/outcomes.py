"""The one table of what a gateway answer means: ``OUTCOMES[kind]``.

``zentra.outcomes`` turns the wire answer into an ``OutcomeKind``; everything that acts on
the kind (the Open Chat outcome policy, retries, the reply router, health scores, ban
evidence, the stored retry count and the GUI's words) reads this table and nothing else.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import OutcomeKind, ProfileStatus


class HealthReason(enum.StrEnum):
    """Why a profile's health score was lowered (BAN_SAFETY.md section 3)."""

    DISCONNECTED = "disconnected"  # the device is not connected to WhatsApp
    BANNED = "banned"  # the gateway said banned, blocked or expired
    AUTH_ERROR = "auth_error"  # token refused or device unknown
    RATE_LIMITED = "rate_limited"  # the gateway asked to slow down
    REJECTED = "rejected"  # the gateway refused the message or the recipient
    BAN_EVIDENCE = "ban_evidence"  # a recipient this device failed was reached by another
    OPT_OUT = "opt_out"  # a customer who wrote to this device asked to hear no more


@dataclass(frozen=True, slots=True)
class OutcomeClass:
    """What one kind of answer means.

    - ``retry``: passes with time; the delivery retries on the same profile.
    - ``failover``: the profile's own trouble; the delivery moves to another profile.
    - ``recipient``: points at the recipient; a second device refusing it fails it.
    - ``evidence``: a failure that becomes ban evidence when another device then reaches
      the same recipient.
    - ``not_sent``: the gateway certainly did not pass the message on (a reply may be
      re-sent through another profile).
    - ``holds``: the profile is out of Open Chat rotation at once and its pending work is
      held (the pool breaker).
    - ``profile_status``: what the sending profile becomes (``None``: unchanged).
    - ``health``: the change to the profile's health score (a deduction, recovered over
      24 h by ``core.health_score``; 0: none).
    - ``reason``: the deduction's reason code (``None`` when ``health`` is 0).
    - ``words``: the owner's explanation (English; translated by the window under the
      context ``Outcomes``).
    """

    retry: bool
    failover: bool
    recipient: bool
    evidence: bool
    not_sent: bool
    holds: bool
    profile_status: ProfileStatus | None
    health: int
    reason: HealthReason | None
    words: str


OUTCOMES: Mapping[OutcomeKind, OutcomeClass] = MappingProxyType(
    {
        OutcomeKind.ACCEPTED: OutcomeClass(
            retry=False,
            failover=False,
            recipient=False,
            evidence=False,
            not_sent=False,
            holds=False,
            profile_status=None,
            health=0,
            reason=None,
            words=QT_TRANSLATE_NOOP("Outcomes", "accepted by the gateway"),
        ),
        OutcomeKind.DEVICE_UNAVAILABLE: OutcomeClass(
            retry=False,
            failover=True,
            recipient=False,
            evidence=True,
            not_sent=True,
            holds=False,
            profile_status=ProfileStatus.COOLDOWN,
            health=-10,
            reason=HealthReason.DISCONNECTED,
            words=QT_TRANSLATE_NOOP(
                "Outcomes", "the device is not connected to WhatsApp; scan its QR code in Zentra"
            ),
        ),
        OutcomeKind.BANNED: OutcomeClass(
            retry=False,
            failover=False,
            recipient=False,
            evidence=False,
            not_sent=True,
            holds=True,
            profile_status=ProfileStatus.BLOCKED,
            health=-100,
            reason=HealthReason.BANNED,
            words=QT_TRANSLATE_NOOP(
                "Outcomes", "Zentra says the device is banned, blocked or its subscription expired"
            ),
        ),
        OutcomeKind.DEVICE_UNKNOWN: OutcomeClass(
            retry=False,
            failover=True,
            recipient=False,
            evidence=False,
            not_sent=True,
            holds=False,
            profile_status=ProfileStatus.INACTIVE,
            health=-20,
            reason=HealthReason.AUTH_ERROR,
            words=QT_TRANSLATE_NOOP(
                "Outcomes",
                "Zentra does not know this device; check the profile's device UUID against "
                "the Zentra dashboard",
            ),
        ),
        OutcomeKind.AUTH_ERROR: OutcomeClass(
            retry=False,
            failover=True,
            recipient=False,
            evidence=False,
            not_sent=True,
            holds=False,
            profile_status=ProfileStatus.INACTIVE,
            health=-20,
            reason=HealthReason.AUTH_ERROR,
            words=QT_TRANSLATE_NOOP(
                "Outcomes", "Zentra refused the device's token; check the profile's token"
            ),
        ),
        OutcomeKind.RATE_LIMITED: OutcomeClass(
            retry=True,
            failover=False,
            recipient=False,
            evidence=False,
            not_sent=True,
            holds=False,
            profile_status=None,
            health=-5,
            reason=HealthReason.RATE_LIMITED,
            words=QT_TRANSLATE_NOOP("Outcomes", "Zentra asked to slow down; try again in a minute"),
        ),
        OutcomeKind.TRANSIENT: OutcomeClass(
            retry=True,
            failover=False,
            recipient=False,
            evidence=False,
            not_sent=False,
            holds=False,
            profile_status=None,
            # The gateway or the network failed, not the number: counting it would bench
            # every device of a package during a gateway outage.
            health=0,
            reason=None,
            words=QT_TRANSLATE_NOOP(
                "Outcomes",
                "Zentra did not answer properly; the customer may still have received it, "
                "so check before sending again",
            ),
        ),
        OutcomeKind.REJECTED: OutcomeClass(
            retry=False,
            failover=False,
            recipient=True,
            evidence=True,
            not_sent=False,
            holds=False,
            profile_status=None,
            health=-5,
            reason=HealthReason.REJECTED,
            words=QT_TRANSLATE_NOOP("Outcomes", "Zentra refused the message or the recipient"),
        ),
    }
)


def kinds_where(flag: str) -> frozenset[OutcomeKind]:
    """The kinds whose ``OutcomeClass`` has ``flag`` set (e.g. ``"retry"``)."""
    return frozenset(kind for kind, cls in OUTCOMES.items() if getattr(cls, flag))


# The kinds a delivery is tried again after (storage counts a delivery's retries with it).
RETRIED_KINDS = kinds_where("retry")


def _deductions() -> dict[HealthReason, int]:
    points: dict[HealthReason, int] = {
        HealthReason.BAN_EVIDENCE: 20,
        HealthReason.OPT_OUT: 10,
    }
    for kind, cls in OUTCOMES.items():
        if cls.reason is None:
            continue
        if points.setdefault(cls.reason, -cls.health) != -cls.health:
            raise AssertionError(f"{kind}: reason {cls.reason} has two point values")
    return points


# Points each reason costs when it happens (recovered linearly over 24 h): the answers'
# from ``OUTCOMES``, plus the two that are not gateway answers.
DEDUCTIONS: Mapping[HealthReason, int] = MappingProxyType(_deductions())
