"""The interface language: Qt translators for Spreader's strings and Qt's own, and the
window's reading direction.

Translations live in ``resources/translations/spreader_<lang>.ts`` (the source, kept in
git). The compiled ``.qm`` is made at packaging time (``build.spec``) and bundled; run from
source, it is compiled from the ``.ts`` on first use into the per-user cache folder, keyed
by the ``.ts`` content, so a clone never needs a build step and can never load a stale one.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TypeVar

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from spreader_app.core.bidi import (
    Direction,
    first_strong_isolated,
    has_right_to_left,
    text_direction,
)
from spreader_app.core.gateway_words import delivery_error, gateway_detail
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP
from spreader_app.core.phones import BIDI_ISOLATE_END, BIDI_ISOLATE_START
from spreader_app.core.reasons import reason_text
from spreader_app.core.services.words import skipped_reason
from spreader_app.core.text import Text
from spreader_app.paths import APP_NAME, resource

log = logging.getLogger("spreader")
K = TypeVar("K")

translate = QCoreApplication.translate
"""``translate("Context", "text")`` for strings outside a QObject's methods (where
``self.tr("text")`` is used): lupdate finds both forms. Placeholders are Python's
``{name}``, filled with ``.format()`` after translating; counts use Qt's ``%n``."""

ENGLISH: Final = "en"
ARABIC: Final = "ar"
RIGHT_TO_LEFT: Final = frozenset({ARABIC})
CATALOGUE_STEM: Final = "spreader"
QT_CATALOGUE_STEM: Final = "qtbase"
_LANGUAGE_PROPERTY: Final = "spreader_language"


@dataclass
class InstalledLanguage:
    """What ``install_language`` did: the language shown and the translators it installed
    (kept here so they live as long as the application)."""

    language: str
    translators: list[QTranslator] = field(default_factory=list)
    catalogues: list[Path] = field(default_factory=list)


class TranslatedLabels(Mapping[K, str]):
    """A fixed table of labels (enum member → text) that answers in the interface language.

    Written with ``QT_TRANSLATE_NOOP(context, "text")`` values so lupdate collects them;
    each lookup translates, so the table can be a module constant made before any
    translator is installed.
    """

    def __init__(self, context: str, labels: Mapping[K, str]) -> None:
        self._context = context
        self._labels = dict(labels)

    def __getitem__(self, key: K) -> str:
        return translate(self._context, self._labels[key])

    def source(self, key: K) -> str:
        """The English label, whatever the interface language (for files and logs)."""
        return self._labels[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


def uninstall_language(app: QCoreApplication, installed: InstalledLanguage) -> None:
    """Undoes ``install_language``: English texts, left to right (for tests and tools that
    show several languages in one process)."""
    for translator in installed.translators:
        app.removeTranslator(translator)
    app.setProperty(_LANGUAGE_PROPERTY, None)
    if isinstance(app, QApplication):
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def interface_language(setting: str, system: QLocale | None = None) -> str:
    """``"en"`` or ``"ar"``: the setting itself, or for ``"system"`` the desktop locale's
    language when Spreader is translated into it, else English."""
    if setting in (ENGLISH, ARABIC):
        return setting
    locale = QLocale.system() if system is None else system
    return ARABIC if locale.language() == QLocale.Language.Arabic else ENGLISH


def current_language() -> str:
    """The language ``install_language`` showed the interface in (English before it ran)."""
    app = QCoreApplication.instance()
    language = app.property(_LANGUAGE_PROPERTY) if app is not None else None
    return language if isinstance(language, str) else ENGLISH


def ltr(token: object) -> str:
    """``token`` as text, isolated left to right (LRI … PDI) while the interface is right to
    left: for a phone number, time, device id, count or address placed inside a translated
    sentence, so the sentence cannot reorder its parts (``+966 50 123 4567`` never becomes
    ``4567 123 50 966+``). In a left-to-right interface the text comes back as it is. For
    the screen only; never for text that is sent or exported."""
    if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return str(token)
    return f"{BIDI_ISOLATE_START}{token}{BIDI_ISOLATE_END}"


def isolated(value: object) -> str:
    """``value`` as text, isolated for a place inside a sentence where its direction
    differs from the interface's, so its letters and digits cannot join the sentence's
    ("Blocked: مبيعات 1 at 12:00"). In a right-to-left interface, a value whose first
    strong letter is right to left (an Arabic device name) gets FSI … PDI and any other
    (a number, time, phone number, id, English name) ``ltr()``'s LRI … PDI. In a
    left-to-right interface, a value with a right-to-left letter anywhere gets FSI … PDI,
    which takes the direction of its first strong letter; one without is left as it is, as
    the English words around it cannot reorder it. For the screen only."""
    text = str(value)
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        if text_direction(text) is not Direction.RTL:
            return ltr(text)
    elif not has_right_to_left(text):
        return text
    return first_strong_isolated(text)


def shown(text: Text | str) -> str:
    """A sentence made by the engine (``core.text.Text``) in the interface language, each
    value isolated with ``isolated()``; a plain string (a stored reason no template matched,
    a message not yet made translatable) comes back as it is."""
    if isinstance(text, str):
        return text
    return text.render(translate, isolated)


def field_sentence(key: str, problem: Text | str, labels: Mapping[str, str]) -> str:
    """One form error as a sentence: the field's label (``labels[key]``, else the key
    itself) and what is wrong with it (a ``ValidationFailed.detail_texts`` message), e.g.
    "Name must not be empty." in the interface language."""
    label = labels[key] if key in labels else key
    return translate("Fields", "{field} {problem}.").format(field=label, problem=shown(problem))


def shown_gateway_detail(stored: str) -> str:
    """A gateway's detail (``GatewayResult.detail``, English) in the interface language,
    the gateway's own words quoted and isolated after the translated sentence."""
    return shown(gateway_detail(stored)) if stored else ""


@functools.lru_cache(maxsize=4096)
def _shown_delivery_error(stored: str, language: str, direction: Qt.LayoutDirection) -> str:
    found = delivery_error(stored)
    return shown(skipped_reason(stored) if isinstance(found, str) else found)


def shown_delivery_error(stored: str) -> str:
    """A delivery's stored ``error`` in the interface language: a failure
    (``"rate_limited: <detail>"``) as the kind in words, then the gateway's detail
    (``shown_gateway_detail``); a skipped recipient's reason translated too. Remembered per
    text and language, as tables ask for it at every paint."""
    return _shown_delivery_error(stored, current_language(), QGuiApplication.layoutDirection())


def shown_reason(stored: str) -> str:
    """A stored profile or pool reason (English, ``core.reasons``) in the interface
    language; one no sentence made is shown as it is."""
    return shown(reason_text(stored))


def source_catalogue(language: str) -> Path:
    """The translation source ``resources/translations/spreader_<language>.ts``."""
    return resource(f"translations/{CATALOGUE_STEM}_{language}.ts")


def lrelease_command() -> list[str] | None:
    """The Qt Linguist compiler shipped with PySide6, or ``None`` when it is not installed."""
    bundled = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    if bundled.is_file():
        return [str(bundled)]
    found = shutil.which("pyside6-lrelease")
    return [found] if found else None


def compile_catalogue(source: Path, target: Path) -> Path:
    """Compiles the ``.ts`` file ``source`` to the ``.qm`` file ``target``; returns ``target``.

    Raises ``FileNotFoundError`` when lrelease is not installed and ``RuntimeError`` with its
    output when it fails.
    """
    command = lrelease_command()
    if command is None:
        raise FileNotFoundError("pyside6-lrelease is not installed (it comes with PySide6)")
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [*command, "-silent", str(source), "-qm", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not target.is_file():
        raise RuntimeError(f"lrelease could not compile {source}: {done.stderr or done.stdout}")
    return target


def catalogue(language: str) -> Path | None:
    """The compiled catalogue of Spreader's strings in ``language``: the bundled one, else
    one compiled now from the ``.ts`` into the cache folder; ``None`` when neither can be had
    (logged)."""
    bundled = resource(f"translations/{CATALOGUE_STEM}_{language}.qm")
    if bundled.is_file():
        return bundled
    source = source_catalogue(language)
    if not source.is_file():
        log.warning("No translation of the interface into %r: %s is missing", language, source)
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    cached = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)).joinpath(
        "translations", f"{CATALOGUE_STEM}_{language}-{digest}.qm"
    )
    if cached.is_file():
        return cached
    try:
        return compile_catalogue(source, cached)
    except (OSError, RuntimeError) as exc:
        log.warning("The interface stays in English: %s", exc)
        return None


def qt_catalogue(language: str) -> Path | None:
    """Qt's own strings (standard buttons, file dialogs) in ``language``: ``qtbase_<lang>.qm``
    from Qt's translations folder, or bundled under ``resources/translations``."""
    name = f"{QT_CATALOGUE_STEM}_{language}.qm"
    for folder in (
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        resource("translations"),
    ):
        if (folder / name).is_file():
            return folder / name
    log.warning("Qt's own strings stay in English: %s was not found", name)
    return None


def install_language(app: QCoreApplication, setting: str) -> InstalledLanguage:
    """Shows the interface in the language ``setting`` (one of ``config.LANGUAGES``) names:
    installs the translators and lays the window out right to left for Arabic.

    Call before any window is built: widgets take their texts when they are made, which is
    why a change of language applies on the next start.
    """
    language = interface_language(setting)
    installed = InstalledLanguage(language)
    app.setProperty(_LANGUAGE_PROPERTY, language)
    # English needs its catalogue too, for the plural forms of counted texts ("%n
    # message(s)"); Qt's own strings are English already.
    paths = [catalogue(language)]
    if language != ENGLISH:
        paths.append(qt_catalogue(language))
    for path in paths:
        translator = QTranslator(app)
        if path is not None and translator.load(str(path)):
            app.installTranslator(translator)
            installed.translators.append(translator)
            installed.catalogues.append(path)
        elif path is not None:
            log.warning("Qt could not read the translation %s", path)
    # QLocale's default stays the system's: Arabic's own would write every number with
    # Arabic-Indic digits, while phone numbers, caps and times are typed with Latin ones.
    if isinstance(app, QApplication):
        direction = (
            Qt.LayoutDirection.RightToLeft
            if language in RIGHT_TO_LEFT
            else Qt.LayoutDirection.LeftToRight
        )
        app.setLayoutDirection(direction)
    return installed
