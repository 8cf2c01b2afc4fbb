"""Several POs on one team workspace at once: new keys never collide, an edit built on
what someone else changed meanwhile is refused with who and when, moves of different
cards both land; the server's login is the author; a workspace made at 0007 upgrades."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from helpers import postgres
from helpers.undo import act, undo
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from po_desktop.store import identity, migrate, team
from po_desktop.store.errors import ConflictError
from po_desktop.store.models import Base, BoardColumn, Need, NeedEvent, Project
from po_desktop.store.services import needs, people, projects
from po_desktop.store.services._base import atomic


@pytest.fixture
def server(server_template: str) -> Iterator[Engine]:
    with postgres.scratch_database(server_template) as url:
        engine = team.make_server_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()


def _two(engine: Engine, first: str, second: str) -> tuple[Session, Session]:
    factory = sessionmaker(engine, expire_on_commit=False)
    one, two = factory(), factory()
    identity.sign_in(one, identity.resolve(one, first))
    identity.sign_in(two, identity.resolve(two, second))
    return one, two


def _side_by_side(*actions: Callable[[], None]) -> None:
    """Run each action on a thread of its own, at once, and wait for them all."""
    threads = [threading.Thread(target=action) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)


def _erp(session: Session) -> int:
    return projects.create_project(
        session, projects.ProjectInput("ERP", "Déploiement ERP", "internal")
    ).id


def _input(project_id: int, title: str) -> needs.NeedInput:
    return needs.NeedInput(title, "Les virements partent à la main", project_id)


def test_two_needs_created_at_the_same_time_get_the_next_two_keys(server: Engine) -> None:
    one, two = _two(server, "Moi", "Virginie")
    project_id = _erp(one)
    for title in ("Un", "Deux"):
        needs.create_need(one, _input(project_id, title))
    one.commit()
    holding = threading.Event()
    results: dict[str, object] = {}

    def first() -> None:
        try:
            with atomic(one):  # holds its transaction open while the second one starts
                results["first"] = needs.create_need(one, _input(project_id, "Trois"))
                holding.set()
                threading.Event().wait(0.5)
        except Exception as exc:  # reported below
            results["first"] = exc
            holding.set()

    def second() -> None:
        holding.wait(5)
        try:
            results["second"] = needs.create_need(two, _input(project_id, "Quatre"))
        except Exception as exc:
            results["second"] = exc

    _side_by_side(first, second)
    assert all(isinstance(results[k], int) for k in ("first", "second")), results
    keys = {one.get(Need, results[k]).key for k in ("first", "second")}  # type: ignore[union-attr,arg-type]
    assert keys == {"ERP-3", "ERP-4"}
    one.close()
    two.close()


def test_an_edit_saved_after_another_persons_edit_is_refused_and_moves_both_land(
    server: Engine,
) -> None:
    one, two = _two(server, "Moi", "Virginie Morel")
    people.create_person(one, people.PersonInput("Virginie Morel", "PO"))
    identity.sign_in(two, identity.resolve(two, "Virginie Morel"))
    project_id = _erp(one)
    mine = needs.create_need(one, _input(project_id, "Export SEPA"))
    hers = needs.create_need(one, _input(project_id, "Relances"))
    columns = list(one.scalars(select(BoardColumn.id).order_by(BoardColumn.position)))
    one.commit()

    # Both open the same need; she saves first.
    opened_by_me = one.get(Need, mine)
    opened_by_her = two.get(Need, mine)
    assert opened_by_me is not None and opened_by_her is not None
    my_form, my_version = needs.need_input(opened_by_me), opened_by_me.version
    her_form, her_version = needs.need_input(opened_by_her), opened_by_her.version
    one.commit()
    two.commit()
    needs.update_need(two, mine, replace(her_form, title="Export SEPA v2"), version=her_version)
    with pytest.raises(ConflictError) as refused:
        needs.update_need(one, mine, replace(my_form, solution="Un fichier"), version=my_version)
    assert refused.value.render("en").startswith("Virginie Morel changed ERP-1 at ")
    assert refused.value.render("fr").startswith("Virginie Morel a modifié ERP-1 à ")
    one.expire_all()
    stored = one.get(Need, mine)
    assert stored is not None and (stored.title, stored.solution) == ("Export SEPA v2", "")
    assert stored.updated_by == "Virginie Morel"

    # Moves of different cards by the two of them at once never conflict.
    needs.move_needs(one, [mine], columns[1])
    needs.move_needs(two, [hers], columns[2])
    one.expire_all()
    assert {n.id: n.column_id for n in one.scalars(select(Need))} == {
        mine: columns[1],
        hers: columns[2],
    }
    one.close()
    two.close()


def test_the_servers_login_is_the_person_with_that_login(server: Engine) -> None:
    factory = sessionmaker(server, expire_on_commit=False)
    with factory() as session:
        login = session.execute(text("SELECT current_user")).scalar_one()
        people.create_person(session, people.PersonInput("Virginie Morel", "PO", login=login))
        assert identity.who(session) == identity.Author(1, "Virginie Morel")
        # The server knows who signed in: a name typed does not sign as someone else.
        assert identity.who(session, "Paul") == identity.Author(1, "Virginie Morel")
        people.update_person(session, 1, people.PersonInput("Virginie Morel", login=""))
        # A role that is no one's login (shared by a team): the name typed, else the role.
        assert identity.who(session, "Paul") == identity.Author(None, "Paul")
        assert identity.who(session) == identity.Author(None, login)


def test_a_project_saved_after_another_persons_save_is_refused_and_she_keeps_hers(
    server: Engine,
) -> None:
    """Two clients on one project: the second save built on the version both opened is
    refused with who and when, and the first one stays."""
    one, two = _two(server, "Moi", "Virginie")
    project_id = _erp(one)
    one.commit()
    opened = one.get(Project, project_id)
    assert opened is not None
    form, version = projects.ProjectInput("ERP", opened.name, "internal"), opened.version
    projects.update_project(two, project_id, replace(form, name="Paie Virginie"), version=version)
    with pytest.raises(ConflictError) as refused:
        projects.update_project(one, project_id, replace(form, name="Paie Moi"), version=version)
    assert refused.value.render("en").startswith("Virginie changed the project ERP at ")
    two.expire_all()
    saved = two.get(Project, project_id)
    assert saved is not None and (saved.name, saved.version) == ("Paie Virginie", 2)
    one.close()
    two.close()


def test_a_write_without_a_form_counts_on_the_servers_version_not_the_one_it_read(
    server: Engine,
) -> None:
    """Virginie saves the project while my session still holds the version it read; my
    write without a form (a script, an import) counts one more than hers, not the same
    number again: her form, opened after her save, is then refused naming me instead of
    silently undoing my change."""
    one, two = _two(server, "Moi", "Virginie")
    project_id = _erp(one)
    one.commit()
    mine = one.get(Project, project_id)  # my session holds the project as it read it
    assert mine is not None and mine.version == 1
    form = projects.ProjectInput("ERP", "Déploiement ERP", "internal")
    projects.update_project(two, project_id, replace(form, name="Paie Virginie"), version=1)
    projects.update_project(one, project_id, replace(form, name="Paie Moi"))
    two.expire_all()
    saved = two.get(Project, project_id)
    assert saved is not None and (saved.name, saved.version) == ("Paie Moi", 3)
    with pytest.raises(ConflictError) as refused:
        projects.update_project(two, project_id, replace(form, name="Paie bis"), version=2)
    assert refused.value.render("en").startswith("Moi changed the project ERP at ")
    one.close()
    two.close()


def test_an_undo_waits_for_a_save_being_committed_and_is_refused_naming_her(
    server: Engine,
) -> None:
    """I undo my renaming of the project while Virginie's save of it is being committed:
    the undo waits for her, sees her save and is refused naming her; her name stays."""
    one, two = _two(server, "Moi", "Virginie")
    project_id = _erp(one)
    one.commit()
    form = projects.ProjectInput("ERP", "Déploiement ERP", "internal")
    renamed = act(one, lambda s: projects.update_project(s, project_id, replace(form, name="Moi")))
    saving = threading.Event()
    outcome: dict[str, BaseException] = {}

    def her_save() -> None:
        try:
            with atomic(two):  # her row written, her commit half a second later
                projects.update_project(two, project_id, replace(form, name="Elle"), version=2)
                saving.set()
                threading.Event().wait(0.5)
        except BaseException as exc:
            outcome["save"] = exc
            saving.set()

    def my_undo() -> None:
        saving.wait(5)
        try:
            undo(one, renamed)
        except BaseException as exc:
            outcome["undo"] = exc

    _side_by_side(her_save, my_undo)
    assert "save" not in outcome and isinstance(outcome.get("undo"), ConflictError)
    assert "Virginie changed the project ERP at " in outcome["undo"].render("en")
    two.expire_all()
    saved = two.get(Project, project_id)
    assert saved is not None and saved.name == "Elle"
    one.close()
    two.close()


def test_a_team_workspace_made_at_0007_upgrades_with_its_history() -> None:
    with postgres.scratch_database() as url:
        engine = team.make_server_engine(url)
        try:
            team.create_schema(engine)
            with sessionmaker(engine)() as session:
                need_id = needs.create_need(session, _input(_erp(session), "Export SEPA"))
            config = migrate.alembic_config(engine)
            command.downgrade(config, "0007")  # the schema team init made at 0007
            columns = {c["name"] for c in inspect(engine).get_columns("need_event")}
            assert "author_name" not in columns

            migrate.upgrade(engine)
            with engine.connect() as connection:  # the server now holds what the models say:
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                # the board's five-column index (0011) included
                assert compare_metadata(context, Base.metadata) == []
            with sessionmaker(engine)() as session:
                events = session.scalars(select(NeedEvent)).all()
                assert [(e.need_id, e.author_id, e.author_name) for e in events] == [
                    (need_id, None, "")
                ]
                need = session.get(Need, need_id)
                assert need is not None and (need.version, need.updated_by) == (1, "")
                project = session.execute(select(Project.version, Project.updated_by)).one()
                assert project == (1, "")  # 0009 on the server too
                identity.sign_in(session, identity.resolve(session, "Virginie"))
                edit = replace(needs.need_input(need), title="v2")
                change = act(session, lambda s: needs.update_need(s, need_id, edit))
                assert session.scalar(select(Need.updated_by)) == "Virginie"
                undo(session, change)  # the change protocol captures the new columns too
                assert session.execute(select(Need.title, Need.version)).one() == (
                    "Export SEPA",
                    3,  # an undo is a change too: the version never goes back
                )
        finally:
            engine.dispose()


def test_an_import_beside_another_persons_creation_takes_the_next_keys(server: Engine) -> None:
    """She creates a need and has not committed yet when my import of two needs without
    keys starts: the import waits for her, then takes the two keys after hers."""
    from po_desktop.store.services import importing
    from po_desktop.store.services.import_types import NeedRecord

    one, two = _two(server, "Moi", "Virginie")
    project_id = _erp(one)
    needs.create_need(one, _input(project_id, "Un"))
    one.commit()
    holding = threading.Event()
    failures: list[BaseException] = []

    def creator() -> None:
        try:
            with atomic(two):
                needs.create_need(two, _input(project_id, "Créé à côté"))
                holding.set()
                threading.Event().wait(0.5)
        except BaseException as exc:
            failures.append(exc)
            holding.set()

    def importer() -> None:
        holding.wait(5)
        try:
            records = [NeedRecord(title=t, problem="Défi", project="ERP") for t in "AB"]
            importing.import_needs(one, records)
        except BaseException as exc:
            failures.append(exc)

    _side_by_side(creator, importer)
    assert not failures, failures
    one.expire_all()
    keys = {title: number for title, number in one.execute(select(Need.title, Need.number))}
    assert keys == {"Un": 1, "Créé à côté": 2, "A": 3, "B": 4}
    one.close()
    two.close()
