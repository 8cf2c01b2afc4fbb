"""Black-and-white patterns that tell projects apart on printed cards: hatching, dots,
rings, checks. A photocopy keeps them; a colour does not survive one."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

_STEP = 2.6 * mm


def _lines(canvas: Canvas, w: float, h: float, slope: int) -> None:
    """Parallel lines across the box: slope 1 "/", -1 "\\", 0 horizontal, 2 vertical."""
    if slope == 0:
        y = _STEP / 2
        while y < h:
            canvas.line(0, y, w, y)
            y += _STEP
        return
    if slope == 2:
        x = _STEP / 2
        while x < w:
            canvas.line(x, 0, x, h)
            x += _STEP
        return
    start = -h
    while start < w:
        if slope == 1:
            canvas.line(start, 0, start + h, h)
        else:
            canvas.line(start, h, start + h, 0)
        start += _STEP * 1.4


def _two(canvas: Canvas, w: float, h: float, one: int, other: int) -> None:
    """Two sets of lines crossing: a diagonal or a square grid."""
    _lines(canvas, w, h, one)
    _lines(canvas, w, h, other)


def _dots(canvas: Canvas, w: float, h: float, step: float, radius: float, ring: bool) -> None:
    row = 0
    y = step / 2
    while y < h + step:
        x = step / 2 + (step / 2 if row % 2 else 0)
        while x < w + step:
            canvas.circle(x, y, radius, stroke=1 if ring else 0, fill=0 if ring else 1)
            x += step
        y += step
        row += 1


def _checks(canvas: Canvas, w: float, h: float) -> None:
    side = 2 * mm
    rows = int(h // side) + 1
    columns = int(w // side) + 1
    for r in range(rows):
        for c in range(columns):
            if (r + c) % 2 == 0:
                canvas.rect(c * side, r * side, side, side, stroke=0, fill=1)


def _zigzag(canvas: Canvas, w: float, h: float) -> None:
    y = _STEP / 2
    while y < h + _STEP:
        path = canvas.beginPath()
        path.moveTo(0, y)
        x, up = 0.0, True
        while x < w:
            x += _STEP / 2
            path.lineTo(x, y + (_STEP / 2 if up else 0))
            up = not up
        canvas.drawPath(path, stroke=1, fill=0)
        y += _STEP * 1.2


PATTERNS: tuple[Callable[[Canvas, float, float], None], ...] = (
    lambda c, w, h: _lines(c, w, h, 1),
    lambda c, w, h: _dots(c, w, h, 2.4 * mm, 0.45 * mm, ring=False),
    lambda c, w, h: _lines(c, w, h, 0),
    lambda c, w, h: _two(c, w, h, 1, -1),
    lambda c, w, h: _lines(c, w, h, 2),
    _checks,
    lambda c, w, h: _lines(c, w, h, -1),
    lambda c, w, h: _dots(c, w, h, 3.6 * mm, 1.0 * mm, ring=True),
    lambda c, w, h: _two(c, w, h, 0, 2),
    _zigzag,
    lambda c, w, h: _dots(c, w, h, 4.2 * mm, 1.1 * mm, ring=False),
)
"""One pattern per project, in the order projects were created; more projects than
patterns share them (the card prints the project's code as well)."""


def draw_pattern(canvas: Canvas, index: int, x: float, y: float, w: float, h: float) -> None:
    """Pattern ``index`` filling the box at (x, y), framed by a thin line."""
    canvas.saveState()
    canvas.translate(x, y)
    clip = canvas.beginPath()
    clip.rect(0, 0, w, h)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setLineWidth(0.6)
    PATTERNS[index % len(PATTERNS)](canvas, w, h)
    canvas.restoreState()
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.rect(x, y, w, h, stroke=1, fill=0)
    canvas.restoreState()
