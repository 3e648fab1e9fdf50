"""``phonenumbers.parse`` with the reason for a failure, and short cuts for the common shapes.

The short cuts (``international_parts``, ``parse_local_shortcut``) give what parse would give
without its cost; property tests check the two agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber

from spreader_app.core.phone_reasons import RejectReason

# Parse only ever sees normalised digits, so its NOT_A_NUMBER can only mean too few of them.
_PARSE_ERRORS: dict[int, RejectReason] = {
    NumberParseException.INVALID_COUNTRY_CODE: RejectReason.INVALID_COUNTRY_CODE,
    NumberParseException.NOT_A_NUMBER: RejectReason.TOO_SHORT,
    NumberParseException.TOO_SHORT_AFTER_IDD: RejectReason.TOO_SHORT,
    NumberParseException.TOO_SHORT_NSN: RejectReason.TOO_SHORT,
    NumberParseException.TOO_LONG: RejectReason.TOO_LONG,
}


def parse(text: str, region: str | None) -> tuple[PhoneNumber | None, RejectReason | None]:
    try:
        return phonenumbers.parse(text, region), None
    except NumberParseException as exc:
        return None, _PARSE_ERRORS.get(exc.error_type, RejectReason.INVALID_NUMBER)


# Longest national significant number phonenumbers accepts (its _MAX_LENGTH_FOR_NSN).
_MAX_NSN_LENGTH = 17


def international_parts(text: str) -> tuple[int, str] | None:
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


def parse_international(text: str) -> tuple[PhoneNumber | None, RejectReason | None]:
    """``phonenumbers.parse(text)`` for ``+digits``, short-cut for the common shape."""
    parts = international_parts(text)
    if parts is None:
        return parse(text, None)
    return PhoneNumber(country_code=parts[0], national_number=int(parts[1])), None


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


def parse_local_shortcut(text: str, region: str) -> tuple[int, str] | None:
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
