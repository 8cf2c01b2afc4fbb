"""Moving a whole workspace between a file and a team server, every row and id kept.

``push`` uploads a workspace file into a team database that holds no work yet;
``pull`` writes a team database into a new workspace file (a local copy: the team's
backup, or something to read offline). Both copy every table of the schema, ids
included, so events, scores, links, comments and attachments keep pointing where they
pointed; each is one transaction on the side it writes: it lands whole or not at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, func, insert, inspect, select

from po_desktop.store import capture_pg, files, team
from po_desktop.store.bulk import claim_ids
from po_desktop.store.errors import DatabaseFileError
from po_desktop.store.migrate import HEAD
from po_desktop.store.models import Base, Need, Person, Project, Sprint

BATCH = 200
"""Rows read and written at a time: an attachment table is never held whole in memory."""

WORK = (Project, Need, Person, Sprint)
"""What a team database must not hold yet to receive a push (the columns and grid a
new one starts with are replaced by the file's)."""

Progress = Callable[[str, int], None]
"""Called after each batch with the table's name and the rows copied so far in it."""


@dataclass
class Copied:
    """How many rows of each table were copied."""

    rows: dict[str, int] = field(default_factory=dict)

    def count(self, table: str) -> int:
        return self.rows.get(table, 0)


def copy_rows(source: Connection, target: Connection, progress: Progress | None = None) -> Copied:
    """Every row of every table of the schema from ``source`` into ``target`` (whose
    tables are empty), parents before children, in batches."""
    copied = Copied()
    tables = list(Base.metadata.sorted_tables)
    # A source at an older schema (a team database about to be migrated) lacks what
    # later revisions added: those columns take their defaults, those tables stay empty.
    reading = inspect(source)
    for table in tables:
        done = 0
        if not reading.has_table(table.name):
            copied.rows[table.name] = 0
            continue
        there = {column["name"] for column in reading.get_columns(table.name)}
        columns = [column for column in table.c if column.name in there]
        result = source.execution_options(yield_per=BATCH).execute(select(*columns))
        try:
            for part in result.partitions(BATCH):
                target.execute(insert(table), [dict(row._mapping) for row in part])
                done += len(part)
                if progress is not None:
                    progress(table.name, done)
        finally:
            with contextlib.suppress(Exception):  # the server gone: nothing left to close
                result.close()
        copied.rows[table.name] = done
    claim_ids(target, tables)
    return copied


def _empty_tables(connection: Connection) -> None:
    for table in reversed(Base.metadata.sorted_tables):
        connection.execute(table.delete())


def _schema_exists(connection: Connection) -> bool:
    found = connection.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar_one()
    return found is not None


def push(source: Engine, target: Engine, progress: Progress | None = None) -> Copied:
    """Upload the workspace of ``source`` (a file's engine) into the team database of
    ``target``: made there when the database is empty, or replacing the starting
    columns and grid of one ``team init`` made. Refused when it already holds work."""
    tables = list(Base.metadata.sorted_tables)
    with target.begin() as connection:
        if _schema_exists(connection):
            revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            if revision.scalar_one() != HEAD:
                raise DatabaseFileError("team.push_old_schema", head=HEAD)
            for model in WORK:
                if connection.scalar(select(func.count()).select_from(model)):
                    raise DatabaseFileError("team.push_not_empty")
            _empty_tables(connection)
        else:
            Base.metadata.create_all(connection)
            capture_pg.install(connection, tables)
            team.install_functions(connection)
            connection.exec_driver_sql(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
            )
            connection.exec_driver_sql(f"INSERT INTO alembic_version VALUES ('{HEAD}')")
            team.grant_roles(connection)
        with source.connect() as reading:
            return copy_rows(reading, connection, progress)


def pull(source: Engine, destination: Path, progress: Progress | None = None) -> Copied:
    """Write the team database of ``source`` into a new workspace file at
    ``destination`` (refused when a file is there). The file is made beside it and
    moved into place once complete: a failure leaves nothing under that name."""
    from po_desktop.store import engine as sqlite
    from po_desktop.store.database import open_database

    destination = Path(destination).expanduser().resolve()
    lock = sqlite.FileLock(destination)  # one pull into this name at a time
    lock.acquire()
    scratch = files.scratch(destination, "pulling")
    leftovers = [scratch, *sqlite.side_files(scratch)]
    try:
        for leftover in leftovers:  # what a pull cut short left
            files.remove(leftover)
        if destination.exists():
            raise DatabaseFileError("team.pull_exists", path=str(destination))
        with open_database(scratch, lock=False) as local, local.engine.begin() as connection:
            _empty_tables(connection)  # the new file's starting columns and grid
            with source.connect() as reading:
                copied = copy_rows(reading, connection, progress)
        files.sync_file(scratch)
        files.move(scratch, destination)
    except BaseException:
        for leftover in leftovers:
            with contextlib.suppress(OSError):
                files.remove(leftover)
        raise
    finally:
        lock.release()
    return copied
