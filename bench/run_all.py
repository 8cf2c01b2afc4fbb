"""Run every benchmark, then write and print docs/benchmarks.md: each figure against its goal.

Each ``bench/*.py`` script runs in its own process, offscreen, its output streamed to
the console; helpers (``_*.py``), this file and ``bundle.py`` (it needs ``make build``
first) are left out. The large cases follow their script (100,000 needs or rows, and a
million-row import for its memory; fewer repetitions). Figures come from each script's
last JSON line: its ``table`` rows (each script sets its goals, so a goal lives in one
place), else its ``*_s``, ``*_ms`` and ``*_mb`` figures. A failing
script is recorded and the others still run; the exit status is then 1. Missed goals are
reported, not treated as failures: the file is a record for people, not a gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUTPUT = ROOT / "docs" / "benchmarks.md"
SKIPPED = {"run_all.py", "bundle.py"}
ORDER = ("startup", "board", "scoring", "pack", "ics", "import_csv")
"""Run (and table) order; scripts not named here follow alphabetically."""
QUICK = ("startup", "board", "scoring", "pack")
"""``--quick``: the scripts of issue 21's figures, at 10,000 needs only."""
REFERENCE = 10_000
"""The size the goals are set for; larger runs show how the app scales."""
HEADLINES = {
    "startup-10k": "Start → first painted board, 10,000 needs, ÷ floor A",
    "startup-100k": "Start → first painted board, 100,000 needs, ÷ floor A",
    "filter-100k": "Filter keystroke → repaint, 100,000 needs",
    "filter-10k": "Filter keystroke → repaint, 10,000 needs (median)",
    "filter-worst-10k": "Filter keystroke → repaint, 10,000 needs (worst)",
    "move-10k": "Card move with commit and repaint, 10,000 needs (median)",
    "whatif-10k": "What-if weight change in the window (re-rank, sort, paint), 10,000",
    "pack": "Review pack, 300 needs, whole process, ÷ floor B",
    "memory-100k": "Peak memory, 100,000 needs",
}
"""The figures of issue 21 (performance near the floor), in its order: the summary table."""
KEEP_FROM = "## Analysis"
"""A hand-written section from this heading on survives the next ``make bench``."""


@dataclass(frozen=True)
class Job:
    """One script run: its arguments and environment, and whether it is a large case."""

    script: str
    args: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    large: bool = False

    @property
    def name(self) -> str:
        return self.script.removesuffix(".py")

    @property
    def label(self) -> str:
        settings = " ".join(f"{k}={v}" for k, v in self.env)
        return " ".join(filter(None, (settings, f"bench/{self.script}", *self.args)))


LARGE = {
    "startup.py": (
        Job("startup.py", env=(("BENCH_NEEDS", "100000"), ("BENCH_RUNS", "3")), large=True),
    ),
    "board.py": (Job("board.py", ("--needs", "100000"), large=True),),
    "import_csv.py": (
        Job("import_csv.py", ("--rows", "100000"), large=True),
        # The memory of a streaming import: the file is never held whole.
        Job("import_csv.py", ("--rows", "1000000"), large=True),
    ),
}
"""Large cases where the size matters to a user: start-up, the board, an import (and a
million-row file's memory)."""


@dataclass
class Row:
    """One line of the table."""

    what: str
    size: str
    value: float | None
    unit: str
    goal: float | None = None
    met: bool | None = None
    detail: str = ""
    reference: float | None = None
    """The goal at 10,000, shown for comparison beside a large case's figure."""
    failed: str = ""
    op: str = "<"
    """How the value compares to its goal: "<" (older goals) or "≤" (issue 21's)."""
    headline: str = ""
    """A key of ``HEADLINES``: the row is one of the summary's figures."""


@dataclass
class Outcome:
    """A finished run: exit status, wall time, its JSON and the table rows made of it."""

    job: Job
    code: int
    seconds: float
    data: dict[str, Any] | None
    rows: list[Row] = field(default_factory=list)
    last_line: str = ""


# ----- running ---------------------------------------------------------------------------


def jobs(only: set[str] | None, large: bool) -> list[Job]:
    scripts = [
        p.name for p in HERE.glob("*.py") if not p.name.startswith("_") and p.name not in SKIPPED
    ]
    rank = {f"{name}.py": i for i, name in enumerate(ORDER)}
    scripts.sort(key=lambda s: (rank.get(s, len(ORDER)), s))
    chosen = []
    for script in scripts:
        if only and script.removesuffix(".py") not in only:
            continue
        chosen.append(Job(script))
        if large and script in LARGE:
            chosen.extend(LARGE[script])
    return chosen


def run(job: Job) -> Outcome:
    """Run one script, echoing its output as it comes; its last JSON line is the result."""
    print(f"\n===== {job.label} =====", flush=True)
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"} | dict(job.env)
    # The checkout being measured, not whichever one the virtual environment's editable
    # install points at: a script's own folder (bench/) comes first on its path.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    tail: deque[str] = deque(maxlen=200)
    started = time.perf_counter()
    # -u for this process only: its children (the timed ones) start as a user's would.
    with subprocess.Popen(
        [sys.executable, "-u", str(HERE / job.script), *job.args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            tail.append(line.rstrip("\n"))
    seconds = time.perf_counter() - started
    data = None
    for line in reversed(tail):  # Qt may print a warning after the JSON line
        if line.startswith("{"):
            try:
                data = json.loads(line)
                break
            except json.JSONDecodeError:
                continue
    last = next((line for line in reversed(tail) if line.strip()), "")
    print(f"----- {job.label}: exit {proc.returncode} in {seconds:.0f} s", flush=True)
    return Outcome(job, proc.returncode, seconds, data, last_line=last)


# ----- figures ---------------------------------------------------------------------------


def generic_rows(name: str, data: dict[str, Any]) -> list[Row]:
    """A script in no adapter: its ``*_s``, ``*_ms`` and ``*_mb`` figures, with ``goals``."""
    goals = data.get("goals", {})
    rows = []
    for key, value in data.items():
        unit = next((u for u in ("s", "ms", "mb") if key.endswith(f"_{u}")), None)
        if unit is None or not isinstance(value, int | float):
            continue
        goal = goals.get(key)
        rows.append(
            Row(
                f"{name}: {key}",
                "",
                float(value),
                "MB" if unit == "mb" else unit,
                goal,
                None if goal is None else value < goal,
            )
        )
    return rows


def rows_of(outcome: Outcome) -> list[Row]:
    job, data = outcome.job, outcome.data
    failure = ""
    if outcome.code != 0:
        failure = f"failed (exit {outcome.code})"
    elif data is None:
        failure = "failed (no JSON result)"
    if failure:
        size = "100,000" if job.large else ""
        return [Row(f"`{job.label}`", size, None, "", failed=failure)]
    assert data is not None
    try:
        if "table" in data:
            return [Row(**row) for row in data["table"]]
        return generic_rows(job.name, data)
    except (KeyError, TypeError, ValueError) as exc:  # the script's JSON changed shape
        return [Row(f"`{job.label}`", "", None, "", failed=f"failed (unreadable JSON: {exc!r})")]


# ----- the document ----------------------------------------------------------------------


def number(value: float, unit: str) -> str:
    if unit == "s":
        text = f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 10 else f"{value:.1f}"
    elif unit == "ms":
        text = f"{value:.1f}" if value < 100 else f"{value:,.0f}"
    elif unit == "×":  # a ratio to a floor measured in the same run
        return f"{value:.1f}×"
    else:
        text = f"{value:,.0f}"
    return f"{text} {unit}".strip()


def bound(goal: float, unit: str) -> str:
    """A goal as the table shows it: "1.3×" for a ratio, "16 ms" for a time."""
    return f"{goal:g}×" if unit == "×" else f"{goal:,g} {unit}"


def cells(row: Row) -> list[str]:
    if row.failed:
        return [row.what, row.size or "—", row.failed, "—", "✗ FAILED"]
    assert row.value is not None
    value = number(row.value, row.unit)
    if row.detail:
        value += f" ({row.detail})"
    if row.goal is not None:
        goal = f"{row.op} {bound(row.goal, row.unit)}"
    elif row.reference is not None:
        goal = f"— ({row.op} {bound(row.reference, row.unit)} at {REFERENCE:,})"
    else:
        goal = "—"
    met = "—" if row.met is None else "✓" if row.met else "✗ MISSED"
    return [row.what, row.size, value, goal, met]


def missed_note(row: Row) -> str:
    assert row.value is not None and row.goal is not None
    over = row.value - row.goal
    return (
        f"- {row.what}{f' ({row.size})' if row.size else ''}: {number(row.value, row.unit)}"
        f" against a goal of "
        f"{row.op} {bound(row.goal, row.unit)}, over by {number(over, row.unit)} "
        f"(+{over / row.goal:.0%})."
    )


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    ram = ""
    try:
        info = Path("/proc/cpuinfo").read_text()
        cpu = next(
            (line.split(":", 1)[1].strip() for line in info.splitlines() if "model name" in line),
            cpu,
        )
        memory = Path("/proc/meminfo").read_text().split("\n", 1)[0]  # MemTotal: N kB
        ram = f"{int(memory.split()[1]) / 2**20:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    system = f"{platform.system()} {platform.release()} {platform.machine()}"
    try:
        release = Path("/etc/os-release").read_text()
        pretty = next(line for line in release.splitlines() if line.startswith("PRETTY_NAME="))
        system = f"{pretty.split('=', 1)[1].strip(chr(34))}, {system}"
    except (OSError, StopIteration):
        pass

    def version(*names: str) -> str:
        for name in names:
            try:
                return metadata.version(name)
            except metadata.PackageNotFoundError:
                continue
        return "not installed"

    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores" + (f"; RAM {ram}" if ram else ""),
        f"- OS: {system}",
        f"- Python {platform.python_version()}, PySide6 "
        f"{version('PySide6', 'PySide6-Essentials')}, SQLAlchemy {version('SQLAlchemy')}",
    ]


def commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return head.stdout.strip()


def load() -> str:
    """The load averages over 1, 5 and 15 minutes and the running/total tasks, as
    /proc/loadavg has them: other work on the machine skews every figure."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:4])
    except OSError:
        if hasattr(os, "getloadavg"):
            return " ".join(f"{value:.2f}" for value in os.getloadavg())
        return "unknown"


def document(
    outcomes: list[Outcome], started: dt.datetime, minutes: float, loads: str, kept: str
) -> str:
    head = commit()
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`bench/run_all.py`) on {started:%Y-%m-%d %H:%M %Z}"
        + (f" at commit `{head}`" if head else "")
        + f", in {minutes:.0f} minutes. Each figure's script is in `bench/`; its docstring says"
        " why the goal is what it is.",
        "",
        *machine(),
        f"- Load (/proc/loadavg: 1, 5, 15 min, running/total tasks) for {os.cpu_count()} CPUs:"
        f" {loads}",
        "",
        "Start-up and the review pack are ratios to a floor measured in the same run, so"
        " they hold on any machine; the other goals are for the 2-core reference machine"
        f" at {REFERENCE:,} needs unless a size is given. The 100,000 rows"
        " show how the app scales: their goal column gives the 10,000 goal for comparison,"
        " except the CSV import, whose goal grows with the rows. The PyInstaller bundle"
        " (`bench/bundle.py`) is not built by `make bench`: run `make build` first.",
        "",
        "| Measured | Size | Value | Goal | Met |",
        "|---|---|---|---|---|",
    ]
    rows = [row for outcome in outcomes for row in outcome.rows]
    lines[-2:-2] = summary(rows)
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in cells(row)) + " |" for row in rows]
    missed = [row for row in rows if row.met is False]
    failed = [o for o in outcomes if any(r.failed for r in o.rows)]
    if missed or failed:
        lines += ["", "## Missed goals", ""]
        lines += [missed_note(row) for row in missed]
        lines += [
            f"- `{o.job.label}` {o.rows[0].failed}; its last line: `{o.last_line[:200]}`"
            for o in failed
        ]
    notes = [(o.job.label, o.data["note"]) for o in outcomes if o.data and o.data.get("note")]
    if notes:
        lines += ["", "## Notes", ""]
        lines += [f"- `{label}`: {note}" for label, note in notes]
    text = "\n".join(lines) + "\n"
    return text + ("\n" + kept if kept else "")


def summary(rows: list[Row]) -> list[str]:
    """Issue 21's figures first, each once, in its order; one not measured says so."""
    found = {row.headline: row for row in rows if row.headline}
    lines = [
        "## Summary: performance near the floor (issue 21)",
        "",
        "Start-up and the review pack as ratios to a floor measured in the same run,"
        " alternating with the command (floor, command, floor, command…; medians); the"
        " other figures absolute, against their goal. Every figure again in the full table"
        " below.",
        "",
        "| Figure | Value | Goal | Met |",
        "|---|---|---|---|",
    ]
    for key, label in HEADLINES.items():
        row = found.get(key)
        if row is None:
            lines.append(f"| {label} | not measured in this run | — | — |")
            continue
        _what, _size, value, goal, met = cells(row)
        lines.append(
            "| " + " | ".join(c.replace("|", "\\|") for c in (label, value, goal, met)) + " |"
        )
    return [*lines, "", "## All figures", ""]


def kept_analysis(path: Path) -> str:
    """The hand-written part of the previous file, if it has one."""
    try:
        previous = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    at = previous.find(f"\n{KEEP_FROM}")
    return previous[at + 1 :] if at >= 0 else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="scripts to run, e.g. board")
    parser.add_argument("--no-large", action="store_true", help="skip the 100,000 cases")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"only issue 21's figures at 10,000 ({', '.join(QUICK)}; about 4 minutes)",
    )
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    started = dt.datetime.now().astimezone()
    clock = time.perf_counter()
    first_load = load()
    outcomes = []
    only = set(QUICK) if args.quick else set(args.only) if args.only else None
    for job in jobs(only, not (args.no_large or args.quick)):
        outcome = run(job)
        outcome.rows = rows_of(outcome)
        outcomes.append(outcome)
    minutes = (time.perf_counter() - clock) / 60
    loads = f"`{first_load}` at the start, `{load()}` at the end"
    text = document(outcomes, started, minutes, loads, kept_analysis(args.output))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"\n===== {args.output} =====\n")
    print(text)
    failed = [o.job.label for o in outcomes if any(r.failed for r in o.rows)]
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
