"""Workspaces made on several threads at once (a team workspace's local copy is made on
a thread of its own while the window may create or copy a file): Alembic runs one at a
time, and each file comes out whole."""

from __future__ import annotations

import threading
from pathlib import Path

from po_desktop.store.database import open_database
from po_desktop.store.migrate import HEAD


def test_workspaces_created_on_several_threads_at_once_all_open(tmp_path: Path) -> None:
    failures: list[BaseException] = []

    def create(thread: int) -> None:
        for index in range(4):
            try:
                with open_database(tmp_path / f"{thread}-{index}.podb") as db:
                    assert db.created
            except BaseException as exc:
                failures.append(exc)

    threads = [threading.Thread(target=create, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    for path in sorted(tmp_path.glob("*.podb")):
        with open_database(path, read_only=True) as db, db.engine.connect() as connection:
            revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert revision.scalar_one() == HEAD
