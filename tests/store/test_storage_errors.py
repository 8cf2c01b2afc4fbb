"""A database error is said by what SQLite's result code says failed, not by the English
words of its message; an error the driver raises by itself (no result code) is a bug of
ours, reported as one, never as a save that failed."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from po_desktop.store.database import Database
from po_desktop.store.errors import PoDesktopError, StorageError
from po_desktop.store.services import projects
from po_desktop.store.services._base import transactional


@transactional
def _add_blank_name(session: Session) -> None:
    session.connection().exec_driver_sql("INSERT INTO scratch (full_name) VALUES (NULL)")


def test_a_constraint_on_a_column_named_full_is_no_full_disk(db: Database) -> None:
    with db.session() as s:
        s.connection().exec_driver_sql("CREATE TABLE scratch (full_name TEXT NOT NULL)")
        s.commit()
    with db.session() as s, pytest.raises(StorageError) as err:
        _add_blank_name(s)  # SQLite: "NOT NULL constraint failed: scratch.full_name"
    assert err.value.render("en") == (
        "Saving failed (a database integrity rule was broken); no change was applied."
    )


def test_a_file_another_program_writes_is_still_busy(db: Database) -> None:
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program's write under way
    try:
        with db.session() as s:
            s.connection().exec_driver_sql("PRAGMA busy_timeout=0")  # no wait for it
            with pytest.raises(StorageError) as err:
                projects.create_project(s, projects.ProjectInput("WEB", "Site web"))
        assert err.value.message.msg_id == "db.busy"
    finally:
        holder.rollback()
        holder.close()


def test_a_connection_closed_under_a_service_is_a_bug_not_a_failed_save(db: Database) -> None:
    with db.session() as s:
        s.connection().connection.driver_connection.close()  # type: ignore[union-attr]
        with pytest.raises(DBAPIError) as err:
            projects.create_project(s, projects.ProjectInput("WEB", "Site web"))
        s.invalidate()
    assert not isinstance(err.value, PoDesktopError)  # the crash report, with its traceback
    assert isinstance(err.value.orig, sqlite3.ProgrammingError)
