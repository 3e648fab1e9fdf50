"""Strict JSON with located errors, and the size caps."""

from __future__ import annotations

import pytest

from spreader_app.server.bodies import parse_json
from spreader_app.server.errors import MalformedBody


def test_parse_json_reads_an_object() -> None:
    assert parse_json(b'\xef\xbb\xbf{"a": [1, "\xc3\xa9"]}') == {"a": [1, "é"]}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"a": 1,}', "line 1, column 9"),
        (b'{\n  "a": \n}', "line 3, column 1"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"a": NaN}', "NaN is not allowed"),
        (b'{"a": Infinity}', "Infinity is not allowed"),
        (b'{"a": ' + b"9" * 5000 + b"}", "cannot carry"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_parse_json_says_what_is_wrong(body: bytes, words: str) -> None:
    with pytest.raises(MalformedBody) as caught:
        parse_json(body)
    assert words in caught.value.message
    assert caught.value.http_status == 400
