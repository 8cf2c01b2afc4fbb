"""Licences: PO Desktop's own, and the notices of the third-party components it ships.

The bundle's notices are written when it is built, from the files PyInstaller collected
(tools/third_party_notices.py: Python packages, Python itself, Qt and the system
libraries) into ``resources/THIRD-PARTY-NOTICES.txt``. An installation made by pip has no
such file: its notices are those of the installed packages PO Desktop requires, read
from their metadata when asked. Both are rendered here, from the template
``resources/licenses/third-party-notices.in``. No Qt: the About dialog shows the text.
"""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from po_desktop import APP_ID, APP_NAME, __version__, paths

NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
"""The bundle's notices, under resources/ (and beside the executable, for people)."""
LICENCE_FILE = "LICENSE"
"""PO Desktop's licence, under resources/ in the bundle."""
QT_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6")
GNU_TEXTS = ("licenses/LGPL-3.0.txt", "licenses/GPL-3.0.txt")
_LICENCE_NAME = re.compile(r"^(licen[cs]e|copying|notice)([._-].*)?$", re.IGNORECASE)
_TEXT_SUFFIXES = {"", ".txt", ".md", ".rst"}
_MAX_TEXT = 200_000


@dataclass(frozen=True)
class Component:
    """One third-party component as the notices name it."""

    name: str
    version: str
    licence: str
    origin: str = ""
    """Where it comes from, and where its source code is when that matters."""
    files: tuple[str, ...] = ()
    """What of it ships, when that is not obvious (system libraries)."""
    texts: tuple[tuple[str, str], ...] = ()
    """(title, full text) of its licence files."""


def frozen() -> bool:
    return getattr(sys, "_MEIPASS", None) is not None


def expected() -> list[str]:
    """Licence files every installation has under resources/ (the bundle: two more)."""
    bundle_only = [LICENCE_FILE, NOTICES_FILE] if frozen() else []
    return [*GNU_TEXTS, "licenses/third-party-notices.in", *bundle_only]


def project_licence() -> str | None:
    """PO Desktop's licence: in the bundle's resources, in the installed package's
    metadata (PEP 639 licence file), or beside the code in a checkout."""
    if frozen():
        path = paths.resource(LICENCE_FILE)
        return path.read_text(encoding="utf-8") if path is not None else None
    try:
        text = metadata.distribution(APP_ID).read_text(f"licenses/{LICENCE_FILE}")
    except metadata.PackageNotFoundError:
        text = None
    checkout = Path(__file__).resolve().parent.parent
    if text is None and (checkout / "pyproject.toml").is_file():
        path = checkout / LICENCE_FILE
        text = path.read_text(encoding="utf-8") if path.is_file() else None
    if text is None:
        paths.report_missing(LICENCE_FILE, checkout / LICENCE_FILE)
    return text


def third_party_notices() -> str | None:
    """The bundle's notices, or those of this Python installation's packages; None when
    a file they need is missing (logged, and listed by About)."""
    if frozen():
        path = paths.resource(NOTICES_FILE)
        return path.read_text(encoding="utf-8") if path is not None else None
    try:
        return installed_notices()
    except paths.MissingResourceError:
        return None


def installed_notices() -> str:
    components = [distribution_component(d) for d in required_distributions()]
    origin = (
        f"This list names the Python packages {APP_NAME} requires, as installed beside it "
        f"({Path(str(metadata.distribution(APP_ID).locate_file(''))).resolve()}), "
        "with their licences as their metadata states them."
        if _installed(APP_ID)
        else f"This list names the Python packages {APP_NAME} requires, as installed."
    )
    return render([*components, *own_components()], origin=origin)


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def required_distributions(root: str = APP_ID) -> list[metadata.Distribution]:
    """The installed distributions ``root`` requires, directly or not, with the extras
    a requirement asks for (``psycopg[binary]`` brings ``psycopg-binary`` and its libpq)."""
    found: dict[str, metadata.Distribution] = {}
    pending: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while pending:
        name, extras = pending.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        key = _normal(dist.metadata["Name"])
        if key in found and not extras:
            continue
        found[key] = dist
        for requirement in dist.requires or ():
            marker = requirement.partition(";")[2]
            wanted = re.search(r"""extra\s*==\s*["']([^"']+)["']""", marker)
            if wanted is not None and wanted.group(1) not in extras:
                continue
            match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?", requirement)
            if match:
                asked = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
                pending.append((match.group(1), asked))
    found.pop(_normal(root), None)
    return sorted(found.values(), key=lambda d: _normal(d.metadata["Name"]))


def distribution_component(dist: metadata.Distribution) -> Component:
    meta = dist.metadata
    return Component(
        name=meta["Name"],
        version=meta["Version"],
        licence=licence_of(dist),
        origin=f"Python package from PyPI{f', {home}' if (home := homepage(dist)) else ''}",
        texts=tuple(licence_texts(dist)),
    )


def homepage(dist: metadata.Distribution) -> str:
    """The project's home or source page, as its metadata names it."""
    urls: dict[str, str] = {}
    for entry in dist.metadata.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls.setdefault(re.sub(r"[^a-z]", "", label.lower()), url.strip())
    for label in ("homepage", "home", "source", "sourcecode", "repository", "documentation"):
        if urls.get(label):
            return urls[label]
    return _field(dist.metadata, "Home-page") or next(iter(urls.values()), "")


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    """A metadata field's first value, "" when absent (``meta[name]`` raises on 3.12+)."""
    values = meta.get_all(name) or []
    return str(values[0]) if values else ""


def licence_of(dist: metadata.Distribution) -> str:
    """The licence as the metadata states it: SPDX expression, classifiers, or field."""
    meta = dist.metadata
    if expression := _field(meta, "License-Expression"):
        return expression
    classifiers = [
        c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License")
    ]
    if classifiers:
        return ", ".join(classifiers)
    field = _field(meta, "License").strip()
    return field.splitlines()[0][:100] if field else "see its licence text"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """The licence files a distribution carries (LICENSE, COPYING, NOTICE...)."""
    texts = []
    for file in dist.files or ():
        name = Path(str(file)).name
        if not _LICENCE_NAME.match(name) or Path(name).suffix.lower() not in _TEXT_SUFFIXES:
            continue
        try:
            text = Path(str(dist.locate_file(file))).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        texts.append((str(file), text[:_MAX_TEXT]))
    return texts


def own_components() -> list[Component]:
    """What ships inside PO Desktop's own resources under another licence: the fonts."""

    def texts(relative: str) -> tuple[tuple[str, str], ...]:
        path = paths.resource(relative)
        text = path.read_text(encoding="utf-8") if path is not None else ""
        return ((relative, text),) if text else ()

    return [
        Component(
            name="DejaVu Sans fonts",
            version="",
            licence="Bitstream Vera Fonts licence; DejaVu changes in the public domain",
            origin="https://dejavu-fonts.github.io/ (resources/fonts)",
            texts=texts("fonts/LICENSE-DejaVu.txt"),
        ),
        Component(
            name="Noto Emoji font (monochrome)",
            version="",
            licence="SIL Open Font License 1.1",
            origin="https://github.com/googlefonts/noto-emoji (resources/fonts)",
            texts=texts("fonts/LICENSE-NotoEmoji.txt"),
        ),
    ]


def qt_versions() -> tuple[str, str]:
    """(Qt, Qt for Python) versions, from the installed PySide6 distribution."""
    for name in QT_DISTRIBUTIONS:
        try:
            pyside = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        return ".".join(pyside.split(".")[:3]), pyside
    return "6", "6"


def render(
    components: Iterable[Component], *, origin: str, qt: tuple[str, str] | None = None
) -> str:
    """The notices: the template's head, one entry per component, then every licence
    text once, the LGPL-3.0 and GPL-3.0 last."""
    qt_version, pyside_version = qt or qt_versions()
    title = f"{APP_NAME} {__version__} — third-party notices"
    template = paths.required_resource("licenses/third-party-notices.in")
    head = string.Template(template.read_text(encoding="utf-8")).substitute(
        app_name=APP_NAME,
        version=__version__,
        underline="=" * len(title),
        origin=origin,
        qt_version=qt_version,
        qt_series=".".join(qt_version.split(".")[:2]),
        qt_major=qt_version.split(".")[0],
        pyside_version=pyside_version,
    )
    ordered = sorted(components, key=lambda c: (_normal(c.name), c.version))
    lines = [head.rstrip(), "", "", "Components", "----------"]
    for component in ordered:
        lines.append(" ".join(filter(None, (component.name, component.version))))
        lines.append(f"    licence: {component.licence}")
        if component.origin:
            lines.append(f"    from: {component.origin}")
        lines.extend(f"    ships: {file}" for file in component.files)
    lines += ["", "", "Licence texts", "-------------"]
    seen: set[str] = set()
    for component in ordered:
        for title_, text in component.texts:
            if text.strip() and text not in seen:
                seen.add(text)
                lines += ["", f"=== {component.name}: {title_} ===", "", text.rstrip()]
    for relative in GNU_TEXTS:
        path = paths.required_resource(relative)
        lines += ["", f"=== {Path(relative).stem} ===", "", path.read_text(encoding="utf-8")]
    return "\n".join(lines).rstrip() + "\n"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
