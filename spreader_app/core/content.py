"""Validation of what a message carries: its type, text, media and caption."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from spreader_app.core.fields import FieldReader
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.models import MessageContent, MessageType
from spreader_app.core.text import Sentence

# WhatsApp refuses longer texts; captions are shorter still.
MAX_TEXT = 65_536
MAX_CAPTION = 1024
CONTENT_FIELDS = {"type", "text", "media_url", "caption", "media_path"}

_BLANK = Sentence(
    "Fields", QT_TRANSLATE_NOOP("Fields", "is required for a text message and must not be blank")
)
_MEDIA_ON_TEXT = Sentence(
    "Fields",
    QT_TRANSLATE_NOOP(
        "Fields", "is text, but media was given; set type to image, voice, document or video"
    ),
)
_NO_MEDIA = Sentence(
    "Fields",
    QT_TRANSLATE_NOOP(
        "Fields", "is required for a {kind} message (or media_path for a local file)"
    ),
)
_BOTH_MEDIA = Sentence(
    "Fields", QT_TRANSLATE_NOOP("Fields", "give either media_url or media_path, not both")
)
_NOT_PUBLIC = Sentence(
    "Fields", QT_TRANSLATE_NOOP("Fields", "must be a public http(s) URL the gateway can fetch")
)
_UNREADABLE = Sentence("Fields", QT_TRANSLATE_NOOP("Fields", "{path} is not a readable file"))


def read_content(r: FieldReader) -> MessageContent:
    """Reads and checks the content fields; problems are collected on ``r``."""
    kind = r.choice("type", MessageType, MessageType.TEXT) or MessageType.TEXT
    text = r.text("text", "", max_len=MAX_TEXT, strip=False) or ""
    caption = r.text("caption", None, max_len=MAX_CAPTION, strip=False)
    media_url = r.text("media_url", None, max_len=2048)
    media_path = r.text("media_path", None, max_len=4096)
    if kind is MessageType.TEXT:
        if not text.strip() and not any(e["field"] == r.path("text") for e in r.errors):
            r.error("text", _BLANK())
        if media_url or media_path:
            r.error("type", _MEDIA_ON_TEXT())
    else:
        if not media_url and not media_path:
            r.error("media_url", _NO_MEDIA(kind=kind.value))
        if media_url and media_path:
            r.error("media_path", _BOTH_MEDIA())
        if media_url:
            parts = urlparse(media_url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                r.error("media_url", _NOT_PUBLIC())
        if media_path and not Path(media_path).is_file():
            r.error("media_path", _UNREADABLE(path=media_path))
        if caption is None and text:
            caption, text = text[:MAX_CAPTION], ""
    return MessageContent(kind, text, media_url, caption, media_path)


def personal_text(content: MessageContent) -> tuple[str, int]:
    """The part of ``content`` that is personalised (the text, or a media's caption) and the
    most characters WhatsApp takes for it."""
    if content.type is MessageType.TEXT:
        return content.text, MAX_TEXT
    return (content.caption if content.caption is not None else content.text), MAX_CAPTION
