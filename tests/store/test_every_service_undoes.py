"""Every write service, undone and redone by the change protocol, exactly.

Each service runs on a copy of a demo workspace as the interface runs it (its change
recorded); the change is applied backwards and every table must be as before, then
forwards and every table must be as after — ids, events, scorings, ranks included.
A service added without a case here fails the first test.
"""

from __future__ import annotations

import inspect
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import postgres
from helpers.undo import act, redo, undo
from sqlalchemy import Table, func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from po_desktop.demo import generate as demo
from po_desktop.demo import seed_demo
from po_desktop.domain.readiness import EntryRule
from po_desktop.store import changes, team
from po_desktop.store.database import open_database
from po_desktop.store.models import (
    Absence,
    BoardColumn,
    Ceremony,
    Need,
    Person,
    Project,
    ScoringModel,
    Sprint,
)
from po_desktop.store.services import (
    archive,
    columns,
    dossier,
    import_types,
    importing,
    links,
    needs,
    people,
    projects,
    rituals,
    scoring,
    sprints,
    workspace,
)

TODAY = date(2026, 11, 28)
MODULES = (
    archive,
    columns,
    demo,
    dossier,
    importing,
    links,
    needs,
    people,
    projects,
    rituals,
    scoring,
    sprints,
    workspace,
)
BLOB = bytes(range(256)) * 300 + b"\x00\xff" * 7 + "é€\u202e".encode()
"""An attachment's bytes: every byte value, NULs and an odd length, to come back exactly."""


def _first(session: Session, stmt: Any) -> Any:
    value = session.scalar(stmt.limit(1))
    assert value is not None
    return value


def _need(session: Session, offset: int = 0) -> int:
    return _first(session, select(Need.id).order_by(Need.id).offset(offset))


def _planned(session: Session) -> int:
    return _first(session, select(Sprint.id).where(Sprint.state == "planned").order_by(Sprint.id))


def _active(session: Session) -> int:
    return _first(session, select(Sprint.id).where(Sprint.state == "active"))


def _unscored_grid(session: Session) -> int:
    return scoring.add_preset_grid(session, "ice", "ICE à supprimer").id


def _values(session: Session) -> dict[str, str]:
    return {c.key: "3" for c in scoring.active_model(session).criteria}


def _late_monday(session: Session) -> date:
    last = _first(session, select(func.max(Sprint.end_date)))
    return last + timedelta(days=7 - last.weekday() + 14)


def _dossier(session: Session, offset: int) -> int:
    """A need with a comment, two attachments and links: what a merge or a delete moves."""
    need_id = _need(session, offset)
    dossier.add_comment(session, need_id, "Vu avec le demandeur", author_name="Client")
    dossier.attach_file(session, need_id, "capture.png", BLOB)
    dossier.attach_file(session, need_id, "notes.txt", b"")
    links.link_needs(session, need_id, "blocks", _need(session, offset + 5))
    links.link_needs(session, _need(session, offset + 6), "parent", need_id)
    return need_id


Case = Callable[[Session], Any] | tuple[Callable[[Session], Any], Callable[[Session, Any], Any]]
"""A service call, or what it acts on (made first, not part of the change) and the call."""

CASES: dict[str, Case] = {
    # columns
    "create_column": lambda s: columns.create_column(s, "Recette", position=3, wip_limit=4),
    "update_column": lambda s: columns.update_column(
        s,
        _first(s, select(BoardColumn.id).order_by(BoardColumn.position)),
        name="Nouveaux",
        wip_limit=7,
    ),
    "move_column": lambda s: columns.move_column(
        s, _first(s, select(BoardColumn.id).order_by(BoardColumn.position)), 2
    ),
    "delete_column": (
        lambda s: columns.create_column(s, "Vide").id,
        lambda s, column_id: columns.delete_column(s, column_id),
    ),
    "apply_workflow": lambda s: columns.apply_workflow(
        s,
        [
            replace(c, name=c.name + " ✓", entry_rules=frozenset({EntryRule.GO}))
            for c in columns.workflow(s)
        ],
    ),
    # needs
    "create_need": lambda s: needs.create_need(
        s, needs.NeedInput("Nouveau", "Quel défi ?", _first(s, select(Project.id)), tags=["a"])
    ),
    "update_need": lambda s: needs.update_need(
        s,
        _need(s),
        needs.NeedInput(
            "Titre changé",
            "Défi changé",
            _first(s, select(Project.id).order_by(Project.id.desc())),
            column_id=_first(s, select(BoardColumn.id).order_by(BoardColumn.position.desc())),
            points=5,
            sprint_id=_planned(s),
            tags=["x", "y"],
        ),
    ),
    "move_needs": lambda s: needs.move_needs(
        s,
        [_need(s, 1), _need(s, 2)],
        _first(s, select(BoardColumn.id).order_by(BoardColumn.position.desc())),
        None,
        assignee_id=_first(s, select(Person.id)),
    ),
    "assign_needs": lambda s: needs.assign_needs(s, [_need(s), _need(s, 3)], None),
    "plan_needs": lambda s: needs.plan_needs(s, [_need(s, 4), _need(s, 5)], _planned(s)),
    "duplicate_needs": lambda s: needs.duplicate_needs(s, [_need(s, 6), _need(s, 7)]),
    "delete_needs": (
        lambda s: _dossier(s, 8),
        lambda s, need_id: needs.delete_needs(s, [need_id, _need(s, 9)]),
    ),
    "import_needs": lambda s: importing.import_needs(
        s,
        [
            import_types.NeedRecord(title="Importé", problem="Défi", project="NEWP", tags="a, b"),
            import_types.NeedRecord(
                key=needs.find_need(s, _need(s)).key,
                title="Mis à jour",
                problem="Défi",
                project=needs.find_need(s, _need(s)).project.code,
            ),
        ],
    ),
    # the dossier
    "add_comment": lambda s: dossier.add_comment(
        s, _need(s), "Merci !\nÀ suivre ‮ 🙂", author_id=_first(s, select(Person.id))
    ),
    "edit_comment": (
        lambda s: dossier.add_comment(s, _need(s), "Premier jet"),
        lambda s, comment_id: dossier.edit_comment(s, comment_id, "Corrigé"),
    ),
    "delete_comment": (
        lambda s: dossier.add_comment(s, _need(s), "À effacer"),
        lambda s, comment_id: dossier.delete_comment(s, comment_id),
    ),
    "attach_file": lambda s: dossier.attach_file(s, _need(s), "../capture\u202egnp.exe", BLOB),
    "remove_attachment": (
        lambda s: dossier.attach_file(s, _need(s), "capture.png", BLOB),
        lambda s, attachment_id: dossier.remove_attachment(s, attachment_id),
    ),
    "create_need_from_mail": lambda s: dossier.create_need_from_mail(
        s,
        _first(s, select(Project.id)),
        dossier.MailInput("Relance", "Bonjour,\nmerci", "Zoé", "zoe@example.com", "r.eml", BLOB),
    ),
    "link_needs": lambda s: links.link_needs(s, _need(s), "blocks", _need(s, 1)),
    "unlink_needs": (
        lambda s: links.link_needs(s, _need(s, 2), "relates", _need(s, 3)),
        lambda s, _none: links.unlink_needs(s, _need(s, 3), "relates", _need(s, 2)),
    ),
    "merge_needs": (
        lambda s: (_dossier(s, 12), _dossier(s, 13)),
        lambda s, pair: links.merge_needs(s, *pair),
    ),
    "archive_needs": lambda s: archive.archive_needs(s, [_need(s, 14), _need(s, 15)]),
    "restore_needs": (
        lambda s: archive.archive_needs(s, [_need(s, 16)]),
        lambda s, ids: archive.restore_needs(s, ids),
    ),
    "archive_done_needs": lambda s: archive.archive_done_needs(s, now=datetime(2027, 6, 1)),
    "set_auto_archive_days": lambda s: archive.set_auto_archive_days(s, 30),
    # people and projects
    "create_person": lambda s: people.create_person(s, people.PersonInput("Zoé Nouvel", "PO")),
    "update_person": lambda s: people.update_person(
        s,
        _first(s, select(Person.id)),
        people.PersonInput("Renommée", availability=0.5, email="renommee@exemple.fr"),
    ),
    "delete_person": (
        lambda s: people.create_person(s, people.PersonInput("Éphémère")).id,
        lambda s, person_id: people.delete_person(s, person_id),
    ),
    "create_project": lambda s: projects.create_project(s, projects.ProjectInput("CRM", "CRM")),
    "update_project": lambda s: projects.update_project(
        s,
        _first(s, select(Project.id)),
        projects.ProjectInput("ERPX", "ERP renommé", "internal", archived=True),
    ),
    "delete_project": (
        lambda s: projects.create_project(s, projects.ProjectInput("TMP", "Temporaire")).id,
        lambda s, project_id: projects.delete_project(s, project_id),
    ),
    # scoring
    "add_preset_grid": lambda s: scoring.add_preset_grid(s, "wsjf"),
    "set_active_grid": lambda s: scoring.set_active_grid(s, _unscored_grid(s)),
    "save_grid": lambda s: scoring.save_grid(
        s,
        scoring.active_model(s).id,
        scoring.GridDraft(
            "Grille modifiée", "custom", scoring.draft_of(scoring.active_model(s)).criteria[:3]
        ),
    ),
    "delete_grid": (_unscored_grid, lambda s, grid_id: scoring.delete_grid(s, grid_id)),
    "apply_weights": lambda s: scoring.apply_weights(
        s,
        scoring.active_model(s).id,
        {scoring.active_model(s).criteria[0].key: 7.5},
    ),
    "assess_need": lambda s: scoring.assess_need(
        s, _need(s, 10), scoring.AssessmentInput(_values(s), "explore", "À étudier", "Claire")
    ),
    "restore_assessment": (
        lambda s: (
            scoring.assess_need(
                s, _need(s, 11), scoring.AssessmentInput(_values(s), "go", decided_by="Claire")
            )
            and _need(s, 11)
        ),
        lambda s, need_id: scoring.restore_assessment(
            s, need_id, min(a.version for a in scoring.history(s, need_id))
        ),
    ),
    # sprints and the calendar
    "set_setting": lambda s: workspace.set_setting(s, workspace.REGION_KEY, "57"),
    "create_sprint": lambda s: sprints.create_sprint(
        s,
        sprints.SprintInput(
            "Nouveau sprint",
            _late_monday(s),
            _late_monday(s) + timedelta(days=11),
            team="Autre équipe",
            member_ids=[_first(s, select(Person.id))],
        ),
    ),
    "update_sprint": lambda s: sprints.update_sprint(
        s,
        _planned(s),
        sprints.SprintInput(
            "Renommé",
            s.get(Sprint, _planned(s)).start_date,  # type: ignore[union-attr]
            s.get(Sprint, _planned(s)).end_date,  # type: ignore[union-attr]
            goal="Un but",
        ),
    ),
    "delete_sprint": (
        lambda s: sprints.create_sprint(
            s,
            sprints.SprintInput(
                "À supprimer", _late_monday(s), _late_monday(s) + timedelta(days=11), team="X"
            ),
        ),
        lambda s, sprint_id: sprints.delete_sprint(s, sprint_id),
    ),
    "generate_cadence": lambda s: rituals.generate_cadence(
        s,
        rituals.CadenceInput(
            _late_monday(s),
            2,
            2,
            team="Cadence",
            name_pattern="Cadence {year}-{week}",
            locations={"daily": "Open space", "planning": "Salle Jura"},
        ),
    ),
    "save_ceremony": lambda s: rituals.save_ceremony(
        s,
        _first(s, select(Ceremony.id)),
        rituals.CeremonyInput("review", datetime(2026, 12, 10, 15), 45, _active(s), "Revue"),
    ),
    "delete_ceremony": lambda s: rituals.delete_ceremony(s, _first(s, select(Ceremony.id))),
    "save_absence": lambda s: rituals.save_absence(
        s,
        None,
        rituals.AbsenceInput(_first(s, select(Person.id)), "2026-12-14", "2026-12-16", "Congés"),
    ),
    "delete_absence": lambda s: rituals.delete_absence(s, _first(s, select(Absence.id))),
    "start_sprint": lambda s: (
        sprints.close_sprint(s, _active(s), sprints.BACKLOG),
        sprints.start_sprint(s, _planned(s)),
    ),
    "close_sprint": lambda s: sprints.close_sprint(s, _active(s), sprints.NEXT),
    # a workspace's first steps
    "initialize": lambda s: (s.execute(ScoringModel.__table__.delete()), workspace.initialize(s)),
    "seed_demo": lambda s: seed_demo(s, needs=8, seed=4, today=TODAY),
}
"""Each write service, called as the interface would."""

ON_EMPTY = {"seed_demo", "initialize"}
"""Services for a workspace with nothing in it yet."""


def _services() -> set[str]:
    found = set()
    for module in MODULES:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and getattr(fn, "__transactional__", False):
                found.add(name)
    return found


def test_every_write_service_has_a_case() -> None:
    assert _services() == set(CASES)


def _seed_templates(session_for: Callable[[str], Any]) -> None:
    with session_for("demo") as session:
        seed_demo(session, needs=40, seed=9, today=TODAY)
    with session_for("empty") as session:
        session.execute(ScoringModel.__table__.delete())
        session.execute(BoardColumn.__table__.delete())
        session.commit()


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("undo-every-service")
    paths = {"demo": folder / "demo.podb", "empty": folder / "empty.podb"}

    @contextmanager
    def session_for(name: str) -> Iterator[Session]:
        with open_database(paths[name]) as db, db.session() as session:
            yield session

    _seed_templates(session_for)
    return paths


@pytest.fixture(scope="module")
def server_templates() -> Iterator[dict[str, URL]]:
    """The same two workspaces on the PostgreSQL server, as template databases."""
    urls = {"demo": postgres.create_database(), "empty": postgres.create_database()}

    @contextmanager
    def session_for(name: str) -> Iterator[Session]:
        engine = team.make_server_engine(urls[name])
        try:
            team.create_schema(engine)
            with sessionmaker(engine, expire_on_commit=False)() as session:
                yield session
        finally:
            engine.dispose()

    try:
        _seed_templates(session_for)
        yield urls
    finally:
        for url in urls.values():
            postgres.drop_database(url)


def _select(table: Table) -> str:
    """Every column, but a versioned row's version and who and when changed it last: they move
    forward with an undo or a redo too, as with any change (a form loaded before one is
    refused after it)."""
    skip = changes.COUNTED if table.name in changes.VERSIONED else frozenset()
    names = ", ".join(f'"{c.name}"' for c in table.columns if c.name not in skip)
    return f'SELECT {names} FROM "{table.name}"'


def _dump_rows(rows_of: Callable[[str], Iterable[Sequence[Any]]]) -> dict[str, list[Any]]:
    dump = {
        t.name: sorted(tuple(repr(v) for v in row) for row in rows_of(_select(t)))
        for t in changes.tables()
    }
    dump["setting"] = [r for r in dump["setting"] if "change_" not in r[0]]  # the version
    return dump


def _dump(path: Path) -> dict[str, list[Any]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return _dump_rows(conn.execute)
    finally:
        conn.close()


def _check(name: str, session: Session, dump: Callable[[], dict[str, list[Any]]]) -> None:
    case = CASES[name]
    if isinstance(case, tuple):  # what the service acts on, made beforehand
        setup, call = case
        made = setup(session)
        session.commit()
        case = lambda s: call(s, made)  # noqa: E731
    before = dump()
    change = act(session, case)
    after = dump()
    assert after != before, f"{name} changed nothing: the case does not exercise it"
    assert not change.empty
    undo(session, change)
    assert dump() == before
    redo(session, change)
    assert dump() == after


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_service_is_undone_and_redone_exactly(
    name: str, templates: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "espace.podb"
    shutil.copyfile(templates["empty" if name in ON_EMPTY else "demo"], path)
    with open_database(path) as db, db.session() as session:
        _check(name, session, lambda: _dump(path))


@pytest.mark.parametrize("name", sorted(CASES))
def test_on_a_team_server_the_service_is_undone_and_redone_exactly(
    name: str, server_templates: dict[str, URL]
) -> None:
    template = server_templates["empty" if name in ON_EMPTY else "demo"]
    with postgres.scratch_database(template.database) as url:
        engine = team.make_server_engine(url)
        try:
            with engine.connect() as reader, sessionmaker(engine)() as session:

                def dump() -> dict[str, list[Any]]:
                    reader.rollback()  # a fresh snapshot: what others would read now
                    return _dump_rows(reader.exec_driver_sql)

                _check(name, session, dump)
        finally:
            engine.dispose()
