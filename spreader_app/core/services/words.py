"""Sentences several services raise: an id that names nothing (``NotFound``), a package
that cannot send.

Written once here as ``core.text.Sentence`` so the API keeps their English words and the
window shows them in its own language. The refusals storage raises (a device added twice, a
template name taken, a finished message) are plain templates (``STORAGE``, ``DEVICE_TWICE``
and the like): storage takes only data from core, so it makes their ``Text`` itself.
"""

from __future__ import annotations

from typing import Final

from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import PackageStatus
from spreader_app.core.phones import RejectReason
from spreader_app.core.text import Sentence, Text, recover

__all__ = [
    "DEVICE_TWICE",
    "MESSAGE_FINISHED",
    "MESSAGE_NOT_PAUSABLE",
    "NO_MESSAGE_ID",
    "NO_PACKAGE_ID",
    "NO_PROFILE_ID",
    "STORAGE",
    "TEMPLATE_NAME_TAKEN",
    "NO_MESSAGE",
    "NO_PACKAGE",
    "NO_PROFILE",
    "NO_PROFILE_CAN_SEND",
    "NO_PROFILE_CAN_SEND_BECAUSE",
    "OPTED_OUT",
    "PACKAGE_STATUS",
    "SAME_NUMBER",
    "SKIPPED_SENTENCES",
    "skipped_reason",
]

STORAGE: Final = "Services"
"""The context of the templates storage fills: ``Text(STORAGE, DEVICE_TWICE, ...)``."""
NO_PACKAGE_ID: Final = QT_TRANSLATE_NOOP("Services", "No package with id {package_id}.")
NO_PROFILE_ID: Final = QT_TRANSLATE_NOOP("Services", "No profile with id {profile_id}.")
NO_MESSAGE_ID: Final = QT_TRANSLATE_NOOP("Services", "No message with id {message_id}.")
DEVICE_TWICE: Final = QT_TRANSLATE_NOOP(
    "Services",
    "Device {device} is already a profile of this package ({profile}). Edit that profile "
    "instead of adding the device twice.",
)
TEMPLATE_NAME_TAKEN: Final = QT_TRANSLATE_NOOP(
    "Services", "The package already has a template named {name}: choose another name."
)
MESSAGE_FINISHED: Final = QT_TRANSLATE_NOOP(
    "Services", "Message {message_id} has already finished ({status})."
)
MESSAGE_NOT_PAUSABLE: Final = QT_TRANSLATE_NOOP(
    "Services", "Message {message_id} cannot be paused or resumed now ({status})."
)

NO_PACKAGE = Sentence(STORAGE, NO_PACKAGE_ID)
NO_PROFILE = Sentence(
    "Services", QT_TRANSLATE_NOOP("Services", "No profile {profile_id} in package {package_id}.")
)
NO_MESSAGE = Sentence(
    "Services", QT_TRANSLATE_NOOP("Services", "No message {message_id} in package {package_id}.")
)
NO_PROFILE_CAN_SEND = Sentence(
    "Services",
    QT_TRANSLATE_NOOP(
        "Services", "No profile of this package can send: add a profile or set one active."
    ),
)
NO_PROFILE_CAN_SEND_BECAUSE = Sentence(
    "Services",
    QT_TRANSLATE_NOOP(
        "Services",
        "No profile of this package can send: add a profile or set one active. ({reason})",
    ),
)
# A package's status inside a sentence: the English is the stored value itself, as the API
# has always written it ("Package Shop is suspended").
PACKAGE_STATUS = {
    PackageStatus.ACTIVE: Sentence("Services", QT_TRANSLATE_NOOP("Services", "active")),
    PackageStatus.INACTIVE: Sentence("Services", QT_TRANSLATE_NOOP("Services", "inactive")),
    PackageStatus.SUSPENDED: Sentence("Services", QT_TRANSLATE_NOOP("Services", "suspended")),
}
# Why a recipient was skipped, stored as the delivery's error (English, for the API); the
# window reads it back with ``SKIPPED_SENTENCES``.
SAME_NUMBER = Sentence(
    "Services", QT_TRANSLATE_NOOP("Services", "Same number as row {row}; sent once.")
)
OPTED_OUT = Sentence(
    "Services",
    QT_TRANSLATE_NOOP("Services", "This number opted out or is suppressed in this package."),
)
SKIPPED_SENTENCES = (SAME_NUMBER, OPTED_OUT)


def skipped_reason(stored: str) -> Text | str:
    """A skipped recipient's stored reason (a delivery's ``error``, English) as the sentence
    that wrote it: a phone number's rejection or one of ``SKIPPED_SENTENCES``; ``stored``
    itself when none did."""
    for reason in RejectReason:
        if reason.message == stored:
            return reason.text
    return recover(stored, SKIPPED_SENTENCES)
