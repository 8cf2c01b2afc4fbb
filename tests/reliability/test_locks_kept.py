"""While the app has a workspace open, nothing it does may drop SQLite's locks on the
file: POSIX locks belong to the process and go when any descriptor of the file is closed,
so a header read with a plain open() and close() unlocks the app's connection. Another
program opening the file then believes it is alone: at its close it folds the log into the
file and deletes it, and what the app commits next goes to a log no longer on the disk,
unseen by other programs and gone if the app stops before its own close."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import select

from po_desktop.store.database import open_database
from po_desktop.store.models import Need

APP = textwrap.dedent(
    """
    import os, subprocess, sys
    from pathlib import Path
    from po_desktop.store import backups
    from po_desktop.store.database import open_database
    from po_desktop.store.services import needs, projects

    path = Path(sys.argv[1])
    database = open_database(path)
    with database.session() as session:
        project = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
        needs.create_need(session, needs.NeedInput("Avant la copie", "Défi", project.id))
    backups.create(path)  # the copy the app takes at open, then every hour
    reader = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    reader += "c.execute('SELECT count(*) FROM need').fetchone(); c.close()"
    subprocess.run([sys.executable, "-c", reader, str(path)], check=True)
    with database.session() as session:
        needs.create_need(session, needs.NeedInput("Après la lecture", "Défi", project.id))
    print(Path(f"{path}-wal").exists(), flush=True)
    os._exit(0)  # stopped before its close: a crash, a power cut, a kill
    """
)


def test_a_change_committed_after_a_backup_and_an_outside_reader_survives(
    tmp_path: Path,
) -> None:
    """The app copies its workspace, a command reads the file beside it (``po-desktop
    export``, a spreadsheet's database driver), the app saves a need, then stops
    abruptly: the need is in the workspace when it is opened again."""
    path = tmp_path / "w.podb"
    done = subprocess.run(
        [sys.executable, "-c", APP, str(path)],
        env=os.environ | {"PO_DESKTOP_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    log_kept = done.stdout.strip() == "True"
    database = open_database(path)
    try:
        with database.session() as session:
            titles = set(session.scalars(select(Need.title)))
    finally:
        database.close()
    assert titles == {"Avant la copie", "Après la lecture"}
    assert log_kept, "the outside reader deleted the app's log"
