"""Size and start-up time of the PyInstaller bundle, against the same app run from the venv.

Reads an existing build (``make build`` → dist/po-desktop; another folder may be given
as the first argument), and times, several runs each: ``--version`` (interpreter and
bootloader start, no Qt) and a board screenshot rendered offscreen (Qt, fonts,
translations, database: the work of a first paint). Prints the figures, last line one
JSON object. Not part of ``make bench``: it needs a build, which takes about a minute.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from po_desktop import APP_ID

RUNS = 5
ROOT = Path(__file__).resolve().parent.parent


def folder_size(folder: Path) -> int:
    """Bytes of the files, symlinks not followed (they point inside the folder)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def timed(command: Sequence[str], env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / APP_ID
    exe = folder / (f"{APP_ID}.exe" if os.name == "nt" else APP_ID)
    if not exe.is_file():
        print(f"no bundle at {folder}: build it first with `make build`")
        print(json.dumps({"bundle": None}))
        return 0
    venv = [sys.executable, "-m", "po_desktop"]
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"PO_DESKTOP_HOME": tmp, "QT_QPA_PLATFORM": "offscreen"}
        db = Path(tmp) / "bench.podb"
        demo = [str(exe), "demo", "--db", str(db)]
        subprocess.run(demo, check=True, capture_output=True, env=env)
        shot = ["screenshot", "--db", str(db), "--view", "board", "-o", str(Path(tmp) / "b.png")]
        runs = {
            "version_bundle": timed([str(exe), "--version"], env),
            "version_venv": timed([*venv, "--version"], env),
            "screenshot_bundle": timed([str(exe), *shot], env),
            "screenshot_venv": timed([*venv, *shot], env),
        }
    figures: dict[str, object] = {"bundle_bytes": folder_size(folder)}
    for name, times in runs.items():
        figures[f"{name}_s"] = statistics.median(times)
        figures[f"{name}_best_s"] = min(times)
    figures["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"bundle {folder}   {figures['bundle_bytes'] / 2**20:.0f} MiB")
    for what in ("version", "screenshot"):
        print(
            f"{what:<10} median of {RUNS}   bundle {figures[f'{what}_bundle_s']:.2f} s, "
            f"venv {figures[f'{what}_venv_s']:.2f} s   "
            f"(best {figures[f'{what}_bundle_best_s']:.2f} s / "
            f"{figures[f'{what}_venv_best_s']:.2f} s)"
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
