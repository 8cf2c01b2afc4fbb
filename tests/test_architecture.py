"""Rules of the code's shape that import-linter cannot state (it sees packages, not names).

- The interface runs no SQL: it reads through ``store`` queries and writes through
  services. ``sqlalchemy.orm.Session`` may appear in signatures; nothing else of
  SQLAlchemy may be imported under ``po_desktop/ui``, and no session method that runs a
  statement may be called there.
"""

from __future__ import annotations

import ast
from pathlib import Path

import po_desktop

PACKAGE = Path(po_desktop.__file__).parent
STATEMENT_METHODS = {"execute", "scalar", "scalars", "query", "get"}


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "migrations" not in p.parts)


def _sql_in(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            names = {alias.name for alias in node.names}
            if node.module != "sqlalchemy.orm" or names != {"Session"}:
                found.append(f"line {node.lineno}: from {node.module} import {sorted(names)}")
        elif isinstance(node, ast.Import):
            found += [
                f"line {node.lineno}: import {a.name}" for a in node.names if "sqlalchemy" in a.name
            ]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in STATEMENT_METHODS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in {"s", "session"}
        ):
            found.append(f"line {node.lineno}: {node.func.value.id}.{node.func.attr}(…)")
    return found


def test_the_interface_runs_no_sql() -> None:
    problems = {
        str(path.relative_to(PACKAGE)): found
        for path in _modules(PACKAGE / "ui")
        if (found := _sql_in(path))
    }
    assert problems == {}, "read through po_desktop.store queries instead"


def test_the_rule_sees_sql_when_there_is_some(tmp_path: Path) -> None:
    module = tmp_path / "page.py"
    module.write_text(
        "from sqlalchemy import select\n"
        "from sqlalchemy.orm import Session\n"
        "def f(s: Session):\n    return s.scalars(select(1))\n",
        encoding="utf-8",
    )
    assert len(_sql_in(module)) == 2


# ----- sizes: a module says one thing ------------------------------------------------

MAX_LINES = 600
DATA_MODULES = {
    "demo/corpus.py",  # the demo workspace's French texts: data, read by the generator
    "domain/messages.py",  # the table of message ids and their English texts
}
SHELL = "ui/main_window.py"
"""The window is a shell: actions, pages and lifecycle live in their own modules."""


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_six_hundred_lines_but_data() -> None:
    long = {
        str(path.relative_to(PACKAGE)): _lines(path)
        for path in _modules(PACKAGE)
        if _lines(path) > MAX_LINES
    }
    assert set(long) <= DATA_MODULES, f"split these modules: {long}"
    assert all((PACKAGE / name).is_file() for name in DATA_MODULES)  # the list stays true


def test_the_main_window_is_a_shell() -> None:
    assert _lines(PACKAGE / SHELL) < 400


def test_no_interface_module_writes_an_inverse_operation() -> None:
    """Undo applies the Change a service returned: the interface passes one service call
    to perform() and never an undo or redo of its own."""
    found = []
    for path in _modules(PACKAGE / "ui"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"perform", "try_perform"}
                and (len(node.args) > 3 or any(k.arg in {"undo", "redo"} for k in node.keywords))
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            if isinstance(node, ast.ClassDef) and node.name == "CallbackCommand":
                found.append(f"{path.relative_to(PACKAGE)}: class CallbackCommand")
    assert found == []
