from __future__ import annotations

import time
from datetime import date

import pytest

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.phones import (
    DuplicateRow,
    RejectedRow,
    RejectReason,
    SuppressedRow,
    check_phone,
    digits,
    display,
    normalize_cell,
    screen_recipients,
)

# --- the three Excel traps measured in CAMPAIGNS.md §1 -----------------------------------


@pytest.mark.parametrize("cell", ["2.01066E+11", "2,01066E+11", "2.01066e11", " 2.01066E+11 "])
def test_check_phone_rejects_excel_scientific_notation_instead_of_repairing_it(cell: str) -> None:
    result = check_phone(cell, "EG")

    assert not result.valid
    assert result.e164 is None
    assert result.reason is RejectReason.SCIENTIFIC_NOTATION
    assert "Format the column as Text in Excel and export again" in result.message
    # The naive repair would have produced a valid stranger's number.
    assert check_phone("+201066000000").valid


def test_check_phone_float_cell_keeps_the_real_number() -> None:
    result = check_phone(966501234567.0)

    assert result.valid
    assert result.e164 == "+966501234567"
    assert result.input == "966501234567.0"
    # str() of the float would have given the invalid +9665012345670.
    assert not check_phone("+9665012345670").valid


@pytest.mark.parametrize("cell", ["966501234567.0", "+966501234567.0", "966501234567,0"])
def test_check_phone_strips_a_stringified_float_tail(cell: str) -> None:
    assert check_phone(cell).e164 == "+966501234567"


def test_check_phone_double_zero_prefix_is_international_even_with_us_region() -> None:
    result = check_phone("00966501234567", "US")

    assert result.valid
    assert result.e164 == "+966501234567"  # not +100966501234567


@pytest.mark.parametrize("cell", [12.5, 201066183456.5, float("nan"), float("inf"), -5.0])
def test_check_phone_non_whole_float_is_not_a_number(cell: float) -> None:
    assert check_phone(cell, "EG").reason is RejectReason.NOT_A_NUMBER


# --- cell normalisation --------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "٠١٠٦٦١٨٣٤٥٦",  # Arabic-Indic digits
        "۰۱۰۶۶۱۸۳۴۵۶",  # Persian (extended Arabic-Indic) digits
        "٠١٠ ٦٦١٨ ٣٤٥٦",
    ],
)
def test_check_phone_reads_arabic_indic_and_persian_digits(cell: str) -> None:
    assert check_phone(cell, "EG").e164 == "+201066183456"


@pytest.mark.parametrize(
    "cell",
    [
        "\u202b+966 50 123 4567\u202c",  # right-to-left embedding from an Arabic document
        "\u200f+966 50 123 4567",  # right-to-left mark
        "\u2066+966 50 123 4567\u2069",  # our own display isolates, pasted back
        "\ufeff+966501234567",  # byte-order mark left in the first cell
        "+966\u200b50\u200c123\u200d4567",  # zero-width characters
        "+966\u00a050\u00a0123\u00a04567",  # no-break spaces
        "+966\u202f50\u202f123\u202f4567",  # narrow no-break spaces
        "+966-50-123-4567",
        "+966 (50) 123.4567",
        "+966/50/123/4567",
        "＋９６６５０１２３４５６７",  # full-width forms (NFKC)
    ],
)
def test_normalize_cell_removes_invisible_marks_spaces_and_separators(cell: str) -> None:
    assert normalize_cell(cell) == "+966501234567"


@pytest.mark.parametrize("cell", [None, "", "   ", "\u00a0", "-", "()", "\u200f"])
def test_normalize_cell_reports_blank_cells_as_empty(cell: object) -> None:
    assert normalize_cell(cell) is RejectReason.EMPTY


@pytest.mark.parametrize(
    "cell", ["call me", "+20 106 abc", "1-800-FLOWERS", "+", "00", "+20+106", True, date.today()]
)
def test_normalize_cell_rejects_text_that_is_not_digits(cell: object) -> None:
    assert normalize_cell(cell) is RejectReason.NOT_A_NUMBER


def test_normalize_cell_accepts_integer_cells() -> None:
    assert normalize_cell(201066183456) == "201066183456"
    assert normalize_cell(0) is RejectReason.NOT_A_NUMBER


# --- interpretation order ------------------------------------------------------------------


def test_check_phone_local_number_is_read_in_the_default_region() -> None:
    result = check_phone("01066183456", "EG")

    assert result.valid
    assert result.e164 == "+201066183456"
    assert result.type == "mobile"


@pytest.mark.parametrize("region", ["", "US", "EG", "SA"])
def test_check_phone_accepts_bare_international_digits_as_apis_send_them(region: str) -> None:
    assert check_phone("201066183456", region).e164 == "+201066183456"


def test_check_phone_prefers_the_local_reading_when_both_are_valid() -> None:
    # 508345678 is a Saudi mobile without its trunk 0, and also a valid +508 number.
    assert check_phone("508345678", "SA").e164 == "+966508345678"
    assert check_phone("508345678").e164 == "+508345678"


def test_check_phone_without_region_asks_for_a_country_code() -> None:
    result = check_phone("01066183456")

    assert not result.valid
    assert result.reason is RejectReason.MISSING_COUNTRY_CODE
    assert "default region" in result.message
    assert "+" in result.message


def test_check_phone_region_is_case_insensitive() -> None:
    assert check_phone("01066183456", "eg").e164 == "+201066183456"


def test_check_phone_unknown_region_is_a_clear_error() -> None:
    with pytest.raises(ValidationFailed, match="two-letter country code"):
        check_phone("01066183456", "XX")


# --- number types and reasons --------------------------------------------------------------


def test_check_phone_rejects_landlines_as_not_mobile() -> None:
    result = check_phone("+20 2 27941234")

    assert not result.valid
    assert result.reason is RejectReason.NOT_MOBILE
    assert result.e164 == "+20227941234"
    assert result.type == "fixed_line"
    assert "mobile" in result.message


def test_check_phone_accepts_fixed_line_or_mobile_numbers() -> None:
    result = check_phone("+1 415 555 2671")

    assert result.valid
    assert result.type == "fixed_line_or_mobile"


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("+2010661", RejectReason.TOO_SHORT),
        ("+20106618345678", RejectReason.TOO_LONG),
        ("+9665012345670", RejectReason.INVALID_NUMBER),
        ("+999123456789", RejectReason.INVALID_COUNTRY_CODE),
        ("+2010661834", RejectReason.INVALID_NUMBER),
        ("+1", RejectReason.TOO_SHORT),
        ("+12", RejectReason.TOO_SHORT),
        ("5", RejectReason.MISSING_COUNTRY_CODE),
    ],
)
def test_check_phone_names_the_problem(cell: str, reason: RejectReason) -> None:
    result = check_phone(cell)

    assert result.reason is reason
    assert result.message == reason.message


def test_reject_reason_every_code_has_its_own_message() -> None:
    messages = [reason.message for reason in RejectReason]

    assert all(message.endswith(".") for message in messages)
    assert len(set(messages)) == len(messages)


# --- screening -----------------------------------------------------------------------------


def test_screen_recipients_puts_every_row_in_exactly_one_bucket() -> None:
    rows: list[object] = [
        "+20 106 618 3456",  # 0 valid
        "abc",  # 1 rejected
        "01066183456",  # 2 duplicate of row 0, written locally
        "+966 50 123 4567",  # 3 suppressed
        None,  # 4 rejected: empty
        966501234567.0,  # 5 suppressed again (never a duplicate)
        "2.01066E+11",  # 6 rejected: scientific notation
        "+201112345678",  # 7 valid
        "00201066183456",  # 8 duplicate of row 0
    ]

    result = screen_recipients(rows, "EG", suppressed={"+966501234567"})

    assert result.valid == ["+201066183456", "+201112345678"]
    assert result.valid_rows == [0, 7]
    assert result.rejected == [
        RejectedRow(1, "abc", RejectReason.NOT_A_NUMBER, RejectReason.NOT_A_NUMBER.message),
        RejectedRow(4, "", RejectReason.EMPTY, RejectReason.EMPTY.message),
        RejectedRow(
            6,
            "2.01066E+11",
            RejectReason.SCIENTIFIC_NOTATION,
            RejectReason.SCIENTIFIC_NOTATION.message,
        ),
    ]
    assert result.duplicates == [
        DuplicateRow(2, "01066183456", "+201066183456", 0),
        DuplicateRow(8, "00201066183456", "+201066183456", 0),
    ]
    assert result.suppressed == [
        SuppressedRow(3, "+966 50 123 4567", "+966501234567"),
        SuppressedRow(5, "966501234567.0", "+966501234567"),
    ]
    assert (result.valid_count, result.rejected_count) == (2, 3)
    assert (result.duplicate_count, result.suppressed_count) == (2, 2)
    assert result.total == len(rows)


def test_screen_recipients_rejects_landlines_with_their_reason() -> None:
    result = screen_recipients(["+20 2 27941234"])

    assert result.rejected[0].reason is RejectReason.NOT_MOBILE


def test_screen_recipients_accepts_any_iterable_once() -> None:
    result = screen_recipients(iter(["+201066183456", "+201066183456"]))

    assert (result.valid_count, result.duplicate_count) == (1, 1)


def test_screen_recipients_unknown_region_is_a_clear_error() -> None:
    with pytest.raises(ValidationFailed, match="Unknown phone region"):
        screen_recipients(["+201066183456"], "Egypt")


def test_screen_recipients_stays_linear_on_large_lists() -> None:
    # A guard against quadratic de-duplication, not a benchmark: 20,000 distinct numbers
    # take about 0.3 s of CPU on a slow machine.
    numbers = [f"+2010{i:08d}" for i in range(0, 20_000 * 4999, 4999)]

    started = time.process_time()
    result = screen_recipients(numbers)
    elapsed = time.process_time() - started

    assert result.valid_count == 20_000
    assert elapsed < 5.0


# --- wire and screen forms -----------------------------------------------------------------


def test_digits_drops_the_plus_for_the_gateway() -> None:
    assert digits("+201066183456") == "201066183456"


@pytest.mark.parametrize("value", ["201066183456", "+20 106", "", "+"])
def test_digits_rejects_anything_but_e164(value: str) -> None:
    with pytest.raises(ValueError, match="E.164"):
        digits(value)


def test_display_isolates_the_number_for_right_to_left_layouts() -> None:
    assert display("+966501234567") == "\u2066+966 50 123 4567\u2069"


def test_display_wraps_unparseable_text_unchanged() -> None:
    assert display("unknown") == "\u2066unknown\u2069"


@pytest.mark.parametrize("cell", [201066000000.0, 201066000000, 966500000000.0])
def test_screening_rejects_number_cells_excel_cut_to_zeros(cell: float) -> None:
    s = screen_recipients([cell, 201066183456.0], "EG")

    assert s.valid == ["+201066183456"]
    assert [(r.row, r.reason) for r in s.rejected] == [(0, RejectReason.EXCEL_ROUNDED)]
    assert "Format the column as Text" in s.rejected[0].message


def test_screening_takes_the_first_mobile_of_a_google_contacts_cell() -> None:
    landline_first = "+20 2 2345 6789 ::: +20 106 618 3456 ::: +20 111 234 5678"

    s = screen_recipients([landline_first, "0106 618 3456"], "EG")

    assert s.valid == ["+201066183456"]
    assert [(p.row, p.chosen) for p in s.picked] == [(0, "+201066183456")]
    assert [(d.row, d.first_row) for d in s.duplicates] == [(1, 0)]


def test_screening_rejects_a_google_contacts_cell_without_a_mobile() -> None:
    s = screen_recipients(["+20 2 2345 6789 ::: +20 3 4567 890"], "EG")

    assert s.valid == [] and s.picked == []
    assert s.rejected[0].reason is RejectReason.NOT_MOBILE
