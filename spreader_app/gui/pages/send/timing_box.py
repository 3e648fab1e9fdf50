"""The "When" section of the Send page: the waiting strategy and an optional start time."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.models import WaitingStrategy
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, ltr
from spreader_app.gui.pages.send.body import utc_iso
from spreader_app.gui.widgets.accessibility import buddy_label
from spreader_app.gui.widgets.roles import error_label
from spreader_app.gui.words import WAITING_STRATEGY_LABELS

STRATEGY_HINTS = TranslatedLabels(
    "TimingBox",
    {
        WaitingStrategy.IMMEDIATE: QT_TRANSLATE_NOOP(
            "TimingBox", "Start now and send as fast as the package's limits allow."
        ),
        WaitingStrategy.QUEUED: QT_TRANSLATE_NOOP(
            "TimingBox", "Start after this package's earlier Open Chat work."
        ),
        WaitingStrategy.DRIP: QT_TRANSLATE_NOOP(
            "TimingBox", "Send to one recipient every few minutes."
        ),
        WaitingStrategy.SMART: QT_TRANSLATE_NOOP(
            "TimingBox", "Spread evenly over the remaining active hours, with human-like pauses."
        ),
    },
)
START_LEAD_SECONDS = 3600  # a new start time is an hour ahead


class TimingBox(QGroupBox):
    """How the recipients are spread over time (the drip interval only for drip) and, when
    ticked, the date and time to start at, in the package's time zone (``set_time_zone``);
    ``changed`` on every edit. A start time that has passed is moved an hour ahead when the
    box is ticked or the package changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("When"))
        self.strategy_combo = QComboBox()
        self.strategy_combo.setAccessibleName(self.tr("Waiting strategy"))
        for strategy in WaitingStrategy:
            self.strategy_combo.addItem(WAITING_STRATEGY_LABELS[strategy], strategy.value)
            self.strategy_combo.setItemData(
                self.strategy_combo.count() - 1,
                STRATEGY_HINTS[strategy],
                Qt.ItemDataRole.ToolTipRole,
            )
        self.drip_spin = QSpinBox()
        self.drip_spin.setRange(1, 24 * 60)
        self.drip_spin.setValue(5)
        self.drip_spin.setSuffix(self.tr(" min"))
        self.drip_spin.setAccessibleName(self.tr("Drip interval"))
        self.drip_spin.setToolTip(self.tr("Minutes between two recipients (drip only)"))
        self.schedule_check = QCheckBox(self.tr("Start &at:"))
        self.schedule_check.setToolTip(
            self.tr("Hold the campaign until this date and time, in the package's time zone")
        )
        self.schedule_edit = QDateTimeEdit()
        # A date and time read left to right in Arabic too.
        self.schedule_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.schedule_edit.setCalendarPopup(True)
        self.schedule_edit.setDisplayFormat("yyyy-MM-dd HH:mm")  # not translated: a format
        self.schedule_edit.setAccessibleName(self.tr("Start time"))
        self.zone = QTimeZone.systemTimeZone()
        self.zone_label = QLabel()
        self.zone_label.setProperty("role", "hint")
        self.zone_label.setAccessibleName(self.tr("Time zone of the start time"))
        self.schedule_edit.setEnabled(False)
        self.schedule_check.toggled.connect(self._on_schedule_check_toggled)
        self.set_time_zone("")
        self.strategy_hint = QLabel()
        self.strategy_hint.setProperty("role", "hint")
        self.error_label = error_label()

        grid = QGridLayout()
        grid.addWidget(buddy_label(self.tr("&Waiting strategy:"), self.strategy_combo), 0, 0)
        grid.addWidget(self.strategy_combo, 0, 1)
        grid.addWidget(self.strategy_hint, 0, 2, 1, 2)
        grid.addWidget(buddy_label(self.tr("&Drip interval:"), self.drip_spin), 1, 0)
        grid.addWidget(self.drip_spin, 1, 1)
        grid.addWidget(self.schedule_check, 2, 0)
        grid.addWidget(self.schedule_edit, 2, 1)
        grid.addWidget(self.zone_label, 2, 2, 1, 2)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)

        self.strategy_combo.currentIndexChanged.connect(self._on_strategy_combo_changed)
        for edited in (
            self.drip_spin.valueChanged,
            self.schedule_check.toggled,
            self.schedule_edit.dateTimeChanged,
        ):
            edited.connect(self.changed)
        self._on_strategy_combo_changed()

    def strategy(self) -> WaitingStrategy:
        return WaitingStrategy(self.strategy_combo.currentData())

    def schedule_at(self) -> str | None:
        """The chosen start as ``options.schedule_at`` takes it; ``None`` to start at once."""
        if not self.schedule_check.isChecked():
            return None
        return utc_iso(self.schedule_edit.dateTime().toSecsSinceEpoch())

    def set_time_zone(self, name: str) -> None:
        """Shows and edits the start time in the IANA zone ``name`` (the package's; the
        desktop's when empty or unknown), keeping the same instant."""
        zone = QTimeZone(name.encode()) if name else QTimeZone.systemTimeZone()
        self.zone = zone if zone.isValid() else QTimeZone.systemTimeZone()
        self.schedule_edit.setTimeZone(self.zone)
        self.zone_label.setText(
            self.tr("{zone} time").format(zone=ltr(self.zone.id().toStdString()))
        )
        self.keep_in_future()

    def keep_in_future(self) -> None:
        """Moves a start time that has passed to an hour from now."""
        now = QDateTime.currentDateTime()
        shown = self.schedule_edit.dateTime()
        if not shown.isValid() or shown <= now:
            shown = now.addSecs(START_LEAD_SECONDS)
        self.schedule_edit.setDateTime(shown.toTimeZone(self.zone))

    def _on_schedule_check_toggled(self, on: bool) -> None:
        self.schedule_edit.setEnabled(on)
        if on:
            self.keep_in_future()

    def _on_strategy_combo_changed(self) -> None:
        strategy = self.strategy()
        self.drip_spin.setEnabled(strategy is WaitingStrategy.DRIP)
        self.strategy_hint.setText(STRATEGY_HINTS[strategy])
        self.changed.emit()
