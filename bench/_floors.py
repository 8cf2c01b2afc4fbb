"""The floors the app's figures are divided by, each a process of its own, and the
alternation that measures a command beside its floor in the same run.

Absolute seconds change threefold from one machine to the next; a figure divided by what
the same machine needs for the least any such program must do holds on any machine.

- **Floor A** (start-up): Python with SQLAlchemy's ORM and PySide6 imported, a
  ``QApplication``, an empty main window with one list view, shown and painted; timed from
  process start to the list's first paint, as ``bench/startup.py`` times the app.
- **Floor B** (review pack): Python with SQLAlchemy's ORM and reportlab imported, the app's
  TrueType font (``resources/fonts/DejaVuSans.ttf``) registered, a one-table A4 PDF of 300
  rows written; the whole process, as ``bench/pack.py`` times ``po-desktop pack``.

Run as a script (``python _floors.py a`` or ``python _floors.py b OUT.pdf``) it is the
floor's process itself: floor A prints ``painted <time.time()>`` at its first paint.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "resources" / "fonts" / "DejaVuSans.ttf"
ROWS = 300


def painted_at(stdout: str) -> float:
    """The ``painted <epoch>`` timestamp a start-up child printed at its first paint."""
    return next(
        float(line.split()[1]) for line in stdout.splitlines() if line.startswith("painted ")
    )


def floor_a(env: dict[str, str]) -> float:
    """Seconds from process start to the first paint of floor A's window."""
    t0 = time.time()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__)), "a"],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    return painted_at(proc.stdout) - t0


def floor_b(env: dict[str, str], out: Path) -> float:
    """Seconds of the whole floor B process (its PDF written to ``out``)."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(Path(__file__)), "b", str(out)],
        check=True,
        env=env,
        capture_output=True,
    )
    return time.perf_counter() - started


@dataclass
class Paired:
    """Medians of a floor and a command measured alternately in the same run."""

    floors: list[float]
    commands: list[float]

    @property
    def floor(self) -> float:
        return statistics.median(self.floors)

    @property
    def command(self) -> float:
        return statistics.median(self.commands)

    @property
    def ratio(self) -> float:
        return self.command / self.floor


def alternate(
    floor: Callable[[], float], command: Callable[[], float], runs: int, label: str
) -> Paired:
    """Floor, command, floor, command…: ``runs`` pairs after one warm-up pair (it writes
    the bytecode and fills the disk cache, as an installed app has them)."""
    paired = Paired([], [])
    for run in range(runs + 1):
        f, c = floor(), command()
        name = "warm-up" if run == 0 else f"run {run}"
        print(f"{name}: floor {f:.3f} s, {label} {c:.3f} s, ratio {c / f:.2f}", flush=True)
        if run:
            paired.floors.append(f)
            paired.commands.append(c)
    return paired


# ----- the floors' own processes -----------------------------------------------------------


def _run_floor_a() -> int:
    import sqlalchemy.orm  # noqa: F401
    from PySide6.QtCore import QEvent, QObject, QStringListModel, QTimer
    from PySide6.QtWidgets import QApplication, QListView, QMainWindow

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                print(f"painted {time.time():.6f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = QListView()
    view.setModel(QStringListModel([], view))
    window.setCentralWidget(view)
    window.resize(1600, 900)
    watcher = FirstPaint()
    view.viewport().installEventFilter(watcher)
    window.show()
    app.exec()
    window.close()
    return 0


def _run_floor_b(out: Path) -> int:
    import sqlalchemy.orm  # noqa: F401
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("FloorSans", str(FONT)))
    data = [["#", "Titre", "Statut", "Points"]]
    data += [[str(i), f"Besoin numéro {i} à livrer", "À faire", str(i % 13)] for i in range(ROWS)]
    table = Table(data, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "FloorSans", 9),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ]
        )
    )
    SimpleDocTemplate(str(out), pagesize=A4).build([table])
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["a"]:
        sys.exit(_run_floor_a())
    if sys.argv[1:2] == ["b"] and len(sys.argv) == 3:
        sys.exit(_run_floor_b(Path(sys.argv[2])))
    sys.exit("usage: _floors.py a | b OUT.pdf")
