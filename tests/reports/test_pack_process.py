"""The review pack as its own short process (``po-desktop pack``): it loads and parses
only what a pack prints with, so it is written in about the time of a bare reportlab
table (issue 21)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from po_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, sys
from reportlab.pdfbase import pdfmetrics
from po_desktop.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules),
                  "fonts": pdfmetrics.getRegisteredFontNames()}))
"""


def _pack_process(db: Path, out: Path) -> dict[str, Any]:
    env = os.environ | {"PO_DESKTOP_HOME": str(db.parent)}
    args = ["pack", "--db", str(db), "--sprint", "1", "-o", str(out), "--lang", "fr"]
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def _embedded_fonts(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_a_pack_process_loads_neither_the_cards_nor_the_letter_nor_an_unused_font(
    tmp_path: Path,
) -> None:
    db = tmp_path / "demo.podb"
    assert main(["demo", "--db", str(db), "--needs", "60"]) == 0
    out = tmp_path / "pack.pdf"

    child = _pack_process(db, out)

    assert child["code"] == 0
    assert out.exists()
    modules = set(child["modules"])
    # The cards' QR codes, the letter and its e-mail draft: other commands' modules.
    for unused in (
        "po_desktop.reports.cards",
        "po_desktop.reports.letter",
        "po_desktop.reports.letter_mail",
        "reportlab.graphics.barcode.qr",
        # Markup is escaped without xml.sax.saxutils, which loads urllib.request (not
        # asserted absent itself: the oldest reportlab pyproject allows imports it).
        "xml.sax.saxutils",
    ):
        assert unused not in modules, unused
    # The demo's needs are all set in DejaVu Sans: the emoji face (a 900 kB parse) is
    # neither embedded nor even read.
    fonts = _embedded_fonts(out)
    assert any(name.endswith("+DejaVuSans") for name in fonts), fonts
    assert not any("NotoEmoji" in name for name in fonts), fonts
    assert "PODesktopEmoji" not in child["fonts"]


def test_after_a_pack_the_collector_has_no_backlog_to_walk(tmp_path: Path) -> None:
    """The pack runs with the cyclic collector off; what it allocated meanwhile must not
    be left in the youngest generation, where the next collection (the process's exit,
    for the command line) would walk all of it."""
    db = tmp_path / "demo.podb"
    assert main(["demo", "--db", str(db), "--needs", "60"]) == 0
    out = tmp_path / "pack.pdf"

    code = main(["pack", "--db", str(db), "--sprint", "1", "-o", str(out), "--lang", "fr"])
    young = len(gc.get_objects(generation=0))

    assert code == 0 and out.exists()
    assert gc.isenabled()
    assert young < 5_000, young


def test_the_pack_program_says_what_it_wrote_and_exits_with_its_code(tmp_path: Path) -> None:
    """``python -m po_desktop pack`` ends without the interpreter's teardown: what it
    printed still reaches a pipe, its exit code is the command's, the database is left
    closed (no log beside it) and a failure still says why."""
    db = tmp_path / "demo.podb"
    assert main(["demo", "--db", str(db), "--needs", "30"]) == 0
    out = tmp_path / "pack.pdf"
    env = os.environ | {"PO_DESKTOP_HOME": str(tmp_path)}
    program = [sys.executable, "-m", "po_desktop", "pack", "--db", str(db), "--lang", "fr"]

    done = subprocess.run(
        [*program, "--sprint", "1", "-o", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    refused = subprocess.run(
        [*program, "--sprint", "Nulle part", "-o", str(tmp_path / "none.pdf")],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Dossier de revue écrit") and str(out) in done.stdout
    assert len(PdfReader(out).pages) > 1
    assert not Path(f"{db}-wal").exists()
    assert refused.returncode != 0
    assert "Nulle part" in refused.stderr


def test_a_pack_whose_line_cannot_be_written_does_not_exit_as_done(tmp_path: Path) -> None:
    """Its output piped to a program that has already quit: the PDF is written, but the
    line saying so is lost, and the process, ended without the interpreter's teardown,
    still says so and does not exit as done."""
    db = tmp_path / "demo.podb"
    assert main(["demo", "--db", str(db), "--needs", "30"]) == 0
    out = tmp_path / "pack.pdf"
    env = os.environ | {"PO_DESKTOP_HOME": str(tmp_path)}
    program = [sys.executable, "-m", "po_desktop", "pack", "--db", str(db), "--lang", "fr"]
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone
    try:
        done = subprocess.run(
            [*program, "--sprint", "1", "-o", str(out)],
            cwd=ROOT, env=env, stdout=write_end, stderr=subprocess.PIPE, check=False,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert out.exists()
    assert done.returncode != 0 and b"EPIPE" in done.stderr
