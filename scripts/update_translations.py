"""Keep the interface's translation catalogues in step with the code, and say what is missing.

    python3 -m scripts.update_translations          # update the .ts files, then report
    python3 -m scripts.update_translations --check  # report only; exit 1 on any problem

Updating runs Qt's lupdate over the window's sources into ``resources/translations``:
``spreader_ar.ts`` (every string, for translators: open it in Qt Linguist, or edit the XML)
and ``spreader_en.ts`` (only the strings with a count, ``%n``, whose English plural forms
are written there). Strings no longer in the code are dropped. The report then lists:

- literal texts the code shows without passing them through ``self.tr()`` /
  ``translate()`` (see ``untranslated_literals``);
- strings of the code that are not in a catalogue (run this command);
- strings of a catalogue that have no finished translation, or whose translation lost a
  ``{placeholder}`` or ``%n``.

The test suite runs the same checks (tests/unit/test_translations.py), so CI fails on a new
string that was not translated.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
_CORE = ROOT / "spreader_app" / "core"
CORE_SOURCES = (
    _CORE / "phone_check.py",
    _CORE / "phone_reasons.py",
    _CORE / "recipient_files.py",
    _CORE / "recipient_table.py",
    _CORE / "outcomes.py",
    _CORE / "quiet_hours.py",
    _CORE / "reasons.py",
    _CORE / "recipient_zones.py",
    _CORE / "why.py",
    _CORE / "fields.py",
    _CORE / "content.py",
    _CORE / "gateway_words.py",
    _CORE / "template.py",
    _CORE / "reply_router.py",
    *sorted((_CORE / "services").glob("*.py")),
    ROOT / "spreader_app" / "zentra" / "outcomes.py",
    ROOT / "spreader_app" / "vault" / "passphrase.py",
    ROOT / "spreader_app" / "vault" / "key_sources.py",
    ROOT / "spreader_app" / "vault" / "vault.py",
    ROOT / "spreader_app" / "instance.py",
)
"""Modules outside the window whose sentences it shows (the engine's, the gateway
classifier's details, the vault's advice and errors, the data-folder lock's refusal): they
write them as ``core.text.Text`` with ``QT_TRANSLATE_NOOP`` (``core.i18n_marker``), and are
held to the same check as the window, errors they raise included."""
SOURCES = (ROOT / "spreader_app" / "gui", ROOT / "spreader_app" / "desktop.py", *CORE_SOURCES)
COMMAND = "python3 -m scripts.update_translations"
# Catalogue file → (target language, lupdate options): Arabic holds every string; English
# only those with plural forms, which the English source text cannot express alone.
CATALOGUES = {
    "spreader_ar.ts": ("ar", ()),
    "spreader_en.ts": ("en", ("-pluralonly",)),
}

# Calls whose text arguments a person reads (or hears): name → positions of those arguments
# (None: every positional argument). Keyword arguments are listed in TEXT_KEYWORDS.
TEXT_CALLS: dict[str, frozenset[int] | None] = {
    **dict.fromkeys(
        (
            "setText setToolTip setAccessibleName setAccessibleDescription setPlaceholderText "
            "setWindowTitle setTitle setStatusTip setWhatsThis setLabelText setSuffix setPrefix "
            "setSpecialValueText showMessage setHeaderLabels notify QLabel QPushButton "
            "QCheckBox QRadioButton QGroupBox QAction QToolButton QListWidgetItem QMessageBox"
        ).split(),
        None,
    ),
    "addItem": frozenset({0}),
    "EmptyState": frozenset({0, 1, 2}),
    "Column": frozenset({0}),
    "page_action": frozenset({1, 4}),
    "setup_live_table": frozenset({2}),
    "configure_table": frozenset({2}),
    "filter_table": frozenset({1}),
    "filter_edit": frozenset({1, 2, 3}),
    "confirm": frozenset({1, 2}),
    "ask_open_file": frozenset({1}),
    "ask_save_csv": frozenset({1}),
    "insertItem": frozenset({1}),
    "addTab": frozenset({1}),
    "setTabText": frozenset({1}),
    "addButton": frozenset({0}),
    "addRow": frozenset({0}),
    "show_value": frozenset({1}),
    "show_message": frozenset({1}),
    "buddy_label": frozenset({0}),
}
TEXT_KEYWORDS = frozenset(
    {"text", "title", "tip", "hint", "placeholder", "yes", "action", "header_tooltip"}
)
TRANSLATING = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"})
NOT_SHOWN = "# not translated:"
"""This comment (followed by why) on a statement, or on the line above it, marks its texts
as not for people to read in their language: file headers, formats, a language's own name."""

_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")
# Qt underlines a mnemonic letter, which on an Arabic letter covers its dots (ب reads ي):
# Arabic texts carry the English mnemonic after them instead, "الحالة (&S):".
_ARABIC_MNEMONIC = re.compile(r"&[\u0600-\u06ff]")
_SENTENCE = re.compile(r"[A-Za-z]{2,}[^\n]*\s[A-Za-z]")
_LOGGING = frozenset({"debug", "info", "warning", "error", "exception", "critical"})


@dataclass(frozen=True, order=True)
class Finding:
    """One problem: where it is and what is wrong."""

    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


# --- strings shown without translation -------------------------------------------------


def python_sources(sources: Iterable[Path] = SOURCES) -> list[Path]:
    files: list[Path] = []
    for source in sources:
        files += sorted(source.rglob("*.py")) if source.is_dir() else [source]
    return files


_APPLICATIONS = frozenset({"QCoreApplication", "QGuiApplication", "QApplication"})


def _call_name(node: ast.Call) -> str | None:
    """The called function's name; ``painter.translate()`` and the like are not
    ``translate``: only the bare name and the application classes' are."""
    if isinstance(node.func, ast.Attribute):
        owner = node.func.value
        if node.func.attr == "translate" and not (
            isinstance(owner, ast.Name) and owner.id in _APPLICATIONS
        ):
            return None
        return node.func.attr
    if isinstance(node.func, ast.Name):
        return node.func.id
    return None


def _is_text(node: ast.expr) -> bool:
    """A literal text with letters: a string, an f-string, or a sum of them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_is_text(part) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_text(node.left) or _is_text(node.right)
    return False


def _docstrings(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    # A constant followed by a string statement documents it (attribute docstrings).
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for before, after in zip(body, body[1:], strict=False):
            if isinstance(before, ast.Assign | ast.AnnAssign) and isinstance(after, ast.Expr):
                if isinstance(after.value, ast.Constant):
                    found.add(id(after.value))
    return found


def _exempt(tree: ast.Module, *, engine: bool = False) -> set[int]:
    """Nodes whose strings are never shown: docstrings, translation calls (checked
    separately), logging calls and exception arguments (for developers and logs). In the
    engine's modules (``engine``) an exception's message is shown, so only its ``details``
    (field-by-field words for the API) stay exempt."""
    exempt = _docstrings(tree)
    for node in ast.walk(tree):
        skip = False
        if isinstance(node, ast.Call):
            name = _call_name(node)
            is_log = isinstance(node.func, ast.Attribute) and name in _LOGGING
            skip = name in TRANSLATING or is_log
        if engine and isinstance(node, ast.keyword) and node.arg == "details":
            skip = True
        skip = skip or (isinstance(node, ast.Raise) and not (engine and _for_people(node)))
        if isinstance(node, ast.JoinedStr):  # judged as a whole, not by its parts
            exempt.update(id(child) for child in ast.walk(node) if child is not node)
        if skip:
            exempt.update(id(child) for child in ast.walk(node) if child is not node)
    return exempt


def untranslated_literals(files: Iterable[Path]) -> list[Finding]:
    """Texts a person would see that do not go through the translation layer.

    Flags (1) a literal text passed to a call that shows it (``TEXT_CALLS``), (2) an
    f-string inside ``tr()``/``translate()`` (lupdate cannot look it up), (3) a
    ``translate()``/``QT_TRANSLATE_NOOP()`` whose context is not a literal (lupdate files it
    under no context), and (4) any other string literal that reads like words, outside
    docstrings, translation calls, logging and exceptions (an f-string by its literal
    parts). A statement marked ``# not translated: <why>`` is left alone.
    """
    return sorted(finding for path in files for finding in _scan(path))


def _for_people(node: ast.Raise) -> bool:
    """An engine error whose message people read: any but Python's own exceptions
    (``ValueError`` and the like, which report a programming error)."""
    raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
    name = raised.id if isinstance(raised, ast.Name) else None
    return name is not None and not hasattr(builtins, name)


_SENTENCES = frozenset({"Text", "Sentence"})


def _marker_context(node: ast.expr) -> str | None:
    """The context of a ``QT_TRANSLATE_NOOP("Context", ...)`` call, else ``None``."""
    if (
        isinstance(node, ast.Call)
        and _call_name(node) == "QT_TRANSLATE_NOOP"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ):
        return str(node.args[0].value)
    return None


def _is_engine(path: Path, tree: ast.Module) -> bool:
    """A module of the engine: one of ``CORE_SOURCES``, or any that imports the core marker."""
    if path.resolve() in {source.resolve() for source in CORE_SOURCES}:
        return True
    return any(
        isinstance(node, ast.ImportFrom) and node.module == "spreader_app.core.i18n_marker"
        for node in ast.walk(tree)
    )


def _scan(path: Path) -> list[Finding]:
    """``untranslated_literals`` for one file."""
    findings: list[Finding] = []
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text, filename=str(path))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    exempt = _exempt(tree, engine=_is_engine(path, tree))

    statement_of: dict[int, ast.stmt] = {}
    for statement in ast.walk(tree):
        if isinstance(statement, ast.stmt):
            for child in ast.walk(statement):
                statement_of[id(child)] = statement  # the innermost statement wins

    def marked(node: ast.AST) -> bool:
        around = statement_of.get(id(node), node)
        first = min(node.lineno, around.lineno) - 1  # the line above counts too
        last = max(getattr(node, "end_lineno", 0) or 0, around.end_lineno or 0)
        return any(NOT_SHOWN in line for line in lines[max(first - 1, 0) : last])

    def add(node: ast.AST, problem: str) -> None:
        if not marked(node):
            findings.append(Finding(f"{where}:{node.lineno}", problem))

    reported: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name in _SENTENCES and len(node.args) >= 2:
            context, template = node.args[:2]
            marked_as = _marker_context(template)
            if isinstance(context, ast.Constant) and marked_as not in (None, context.value):
                add(
                    node, f"{name}() names context {ast.unparse(context)}, the marker {marked_as!r}"
                )
        if name in TRANSLATING:
            context_first = name in ("translate", "QT_TRANSLATE_NOOP")
            if name == "translate" and len(node.args) + len(node.keywords) > 3:
                add(
                    node,
                    "a count in translate(): lupdate loses its plural forms; use "
                    'self.tr(text, "", n) in a QObject class',
                )
            texts = node.args[1:2] if context_first else node.args[:1]
            if any(isinstance(arg, ast.JoinedStr) for arg in texts):
                add(node, f"an f-string in {name}(): use {{name}} and .format() after it")
            context = node.args[0] if context_first and node.args else None
            if context is not None and not isinstance(context, ast.Constant):
                if texts and isinstance(texts[0], ast.Constant):
                    add(node, f"{name}() needs its context as a literal string")
            continue
        if name not in TEXT_CALLS:
            continue
        positions = TEXT_CALLS[name]
        for i, arg in enumerate(node.args):
            if (positions is None or i in positions) and _is_text(arg):
                add(arg, f"{ast.unparse(arg)[:60]} is shown untranslated by {name}()")
                reported.update(id(child) for child in ast.walk(arg))
        for keyword in node.keywords:
            if keyword.arg in TEXT_KEYWORDS and _is_text(keyword.value):
                add(
                    keyword.value,
                    f"{keyword.arg}={ast.unparse(keyword.value)[:60]} is shown untranslated",
                )
                reported.update(id(child) for child in ast.walk(keyword.value))
    for node in ast.walk(tree):
        if id(node) in exempt or id(node) in reported:
            continue
        if isinstance(node, ast.JoinedStr):
            words = " ".join(
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            words = node.value
        else:
            continue
        if _SENTENCE.search(words):
            add(node, f"{ast.unparse(node)[:60]} reads like words but is not translated")
    return findings


def code_messages(files: Iterable[Path]) -> set[tuple[str, str]]:
    """(context, source) of every translation call with literal texts, read from the code
    itself: ``self.tr()`` in a class (its name is the context), ``translate()`` and
    ``QT_TRANSLATE_NOOP()``. Compared with what lupdate found, it shows calls lupdate
    silently skips."""
    found: set[tuple[str, str]] = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "self"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    found.add((cls.name, node.args[0].value))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _call_name(node) in ("translate", "QT_TRANSLATE_NOOP")
                and len(node.args) >= 2
                and all(isinstance(arg, ast.Constant) for arg in node.args[:2])
            ):
                found.add((node.args[0].value, node.args[1].value))
    return found


# --- the catalogues --------------------------------------------------------------------


def lupdate_command() -> list[str]:
    found = shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("pyside6-lupdate is not installed; it comes with PySide6")
    return [found]


def run_lupdate(
    target: Path, language: str, options: Iterable[str] = (), sources: Iterable[Path] = SOURCES
) -> None:
    """Brings ``target`` up to date with ``sources`` (created when missing)."""
    command = [
        *lupdate_command(),
        "-silent",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        language,
        *options,
        *(str(path) for path in python_sources(sources)),
        "-ts",
        str(target),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"lupdate failed: {done.stderr or done.stdout}")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    translations: tuple[str, ...]
    finished: bool

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.source)


def read_catalogue(path: Path) -> Iterator[Message]:
    """The messages of a ``.ts`` file (obsolete and vanished ones left out)."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ("",)
            elif numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            yield Message(
                name, message.findtext("source") or "", numerus, texts, kind != "unfinished"
            )


def translation_problems(path: Path) -> list[Finding]:
    """Messages of the catalogue ``path`` without a finished translation, or whose
    translation lost or invented a placeholder."""
    findings: list[Finding] = []
    for m in read_catalogue(path):
        where = f"{path.name} [{m.context}] {m.source[:70]!r}"
        if not m.finished or not all(t.strip() for t in m.translations):
            findings.append(Finding(where, "has no finished translation"))
            continue
        if any(_ARABIC_MNEMONIC.search(t) for t in m.translations):
            findings.append(
                Finding(where, "a mnemonic on an Arabic letter hides its dots: end with (&X)")
            )
        wanted = sorted(set(_PLACEHOLDER.findall(m.source)) - ({"%n"} if m.numerus else set()))
        for text in m.translations:
            got = sorted(set(_PLACEHOLDER.findall(text)) - ({"%n"} if m.numerus else set()))
            if got != wanted:
                findings.append(
                    Finding(
                        where, f"translation {text[:50]!r} has placeholders {got}, not {wanted}"
                    )
                )
    return findings


def catalogue_drift(
    catalogue: Path, language: str, options: Iterable[str] = (), sources: Iterable[Path] = SOURCES
) -> list[Finding]:
    """Strings in the code but not in ``catalogue``, and strings ``catalogue`` holds that the
    code no longer has: found by running lupdate into a copy and comparing."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / catalogue.name
        run_lupdate(fresh, language, options, sources)
        found = list(read_catalogue(fresh))
    wanted = {m.key for m in found}
    findings: list[Finding] = []
    if not options:  # a full catalogue: every call of the code must have reached it
        skipped = code_messages(python_sources(sources)) - wanted
        findings += [
            Finding(f"[{context}] {source[:70]!r}", "lupdate cannot read this call")
            for context, source in sorted(skipped)
        ]
    have = {m.key for m in read_catalogue(catalogue)} if catalogue.is_file() else set()
    findings += [
        Finding(f"{catalogue.name} [{context}] {source[:70]!r}", "is not in the catalogue")
        for context, source in sorted(wanted - have)
    ]
    findings += [
        Finding(f"{catalogue.name} [{context}] {source[:70]!r}", "is no longer in the code")
        for context, source in sorted(have - wanted)
    ]
    return findings


def check(folder: Path = TRANSLATIONS) -> list[Finding]:
    """Every problem: untranslated texts in the code, catalogue drift, missing translations."""
    findings = untranslated_literals(python_sources())
    for name, (language, options) in CATALOGUES.items():
        findings += catalogue_drift(folder / name, language, options)
        findings += translation_problems(folder / name)
    return findings


def report(findings: list[Finding]) -> str:
    lines = [f"{len(findings)} translation problem(s):", *(f"  {f}" for f in findings)]
    lines.append(
        f"Wrap shown texts in self.tr() or translate(), run `{COMMAND}`, then translate the "
        "new entries of resources/translations/*.ts (Qt Linguist, or the XML)."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; change nothing")
    args = parser.parse_args(argv)
    if not args.check:
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        for name, (language, options) in CATALOGUES.items():
            run_lupdate(TRANSLATIONS / name, language, options)
    findings = check()
    if findings:
        print(report(findings))
        return 1
    print("Translations complete: every shown text is in the catalogues and translated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
