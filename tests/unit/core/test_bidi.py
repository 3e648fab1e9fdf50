"""The direction of a text: the first strong letter decides, as WhatsApp does."""

from __future__ import annotations

import pytest

from spreader_app.core.bidi import Direction, isolate_numbers, text_direction
from spreader_app.core.phones import display


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مرحبا", Direction.RTL),
        ("Hello", Direction.LTR),
        ("مرحبا Hello", Direction.RTL),
        ("Hello مرحبا", Direction.LTR),
        ("+966 50 123 4567 اتصل بي", Direction.RTL),
        ("٢٠٪ خصم! 20% off", Direction.RTL),
        ("😀 Thanks", Direction.LTR),
        ("🇸🇦 أهلاً", Direction.RTL),
        ("«שלום»", Direction.RTL),
        (f"{display('+966501234567')} Call me", Direction.LTR),
        ("\u2067Hello\u2069 مرحبا", Direction.RTL),
        ("123 😀 +-", None),
        ("", None),
    ],
)
def test_text_direction_follows_the_first_strong_letter(
    text: str, expected: Direction | None
) -> None:
    assert text_direction(text) is expected


def test_isolate_numbers_keeps_phone_numbers_in_order_inside_arabic() -> None:
    shown = isolate_numbers("اتصل على +966 50 123 4567 أو 010-123-4567، خصم 20%")
    number = "\u2066+966\u00a050\u00a0123\u00a04567\u2069"
    assert shown == f"اتصل على {number} أو \u2066010-123-4567\u2069، خصم 20%"
