"""Compile the catalogue: resources/translations/*.po into the .mo files the application reads.

The one place where translation sources become what the application reads, whoever asks:
``make translations`` (into resources/translations, for the repository and editable
installs), the wheel build (setup.py, into the package being built), the bundle
(build.spec, into PyInstaller's work folder) and the tests.

Babel compiles (``build-system.requires`` brings it to the wheel build); a fuzzy or empty
translation is left out, so the interface shows the English text rather than a guess.

Usage: python tools/compile_translations.py [--out DIR] [--force]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "resources" / "translations"


class TranslationError(RuntimeError):
    """The translations could not be compiled: a build must stop, not ship without them."""


def compile_translations(
    out_dir: Path | None = None, sources: Path = SOURCES, *, force: bool = False
) -> list[Path]:
    """Compile every ``*.po`` of ``sources`` into ``out_dir`` (beside them by default) and
    return the .mo files. Up-to-date ones are kept unless ``force``."""
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError as exc:
        raise TranslationError(
            f"Babel is needed to compile the translations: install it in {sys.executable} "
            "(pip install -e '.[test]', or make)"
        ) from exc
    catalogues = sorted(sources.glob("*.po"))
    if not catalogues:
        raise TranslationError(f"no .po translation sources in {sources}")
    out_dir = out_dir or sources
    out_dir.mkdir(parents=True, exist_ok=True)
    compiled = []
    for po in catalogues:
        mo = out_dir / f"{po.stem}.mo"
        if force or not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
            lang = po.stem.rsplit("_", 1)[-1]
            try:
                with po.open("rb") as stream:
                    catalog = read_po(stream, locale=lang, abort_invalid=True)
            except Exception as exc:  # Babel's PoFileError, a bad locale, an unreadable file
                raise TranslationError(f"{po.name} cannot be read: {exc}") from exc
            partial = mo.with_name(mo.name + ".part")
            with partial.open("wb") as stream:
                write_mo(stream, catalog, use_fuzzy=False)
            partial.replace(mo)
        if not mo.is_file() or mo.stat().st_size == 0:
            raise TranslationError(f"compiling {po.name} produced no {mo.name}")
        compiled.append(mo)
    return compiled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the .mo files (default: beside)")
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
