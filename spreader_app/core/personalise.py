"""Personal texts for a campaign: recipients with their variables, rendered and checked.

The Open Chat body's ``recipients`` may mix plain numbers and objects ``{"phone": ...,
"variables": {...}}``; :func:`read_recipients` turns them into numbers, the column names as
first written, and one row of values per recipient. :func:`personalise` renders the text of
every valid recipient (``core.template``) and sorts out who cannot be sent: a variable left
empty without a fallback, or a text over WhatsApp's limit once filled.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spreader_app.core.fields import FieldReader
from spreader_app.core.phones import Screening
from spreader_app.core.template import Renderer, Template, column_key

MAX_VARIABLES = 50
MAX_VALUE = 4096
MAX_SAMPLES = 5


class OnMissing(enum.StrEnum):
    """What to do with a recipient whose variable is empty and has no fallback."""

    REFUSE = "refuse"  # refuse the whole request, naming the rows (the default)
    SKIP = "skip"  # send to the others; those end ``skipped``


@dataclass(slots=True)
class RecipientList:
    """Numbers as given, the variables' column names (as first written), a row per number."""

    numbers: list[object]
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] | None = None

    def row(self, index: int) -> list[str]:
        return self.rows[index] if self.rows is not None else []


def read_recipients(r: FieldReader, values: Sequence[object]) -> RecipientList:
    """Reads ``recipients`` items: a number (string or whole number), or an object with
    ``phone`` and optional ``variables`` (names to text; numbers become text, ``null`` empty).
    Problems are collected on ``r``, the first bad item only, so one typo is not 100,000 errors.

    Hot for big campaigns (100,000 objects): the usual shape is checked by exact types, and
    the full check runs only for an item that is not of it.
    """
    numbers: list[object] = []
    columns: list[str] = []
    keys: dict[str, int] = {}  # column_key → column
    names: dict[str, int] = {}  # a name as written → column (column_key once per spelling)
    rows: list[list[str]] | None = None
    for i, value in enumerate(values):
        cls = value.__class__
        if cls is str or cls is int:
            numbers.append(value)
            if rows is not None:
                rows.append([])
            continue
        phone = value.get("phone") if cls is dict else None  # type: ignore[attr-defined]
        variables = value.get("variables") if cls is dict else None  # type: ignore[attr-defined]
        if phone.__class__ is not str or variables.__class__ is not dict or len(value) != 2:  # type: ignore[arg-type]
            problem = _recipient_problem(value)
            if problem:
                r.error(f"recipients[{i}]", problem)
                break
            variables = variables or {}
        if rows is None:
            rows = [[] for _ in numbers]
        row: list[str] = []
        for name, cell in variables.items():
            at = names.get(name)
            if at is None:
                if not isinstance(name, str) or not 0 < len(name) <= 100 or name.isspace():
                    r.error(f"recipients[{i}].variables", "need names of 1 to 100 characters")
                    return RecipientList(numbers)
                key = column_key(name)
                at = keys.get(key)
                if at is None:
                    if len(columns) >= MAX_VARIABLES:
                        r.error(f"recipients[{i}].variables", f"more than {MAX_VARIABLES} names")
                        return RecipientList(numbers)
                    at = keys[key] = len(columns)
                    columns.append(name)
                names[name] = at
            if cell.__class__ is not str or len(cell) > MAX_VALUE:
                text = _cell_text(cell)
                if text is None:
                    r.error(
                        f"recipients[{i}].variables.{name}",
                        f"must be a text of at most {MAX_VALUE:,} characters",
                    )
                    return RecipientList(numbers)
                cell = text
            if len(row) <= at:
                row.extend([""] * (at + 1 - len(row)))
            row[at] = cell
        numbers.append(phone)
        rows.append(row)
    return RecipientList(numbers, columns, rows)


def _cell_text(cell: object) -> str | None:
    """A variable's value as text; ``None`` when it cannot be one."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell if len(cell) <= MAX_VALUE else None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return str(cell)
    return None


def _recipient_problem(value: object) -> str:
    if not isinstance(value, Mapping):
        return "must be a phone number or an object {phone, variables}"
    unknown = sorted(map(str, set(value) - {"phone", "variables"}))
    if unknown:
        return f"has unknown field {unknown[0]!r}; expected phone and variables"
    phone = value.get("phone")
    if not isinstance(phone, str | int) or isinstance(phone, bool):
        return "needs phone, the number as a string"
    if not isinstance(value.get("variables") or {}, Mapping):
        return "variables must be an object of names to texts"
    return ""


@dataclass(frozen=True, slots=True)
class Problem:
    """A recipient that cannot be sent: ``row`` is its 0-based input position."""

    row: int
    recipient: str
    reason: str  # "missing_variable" or "too_long"
    message: str
    names: tuple[str, ...] = ()  # the empty variables


@dataclass(frozen=True, slots=True)
class Sample:
    """A rendered recipient for the preview: ``kind`` says why it was picked."""

    kind: str  # "first", "longest", "missing" or "too_long"
    row: int
    recipient: str
    text: str
    missing: tuple[str, ...] = ()


@dataclass(slots=True)
class Personalised:
    """Each valid recipient's text (empty when everyone gets the text itself), problems."""

    template: Template
    texts: dict[str, str] = field(default_factory=dict)
    missing: list[Problem] = field(default_factory=list)
    too_long: list[Problem] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)

    @property
    def excluded(self) -> set[str]:
        return {p.recipient for p in self.missing} | {p.recipient for p in self.too_long}


def personalise(
    renderer: Renderer, recipients: RecipientList, screening: Screening, limit: int
) -> Personalised:
    """Renders the text of every valid recipient of ``screening``.

    A recipient with an empty variable and no fallback lands in ``missing``; one whose text is
    over ``limit`` characters in ``too_long``. Samples: the first recipient, the longest text,
    and the first few with a problem. CPU-bound (about 2 µs a recipient): off the event loop.
    """
    template = renderer.template
    out = Personalised(template)
    if template.plain:
        if screening.valid and len(template.text) > limit:
            out.too_long = [
                _too_long(row, phone, len(template.text), limit)
                for phone, row in zip(screening.valid, screening.valid_rows, strict=True)
            ]
        if screening.valid:
            out.samples.append(
                Sample("first", screening.valid_rows[0], screening.valid[0], template.text)
            )
        return out
    texts, longest, render = out.texts, -1, renderer.render
    longest_at = 0
    rows = (
        recipients.rows if recipients.rows is not None else [[]] * (max(screening.valid_rows) + 1)
    )
    for n, (phone, row) in enumerate(zip(screening.valid, screening.valid_rows, strict=True)):
        text, missing = render(rows[row], phone)
        if missing:
            empty = tuple(dict.fromkeys(missing))
            names = ", ".join("{{" + m + "}}" for m in empty)
            out.missing.append(
                Problem(row, phone, "missing_variable", f"Empty {names} and no fallback.", empty)
            )
            if len(out.samples) < MAX_SAMPLES:
                out.samples.append(Sample("missing", row, phone, text, tuple(missing)))
            continue
        if len(text) > limit:
            out.too_long.append(_too_long(row, phone, len(text), limit))
            continue
        texts[phone] = text
        if len(text) > longest:
            longest, longest_at = len(text), n
    if texts:
        first = next(iter(texts))
        first_row = screening.valid_rows[screening.valid.index(first)]
        out.samples.insert(0, Sample("first", first_row, first, texts[first]))
        phone, row = screening.valid[longest_at], screening.valid_rows[longest_at]
        if phone != first:
            out.samples.insert(1, Sample("longest", row, phone, texts[phone]))
    for problem in out.too_long[: MAX_SAMPLES - len(out.samples) + 1]:
        text, _ = render(recipients.row(problem.row), problem.recipient)
        out.samples.append(Sample("too_long", problem.row, problem.recipient, text))
    return out


def _too_long(row: int, phone: str, length: int, limit: int) -> Problem:
    return Problem(
        row,
        phone,
        "too_long",
        f"The text for this recipient is {length:,} characters; WhatsApp takes {limit:,}.",
    )
