"""Run mypy against a recorded baseline that can only shrink.

``make lint`` runs ``python tools/mypy_baseline.py``: it fails on any mypy error
that is not in ``mypy-baseline.txt`` (a new error, or one more of a known kind in
the same file), and on any baseline entry mypy no longer reports (an error fixed
must be struck off, so the baseline stays exact). ``--shrink`` strikes off the fixed
entries; it never adds one. ``--record`` writes the baseline from scratch: for a
pure move of code between files, say so in the commit.

An entry is ``path: [code] message`` without the line number, so editing a file
above an old error does not make it look new.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "mypy-baseline.txt"
ERROR = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+): error: (?P<message>.*?)\s+\[(?P<code>[a-z-]+)\]$"
)
LINE_REF = re.compile(r"\bline \d+")
HEADER = (
    "# mypy errors accepted for now: fix them and run `make mypy-shrink`; never add one.\n"
    "# path: [code] message (no line numbers), one line per occurrence.\n"
)


def run_mypy() -> tuple[list[tuple[str, str]], str]:
    """(key, located line) for each error, and mypy's whole output."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--show-error-codes"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    found = []
    for line in result.stdout.splitlines():
        match = ERROR.match(line.strip())
        if match:
            message = LINE_REF.sub("line N", match["message"])  # "already defined on line 77"
            key = f"{match['path']}: [{match['code']}] {message}"
            found.append((key, line.strip()))
    if result.returncode not in (0, 1) or (result.returncode == 1 and not found):
        sys.exit(f"mypy did not run:\n{result.stdout}{result.stderr}")
    return found, result.stdout


def read_baseline() -> Counter[str]:
    if not BASELINE.exists():
        return Counter()
    lines = BASELINE.read_text(encoding="utf-8").splitlines()
    return Counter(line for line in lines if line and not line.startswith("#"))


def write_baseline(entries: Counter[str]) -> None:
    body = "".join(f"{key}\n" for key in sorted(entries.elements()))
    BASELINE.write_text(HEADER + body, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--shrink", action="store_true", help="strike off the fixed errors")
    group.add_argument("--record", action="store_true", help="write the baseline anew")
    args = parser.parse_args()

    found, _output = run_mypy()
    now = Counter(key for key, _ in found)
    if args.record:
        write_baseline(now)
        print(f"mypy baseline recorded: {sum(now.values())} errors")
        return 0
    baseline = read_baseline()
    new = now - baseline
    fixed = baseline - now
    if new:
        print(f"mypy: {sum(new.values())} new error(s), not in {BASELINE.name}:")
        left = Counter(new)
        for key, located in found:
            if left[key] > 0:
                print(f"  {located}")
                left[key] -= 1
        return 1
    if fixed:
        if args.shrink:
            write_baseline(baseline - fixed)
            print(f"mypy baseline: {sum(fixed.values())} fixed error(s) struck off")
            return 0
        print(f"mypy: {sum(fixed.values())} error(s) of {BASELINE.name} are fixed:")
        for key in sorted(fixed.elements()):
            print(f"  {key}")
        print("Strike them off with `make mypy-shrink` (the baseline only shrinks).")
        return 1
    print(f"mypy: no new error ({sum(baseline.values())} left in {BASELINE.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
