"""Testing a device before (or after) its profile is saved: the gateway's status call where
it answers, else a clearly labelled test message to the owner's own number.

What each answer means comes from the one outcome table (``core.outcomes.OUTCOMES``): token
refused, device unknown, not connected (scan the QR code), banned, gateway unreachable; and
"the gateway offers no status check" when neither way can be tried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from spreader_app.core.clock import Clock
from spreader_app.core.errors import ValidationFailed
from spreader_app.core.gateway_words import gateway_detail
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import GatewayResult, MessageContent, OutcomeKind, SendRequest
from spreader_app.core.outcomes import OUTCOMES
from spreader_app.core.phones import check_phone, display
from spreader_app.core.ports import AuditPort, Gateway
from spreader_app.core.text import Text

# not translated: sent to the owner's own WhatsApp, where it only has to be recognised
TEST_MESSAGE: Final = (
    "Spreader connection test: this message checks that your device can send. You can ignore it."
)
NO_STATUS_CHECK: Final = Text(
    "Connection",
    QT_TRANSLATE_NOOP(
        "Connection",
        "The gateway offers no status check. Enter your own WhatsApp number to send it a test "
        "message instead.",
    ),
)


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    """``kind`` is the classified answer (``None``: nothing could be asked); ``via`` is
    ``"status"``, ``"test message"`` or ``""``; ``text`` explains it to the owner and
    ``detail`` is the gateway's own sentence."""

    kind: OutcomeKind | None
    via: str
    text: Text
    detail: str = ""

    @property
    def words(self) -> str:
        """``text`` in English."""
        return str(self.text)

    @property
    def connected(self) -> bool:
        return self.kind is OutcomeKind.ACCEPTED


class ConnectionTester:
    """Asks the gateway about one device with one token; never saves a profile."""

    def __init__(
        self, gateway: Gateway, store: AuditPort, clock: Clock, region: Callable[[], str]
    ) -> None:
        self._gateway = gateway
        self._store = store
        self._clock = clock
        self._region = region

    async def test(
        self, device_uuid: str, token: str, own_number: str = "", actor: str = "desktop"
    ) -> ConnectionReport:
        """Raises ``ValidationFailed`` for an empty device or token, or an own number that is
        not a valid WhatsApp number (field ``own_number``)."""
        problems = [  # not translated: field details, for the API
            {"field": field, "message": "is required to test the connection"}
            for field, value in (("zentra_uuid", device_uuid), ("zentra_api_token", token))
            if not value.strip()
        ]
        if problems:
            raise ValidationFailed(
                Text(
                    "Connection",
                    QT_TRANSLATE_NOOP("Connection", "Enter the device UUID and its API token."),
                ),
                details=problems,
            )
        answer = await self._gateway.device_check(device_uuid.strip(), token.strip())
        if answer is not None:
            return _report(
                answer,
                "status",
                Text(
                    "Connection",
                    QT_TRANSLATE_NOOP(
                        "Connection", "the device answers the gateway's status check"
                    ),
                ),
            )
        if not own_number.strip():
            return ConnectionReport(None, "", NO_STATUS_CHECK)
        phone = check_phone(own_number, self._region())
        if not phone.valid or phone.e164 is None:
            # not translated: the field detail, for the API
            message = phone.message or "is not a valid WhatsApp number"
            raise ValidationFailed(
                Text(
                    "Connection",
                    QT_TRANSLATE_NOOP("Connection", "Your number: {problem}"),
                    problem=phone.reason.text
                    if phone.reason
                    else Text(
                        "Connection",
                        QT_TRANSLATE_NOOP("Connection", "it is not a valid WhatsApp number."),
                    ),
                ),
                details=[{"field": "own_number", "message": message}],
            )
        # Recorded before it goes out, like every send (no customer is involved).
        await self._store.audit(
            self._clock.timestamp(),
            actor,
            "connection_test_message",
            "profile",
            {"device": device_uuid.strip(), "to": phone.e164},
        )
        request = SendRequest(
            device_uuid.strip(), token.strip(), phone.e164, MessageContent(text=TEST_MESSAGE)
        )
        result = await self._gateway.send(request)
        accepted = Text(
            "Connection",
            QT_TRANSLATE_NOOP(
                "Connection", "a test message to {phone} was accepted; check it arrived"
            ),
            phone=display(phone.e164),
        )
        return _report(result, "test message", accepted)  # not translated: a code


def _report(result: GatewayResult, via: str, connected: Text) -> ConnectionReport:
    meaning = OUTCOMES[result.kind]
    if result.kind is OutcomeKind.ACCEPTED:
        words = Text(
            "Connection", QT_TRANSLATE_NOOP("Connection", "Connected: {how}."), how=connected
        )
    elif meaning.retry:
        # Passing trouble (network, server, rate limit): the gateway's sentence says which.
        words = Text(
            "Connection",
            QT_TRANSLATE_NOOP(
                "Connection", "The gateway cannot be reached properly right now. {detail}"
            ),
            detail=gateway_detail(result.detail),
        )
    else:
        words = Text(
            "Connection",
            QT_TRANSLATE_NOOP("Connection", "Cannot send: {outcome}."),
            outcome=Text("Outcomes", meaning.words),
        )
    return ConnectionReport(result.kind, via, words, result.detail)
