"""The demo workspace a benchmark measures, built by the command line as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def build_demo(db: Path, needs: int) -> None:
    """``po-desktop demo --db DB --needs N`` in a child process (its output kept quiet)."""
    subprocess.run(
        [sys.executable, "-m", "po_desktop", "demo", "--db", str(db), "--needs", str(needs)],
        check=True,
        capture_output=True,
    )
