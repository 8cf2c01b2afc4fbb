"""Compile the interface translations: resources/translations/*.ts into the .qm files Qt loads.

The one place where translation sources become what the application reads, whoever asks:
``make translations`` (into resources/translations, for the repository and editable
installs), the wheel build (setup.py, into the package being built), the bundle
(build.spec, into PyInstaller's work folder) and the UI tests. A change of catalogue format
(gettext .po compiled by Babel, say) is made here and nowhere else.

The compiler is Qt's lrelease from the PySide6 installed in the Python running this file
(the wheel build gets it from ``build-system.requires``); PySide6 itself is not imported.

Usage: python tools/compile_translations.py [--out DIR] [--force]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "resources" / "translations"


class TranslationError(RuntimeError):
    """The translations could not be compiled: a build must stop, not ship without them."""


def lrelease() -> str:
    """Qt's lrelease shipped inside the PySide6 package of this Python, else on PATH."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for name in ("lrelease.exe", "lrelease"):
            candidate = Path(folder) / name
            if candidate.is_file():
                return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    raise TranslationError(
        f"lrelease not found: install PySide6-Essentials in {sys.executable} "
        "(pip install -e '.[test]', or make)"
    )


def compile_translations(
    out_dir: Path | None = None, sources: Path = SOURCES, *, force: bool = False
) -> list[Path]:
    """Compile every ``*.ts`` of ``sources`` into ``out_dir`` (beside them by default) and
    return the .qm files. Up-to-date ones are kept unless ``force``."""
    catalogues = sorted(sources.glob("*.ts"))
    if not catalogues:
        raise TranslationError(f"no .ts translation sources in {sources}")
    out_dir = out_dir or sources
    out_dir.mkdir(parents=True, exist_ok=True)
    compiler = None
    compiled = []
    for ts in catalogues:
        qm = out_dir / f"{ts.stem}.qm"
        if force or not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            compiler = compiler or lrelease()
            result = subprocess.run(
                [compiler, "-silent", str(ts), "-qm", str(qm)],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise TranslationError(f"lrelease failed on {ts.name}:\n{result.stderr}")
        if not qm.is_file() or qm.stat().st_size == 0:
            raise TranslationError(f"compiling {ts.name} produced no {qm.name}")
        compiled.append(qm)
    return compiled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the .qm files (default: beside)")
    parser.add_argument("--force", action="store_true", help="recompile up-to-date files too")
    args = parser.parse_args(argv)
    try:
        compile_translations(args.out, force=args.force)
    except TranslationError as exc:
        print(f"compile_translations: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
