"""The translation catalogues cannot drift: every text the window shows is in them and has a
finished Arabic translation, and the checker finds a text that is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.update_translations import (
    COMMAND,
    TRANSLATIONS,
    catalogue_drift,
    check,
    report,
    translation_problems,
    untranslated_literals,
)

pytestmark = pytest.mark.skipif(
    not TRANSLATIONS.joinpath("spreader_ar.ts").is_file(), reason="no catalogue"
)

NEW_WIDGET = """
from PySide6.QtWidgets import QLabel, QWidget


class CouponPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel(self.tr("Coupons for returning customers"))
        self.hint = QLabel()
        self.hint.setText("Give a code to customers who ordered twice")
        self.hint.setToolTip(f"Valid for {3} days")
"""


def test_every_shown_text_is_translated_into_arabic() -> None:
    findings = check()
    assert not findings, report(findings)


def test_checker_names_a_new_text_shown_without_translation(tmp_path: Path) -> None:
    source = tmp_path / "coupon_panel.py"
    source.write_text(NEW_WIDGET, encoding="utf-8")

    found = [str(f) for f in untranslated_literals([source])]

    assert len(found) == 2
    assert "'Give a code to customers who ordered twice'" in found[0]
    assert "setText()" in found[0]
    assert "setToolTip()" in found[1]


def test_checker_finds_a_new_translated_text_missing_from_the_catalogue(tmp_path: Path) -> None:
    source = tmp_path / "coupon_panel.py"
    source.write_text(NEW_WIDGET, encoding="utf-8")

    drift = [
        str(f) for f in catalogue_drift(TRANSLATIONS / "spreader_ar.ts", "ar", sources=[source])
    ]

    assert (
        "spreader_ar.ts [CouponPanel] 'Coupons for returning customers': is not in the catalogue"
        in drift
    )
    assert COMMAND in report([])


def test_checker_finds_unfinished_and_broken_translations(tmp_path: Path) -> None:
    catalogue = tmp_path / "spreader_ar.ts"
    catalogue.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>CouponPanel</name>
    <message>
        <source>Coupons for returning customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid for {days} days</source>
        <translation>صالحة لعدة أيام</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
</context>
</TS>
""",
        encoding="utf-8",
    )

    problems = [str(f) for f in translation_problems(catalogue)]

    assert problems == [
        "spreader_ar.ts [CouponPanel] 'Coupons for returning customers': "
        "has no finished translation",
        "spreader_ar.ts [CouponPanel] 'Valid for {days} days': translation 'صالحة لعدة أيام' "
        "has placeholders [], not ['{days}']",
    ]
