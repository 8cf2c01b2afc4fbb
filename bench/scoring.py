"""What-if re-ranking at scale: 10,000 scored needs re-ranked after a weight change.

Builds a demo database in a child process, loads every need's latest values on
the default grid once (as the what-if panel does when it opens), then changes
one weight at a time and re-ranks everything. Prints the figures and last a
JSON object whose ``table`` rows ``bench/run_all.py`` writes. Goals: the re-rank itself
under 100 ms; the what-if weight change in the window (re-rank, sort, paint) within 50 ms
(issue 21), median.
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
from _table import at_most

GOAL_MS = 100.0
WINDOW_GOAL_MS = 50.0
"""The what-if weight change in the window, at most (issue 21)."""
CHANGES = 15


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scored",
        type=int,
        default=int(os.environ.get("BENCH_SCORED", "10000")),
        help="scored needs to re-rank (the demo scores about 58%% of its needs)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PO_DESKTOP_HOME"] = tmp
        db = Path(tmp) / "bench.podb"
        build_demo(db, int(args.scored / 0.55))
        figures = measure(db, args.scored)
    figures["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"scored needs on the grid            {figures['scored']:7.0f}")
    print(f"load their values (panel opens)     {figures['load_ms']:7.1f} ms")
    print(f"open a need in the scoring form     {figures['form_open_ms']:7.1f} ms (median)")
    print(f"re-rank in the window (+ sort, paint) {figures['rerank_window_ms']:6.1f} ms (median)")
    print(
        f"re-rank after a weight change       median {figures['rerank_ms']:6.1f} ms, "
        f"worst {figures['rerank_worst_ms']:6.1f} ms   goal < {GOAL_MS:.0f} ms"
    )
    figures["met"] = (
        figures["rerank_ms"] < GOAL_MS and figures["rerank_window_ms"] <= WINDOW_GOAL_MS
    )
    print("goals met" if figures["met"] else "goals missed")
    size = f"{figures['scored']:,.0f} scored needs"
    rerank = at_most(
        f"Scoring: re-rank after a weight change (in-process), median of {CHANGES}",
        size,
        figures["rerank_ms"],
        "ms",
        GOAL_MS,
        f"worst {figures['rerank_worst_ms']:.1f} ms",
    )
    rerank["met"], rerank["op"] = figures["rerank_ms"] < GOAL_MS, "<"
    table = [
        at_most("Scoring: load the latest values (what-if panel opens)", size,
                figures["load_ms"], "ms"),
        at_most("Scoring: show a need in the scoring form, median", size,
                figures["form_open_ms"], "ms"),
        at_most(f"What-if weight change in the window (re-rank, sort, paint), median of "
                f"{CHANGES}", size, figures["rerank_window_ms"], "ms", WINDOW_GOAL_MS, "",
                "whatif-10k" if figures["scored"] == 10_000 else ""),
        rerank,
    ]  # fmt: skip
    print(json.dumps({**figures, "table": table}))
    return 0


def measure(db: Path, scored: int) -> dict[str, float]:
    from po_desktop.domain.scoring import Reranker, rank
    from po_desktop.store import queries
    from po_desktop.store.database import open_database
    from po_desktop.store.services import scoring

    with open_database(db) as database, database.session() as session:
        model = scoring.active_model(session)
        grid = scoring.grid_of(model)
        started = time.perf_counter()
        values = dict(list(queries.latest_values(session, model.id).items())[:scored])
        decisions = {r.id: r.decision for r in queries.need_rows(session)}
        reranker = Reranker(grid, values)  # once per load, as the ranked backlog does
        load = time.perf_counter() - started
    current = rank([(i, grid.score(v), decisions.get(i)) for i, v in values.items()])
    times = []
    keys = [c.key for c in grid.criteria]
    for change in range(CHANGES):
        key = keys[change % len(keys)]
        weight = 1.0 + (change % 5)
        started = time.perf_counter()
        current = reranker.what_if(grid.with_weight(key, weight), decisions, current).ranked
        times.append(time.perf_counter() - started)
    form_ms, window_ms = _gui_figures(db, list(values)[:20])
    return {
        "form_open_ms": form_ms,
        "rerank_window_ms": window_ms,
        "scored": float(len(values)),
        "load_ms": load * 1000,
        "rerank_ms": statistics.median(times) * 1000,
        "rerank_worst_ms": max(times) * 1000,
    }


def _gui_figures(db: Path, need_ids: list[int]) -> tuple[float, float]:
    """Median times to show a need in the scoring form (read, build the inputs, paint),
    and to re-rank the backlog in the window after a weight change (simulate, re-sort,
    repaint)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from po_desktop.store.database import open_database
    from po_desktop.ui.app import create_application
    from po_desktop.ui.main_window import MainWindow
    from po_desktop.ui.workspace import Workspace

    app = create_application("fr")
    with open_database(db) as database:
        window = MainWindow(Workspace(database))
        window.resize(1600, 900)
        window.tabs.setCurrentIndex(MainWindow.SCORING)
        window.show()
        app.processEvents()
        times = []
        for need_id in need_ids:
            started = time.perf_counter()
            window.scoring.form.load(need_id)
            app.processEvents()
            times.append(time.perf_counter() - started)
        panel = window.scoring.what_if
        panel.set_on(True)
        spin = next(iter(panel.spins.values()))
        reranks = []
        for change in range(CHANGES):
            started = time.perf_counter()
            spin.setValue(1.0 + (change % 5) * 2)
            app.processEvents()
            reranks.append(time.perf_counter() - started)
        window.close()
        QApplication.processEvents()
    return statistics.median(times) * 1000, statistics.median(reranks) * 1000


if __name__ == "__main__":
    sys.exit(main())
