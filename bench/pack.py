"""The whole ``po-desktop pack`` process for a sprint of 300 needs, as a ratio to floor B.

Builds a demo workspace, puts 300 needs into its active sprint (moving some of
them to done so every section has rows), then runs the CLI as a user would,
alternating with floor B (``bench/_floors.py``: Python, SQLAlchemy's ORM and reportlab
imported, the app's TrueType font registered, a one-table A4 PDF of 300 rows written),
one warm-up pair then ``RUNS`` pairs. Prints the figures, last line one JSON object
whose ``table`` rows ``bench/run_all.py`` writes. Goal (issue 21): the pack's median
within 1.3 times floor B's.
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

from _floors import alternate, floor_b
from _table import at_most

RATIO_GOAL = 1.3
RUNS = 5
NEEDS = 300


def prepare(db: Path) -> str:
    from sqlalchemy import select

    from po_desktop.store.database import open_database
    from po_desktop.store.models import BoardColumn, Need, Sprint
    from po_desktop.store.services import needs

    with open_database(db) as database, database.session() as session:
        sprint = session.scalar(select(Sprint).where(Sprint.state == "active"))
        assert sprint is not None
        inside = list(session.scalars(select(Need.id).where(Need.sprint_id == sprint.id)))
        others = list(
            session.scalars(
                select(Need.id).where(Need.sprint_id.is_(None)).limit(NEEDS - len(inside))
            )
        )
        needs.plan_needs(session, others, sprint.id)
        done = session.scalar(select(BoardColumn.id).where(BoardColumn.is_done.is_(True)))
        needs.move_needs(session, others[: len(others) // 3], done)
        count = len(list(session.scalars(select(Need.id).where(Need.sprint_id == sprint.id))))
        assert count >= NEEDS, count
        return sprint.name


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"PO_DESKTOP_HOME": tmp}
        os.environ["PO_DESKTOP_HOME"] = tmp
        db = Path(tmp) / "bench.podb"
        subprocess.run(
            [sys.executable, "-m", "po_desktop", "demo", "--db", str(db), "--needs", "1500"],
            check=True,
            capture_output=True,
            env=env,
        )
        name = prepare(db)
        out = Path(tmp) / "pack.pdf"

        def pack() -> float:
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "po_desktop", "pack", "--db", str(db), "--sprint", name,
                 "-o", str(out), "--lang", "fr"],
                check=True,
                capture_output=True,
                env=env,
            )  # fmt: skip
            return time.perf_counter() - started

        floor_pdf = Path(tmp) / "floor.pdf"
        paired = alternate(lambda: floor_b(env, floor_pdf), pack, RUNS, "pack")
        size = out.stat().st_size
    met = paired.ratio <= RATIO_GOAL
    print(
        f"pack for a sprint of {NEEDS} needs   median {paired.command:.2f} s, "
        f"best {min(paired.commands):.2f} s, worst {max(paired.commands):.2f} s; "
        f"floor B median {paired.floor:.2f} s; ratio {paired.ratio:.2f} (goal ≤ {RATIO_GOAL:g})"
    )
    print(f"PDF size                          {size / 1024:.0f} KiB")
    print("goal met" if met else "goal missed")
    sprint = f"sprint of {NEEDS} needs"
    table = [
        at_most(f"Floor B: SQLAlchemy ORM + reportlab, TrueType font, 300-row A4 table PDF, "
                f"whole process, median of {RUNS}", "", paired.floor, "s"),
        at_most("Review pack (`po-desktop pack`), whole process ÷ floor B (alternating runs, "
                "medians)", sprint, paired.ratio, "×", RATIO_GOAL,
                f"pack {paired.command:.2f} s, floor B {paired.floor:.2f} s; pack best "
                f"{min(paired.commands):.2f} s, worst {max(paired.commands):.2f} s", "pack"),
        at_most("Review pack PDF size", sprint, size / 1024, "KiB"),
    ]  # fmt: skip
    figures = {
        "needs_in_sprint": NEEDS,
        "pack_s": paired.command,
        "pack_best_s": min(paired.commands),
        "pack_worst_s": max(paired.commands),
        "floor_b_s": paired.floor,
        "ratio": paired.ratio,
        "pdf_bytes": size,
        "met": met,
        "table": table,
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
