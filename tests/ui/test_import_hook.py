"""PySide6's import hook asks, of every module imported after Qt, whether it names
PySide6: po_desktop.ui answers from the file's bytes instead of reading its source
through linecache (some 30 ms of start-up, and the lines kept in memory)."""

from __future__ import annotations

import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import po_desktop.ui  # noqa: F401


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    (tmp_path / "hook_names_qt.py").write_text(
        "# a window of its own\nimport PySide6.QtCore\n", encoding="utf-8"
    )
    (tmp_path / "hook_plain.py").write_text("VALUE = 'é'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("hook_names_qt", "hook_plain"):
        sys.modules.pop(name, None)


def test_a_module_imported_after_qt_is_not_read_into_linecache(modules: Path) -> None:
    __import__("hook_plain")  # an import statement: through the hook
    assert str(modules / "hook_plain.py") not in linecache.cache


def test_modules_naming_pyside6_are_still_told_from_the_others(modules: Path) -> None:
    feature = sys.modules["shibokensupport.feature"]
    __import__("hook_names_qt")
    __import__("hook_plain")
    assert feature.pyside_feature_dict["hook_names_qt"] == 0  # uses PySide: feature-aware
    assert feature.pyside_feature_dict["hook_plain"] == -1  # ignored by PySide's features
