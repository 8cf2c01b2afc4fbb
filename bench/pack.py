"""Time the whole ``po-desktop pack`` process for a sprint of 300 needs.

Builds a demo workspace, puts 300 needs into its active sprint (moving some of
them to done so every section has rows), then runs the CLI as a user would,
several times. Prints the figures, last line one JSON object. Goal on the
2-core reference machine: under 2 s.
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
from pathlib import Path

GOAL_S = 2.0
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
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "po_desktop",
                    "pack",
                    "--db",
                    str(db),
                    "--sprint",
                    name,
                    "-o",
                    str(out),
                    "--lang",
                    "fr",
                ],
                check=True,
                capture_output=True,
                env=env,
            )
            times.append(time.perf_counter() - started)
        size = out.stat().st_size
    figures = {
        "needs_in_sprint": NEEDS,
        "pack_s": statistics.median(times),
        "pack_best_s": min(times),
        "pack_worst_s": max(times),
        "pdf_bytes": size,
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
    }
    figures["met"] = figures["pack_s"] < GOAL_S
    print(
        f"pack for a sprint of {NEEDS} needs   median {figures['pack_s']:.2f} s, "
        f"best {figures['pack_best_s']:.2f} s, worst {figures['pack_worst_s']:.2f} s   "
        f"goal < {GOAL_S:.0f} s"
    )
    print(f"PDF size                          {size / 1024:.0f} KiB")
    print("goal met" if figures["met"] else "goal missed")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
