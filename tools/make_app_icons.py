"""Render resources/icons/app.svg to the raster app icons that are committed with it.

Usage: .venv/bin/python tools/make_app_icons.py — writes app-16.png … app-128.png, app.png (256 px)
and app.ico (all six sizes) next to app.svg. Rerun it whenever app.svg changes.

Why rasters at all: PyInstaller needs a Windows .ico for the executable, and the PNGs let
the window icon show even where Qt's SVG icon engine is missing. Qt renders every size from
the SVG (the same renderer the app uses); Pillow only packs them into the .ico, so each size
is drawn at its own resolution rather than scaled down from 256 px. The sizes and file
names come from ``po_desktop.ui.icons``, which loads these files.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from po_desktop.ui.icons import APP_ICON_SIZES as SIZES
from po_desktop.ui.icons import app_png_name, icons_dir


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """One antialiased RGBA rendering of the SVG at ``size`` × ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px rendering")
    return Image.open(io.BytesIO(buffer.data().data())).convert("RGBA")


def main(folder: Path | None = None) -> int:
    folder = folder or icons_dir()
    renderer = QSvgRenderer(str(folder / "app.svg"))
    if not renderer.isValid():
        print(f"cannot read {folder / 'app.svg'}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(folder / app_png_name(size), optimize=True)
    largest = images[max(SIZES)]
    largest.save(
        folder / "app.ico",
        format="ICO",
        sizes=[(size, size) for size in SIZES],
        append_images=[image for size, image in images.items() if size != max(SIZES)],
    )
    print(f"wrote {len(SIZES)} PNGs and app.ico in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
