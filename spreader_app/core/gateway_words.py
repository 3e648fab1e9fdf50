"""The sentences that say what the gateway answered, and how a stored one is read back.

``zentra.outcomes`` writes a ``GatewayResult.detail`` with these sentences; the engine
stores it in English (a delivery's ``error`` is ``"<kind>: <detail>"``, a blocked profile's
reason quotes it), as the API has always shown it. The window reads the stored words back
(:func:`gateway_detail`, :func:`delivery_error`) and shows the sentence in its language: the
gateway's own words (``{reason}``) stay as they came, isolated, after the
translated sentence, and a detail no sentence here made is shown whole as such a quote.

Where two sentences share a beginning, the longer one is listed first: reading back tries
them in order and the first that fits wins.
"""

from __future__ import annotations

from collections.abc import Mapping

from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import OutcomeKind
from spreader_app.core.text import Param, Sentence, Text, recover

__all__ = [
    "ACCEPTED",
    "ANOTHER_ADDRESS",
    "CHECK_TOKEN",
    "DELIVERY_ERRORS",
    "DEVICE_REPORTS",
    "GATEWAY_SENTENCES",
    "NOT_JSON",
    "NO_FLAG",
    "NO_REASON_GIVEN",
    "ODD_ANSWER",
    "ODD_MSG",
    "REDIRECTED",
    "delivery_error",
    "gateway_detail",
    "with_reason",
]

_C = "Gateway"


def _s(template: str) -> Sentence:
    return Sentence(_C, template)


ACCEPTED = _s(QT_TRANSLATE_NOOP("Gateway", "Accepted by the gateway."))
MAY_NOT_SEND = _s(
    QT_TRANSLATE_NOOP("Gateway", "The gateway says this device may not send (HTTP {status}).")
)
MAY_NOT_SEND_BECAUSE = _s(
    QT_TRANSLATE_NOOP(
        "Gateway", "The gateway says this device may not send (HTTP {status}): {reason}"
    )
)
UNKNOWN_DEVICE = _s(
    QT_TRANSLATE_NOOP("Gateway", "The gateway does not know this device (HTTP {status}).")
)
UNKNOWN_DEVICE_BECAUSE = _s(
    QT_TRANSLATE_NOOP("Gateway", "The gateway does not know this device (HTTP {status}): {reason}")
)
CANNOT_SEND_NOW = _s(
    QT_TRANSLATE_NOOP("Gateway", "The device cannot send right now (HTTP {status}): {reason}")
)
NO_REASON_GIVEN = _s(
    QT_TRANSLATE_NOOP("Gateway", "the gateway answered success=false without a reason.")
)
ODD_ANSWER = _s(
    QT_TRANSLATE_NOOP(
        "Gateway",
        "The gateway answered HTTP {status} with {what}, instead of MESSAGE_CREATED; the "
        "message may or may not have been sent.",
    )
)
NOT_JSON = _s(QT_TRANSLATE_NOOP("Gateway", "a body that is not a JSON object"))
ODD_MSG = _s(QT_TRANSLATE_NOOP("Gateway", "success=true but msg {msg}"))
NO_FLAG = _s(QT_TRANSLATE_NOOP("Gateway", "JSON without a success flag"))
RATE_LIMITED_WAIT_BECAUSE = _s(
    QT_TRANSLATE_NOOP(
        "Gateway",
        "The gateway is rate limiting requests (HTTP {status}; retry after {seconds} s): {reason}",
    )
)
RATE_LIMITED_WAIT = _s(
    QT_TRANSLATE_NOOP(
        "Gateway", "The gateway is rate limiting requests (HTTP {status}; retry after {seconds} s)."
    )
)
RATE_LIMITED_BECAUSE = _s(
    QT_TRANSLATE_NOOP("Gateway", "The gateway is rate limiting requests (HTTP {status}): {reason}")
)
RATE_LIMITED = _s(
    QT_TRANSLATE_NOOP("Gateway", "The gateway is rate limiting requests (HTTP {status}).")
)
TOKEN_REFUSED = _s(
    QT_TRANSLATE_NOOP("Gateway", "The gateway refused the device token (HTTP {status}): {reason}")
)
CHECK_TOKEN = _s(QT_TRANSLATE_NOOP("Gateway", "check the token in the profile settings."))
SERVER_ERROR_BECAUSE = _s(
    QT_TRANSLATE_NOOP("Gateway", "The gateway had a server error (HTTP {status}): {reason}")
)
SERVER_ERROR = _s(QT_TRANSLATE_NOOP("Gateway", "The gateway had a server error (HTTP {status})."))
GAVE_UP_BECAUSE = _s(
    QT_TRANSLATE_NOOP(
        "Gateway", "The gateway gave up reading the request (HTTP {status}): {reason}"
    )
)
GAVE_UP = _s(
    QT_TRANSLATE_NOOP("Gateway", "The gateway gave up reading the request (HTTP {status}).")
)
REDIRECTED = _s(
    QT_TRANSLATE_NOOP(
        "Gateway",
        "The gateway redirected the request (HTTP {status}) to {where}; check the gateway URL "
        "in the settings.",
    )
)
ANOTHER_ADDRESS = _s(QT_TRANSLATE_NOOP("Gateway", "another address"))
REJECTED_BECAUSE = _s(
    QT_TRANSLATE_NOOP("Gateway", "The gateway rejected the request (HTTP {status}): {reason}")
)
REJECTED = _s(QT_TRANSLATE_NOOP("Gateway", "The gateway rejected the request (HTTP {status})."))
DEVICE_REPORTS = _s(QT_TRANSLATE_NOOP("Gateway", "The gateway reports the device as {word}."))
# A request that got no answer: ``{error}`` names the failure (ReadTimeout), ``{reason}`` is
# the HTTP client's own words.
TIMED_OUT_MAYBE_SENT_BECAUSE = _s(
    QT_TRANSLATE_NOOP(
        "Gateway",
        "The gateway timed out ({error}): {reason}; the message may or may not have been sent.",
    )
)
TIMED_OUT_MAYBE_SENT = _s(
    QT_TRANSLATE_NOOP(
        "Gateway", "The gateway timed out ({error}); the message may or may not have been sent."
    )
)
TIMED_OUT_BECAUSE = _s(QT_TRANSLATE_NOOP("Gateway", "The gateway timed out ({error}): {reason}"))
TIMED_OUT = _s(QT_TRANSLATE_NOOP("Gateway", "The gateway timed out ({error})."))
UNREACHABLE_BECAUSE = _s(QT_TRANSLATE_NOOP("Gateway", "The gateway could not be reached: {reason}"))
UNREACHABLE = _s(QT_TRANSLATE_NOOP("Gateway", "The gateway could not be reached."))
FAILED_BECAUSE = _s(
    QT_TRANSLATE_NOOP(
        "Gateway",
        "The gateway connection failed ({error}): {reason}; the message may or may not have "
        "been sent.",
    )
)
FAILED = _s(
    QT_TRANSLATE_NOOP(
        "Gateway",
        "The gateway connection failed ({error}); the message may or may not have been sent.",
    )
)
QUOTED = _s(QT_TRANSLATE_NOOP("Gateway", "{words}"))
"""A detail none of these sentences made (the gateway's or the HTTP client's own words, an
older wording): shown whole, as a quote."""

GATEWAY_SENTENCES: tuple[Sentence, ...] = (
    ACCEPTED,
    MAY_NOT_SEND_BECAUSE,
    MAY_NOT_SEND,
    UNKNOWN_DEVICE_BECAUSE,
    UNKNOWN_DEVICE,
    CANNOT_SEND_NOW,
    NO_REASON_GIVEN,
    ODD_ANSWER,
    NOT_JSON,
    ODD_MSG,
    NO_FLAG,
    RATE_LIMITED_WAIT_BECAUSE,
    RATE_LIMITED_WAIT,
    RATE_LIMITED_BECAUSE,
    RATE_LIMITED,
    TOKEN_REFUSED,
    CHECK_TOKEN,
    SERVER_ERROR_BECAUSE,
    SERVER_ERROR,
    GAVE_UP_BECAUSE,
    GAVE_UP,
    REDIRECTED,
    ANOTHER_ADDRESS,
    REJECTED_BECAUSE,
    REJECTED,
    DEVICE_REPORTS,
    TIMED_OUT_MAYBE_SENT_BECAUSE,
    TIMED_OUT_MAYBE_SENT,
    TIMED_OUT_BECAUSE,
    TIMED_OUT,
    UNREACHABLE_BECAUSE,
    UNREACHABLE,
    FAILED_BECAUSE,
    FAILED,
)

# A delivery's stored error, "<kind>: <detail>": the English keeps the kind's code, as the
# API has always written it; translations name the kind in words.
DELIVERY_ERRORS: Mapping[str, Sentence] = {
    OutcomeKind.DEVICE_UNAVAILABLE.value: _s(
        QT_TRANSLATE_NOOP("Gateway", "device_unavailable: {detail}")
    ),
    OutcomeKind.BANNED.value: _s(QT_TRANSLATE_NOOP("Gateway", "banned: {detail}")),
    OutcomeKind.DEVICE_UNKNOWN.value: _s(QT_TRANSLATE_NOOP("Gateway", "device_unknown: {detail}")),
    OutcomeKind.AUTH_ERROR.value: _s(QT_TRANSLATE_NOOP("Gateway", "auth_error: {detail}")),
    OutcomeKind.RATE_LIMITED.value: _s(QT_TRANSLATE_NOOP("Gateway", "rate_limited: {detail}")),
    OutcomeKind.TRANSIENT.value: _s(QT_TRANSLATE_NOOP("Gateway", "transient: {detail}")),
    OutcomeKind.REJECTED.value: _s(QT_TRANSLATE_NOOP("Gateway", "rejected: {detail}")),
}


def with_reason(bare: Sentence, because: Sentence, reason: str | Text, **params: Param) -> Text:
    """``because`` filled with ``reason`` (ended with a full stop when it has no closing
    mark, as a sentence), or ``bare`` when there is no reason."""
    if isinstance(reason, str):
        reason = reason.strip()
        if not reason:
            return bare(**params)
        if not reason.endswith((".", "!", "?")):
            reason += "."
    return because(reason=reason, **params)


def gateway_detail(stored: str) -> Text:
    """A stored gateway detail (English) as the sentence that wrote it, or quoted whole when
    none did; ``str()`` of the answer is ``stored`` again."""
    found = recover(stored, GATEWAY_SENTENCES)
    return found if isinstance(found, Text) else QUOTED(words=stored)


def delivery_error(stored: str) -> Text | str:
    """A delivery's stored ``error`` (``"rate_limited: <detail>"``) as a translatable
    sentence whose English is ``stored``; ``stored`` itself when it is not of that form
    (empty, or a skipped recipient's reason)."""
    kind, sep, detail = stored.partition(": ")
    sentence = DELIVERY_ERRORS.get(kind)
    if not sep or sentence is None:
        return stored
    return sentence(detail=gateway_detail(detail))
