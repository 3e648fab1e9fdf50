"""The marker that lets Qt's lupdate collect sentences written outside the window.

``pyside6-lupdate`` reads Python sources and extracts every ``QT_TRANSLATE_NOOP("Context",
"text")`` call by its name alone (checked with lupdate 6.11: literal, parenthesised and
implicitly concatenated texts are all extracted), so core marks its sentences with this
same-named no-op and stays free of Qt. The window translates them where it shows them,
with ``QCoreApplication.translate(context, text)``.
"""

from __future__ import annotations

__all__ = ["QT_TRANSLATE_NOOP"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate reads this name)
    """Marks ``text`` for translation under ``context`` and returns it unchanged (English)."""
    return text
