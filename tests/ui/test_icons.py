"""The icon set: every name has a drawing, every drawing a name, and each one shows."""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from po_desktop import paths
from po_desktop.ui import icons

FOLDER = paths.resources_dir() / "icons"
SVG_NS = "{http://www.w3.org/2000/svg}"
NEUTRAL, ACCENT = "#37474f", "#1e6fd9"

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Icons are cached per process: a test that moves the folder must not leak."""
    icons.icon.cache_clear()
    icons.app_icon.cache_clear()
    yield
    icons.icon.cache_clear()
    icons.app_icon.cache_clear()


def opaque_pixels(icon: QIcon, size: int) -> int:
    """How many pixels of the ``size`` px rendering are not fully transparent."""
    image = icon.pixmap(QSize(size, size), 1.0).toImage()
    assert image.size() == QSize(size, size)
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return sum(image.pixel(x, y) >> 24 > 0 for y in range(size) for x in range(size))


@pytest.mark.parametrize("name", sorted(icons.NAMES))
def test_every_name_has_a_file(name: str) -> None:
    assert (FOLDER / f"{name}.svg").is_file()


def test_every_svg_file_is_named() -> None:
    """No orphan drawings: a file nobody can load is dead weight, or a misspelt name."""
    orphans = {path.stem for path in FOLDER.glob("*.svg")} - icons.NAMES - {"app"}
    assert not orphans


@pytest.mark.parametrize("size", [16, 24])
@pytest.mark.parametrize("name", sorted(icons.NAMES))
def test_every_icon_shows_at_menu_and_toolbar_sizes(name: str, size: int) -> None:
    """Some ink on a transparent ground. A broken file draws nothing, and so does a build
    that ships neither of Qt's SVG plugins (the icon engine or the image format)."""
    ink = opaque_pixels(icons.icon(name), size)
    assert 0 < ink < size * size


@pytest.mark.parametrize("path", sorted(FOLDER.glob("*.svg")), ids=lambda p: p.stem)
def test_drawings_follow_the_house_style(path: Path) -> None:
    """One grid, one stroke, two colours; ``currentColor`` would render black in Qt."""
    text = path.read_text(encoding="utf-8")
    assert "currentColor" not in text
    root = ET.fromstring(text)
    assert root.tag == f"{SVG_NS}svg"
    if path.stem == "app":
        assert root.get("viewBox") == "0 0 256 256"
        return
    assert root.get("viewBox") == "0 0 24 24"
    group = root.find(f"{SVG_NS}g")
    assert group is not None
    assert group.attrib == {
        "fill": "none",
        "stroke": NEUTRAL,
        "stroke-width": "2",
        "stroke-linecap": "round",
        "stroke-linejoin": "round",
    }
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]+)"', text))
    assert colours <= {NEUTRAL, ACCENT}


@pytest.mark.parametrize("name", ["no-such-icon", "app", "Undo", "undo.svg"])
def test_unknown_name_is_a_key_error(name: str) -> None:
    with pytest.raises(KeyError):
        icons.icon(name)


def test_missing_file_gives_an_empty_icon_and_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A broken install loses pictures, not the app; the log says which file is missing,
    and so does the About dialog (paths.missing_resources)."""
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    with caplog.at_level(logging.WARNING, logger=paths.__name__):
        assert icons.icon("undo").isNull()
        assert icons.icon("undo").isNull()
    warnings = [r for r in caplog.records if r.name == paths.__name__]
    assert len(warnings) == 1
    assert "undo" in warnings[0].getMessage()
    assert "icons/undo.svg" in paths.missing_resources(icons.expected())


def test_app_icon_offers_256_px() -> None:
    app_icon = icons.app_icon()
    assert not app_icon.isNull()
    assert QSize(256, 256) in app_icon.availableSizes()
    assert opaque_pixels(app_icon, 256) > 0


def test_app_icon_falls_back_to_the_svg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "app.svg").write_bytes((FOLDER / "app.svg").read_bytes())
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    assert opaque_pixels(icons.app_icon(), 48) > 0


@pytest.mark.parametrize("size", icons.APP_ICON_SIZES)
def test_app_pngs_are_the_size_they_claim(size: int) -> None:
    """Stale or misnamed renderings would blur the taskbar icon; rerun make_app_icons."""
    image = QImage(str(FOLDER / icons.app_png_name(size)))
    assert image.size() == QSize(size, size)


def test_windows_ico_holds_every_size() -> None:
    with Image.open(FOLDER / "app.ico") as ico:
        assert ico.ico.sizes() == {(size, size) for size in icons.APP_ICON_SIZES}


def test_licence_lists_every_file() -> None:
    listed = set(re.findall(r"^- `([^`]+)`$", (FOLDER / "LICENSE.md").read_text(), re.M))
    on_disk = {path.name for path in FOLDER.iterdir()} - {"LICENSE.md"}
    assert listed == on_disk
