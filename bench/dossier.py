"""The need's dossier at scale: similar needs found as a title is typed, among 10,000.

Builds a demo database in a child process, then asks for the three needs most similar to
titles a person might type (existing titles changed a little, new words, accents left
out), as the capture dialog asks on each pause of the typing. Also times reading one
need's dossier and timeline, and the link picker's search as a key or a word is typed
(a word no title holds is its worst case: every title is compared), against reading
every need's row, which the picker did before. Prints the figures and last a JSON
object. Goal on the 2-core reference machine: similar needs under 150 ms, a dossier
under 50 ms, a picker search under 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _demo import build_demo
from _table import row

GOALS = {"similar_s": 0.150, "dossier_s": 0.050, "pick_s": 0.050}
QUERIES = 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--needs", type=int, default=int(os.environ.get("BENCH_NEEDS", "10000")), help="needs"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PO_DESKTOP_HOME"] = tmp
        db = Path(tmp) / "bench.podb"
        build_demo(db, args.needs)
        figures = measure(db)
    size = f"{args.needs:,} needs"
    met = {name: figures[name] < goal for name, goal in GOALS.items()}
    worst, goal = figures["similar_worst_s"] * 1000, GOALS["similar_s"] * 1000
    print(
        f"similar needs for a typed title   median {figures['similar_s'] * 1000:6.1f} ms, "
        f"worst {worst:6.1f} ms   goal < {goal:.0f} ms"
    )
    print(
        f"a need's dossier and timeline     median {figures['dossier_s'] * 1000:6.1f} ms   "
        f"goal < {GOALS['dossier_s'] * 1000:.0f} ms"
    )
    print(
        f"link picker search as typed       median {figures['pick_s'] * 1000:6.1f} ms, "
        f"worst {figures['pick_worst_s'] * 1000:6.1f} ms   goal < {GOALS['pick_s'] * 1000:.0f} ms"
        f"   (every need's row, read before: {figures['all_rows_s'] * 1000:.0f} ms)"
    )
    missed = [name for name, ok in met.items() if not ok]
    print("all goals met" if not missed else "goals missed: " + ", ".join(missed))
    rows = [
        row(
            f"Similar needs to a typed title (`similar_needs`), median of {QUERIES}",
            size,
            figures["similar_s"],
            GOALS["similar_s"],
            f"worst {figures['similar_worst_s'] * 1000:.0f} ms",
        ),
        row(
            "A need's dossier and timeline (`dossier`, `activity`), median",
            size,
            figures["dossier_s"],
            GOALS["dossier_s"],
        ),
        row(
            f"Link picker search as a key or word is typed (`pick_needs`), median of {QUERIES}",
            size,
            figures["pick_s"],
            GOALS["pick_s"],
            f"worst {figures['pick_worst_s'] * 1000:.0f} ms; every need's row (the picker "
            f"before): {figures['all_rows_s'] * 1000:.0f} ms",
        ),
    ]
    print(
        json.dumps(
            {
                "bench": "dossier",
                **{name: round(value, 4) for name, value in figures.items()},
                "goals": GOALS,
                "met": all(met.values()),
                "table": rows,
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                f"Python {platform.python_version()}",
            }
        )
    )
    return 0


def measure(db: Path) -> dict[str, float]:
    from sqlalchemy import select

    from po_desktop.domain.text import fold
    from po_desktop.store import dossier_queries, need_picker, queries
    from po_desktop.store.database import open_database
    from po_desktop.store.models import Need

    with open_database(db) as database, database.session() as session:
        titles = list(session.scalars(select(Need.title).order_by(Need.id)))
        step = max(1, len(titles) // QUERIES)
        typed = [
            fold(title).replace("e", "é", 1) + " urgent" if i % 2 else title.split()[0] + " suivi"
            for i, title in enumerate(titles[::step][:QUERIES])
        ]
        similar = []
        for text in typed:
            started = time.perf_counter()
            dossier_queries.similar_needs(session, text)
            similar.append(time.perf_counter() - started)
        reads = []
        for need_id in range(1, 1 + QUERIES):
            started = time.perf_counter()
            found = dossier_queries.dossier(session, need_id)
            dossier_queries.activity(session, found.id)
            reads.append(time.perf_counter() - started)
        picks = []
        words = [fold(title).split()[-1][:5] for title in titles[::step][: QUERIES // 2]]
        keys = [f"ERP-{i}" for i in range(1, QUERIES // 2 + 1)]  # a key as it is typed
        for text in [*words[:-1], "introuvable", *keys]:
            started = time.perf_counter()
            need_picker.pick_needs(session, text, exclude=1)
            picks.append(time.perf_counter() - started)
        started = time.perf_counter()
        queries.need_rows(session)
        all_rows = time.perf_counter() - started
    return {
        "pick_s": statistics.median(picks),
        "pick_worst_s": max(picks),
        "all_rows_s": all_rows,
        "similar_s": statistics.median(similar),
        "similar_worst_s": max(similar),
        "dossier_s": statistics.median(reads),
    }


if __name__ == "__main__":
    sys.exit(main())
