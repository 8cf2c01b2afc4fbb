"""Every released schema opens in this version with all its data, after a verified backup.

One fixture file per revision (``tests/fixtures/schema-NNNN.podb``): a new revision
must add its own, so the next migration is tested against real files of every
earlier one.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.workspace import FIXTURES, tables

from po_desktop.store import backups
from po_desktop.store.database import open_database
from po_desktop.store.migrate import HEAD, KNOWN_REVISIONS


def _downgrade(path: Path, revision: str) -> None:
    """Take the workspace file back to ``revision``, as Alembic does."""
    from alembic import command

    from po_desktop.store import engine, migrate

    eng = engine.make_engine(path)
    try:
        command.downgrade(migrate.alembic_config(eng), revision)
    finally:
        eng.dispose()


def test_there_is_a_fixture_for_every_released_revision() -> None:
    present = sorted(p.stem.removeprefix("schema-") for p in FIXTURES.glob("schema-*.podb"))
    assert present == list(KNOWN_REVISIONS)


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_each_revision_upgrades_with_its_data_intact(
    revision: str, tmp_path: Path, home: Path
) -> None:
    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / f"schema-{revision}.podb", path)
    before = tables(path)
    assert sum(len(rows) for _c, rows in before.values()) > 100  # a real workspace, not empty

    with open_database(path) as db:
        if revision == HEAD:
            assert db.migrated_from is None and db.backup_path is None
        else:
            assert db.migrated_from == revision
            assert db.backup_path is not None
            assert db.backup_path.parent == backups.folder_for(path)
            assert tables(db.backup_path) == before  # the copy is the file as it was
    after = tables(path)

    # Every value of every column that still exists is still there, row for row.
    for table, (columns, rows) in before.items():
        assert table in after, f"{table} disappeared"
        new_columns, new_rows = after[table]
        kept = [c for c in columns if c in new_columns]
        # A revision that drops a column on purpose says so here, with where its data went.
        assert kept == columns, f"{table} lost columns: {columns} → {new_columns}"
        old = sorted((tuple(r[columns.index(c)] for c in kept) for r in rows), key=repr)
        new = sorted((tuple(r[new_columns.index(c)] for c in kept) for r in new_rows), key=repr)
        assert new == old, f"{table}: data changed by the upgrade from {revision}"


def test_0005_adds_an_empty_dossier_and_its_downgrade_gives_back_0004(
    tmp_path: Path, home: Path
) -> None:
    """The dossier arrives empty on an existing workspace and works at once; going back to
    0004 drops it (and the events only it knows) and leaves every other row as it was."""

    from po_desktop.store.services import dossier, links

    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / "schema-0004.podb", path)
    before = tables(path)
    with open_database(path) as db, db.session() as session:
        assert db.migrated_from == "0004"
        dossier.add_comment(session, 1, "Premier commentaire après la mise à jour")
        dossier.attach_file(session, 1, "capture.png", b"\x89PNG")
        links.link_needs(session, 1, "blocks", 2)
    upgraded = tables(path)
    assert upgraded["need_comment"][1] and upgraded["attachment_data"][1]
    assert {row[upgraded["need"][0].index("archived_at")] for row in upgraded["need"][1]} == {None}

    _downgrade(path, "0004")
    after = tables(path)
    columns, rows = after["setting"]  # the workspace's version counted the writes
    after["setting"] = (columns, [r for r in rows if not str(r[0]).startswith("change_")])
    assert after == before
    with open_database(path) as db:
        assert db.migrated_from == "0004"


def test_0007_gives_people_an_empty_address_that_finds_them_once_typed(
    tmp_path: Path, home: Path
) -> None:
    """People of a 0006 workspace have no address after the upgrade (nothing invented), and
    one typed afterwards makes them the requester of a mail from it; going back to 0006
    drops the column and nothing else."""

    from po_desktop.store import queries
    from po_desktop.store.services import people

    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / "schema-0006.podb", path)
    before = tables(path)
    with open_database(path) as db, db.session() as session:
        assert db.migrated_from == "0006"
        everyone = queries.people(session)
        assert {p.email for p in everyone} == {""}
        claire = everyone[0]
        people.update_person(
            session,
            claire.id,
            people.PersonInput(claire.name, claire.role, email="Claire.M@Exemple.fr"),
        )
        found = people.person_by_email(session, "claire.m@exemple.fr")
        assert found is not None and found.name == claire.name

    _downgrade(path, "0006")
    after = tables(path)
    assert after["person"][0] == before["person"][0]  # the column is gone, no other
    assert len(after["person"][1]) == len(before["person"][1])


def test_0008_keeps_the_history_with_no_author_invented_and_goes_back_to_0007(
    tmp_path: Path, home: Path
) -> None:
    """Events of a 0007 workspace have no author after the upgrade and needs version 1;
    what is done afterwards records its author; going back to 0007 drops the new columns
    and keeps every row."""
    from sqlalchemy import select

    from po_desktop.store import identity
    from po_desktop.store.models import Need, NeedEvent
    from po_desktop.store.services import needs

    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / "schema-0007.podb", path)
    before = tables(path)
    with open_database(path) as db, db.session() as session:
        assert db.migrated_from == "0007"
        assert set(session.scalars(select(NeedEvent.author_name))) == {""}
        assert set(session.scalars(select(Need.version))) == {1}
        identity.sign_in(session, identity.resolve(session, "Virginie"))
        need = session.scalars(select(Need).where(Need.archived_at.is_(None))).first()
        assert need is not None
        needs.update_need(session, need.id, needs.need_input(need), version=1)  # no change
        target = next(c for c in range(1, 10) if c != need.column_id)
        needs.move_needs(session, [need.id], target)
        moved = session.scalars(select(NeedEvent).order_by(NeedEvent.id.desc())).first()
        assert moved is not None and moved.author_name == "Virginie"

    _downgrade(path, "0007")
    after = tables(path)
    assert after["need_event"][0] == before["need_event"][0]
    assert after["person"][0] == before["person"][0]
    assert after["need"][0] == before["need"][0]
    assert len(after["need_event"][1]) == len(before["need_event"][1]) + 1


def test_0009_gives_projects_people_sprints_and_columns_a_version_and_goes_back_to_0008(
    tmp_path: Path, home: Path
) -> None:
    """Rows of a 0008 workspace come out at version 1 with no author and no time of change
    (nothing invented); a form saved on an older version is refused from then on; going
    back to 0008 drops the new columns and nothing else."""
    from sqlalchemy import select

    from po_desktop.store import identity
    from po_desktop.store.errors import ConflictError
    from po_desktop.store.models import BoardColumn, Person, Project, Sprint
    from po_desktop.store.services import projects

    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / "schema-0008.podb", path)
    before = tables(path)
    new = ["version", "updated_by", "updated_at"]
    with open_database(path) as db, db.session() as session:
        assert db.migrated_from == "0008"
        for model in (Project, Person, Sprint, BoardColumn):
            stamps = set(session.execute(select(*(getattr(model, c) for c in new))))
            assert stamps == {(1, "", None)}, model
        identity.sign_in(session, identity.resolve(session, "Virginie"))
        erp = session.scalars(select(Project).order_by(Project.id)).first()
        assert erp is not None
        form = projects.ProjectInput(erp.code, erp.name, erp.kind, erp.owner_id, erp.color)
        projects.update_project(session, erp.id, replace(form, name="Paie"), version=1)
        with pytest.raises(ConflictError) as refused:
            projects.update_project(session, erp.id, replace(form, name="Autre"), version=1)
        assert refused.value.render("en").startswith(f"Virginie changed the project {erp.code}")

    _downgrade(path, "0008")
    after = tables(path)
    for table in ("project", "person", "sprint", "board_column"):
        assert after[table][0] == before[table][0]  # the columns are gone, no other
        assert len(after[table][1]) == len(before[table][1])


def _choices() -> dict[str, str]:
    """Every table with a column of choices (``models._enum_check``), and that column."""
    from sqlalchemy import CheckConstraint

    from po_desktop.store.models import Base

    return {
        table.name: str(check.sqltext).split(" = ")[0]
        for table in Base.metadata.sorted_tables
        for check in table.constraints
        if isinstance(check, CheckConstraint) and str(check.name).endswith("_valid")
    }


CHOICES = _choices()


def _definitions(path: Path) -> dict[str, str]:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        return {name: sql for name, sql in rows if name in CHOICES}
    finally:
        connection.close()


def _checks(sql: str) -> set[str]:
    """A table's CHECK constraints as written, whatever their order."""
    import re

    return set(re.findall(r"CONSTRAINT \w+ CHECK \((?:[^()]|\([^()]*\))*\)", sql))


def test_0010_keeps_refusing_the_same_choices_checks_them_faster_and_goes_back_to_0009(
    tmp_path: Path, home: Path
) -> None:
    """A 0009 workspace's choices are checked by comparisons after the upgrade, as in a
    new workspace; a value outside them is still refused when written and still found
    by the integrity check the app runs at every opening; going back to 0009 gives its
    definitions back to the letter."""
    import sqlite3

    from po_desktop.store import sqlite_file
    from po_desktop.store.errors import DatabaseFileError

    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / "schema-0009.podb", path)
    before = _definitions(path)
    assert all(" IN (" in sql for sql in before.values())
    with open_database(path) as db:
        assert db.migrated_from == "0009"
    with open_database(tmp_path / "new.podb"):
        pass
    upgraded, new = _definitions(path), _definitions(tmp_path / "new.podb")
    for table, column in CHOICES.items():
        assert _checks(upgraded[table]) == _checks(new[table]), table
        assert f"{column} IN (" not in upgraded[table]
        assert f"{column} = '" in upgraded[table]

    for table, column in CHOICES.items():
        connection = sqlite3.connect(path)
        try:
            with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
                connection.execute(f"UPDATE {table} SET {column} = 'Go' WHERE rowid IN "
                                   f"(SELECT min(rowid) FROM {table})")  # fmt: skip
            connection.rollback()
            copy = tmp_path / f"{table}.podb"
            shutil.copy(path, copy)
        finally:
            connection.close()
        damaged = sqlite3.connect(copy)
        try:  # what another tool could write, bypassing the check
            damaged.execute("PRAGMA ignore_check_constraints = ON")
            damaged.execute(f"UPDATE {table} SET {column} = 'x' WHERE rowid IN "
                            f"(SELECT min(rowid) FROM {table})")  # fmt: skip
            damaged.commit()
        finally:
            damaged.close()
        with pytest.raises(DatabaseFileError) as found:
            sqlite_file.inspect_file(copy)
        assert found.value.message.msg_id == "db.corrupt"

    _downgrade(path, "0009")
    assert _definitions(path) == before


def test_0011_reads_the_boards_column_figures_from_an_index_and_goes_back_to_0010(
    tmp_path: Path, home: Path
) -> None:
    """The figures the board shows before its first paint (each column's needs and
    points) are the same after the upgrade, and read from the index alone, not from
    every need's row; going back to 0010 gives the index its two columns back."""
    import sqlite3

    from sqlalchemy import event, select

    from po_desktop.store import queries
    from po_desktop.store.models import BoardColumn

    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / "schema-0010.podb", path)

    def figures() -> tuple[dict[int, tuple[int, float]], list[str]]:
        with open_database(path) as db, db.session() as session:
            statements: list[str] = []
            event.listen(
                session.connection(),
                "before_cursor_execute",
                lambda _c, _cur, sql, *_rest: statements.append(sql),
            )
            ids = list(session.scalars(select(BoardColumn.id)))
            found = queries.board_start(session, ids, 2).figures
            grouped = [sql for sql in statements if "GROUP BY need.column_id" in sql]
            assert len(grouped) == 1
            plan = session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + grouped[0], (0.0,) * grouped[0].count("?")
            )
            return found, [str(row[-1]) for row in plan]

    before = _figures_by_hand(path)
    with open_database(path) as db:
        assert db.migrated_from == "0010"
    found, plan = figures()
    assert found == before
    assert plan == ["SCAN need USING COVERING INDEX ix_need_column_rank"]

    _downgrade(path, "0010")
    connection = sqlite3.connect(path)
    try:
        columns = [row[2] for row in connection.execute("PRAGMA index_info(ix_need_column_rank)")]
    finally:
        connection.close()
    assert columns == ["column_id", "rank"]


def _figures_by_hand(path: Path) -> dict[int, tuple[int, float]]:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT column_id, count(*), total(points) FROM need"
            " WHERE archived_at IS NULL GROUP BY column_id"
        )
        return {column: (count, float(points)) for column, count, points in rows}
    finally:
        connection.close()


def test_0010_opens_the_workspace_when_sqlite_refuses_to_rewrite_its_checks(
    tmp_path: Path, home: Path
) -> None:
    """A SQLite that refuses edits of its schema (a library built in "defensive" mode,
    here an authorizer) leaves the checks written IN (…): a speed-up is never a
    reason not to open a workspace, and 0011 still follows."""
    import sqlite3

    from sqlalchemy import Engine, event

    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / "schema-0009.podb", path)
    before = _definitions(path)

    editing: list[bool] = []

    def no_schema_edits(action: int, first: str | None, second: str | None, *_: object) -> int:
        """Refuse what defensive mode refuses: writing sqlite_master by hand, not DDL."""
        if action == sqlite3.SQLITE_PRAGMA and first == "writable_schema":
            editing[:] = [str(second).upper() == "ON"]
        elif action == sqlite3.SQLITE_UPDATE and first == "sqlite_master" and any(editing):
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    def defensive(connection: sqlite3.Connection, _record: object) -> None:
        connection.set_authorizer(no_schema_edits)

    event.listen(Engine, "connect", defensive)
    try:
        with open_database(path) as db:
            assert db.migrated_from == "0009"
    finally:
        event.remove(Engine, "connect", defensive)
    assert _definitions(path) == before
    with open_database(path) as db, db.session() as session:
        assert db.migrated_from is None  # at the newest revision: 0010 is done
        assert session.connection().exec_driver_sql("PRAGMA quick_check").scalar() == "ok"


def test_0010_leaves_a_check_written_otherwise_as_it_is(tmp_path: Path, home: Path) -> None:
    import sqlite3

    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / "schema-0009.podb", path)
    connection = sqlite3.connect(path)
    try:  # as another tool could have written it: the same values, another spelling
        sql = _definitions(path)["criterion"]
        odd = sql.replace("direction IN ('benefit', 'cost')", "direction IN ('cost','benefit')")
        assert odd != sql
        version = connection.execute("PRAGMA schema_version").fetchone()[0]
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'criterion'", (odd,))
        connection.execute(f"PRAGMA schema_version = {version + 1}")
        connection.commit()
    finally:
        connection.close()
    with open_database(path) as db:
        assert db.migrated_from == "0009"
    after = _definitions(path)
    assert after["criterion"] == odd
    assert "source = 'rnd' OR source = 'customer'" in after["need"]
