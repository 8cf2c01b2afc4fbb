"""Needs from a CSV file: the import against a floor measured in the same run, and the
memory of a streaming import of a large file.

The file is a demo workspace exported with ``po-desktop export-csv``: French titles,
problems, solutions, acceptance criteria, tags, statuses and sprints, as a product owner
edits them in Excel. Beyond the demo's 10,000 needs (``--rows 100000``, ``--rows
1000000``) its rows are repeated with new keys and a site name in the title. Every run
imports into a fresh workspace holding the demo's sprints and people (the rows name
them), so each row creates a need: the import's full path (rows equal to a stored need
are skipped).

The floor is what any import of this file costs at least: Python's csv module reading
it, and SQLite inserting its rows as they are into one table, in one transaction, with
the workspace's settings (WAL, synchronous=FULL). The import reads the same file,
checks every row as a dialog would, stores each need with its tags and history events,
and commits once. Its time is reported as a ratio to the floor, both measured side by
side in this run, so the figure means the same on a fast machine and a slow one.

Goals: the 10,000-row import within 3 times the floor (in-process, read and import with
commit); ``po-desktop import`` of a 1,000,000-row file with a peak memory under 400 MB
(the file is read as it is imported, never whole). Prints the figures, last line one
JSON object.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

DEMO_MAX = 10_000
"""Needs in the demo exported; more rows are copies of these with new keys."""
RATIO_GOAL = 3.0
"""The import's time over the floor's, at 10,000 rows."""
PEAK_GOAL_MB = 400.0
"""Peak memory of the command importing a large file, whatever its size."""
SITES = ("Lyon", "Nantes", "Lille", "Bordeaux", "Toulouse", "Marseille", "Rennes", "Grenoble")
"""Suffixes that keep copied titles unique and plausible (« … — site de Lyon »)."""
TITLE_MAX = 300
SQLITE_VARIABLES = 999
"""Values per statement when SQLite alone stores the import's rows, as the import does."""


class Seed(NamedTuple):
    """What the demo's workspace holds that its rows name: its sprints (name, start,
    end, goal) and its people (the needs' assignees)."""

    sprints: list[tuple[str, date, date, str]]
    people: list[str]


def build_csv(source: Path, out: Path, rows: int, env: dict[str, str]) -> Seed:
    """The CSV file of ``rows`` needs; returns the demo's sprints and people."""
    demo = ["demo", "--db", str(source), "--needs", str(min(rows, DEMO_MAX))]
    subprocess.run(
        [sys.executable, "-m", "po_desktop", *demo], check=True, capture_output=True, env=env
    )
    exported = out.with_name("export.csv")
    export = ["export-csv", "--db", str(source), "-o", str(exported), "--lang", "fr"]
    subprocess.run(
        [sys.executable, "-m", "po_desktop", *export], check=True, capture_output=True, env=env
    )
    multiply(exported, out, rows)
    from sqlalchemy import select

    from po_desktop.store.database import open_database
    from po_desktop.store.models import Person, Sprint

    with open_database(source, create=False) as database, database.session() as session:
        found = session.scalars(select(Sprint).order_by(Sprint.start_date))
        people = session.scalars(select(Person.name).order_by(Person.id))
        return Seed([(s.name, s.start_date, s.end_date, s.goal) for s in found], list(people))


def multiply(exported: Path, out: Path, rows: int) -> None:
    """Write the first ``rows`` rows of the export repeated, a row at a time: copy k
    shifts every key's number past the project's highest one and names a site in the
    title."""
    from po_desktop.domain.keys import format_key, parse_key
    from po_desktop.io.csv_needs import COLUMNS

    with exported.open(encoding="utf-8-sig", newline="") as fh:
        header, *body = list(csv.reader(fh, delimiter=";"))
    key, title = COLUMNS.index("key"), COLUMNS.index("title")
    highest: dict[str, int] = {}
    for row in body:
        parsed = parse_key(row[key])
        assert parsed is not None, row[key]
        highest[parsed[0]] = max(highest.get(parsed[0], 0), parsed[1])
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        written = copy = 0
        while written < rows:
            for row in body[: rows - written]:
                if copy:
                    code, number = parse_key(row[key]) or ("", 0)
                    site = SITES[copy - 1] if copy <= len(SITES) else f"lot {copy + 1}"
                    suffix = f" — site de {site}"
                    row = list(row)
                    row[key] = format_key(code, number + copy * highest[code])
                    row[title] = row[title][: TITLE_MAX - len(suffix)] + suffix
                writer.writerow(row)
                written += 1
            copy += 1


def fresh_workspace(db: Path, seed: Seed) -> None:
    """An empty workspace with the demo's sprints and people, so the rows' sprint and
    assignee names resolve."""
    from po_desktop.store.database import open_database
    from po_desktop.store.services import people
    from po_desktop.store.services import sprints as service

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with open_database(db) as database, database.session() as session:
        for person in seed.people:
            people.create_person(session, people.PersonInput(person))
        for name, start, end, goal in seed.sprints:
            service.create_sprint(session, service.SprintInput(name, start, end, goal))


def floor(csv_path: Path, db: Path) -> float:
    """Seconds for the csv module to read the file and SQLite to insert its rows as they
    are, in one transaction, with the workspace's journal and sync settings."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    connection = sqlite3.connect(db, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        with csv_path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, delimiter=";")
            header = next(reader)
            columns = ", ".join(f"c{i} TEXT" for i in range(len(header)))
            connection.execute(f"CREATE TABLE row (id INTEGER PRIMARY KEY, {columns})")
            marks = ", ".join("?" for _ in header)
            names = ", ".join(f"c{i}" for i in range(len(header)))
            connection.execute("BEGIN")
            connection.executemany(f"INSERT INTO row ({names}) VALUES ({marks})", reader)
            connection.execute("COMMIT")
    finally:
        connection.close()
    return time.perf_counter() - started


def store_only(imported: Path, db: Path, seed: Seed) -> float:
    """Seconds for SQLite alone to store what the import stored (its needs, tags and
    events, copied as they are from ``imported``) in a fresh workspace, in one
    transaction: the part of the import no Python code can make cheaper."""
    fresh_workspace(db, seed)
    source = sqlite3.connect(imported)
    try:
        tables = {
            name: (
                [d[0] for d in source.execute(f"SELECT * FROM {name}").description],
                source.execute(f"SELECT * FROM {name}").fetchall(),
            )
            for name in ("project", "need", "need_tag", "need_event")
        }
    finally:
        source.close()
    started = time.perf_counter()
    connection = sqlite3.connect(db, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("BEGIN")
        for name, (columns, values) in tables.items():
            # As the import writes them: many rows per statement (po_desktop.store.bulk).
            one = f"({', '.join('?' for _ in columns)})"
            per = max(1, SQLITE_VARIABLES // len(columns))
            for start in range(0, len(values), per):
                chunk = values[start : start + per]
                connection.execute(
                    f"INSERT INTO {name} ({', '.join(columns)}) VALUES "
                    + ", ".join([one] * len(chunk)),
                    [value for row in chunk for value in row],
                )
        connection.execute("COMMIT")
    finally:
        connection.close()
    return time.perf_counter() - started


def in_process(csv_path: Path, db: Path, seed: Seed, rows: int) -> float:
    """Seconds to read the file and import it (commit included), as one stream."""
    from po_desktop.io.needs_files import open_needs
    from po_desktop.io.needs_table import records
    from po_desktop.store.database import open_database
    from po_desktop.store.services.importing import import_needs

    fresh_workspace(db, seed)
    with open_database(db, create=False) as database, database.session() as session:
        started = time.perf_counter()
        with open_needs(csv_path) as table:
            result = import_needs(session, records(table))
        elapsed = time.perf_counter() - started
    assert result.created == rows, (result.created, rows)
    return elapsed


def cli(command: Sequence[str], env: dict[str, str], log: Path) -> tuple[float, float | None]:
    """Seconds and peak memory (MB, None where wait4 is missing) of one CLI process,
    measured by bench/_peak.py: a child forked from this process would count this
    process's own memory (the in-process imports) in its peak."""
    helper = Path(__file__).with_name("_peak.py")
    done = subprocess.run(
        [sys.executable, str(helper), str(log), *command],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(done.stdout)
    if figures["returncode"]:
        sys.stdout.write(log.read_text(errors="replace"))
        raise subprocess.CalledProcessError(figures["returncode"], list(command))
    return figures["seconds"], figures["peak_mb"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=int(os.environ.get("BENCH_ROWS", "10000")))
    parser.add_argument(
        "--runs", type=int, default=None, help="runs of each kind (default 3, 1 above 10,000)"
    )
    args = parser.parse_args()
    rows: int = args.rows
    runs: int = args.runs or (3 if rows <= DEMO_MAX else 1)
    in_process_too = rows <= 100_000  # a million rows: the command's memory is the point
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PO_DESKTOP_HOME"] = tmp
        env = os.environ | {"PO_DESKTOP_HOME": tmp}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app runs from bytecode
        csv_path = Path(tmp) / "besoins.csv"
        started = time.perf_counter()
        seed = build_csv(Path(tmp) / "source.podb", csv_path, rows, env)
        mb = csv_path.stat().st_size / 2**20
        print(f"CSV of {rows} rows ({mb:.1f} MB) built in {time.perf_counter() - started:.1f} s")
        db = Path(tmp) / "target.podb"
        floors, imports, stores = [], [], []
        if in_process_too:
            for run in range(runs):  # side by side: the machine's state weighs on both alike
                floors.append(floor(csv_path, Path(tmp) / "floor.sqlite"))
                imports.append(in_process(csv_path, db, seed, rows))
                stores.append(store_only(db, Path(tmp) / "store.podb", seed))
                print(
                    f"run {run + 1}: floor {floors[-1]:.3f} s, import {imports[-1]:.3f} s, "
                    f"ratio {imports[-1] / floors[-1]:.2f}; SQLite storing the same needs, "
                    f"tags and events alone {stores[-1]:.3f} s"
                )
        cli_times, peaks = [], []
        for run in range(runs):
            fresh_workspace(db, seed)
            command = [sys.executable, "-m", "po_desktop", "import", "--db", str(db)]
            seconds, peak = cli([*command, str(csv_path)], env, Path(tmp) / "cli.log")
            cli_times.append(seconds)
            if peak is not None:
                peaks.append(peak)
            print(f"po-desktop import run {run + 1}: {seconds:.2f} s, peak {peak or 0:.0f} MB")
    figures: dict[str, float | None] = {
        "cli_s": statistics.median(cli_times),
        "cli_peak_mb": max(peaks) if peaks else None,
    }
    size = f"{rows:,} rows ({mb:.1f} MB)"
    of = f"median of {runs}" if runs > 1 else "1 run"
    table = []
    goals: dict[str, float] = {}
    if floors:
        figures["floor_s"] = statistics.median(floors)
        figures["import_s"] = statistics.median(imports)
        figures["ratio"] = figures["import_s"] / figures["floor_s"]
        figures["store_ratio"] = statistics.median(stores) / figures["floor_s"]
        ratio_goal = RATIO_GOAL if rows <= DEMO_MAX else None
        if ratio_goal is not None:
            goals["ratio"] = ratio_goal
        print(f"floor: csv module + SQLite insert   median {figures['floor_s']:7.3f} s")
        print(f"import: read + import_needs, commit median {figures['import_s']:7.3f} s")
        print(
            f"ratio import / floor                       {figures['ratio']:7.2f}"
            + (f"   goal < {RATIO_GOAL:g}" if ratio_goal else "")
        )
        print(f"ratio SQLite storing alone / floor         {figures['store_ratio']:7.2f}")
        table += [
            _row("CSV floor: csv module read + SQLite insert, one transaction", size,
                 figures["floor_s"], "s", None, of),
            _row("CSV import in-process: read + `import_needs` with commit", size,
                 figures["import_s"], "s", None, of),
            _row("CSV import time ÷ floor time (same run)", size, figures["ratio"], "×",
                 ratio_goal),
            _row("SQLite alone storing the import's needs, tags and events ÷ floor", size,
                 figures["store_ratio"], "×", None, "the part no Python code can shorten"),
        ]  # fmt: skip
    print(f"po-desktop import                   median {figures['cli_s']:7.2f} s")
    table.append(
        _row(f"`po-desktop import` whole process, {of}", size, figures["cli_s"], "s", None)
    )
    if peaks:
        peak_goal = PEAK_GOAL_MB if rows >= 1_000_000 else None
        if peak_goal is not None:
            goals["cli_peak_mb"] = peak_goal
        print(
            f"po-desktop import peak memory              {max(peaks):7.0f} MB"
            + (f"   goal < {PEAK_GOAL_MB:g} MB" if peak_goal else "")
        )
        table.append(_row("`po-desktop import` peak memory", size, max(peaks), "MB", peak_goal))
    met = all(row["met"] is not False for row in table)
    print("all goals met" if met else "goals missed")
    print(
        json.dumps(
            {
                "bench": "import_csv",
                "rows": rows,
                "runs": runs,
                "csv_mb": round(mb, 2),
                **{k: None if v is None else round(v, 4) for k, v in figures.items()},
                "goals": goals,
                "met": met,
                "table": table,
                "note": f"Each run creates {rows:,} needs in a fresh workspace that holds the "
                "demo's sprints and people (the rows name them); the file is a demo export"
                + (" repeated with new keys." if rows > DEMO_MAX else ".")
                + (
                    " The floor reads the same file with the csv module and inserts its "
                    "rows into one SQLite table in one transaction (WAL, synchronous=FULL), "
                    "in the same run."
                    if floors
                    else " Only the command is run: its memory is the figure."
                ),
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
