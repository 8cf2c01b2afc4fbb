"""Running the installed application as a user would: a command, its output, its verdict."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from pypdf import PdfReader

RUN_TIMEOUT_S = 180


def report(result: subprocess.CompletedProcess[str]) -> str:
    """What a failing command said, for the assertion message."""
    return (
        f"{' '.join(map(str, result.args))}\nexit {result.returncode}\n"
        f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
    )


def run(
    command: Sequence[str | Path],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = RUN_TIMEOUT_S,
) -> subprocess.CompletedProcess[str]:
    """``command`` with the environment given (none of the caller's PYTHONPATH)."""
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",  # a Windows console code page must not fail the test
        env=dict(env) if env is not None else None,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The caller's environment without anything pointing into the repository, with the
    application's data under ``home`` and Qt headless."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    env.update(PO_DESKTOP_HOME=str(home), QT_QPA_PLATFORM="offscreen", **extra)
    return env


def active_sprint(db: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as raw:
        row = raw.execute("SELECT id FROM sprint WHERE state = 'active'").fetchone()
    assert row is not None, "the demo has no active sprint"
    return int(row[0])


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


def pdf_fonts(path: Path) -> dict[str, bool]:
    """Each font a PDF's pages use, and whether the file carries it (an unembedded one is
    replaced by whatever the printer has)."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for font in fonts.get_object().values() if fonts is not None else ():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for descendant in font.get("/DescendantFonts") or ():
                descriptors.append(descendant.get_object().get("/FontDescriptor"))
            found[str(font.get("/BaseFont"))] = any(
                d is not None and any(k in d.get_object() for k in ("/FontFile", "/FontFile2"))
                for d in descriptors
            )
    return found
