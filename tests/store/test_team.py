"""A team workspace's database on PostgreSQL: its address, its schema, its capture."""

from __future__ import annotations

import pytest
from helpers import postgres
from helpers.undo import act, undo
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from po_desktop.domain.text import fold
from po_desktop.store import team
from po_desktop.store.migrate import HEAD
from po_desktop.store.models import BoardColumn, Need
from po_desktop.store.services import needs, projects


@pytest.mark.parametrize(
    ("typed", "server"),
    [
        ("postgresql://virginie@db.acme.fr/po", True),
        ("postgres://db.acme.fr/po", True),
        ("postgresql+psycopg://db.acme.fr/po?sslmode=verify-full", True),
        ("/home/virginie/ERP.podb", False),
        ("C:\\Users\\virginie\\ERP.podb", False),
        ("sqlite:///ERP.podb", False),
    ],
)
def test_a_server_address_is_told_from_a_file(typed: str, server: bool) -> None:
    assert team.is_server_address(typed) is server


def test_the_address_gets_the_apps_driver_and_keeps_its_tls_mode() -> None:
    url = team.server_url("postgres://virginie@db.acme.fr:6432/po?sslmode=verify-full")
    assert url.drivername == "postgresql+psycopg"
    assert (url.username, url.host, url.port) == ("virginie", "db.acme.fr", 6432)
    assert url.database == "po"
    assert url.query == {"sslmode": "verify-full"}


def test_a_new_team_database_is_a_workspace_at_the_newest_schema() -> None:
    with postgres.scratch_database() as url:
        engine = team.make_server_engine(url)
        try:
            team.create_schema(engine)
            with engine.connect() as connection:
                revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
                assert revision.scalar_one() == HEAD
            with sessionmaker(engine)() as session:
                assert session.scalars(select(BoardColumn.name)).all()  # the default columns
        finally:
            engine.dispose()


def test_an_action_on_the_server_is_undone_and_nothing_is_logged_outside_one() -> None:
    with postgres.scratch_database() as url:
        engine = team.make_server_engine(url)
        try:
            team.create_schema(engine)
            with sessionmaker(engine, expire_on_commit=False)() as session:
                project = projects.create_project(
                    session, projects.ProjectInput("ERP", "Déploiement ERP", "internal")
                )
                # Written outside any recording: the triggers stay silent (no log exists).
                with engine.connect() as other:
                    logged = other.exec_driver_sql("SELECT to_regclass('pg_temp._po_change_log')")
                    assert logged.scalar_one() is None
                change = act(
                    session,
                    lambda s: needs.create_need(
                        s, needs.NeedInput("Export des factures", "Quel défi ?", project.id)
                    ),
                )
                assert session.scalar(select(Need.title)) == "Export des factures"
                undo(session, change)
                assert session.scalar(select(Need.id)) is None
        finally:
            engine.dispose()


def test_the_server_folds_texts_as_the_application_does() -> None:
    texts = [
        "Été",
        "ÉQUIPE Œuvre",
        "Straße",
        "Łódź",
        "l’été",
        "no\u00a0break",
        "Ĳssel",
        "Nguyễn",
        "ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ àâäçéèêëîïôöùûüÿ",
        "ERP-12 🚀 ½",
        "Ærøskøbing",
    ]
    with postgres.scratch_database() as url:
        engine = team.make_server_engine(url)
        try:
            team.create_schema(engine)
            with engine.connect() as connection:
                for text in texts:
                    folded = connection.exec_driver_sql("SELECT fold(%(t)s)", {"t": text})
                    assert folded.scalar_one() == fold(text), text
        finally:
            engine.dispose()
