"""Sentences several services raise: an id that names nothing (``NotFound``), a package
that cannot send.

Written once here as ``core.text.Sentence`` so the API keeps their English words and the
window shows them in its own language.
"""

from __future__ import annotations

from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import PackageStatus
from spreader_app.core.text import Sentence

__all__ = [
    "NO_MESSAGE",
    "NO_PACKAGE",
    "NO_PROFILE",
    "NO_PROFILE_CAN_SEND",
    "NO_PROFILE_CAN_SEND_BECAUSE",
    "OPTED_OUT",
    "PACKAGE_STATUS",
    "SAME_NUMBER",
    "SKIPPED_SENTENCES",
]

NO_PACKAGE = Sentence("Services", QT_TRANSLATE_NOOP("Services", "No package with id {package_id}."))
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
