"""Why an input is not a usable recipient: the stable codes and the sentence for each.

The sentences keep the translation context ``Phones`` (they were written in ``phones.py``), so
the catalogues' entries still match.
"""

from __future__ import annotations

import enum

from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Text


class RejectReason(enum.StrEnum):
    """Stable code for why an input is not a usable recipient (stored, exported, sent by the API).

    Being a ``str`` subclass, a ``RejectReason`` must be tested with ``isinstance(x,
    RejectReason)`` *before* ``isinstance(x, str)``.
    """

    EMPTY = "empty"
    SCIENTIFIC_NOTATION = "scientific_notation"
    # A number cell ending in 00000: Excel keeps 15 significant digits (6 in "2.01066E+11").
    EXCEL_ROUNDED = "excel_rounded"
    NOT_A_NUMBER = "not_a_number"
    MISSING_COUNTRY_CODE = "missing_country_code"
    INVALID_COUNTRY_CODE = "invalid_country_code"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    INVALID_NUMBER = "invalid_number"
    NOT_MOBILE = "not_mobile"

    @property
    def text(self) -> Text:
        """One sentence for people: what is wrong and what to do about it (translatable)."""
        return _MESSAGES[self]

    @property
    def message(self) -> str:
        """``text`` in English (what the API and the stored skip reasons carry)."""
        return str(_MESSAGES[self])


_EXAMPLE = "+20 106 618 3456"
_MESSAGES: dict[RejectReason, Text] = {
    RejectReason.EMPTY: Text(
        "Phones",
        QT_TRANSLATE_NOOP("Phones", "The phone number is empty: fill it in or remove the row."),
    ),
    RejectReason.SCIENTIFIC_NOTATION: Text(
        "Phones",
        QT_TRANSLATE_NOOP(
            "Phones",
            "Excel scientific notation: digits were lost. "
            "Format the column as Text in Excel and export again.",
        ),
    ),
    RejectReason.EXCEL_ROUNDED: Text(
        "Phones",
        QT_TRANSLATE_NOOP(
            "Phones",
            "The number ends in 00000, so Excel probably cut its last digits (it keeps 15, and"
            " fewer when a cell showed E+). Format the column as Text in Excel, type or paste the"
            " numbers again, and export again.",
        ),
    ),
    RejectReason.NOT_A_NUMBER: Text(
        "Phones",
        QT_TRANSLATE_NOOP(
            "Phones",
            "This is not a phone number: write digits only, with + and the country code"
            " (for example {example}).",
        ),
        example=_EXAMPLE,
    ),
    RejectReason.MISSING_COUNTRY_CODE: Text(
        "Phones",
        QT_TRANSLATE_NOOP(
            "Phones",
            "The country code is missing: write the number with + and its country code"
            " (for example {example}), or set a default region in the import settings.",
        ),
        example=_EXAMPLE,
    ),
    RejectReason.INVALID_COUNTRY_CODE: Text(
        "Phones",
        QT_TRANSLATE_NOOP(
            "Phones",
            "No country uses this country code: check the digits after + "
            "(for example {egypt} for Egypt, {saudi} for Saudi Arabia).",
        ),
        egypt="+20",
        saudi="+966",
    ),
    RejectReason.TOO_SHORT: Text(
        "Phones",
        QT_TRANSLATE_NOOP(
            "Phones", "The number is too short for its country: check for missing digits."
        ),
    ),
    RejectReason.TOO_LONG: Text(
        "Phones",
        QT_TRANSLATE_NOOP(
            "Phones",
            "The number is too long for its country: check for extra digits "
            "(a trailing 0 often comes from a spreadsheet number cell).",
        ),
    ),
    RejectReason.INVALID_NUMBER: Text(
        "Phones",
        QT_TRANSLATE_NOOP(
            "Phones",
            "This number does not exist in its country's numbering plan: "
            "check the digits and the country code.",
        ),
    ),
    RejectReason.NOT_MOBILE: Text(
        "Phones",
        QT_TRANSLATE_NOOP(
            "Phones",
            "This is a landline or service number: WhatsApp messages need the customer's"
            " mobile number.",
        ),
    ),
}
