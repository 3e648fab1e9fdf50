"""Sentences for people that the window can show in its own language.

Core writes a sentence as a :class:`Text`: an English template with ``{named}`` parameters,
marked for lupdate with ``QT_TRANSLATE_NOOP`` (``core.i18n_marker``), plus the values.
``str(text)`` is the English sentence, so logs, the HTTP API and the database keep exactly
the words they had; the window renders the same value through Qt's translator
(``gui.i18n.shown``), isolating every value left to right so phone numbers, times and ids
keep their order inside Arabic.

Sentences that are stored (a profile's status reason, a pool event's reason) are stored as
their English rendering, as before. :func:`recover` gives their ``Text`` back by matching the
stored words against the templates that may have produced them (each declared once as a
:class:`Sentence`): no column, no migration, rows written by older versions are recovered
too, and a stored text no template matches is simply shown as it is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

__all__ = ["Param", "Sentence", "Text", "english", "recover"]

_FIELD = re.compile(r"\{([a-z_]+)\}")
_DEPTH = 3


Param: TypeAlias = "str | int | float | Text"
"""A sentence's parameter: a value shown as it is (isolated), or a nested sentence."""


class Text:
    """One sentence: ``context`` and English ``template`` (as marked for lupdate) and its
    named ``params`` (strings, numbers, or nested ``Text``). Immutable and hashable."""

    __slots__ = ("context", "params", "template")
    context: str
    template: str
    params: tuple[tuple[str, Param], ...]

    def __init__(self, context: str, template: str, /, **params: Param) -> None:
        object.__setattr__(self, "context", context)
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "params", tuple(sorted(params.items())))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Text is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return (self.context, self.template, self.params) == (
            other.context,
            other.template,
            other.params,
        )

    def __hash__(self) -> int:
        return hash((self.context, self.template, self.params))

    def __repr__(self) -> str:
        return f"Text({self.context!r}, {str(self)!r})"

    def __str__(self) -> str:
        """The English sentence (what the API, logs and the database carry)."""
        return self.render(lambda _context, template: template, str)

    def render(self, translate: Callable[[str, str], str], token: Callable[[str], str]) -> str:
        """The sentence in another language: ``translate(context, template)`` filled with the
        parameters, nested ``Text`` rendered the same way and every other value passed
        through ``token`` (to isolate it). A translation that lost or renamed a placeholder
        falls back to the English template rather than failing."""
        values = {
            name: value.render(translate, token) if isinstance(value, Text) else token(str(value))
            for name, value in self.params
        }
        try:
            return translate(self.context, self.template).format(**values)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**values)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A template declared once, so that its stored English can be recognised again:
    ``REASON = Sentence("Reasons", QT_TRANSLATE_NOOP("Reasons", "Paused: {why}"))``;
    ``REASON(why=...)`` makes the :class:`Text`."""

    context: str
    template: str

    def __call__(self, **params: Param) -> Text:
        return Text(self.context, self.template, **params)

    def match(self, words: str) -> Text | None:
        """This sentence with the parameters read back out of its English ``words``, or
        ``None`` when ``words`` were not made from it (parameters come back as strings)."""
        found = _pattern(self.template).fullmatch(words)
        if found is None:
            return None
        return Text(self.context, self.template, **found.groupdict())


@functools.cache
def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    last = 0
    for field in _FIELD.finditer(template):
        parts.append(re.escape(template[last : field.start()]))
        name = field.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        last = field.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL)


def recover(words: str, sentences: Iterable[Sentence], _depth: int = 0) -> Text | str:
    """Stored English ``words`` as the :class:`Text` of the first of ``sentences`` that
    produced them, parameters that are themselves one of ``sentences`` recovered too;
    ``words`` unchanged when none did (written by hand, or by a version whose wording
    changed since)."""
    candidates = tuple(sentences)
    for sentence in candidates:
        text = sentence.match(words)
        if text is None:
            continue
        if _depth >= _DEPTH:
            return text
        params = {
            name: recover(value, candidates, _depth + 1) if isinstance(value, str) else value
            for name, value in text.params
        }
        return Text(text.context, text.template, **params)
    return words


def english(value: Any) -> Any:
    """``value`` with every ``Text`` inside (in lists, tuples and mappings) made its English
    string: what JSON answers and logs carry."""
    if isinstance(value, Text):
        return str(value)
    if isinstance(value, Mapping):
        return {key: english(item) for key, item in value.items()}
    if isinstance(value, list):
        return [english(item) for item in value]
    if isinstance(value, tuple):
        return tuple(english(item) for item in value)
    return value
