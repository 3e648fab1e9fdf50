"""Times as the window shows them: the desktop's local clock, with the date when needed."""

from __future__ import annotations

from datetime import datetime

from spreader_app.gui.i18n import translate


def clock_text(when: datetime, now: datetime) -> str:
    """``14:35`` in the desktop's local time; the date is added when ``when`` is not on
    ``now``'s day. Both arguments are aware datetimes."""
    local = when.astimezone()
    if local.date() == now.astimezone().date():
        return local.strftime("%H:%M")
    # The translation picks the date's form (a numeric one where month names would come
    # out in English).
    return local.strftime(translate("CampaignView", "%a %d %b %Y, %H:%M"))
