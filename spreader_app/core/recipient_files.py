"""Reading recipient files: text (encoding and delimiter guessed) and spreadsheets.

Everything here is blocking and CPU-bound: run it off the event loop (CAMPAIGNS.md §1). The
sentences keep the translation context ``Recipients`` (they were written in
``recipients.py``), so the catalogues' entries still match.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import python_calamine

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.recipient_table import Table, build_table
from spreader_app.core.text import Text

TEXT_EXTENSIONS = frozenset({".csv", ".txt", ".tsv"})
SPREADSHEET_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
LARGE_TABLE_ROWS = 100_000
_SNIFF_CHARS = 64 * 1024
_DELIMITERS = ",;\t|"

_BOMS = (
    # UTF-32 LE starts with the UTF-16 LE mark, so it is tested first.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file, returning ``(text, encoding)``.

    A byte-order mark decides (``utf-8-sig``, ``utf-16`` as in Excel's "Unicode Text",
    ``utf-32``); NUL bytes without a mark mean UTF-16 (``utf-16-le``/``utf-16-be``); then
    strict ``utf-8``; then ``cp1256`` (Windows Arabic) when most non-ASCII characters decode to
    Arabic letters, else ``cp1252`` (``cp1256`` again if ``cp1252`` cannot decode the bytes).
    Undecodable bytes in a declared encoding become U+FFFD, so a damaged cell is rejected
    visibly later instead of the whole file failing. Never raises.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:4096]:
        head = data[:4096]
        encoding = "utf-16-le" if head[1::2].count(0) >= head[0::2].count(0) else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    arabic = data.decode("cp1256", errors="replace")
    non_ascii = [ch for ch in arabic if not ch.isascii()]
    if sum(map(_is_arabic, non_ascii)) * 2 > len(non_ascii):
        return arabic, "cp1256"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined are Persian letters in cp1256.
        return arabic, "cp1256"


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"


def parse_table(
    text: str, *, delimiter: str | None = None, has_header: bool | None = None
) -> Table:
    """Split decoded text into a :class:`Table`.

    The delimiter is ``delimiter`` when given, else sniffed among ``, ; TAB |`` (Excel writes
    ``;`` in decimal-comma locales), else the one present on most lines when rows are ragged;
    when none is found each line is one cell (a plain list). Quoting follows Excel (``"``
    doubled inside quotes). Row 1 is a header when none of its cells looks like a number,
    unless ``has_header`` says otherwise. Blank rows are skipped; empty text gives no rows.
    """
    text = text.removeprefix("\ufeff")
    if delimiter is None:
        delimiter = _sniff_delimiter(text)
    if delimiter:
        reader = csv.reader(
            io.StringIO(text, newline=""),
            delimiter=delimiter,
            quotechar='"',
            doublequote=True,
            skipinitialspace=True,
        )
        raw_rows: list[list[object]] = [[cell.strip() for cell in row] for row in reader]
    else:
        raw_rows = [[line.strip()] for line in text.splitlines()]
    table = build_table(raw_rows, has_header)
    table.delimiter = delimiter
    return table


def _sniff_delimiter(text: str) -> str:
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # a cut line would break the column count
    try:
        return csv.Sniffer().sniff(sample, _DELIMITERS).delimiter
    except csv.Error:
        pass
    # The sniffer wants the same column count on every line; spreadsheets often drop trailing
    # empty cells. Then take the delimiter found on most lines, if on more than half of them.
    lines = [line for line in sample.splitlines() if line.strip()]
    counts = {d: sum(d in line for line in lines) for d in _DELIMITERS}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] * 2 > len(lines) else ""


def read_xlsx(
    source: str | Path | bytes, *, sheet: int | str = 0, has_header: bool | None = None
) -> Table:
    """Read one sheet of a workbook (xlsx, xlsm, xlsb, xls or ods) with python-calamine.

    ``sheet`` is an index or a name; the first sheet by default. Numbers arrive as floats and
    stay so in ``Table.rows`` (:func:`~spreader_app.core.phones.normalize_cell` knows what a
    float phone cell means). Raises :class:`ValidationFailed` when the workbook cannot be read.
    """
    name: str | Text = (
        Path(source).name
        if isinstance(source, str | Path)
        else Text("Recipients", QT_TRANSLATE_NOOP("Recipients", "the workbook"))
    )
    try:
        workbook = python_calamine.CalamineWorkbook.from_object(
            io.BytesIO(source) if isinstance(source, bytes) else str(source)
        )
        with workbook:
            sheets = list(workbook.sheet_names)
            try:
                if isinstance(sheet, str):
                    selected = workbook.get_sheet_by_name(sheet)
                else:
                    selected = workbook.get_sheet_by_index(sheet)
            except python_calamine.WorksheetNotFound as exc:
                raise ValidationFailed(
                    Text(
                        "Recipients",
                        QT_TRANSLATE_NOOP(
                            "Recipients", "{name} has no sheet {sheet}; its sheets are: {sheets}."
                        ),
                        name=name,
                        sheet=repr(sheet),
                        sheets=", ".join(sheets),
                    )
                ) from exc
            values = selected.to_python(skip_empty_area=True)
    except python_calamine.PasswordError as exc:
        raise ValidationFailed(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients",
                    "{name} is password-protected: remove the password in Excel or export it"
                    " as CSV.",
                ),
                name=name,
            )
        ) from exc
    except (python_calamine.CalamineError, OSError) as exc:
        raise ValidationFailed(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients",
                    "Could not read {name} as a spreadsheet ({error}). Open it in Excel or"
                    " LibreOffice and save it again, or export it as CSV.",
                ),
                name=name,
                error=str(exc),
            )
        ) from exc
    table = build_table([list(row) for row in values], has_header)
    table.sheet = selected.name
    table.sheets = sheets
    if len(sheets) > 1:
        others = ", ".join(s for s in sheets if s != selected.name)
        table.warnings.append(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients", "Only the sheet {sheet} was read; also present: {others}."
                ),
                sheet=repr(selected.name),
                others=others,
            )
        )
    return table


def load_recipients_file(
    path: Path, *, encoding: str | None = None, has_header: bool | None = None
) -> Table:
    """Read a recipient file, choosing the reader by extension.

    Text (.csv .txt .tsv) is decoded by :func:`read_text_bytes`, or with ``encoding`` when the
    user picked one (undecodable bytes become U+FFFD); .tsv is always tab-separated.
    Spreadsheets (.xlsx .xlsm .xlsb .xls .ods) go through :func:`read_xlsx`. A warning is added
    above :data:`LARGE_TABLE_ROWS` rows. Raises :class:`ValidationFailed` for an unreadable,
    empty or unsupported file, or an unknown ``encoding``.
    """
    suffix = path.suffix.lower()
    if suffix not in TEXT_EXTENSIONS | SPREADSHEET_EXTENSIONS:
        supported = " ".join(sorted(TEXT_EXTENSIONS | SPREADSHEET_EXTENSIONS))
        raise ValidationFailed(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients",
                    "Cannot read {name}: {suffix} is not a recipient list format."
                    " Use one of: {supported}.",
                ),
                name=path.name,
                suffix=suffix
                or Text(
                    "Recipients", QT_TRANSLATE_NOOP("Recipients", "files without an extension")
                ),
                supported=supported,
            )
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationFailed(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP("Recipients", "Could not open {path}: {error}."),
                path=str(path),
                error=exc.strerror or str(exc),
            )
        ) from exc
    if not data.strip():
        raise ValidationFailed(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients",
                    "{name} is empty: choose a file with one phone number per line,"
                    " or a table with a phone column.",
                ),
                name=path.name,
            )
        )
    if suffix in SPREADSHEET_EXTENSIONS:
        table = read_xlsx(data, has_header=has_header)
    else:
        text, used = _decode(data, encoding, path.name)
        table = parse_table(
            text, delimiter="\t" if suffix == ".tsv" else None, has_header=has_header
        )
        table.encoding = used
    if not table.rows:
        raise ValidationFailed(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients",
                    "{name} holds no recipients below its header row ({headers}):"
                    " add one phone number per row.",
                ),
                name=path.name,
                headers=", ".join(table.headers),
            )
            if table.has_header
            else Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients", "{name} holds no recipients: add one phone number per row."
                ),
                name=path.name,
            )
        )
    if len(table.rows) > LARGE_TABLE_ROWS:
        table.warnings.append(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients",
                    "{rows} rows: lists above {limit} are slow to import and take days to send"
                    " within the hourly limits. Consider splitting the list.",
                ),
                rows=f"{len(table.rows):,}",
                limit=f"{LARGE_TABLE_ROWS:,}",
            )
        )
    return table


def _decode(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    if encoding is None:
        return read_text_bytes(data)
    try:
        return data.decode(encoding, errors="replace"), encoding
    except LookupError as exc:
        raise ValidationFailed(
            Text(
                "Recipients",
                QT_TRANSLATE_NOOP(
                    "Recipients",
                    "Unknown text encoding {encoding} for {name}: pick one such as {utf8} or"
                    " {arabic}.",
                ),
                encoding=repr(encoding),
                name=name,
                utf8="utf-8",
                arabic="cp1256",
            )
        ) from exc
