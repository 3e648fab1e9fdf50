"""The services' errors, the forms' field messages and the gateway's details read in the
window's language; the English window keeps the API's words."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from spreader_app.core.errors import NotFound
from spreader_app.core.services.words import NO_PACKAGE
from spreader_app.core.why import Phrase, Zone
from spreader_app.gui.i18n import install_language, shown_delivery_error, uninstall_language
from spreader_app.gui.pages.package_editor import form_errors
from spreader_app.gui.tasks import describe
from spreader_app.gui.why_text import waiting_text, why_text
from spreader_app.zentra.outcomes import classify_response

LRI, PDI = "\u2066", "\u2069"
RATE_LIMITED = (
    "rate_limited: "
    + classify_response(
        429,
        {"Retry-After": "30"},
        json.dumps({"success": False, "message": "Too Many Attempts."}),
        now=0.0,
    ).detail
)


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    installed = install_language(qapp, "ar")
    yield
    uninstall_language(qapp, installed)


def test_arabic_form_shows_each_field_error_in_arabic(arabic: None) -> None:
    errors = form_errors({"name": " ", "retry_delay_ms": 50, "timezone": "Cairo"})

    assert errors["name"] == "الاسم: يجب ألا يكون فارغًا."
    assert errors["retry_delay_ms"].endswith(
        f"قيمته {LRI}50{PDI}، ويجب أن تكون بين {LRI}100{PDI} و{LRI}3600000{PDI}."
    )
    assert "استخدم منطقة زمنية من IANA" in errors["timezone"]
    assert f"{LRI}'Cairo'{PDI}" in errors["timezone"]


def test_a_service_error_is_shown_in_arabic_and_keeps_its_english_for_the_api(
    arabic: None,
) -> None:
    error = NotFound(NO_PACKAGE(package_id="pkg_123"))

    assert describe(error) == f"لا توجد باقة بالمعرّف {LRI}pkg_123{PDI}."
    assert error.message == "No package with id pkg_123."


def test_a_delivery_error_names_the_failure_in_arabic_and_quotes_the_gateway(
    arabic: None,
) -> None:
    shown = shown_delivery_error(RATE_LIMITED)

    assert shown.startswith("تجاوز حد الطلبات: تحدّ البوابة من عدد الطلبات")
    assert shown.endswith(f"«{LRI}Too Many Attempts.{PDI}»")
    assert f"{LRI}HTTP {LRI}429{PDI}{PDI}" in shown  # one left-to-right token
    assert "rate_limited" not in shown


def test_english_window_shows_the_stored_words(qapp: QApplication) -> None:
    assert shown_delivery_error(RATE_LIMITED) == RATE_LIMITED
    assert form_errors({"name": " "}) == {"name": "Name must not be empty."}


def test_the_customers_zone_is_named_in_arabic(arabic: None) -> None:
    waits = Phrase("quiet hours in {zone}", {"zone": Zone("Asia/Riyadh")})

    assert "الرياض" in why_text(waits)
    assert "القاهرة" in waiting_text({"quiet_hours:Africa/Cairo": 3})
    assert "Cairo" not in waiting_text({"quiet_hours:Africa/Cairo": 3})


def test_a_skipped_recipients_reason_is_translated(arabic: None) -> None:
    assert shown_delivery_error("Same number as row 3; sent once.") == (
        f"الرقم نفسه في الصف {LRI}3{PDI}؛ يُرسل إليه مرة واحدة."
    )
