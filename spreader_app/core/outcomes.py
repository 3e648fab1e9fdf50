"""The one table of what a gateway answer means: ``OUTCOMES[kind]``.

``zentra.outcomes`` turns the wire answer into an ``OutcomeKind``; everything that acts on
the kind (the Open Chat outcome policy, retries, the reply router, health scores, ban
evidence, the stored retry count and the GUI's words) reads this table and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import OutcomeKind, ProfileStatus


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
    - ``health``: the change to the profile's health score.
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
            health=2,
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
            health=-3,
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
            words=QT_TRANSLATE_NOOP("Outcomes", "Zentra refused the message or the recipient"),
        ),
    }
)


def kinds_where(flag: str) -> frozenset[OutcomeKind]:
    """The kinds whose ``OutcomeClass`` has ``flag`` set (e.g. ``"retry"``)."""
    return frozenset(kind for kind, cls in OUTCOMES.items() if getattr(cls, flag))


# The kinds a delivery is tried again after (storage counts a delivery's retries with it).
RETRIED_KINDS = kinds_where("retry")
