"""The third-party notices name every package PO Desktop requires, with its licence."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from po_desktop import notices

ROOT = Path(__file__).resolve().parents[2]


def _required() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[\[<>=;\s]", text, maxsplit=1)[0] for text in project["dependencies"]}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_an_installation_lists_every_required_package_and_its_licence() -> None:
    text = notices.installed_notices()
    listed = {
        _normal(line.split(" ")[0]): line
        for line in text.split("\nComponents\n", 1)[1].split("\nLicence texts\n", 1)[0].splitlines()
        if line and not line.startswith(("-", " "))
    }
    assert {_normal(name) for name in _required()} <= set(listed)
    licences = re.findall(r"^    licence: (.*)$", text, re.M)
    assert "see its licence text" not in licences


def test_qt_versions_and_where_to_get_their_sources() -> None:
    qt, pyside = notices.qt_versions()
    text = notices.installed_notices()
    assert f"Qt {qt} and Qt for Python {pyside}" in text
    series = ".".join(qt.split(".")[:2])
    assert f"https://download.qt.io/official_releases/qt/{series}/{qt}/src/" in text


def test_each_licence_text_is_quoted_once_and_the_gnu_texts_last() -> None:
    same = ("LICENSE", "Same terms.\n")
    text = notices.render(
        [
            notices.Component("a", "1", "MIT", texts=(same,)),
            notices.Component("b", "2", "MIT", texts=(same,)),
        ],
        origin="A test.",
        qt=("6.11.3", "6.11.3"),
    )
    assert text.count("Same terms.") == 1
    assert text.index("GNU LESSER GENERAL PUBLIC LICENSE") > text.index("Same terms.")
    assert text.rstrip().endswith("<https://www.gnu.org/licenses/why-not-lgpl.html>.")  # GPL-3.0


def test_the_project_licence_is_found_in_a_checkout() -> None:
    licence = notices.project_licence()
    assert licence is not None and "All rights reserved" in licence
