"""``po-desktop team init``, ``push`` and ``pull`` against the machine's PostgreSQL: a
workspace goes up and comes back whole; every refusal is one line, nothing written."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from helpers import postgres
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker

from po_desktop.cli import main
from po_desktop.demo import seed_demo
from po_desktop.store import changes, team
from po_desktop.store.database import open_database
from po_desktop.store.models import Need
from po_desktop.store.services import dossier, needs

BLOB = bytes(range(256)) * 4000 + b"\x00fin"


def _run(capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en") -> tuple[int, str]:
    code = main([*args, "--lang", lang])
    captured = capsys.readouterr()
    return code, (captured.out + captured.err).strip()


def _tables(path: Path) -> dict[str, list[tuple[str, ...]]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dump = {
            t.name: sorted(
                tuple(repr(v) for v in row) for row in conn.execute(f'SELECT * FROM "{t.name}"')
            )
            for t in changes.tables()
        }
    finally:
        conn.close()
    dump["setting"] = [r for r in dump["setting"] if "change_" not in r[0]]  # the version
    return dump


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "ERP.podb"
    with open_database(path) as db, db.session() as session:
        seed_demo(session, needs=40, seed=3, today=date(2026, 11, 28))
        need_id = session.scalar(select(Need.id).order_by(Need.id).limit(1))
        assert need_id is not None
        dossier.add_comment(session, need_id, "Vu avec Virginie\nle 3 décembre", author_name="PO")
        dossier.attach_file(session, need_id, "relevé.pdf", BLOB)
    return path


@pytest.fixture
def server() -> str:
    with postgres.scratch_database() as url:
        yield postgres.address(url)


def test_a_workspace_pushed_to_a_team_server_and_pulled_back_is_the_same(
    workspace: Path, server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "team", "init", server)[0] == 0
    code, said = _run(capsys, "push", "--db", str(workspace), "--to", server, lang="fr")
    assert code == 0, said
    assert "40 besoins" in said and "Espace envoyé" in said
    copy = tmp_path / "copie.podb"
    code, said = _run(capsys, "pull", "--db", server, "-o", str(copy))
    assert code == 0, said
    assert said == f"Local copy written to {copy}: 40 needs, with their history and files."
    assert _tables(copy) == _tables(workspace)  # every id, event, score, comment, byte
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".pod-")]
    # The copy is a workspace like any other: it opens and takes new needs.
    with open_database(copy) as db, db.session() as session:
        assert session.scalar(select(Need.id).order_by(Need.id.desc()).limit(1)) is not None


def test_after_a_push_new_needs_on_the_server_get_new_ids_and_keys(
    workspace: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "push", "--db", str(workspace), "--to", server)[0] == 0  # no init
    engine = team.make_server_engine(server)
    try:
        with sessionmaker(engine, expire_on_commit=False)() as session:
            newest = session.scalar(select(func.max(Need.id)))
            project_id = session.scalar(select(Need.project_id).limit(1))
            assert newest is not None and project_id is not None
            made = needs.create_need(
                session, needs.NeedInput("Relances automatiques", "Trois heures", project_id)
            )
            assert made > newest
    finally:
        engine.dispose()


def test_a_push_into_a_team_workspace_holding_work_is_refused(
    workspace: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "push", "--db", str(workspace), "--to", server)[0] == 0
    code, said = _run(capsys, "push", "--db", str(workspace), "--to", server, lang="fr")
    assert code == 2
    assert "déjà des projets ou des besoins" in said and "Rien n’a été envoyé" in said


def test_a_pull_never_overwrites_a_file(
    workspace: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = workspace.read_bytes()
    code, said = _run(capsys, "pull", "--db", server, "-o", str(workspace))
    assert code == 2 and "already exists" in said
    assert workspace.read_bytes() == before


def test_an_unreachable_server_is_said_in_one_line(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = _run(
        capsys,
        "push",
        "--db",
        str(workspace),
        "--to",
        "postgresql://po@127.0.0.1:1/equipe",
        lang="fr",
    )
    assert code == 2
    assert said.startswith("po-desktop: Le serveur de l’équipe ne répond pas")
    assert "\n" not in said and "Traceback" not in said


def test_commands_work_on_a_team_workspace_given_its_address(
    workspace: Path, server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "push", "--db", str(workspace), "--to", server)[0] == 0
    code, said = _run(capsys, "backlog", "--db", server)
    assert code == 0, said
    with open_database(workspace, read_only=True) as db, db.session() as session:
        need = session.scalars(select(Need).order_by(Need.id).limit(1)).one()
        key = need.key
    assert key in said
    code, said = _run(capsys, "need", "comment", "--db", server, "--text", "Vu en mêlée", key)
    assert code == 0, said
    code, said = _run(capsys, "need", "show", "--db", server, key)
    assert code == 0 and "Vu en mêlée" in said, said


def test_file_commands_given_a_server_address_say_how_a_team_workspace_is_backed_up(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in ("backup", "check"):
        code, said = _run(capsys, command, "--db", "postgresql://po:secret@serveur/equipe")
        assert code == 2
        assert "po-desktop pull --db ADDRESS -o FILE.podb" in said, said
        assert "secret" not in said
    code, said = _run(
        capsys, "restore", "--db", "postgresql://serveur/equipe", "--from", "x", lang="fr"
    )
    assert code == 2 and "po-desktop pull --db ADRESSE" in said, said


def test_a_viewer_reads_and_the_server_refuses_its_writes(
    workspace: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "team", "init", server)[0] == 0
    assert _run(capsys, "push", "--db", str(workspace), "--to", server)[0] == 0
    database = server.rsplit("/", 1)[1]
    admin = create_engine(postgres.server().set(database=database), isolation_level="AUTOCOMMIT")
    login = f"viewer_{database}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE po_viewer'))
        viewer = create_engine(postgres.server().set(database=database, username=login))
        try:
            with viewer.connect() as connection:
                assert connection.execute(text("SELECT count(*) FROM need")).scalar_one() == 40
                with pytest.raises(DBAPIError) as refused:
                    connection.execute(text("UPDATE need SET title = 'x'"))
                assert getattr(refused.value.orig, "sqlstate", None) == "42501"
        finally:
            viewer.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{login}"'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        admin.dispose()


def test_a_command_on_a_team_workspace_is_signed_by_the_person_with_the_servers_login(
    tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import text

    from po_desktop.store import dossier_queries
    from po_desktop.store.services import needs, people, projects

    assert _run(capsys, "team", "init", server)[0] == 0
    with open_database(server) as db, db.session() as session:
        login = session.execute(text("SELECT current_user")).scalar_one()
        people.create_person(session, people.PersonInput("Virginie Morel", login=login))
        erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
        needs.create_need(session, needs.NeedInput("Relances", "Défi", erp.id))
    code, said = _run(
        capsys, "need", "comment", "--db", server, "--text", "Vu", "--author", "Paul", "ERP-1"
    )
    assert code == 0, said
    with open_database(server) as db, db.session() as session:
        comment = dossier_queries.comments(session, 1)[0]
        assert (comment.author_id, comment.author) == (1, "Virginie Morel")
