"""Process start to first painted board, as a ratio to floor A measured in the same run.

Builds a demo database (10,000 needs, ``BENCH_NEEDS=100000`` for the large case), then
alternates floor A (``bench/_floors.py``: Python, SQLAlchemy's ORM and PySide6 imported,
an empty main window with one list view, shown and painted) and the app
(``bench/_startup_child.py``: ``po-desktop --db`` up to the first paint of the board's
first column), one warm-up pair then ``BENCH_RUNS`` pairs. Prints one line per pair, a
summary, and last a JSON object whose ``table`` rows ``bench/run_all.py`` writes.

Goals (issue 21): the app's median within 1.3 times floor A's at 10,000 needs, within
2 times at 100,000. Runs offscreen, like CI.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _floors import alternate, floor_a, painted_at
from _table import at_most

HERE = Path(__file__).resolve().parent
NEEDS = int(os.environ.get("BENCH_NEEDS", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
RATIO_GOALS = {10_000: 1.3, 100_000: 2.0}
"""Start-up over floor A, at most, by workspace size."""


def main() -> int:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    # An installed app (wheel or PyInstaller bundle) starts from compiled bytecode; the
    # warm-up run writes it even where the shell sets PYTHONDONTWRITEBYTECODE.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        env["PO_DESKTOP_HOME"] = tmp
        db = Path(tmp) / "bench.podb"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "po_desktop", "demo", "--db", str(db), "--needs", str(NEEDS)],
            check=True,
            env=env,
            capture_output=True,
        )
        demo_s = time.perf_counter() - started
        print(f"demo database with {NEEDS} needs built in {demo_s:.2f} s")

        def app() -> float:
            t0 = time.time()
            proc = subprocess.run(
                [sys.executable, str(HERE / "_startup_child.py"), str(db)],
                check=True,
                env=env,
                capture_output=True,
                text=True,
            )
            return painted_at(proc.stdout) - t0

        paired = alternate(lambda: floor_a(env), app, RUNS, "app")
    goal = RATIO_GOALS.get(NEEDS)
    met = None if goal is None else paired.ratio <= goal
    size = f"{NEEDS:,} needs"
    print(
        f"median floor A {paired.floor:.3f} s, app {paired.command:.3f} s "
        f"(best {min(paired.commands):.3f} s, worst {max(paired.commands):.3f} s), "
        f"ratio {paired.ratio:.2f}"
        + ("" if goal is None else f" (goal ≤ {goal:g}) — {'OK' if met else 'MISSED'}")
    )
    table = [
        at_most("Demo database built (`po-desktop demo`)", size, demo_s, "s"),
        at_most(
            f"Floor A: SQLAlchemy ORM + PySide6, empty window with a list view painted, "
            f"median of {RUNS}",
            "",
            paired.floor,
            "s",
        ),
        at_most(
            "Start → first painted board ÷ floor A (alternating runs, medians)",
            size,
            paired.ratio,
            "×",
            goal,
            f"app {paired.command:.2f} s, floor A {paired.floor:.2f} s; app best "
            f"{min(paired.commands):.2f} s, worst {max(paired.commands):.2f} s",
            {10_000: "startup-10k", 100_000: "startup-100k"}.get(NEEDS, ""),
        ),
    ]
    print(
        json.dumps(
            {
                "bench": "startup",
                "needs": NEEDS,
                "runs": RUNS,
                "demo_build_s": round(demo_s, 3),
                "floor_a_s": round(paired.floor, 3),
                "median_s": round(paired.command, 3),
                "worst_s": round(max(paired.commands), 3),
                "best_s": round(min(paired.commands), 3),
                "ratio": round(paired.ratio, 3),
                "met": met,
                "table": table,
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                f"Python {platform.python_version()}",
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
