"""What a page module imports, read from its source (pages must stay free of Qt)."""

from __future__ import annotations

import ast
from types import ModuleType


def imported_modules(module: ModuleType) -> list[str]:
    """Every module ``module``'s source imports, at any depth of its syntax tree."""
    assert module.__file__ is not None
    with open(module.__file__, encoding="utf-8") as source:
        tree = ast.parse(source.read())
    names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    return names


def qt_imports(module: ModuleType) -> list[str]:
    """The Qt modules ``module`` imports (a page must import none)."""
    return [m for m in imported_modules(module) if m.split(".")[0] == "PySide6"]
