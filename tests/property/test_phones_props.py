from __future__ import annotations

import re

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from spreader_app.core.phones import RejectReason, check_phone, normalize_cell, screen_recipients

PROPS = settings(derandomize=True, deadline=None, max_examples=200)

REGIONS = ["EG", "SA", "AE", "US", "CA", "GB", "DE", "IT", "IN", "AR", "MX", "BR", "RU"]
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
E164 = re.compile(r"\+[1-9][0-9]{1,14}")


def _examples() -> list[tuple[str, int, str, str]]:
    """(region, country code, national number, trunk prefix) of real example numbers."""
    found = []
    for region in REGIONS:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        for kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None and example.country_code and metadata is not None:
                national = phonenumbers.national_significant_number(example)
                prefix = metadata.national_prefix or ""
                found.append((region, example.country_code, national, prefix))
    return found


EXAMPLES = _examples()


@st.composite
def phone_texts(draw: st.DrawFn) -> str:
    """Digits shaped like real numbers, often valid, written the ways people and APIs do."""
    region, country_code, national, prefix = draw(st.sampled_from(EXAMPLES))
    digits = list(national)
    for _ in range(draw(st.integers(0, 3))):
        digits[draw(st.integers(0, len(digits) - 1))] = draw(st.sampled_from("0123456789"))
    cut = draw(st.sampled_from(["", "drop", "add"]))
    if cut == "drop" and len(digits) > 2:
        digits.pop()
    elif cut == "add":
        digits.append(draw(st.sampled_from("0123456789")))
    nsn = "".join(digits)
    return draw(
        st.sampled_from(
            [
                f"+{country_code}{nsn}",
                f"{country_code}{nsn}",
                f"{prefix}{nsn}",
                nsn,
                f"00{country_code}{nsn}",
            ]
        )
    )


cells = st.one_of(
    phone_texts(),
    phone_texts().map(lambda text: f"\u200f{text[:3]} {text[3:7]}-{text[7:]}\u00a0"),
    phone_texts().filter(lambda text: text.isdigit() and len(text) < 16).map(float),
    st.text(max_size=20),
    st.text(alphabet="0123456789+-. ()eE٠١٢٣٤٥٦٧٨٩", max_size=20),
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
)


@st.composite
def recipient_lists(draw: st.DrawFn) -> list[object]:
    base = draw(st.lists(cells, max_size=40))
    repeats = draw(st.lists(st.sampled_from(base), max_size=10)) if base else []
    mixed = base + repeats
    return draw(st.permutations(mixed))


@PROPS
@given(recipient_lists(), st.sampled_from(["", *REGIONS]), st.data())
def test_screen_recipients_every_input_ends_in_exactly_one_bucket(
    raws: list[object], region: str, data: st.DataObject
) -> None:
    first = screen_recipients(raws, region)
    suppressed = set(data.draw(st.lists(st.sampled_from(first.valid)))) if first.valid else set()

    result = screen_recipients(raws, region, suppressed)

    rows = (
        result.valid_rows
        + [r.row for r in result.rejected]
        + [d.row for d in result.duplicates]
        + [s.row for s in result.suppressed]
    )
    assert sorted(rows) == list(range(len(raws)))
    assert result.total == len(raws)
    assert len(result.valid) == len(result.valid_rows)
    assert all(s.e164 in suppressed for s in result.suppressed)
    assert not suppressed & set(result.valid)
    first_rows = dict(zip(result.valid_rows, result.valid, strict=True))
    assert all(first_rows[d.first_row] == d.e164 and d.first_row < d.row for d in result.duplicates)


@PROPS
@given(recipient_lists(), st.sampled_from(["", *REGIONS]))
def test_screen_recipients_valid_output_is_unique_e164_and_stable(
    raws: list[object], region: str
) -> None:
    result = screen_recipients(raws, region)

    assert len(set(result.valid)) == len(result.valid)
    assert all(E164.fullmatch(number) for number in result.valid)
    again = screen_recipients(result.valid, region)
    assert again.valid == result.valid
    assert (again.rejected_count, again.duplicate_count, again.suppressed_count) == (0, 0, 0)
    assert screen_recipients(result.valid).valid == result.valid  # E.164 needs no region


def _reference(text: str, region: str) -> tuple[str, int] | None:
    """check_phone's documented order, using nothing but phonenumbers.parse."""

    def judge(candidate: str, default: str | None) -> tuple[str, int] | None:
        try:
            number = phonenumbers.parse(candidate, default)
        except NumberParseException:
            return None
        if not phonenumbers.is_valid_number(number):
            return None
        return phonenumbers.format_number(number, PhoneNumberFormat.E164), phonenumbers.number_type(
            number
        )

    if text.startswith("+"):
        return judge(text, None)
    local = judge(text, region) if region else None
    return local or judge("+" + text, None)


@PROPS
@given(
    st.one_of(phone_texts(), st.text(alphabet="0123456789", min_size=1, max_size=18)),
    st.sampled_from(["", *REGIONS]),
    st.booleans(),
)
def test_check_phone_agrees_with_phonenumbers_parse(text: str, region: str, plus: bool) -> None:
    if plus and not text.startswith("+"):
        text = "+" + text
    normalized = normalize_cell(text)
    assert isinstance(normalized, str)

    result = check_phone(text, region)
    expected = _reference(normalized, region)

    if expected is None:
        assert result.e164 is None
        assert not result.valid
    else:
        assert result.e164 == expected[0]
        assert result.valid == (expected[1] in MOBILE_TYPES)
        assert result.type == _type_name(expected[1])


def _type_name(number_type: int) -> str:
    return str(PhoneNumberType.to_string(number_type)).lower()


def _every_example() -> list[tuple[int, str]]:
    """(country code, national number) of every example number phonenumbers has: each type
    of each region (countries sharing a code included) and each non-geographic entity."""
    found: set[tuple[int, str]] = set()
    examples = [
        phonenumbers.example_number_for_type(region, kind)
        for region in sorted(phonenumbers.SUPPORTED_REGIONS)
        for kind in PhoneNumberType.values()
        if kind != PhoneNumberType.UNKNOWN
    ] + [
        phonenumbers.example_number_for_non_geo_entity(code)
        for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS)
    ]
    for example in examples:
        if example is not None and example.country_code:
            found.add((example.country_code, phonenumbers.national_significant_number(example)))
    return sorted(found)


EVERY_EXAMPLE = _every_example()


def _phonenumbers_verdict(text: str) -> tuple[str | None, bool, str]:
    """(e164, valid, type) for ``+digits`` using nothing but phonenumbers' own functions."""
    try:
        number = phonenumbers.parse(text)
    except NumberParseException:
        return None, False, "unknown"
    number_type = phonenumbers.number_type(number)
    if number_type == PhoneNumberType.UNKNOWN:
        return None, False, "unknown"
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return e164, number_type in MOBILE_TYPES, _type_name(number_type)


def test_check_phone_types_every_example_number_as_phonenumbers_does() -> None:
    assert len(EVERY_EXAMPLE) > 500  # all regions and types, not a handful
    for country_code, national in EVERY_EXAMPLE:
        text = f"+{country_code}{national}"
        result = check_phone(text)

        assert (result.e164, result.valid, result.type) == _phonenumbers_verdict(text), text
        if result.e164 is not None and not result.valid:
            assert result.reason is RejectReason.NOT_MOBILE


@st.composite
def altered_examples(draw: st.DrawFn) -> str:
    """An example number of any region and type with a few digits changed, one dropped or
    one added, in E.164 form: valid numbers of every type and near misses."""
    country_code, national = draw(st.sampled_from(EVERY_EXAMPLE))
    digits = list(national)
    for _ in range(draw(st.integers(0, 2))):
        digits[draw(st.integers(0, len(digits) - 1))] = draw(st.sampled_from("0123456789"))
    cut = draw(st.sampled_from(["", "drop", "add"]))
    if cut == "drop" and len(digits) > 1:
        digits.pop(draw(st.integers(0, len(digits) - 1)))
    elif cut == "add":
        digits.insert(draw(st.integers(0, len(digits))), draw(st.sampled_from("0123456789")))
    return f"+{country_code}{''.join(digits)}"


@settings(derandomize=True, deadline=None, max_examples=1000)
@given(altered_examples())
def test_check_phone_e164_verdict_matches_phonenumbers(text: str) -> None:
    result = check_phone(text)

    assert (result.e164, result.valid, result.type) == _phonenumbers_verdict(text)


@PROPS
@given(st.lists(altered_examples(), max_size=30))
def test_screen_recipients_accepts_exactly_the_numbers_phonenumbers_calls_mobile(
    texts: list[str],
) -> None:
    result = screen_recipients(texts)

    expected = [e164 for e164, valid, _ in map(_phonenumbers_verdict, texts) if valid]
    assert result.valid == list(dict.fromkeys(expected))
