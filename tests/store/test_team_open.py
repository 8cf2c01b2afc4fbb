"""A team workspace opened by its address, as a file is: the same Database, no lock, a
local copy made before any migration, the server's silence said in the user's words,
and each committed change announced to the other windows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from helpers import postgres
from sqlalchemy import select, text

from po_desktop.demo import seed_demo
from po_desktop.store import changes, live, team, team_open
from po_desktop.store.database import open_database
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.migrate import HEAD, alembic_config
from po_desktop.store.models import Need, Person
from po_desktop.store.services import dossier


@pytest.fixture
def address(tmp_path: Path) -> str:
    with postgres.scratch_database() as url:
        engine = team.make_server_engine(url)
        try:
            team.create_schema(engine)
            with engine.connect() as connection:
                from sqlalchemy.orm import Session

                with Session(connection) as session:
                    seed_demo(session, needs=12, seed=5, today=date(2026, 12, 1))
                    session.commit()
        finally:
            engine.dispose()
        yield postgres.address(url)


def test_an_address_opens_like_a_file_without_lock_and_with_a_local_copy(
    address: str, tmp_path: Path
) -> None:
    with team_open.open_server(address, local_copy=True, copies=tmp_path) as db:
        assert db.is_server and db.lock is None
        assert db.address == team.shown(address) and db.title == db.address
        assert db.location == db.address
        with db.session() as session:
            assert len(session.scalars(select(Need)).all()) == 12
    copy = tmp_path / team.copy_name(address)
    with open_database(copy, read_only=True) as local, local.session() as session:
        assert len(session.scalars(select(Need)).all()) == 12
    assert team_open.last_copy(address, tmp_path) == copy


def test_an_old_server_schema_is_copied_locally_then_migrated(address: str, tmp_path: Path) -> None:
    engine = team.make_server_engine(address)
    try:
        command.downgrade(alembic_config(engine), "0006")
    finally:
        engine.dispose()
    with team_open.open_server(address, copies=tmp_path) as db:
        assert db.migrated_from == "0006"
        assert db.backup_path is not None and db.backup_path.is_file()
        with db.session() as session:
            assert session.scalars(select(Person.email)).first() == ""
            version = session.execute(text("SELECT version_num FROM alembic_version"))
            assert version.scalar_one() == HEAD


def test_a_server_that_does_not_answer_is_said_in_the_users_words(tmp_path: Path) -> None:
    with pytest.raises(PoDesktopError) as refused:
        open_database("postgresql://po:secret@127.0.0.1:1/equipe")
    said = refused.value.render("fr")
    assert said.startswith("Le serveur de l’équipe ne répond pas"), said
    assert "secret" not in said


def test_a_database_without_a_workspace_is_refused_with_how_to_make_one() -> None:
    with postgres.scratch_database() as url, pytest.raises(PoDesktopError) as refused:
        open_database(postgres.address(url))
    assert "po-desktop team init" in refused.value.render("en")


def test_each_committed_change_is_announced_with_its_needs_and_kinds(
    address: str, tmp_path: Path
) -> None:
    with team_open.open_server(address, copies=tmp_path) as db:
        assert db.url is not None
        listener = live.connect_listener(db.url, "Virginie")
        try:
            with db.session() as session:
                need_id = session.scalars(select(Need.id)).first()
                assert need_id is not None
                with changes.capture(session, author="Virginie") as change:
                    dossier.add_comment(session, need_id, "Vu", author_name="Virginie")
            heard: list[live.Notice] = []
            for _ in range(20):
                live.wait(listener, 0.1, heard.append)
                if heard:
                    break
            assert [n.origin for n in heard] == [db.origin]
            assert heard[0].need_ids == [need_id] and heard[0].id == change.id
            assert heard[0].kinds is not None and set(heard[0].kinds) == set(change.kinds)
            assert "Virginie" in live.present(listener)
        finally:
            listener.close()


def test_a_change_too_large_for_a_notification_says_everything() -> None:
    change = changes.Change({"need": {(i,): (None, {"id": i}) for i in range(3000)}})
    raw = live.payload(change, "moi")
    assert len(raw.encode()) < 8000
    notice = live.parse(raw)
    assert notice.kinds is None and notice.change().kinds == changes.Change.everything().kinds
    assert json.loads(raw)["o"] == "moi"


def test_a_login_or_database_the_server_refuses_is_not_called_unreachable() -> None:
    server = postgres.server()
    for address in (
        postgres.address(server.set(username="personne_inconnue", password="x")),
        postgres.address(server.set(database="po_aucune_base")),
    ):
        with pytest.raises(PoDesktopError) as refused:
            open_database(address)
        said = refused.value.render("fr")
        assert said.startswith("Le serveur de l’équipe a refusé la connexion"), said
        assert "ne répond pas" not in said and ":x@" not in said
