"""The region list names countries in the interface language and sorts them by that name."""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import QCollator, QLocale
from PySide6.QtWidgets import QApplication

from spreader_app.gui.pages.settings_page import parse_region
from spreader_app.gui.regions import region_choices, region_names


def test_arabic_region_list_names_every_region_in_arabic(qapp: QApplication) -> None:
    choices = region_choices("ar")
    labels = dict(choices)

    assert len(choices) == len(phonenumbers.SUPPORTED_REGIONS)
    assert labels["EG"] == "EG — مصر"
    assert labels["SA"] == "SA — المملكة العربية السعودية"
    assert set(region_names("ar")) == phonenumbers.SUPPORTED_REGIONS
    names = [label.partition(" — ")[2] for _, label in choices]
    collator = QCollator(QLocale("ar"))
    assert names == sorted(names, key=collator.sortKey)


def test_english_region_list_is_unchanged(qapp: QApplication) -> None:
    labels = dict(region_choices("en"))

    assert labels["EG"] == "EG — Egypt"
    assert region_names("en") == {}


def test_a_region_is_found_by_its_arabic_or_english_name(qapp: QApplication) -> None:
    choices = region_choices("ar")

    assert parse_region("مصر", choices) == "EG"
    assert parse_region("Saudi Arabia", choices) == "SA"
    assert parse_region("EG — مصر", choices) == "EG"
