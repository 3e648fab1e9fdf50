"""Phone numbers: cell normalisation, validation to E.164, and screening of recipient lists.

Rules (CAMPAIGNS.md §1): a recipient must be a valid mobile number (phonenumbers type
``MOBILE`` or ``FIXED_LINE_OR_MOBILE``); spreadsheet damage is rejected, never repaired; every
input ends in exactly one bucket of a :class:`Screening`.

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

import enum
import math
import re
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import (
    NumberParseException,
    PhoneMetadata,
    PhoneNumber,
    PhoneNumberDesc,
    PhoneNumberType,
    ValidationResult,
)

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Text

__all__ = [
    "BIDI_ISOLATE_END",
    "BIDI_ISOLATE_START",
    "DuplicateRow",
    "PhoneCheck",
    "PickedRow",
    "RejectReason",
    "RejectedRow",
    "Screening",
    "SuppressedRow",
    "check_phone",
    "digits",
    "display",
    "normalize_cell",
    "normalize_region",
    "screen_recipients",
]

BIDI_ISOLATE_START = "\u2066"  # LEFT-TO-RIGHT ISOLATE
BIDI_ISOLATE_END = "\u2069"  # POP DIRECTIONAL ISOLATE


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

_TYPE_NAMES: dict[int, str] = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
    PhoneNumberType.UNKNOWN: "unknown",
}
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})

_INVISIBLE_MARKS = (
    [chr(c) for c in range(0x200B, 0x2010)]  # zero-width space/joiners, LRM, RLM
    + [chr(c) for c in range(0x202A, 0x202F)]  # embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # isolates
    + ["\ufeff", "\u061c", "\u2060"]  # BOM/ZWNBSP, Arabic letter mark, word joiner
)
_WHITESPACE = list("\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") + [
    chr(c) for c in range(0x2000, 0x200B)
]
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
_CLEAN = str.maketrans(_DIGITS | dict.fromkeys(map(ord, _INVISIBLE_MARKS + _WHITESPACE)))
_SEPARATORS = str.maketrans(dict.fromkeys(map(ord, "-.()/\u2010\u2011\u2012\u2013\u2014\u2212")))
_SCIENTIFIC = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]*)?[eE][+-]?[0-9]+")
# str() of a float cell ("966501234567.0"), also with a decimal comma.
_FLOAT_TAIL = re.compile(r"(\+?[0-9]+)[.,]0+")
_PHONE_TEXT = re.compile(r"\+?[0-9]+")
_E164 = re.compile(r"\+[0-9]+")


def normalize_cell(raw: object) -> str | RejectReason:
    """Turn one cell into ``digits`` or ``+digits``, or say why it cannot be a phone number.

    Order (CAMPAIGNS.md §1): numeric cells first (a whole float becomes ``str(int(v))``, any other
    float is ``NOT_A_NUMBER``, and a whole number ending in five zeros is ``EXCEL_ROUNDED``: Excel
    cut it); text gets NFKC, then spaces, NBSP, bidi and zero-width marks are
    removed and Arabic-Indic/Persian digits become ASCII; scientific notation is rejected; a
    trailing ``.0``/``,0`` is stripped; then the separators ``- . ( ) /`` are removed and a leading
    ``00`` becomes ``+``. The separators go *after* the two float checks, since dropping the dot
    first would turn ``966501234567.0`` into the wrong ``9665012345670``.

    Returns a :class:`RejectReason` (``EMPTY``, ``SCIENTIFIC_NOTATION``, ``EXCEL_ROUNDED`` or
    ``NOT_A_NUMBER``) for
    unusable cells; test for it before testing for ``str``. Never raises.
    """
    if raw is None:
        return RejectReason.EMPTY
    if isinstance(raw, bool):
        return RejectReason.NOT_A_NUMBER
    if isinstance(raw, float):
        if not math.isfinite(raw) or not raw.is_integer():
            return RejectReason.NOT_A_NUMBER
        raw = int(raw)
    if isinstance(raw, int):
        if raw <= 0:
            return RejectReason.NOT_A_NUMBER
        return RejectReason.EXCEL_ROUNDED if raw % 100_000 == 0 else str(raw)
    if not isinstance(raw, str):
        return RejectReason.NOT_A_NUMBER
    if _PHONE_TEXT.fullmatch(raw) and not raw.startswith("00"):  # the usual case, kept cheap
        return raw
    text = (raw if raw.isascii() else unicodedata.normalize("NFKC", raw)).translate(_CLEAN)
    if not text:
        return RejectReason.EMPTY
    if _SCIENTIFIC.fullmatch(text):
        return RejectReason.SCIENTIFIC_NOTATION
    tail = _FLOAT_TAIL.fullmatch(text)
    if tail:
        text = tail.group(1)
    text = text.translate(_SEPARATORS)
    if not text:
        return RejectReason.EMPTY  # a placeholder such as "-" or "()"
    if text.startswith("00"):
        text = "+" + text[2:]
    if not _PHONE_TEXT.fullmatch(text):
        return RejectReason.NOT_A_NUMBER
    return text


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
    text = _raw_text(raw)
    if isinstance(cell, RejectReason):
        return PhoneCheck(text, None, False, cell, cell.message, "unknown")
    e164, reason, type_name = _classify(cell, region)
    if reason is None:
        return PhoneCheck(text, e164, True, None, "", type_name)
    return PhoneCheck(text, e164, False, reason, reason.message, type_name)


def _raw_text(raw: object) -> str:
    return "" if raw is None else str(raw)


_Outcome = tuple[str | None, RejectReason | None, str]


def _classify(text: str, region: str | None) -> _Outcome:
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
    shortcut = _parse_local_shortcut(text, region)
    if shortcut is not None:
        outcome = _judge_nsn(*shortcut)
        if outcome[0] is not None:
            return outcome
    local = _judge(*_parse(text, region))
    if local[0] is not None:
        return local
    international = _judge_international("+" + text)
    return international if international[0] is not None else local


def _judge(number: PhoneNumber | None, failure: RejectReason | None) -> _Outcome:
    if number is None:
        return None, failure, "unknown"
    nsn = phonenumbers.national_significant_number(number)
    return _judge_nsn(number.country_code or 0, nsn, number)


def _judge_nsn(country_code: int, nsn: str, number: PhoneNumber | None = None) -> _Outcome:
    """The outcome for the national significant number ``nsn`` of ``country_code``.

    ``number`` is the parsed form when there is one; a short-cut parse has none, and one is
    only built for the rare invalid number, to tell why it is invalid. For a valid number
    phonenumbers' E.164 form is exactly ``+<country code><nsn>``.
    """
    number_type = _number_type(country_code, nsn)
    if number_type == PhoneNumberType.UNKNOWN:
        if number is None:
            number = PhoneNumber(country_code=country_code, national_number=int(nsn))
        return None, _invalid_reason(number), "unknown"
    reason = None if number_type in _MOBILE_TYPES else RejectReason.NOT_MOBILE
    return f"+{country_code}{nsn}", reason, _TYPE_NAMES.get(number_type, "unknown")


@dataclass(frozen=True, slots=True)
class _TypePlan:
    """One region's number-type rules, compiled to one pattern per number length.

    phonenumbers (``_number_type_helper``) requires the general pattern, then returns the
    type of the first description, in a fixed order, whose possible lengths include the
    number's and whose pattern matches it whole. For each length the region allows, the
    descriptions of that length become the alternatives of one regular expression, in the
    same order, behind a look-ahead for the general pattern; a full match's named group then
    names that first type (alternatives are tried left to right). ``leading_digits`` picks
    the region among those sharing a country code.
    """

    rules: dict[int, re.Pattern[str]]
    leading_digits: re.Pattern[str] | None

    def type_of(self, nsn: str) -> int:
        """The phonenumbers type of ``nsn`` under this region's rules."""
        rule = self.rules.get(len(nsn))
        match = rule.fullmatch(nsn) if rule is not None else None
        if match is None or match.lastgroup is None:
            return PhoneNumberType.UNKNOWN
        return int(match.lastgroup.removeprefix("t"))


def _type_rules(m: PhoneMetadata) -> dict[int, re.Pattern[str]]:
    """The per-length patterns of :class:`_TypePlan` for one region's metadata."""
    special = (
        (m.premium_rate, PhoneNumberType.PREMIUM_RATE),
        (m.toll_free, PhoneNumberType.TOLL_FREE),
        (m.shared_cost, PhoneNumberType.SHARED_COST),
        (m.voip, PhoneNumberType.VOIP),
        (m.personal_number, PhoneNumberType.PERSONAL_NUMBER),
        (m.pager, PhoneNumberType.PAGER),
        (m.uan, PhoneNumberType.UAN),
        (m.voicemail, PhoneNumberType.VOICEMAIL),
    )
    general_desc = m.general_desc
    general = _pattern(general_desc)
    if general_desc is None or general is None:
        return {}
    rules: dict[int, re.Pattern[str]] = {}
    for length in general_desc.possible_length:
        alternatives = [(t, p) for desc, t in special if (p := _fitting(desc, length))]
        fixed, mobile = _fitting(m.fixed_line, length), _fitting(m.mobile, length)
        if m.same_mobile_and_fixed_line_pattern:
            mobile = None  # phonenumbers then never tests the mobile pattern on its own
            if fixed:
                alternatives.append((PhoneNumberType.FIXED_LINE_OR_MOBILE, fixed))
        elif fixed:
            if mobile:
                both = rf"(?={mobile}\Z){fixed}"
                alternatives.append((PhoneNumberType.FIXED_LINE_OR_MOBILE, both))
            alternatives.append((PhoneNumberType.FIXED_LINE, fixed))
        if mobile:
            alternatives.append((PhoneNumberType.MOBILE, mobile))
        if alternatives:
            body = "|".join(f"(?P<t{t}>{p})" for t, p in alternatives)
            rules[length] = re.compile(rf"(?={general}\Z)(?:{body})")
    return rules


def _fitting(desc: PhoneNumberDesc | None, length: int) -> str | None:
    """The pattern of ``desc`` when a number of ``length`` digits may match it (no possible
    lengths means those of the general description)."""
    lengths = desc.possible_length if desc is not None else ()
    return _pattern(desc) if not lengths or length in lengths else None


def _pattern(desc: PhoneNumberDesc | None) -> str | None:
    """The description's pattern as a group, ``None`` when nothing can match it."""
    if desc is None or not desc.national_number_pattern:
        return None
    return f"(?:{desc.national_number_pattern})"


_TYPE_PLANS: dict[tuple[int, str], _TypePlan | None] = {}


def _type_plan(country_code: int, region: str) -> _TypePlan | None:
    key = (country_code, region)
    if key not in _TYPE_PLANS:
        m = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
        _TYPE_PLANS[key] = (
            None
            if m is None
            else _TypePlan(
                rules=_type_rules(m),
                leading_digits=None if m.leading_digits is None else re.compile(m.leading_digits),
            )
        )
    return _TYPE_PLANS[key]


def _number_type(country_code: int, nsn: str) -> int:
    """``phonenumbers.number_type`` of the number ``+<country_code><nsn>``, with each region's
    patterns compiled once.

    phonenumbers looks every pattern up again per call, which made the type check most of
    the cost of screening a large list. The region is chosen as ``region_code_for_number``
    does: the only region of the country code, else the first of its regions whose leading
    digits match or, for a region without leading digits, whose rules give the number a type.
    A property test checks the result equals phonenumbers' own.
    """
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ())
    for region in regions:
        plan = _type_plan(country_code, region)
        if plan is None:
            continue
        if len(regions) == 1:
            return plan.type_of(nsn)
        if plan.leading_digits is not None:
            if plan.leading_digits.match(nsn):
                return plan.type_of(nsn)
            continue
        number_type = plan.type_of(nsn)
        if number_type != PhoneNumberType.UNKNOWN:
            return number_type
    return PhoneNumberType.UNKNOWN


def _invalid_reason(number: PhoneNumber) -> RejectReason:
    possible = phonenumbers.is_possible_number_with_reason(number)
    if possible == ValidationResult.TOO_SHORT:
        return RejectReason.TOO_SHORT
    if possible == ValidationResult.TOO_LONG:
        return RejectReason.TOO_LONG
    if possible == ValidationResult.INVALID_COUNTRY_CODE:
        return RejectReason.INVALID_COUNTRY_CODE
    return RejectReason.INVALID_NUMBER


# Parse only ever sees normalised digits, so its NOT_A_NUMBER can only mean too few of them.
_PARSE_ERRORS: dict[int, RejectReason] = {
    NumberParseException.INVALID_COUNTRY_CODE: RejectReason.INVALID_COUNTRY_CODE,
    NumberParseException.NOT_A_NUMBER: RejectReason.TOO_SHORT,
    NumberParseException.TOO_SHORT_AFTER_IDD: RejectReason.TOO_SHORT,
    NumberParseException.TOO_SHORT_NSN: RejectReason.TOO_SHORT,
    NumberParseException.TOO_LONG: RejectReason.TOO_LONG,
}


def _parse(text: str, region: str | None) -> tuple[PhoneNumber | None, RejectReason | None]:
    try:
        return phonenumbers.parse(text, region), None
    except NumberParseException as exc:
        return None, _PARSE_ERRORS.get(exc.error_type, RejectReason.INVALID_NUMBER)


# Longest national significant number phonenumbers accepts (its _MAX_LENGTH_FOR_NSN).
_MAX_NSN_LENGTH = 17


def _international_parts(text: str) -> tuple[int, str] | None:
    """What ``phonenumbers.parse(text)`` makes of ``+digits`` in the common shape, or ``None``.

    phonenumbers.parse costs about 20 µs, most of it spent on input forms that normalised cells
    never have. For ``+<country code><national number>`` whose national part neither starts with
    0 nor matches the country's national-prefix pattern, parse builds exactly
    ``PhoneNumber(country_code, national_number)``, whose national significant number is that
    national part: this returns the two. Everything else must go through parse itself. A
    property test checks the two agree.
    """
    body = text[1:]
    for length in (1, 2, 3):
        country_code = _COUNTRY_CODES.get(body[:length])
        if country_code is not None:
            national = body[length:]
            break
    else:
        return None
    if not 2 <= len(national) <= _MAX_NSN_LENGTH or national.startswith("0"):
        return None
    prefix = _national_prefix(country_code)
    if prefix is not None and prefix.match(national):
        return None
    return country_code, national


def _parse_international(text: str) -> tuple[PhoneNumber | None, RejectReason | None]:
    """``phonenumbers.parse(text)`` for ``+digits``, short-cut for the common shape."""
    parts = _international_parts(text)
    if parts is None:
        return _parse(text, None)
    return PhoneNumber(country_code=parts[0], national_number=int(parts[1])), None


def _judge_international(text: str) -> _Outcome:
    """``_judge(*_parse_international(text))`` without building the number when not needed."""
    parts = _international_parts(text)
    return _judge(*_parse(text, None)) if parts is None else _judge_nsn(*parts)


# Country codes never start with 0, so "0..." bodies fall through to parse, as they must.
_COUNTRY_CODES = {str(code): code for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE if code}
_PREFIX_CACHE: dict[int, re.Pattern[str] | None] = {}


def _national_prefix(country_code: int) -> re.Pattern[str] | None:
    if country_code not in _PREFIX_CACHE:
        region = phonenumbers.region_code_for_country_code(country_code)
        metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(
            country_code, region
        )
        pattern = metadata.national_prefix_for_parsing if metadata is not None else None
        _PREFIX_CACHE[country_code] = re.compile(pattern) if pattern else None
    return _PREFIX_CACHE[country_code]


@dataclass(frozen=True, slots=True)
class _LocalPlan:
    """What phonenumbers.parse would do first with a region's local numbers."""

    country_code: int
    country_code_text: str
    idd: re.Pattern[str] | None
    prefix: re.Pattern[str] | None
    literal_prefix: str | None  # the prefix when it is plain digits with no transform rule


_LOCAL_PLANS: dict[str, _LocalPlan | None] = {}


def _local_plan(region: str) -> _LocalPlan | None:
    if region not in _LOCAL_PLANS:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if metadata is None or metadata.country_code is None:
            _LOCAL_PLANS[region] = None
            return None
        prefix = metadata.national_prefix_for_parsing or None
        literal = prefix if prefix and prefix.isdigit() else None
        idd = metadata.international_prefix
        _LOCAL_PLANS[region] = _LocalPlan(
            country_code=metadata.country_code,
            country_code_text=str(metadata.country_code),
            idd=re.compile(idd) if idd else None,
            prefix=re.compile(prefix) if prefix else None,
            literal_prefix=None if metadata.national_prefix_transform_rule else literal,
        )
    return _LOCAL_PLANS[region]


def _parse_local_shortcut(text: str, region: str) -> tuple[int, str] | None:
    """``phonenumbers.parse(text, region)`` for the common local shapes, as the country code
    and national significant number, or ``None``.

    Handles ``<trunk prefix><national number>`` (``01066183456`` in EG) and a bare national
    number, when the text starts with neither an international prefix nor the country code.
    The result is only trusted when it is a valid number: parse then strips the trunk prefix
    exactly the same way (a valid national number is viable and of a possible length), so the
    caller falls back to parse whenever this candidate is not valid.
    """
    plan = _local_plan(region)
    if plan is None or text.startswith(plan.country_code_text):
        return None
    if plan.idd is not None and plan.idd.match(text):
        return None
    national = text
    if plan.prefix is not None and plan.prefix.match(text):
        if plan.literal_prefix is None or not text.startswith(plan.literal_prefix):
            return None
        national = text[len(plan.literal_prefix) :]
    if not 2 <= len(national) <= _MAX_NSN_LENGTH or national.startswith("0"):
        return None
    return plan.country_code, national


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """An input that is not a usable recipient. ``row`` is its 0-based position in the input."""

    row: int
    raw: str
    reason: RejectReason
    message: str


@dataclass(frozen=True, slots=True)
class DuplicateRow:
    """A repeat of an earlier valid input; ``first_row`` is where that number first appeared."""

    row: int
    raw: str
    e164: str
    first_row: int


@dataclass(frozen=True, slots=True)
class SuppressedRow:
    """A valid number that must not be messaged (opted out or otherwise suppressed)."""

    row: int
    raw: str
    e164: str


@dataclass(frozen=True, slots=True)
class PickedRow:
    """A cell holding several numbers (Google Contacts joins them with `` ::: ``): ``chosen``
    is the first mobile one, the number used."""

    row: int
    raw: str
    chosen: str


CONTACTS_JOIN = ":::"


def _first_mobile(raw: str, region: str | None, known: dict[str, _Outcome]) -> str | RejectReason:
    """The first part of a `` ::: ``-joined cell that is a valid mobile number, else the
    reason the first part was rejected."""
    first: RejectReason | None = None
    for part in raw.split(CONTACTS_JOIN):
        cell = normalize_cell(part)
        if isinstance(cell, RejectReason):
            first = first or cell
            continue
        outcome = known.get(cell)
        if outcome is None:
            outcome = known[cell] = _classify(cell, region)
        if outcome[1] is None and outcome[0] is not None:
            return cell
        first = first or outcome[1] or RejectReason.INVALID_NUMBER
    return first or RejectReason.EMPTY


@dataclass(frozen=True, slots=True)
class Screening:
    """Every input of a screening in exactly one bucket.

    ``valid`` holds unique E.164 numbers in first-seen order and ``valid_rows`` the 0-based input
    position of each (same length), so callers can attach the rest of that row.
    """

    valid: list[str] = field(default_factory=list)
    valid_rows: list[int] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)
    suppressed: list[SuppressedRow] = field(default_factory=list)
    # Cells with several numbers where the first mobile was taken (they are also counted in
    # the bucket that number fell in).
    picked: list[PickedRow] = field(default_factory=list)

    @property
    def valid_count(self) -> int:
        return len(self.valid)

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)

    @property
    def duplicate_count(self) -> int:
        return len(self.duplicates)

    @property
    def suppressed_count(self) -> int:
        return len(self.suppressed)

    @property
    def total(self) -> int:
        """Number of inputs screened: the sum of the four buckets."""
        return self.valid_count + self.rejected_count + self.duplicate_count + self.suppressed_count


def screen_recipients(
    raws: Iterable[object], region: str = "", suppressed: Container[str] = ()
) -> Screening:
    """Sort recipient inputs into valid, rejected, duplicate and suppressed buckets.

    A valid number found in ``suppressed`` (E.164 strings; pass a set, it is probed once per
    valid input) goes to ``suppressed`` every time it occurs; otherwise the second and later
    occurrences of a number are duplicates of the first. CPU-bound (about 5 µs per distinct
    number in the usual shapes, half a second for 100,000): run large lists off the event
    loop. Raises :class:`ValidationFailed` only for an unknown region.
    """
    default_region = normalize_region(region)
    result = Screening()
    first_seen: dict[str, int] = {}
    known: dict[str, _Outcome] = {}
    for row, raw in enumerate(raws):
        cell = normalize_cell(raw)
        if cell is RejectReason.NOT_A_NUMBER and isinstance(raw, str) and CONTACTS_JOIN in raw:
            cell = _first_mobile(raw, default_region, known)
            if not isinstance(cell, RejectReason):
                result.picked.append(PickedRow(row, raw, cell))
        if isinstance(cell, RejectReason):
            result.rejected.append(RejectedRow(row, _raw_text(raw), cell, cell.message))
            continue
        outcome = known.get(cell)
        if outcome is None:
            outcome = known[cell] = _classify(cell, default_region)
        e164, reason, _ = outcome
        if reason is not None or e164 is None:
            failure = reason or RejectReason.INVALID_NUMBER
            result.rejected.append(RejectedRow(row, _raw_text(raw), failure, failure.message))
        elif e164 in suppressed:
            result.suppressed.append(SuppressedRow(row, _raw_text(raw), e164))
        elif e164 in first_seen:
            result.duplicates.append(DuplicateRow(row, _raw_text(raw), e164, first_seen[e164]))
        else:
            first_seen[e164] = row
            result.valid.append(e164)
            result.valid_rows.append(row)
    return result


def digits(e164: str) -> str:
    """The digits of an E.164 number without ``+``, as the gateway expects them.

    Raises ``ValueError`` when ``e164`` is not ``+`` followed by digits.
    """
    if not _E164.fullmatch(e164):
        raise ValueError(f"Not an E.164 number: {e164!r} (expected + followed by digits)")
    return e164[1:]


def display(e164: str) -> str:
    """The number in international format, isolated left-to-right for any layout.

    Wrapped in LRI … PDI (U+2066 … U+2069) so ``+966 50 123 4567`` does not turn into
    ``4567 123 50 966+`` in a right-to-left label (CAMPAIGNS.md §3). Only for the screen: never
    put the result in an outgoing message. Text that is not a parseable number is wrapped as is.
    """
    number, _ = _parse_international(e164) if _E164.fullmatch(e164) else (None, None)
    if number is None:
        return f"{BIDI_ISOLATE_START}{e164}{BIDI_ISOLATE_END}"
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return f"{BIDI_ISOLATE_START}{shown}{BIDI_ISOLATE_END}"
