"""Asking for a template's name and saving it: the composer's and the campaign's
"Save as template…" share it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from spreader_app.core.errors import SpreaderError
from spreader_app.core.models import MessageTemplate
from spreader_app.gui.dialogs import run_dialog
from spreader_app.gui.i18n import isolated, translate
from spreader_app.gui.tasks import describe


async def save_as_template(
    parent: QWidget, save: Callable[[str], Awaitable[MessageTemplate]]
) -> tuple[MessageTemplate | None, str]:
    """Asks for a name and calls ``save`` with it. Returns the template (``None`` when the
    person cancelled or saving failed) and a sentence saying what happened."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(translate("SaveTemplate", "Save as template"))
    dialog.setLabelText(translate("SaveTemplate", "Template name:"))
    dialog.setAccessibleName(translate("SaveTemplate", "Template name"))
    dialog.setOkButtonText(translate("SaveTemplate", "Save"))
    if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None, ""
    name = dialog.textValue().strip()
    dialog.deleteLater()
    try:
        template = await save(name)
    except SpreaderError as exc:
        return None, describe(exc)
    saved = translate("SaveTemplate", "Saved as the template “{name}”.")
    return template, saved.format(name=isolated(template.name))
