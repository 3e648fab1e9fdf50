from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from spreader_app.core import recipient_files
from spreader_app.core.errors import ValidationFailed
from spreader_app.core.phones import screen_recipients
from spreader_app.core.recipient_files import (
    load_recipients_file,
    parse_table,
    read_text_bytes,
    read_xlsx,
)
from spreader_app.core.recipient_table import Table, column_values, row_values
from spreader_app.core.recipients import guess_phone_column, parse_pasted

Sheet = tuple[str, list[list[object]]]


def make_xlsx(sheets: list[Sheet]) -> bytes:
    """A minimal workbook: numbers as numeric cells, everything else as inline strings."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    doc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{overrides}</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{rels}"><Relationship Id="rId1" '
            f'Type="{doc}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        entries = "".join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (name, _) in enumerate(sheets, start=1)
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{doc}"><sheets>{entries}</sheets></workbook>',
        )
        links = "".join(
            f'<Relationship Id="rId{i}" Type="{doc}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{rels}">{links}</Relationships>'
        )
        for i, (_, rows) in enumerate(sheets, start=1):
            xml_rows = "".join(
                f'<row r="{r}">{"".join(_cell(r, c, v) for c, v in enumerate(row))}</row>'
                for r, row in enumerate(rows, start=1)
            )
            archive.writestr(
                f"xl/worksheets/sheet{i}.xml",
                f'<worksheet xmlns="{main}"><sheetData>{xml_rows}</sheetData></worksheet>',
            )
    return buffer.getvalue()


def _cell(row: int, column: int, value: object) -> str:
    ref = f"{chr(ord('A') + column)}{row}"
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


CLIENTS: Sheet = (
    "Clients",
    [
        ["الاسم", "رقم الجوال", "المبلغ"],
        ["أحمد", 966501234567, 150.0],
        ["Sara", 201066183456, 99.5],
        ["Omar", "+966 55 123 4567", 0],
    ],
)


# --- decoding ------------------------------------------------------------------------------


def test_read_text_bytes_excel_unicode_text_is_utf16_tab_separated() -> None:
    original = "الاسم\tرقم الجوال\r\nأحمد\t+966501234567\r\nسارة\t0501234568\r\n"
    data = codecs.BOM_UTF16_LE + original.encode("utf-16-le")

    text, encoding = read_text_bytes(data)
    table = parse_table(text)

    assert encoding == "utf-16"
    assert text == original
    assert table.delimiter == "\t"
    assert table.headers == ["الاسم", "رقم الجوال"]
    assert guess_phone_column(table, "SA") == 1


def test_read_text_bytes_utf16_without_bom_is_recognised() -> None:
    text, encoding = read_text_bytes("phone\n+201066183456\n".encode("utf-16-le"))

    assert (text, encoding) == ("phone\n+201066183456\n", "utf-16-le")


def test_read_text_bytes_utf8_bom_is_removed() -> None:
    text, encoding = read_text_bytes("name,phone\n".encode("utf-8-sig"))

    assert (text, encoding) == ("name,phone\n", "utf-8-sig")


def test_read_text_bytes_plain_utf8() -> None:
    assert read_text_bytes("رقم\n+201066183456".encode()) == ("رقم\n+201066183456", "utf-8")


def test_read_text_bytes_windows_arabic_headers_use_cp1256() -> None:
    original = "الاسم;الجوال\nأحمد;0501234567\n"

    text, encoding = read_text_bytes(original.encode("cp1256"))

    assert (text, encoding) == (original, "cp1256")
    assert parse_table(text).headers == ["الاسم", "الجوال"]


def test_read_text_bytes_western_text_uses_cp1252() -> None:
    original = "Nom;Téléphone\nRené;+33612345678\n"

    assert read_text_bytes(original.encode("cp1252")) == (original, "cp1252")


def test_read_text_bytes_bytes_cp1252_cannot_decode_fall_back_to_cp1256() -> None:
    _, encoding = read_text_bytes(b"caf\xe9 \xe9t\xe9 \x81")

    assert encoding == "cp1256"


def test_read_text_bytes_empty_input() -> None:
    assert read_text_bytes(b"") == ("", "utf-8")


# --- tables --------------------------------------------------------------------------------


def test_parse_table_semicolon_delimiter_from_decimal_comma_locales() -> None:
    table = parse_table("name;amount;phone\nAli;1,5;+201066183456\nSara;2,75;+966501234567\n")

    assert table.delimiter == ";"
    assert table.has_header
    assert table.headers == ["name", "amount", "phone"]
    assert table.rows == [["Ali", "1,5", "+201066183456"], ["Sara", "2,75", "+966501234567"]]


def test_parse_table_plain_list_is_one_column_without_header() -> None:
    table = parse_table("+20 106 618 3456\n+966501234567\n\n0501234567\n")

    assert table.delimiter == ""
    assert not table.has_header
    assert table.headers == ["Column 1"]
    assert table.rows == [["+20 106 618 3456"], ["+966501234567"], ["0501234567"]]


def test_parse_table_plain_list_with_a_title_line_has_a_header() -> None:
    table = parse_table("Numbers\n+201066183456\n+966501234567\n")

    assert table.has_header
    assert table.headers == ["Numbers"]
    assert len(table.rows) == 2


def test_parse_table_first_row_with_a_number_is_data() -> None:
    table = parse_table("Ali,+201066183456\nSara,+966501234567\n")

    assert not table.has_header
    assert table.headers == ["Column 1", "Column 2"]
    assert table.rows[0] == ["Ali", "+201066183456"]


def test_parse_table_damaged_excel_number_in_first_row_is_still_data() -> None:
    assert not parse_table("2.01066E+11\n+966501234567\n").has_header


def test_parse_table_excel_quoting_keeps_delimiters_inside_quotes() -> None:
    table = parse_table('name,phone\n"Ali, Jr",+201066183456\n"Say ""hi""",+966501234567\n')

    assert table.rows == [["Ali, Jr", "+201066183456"], ['Say "hi"', "+966501234567"]]


def test_parse_table_pads_short_rows_and_names_every_column() -> None:
    table = parse_table("phone,,phone\n+201066183456\n+966501234567,x,y,z\n")

    assert table.headers == ["phone", "Column 2", "phone (2)", "Column 4"]
    assert table.rows[0] == ["+201066183456", "", "", ""]


def test_parse_table_empty_text_gives_an_empty_table() -> None:
    table = parse_table("\n \n", has_header=True)

    assert (table.headers, table.rows, table.has_header) == ([], [], False)


def test_parse_table_header_can_be_forced_either_way() -> None:
    assert parse_table("Numbers\n+201066183456\n", has_header=False).rows[0] == ["Numbers"]
    assert parse_table("Ali,+201066183456\n", has_header=True).headers == ["Ali", "+201066183456"]


# --- choosing the phone column -------------------------------------------------------------


def test_guess_phone_column_prefers_the_column_of_valid_numbers() -> None:
    table = parse_table(
        "id,name,phone,notes\n"
        "1,Ali,+201066183456,call +966501234567 later\n"
        "2,Sara,+201112345678,\n"
        "3,Omar,abc,\n"
        "4,Mona,+966551234567,+966501234567\n"
    )

    assert guess_phone_column(table) == 2


def test_guess_phone_column_arabic_header_word_breaks_a_tie() -> None:
    table = parse_table(
        "ملاحظات,رقم الجوال\n+201066183456,+966501234567\n+201112345678,+966551234567\n"
    )

    assert guess_phone_column(table) == 1


def test_guess_phone_column_tie_without_header_goes_to_the_leftmost() -> None:
    table = parse_table("+201066183456,+966501234567\n+201112345678,+966551234567\n")

    assert guess_phone_column(table) == 0


def test_guess_phone_column_needs_sixty_percent_valid() -> None:
    table = parse_table("phone\n+201066183456\nabc\n+966501234567\nxyz\n\n")

    assert guess_phone_column(table) is None


def test_guess_phone_column_local_numbers_need_the_region_or_a_phone_header() -> None:
    unnamed = parse_table("name;data\nAli;0501234567\nSara;0551234567\n")
    named = parse_table("name;mobile\nAli;0501234567\nSara;0551234567\n")

    assert guess_phone_column(unnamed) is None
    assert guess_phone_column(unnamed, "SA") == 1
    assert guess_phone_column(named) == 1


@pytest.mark.parametrize("header", ["Phone", "Mobile", "WhatsApp", "الجوال", "رقم الهاتف"])
def test_guess_phone_column_knows_phone_headers_before_a_region_is_set(header: str) -> None:
    table = parse_table(f"الاسم,{header},المبلغ\nأحمد,0501234567,150\nسارة,0551234567,90\n")

    assert guess_phone_column(table) == 1


def test_guess_phone_column_ignores_a_phone_header_over_words() -> None:
    table = parse_table("name,phone\nAli,ask his brother\nSara,none\n")

    assert guess_phone_column(table) is None


def test_column_and_row_values_give_numbers_and_personalisation_fields() -> None:
    table = read_xlsx(make_xlsx([CLIENTS]))

    assert column_values(table, 1) == [966501234567.0, 201066183456.0, "+966 55 123 4567"]
    assert row_values(table, 0, skip=1) == {"الاسم": "أحمد", "المبلغ": "150"}
    assert row_values(table, 1) == {"الاسم": "Sara", "رقم الجوال": "201066183456", "المبلغ": "99.5"}


def test_column_values_out_of_range_is_a_clear_error() -> None:
    table = parse_table("a,b\n1,2\n")

    with pytest.raises(ValidationFailed, match="Column 5 does not exist: the table has 2"):
        column_values(table, 5)
    with pytest.raises(ValidationFailed, match="Row 3 does not exist"):
        row_values(table, 3)


# --- spreadsheets --------------------------------------------------------------------------


def test_read_xlsx_numeric_phone_cells_screen_to_the_right_numbers() -> None:
    table = read_xlsx(make_xlsx([CLIENTS]))

    column = guess_phone_column(table)
    assert table.has_header
    assert column == 1
    screening = screen_recipients(column_values(table, column))
    assert screening.valid == ["+966501234567", "+201066183456", "+966551234567"]


def test_read_xlsx_reads_the_first_sheet_and_names_the_others() -> None:
    table = read_xlsx(make_xlsx([CLIENTS, ("Archive", [["phone"], ["+201066183456"]])]))

    assert table.sheet == "Clients"
    assert table.sheets == ["Clients", "Archive"]
    assert table.encoding == "" and table.delimiter == ""
    assert any("Archive" in str(warning) for warning in table.warnings)


def test_read_xlsx_another_sheet_by_name() -> None:
    table = read_xlsx(
        make_xlsx([CLIENTS, ("Archive", [["phone"], ["+201066183456"]])]), sheet="Archive"
    )

    assert table.headers == ["phone"]
    assert table.rows == [["+201066183456"]]


def test_read_xlsx_unknown_sheet_is_a_clear_error() -> None:
    with pytest.raises(ValidationFailed, match="no sheet 'Missing'; its sheets are: Clients"):
        read_xlsx(make_xlsx([CLIENTS]), sheet="Missing")


def test_read_xlsx_damaged_file_is_a_clear_error() -> None:
    with pytest.raises(ValidationFailed, match="export it as CSV"):
        read_xlsx(make_xlsx([CLIENTS])[:300])


# --- files ---------------------------------------------------------------------------------


def test_load_recipients_file_reads_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "clients.xlsx"
    path.write_bytes(make_xlsx([CLIENTS]))

    table = load_recipients_file(path)

    assert table.headers == ["الاسم", "رقم الجوال", "المبلغ"]
    assert len(table.rows) == 3


def test_load_recipients_file_detects_the_encoding_of_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_bytes("الاسم;الجوال\nأحمد;0501234567\n".encode("cp1256"))

    table = load_recipients_file(path)

    assert (table.encoding, table.delimiter) == ("cp1256", ";")
    assert table.rows == [["أحمد", "0501234567"]]


def test_load_recipients_file_uses_the_encoding_the_user_picked(tmp_path: Path) -> None:
    path = tmp_path / "clients.txt"
    path.write_bytes("Nom;Téléphone\nRené;+33612345678\n".encode("cp1252"))

    table = load_recipients_file(path, encoding="cp1256")

    assert table.encoding == "cp1256"
    with pytest.raises(ValidationFailed, match="Unknown text encoding 'klingon'"):
        load_recipients_file(path, encoding="klingon")


def test_load_recipients_file_tsv_is_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "clients.tsv"
    path.write_text("name\tphone\nAli, Jr\t+201066183456\n", encoding="utf-8")

    assert load_recipients_file(path).rows == [["Ali, Jr", "+201066183456"]]


def test_load_recipients_file_refuses_other_formats(tmp_path: Path) -> None:
    path = tmp_path / "clients.pdf"
    path.write_bytes(b"%PDF-1.7")

    with pytest.raises(ValidationFailed, match=r"\.pdf is not a recipient list format.*\.xlsx"):
        load_recipients_file(path)


@pytest.mark.parametrize("content", [b"", b"  \r\n\n"])
def test_load_recipients_file_refuses_empty_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "clients.csv"
    path.write_bytes(content)

    with pytest.raises(ValidationFailed, match="clients.csv is empty"):
        load_recipients_file(path)


def test_load_recipients_file_refuses_a_header_without_rows(tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text("name,phone\n", encoding="utf-8")

    with pytest.raises(
        ValidationFailed, match=r"no recipients below its header row \(name, phone\)"
    ):
        load_recipients_file(path)


def test_load_recipients_file_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed, match="Could not open"):
        load_recipients_file(tmp_path / "gone.csv")


def test_load_recipients_file_warns_about_very_large_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recipient_files, "LARGE_TABLE_ROWS", 3)
    path = tmp_path / "clients.txt"
    path.write_text("\n".join(f"+2010661834{i:02d}" for i in range(4)), encoding="utf-8")

    table = load_recipients_file(path)

    assert len(table.rows) == 4
    assert any("4 rows" in str(w) and "splitting" in str(w) for w in table.warnings)


def test_table_defaults_carry_no_warnings() -> None:
    assert Table(headers=["a"], rows=[]).warnings == []


# --- pasted numbers ------------------------------------------------------------------------


def test_parse_pasted_keeps_a_number_written_in_groups_whole() -> None:
    assert parse_pasted("+20 106 618 3456") == ["+20 106 618 3456"]
    assert parse_pasted("050 123 4567\n") == ["050 123 4567"]


def test_parse_pasted_splits_on_lines_commas_semicolons_and_tabs() -> None:
    text = "+201066183456\r\n+966501234567, 0501234567;0551234567\t+201112345678،+201212345678"

    assert parse_pasted(text) == [
        "+201066183456",
        "+966501234567",
        "0501234567",
        "0551234567",
        "+201112345678",
        "+201212345678",
    ]


def test_parse_pasted_splits_whole_numbers_separated_by_spaces() -> None:
    assert parse_pasted("01066183456 01112345678") == ["01066183456", "01112345678"]
    assert parse_pasted("+20 106 618 3456 +966 50 123 4567") == [
        "+20 106 618 3456",
        "+966 50 123 4567",
    ]


def test_parse_pasted_drops_blanks_but_keeps_junk_for_screening() -> None:
    assert parse_pasted("\n\n Ahmed ,, ;\n+201066183456\n") == ["Ahmed", "+201066183456"]
