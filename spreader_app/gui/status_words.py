"""Message and delivery statuses in words, as the owner reads them (exports keep the codes)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from spreader_app.core.models import DeliveryStatus, MessageStatus


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusWords", text)


def message_status_words() -> Mapping[MessageStatus, str]:
    return {
        MessageStatus.SCHEDULED: _tr("Scheduled"),
        MessageStatus.QUEUED: _tr("Queued"),
        MessageStatus.PROCESSING: _tr("Sending"),
        MessageStatus.PAUSED: _tr("Paused"),
        MessageStatus.COMPLETED: _tr("Completed"),
        MessageStatus.FAILED: _tr("Failed"),
        MessageStatus.CANCELLED: _tr("Cancelled"),
    }


def delivery_status_words() -> Mapping[DeliveryStatus, str]:
    return {
        DeliveryStatus.PENDING: _tr("Waiting"),
        DeliveryStatus.SENDING: _tr("Sending"),
        DeliveryStatus.SENT: _tr("Sent"),
        DeliveryStatus.FAILED: _tr("Failed"),
        DeliveryStatus.CANCELLED: _tr("Cancelled"),
        DeliveryStatus.SKIPPED: _tr("Skipped"),
        DeliveryStatus.UNCERTAIN: _tr("Uncertain: check before sending again"),
        DeliveryStatus.HELD: _tr("Held: its device was banned"),
    }
