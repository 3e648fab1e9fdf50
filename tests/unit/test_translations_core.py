"""The engine's shown sentences are held to the translation check too."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.update_translations import CORE_SOURCES, ROOT, untranslated_literals

NEW_CORE_MODULE = """
from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.text import Text


def check_coupon(code: str) -> None:
    if not code:
        raise ValidationFailed(Text("Coupons", QT_TRANSLATE_NOOP("Coupons", "Enter a code.")))
    if len(code) > 20:
        raise ValidationFailed("The coupon code is longer than twenty letters.")
    if code.isdigit():
        raise ValidationFailed(Text("Coupon", QT_TRANSLATE_NOOP("Coupons", "Letters too.")))
    if code == "x":
        raise ValueError("a programming error, for developers only")
"""


def test_engine_modules_shown_sentences_are_all_marked() -> None:
    assert untranslated_literals(CORE_SOURCES) == []


def test_checker_names_an_unmarked_sentence_in_an_engine_module(tmp_path: Path) -> None:
    source = tmp_path / "coupons.py"
    source.write_text(NEW_CORE_MODULE, encoding="utf-8")

    found = [str(f) for f in untranslated_literals([source])]

    assert len(found) == 2
    assert "'The coupon code is longer than twenty letters.' reads like words" in found[0]
    assert "Text() names context 'Coupon', the marker 'Coupons'" in found[1]


CONVERTED = (
    "spreader_app/core/fields.py",
    "spreader_app/core/content.py",
    "spreader_app/core/gateway_words.py",
    "spreader_app/core/services/pool.py",
    "spreader_app/core/services/sending.py",
    "spreader_app/core/services/templates.py",
    "spreader_app/zentra/outcomes.py",
)
UNMARKED = """

def _new_refusal(reader: object) -> str:
    return "The coupon was already used by another customer."
"""


def test_the_converted_engine_modules_are_scanned() -> None:
    scanned = {str(path.relative_to(ROOT)) for path in CORE_SOURCES}

    assert set(CONVERTED) <= scanned


@pytest.mark.parametrize("module", CONVERTED)
def test_checker_names_a_new_unmarked_sentence_in_a_converted_module(
    tmp_path: Path, module: str
) -> None:
    copy = tmp_path / Path(module).name
    copy.write_text((ROOT / module).read_text(encoding="utf-8") + UNMARKED, encoding="utf-8")

    found = [str(f) for f in untranslated_literals([copy])]

    assert found == [
        f"{copy}:{len(copy.read_text().splitlines())}: 'The coupon was already used by another "
        "customer.' reads like words but is not translated"
    ]
