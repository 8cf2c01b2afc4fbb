"""The fonts' parse kept between runs: a second document reads the font without parsing
it again, prints exactly as the first, and a copy that no longer fits its font (damaged,
from another file) is never used."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from reportlab import rl_config
from reportlab.pdfbase import ttfonts
from reportlab.pdfgen.canvas import Canvas

from po_desktop import paths
from po_desktop.reports import font_faces

FONT = paths.required_resource("fonts/DejaVuSans.ttf")

KEPT = pytest.mark.skipif(
    not callable(vars(ttfonts.TTFont("Probe", str(FONT)).face).get("_pdfScale")),
    reason="this reportlab (the oldest allowed) computes a face's scale in a method, not "
    "a value of the face: its fonts' parse is not kept, they are parsed each time as before",
)
"""The tests of a parse kept and read back, which only a recent reportlab allows."""


def _document(font: ttfonts.TTFont) -> bytes:
    """A page of text in ``font``, the same bytes for the same font (reportlab's
    invariant mode: no dates, no random identifiers)."""
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setFont(font.fontName, 11)
    canvas.drawString(72, 700, "Besoin « livré » : paie, congés — Ωμέγα, → ✓")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the font was parsed again")

    monkeypatch.setattr(ttfonts.TTFontFile, "extractInfo", refuse)


@KEPT
def test_a_second_load_reads_the_kept_parse_and_prints_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed = font_faces.load("KeptSans", FONT)
    plain = {k: v for k, v in vars(parsed.face).items() if k != "_pdfScale"}
    first = _document(parsed)
    _no_parse(monkeypatch)
    kept = font_faces.load("KeptSans", FONT)
    assert {k: v for k, v in vars(kept.face).items() if k != "_pdfScale"} == plain
    assert kept.face._pdfScale(2048) == parsed.face._pdfScale(2048)
    assert _document(kept) == first
    assert set(vars(kept)) == set(vars(parsed))  # the oldest reportlab allowed as well
    assert vars(kept).get("shapable") == vars(parsed).get("shapable")
    assert kept._asciiReadable == rl_config.ttfAsciiReadable


@KEPT
def test_a_damaged_copy_is_parsed_again_and_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _document(font_faces.load("KeptSans", FONT))
    (copy,) = (paths.cache_dir() / "fonts").iterdir()
    copy.write_bytes(copy.read_bytes()[:1000])
    assert _document(font_faces.load("KeptSans", FONT)) == first
    _no_parse(monkeypatch)  # the damaged copy was replaced by a whole one
    assert _document(font_faces.load("KeptSans", FONT)) == first


def test_a_copy_made_from_another_font_is_not_used(tmp_path: Path) -> None:
    font = tmp_path / "Sans.ttf"
    font.write_bytes(FONT.read_bytes())
    font_faces.load("KeptSans", font)
    stamp = font.stat()
    bold = paths.required_resource("fonts/DejaVuSans-Bold.ttf")
    font.write_bytes(bold.read_bytes())  # the same path, another font, its time put back
    os.utime(font, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    loaded = font_faces.load("KeptSans", font)
    assert loaded.face.name.ustr == "DejaVuSans-Bold"
    assert loaded.face.charWidths == ttfonts.TTFont("Bold", str(bold)).face.charWidths


def test_fonts_load_where_the_cache_cannot_be_written(monkeypatch: pytest.MonkeyPatch) -> None:
    paths.cache_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.cache_dir().write_text("not a folder")
    font = font_faces.load("KeptSans", FONT)
    assert font.face.name.ustr == "DejaVuSans"
    assert _document(font).startswith(b"%PDF")
