"""The message section of the Send page: its type, the text or caption, and the media."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.content import MAX_CAPTION, MAX_TEXT
from spreader_app.core.models import MessageType
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels
from spreader_app.gui.tasks import run_task
from spreader_app.gui.widgets.accessibility import buddy_label, show_value
from spreader_app.gui.widgets.file_dialogs import ask_open_file
from spreader_app.gui.widgets.roles import error_label, set_role
from spreader_app.gui.widgets.text_direction import follow_text_direction
from spreader_app.gui.words import MESSAGE_TYPE_LABELS

MEDIA_FILTERS = TranslatedLabels(
    "ContentBox",
    {
        MessageType.IMAGE: QT_TRANSLATE_NOOP("ContentBox", "Images (*.jpg *.jpeg *.png *.webp)"),
        MessageType.VIDEO: QT_TRANSLATE_NOOP("ContentBox", "Videos (*.mp4 *.3gp *.mov)"),
        MessageType.VOICE: QT_TRANSLATE_NOOP(
            "ContentBox", "Audio (*.ogg *.opus *.mp3 *.m4a *.aac *.amr)"
        ),
        MessageType.DOCUMENT: QT_TRANSLATE_NOOP(
            "ContentBox", "Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.txt *.zip)"
        ),
    },
)


class ContentBox(QGroupBox):
    """The message type, its text (the caption for media) with a live character count
    against the gateway's limit, and the media file or URL; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Message"))
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Message type"))
        for kind in MessageType:
            self.type_combo.addItem(MESSAGE_TYPE_LABELS[kind], kind.value)
        self.text_label = QLabel()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Message text"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(110)
        follow_text_direction(self.text_edit)
        self.text_label.setBuddy(self.text_edit)
        self.counter_label = QLabel()
        self.counter_label.setAccessibleName(self.tr("Character count"))
        self.media_path_edit = QLineEdit()
        self.media_path_edit.setAccessibleName(self.tr("Media file"))
        self.media_path_edit.setPlaceholderText(self.tr("A file on this computer"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setToolTip(self.tr("Choose the file to send"))
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.media_url_edit = QLineEdit()
        self.media_url_edit.setAccessibleName(self.tr("Media URL"))
        self.media_url_edit.setPlaceholderText(self.tr("or a public https:// address"))
        self.media_url_edit.setToolTip(self.tr("The gateway downloads the media from this address"))
        self.error_label = error_label()

        top = QHBoxLayout()
        top.addWidget(buddy_label(self.tr("&Type:"), self.type_combo))
        top.addWidget(self.type_combo)
        top.addStretch(1)
        text_row = QHBoxLayout()
        text_row.addWidget(self.text_label)
        text_row.addStretch(1)
        text_row.addWidget(self.counter_label)
        self.media_box = QWidget()
        media = QFormLayout(self.media_box)
        media.setContentsMargins(0, 0, 0, 0)
        file_row = QHBoxLayout()
        file_row.addWidget(self.media_path_edit, 1)
        file_row.addWidget(self.browse_button)
        media.addRow(buddy_label(self.tr("&Media file:"), self.media_path_edit), file_row)
        media.addRow(buddy_label(self.tr("Media &URL:"), self.media_url_edit), self.media_url_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.media_box)
        layout.addLayout(text_row)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.error_label)

        self.type_combo.currentIndexChanged.connect(self._on_type_combo_changed)
        self.text_edit.textChanged.connect(self._update_counter)
        for edited in (
            self.text_edit.textChanged,
            self.media_path_edit.textChanged,
            self.media_url_edit.textChanged,
        ):
            edited.connect(self.changed)
        self._on_type_combo_changed()

    def message_type(self) -> MessageType:
        return MessageType(self.type_combo.currentData())

    def clear(self) -> None:
        """Empties the text and the media, for the next message."""
        self.text_edit.clear()
        self.media_path_edit.clear()
        self.media_url_edit.clear()

    def _on_type_combo_changed(self) -> None:
        media = self.message_type() is not MessageType.TEXT
        self.media_box.setVisible(media)
        self.text_label.setText(
            self.tr("Caption te&xt (optional):") if media else self.tr("Message te&xt:")
        )
        self.text_edit.setAccessibleName(self.tr("Caption") if media else self.tr("Message text"))
        self._update_counter()
        self.changed.emit()

    def _update_counter(self) -> None:
        limit = MAX_TEXT if self.message_type() is MessageType.TEXT else MAX_CAPTION
        n = len(self.text_edit.toPlainText())
        text = self.tr("{count} / {limit} characters").format(count=f"{n:,}", limit=f"{limit:,}")
        if n > limit:
            text = self.tr("{count}: {over} too many").format(count=text, over=f"{n - limit:,}")
        show_value(self.counter_label, text)
        set_role(self.counter_label, "error" if n > limit else "hint")

    def _on_browse_button_clicked(self) -> None:
        run_task(self._browse_media(), busy=self.browse_button)

    async def _browse_media(self) -> None:
        filters = [MEDIA_FILTERS[self.message_type()], self.tr("All files (*)")]
        path = await ask_open_file(self, self.tr("Choose the file to send"), filters)
        if path is not None:
            self.media_path_edit.setText(path.as_posix())  # as Qt names it, on every system
