"""The bundle's third-party notices, from the files PyInstaller really collected.

build.spec calls :func:`write` with every (destination, source) pair of the bundle. Each
source file is traced to what it came from:
- a Python distribution of the build environment (its RECORD lists the file): name,
  version, licence and licence files from its metadata (Qt's libraries come with
  PySide6-Essentials);
- Python itself (the standard library, libpython): the PSF licence;
- anything else is a system library: on Debian and its derivatives, dpkg names its
  package, version and source package (for the LGPL libraries, where the source is), and
  its copyright file is quoted; elsewhere it is listed by name for the builder to check.
Our own files (po_desktop, resources) are not third-party. The text is rendered by
po_desktop.notices, the same code that lists a pip installation's packages.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import sysconfig
from collections import defaultdict
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from po_desktop import notices  # noqa: E402  (the repository's package, not an installed one)


def write(collected: Iterable[tuple[str, str]], out: Path) -> Path:
    """Write the notices of the bundle whose files are ``collected`` to ``out``."""
    origin = (
        "This list was made when this copy was built, from the files the application folder "
        "holds: Python packages, Python itself, Qt and the system libraries PyInstaller "
        "collected."
    )
    out.write_text(notices.render(components(collected), origin=origin), encoding="utf-8")
    return out


def components(collected: Iterable[tuple[str, str]]) -> list[notices.Component]:
    owners = _distribution_files()
    by_distribution: dict[str, metadata.Distribution] = {}
    python_files: list[str] = []
    system: list[tuple[str, Path]] = []
    for dest, src in collected:
        source = Path(src).resolve()
        if source.is_relative_to(ROOT) and not _in_environment(source):
            continue  # ours: po_desktop and resources/
        dist = owners.get(source)
        if dist is not None:
            by_distribution[dist.metadata["Name"]] = dist
        elif _is_python(source):
            python_files.append(dest)
        else:
            system.append((dest, source))
    found = [notices.distribution_component(d) for d in by_distribution.values()]
    if python_files:
        found.append(_python())
    found += _system_libraries(system)
    return [*found, *notices.own_components()]


def _distribution_files() -> dict[Path, metadata.Distribution]:
    owners = {}
    for dist in metadata.distributions():
        for file in dist.files or ():
            owners[Path(dist.locate_file(file)).resolve()] = dist
    return owners


def _in_environment(path: Path) -> bool:
    """A virtual environment inside the repository (.venv-build) is not our code."""
    return any(part.startswith(".venv") for part in path.relative_to(ROOT).parts)


def _is_python(path: Path) -> bool:
    folders = {sysconfig.get_path(name) for name in ("stdlib", "platstdlib")}
    folders = {Path(folder).resolve() for folder in folders if folder}
    return path.name.startswith(("libpython", "python3")) or any(
        path.is_relative_to(folder) for folder in folders
    )


def _python() -> notices.Component:
    candidates = [
        Path(sysconfig.get_path("stdlib")) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
    ]
    text = next((p.read_text(encoding="utf-8") for p in candidates if p.is_file()), "")
    return notices.Component(
        name="Python",
        version=platform.python_version(),
        licence="PSF-2.0 (Python Software Foundation License)",
        origin="https://www.python.org/ (the interpreter and its standard library)",
        texts=(("Python LICENSE.txt", text),) if text else (),
    )


def _system_libraries(libraries: list[tuple[str, Path]]) -> list[notices.Component]:
    """Grouped by Debian package where dpkg knows them; listed one by one otherwise."""
    packages: dict[str, list[str]] = defaultdict(list)
    unknown: list[notices.Component] = []
    for dest, source in libraries:
        package = debian_package(source) if shutil.which("dpkg-query") else None
        if package:
            packages[package].append(Path(dest).name)
        else:
            unknown.append(
                notices.Component(
                    name=Path(dest).name,
                    version="",
                    licence="unknown: check the licence of the system package it came from",
                    origin=str(source),
                )
            )
    return [_debian_component(name, files) for name, files in packages.items()] + unknown


def debian_package(path: Path) -> str | None:
    """The installed Debian package that owns ``path`` (usr-merged or not)."""
    text = str(path)
    variants = [text, text.removeprefix("/usr") if text.startswith("/usr/") else "/usr" + text]
    for candidate in variants:
        result = subprocess.run(
            ["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False
        )
        if result.returncode == 0 and ":" in result.stdout:
            return result.stdout.split(": ", 1)[0].split(",")[0].strip()
    return None


def _debian_component(package: str, files: list[str]) -> notices.Component:
    fields = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}\t${source:Package}\t${source:Version}", package],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\t")
    version, source, source_version = [*fields, "", "", ""][:3]
    name = package.split(":")[0]
    copyright_file = Path("/usr/share/doc") / name / "copyright"
    text = ""
    if copyright_file.is_file():
        text = copyright_file.read_text(encoding="utf-8", errors="replace")
    licences = sorted(
        {
            line.split(":", 1)[1].strip()
            for line in text.splitlines()
            if line.startswith("License:") and line.split(":", 1)[1].strip()
        }
    )
    return notices.Component(
        name=name,
        version=version,
        licence=", ".join(licences)
        or ("see its copyright file, quoted below" if text else "unknown: no copyright file"),
        origin=(
            f"Debian package; source: apt-get source {source}={source_version}, "
            f"https://sources.debian.org/src/{source}/{source_version}/"
        ),
        files=tuple(sorted(set(files))),
        texts=((str(copyright_file), text),) if text else (),
    )
