"""The engine's status and type words as the interface shows them, in its language.

The engine's codes (``sent``, ``queued``, ``image``…) stay what the API and the CSV exports
carry; only the window shows these labels.
"""

from __future__ import annotations

from spreader_app.core.models import (
    DeliveryStatus,
    MessageMode,
    MessageStatus,
    MessageType,
    WaitingStrategy,
)
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels

MESSAGE_STATUS_LABELS = TranslatedLabels(
    "Words",
    {
        MessageStatus.SCHEDULED: QT_TRANSLATE_NOOP("Words", "scheduled"),
        MessageStatus.QUEUED: QT_TRANSLATE_NOOP("Words", "queued"),
        MessageStatus.PROCESSING: QT_TRANSLATE_NOOP("Words", "processing"),
        MessageStatus.PAUSED: QT_TRANSLATE_NOOP("Words", "paused"),
        MessageStatus.COMPLETED: QT_TRANSLATE_NOOP("Words", "completed"),
        MessageStatus.FAILED: QT_TRANSLATE_NOOP("Words", "failed"),
        MessageStatus.CANCELLED: QT_TRANSLATE_NOOP("Words", "cancelled"),
    },
)
DELIVERY_STATUS_LABELS = TranslatedLabels(
    "Words",
    {
        DeliveryStatus.PENDING: QT_TRANSLATE_NOOP("Words", "pending"),
        DeliveryStatus.SENDING: QT_TRANSLATE_NOOP("Words", "sending"),
        DeliveryStatus.SENT: QT_TRANSLATE_NOOP("Words", "sent"),
        DeliveryStatus.FAILED: QT_TRANSLATE_NOOP("Words", "failed"),
        DeliveryStatus.CANCELLED: QT_TRANSLATE_NOOP("Words", "cancelled"),
        DeliveryStatus.SKIPPED: QT_TRANSLATE_NOOP("Words", "skipped"),
        DeliveryStatus.UNCERTAIN: QT_TRANSLATE_NOOP("Words", "uncertain"),
        DeliveryStatus.HELD: QT_TRANSLATE_NOOP("Words", "held"),
    },
)
MESSAGE_TYPE_LABELS = TranslatedLabels(
    "Words",
    {
        MessageType.TEXT: QT_TRANSLATE_NOOP("Words", "Text"),
        MessageType.IMAGE: QT_TRANSLATE_NOOP("Words", "Image"),
        MessageType.VOICE: QT_TRANSLATE_NOOP("Words", "Voice"),
        MessageType.DOCUMENT: QT_TRANSLATE_NOOP("Words", "Document"),
        MessageType.VIDEO: QT_TRANSLATE_NOOP("Words", "Video"),
    },
)
WAITING_STRATEGY_LABELS = TranslatedLabels(
    "Words",
    {
        WaitingStrategy.IMMEDIATE: QT_TRANSLATE_NOOP("Words", "Immediate"),
        WaitingStrategy.QUEUED: QT_TRANSLATE_NOOP("Words", "Queued"),
        WaitingStrategy.DRIP: QT_TRANSLATE_NOOP("Words", "Drip"),
        WaitingStrategy.SMART: QT_TRANSLATE_NOOP("Words", "Smart"),
    },
)
MODE_NAMES = TranslatedLabels(
    "Words",
    {
        MessageMode.OPEN: QT_TRANSLATE_NOOP("Words", "Open Chat"),
        MessageMode.REPLY: QT_TRANSLATE_NOOP("Words", "Reply Chat"),
    },
)


def status_word(status: str) -> str:
    """A message or delivery status code (``"sent"``, ``"queued"``…) in the interface
    language; an unknown code comes back as it is."""
    if status in DeliveryStatus.__members__.values():
        return DELIVERY_STATUS_LABELS[DeliveryStatus(status)]
    if status in MessageStatus.__members__.values():
        return MESSAGE_STATUS_LABELS[MessageStatus(status)]
    return status
