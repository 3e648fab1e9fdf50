"""The layering rules hold: a Qt-free engine, and a core that knows no infrastructure."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "spreader_app"
QT = ("PySide6", "qasync", "shiboken6")
INFRA = ("sqlalchemy", "alembic", "httpx", "aiohttp", "keyring", "cryptography")
OWN_INFRA = (
    "spreader_app.storage",
    "spreader_app.zentra",
    "spreader_app.vault",
    "spreader_app.server",
    "spreader_app.tunnel",
    "spreader_app.gui",
)


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(*packages: str) -> list[Path]:
    return sorted(p for pkg in packages for p in (ROOT / pkg).rglob("*.py"))


def offending(paths: list[Path], banned: tuple[str, ...]) -> list[str]:
    bad = []
    for path in paths:
        for name in imports(path):
            if any(name == b or name.startswith(b + ".") for b in banned):
                bad.append(f"{path.relative_to(ROOT.parent)} imports {name}")
    return bad


def test_architecture_qt_free_packages_never_import_qt() -> None:
    paths = modules("core", "storage", "vault", "zentra", "server", "tunnel") + [
        ROOT / "bootstrap.py",
        ROOT / "headless.py",
        ROOT / "config.py",
        ROOT / "paths.py",
    ]
    assert offending(paths, QT) == []


def test_architecture_core_imports_no_infrastructure() -> None:
    assert offending(modules("core"), INFRA + OWN_INFRA) == []


@pytest.mark.parametrize("package", ["storage", "zentra", "vault", "server", "tunnel"])
def test_architecture_adapters_do_not_reach_into_the_window(package: str) -> None:
    assert offending(modules(package), ("spreader_app.gui", "spreader_app.desktop")) == []


def test_architecture_gui_reaches_no_further_than_services() -> None:
    banned = (
        "spreader_app.storage",
        "spreader_app.zentra",
        "spreader_app.vault",
        "spreader_app.server",
        "spreader_app.tunnel",
    )
    assert offending(modules("gui"), banned) == []


# What storage may take from core: data only (models, ports, errors, value types and
# constants). A function or closure from core called on the database thread would put a
# core decision inside a storage transaction; storage returns what it found instead.
STORAGE_MAY_CALL = {
    # Pauses the cycle collector around bulk inserts; decides nothing.
    ("spreader_app.core.gc_pause", "gc_paused"),
}


def core_names_imported(path: Path) -> list[tuple[str, str]]:
    """``(module, name)`` of every name ``path`` imports from ``spreader_app.core``; a plain
    ``import spreader_app.core…`` yields ``(module, "*")``."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("spreader_app.core"):
                found.extend((node.module, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend(
                (alias.name, "*")
                for alias in node.names
                if alias.name.startswith("spreader_app.core")
            )
    return found


def is_data(module: str, name: str) -> bool:
    """Whether ``module.name`` is a type (dataclass, enum, protocol, error) or a constant."""
    if name == "*":
        return False
    value = getattr(importlib.import_module(module), name)
    return inspect.isclass(value) or not callable(value)


def test_architecture_storage_takes_only_data_from_core() -> None:
    calls = [
        f"{path.relative_to(ROOT.parent)} imports {module}.{name}"
        for path in modules("storage")
        for module, name in core_names_imported(path)
        if (module, name) not in STORAGE_MAY_CALL and not is_data(module, name)
    ]
    assert calls == []
