"""One input judged as a WhatsApp recipient: its E.164 form, its type, or why it is unusable.

Rules (CAMPAIGNS.md §1): a recipient must be a valid mobile number (phonenumbers type
``MOBILE`` or ``FIXED_LINE_OR_MOBILE``); spreadsheet damage is rejected, never repaired.

Which interpretation wins for digits written without ``+``:

1. With a default region, the number is first read as a number of that region
   (``01066183456`` with ``EG`` is the local form of ``+201066183456``; phonenumbers also
   recognises the region's own country code at the start, ``201066183456`` with ``EG``).
2. Only when that reading is not a valid number at all are the digits read as
   ``+<digits>``, the way APIs pass international numbers (``201066183456`` with ``US``).
   A valid *local* reading is never overridden, because the region is what the user declared.
3. Without a default region the digits are read as ``+<digits>`` only; when that is not a
   valid number the reason is ``missing_country_code``.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType, ValidationResult

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.phone_cells import normalize_cell
from spreader_app.core.phone_parsing import (
    international_parts,
    parse,
    parse_local_shortcut,
)
from spreader_app.core.phone_reasons import RejectReason
from spreader_app.core.phone_types import MOBILE_TYPES, TYPE_NAMES, number_type
from spreader_app.core.text import Text


@dataclass(frozen=True, slots=True)
class PhoneCheck:
    """The verdict on one input.

    ``e164`` is set whenever the number was understood (also for ``NOT_MOBILE``); ``valid`` is
    true only for a usable recipient, in which case ``reason`` is ``None`` and ``message`` empty.
    ``type`` is the phonenumbers number type in snake case (``mobile``, ``fixed_line_or_mobile``,
    ``fixed_line``, ``voip``, ...; ``unknown`` when not determined).
    """

    input: str
    e164: str | None
    valid: bool
    reason: RejectReason | None
    message: str
    type: str


def normalize_region(region: str) -> str | None:
    """Upper-case a default region (ISO 3166 alpha-2), ``""`` meaning none.

    Raises :class:`ValidationFailed` for a code phonenumbers does not know.
    """
    if not region:
        return None
    code = region.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        # The context stays "Phones" (phones.py's) so the catalogues' entry still matches.
        raise ValidationFailed(
            Text(
                "Phones",
                QT_TRANSLATE_NOOP(
                    "Phones",
                    "Unknown phone region {region}: use a two-letter country code such as EG or"
                    " SA, or leave it empty to require + and the country code on every number.",
                ),
                region=repr(region),
            ),
            details=[{"field": "region", "message": "unknown region"}],
        )
    return code


def check_phone(raw: object, region: str = "") -> PhoneCheck:
    """Validate one input (a cell value, pasted text or an API field) as a WhatsApp recipient.

    ``region`` is the default region for numbers written without a country code (see the module
    docstring for the order of interpretations). Raises :class:`ValidationFailed` only for an
    unknown region; bad numbers are reported in the result.
    """
    return _verdict(raw, normalize_cell(raw), normalize_region(region))


def _verdict(raw: object, cell: str | RejectReason, region: str | None) -> PhoneCheck:
    text = raw_text(raw)
    if isinstance(cell, RejectReason):
        return PhoneCheck(text, None, False, cell, cell.message, "unknown")
    e164, reason, type_name = classify(cell, region)
    if reason is None:
        return PhoneCheck(text, e164, True, None, "", type_name)
    return PhoneCheck(text, e164, False, reason, reason.message, type_name)


def raw_text(raw: object) -> str:
    """The input as it is shown and stored in a verdict (``""`` for an empty cell)."""
    return "" if raw is None else str(raw)


Outcome = tuple[str | None, RejectReason | None, str]
"""(e164, reason, type) of one normalised text, as :func:`classify` returns it."""


def classify(text: str, region: str | None) -> Outcome:
    """Classify a normalised ``digits``/``+digits`` string as (e164, reason, type).

    ``e164`` is set exactly when the text is a valid number (of any type).
    """
    if text.startswith("+"):
        return _judge_international(text)
    if region is None:
        outcome = _judge_international("+" + text)
        if outcome[0] is not None:
            return outcome
        return None, RejectReason.MISSING_COUNTRY_CODE, "unknown"
    shortcut = parse_local_shortcut(text, region)
    if shortcut is not None:
        outcome = _judge_nsn(*shortcut)
        if outcome[0] is not None:
            return outcome
    local = _judge(*parse(text, region))
    if local[0] is not None:
        return local
    international = _judge_international("+" + text)
    return international if international[0] is not None else local


def _judge(number: PhoneNumber | None, failure: RejectReason | None) -> Outcome:
    if number is None:
        return None, failure, "unknown"
    nsn = phonenumbers.national_significant_number(number)
    return _judge_nsn(number.country_code or 0, nsn, number)


def _judge_nsn(country_code: int, nsn: str, number: PhoneNumber | None = None) -> Outcome:
    """The outcome for the national significant number ``nsn`` of ``country_code``.

    ``number`` is the parsed form when there is one; a short-cut parse has none, and one is
    only built for the rare invalid number, to tell why it is invalid. For a valid number
    phonenumbers' E.164 form is exactly ``+<country code><nsn>``.
    """
    kind = number_type(country_code, nsn)
    if kind == PhoneNumberType.UNKNOWN:
        if number is None:
            number = PhoneNumber(country_code=country_code, national_number=int(nsn))
        return None, _invalid_reason(number), "unknown"
    reason = None if kind in MOBILE_TYPES else RejectReason.NOT_MOBILE
    return f"+{country_code}{nsn}", reason, TYPE_NAMES.get(kind, "unknown")


def _invalid_reason(number: PhoneNumber) -> RejectReason:
    possible = phonenumbers.is_possible_number_with_reason(number)
    if possible == ValidationResult.TOO_SHORT:
        return RejectReason.TOO_SHORT
    if possible == ValidationResult.TOO_LONG:
        return RejectReason.TOO_LONG
    if possible == ValidationResult.INVALID_COUNTRY_CODE:
        return RejectReason.INVALID_COUNTRY_CODE
    return RejectReason.INVALID_NUMBER


def _judge_international(text: str) -> Outcome:
    """``_judge(*parse_international(text))`` without building the number when not needed."""
    parts = international_parts(text)
    return _judge(*parse(text, None)) if parts is None else _judge_nsn(*parts)
