"""Invariants of message templates: values are never re-parsed, variants are stable and all
reachable, unknown variables are always reported."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.template import Renderer, column_key, parse

# Anything a customer list may hold, template syntax and format fields included.
VALUES = st.text(min_size=1, max_size=40).filter(str.strip) | st.sampled_from(
    ["{{name}}", "{a|b}", "{0}", "{name!r}", "__import__('os')", "}}{{", "{{ name | x }}", "%s"]
)
WORDS = st.text(st.characters(blacklist_characters="{}|", blacklist_categories=["Cs"]), max_size=6)


def _tree(depth: int) -> st.SearchStrategy[object]:
    """A spintax tree: a list of words and choices (tuples of options), nested ≤ ``depth``."""
    if depth == 0:
        return st.lists(WORDS, min_size=1, max_size=3)
    option = _tree(depth - 1)
    choice = st.tuples(option, option) | st.tuples(option, option, option)
    return st.lists(WORDS | choice, min_size=1, max_size=3)


def _size(tree: object) -> int:
    if isinstance(tree, str):
        return 1
    if isinstance(tree, tuple):
        return sum(_size(o) for o in tree)
    assert isinstance(tree, list)
    out = 1
    for part in tree:
        out *= _size(part)
    return out


def _text(tree: object) -> str:
    if isinstance(tree, str):
        return tree
    if isinstance(tree, tuple):
        return "{" + "|".join(_text(o) for o in tree) + "}"
    assert isinstance(tree, list)
    # A space keeps a word from merging into a neighbouring brace ("{" + "{" would be a variable).
    return " ".join(_text(part) for part in tree)


def _expand(tree: object) -> list[str]:
    """Every variant, written out independently of the renderer."""
    if isinstance(tree, str):
        return [tree]
    if isinstance(tree, tuple):
        return [v for option in tree for v in _expand(option)]
    assert isinstance(tree, list)
    parts = [_expand(p) for p in tree]
    return [" ".join(combo) for combo in itertools.product(*parts)]


@given(value=VALUES, phone=st.from_regex(r"\+[1-9][0-9]{9,12}", fullmatch=True))
def test_inserted_values_are_text_never_parsed_again(value: str, phone: str) -> None:
    template = parse("{Hi|Hello} {{Name}}, {{ name | friend }}! {50% off|Sale}")
    renderer = Renderer(template, ["NAME"])

    text, missing = renderer.render([value], phone)
    marker, _ = renderer.render(["\x00"], phone)

    assert missing == []
    assert text == marker.replace("\x00", value)
    assert text.count(value) >= 2


@given(tree=_tree(3), phone=st.text(min_size=1, max_size=20))
@settings(max_examples=200, deadline=None)
def test_the_same_message_and_recipient_always_get_the_same_variant(
    tree: object, phone: str
) -> None:
    assume(_size(tree) <= 5000)
    text = _text(tree)
    first = Renderer(parse(text), []).render([], phone)
    again = Renderer(parse(text), []).render([], phone)

    assert first == again
    assert first[0] in _expand(tree)


@given(tree=_tree(3))
@settings(max_examples=200, deadline=None)
def test_every_variant_is_reachable_and_counted(tree: object) -> None:
    assume(_size(tree) <= 5000)
    text = _text(tree)
    template = parse(text)
    renderer = Renderer(template, [])
    expected = sorted(_expand(tree))

    assert template.variants == len(expected)
    assert sorted(renderer.render_variant(i, []) for i in range(template.variants)) == expected


def test_recipients_spread_over_every_variant() -> None:
    renderer = Renderer(parse("{Hello|Hi|Welcome} {dear|} friend{!|.}"), [])
    seen = {renderer.render([], f"+2010{n:08d}")[0] for n in range(500)}

    assert len(seen) == renderer.template.variants == 12


NAMES = st.text(
    st.characters(blacklist_characters="{}|", blacklist_categories=["Cs"]), min_size=1, max_size=8
).filter(str.strip)


@given(variables=st.lists(NAMES, min_size=1, max_size=4), columns=st.lists(NAMES, max_size=4))
def test_unknown_variables_are_always_reported(variables: list[str], columns: list[str]) -> None:
    template = parse(" ".join("{{" + v + "}}" for v in variables))
    have = {column_key(c) for c in columns}
    unknown = [v.name for v in template.variables if v.key not in have]

    if not unknown:
        Renderer(template, columns)
        return
    with pytest.raises(ValidationFailed) as caught:
        Renderer(template, columns)
    for name in unknown:
        assert "{{" + name + "}}" in caught.value.message
    for column in columns:
        assert column in caught.value.message
