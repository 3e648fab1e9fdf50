"""Templates and variables in the composer: pick a saved template, save the text as one, and
see which ``{{variables}}`` the recipient list fills and how many variants the text has."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from spreader_app.core.bidi import first_strong_isolated
from spreader_app.core.errors import SpreaderError, ValidationFailed
from spreader_app.core.models import MessageTemplate, MessageType
from spreader_app.core.template import column_key, parse
from spreader_app.gui.context import AppContext
from spreader_app.gui.pages.send.content_box import ContentBox
from spreader_app.gui.tasks import describe, run_task
from spreader_app.gui.widgets.accessibility import buddy_label, show_value
from spreader_app.gui.widgets.roles import set_role
from spreader_app.gui.widgets.save_template import save_as_template


class PersonalBar(QWidget):
    """Sits under the message box. ``columns`` are the imported file's columns (without the
    phone column), ``None`` for pasted numbers; ``changed`` fires when a template was applied."""

    changed = Signal()

    def __init__(self, context: AppContext, content: ContentBox) -> None:
        super().__init__()
        self.context = context
        self.content = content
        self.columns: list[str] | None = None
        self._templates: list[MessageTemplate] = []
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Template"))
        self.template_combo.setToolTip(self.tr("Fill the message from a saved template"))
        self.template_combo.activated.connect(self._on_template_combo_activated)
        self.save_button = QPushButton(self.tr("Save as te&mplate…"))
        self.save_button.setToolTip(self.tr("Keep this message as a template of the package"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.info_label = QLabel()
        self.info_label.setAccessibleName(self.tr("Variables and variants"))
        self.info_label.setWordWrap(True)
        self.info_label.setProperty("role", "hint")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(buddy_label(self.tr("T&emplate:"), self.template_combo))
        row.addWidget(self.template_combo, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.info_label)
        content.text_edit.textChanged.connect(self.update_info)
        context.package_changed.connect(self.reload)
        self.reload()

    # --- templates -------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the current package's templates into the picker."""
        if self.context.package_id:
            run_task(self._load())

    async def _load(self) -> None:
        try:
            self._templates = await self.context.services.templates.list(self.context.package_id)
        except SpreaderError as exc:
            self._say(describe(exc), error=True)
            return
        self.template_combo.clear()
        self.template_combo.addItem(self.tr("Choose a template…"), "")
        for template in self._templates:
            self.template_combo.addItem(template.name, template.id)
        self.template_combo.setEnabled(bool(self._templates))

    def _on_template_combo_activated(self, index: int) -> None:
        chosen = next(
            (t for t in self._templates if t.id == self.template_combo.itemData(index)), None
        )
        if chosen is None:
            return
        c, box = chosen.content, self.content
        box.type_combo.setCurrentIndex(box.type_combo.findData(c.type.value))
        box.text_edit.setPlainText(c.text if c.type is MessageType.TEXT else c.caption or c.text)
        box.media_url_edit.setText(c.media_url or "")
        box.media_path_edit.setText(c.media_path or "")
        self.changed.emit()

    def _on_save_button_clicked(self) -> None:
        run_task(self._save(), busy=self.save_button)

    async def _save(self) -> None:
        box = self.content
        kind = box.message_type()
        text = box.text_edit.toPlainText()
        body: dict[str, object] = {
            "type": kind.value,
            "text" if kind is MessageType.TEXT else "caption": text,
        }
        if kind is not MessageType.TEXT:
            for key, edit in (
                ("media_url", box.media_url_edit),
                ("media_path", box.media_path_edit),
            ):
                if edit.text().strip():
                    body[key] = edit.text().strip()
        templates, package_id = self.context.services.templates, self.context.package_id

        async def save(name: str) -> MessageTemplate:
            return await templates.create(package_id, {"name": name, **body}, actor="desktop")

        saved, sentence = await save_as_template(self, save)
        self._say(sentence, error=saved is None and bool(sentence))
        if saved is not None:
            await self._load()

    # --- variables -------------------------------------------------------------------------

    def set_columns(self, columns: list[str] | None) -> None:
        self.columns = columns
        self.update_info()

    def update_info(self) -> None:
        """Names the variables with the column each reads (or that none does) and the
        number of variants."""
        text = self.content.text_edit.toPlainText()
        try:
            template = parse(text)
        except ValidationFailed as exc:
            self._say(describe(exc), error=True)
            return
        sentences: list[str] = []
        unknown = False
        if template.variables:
            keys = {column_key(c): c for c in self.columns or []}
            parts = []
            for var in template.variables:
                column = keys.get(var.key)
                name = _isolated(var.name)
                unknown = unknown or column is None
                parts.append(
                    self.tr("{{%1}} ← column “%2”")
                    .replace("%1", name)
                    .replace("%2", _isolated(column))
                    if column is not None
                    else self.tr("{{%1}}: no such column").replace("%1", name)
                )
            sentences.append(self.tr("Variables: %1.").replace("%1", "; ".join(parts)))
            if unknown:
                have = (
                    ", ".join(map(_isolated, self.columns))
                    if self.columns
                    else self.tr("none (pasted numbers)")
                )
                sentences.append(self.tr("The list's columns: %1.").replace("%1", have))
        if template.variants > 1:
            sentences.append(
                self.tr("Variants of the text: %1.").replace("%1", f"{template.variants:,}")
            )
        self._say(" ".join(sentences), error=unknown)

    def _say(self, text: str, *, error: bool = False) -> None:
        show_value(self.info_label, text)
        set_role(self.info_label, "error" if error else "hint")
        self.info_label.setVisible(bool(text))


def _isolated(name: str) -> str:
    """A name for a mixed-direction label: first-strong isolated (FSI … PDI), so an Arabic
    column name cannot pull the braces and arrows around it out of place."""
    return first_strong_isolated(name)
