"""One file operation of the store, alone in a process: tests/reliability/test_file_faults.py
kills it at a chosen system call (``strace -e inject=...:signal=KILL``) and opens what is left.

``python file_op.py open DB``: open (create, upgrade) then close, as the app does;
``restore DB COPY``, ``save-copy DB TARGET``, ``backup DB``. The data directory comes from
``PO_DESKTOP_HOME``.

Everything is imported first; then the process prints ``ready`` and waits for a line on
its standard input, so that strace attaches (``strace -p``) once the interpreter's start
is over: tracing it would cost more than the operation itself. From that line on, every
write the process makes is the store's.
"""

from __future__ import annotations

import sys
from pathlib import Path

import alembic.command
import alembic.runtime.migration  # noqa: F401

from po_desktop.store import backups
from po_desktop.store.database import open_database
from po_desktop.store.services import workspace  # noqa: F401  (a creation imports it)


def main(argv: list[str]) -> int:
    operation, *paths = argv
    files = [Path(p) for p in paths]
    print("ready", flush=True)
    sys.stdin.readline()
    if operation == "open":
        open_database(files[0]).close()
    elif operation == "restore":
        backups.restore(files[0], files[1])
    elif operation == "save-copy":
        backups.save_copy(files[0], files[1])
    elif operation == "backup":
        backups.create(files[0], "manual")
    else:
        raise SystemExit(f"unknown operation {operation!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
