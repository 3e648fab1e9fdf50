"""The previewed plan of an Open Chat message: who sends to how many, and until when."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from spreader_app.core.models import Package
from spreader_app.core.services.sending import OpenPreview
from spreader_app.gui.i18n import isolated, ltr
from spreader_app.gui.pages.campaign_view import format_eta
from spreader_app.gui.pages.send.plan_clocks import PlanClocksModel, plan_clocks_table, plan_lines
from spreader_app.gui.widgets.accessibility import show_value
from spreader_app.gui.widgets.roles import error_label, show_message


class PlanPanel(QFrame):
    """The previewed plan: recipients per profile with a bar, estimated completion, notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.eta_label = QLabel()
        self.eta_label.setAccessibleName(self.tr("Estimated completion"))
        self.notes_label = QLabel()
        self.notes_label.setProperty("role", "hint")
        self.notes_label.setWordWrap(True)
        self.warning_label = error_label()
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.counts: dict[str, int] = {}  # profile id → planned recipients
        title = QLabel(self.tr("Plan"))
        title.setProperty("role", "title")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary_label)
        layout.addLayout(self.grid)
        self.clocks_label = QLabel(self.tr("Each recipient on their own clock:"))
        self.clocks_model = PlanClocksModel(self)
        self.clocks_table = plan_clocks_table(self.clocks_model)
        self.clocks_label.setBuddy(self.clocks_table)
        layout.addWidget(self.clocks_label)
        layout.addWidget(self.clocks_table)
        layout.addWidget(self.eta_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.notes_label)

    def show_preview(
        self, preview: OpenPreview, now: datetime, package: Package | None = None
    ) -> None:
        """Shows ``preview`` of a send through ``package``; ``now`` (aware) anchors the "in
        2 h 10 min" of the estimate and the recipients' local times."""
        while (item := self.grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        s, plan = preview.screening, preview.plan
        names = {p.id: p.name for p in preview.profiles}
        self.counts = {pid: len(rs) for pid, rs in plan.distribution.items()}
        planned = sum(self.counts.values())
        skipped = s.total - s.valid_count
        over = self.tr("%n recipient(s) over {profiles}", "", planned).format(
            profiles=self.tr("%n profile(s)", "", len(self.counts))
        )
        if skipped:
            skip = self.tr("%n row(s) will be skipped.", "", skipped)
            self.summary_label.setText(self.tr("{plan}; {skipped}").format(plan=over, skipped=skip))
        else:
            self.summary_label.setText(self.tr("{plan}.").format(plan=over))
        for row, (pid, count) in enumerate(self.counts.items()):
            name = names.get(pid, pid)
            bar = QProgressBar()
            bar.setRange(0, max(planned, 1))
            bar.setValue(count)
            bar.setTextVisible(False)
            bar.setMaximumHeight(10)
            bar.setAccessibleName(
                self.tr("{name}: %n recipient(s)", "", count).format(name=isolated(name))
            )
            share = f"{count * 100 / planned:.0f} %" if planned else "0 %"
            self.grid.addWidget(QLabel(name), row, 0)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(QLabel(ltr(f"{count:,} ({share})")), row, 2)
        lines = plan_lines(preview, package, now)
        self.clocks_model.reset(lines)  # the table fits its columns to them on the reset
        if len(lines) < len(plan.items):
            self.clocks_label.setText(
                self.tr(
                    "Each recipient on their own clock ({shown} of {total} planned sends: the"
                    " soonest, and the first in every zone):"
                ).format(shown=ltr(f"{len(lines):,}"), total=ltr(f"{len(plan.items):,}"))
            )
        else:
            self.clocks_label.setText(self.tr("Each recipient on their own clock:"))
        if plan.estimated_completion is not None:
            when = datetime.fromtimestamp(plan.estimated_completion, UTC)
            eta = self.tr("Estimated completion: {time}").format(time=format_eta(when, now))
            show_value(self.eta_label, eta)
        else:
            show_value(self.eta_label, self.tr("Nothing to send."))
        reasons = sorted({i.reason for i in plan.items if i.profile_id is None and i.reason})
        show_message(
            self.warning_label,
            self.tr("%n recipient(s) cannot be planned: no profile can send.", "", plan.unassigned)
            + " "
            + " ".join(reasons)
            if plan.unassigned
            else "",
        )
        show_message(self.notes_label, " ".join(plan.notes))
