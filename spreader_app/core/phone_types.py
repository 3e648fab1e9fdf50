"""phonenumbers' number type of a national number, with each region's patterns compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberDesc, PhoneNumberType

TYPE_NAMES: dict[int, str] = {
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
MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})


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


def number_type(country_code: int, nsn: str) -> int:
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
        kind = plan.type_of(nsn)
        if kind != PhoneNumberType.UNKNOWN:
            return kind
    return PhoneNumberType.UNKNOWN
