"""A marker for sentences the core writes and the interface translates, without Qt.

Qt's ``lupdate`` collects ``QT_TRANSLATE_NOOP("Context", "text")`` calls from Python
sources; this same-named function returns the English text unchanged, so core modules can
mark their templates while staying Qt-free. The interface translates a marked template with
``QCoreApplication.translate(context, template)`` and then fills its ``{named}`` parameters.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate reads this name)
    """Marks ``text`` for translation under ``context``; returns it unchanged."""
    return text
