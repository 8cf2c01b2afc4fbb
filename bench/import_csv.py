"""Needs from a CSV file: read + ``import_needs`` in-process, and ``po-desktop import-csv``.

The file is a demo workspace exported with ``po-desktop export-csv``: French titles,
problems, solutions, acceptance criteria, tags, statuses and sprints, as a product owner
edits them in Excel. Beyond the demo's 10,000 needs (``--rows 100000``) its rows are
repeated with new keys and a site name in the title. Every run imports into a fresh
workspace holding the demo's sprints, so each row creates a need: the import's full
path (rows equal to a stored need are skipped). Prints the figures, last line one JSON
object.

Goals on the 2-core reference machine: 10,000 rows under 10 s, in-process and as a whole
process. The window imports on the GUI thread with no progress bar, and 10 s is about
the longest wait before a user decides it hung; 10,000 rows is a team's whole
backlog moved from a spreadsheet. Larger files get the same cost a row (100,000 rows
under 100 s).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

DEMO_MAX = 10_000
"""Needs in the demo exported; more rows are copies of these with new keys."""
GOAL_S = 10.0
"""For up to 10,000 rows; larger files get the same time a row."""
SITES = ("Lyon", "Nantes", "Lille", "Bordeaux", "Toulouse", "Marseille", "Rennes", "Grenoble")
"""Suffixes that keep copied titles unique and plausible (« … — site de Lyon »)."""
TITLE_MAX = 300

Sprints = list[tuple[str, date, date, str]]


def build_csv(source: Path, out: Path, rows: int, env: dict[str, str]) -> Sprints:
    """The CSV file of ``rows`` needs; returns the demo's sprints (name, start, end, goal)."""
    demo = ["demo", "--db", str(source), "--needs", str(min(rows, DEMO_MAX))]
    subprocess.run(
        [sys.executable, "-m", "po_desktop", *demo], check=True, capture_output=True, env=env
    )
    exported = out.with_name("export.csv")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "po_desktop",
            "export-csv",
            "--db",
            str(source),
            "-o",
            str(exported),
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    multiply(exported, out, rows)
    from sqlalchemy import select

    from po_desktop.store.database import open_database
    from po_desktop.store.models import Sprint

    with open_database(source, create=False) as database, database.session() as session:
        found = session.scalars(select(Sprint).order_by(Sprint.start_date))
        return [(s.name, s.start_date, s.end_date, s.goal) for s in found]


def multiply(exported: Path, out: Path, rows: int) -> None:
    """Write the first ``rows`` rows of the export repeated: copy k shifts every key's
    number past the project's highest one and names a site in the title."""
    from po_desktop.domain.keys import format_key, parse_key

    with exported.open(encoding="utf-8-sig", newline="") as fh:
        header, *body = list(csv.reader(fh, delimiter=";"))
    key, title = header.index("key"), header.index("title")
    highest: dict[str, int] = {}
    for row in body:
        parsed = parse_key(row[key])
        assert parsed is not None, row[key]
        highest[parsed[0]] = max(highest.get(parsed[0], 0), parsed[1])
    written = []
    copy = 0
    while len(written) < rows:
        for row in body[: rows - len(written)]:
            if copy:
                code, number = parse_key(row[key]) or ("", 0)
                site = SITES[copy - 1] if copy <= len(SITES) else f"lot {copy + 1}"
                suffix = f" — site de {site}"
                row = list(row)
                row[key] = format_key(code, number + copy * highest[code])
                row[title] = row[title][: TITLE_MAX - len(suffix)] + suffix
            written.append(row)
        copy += 1
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(written)


def fresh_workspace(db: Path, sprints: Sprints) -> None:
    """An empty workspace with the demo's sprints, so the rows' sprint names resolve."""
    from po_desktop.store.database import open_database
    from po_desktop.store.services import sprints as service

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with open_database(db) as database, database.session() as session:
        for name, start, end, goal in sprints:
            service.create_sprint(session, service.SprintInput(name, start, end, goal))


def in_process(csv_path: Path, db: Path, sprints: Sprints, rows: int) -> tuple[float, float]:
    """Seconds to read the file and to import its records (commit included)."""
    from po_desktop.io.csv_needs import read_needs_csv
    from po_desktop.store.database import open_database
    from po_desktop.store.services.importing import import_needs

    fresh_workspace(db, sprints)
    started = time.perf_counter()
    records = read_needs_csv(csv_path)
    read = time.perf_counter() - started
    with open_database(db, create=False) as database, database.session() as session:
        result = import_needs(session, records)
    total = time.perf_counter() - started
    assert result.created == rows, (result.created, rows)
    return read, total - read


def cli(command: Sequence[str], env: dict[str, str], log: Path) -> tuple[float, float | None]:
    """Seconds and peak memory (MB, None where wait4 is missing) of one CLI process."""
    with log.open("w+b") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
            peak: float | None = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)
        else:
            proc.wait()
            elapsed, peak = time.perf_counter() - started, None
        if proc.returncode:
            out.seek(0)
            sys.stdout.write(out.read().decode(errors="replace"))
            raise subprocess.CalledProcessError(proc.returncode, list(command))
    return elapsed, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=int(os.environ.get("BENCH_ROWS", "10000")))
    parser.add_argument(
        "--runs", type=int, default=None, help="runs of each kind (default 3, 1 above 10,000)"
    )
    args = parser.parse_args()
    rows: int = args.rows
    runs: int = args.runs or (3 if rows <= DEMO_MAX else 1)
    goal = GOAL_S * max(1.0, rows / 10_000)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PO_DESKTOP_HOME"] = tmp
        env = os.environ | {"PO_DESKTOP_HOME": tmp}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app runs from bytecode
        csv_path = Path(tmp) / "besoins.csv"
        started = time.perf_counter()
        sprints = build_csv(Path(tmp) / "source.podb", csv_path, rows, env)
        mb = csv_path.stat().st_size / 2**20
        print(f"CSV of {rows} rows ({mb:.1f} MB) built in {time.perf_counter() - started:.1f} s")
        db = Path(tmp) / "target.podb"
        reads, imports = [], []
        for run in range(runs):
            read, imported = in_process(csv_path, db, sprints, rows)
            reads.append(read)
            imports.append(imported)
            print(f"in-process run {run + 1}: read {read:.2f} s, import {imported:.2f} s")
        cli_times, peaks = [], []
        for run in range(runs):
            fresh_workspace(db, sprints)
            command = [sys.executable, "-m", "po_desktop", "import-csv", "--db", str(db)]
            seconds, peak = cli([*command, str(csv_path)], env, Path(tmp) / "cli.log")
            cli_times.append(seconds)
            if peak is not None:
                peaks.append(peak)
            print(f"po-desktop import-csv run {run + 1}: {seconds:.2f} s")
    totals = [r + i for r, i in zip(reads, imports, strict=True)]
    figures = {
        "read_s": statistics.median(reads),
        "import_s": statistics.median(imports),
        "total_s": statistics.median(totals),
        "total_worst_s": max(totals),
        "cli_s": statistics.median(cli_times),
        "cli_worst_s": max(cli_times),
        "cli_peak_mb": max(peaks) if peaks else None,
    }
    met = {"total_s": figures["total_s"] < goal, "cli_s": figures["cli_s"] < goal}
    print(f"read_needs_csv                    median {figures['read_s']:7.2f} s")
    print(f"import_needs (with commit)        median {figures['import_s']:7.2f} s")
    print(
        f"read + import in-process          median {figures['total_s']:7.2f} s, "
        f"worst {figures['total_worst_s']:.2f} s   goal < {goal:.0f} s"
    )
    print(
        f"po-desktop import-csv             median {figures['cli_s']:7.2f} s, "
        f"worst {figures['cli_worst_s']:.2f} s   goal < {goal:.0f} s"
    )
    if peaks:
        print(f"po-desktop import-csv peak memory        {max(peaks):7.0f} MB")
    missed = [name for name, ok in met.items() if not ok]
    print("all goals met" if not missed else "goals missed: " + ", ".join(missed))
    size = f"{rows:,} rows ({mb:.1f} MB)"
    of = f"median of {runs}" if runs > 1 else "1 run"
    table = [
        _row("CSV import in-process: `read_needs_csv`", size, figures["read_s"], "s", None),
        _row(
            f"CSV import in-process: read + `import_needs` with commit, {of}",
            size,
            figures["total_s"],
            "s",
            goal,
            f"worst {figures['total_worst_s']:.2f} s" if runs > 1 else "",
        ),
        _row(
            f"`po-desktop import-csv` whole process, {of}",
            size,
            figures["cli_s"],
            "s",
            goal,
            f"worst {figures['cli_worst_s']:.2f} s" if runs > 1 else "",
        ),
    ]
    if peaks:
        table.append(_row("`po-desktop import-csv` peak memory", size, max(peaks), "MB", None))
    print(
        json.dumps(
            {
                "bench": "import_csv",
                "rows": rows,
                "runs": runs,
                "csv_mb": round(mb, 2),
                **{k: None if v is None else round(v, 4) for k, v in figures.items()},
                "goals": {"total_s": goal, "cli_s": goal},
                "met": all(met.values()),
                "table": table,
                "note": f"Each run creates {rows:,} needs in a fresh workspace that holds the "
                "demo's sprints (the rows name them); the file is a demo export"
                + (" repeated with new keys." if rows > DEMO_MAX else "."),
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                f"Python {platform.python_version()}",
            }
        )
    )
    return 0


def _row(
    what: str, size: str, value: float, unit: str, goal: float | None, detail: str = ""
) -> dict[str, object]:
    """One line of docs/benchmarks.md, in the shape bench/run_all.py reads."""
    return {
        "what": what,
        "size": size,
        "value": round(value, 4),
        "unit": unit,
        "goal": goal,
        "met": None if goal is None else value < goal,
        "detail": detail,
    }


if __name__ == "__main__":
    sys.exit(main())
