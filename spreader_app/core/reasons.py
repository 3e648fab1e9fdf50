"""Why a profile or a package's pool stopped or changed: the sentences that are stored.

A profile's ``status_reason`` and a pool event's ``reason`` are stored in English, as the API
and older rows have them. Each sentence that can produce them is declared here once, so
:func:`reason_text` can read a stored reason back as a translatable ``Text``
(``core.text.recover``); a reason none of them made (typed by the owner, or written with an
older wording) comes back as it is.
"""

from __future__ import annotations

from spreader_app.core.gateway_words import GATEWAY_SENTENCES
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Sentence, Text, recover

__all__ = [
    "BANNED",
    "BAND_CHANGED",
    "BREAKER_PAUSED",
    "BREAKER_TRIPPED",
    "CANNOT_SEND",
    "CRITICAL_PAUSED",
    "CROWD_CLEARED",
    "CROWD_SLOWED",
    "HELD_CANCELLED",
    "HELD_RELEASED",
    "LIKELY_BANNED",
    "NO_DETAIL",
    "NO_REASON",
    "RESUMED",
    "SET_INACTIVE",
    "TOKEN_REFUSED",
    "reason_text",
]

BANNED = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP(
        "Reasons",
        "Banned or expired: {detail} Spreader holds this device's queued recipients and slows "
        "the other devices. Check the number in WhatsApp and the subscription in Zentra; when "
        "it works again, set the profile active.",
    ),
)
NO_REASON = Sentence("Reasons", QT_TRANSLATE_NOOP("Reasons", "the gateway gave no reason"))
CANNOT_SEND = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP(
        "Reasons",
        "The gateway says this device cannot send ({detail}). If it is disconnected, scan the "
        "QR code in the Zentra dashboard; Spreader tries it again in {minutes} minutes.",
    ),
)
NO_DETAIL = Sentence("Reasons", QT_TRANSLATE_NOOP("Reasons", "no detail"))
TOKEN_REFUSED = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP(
        "Reasons",
        "The gateway refused this device's token (HTTP {status}). Enter a valid token in the "
        "profile and set it active again.",
    ),
)
LIKELY_BANNED = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP(
        "Reasons",
        "Likely banned: {count} recipients this device failed were then delivered by another "
        "device. Check the number in WhatsApp; when it works again, set the profile active.",
    ),
)
SET_INACTIVE = Sentence("Reasons", QT_TRANSLATE_NOOP("Reasons", "set inactive by the owner"))
BREAKER_TRIPPED = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP("Reasons", "Every device's caps and pace are halved for 24 hours: {reason}"),
)
BREAKER_PAUSED = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP(
        "Reasons",
        "A second device was blocked within 24 hours; Open Chat waits for the owner to resume "
        "it. {reason}",
    ),
)
RESUMED = Sentence("Reasons", QT_TRANSLATE_NOOP("Reasons", "Resumed by the owner: {note}"))
HELD_RELEASED = Sentence(
    "Reasons", QT_TRANSLATE_NOOP("Reasons", "The owner released the held recipients.")
)
HELD_CANCELLED = Sentence(
    "Reasons", QT_TRANSLATE_NOOP("Reasons", "The owner cancelled the held recipients.")
)

BAND_CHANGED = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP("Reasons", "Health {score}: {old} -> {new}. Reasons: {reasons}"),
)
CRITICAL_PAUSED = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP(
        "Reasons",
        "A second device fell to critical health within 24 hours; Open Chat waits for the "
        "owner to resume it. {reason}",
    ),
)
CROWD_SLOWED = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP(
        "Reasons",
        "{below} of {total} devices have health below OK: every device's caps and pace are "
        "halved until fewer do.",
    ),
)
CROWD_CLEARED = Sentence(
    "Reasons",
    QT_TRANSLATE_NOOP("Reasons", "{below} of {total} devices have health below OK now."),
)

_ALL = (
    BANNED,
    NO_REASON,
    CANNOT_SEND,
    NO_DETAIL,
    TOKEN_REFUSED,
    LIKELY_BANNED,
    SET_INACTIVE,
    BREAKER_TRIPPED,
    BREAKER_PAUSED,
    RESUMED,
    HELD_RELEASED,
    HELD_CANCELLED,
    BAND_CHANGED,
    CRITICAL_PAUSED,
    CROWD_SLOWED,
    CROWD_CLEARED,
    # A reason that quotes the gateway (Banned or expired: {detail}) translates it too.
    *GATEWAY_SENTENCES,
)


def reason_text(stored: str) -> Text | str:
    """A stored profile or pool reason as the ``Text`` that wrote it (nested reasons too),
    or ``stored`` itself when none of these sentences did."""
    return recover(stored, _ALL)
