"""A Debian package of the one-folder bundle: ``make deb`` (after ``make build``).

Usage: python tools/make_deb.py [BUNDLE] [OUT_DIR]   (default: dist/po-desktop dist)

Writes OUT_DIR/po-desktop_<version>_<arch>.deb with dpkg-deb alone (no debhelper):
- the bundle in /opt/po-desktop, and /usr/bin/po-desktop pointing at its executable;
- the menu entry /usr/share/applications/po-desktop.desktop, the icon in the hicolor
  theme (16 to 256 px, and the SVG), and the MIME type of a workspace
  (/usr/share/mime/packages/po-desktop.xml: *.podb, or SQLite with our application id),
  so that a double click on a .podb opens it;
- Depends: the system libraries the bundle's ELF files need and do not carry (found with
  ldconfig and dpkg, like dpkg-shlibdeps), the X11/xcb libraries Qt's xcb platform plugin
  loads, and libc6 at least the highest GLIBC_ symbol version the bundle uses;
- maintainer scripts that refresh the desktop, MIME and icon caches where the tools exist;
- /usr/share/doc/po-desktop/copyright: LICENSE, and where the third-party notices are.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from third_party_notices import debian_package  # noqa: E402  (puts ROOT on the path too)

from po_desktop import APP_ID, APP_NAME, __version__  # noqa: E402

INSTALL_DIR = Path("opt")
LINUX = ROOT / "packaging" / "linux"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
MIME_TYPE = "application/x-po-desktop-workspace"
# Qt's xcb platform plugin and what it loads: the README lists them for pip installs too.
QT_XCB_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libegl1",
)
MAINTAINER_SCRIPT = """#!/bin/sh
# {app_name}: {purpose}. Debian's triggers do it too where desktop-file-utils,
# shared-mime-info and the icon tools are installed; these calls cover the rest.
set -e
case "$1" in
    {actions})
        if command -v update-desktop-database >/dev/null 2>&1; then
            update-desktop-database -q /usr/share/applications || true
        fi
        if command -v update-mime-database >/dev/null 2>&1; then
            update-mime-database /usr/share/mime || true
        fi
        if command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
        fi
        ;;
esac
exit 0
"""


def metadata() -> dict[str, str]:
    return {"__version__": __version__, "APP_NAME": APP_NAME, "APP_ID": APP_ID}


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def glibc_floor(elves: list[Path]) -> str:
    """The highest GLIBC_x.y symbol version the files require (objdump -T)."""
    highest = (2, 17)
    for path in elves:
        symbols = subprocess.run(
            ["objdump", "-T", str(path)], capture_output=True, text=True, check=False
        ).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", symbols):
            highest = max(highest, (int(major), int(minor)))
    return f"{highest[0]}.{highest[1]}"


def system_dependencies(folder: Path, elves: list[Path]) -> set[str]:
    """The Debian packages of the libraries the bundle needs and does not carry."""
    carried = {path.name for path in folder.rglob("*")}
    needed = set()
    for path in elves:
        dynamic = subprocess.run(
            ["objdump", "-p", str(path)], capture_output=True, text=True, check=False
        ).stdout
        needed.update(re.findall(r"^\s+NEEDED\s+(\S+)$", dynamic, re.M))
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    where: dict[str, str] = {}
    for name, location in re.findall(r"^\s+(\S+) \([^)]*\) => (\S+)$", cache, re.M):
        where.setdefault(name, location)  # the native architecture comes first
    packages = set()
    for name in sorted(needed - carried):
        location = where.get(name)
        package = debian_package(Path(location)) if location else None
        if package is None:
            raise SystemExit(f"make_deb: no installed package provides {name}")
        packages.add(package.split(":")[0])
    return packages


def stage(bundle: Path, staging: Path, meta: dict[str, str], depends: str) -> None:
    app_id = meta["APP_ID"]
    target = staging / INSTALL_DIR / app_id
    shutil.copytree(bundle, target, symlinks=True)
    bin_dir = staging / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / app_id).symlink_to(f"/{INSTALL_DIR}/{app_id}/{app_id}")

    share = staging / "usr" / "share"
    _copy(LINUX / f"{app_id}.desktop", share / "applications" / f"{app_id}.desktop")
    _copy(LINUX / f"{app_id}.xml", share / "mime" / "packages" / f"{app_id}.xml")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        png = icons / ("app.png" if size == max(ICON_SIZES) else f"app-{size}.png")
        _copy(png, share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png")
    _copy(icons / "app.svg", share / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg")
    doc = share / "doc" / app_id
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        (ROOT / "LICENSE").read_text(encoding="utf-8")
        + f"\nThe third-party components and their licences: /{INSTALL_DIR}/{app_id}/"
        "THIRD-PARTY-NOTICES.txt (also in Help › About).\n",
        encoding="utf-8",
    )

    control = staging / "DEBIAN"
    control.mkdir()
    files = [p for p in staging.rglob("*") if p.is_file() and not p.is_symlink()]
    size_kib = sum(p.stat().st_size for p in files) // 1024 + 1
    (control / "control").write_text(
        f"Package: {app_id}\n"
        f"Version: {meta['__version__']}\n"
        f"Architecture: {architecture()}\n"
        f"Maintainer: {meta['APP_NAME']} maintainers <maintainers@po-desktop.invalid>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {depends}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {meta['APP_NAME']}, the product owner's workbench, offline\n"
        " Needs and their problem statements, scoring against a grid and go / no-go\n"
        " decisions, a kanban board, sprints with real capacity and French public\n"
        " holidays, printed review packs. Everything in one local file.\n",
        encoding="utf-8",
    )
    for name, purpose, actions in (
        ("postinst", "register the menu entry, the .podb type and the icons", "configure"),
        ("postrm", "forget the menu entry, the .podb type and the icons", "remove|purge"),
    ):
        script = control / name
        script.write_text(
            MAINTAINER_SCRIPT.format(app_name=meta["APP_NAME"], purpose=purpose, actions=actions),
            encoding="utf-8",
        )
    _normalise_modes(staging)
    (control / "md5sums").write_text(
        "".join(
            f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(staging).as_posix()}\n"
            for p in sorted(staging.rglob("*"))
            if p.is_file() and not p.is_symlink() and control not in p.parents
        ),
        encoding="utf-8",
    )
    (control / "md5sums").chmod(0o644)


def _copy(source: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, destination)


def _normalise_modes(staging: Path) -> None:
    """0755 for folders, programs, libraries and maintainer scripts; 0644 for the rest."""
    for path in [staging, *staging.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or os.access(path, os.X_OK) or path.parent.name == "DEBIAN"
        path.chmod(0o755 if executable else 0o644)


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def build(bundle: Path, out_dir: Path) -> Path:
    meta = metadata()
    executable = bundle / meta["APP_ID"]
    if not executable.is_file():
        raise SystemExit(f"make_deb: no bundle in {bundle} (make build first)")
    elves = elf_files(bundle)
    packages = system_dependencies(bundle, elves) | set(QT_XCB_PACKAGES)
    packages.discard("libc6")
    depends = ", ".join([f"libc6 (>= {glibc_floor(elves)})", *sorted(packages)])
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{meta['APP_ID']}_{meta['__version__']}_{architecture()}.deb"
    with tempfile.TemporaryDirectory(prefix="po-desktop-deb-") as scratch:
        staging = Path(scratch) / meta["APP_ID"]
        stage(bundle, staging, meta, depends)
        # zstd: a tenth of xz's time for a few more megabytes; dpkg reads it since 1.21.18.
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(staging), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "po-desktop"
    out_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "dist"
    if not shutil.which("dpkg-deb"):
        print("make_deb: dpkg-deb not found (Debian or Ubuntu: apt install dpkg)", file=sys.stderr)
        return 1
    print(build(bundle.resolve(), out_dir.resolve()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
