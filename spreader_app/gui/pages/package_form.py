"""The parts of the package form that are not the form itself: how each field's value is
read and shown, the service's verdict on the values as sentences per field, and the hints
that need no widget (retries in words, this computer's zone)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar
from zoneinfo import available_timezones

from PySide6.QtCore import QObject, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.models import Package
from spreader_app.core.services.packages import PACKAGE_FIELDS, apply_package_fields
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, field_sentence, translate
from spreader_app.gui.pages.package_clock_fields import (
    CLOCK_LABELS,
    QuietHoursField,
    ZoneDefaultsField,
)
from spreader_app.gui.tables.profiles_table import countdown_text

W = TypeVar("W", bound=QWidget)
# How the form reads one field (as the service wants it), shows a value, and hears changes.
Field = tuple[Callable[[], Any], Callable[[Any], None], Any]

FIELD_LABELS = TranslatedLabels(
    "PackageEditor",
    {
        "name": QT_TRANSLATE_NOOP("PackageEditor", "Name"),
        "description": QT_TRANSLATE_NOOP("PackageEditor", "Description"),
        "status": QT_TRANSLATE_NOOP("PackageEditor", "Status"),
        "distribution_mode": QT_TRANSLATE_NOOP("PackageEditor", "Distribution"),
        "max_messages_per_profile_per_hour": QT_TRANSLATE_NOOP("PackageEditor", "Hourly cap"),
        "max_messages_per_profile_per_day": QT_TRANSLATE_NOOP("PackageEditor", "Daily cap"),
        "cooldown_seconds": QT_TRANSLATE_NOOP("PackageEditor", "Cooldown"),
        "active_hours_start": QT_TRANSLATE_NOOP("PackageEditor", "Start"),
        "active_hours_end": QT_TRANSLATE_NOOP("PackageEditor", "End"),
        "timezone": QT_TRANSLATE_NOOP("PackageEditor", "Time zone"),
        "retry_failed_messages": QT_TRANSLATE_NOOP("PackageEditor", "Retry"),
        "retry_attempts": QT_TRANSLATE_NOOP("PackageEditor", "Retry attempts"),
        "retry_delay_ms": QT_TRANSLATE_NOOP("PackageEditor", "Retry delay"),
        "sticky_open_chat": QT_TRANSLATE_NOOP("PackageEditor", "Sticky Open Chat"),
        **CLOCK_LABELS,
    },
)
_TIME_FORMAT = "HH:mm"


def form_errors(data: Mapping[str, Any], base: Package | None = None) -> dict[str, str]:
    """The service's verdict on ``data`` as ``{field: sentence}``; empty when all is valid.

    ``base`` is the package being edited, ``None`` when creating one.
    """
    try:
        apply_package_fields(base or Package(id="", name=""), data, creating=base is None)
    except ValidationFailed as exc:
        return details_by_field(exc.detail_texts)
    return {}


def details_by_field(details: Any) -> dict[str, str]:
    """``ValidationFailed.details`` as ``{field: "Label message."}``, one sentence per field."""
    out: dict[str, str] = {}
    for item in details or []:
        key = str(item.get("field", ""))
        sentence = field_sentence(key, item.get("message", ""), FIELD_LABELS)
        out[key] = f"{out[key]} {sentence}" if key in out else sentence
    return out


def retry_hint(enabled: bool, attempts: int, delay_ms: int) -> str:
    """How failed sends are tried again, in words."""
    if not enabled or attempts <= 0:
        return translate("PackageEditor", "Failed messages are not tried again.")
    first = countdown_text(delay_ms / 1000)
    if not first:
        return RetryCounts().at_once(attempts)
    return RetryCounts().after(attempts).format(delay=first)


class RetryCounts(QObject):
    """This module's texts with a count: lupdate reads the plural forms of a count only
    from ``tr()`` in a class, so they are methods here."""

    def at_once(self, attempts: int) -> str:
        return self.tr(
            "Up to %n more try(s) after network errors, timeouts and busy answers: the first "
            "at once, then longer each time.",
            "",
            attempts,
        )

    def after(self, attempts: int) -> str:
        return self.tr(
            "Up to %n more try(s) after network errors, timeouts and busy answers: the first "
            "after {delay}, then longer each time.",
            "",
            attempts,
        )


def package_data(package: Package) -> dict[str, Any]:
    """``package`` as the body the service accepts (the form's starting values)."""
    data = {key: getattr(package, key) for key in PACKAGE_FIELDS}
    data["status"] = package.status.value
    data["distribution_mode"] = package.distribution_mode.value
    data["active_hours_start"] = f"{package.active_hours_start:%H:%M}"
    data["active_hours_end"] = f"{package.active_hours_end:%H:%M}"
    data["recipient_zones"] = dict(package.recipient_zones)
    return data


def system_zone() -> str:
    """This computer's IANA time zone, ``UTC`` when it has no IANA name."""
    zone = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="replace")
    return zone if zone in available_timezones() else "UTC"


def named(widget: W, name: str, tip: str = "") -> W:
    """``widget`` with an accessible name (its inner text field too) and a tooltip."""
    widget.setAccessibleName(name)
    inner = widget.lineEdit() if isinstance(widget, QAbstractSpinBox | QComboBox) else None
    if inner is not None:
        inner.setAccessibleName(name)
    if tip:
        widget.setToolTip(tip)
    return widget


def spin_box(hi: int, suffix: str, name: str, tip: str = "") -> QSpinBox:
    spin = named(QSpinBox(), name, tip)
    # Wider than the valid range on purpose: an out-of-range value can be typed and is
    # then explained under the field, instead of being silently clamped.
    spin.setRange(0, hi)
    spin.setSuffix(suffix)
    spin.setGroupSeparatorShown(True)
    return spin


def time_edit(name: str, tip: str = "") -> QTimeEdit:
    edit = named(QTimeEdit(), name, tip)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # 08:30 reads so in Arabic too
    edit.setDisplayFormat(_TIME_FORMAT)
    return edit


def choices(name: str, items: Mapping[Any, str], tips: Mapping[Any, str]) -> QComboBox:
    combo = named(QComboBox(), name)
    for value, label in items.items():
        combo.addItem(label, value.value)
        combo.setItemData(combo.count() - 1, tips[value], Qt.ItemDataRole.ToolTipRole)
    return combo


def combo_field(combo: QComboBox) -> Field:
    return (
        combo.currentData,
        lambda value: combo.setCurrentIndex(combo.findData(value)),
        combo.currentIndexChanged,
    )


def spin_field(spin: QSpinBox) -> Field:
    return spin.value, spin.setValue, spin.valueChanged


def time_field(edit: QTimeEdit) -> Field:
    return (
        lambda: edit.time().toString(_TIME_FORMAT),
        lambda value: edit.setTime(QTime.fromString(value, _TIME_FORMAT)),
        edit.timeChanged,
    )


def check_field(box: QCheckBox) -> Field:
    return box.isChecked, box.setChecked, box.toggled


def clock_field(field: QuietHoursField | ZoneDefaultsField) -> Field:
    return field.value, field.set_value, field.changed
