"""The interface's reading of ``core.why``: its sentences translated, and a campaign's
waiting deliveries counted by reason in one line."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from spreader_app.core.why import CONTEXT, Phrase, Zone, render
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP
from spreader_app.gui.regions import zone_city

translate = QCoreApplication.translate

# Waiting reasons (``core.why.REASONS``) as the campaign view counts them.
_REASONS = {
    "quiet_hours": QT_TRANSLATE_NOOP("Why", "{count} quiet hours in {zone}"),
    "active_hours": QT_TRANSLATE_NOOP("Why", "{count} outside active hours"),
    "status": QT_TRANSLATE_NOOP("Why", "{count} waiting for a device"),
    "pool": QT_TRANSLATE_NOOP("Why", "{count} held by the pool breaker"),
    "daily_cap": QT_TRANSLATE_NOOP("Why", "{count} daily caps"),
    "hourly_cap": QT_TRANSLATE_NOOP("Why", "{count} hourly caps"),
    "warmup": QT_TRANSLATE_NOOP("Why", "{count} warm-up limits"),
    "unanswered": QT_TRANSLATE_NOOP("Why", "{count} unanswered budgets"),
    "cooldown": QT_TRANSLATE_NOOP("Why", "{count} in the devices' queues"),
}


def _right_to_left() -> bool:
    return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def why_text(phrase: Phrase) -> str:
    """``phrase`` in the interface language; numbers, times and names isolated in Arabic,
    time zones named by their city in the interface language."""
    return render(phrase, translate, isolate=_right_to_left(), city=zone_city)


def waiting_text(waiting: Mapping[str, int]) -> str:
    """``"412 waiting: 300 quiet hours in Riyadh, 112 hourly caps"``; ``""`` when none wait."""
    total = sum(waiting.values())
    if not total:
        return ""
    rtl = _right_to_left()
    parts: list[Phrase] = []
    for key, count in waiting.items():
        reason, _, zone = key.partition(":")
        template = _REASONS.get(reason, _REASONS["cooldown"])
        parts.append(Phrase(template, {"count": f"{count:,}", "zone": Zone(zone)}))
    line = Phrase(
        QT_TRANSLATE_NOOP("Why", "{total} waiting: {reasons}"),
        {"total": f"{total:,}", "reasons": parts},
    )
    return render(line, translate, isolate=rtl, city=zone_city)


__all__ = ["CONTEXT", "waiting_text", "why_text"]
