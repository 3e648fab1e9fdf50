"""The composer's values as the HTTP API's Open Chat body, and the API's complaints about a
body as sentences per composer section."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.models import MessageType, WaitingStrategy
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, field_sentence, shown

_FIELD_LABELS = TranslatedLabels(
    "SendPage",
    {
        "type": QT_TRANSLATE_NOOP("SendPage", "Type"),
        "text": QT_TRANSLATE_NOOP("SendPage", "Message text"),
        "caption": QT_TRANSLATE_NOOP("SendPage", "Caption"),
        "media_url": QT_TRANSLATE_NOOP("SendPage", "Media URL"),
        "media_path": QT_TRANSLATE_NOOP("SendPage", "Media file"),
        "recipients": QT_TRANSLATE_NOOP("SendPage", "Recipients"),
        "region": QT_TRANSLATE_NOOP("SendPage", "Default region"),
        "options.waiting_strategy": QT_TRANSLATE_NOOP("SendPage", "Waiting strategy"),
        "options.drip_interval_minutes": QT_TRANSLATE_NOOP("SendPage", "Drip interval"),
        "options.schedule_at": QT_TRANSLATE_NOOP("SendPage", "Start time"),
    },
)
_RECIPIENT_FIELDS = ("recipients", "region")


def open_body(
    *,
    kind: MessageType,
    text: str,
    media_path: str,
    media_url: str,
    recipients: Sequence[str | int],
    region: str,
    strategy: WaitingStrategy,
    drip_minutes: int,
    schedule_at: str | None,
) -> dict[str, Any]:
    """The Open Chat body the HTTP API takes, from the composer's values.

    For media types ``text`` is the caption. ``region`` is sent even when empty, since an
    empty region means "require the country code", not "use the default".
    """
    options: dict[str, Any] = {"waiting_strategy": strategy.value}
    if strategy is WaitingStrategy.DRIP:
        options["drip_interval_minutes"] = drip_minutes
    if schedule_at is not None:
        options["schedule_at"] = schedule_at
    body: dict[str, Any] = {
        "type": kind.value,
        "recipients": list(recipients),
        "region": region,
        "options": options,
    }
    if kind is MessageType.TEXT:
        body["text"] = text
    else:
        if text:
            body["caption"] = text
        if media_path:
            body["media_path"] = media_path
        if media_url:
            body["media_url"] = media_url
    return body


def utc_iso(epoch_seconds: int) -> str:
    """A POSIX time as an aware UTC ISO 8601 string (what ``options.schedule_at`` takes)."""
    return datetime.fromtimestamp(epoch_seconds, UTC).isoformat()


def field_errors(exc: ValidationFailed) -> dict[str, list[str]]:
    """The sentences to show per form section (``content``, ``recipients``, ``timing``,
    ``general``) for a ``ValidationFailed`` whose details name fields."""
    out: dict[str, list[str]] = {}
    for detail in exc.detail_texts or []:
        if not isinstance(detail, Mapping):
            continue
        field = str(detail.get("field", "")).split("[", 1)[0]
        if "input" in detail:
            # One entry per rejected recipient: the rejected-rows table shows those.
            sentence = shown(exc.text)
        else:
            sentence = field_sentence(field, detail.get("message", ""), _FIELD_LABELS)
        if field.startswith("options."):
            section = "timing"
        elif field in _RECIPIENT_FIELDS:
            section = "recipients"
        elif field in _FIELD_LABELS:
            section = "content"
        else:
            section = "general"
        if sentence not in out.setdefault(section, []):
            out[section].append(sentence)
    return out or {"general": [shown(exc.text)]}
