"""Message templates: ``{{column}}`` / ``{{column | fallback}}`` and ``{a|b|c}`` spintax.

A text is parsed once into a small tree (:func:`parse`): literal pieces, variables and
choices. :class:`Renderer` binds the variables to the columns of a recipient list once and
then renders each recipient by concatenating literal pieces and that recipient's values:
a value is inserted as text and never parsed again, and nothing in a template is ever
executed (no ``str.format``, no ``eval``, no template engine).

Which variant of the spintax a recipient gets is decided by a stable hash of the text and
the recipient (BLAKE2b, not Python's per-process ``hash()``): the preview, the record and a
resend of the same text to the same person all show the same variant. Every variant is
reachable: the hash picks an index in ``range(template.variants)`` and the index is decoded
through the tree in mixed radix, one variant per index. Nothing invisible is ever added.

Syntax rules, in order: ``{{name}}`` or ``{{name | fallback}}`` (the name without ``{ } |``,
the fallback without ``{ }``) is a variable; any other ``{`` opens a group whose options
are separated by ``|`` at its own level, nested at most :data:`MAX_DEPTH` levels; a group
with a single option, a ``{`` that is never closed and a ``}`` or ``|`` outside any group
are plain text, so prices such as ``{50% off}`` survive unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from hashlib import blake2b

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Param, Text


def _said(template: str, **params: Param) -> Text:
    return Text("Template", template, **params)


# not translated: the template syntax itself, shown as written
_EMPTY, _NAME, _GROUP = "{{ }}", "{{name}}", "{…|…}"

__all__ = [
    "MAX_DEPTH",
    "Choice",
    "Renderer",
    "Template",
    "Var",
    "column_key",
    "parse",
]

MAX_DEPTH = 3
_VAR = re.compile(r"\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}")
_SPACES = re.compile(r"\s+")
_BRACES = re.compile(r"[{}]")
# Braces nested deeper than this are refused outright (the tree is built recursively).
_MAX_BRACES = 32


def column_key(name: str) -> str:
    """The form under which a column and a variable match: NFKC, case-folded, no spaces."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", name).casefold())


@dataclass(frozen=True, slots=True)
class Var:
    """``{{name}}`` as written; ``fallback`` is ``None`` when the template gives none."""

    name: str
    key: str
    fallback: str | None


@dataclass(frozen=True, slots=True)
class Choice:
    """A spintax group: one of ``options`` (each a sequence of nodes); ``count`` variants."""

    options: tuple[tuple[Node, ...], ...]
    counts: tuple[int, ...]
    count: int


Node = str | Var | Choice


@dataclass(frozen=True, slots=True)
class Template:
    """A parsed text: ``nodes`` in order, its distinct variables, its number of variants."""

    text: str
    nodes: tuple[Node, ...]
    variables: tuple[Var, ...]
    variants: int
    depth: int

    @property
    def plain(self) -> bool:
        """True when every recipient gets ``text`` itself: no variable, no choice."""
        return not self.variables and self.variants == 1


class _Parser:
    """Braces are matched first, in one pass with a stack (a variable is one token), so an
    unclosed ``{`` is known to be text at once; the tree is then built between the pairs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.closing: dict[int, int] = {}  # position of a "{" → position of its "}"
        self.vars: dict[int, re.Match[str]] = {}
        opened: list[int] = []
        i = 0
        while (brace := _BRACES.search(text, i)) is not None:
            i = brace.start()
            if text[i] == "}":
                if opened:
                    self.closing[opened.pop()] = i
                i += 1
            elif (var := _VAR.match(text, i)) is not None:
                self.vars[i] = var
                i = var.end()
            else:
                if len(opened) >= _MAX_BRACES:
                    raise _too_deep(_MAX_BRACES)
                opened.append(i)
                i += 1

    def sequence(self, i: int, end: int, in_group: bool) -> tuple[list[Node], int]:
        """Nodes from ``i`` to ``end``, or to the next ``|`` of this level inside a group."""
        text, start = self.text, i
        nodes: list[Node] = []
        literal: list[str] = []
        while i < end:
            ch = text[i]
            if ch == "|" and in_group:
                break
            if ch != "{":
                i += 1
                continue
            var = self.vars.get(i)
            close = self.closing.get(i)
            if var is None and close is None:  # never closed: the brace is text
                i += 1
                continue
            literal.append(text[start:i])
            if var is not None:
                _flush(nodes, literal)
                name = var.group(1)
                nodes.append(Var(name, column_key(name), var.group(2)))
                i = start = var.end()
                continue
            assert close is not None
            options = self.group(i + 1, close)
            i = start = close + 1
            if len(options) == 1:  # "{x}" without a choice is text around x
                literal.append("{")
                _flush(nodes, literal)
                nodes.extend(options[0])
                literal.append("}")
            else:
                _flush(nodes, literal)
                counts = tuple(_count(o) for o in options)
                nodes.append(Choice(tuple(tuple(o) for o in options), counts, sum(counts)))
        literal.append(text[start:i])
        _flush(nodes, literal)
        return nodes, i

    def group(self, i: int, close: int) -> list[list[Node]]:
        options: list[list[Node]] = []
        while True:
            nodes, i = self.sequence(i, close, True)
            options.append(nodes)
            if i >= close:
                return options
            i += 1  # past the "|"


def _too_deep(depth: int) -> ValidationFailed:
    return ValidationFailed(
        _said(
            QT_TRANSLATE_NOOP(
                "Template",
                "The text nests variations {depth} levels deep; at most {limit} are allowed. "
                "Flatten the innermost {group} groups.",
            ),
            depth=depth,
            limit=MAX_DEPTH,
            group=_GROUP,
        ),
        details=[
            {
                "field": "text",
                "message": _said(
                    QT_TRANSLATE_NOOP("Template", "nests spintax deeper than {limit} levels"),
                    limit=MAX_DEPTH,
                ),
            }
        ],
    )


def _flush(nodes: list[Node], literal: list[str]) -> None:
    piece = "".join(literal)
    literal.clear()
    if not piece:
        return
    if nodes and isinstance(nodes[-1], str):
        nodes[-1] += piece
    else:
        nodes.append(piece)


def _count(nodes: Sequence[Node]) -> int:
    total = 1
    for node in nodes:
        if isinstance(node, Choice):
            total *= node.count
    return total


def _depth(nodes: Sequence[Node]) -> int:
    return max(
        (1 + max(_depth(o) for o in n.options) for n in nodes if isinstance(n, Choice)),
        default=0,
    )


def _variables(nodes: Sequence[Node], out: dict[str, Var]) -> None:
    for node in nodes:
        if isinstance(node, Var):
            out.setdefault(node.key, node)
        elif isinstance(node, Choice):
            for option in node.options:
                _variables(option, out)


def parse(text: str) -> Template:
    """Parses ``text`` (see the module's syntax rules).

    Raises :class:`ValidationFailed` for an empty variable name (``{{ }}``) or spintax nested
    deeper than :data:`MAX_DEPTH` levels, saying where.
    """
    parser = _Parser(text)
    nodes, _ = parser.sequence(0, len(text), False)
    found: dict[str, Var] = {}
    _variables(nodes, found)
    if "" in found:
        raise ValidationFailed(
            _said(
                QT_TRANSLATE_NOOP(
                    "Template",
                    "The text has an empty variable {empty}: write the column name between the "
                    "braces, e.g. {example}.",
                ),
                empty=_EMPTY,
                example=_NAME,
            ),
            details=[
                {
                    "field": "text",
                    "message": _said(
                        QT_TRANSLATE_NOOP("Template", "has an empty variable {empty}"), empty=_EMPTY
                    ),
                }
            ],
        )
    depth = _depth(nodes)
    if depth > MAX_DEPTH:
        raise _too_deep(depth)
    return Template(text, tuple(nodes), tuple(found.values()), _count(nodes), depth)


class Renderer:
    """Renders one template for the rows of one recipient list.

    ``columns`` are the list's column names as written; each variable is bound to the column
    with the same :func:`column_key` once, here. ``fallbacks`` (by variable name, any
    spelling) fill an empty value of a variable that has no fallback of its own. Raises
    :class:`ValidationFailed` naming every unknown variable and the columns that exist.
    """

    def __init__(
        self,
        template: Template,
        columns: Sequence[str],
        fallbacks: Mapping[str, str] | None = None,
    ) -> None:
        index: dict[str, int] = {}
        for i, name in enumerate(columns):
            index.setdefault(column_key(name), i)
        unknown = [v.name for v in template.variables if v.key not in index]
        if unknown:
            raise unknown_variables(unknown, columns)
        extra = {column_key(k): v for k, v in (fallbacks or {}).items()}
        self.template = template
        self.columns = list(columns)
        self._slots = {
            v.key: (index[v.key], v.fallback if v.fallback is not None else extra.get(v.key))
            for v in template.variables
        }
        # Keyed by the text: the same text and recipient give the same variant anywhere.
        self._hash = blake2b(
            key=blake2b(template.text.encode(), digest_size=16).digest(), digest_size=8
        )
        self._flat: dict[int, tuple[str, tuple[tuple[int, str | None, str, str], ...]]] = {}

    def variant(self, recipient: str) -> int:
        """The index of ``recipient``'s variant: stable across runs, processes and machines."""
        if self.template.variants == 1:
            return 0
        h = self._hash.copy()
        h.update(recipient.encode())
        return int.from_bytes(h.digest(), "big") % self.template.variants

    def render(self, row: Sequence[str], recipient: str) -> tuple[str, list[str]]:
        """``recipient``'s text from ``row`` (values in ``columns`` order) and the names of
        the variables left empty without a fallback (their place stays empty)."""
        missing: list[str] = []
        if self.template.plain:
            return self.template.text, missing
        head, slots = self._variant(self.variant(recipient))
        parts = [head]
        width = len(row)
        for column, fallback, name, literal in slots:
            value = row[column] if column < width else ""
            if not value or value.isspace():
                if fallback is None:
                    missing.append(name)
                    value = ""
                else:
                    value = fallback
            parts.append(value)
            parts.append(literal)
        return "".join(parts), missing

    def render_variant(self, index: int, row: Sequence[str]) -> str:
        """Variant number ``index`` (``0 <= index < variants``) for ``row``."""
        head, slots = self._variant(index)
        out = [head]
        for column, fallback, _, literal in slots:
            value = row[column] if column < len(row) else ""
            out += (value if value.strip() else fallback or "", literal)
        return "".join(out)

    def _variant(self, index: int) -> tuple[str, tuple[tuple[int, str | None, str, str], ...]]:
        """Variant ``index`` as its leading text and (column, fallback, name, text after)
        per variable: rendering a recipient is then a few appends. Cached (bounded)."""
        flat = self._flat.get(index)
        if flat is not None:
            return flat
        pieces: list[str | Var] = []
        _pick(self.template.nodes, index, pieces)
        head: list[str] = []
        slots: list[tuple[int, str | None, str, str]] = []
        tail = head
        for piece in pieces:
            if isinstance(piece, str):
                tail.append(piece)
                continue
            if slots:
                slots[-1] = (*slots[-1][:3], "".join(tail))
            column, fallback = self._slots[piece.key]
            slots.append((column, fallback, piece.name, ""))
            tail = []
        if slots:
            slots[-1] = (*slots[-1][:3], "".join(tail))
        flat = ("".join(head), tuple(slots))
        if len(self._flat) < _CACHED_VARIANTS:
            self._flat[index] = flat
        return flat


_CACHED_VARIANTS = 4096


def _pick(nodes: Sequence[Node], index: int, out: list[str | Var]) -> int:
    """Appends the literal pieces and variables of variant ``index`` (mixed radix: each
    choice takes ``index % count`` and passes ``index // count`` on)."""
    for node in nodes:
        if isinstance(node, str | Var):
            out.append(node)
            continue
        index, pick = divmod(index, node.count)
        for option, count in zip(node.options, node.counts, strict=True):
            if pick < count:
                _pick(option, pick, out)
                break
            pick -= count
    return index


def unknown_variables(names: Sequence[str], columns: Sequence[str]) -> ValidationFailed:
    """The error for variables no column fills, naming them and the columns there are."""
    listed = ", ".join("{{" + n + "}}" for n in names)
    have: Param = (
        ", ".join(columns)
        if columns
        else _said(QT_TRANSLATE_NOOP("Template", "none (plain numbers only)"))
    )
    return ValidationFailed(
        _said(
            QT_TRANSLATE_NOOP(
                "Template",
                "Unknown variable {names}: the recipient list has no such column. Its columns "
                "are: {columns}. Rename the variable, or import a list with that column.",
            ),
            names=listed,
            columns=have,
        ),
        details=[
            {
                "field": "text",
                "message": _said(
                    QT_TRANSLATE_NOOP(
                        "Template", "uses {variable}, which no recipient column fills"
                    ),
                    variable="{{" + n + "}}",
                ),
            }
            for n in names
        ],
    )
