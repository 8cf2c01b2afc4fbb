"""Projects, people, sprints and board columns carry a version as needs do: a form saved on
an older one is refused with who changed the row and when, nothing written; an undo
overtaken by someone else's change names them (on a workspace file and on a team
workspace)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from helpers.undo import act, undo
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.store import identity
from po_desktop.store.errors import ConflictError
from po_desktop.store.models import BoardColumn, Person, Project, Sprint, Versioned
from po_desktop.store.services import columns, needs, people, projects, sprints


@dataclass(frozen=True)
class Kind:
    """One kind of versioned row: how to make one, read it and save a form of it."""

    model: type[Versioned]
    make: Callable[[Session], int]
    save: Callable[[Session, int, str, int | None], object]
    """Save the form with ``text`` typed in its name (or goal), built on ``version``."""
    read: Callable[[Versioned], str]
    en: str
    fr: str


def _save_project(s: Session, row_id: int, text: str, version: int | None) -> object:
    return projects.update_project(
        s, row_id, projects.ProjectInput("ERP", text, "internal"), version=version
    )


def _save_person(s: Session, row_id: int, text: str, version: int | None) -> object:
    return people.update_person(
        s, row_id, people.PersonInput("Claire Martin", text), version=version
    )


def _save_sprint(s: Session, row_id: int, text: str, version: int | None) -> object:
    data = sprints.SprintInput("Sprint 12", "2027-01-04", "2027-01-15", goal=text)
    return sprints.update_sprint(s, row_id, data, version=version)


def _save_column(s: Session, row_id: int, text: str, version: int | None) -> object:
    """As the board settings dialog saves: every column, each with the version it read."""
    specs = columns.workflow(s)
    if version is not None:
        specs = [replace(c, version=version) if c.id == row_id else c for c in specs]
    index = next(i for i, c in enumerate(specs) if c.id == row_id)
    specs[index] = replace(specs[index], wip_limit=len(text))
    return columns.apply_workflow(s, specs)


KINDS = {
    "project": Kind(
        Project,
        lambda s: projects.create_project(s, projects.ProjectInput("ERP", "ERP", "internal")).id,
        _save_project,
        lambda row: row.name,  # type: ignore[attr-defined]
        "the project ERP",
        "le projet ERP",
    ),
    "person": Kind(
        Person,
        lambda s: people.create_person(s, people.PersonInput("Claire Martin", "Dev")).id,
        _save_person,
        lambda row: row.role,  # type: ignore[attr-defined]
        "the details of Claire Martin",
        "la fiche de Claire Martin",
    ),
    "sprint": Kind(
        Sprint,
        lambda s: sprints.create_sprint(
            s, sprints.SprintInput("Sprint 12", "2027-01-04", "2027-01-15")
        ),
        _save_sprint,
        lambda row: row.goal,  # type: ignore[attr-defined]
        "the sprint Sprint 12",
        "le sprint Sprint 12",
    ),
    "column": Kind(
        BoardColumn,
        lambda s: columns.create_column(s, "Recette").id,
        _save_column,
        lambda row: str(row.wip_limit),  # type: ignore[attr-defined]
        "the column Recette",
        "la colonne Recette",
    ),
}


def _sign(session: Session, name: str) -> None:
    identity.sign_in(session, identity.resolve(session, name))


@pytest.mark.parametrize("kind", list(KINDS), ids=list(KINDS))
def test_a_form_saved_after_someone_else_saved_the_row_is_refused_with_who_and_when(
    session: Session, kind: str
) -> None:
    spec = KINDS[kind]
    _sign(session, "Moi")
    row_id = spec.make(session)
    loaded = session.get(spec.model, row_id)
    assert loaded is not None and loaded.version == 1
    version = loaded.version  # the form opens here

    _sign(session, "Virginie")
    spec.save(session, row_id, "Virginie's", version)
    _sign(session, "Moi")
    with pytest.raises(ConflictError) as refused:
        spec.save(session, row_id, "my typed text", version)

    english, french = refused.value.render("en"), refused.value.render("fr")
    assert english.startswith(f"Virginie changed {spec.en} at ")
    assert french.startswith(f"Virginie a modifié {spec.fr} à ")
    assert " h " in french and "votre texte est conservé" in french
    session.expire_all()
    row = session.get(spec.model, row_id)
    assert row is not None and spec.read(row) == spec.read(_as_saved(spec, "Virginie's"))
    assert row.version == 2 and row.updated_by == "Virginie" and row.updated_at is not None

    spec.save(session, row_id, "my typed text", row.version)  # built on what is there now
    session.expire_all()
    row = session.get(spec.model, row_id)
    assert row is not None and row.version == 3 and row.updated_by == "Moi"


def _as_saved(spec: Kind, text: str) -> Versioned:
    """What ``spec.read`` gives of a row saved with ``text``."""
    row = spec.model()
    for name in ("name", "role", "goal"):
        setattr(row, name, text)
    row.wip_limit = len(text)  # type: ignore[attr-defined]
    return row


def test_a_save_without_a_version_writes_whatever_is_there(session: Session) -> None:
    """A script or an import names no version: last save wins, counted all the same."""
    row_id = KINDS["project"].make(session)
    _save_project(session, row_id, "Un", None)
    _save_project(session, row_id, "Deux", None)
    session.expire_all()
    project = session.get(Project, row_id)
    assert project is not None and project.name == "Deux" and project.version == 3


def test_what_others_change_around_a_row_is_not_a_change_to_it(
    session: Session, project_id: int
) -> None:
    """A need added to a project moves its next number; a column added before another
    moves the other's position; neither is anyone's change to that project or column."""
    needs.create_need(session, needs.NeedInput("Export SEPA", "Virements à la main", project_id))
    first = session.scalar(select(BoardColumn).order_by(BoardColumn.position))
    assert first is not None
    columns.create_column(session, "Tri", position=0)
    session.expire_all()
    project = session.get(Project, project_id)
    assert project is not None and project.next_number == 2 and project.version == 1
    moved = session.get(BoardColumn, first.id)
    assert moved is not None and moved.position == 1 and moved.version == 1


def test_the_board_settings_touch_only_the_columns_they_change(session: Session) -> None:
    """Saving the board's columns after renaming one counts one change: the others, whose
    names are freed and put back only when they change, keep their versions."""
    specs = columns.workflow(session)
    specs[0] = replace(specs[0], name="Idées")
    columns.apply_workflow(session, specs)
    session.expire_all()
    versions = [c.version for c in session.scalars(select(BoardColumn).order_by("position"))]
    assert versions == [2] + [1] * (len(specs) - 1)


def test_a_sprint_whose_team_changed_is_a_changed_sprint(session: Session) -> None:
    lea = people.create_person(session, people.PersonInput("Léa")).id
    sprint_id = KINDS["sprint"].make(session)
    _sign(session, "Virginie")
    data = sprints.SprintInput("Sprint 12", "2027-01-04", "2027-01-15", member_ids=[lea])
    sprints.update_sprint(session, sprint_id, data, version=1)
    _sign(session, "Moi")
    with pytest.raises(ConflictError) as refused:
        _save_sprint(session, sprint_id, "Objectif", 1)
    assert refused.value.render("en").startswith("Virginie changed the sprint Sprint 12 at")


def test_a_row_counted_then_deleted_in_one_action_is_simply_gone(session: Session) -> None:
    """Its change counted (its team, say), then the row deleted before the action ends:
    nothing is left to count, and the action completes."""
    sprint_id = KINDS["sprint"].make(session)
    sprint = session.get(Sprint, sprint_id)
    assert sprint is not None
    identity.touch(session, sprint)
    session.delete(sprint)
    session.commit()
    assert session.get(Sprint, sprint_id) is None


@pytest.mark.parametrize("kind", list(KINDS), ids=list(KINDS))
def test_an_undo_refused_over_someone_elses_change_names_them(session: Session, kind: str) -> None:
    spec = KINDS[kind]
    _sign(session, "Moi")
    row_id = spec.make(session)
    change = act(session, lambda s: spec.save(s, row_id, "mine", None))
    _sign(session, "Virginie")
    spec.save(session, row_id, "Virginie's", None)
    _sign(session, "Moi")
    with pytest.raises(ConflictError) as refused:
        undo(session, change)
    assert refused.value.message.msg_id == "change.stale_by"
    english = refused.value.render("en")
    assert english.startswith(f"Cannot undo or redo: Virginie changed {spec.en} at ")
    assert f"Virginie a modifié {spec.fr} depuis" in refused.value.render("fr")
    session.expire_all()
    row = session.get(spec.model, row_id)
    assert row is not None and spec.read(row) == spec.read(_as_saved(spec, "Virginie's"))


def test_an_undo_moves_the_version_forward_so_a_form_loaded_before_is_refused(
    session: Session,
) -> None:
    _sign(session, "Moi")
    row_id = KINDS["project"].make(session)
    change = act(session, lambda s: _save_project(s, row_id, "Paie", None))
    session.expire_all()
    seen = session.get(Project, row_id).version  # type: ignore[union-attr]
    _sign(session, "Virginie")
    undo(session, change)
    session.expire_all()
    project = session.get(Project, row_id)
    assert project is not None and project.name == "ERP" and project.version == seen + 1
    assert project.updated_by == "Virginie"
    _sign(session, "Moi")
    with pytest.raises(ConflictError) as refused:
        _save_project(session, row_id, "Mon texte", seen)
    assert refused.value.render("en").startswith("Virginie changed the project ERP at")


def test_the_board_settings_refuse_a_column_someone_removed_or_added_meanwhile(
    session: Session,
) -> None:
    """The board's columns as a dialog loaded them: saved after someone else removed one
    (it would come back) or added one (it would go, unseen), nothing is written and the
    message says which column; the board stays as the other person left it."""
    loaded_specs = columns.workflow(session)
    loaded = {spec.id for spec in loaded_specs if spec.id is not None}
    edited = [replace(loaded_specs[0], name="Idées"), *loaded_specs[1:]]
    last = loaded_specs[-2]  # an empty column someone else removes meanwhile
    columns.apply_workflow(session, [s for s in columns.workflow(session) if s.id != last.id])
    with pytest.raises(ConflictError) as refused:
        columns.apply_workflow(session, edited, loaded=loaded)
    assert refused.value.render("en").startswith(f"Someone removed the column “{last.name}”")
    assert refused.value.render("fr").startswith(
        f"Quelqu’un a supprimé la colonne «\u00a0{last.name}\u00a0»"
    )
    session.expire_all()
    names = [c.name for c in session.scalars(select(BoardColumn).order_by("position"))]
    assert last.name not in names and "Idées" not in names

    loaded_specs = columns.workflow(session)
    loaded = {spec.id for spec in loaded_specs if spec.id is not None}
    columns.create_column(session, "Tri", position=0)  # someone else adds one meanwhile
    with pytest.raises(ConflictError) as refused:
        columns.apply_workflow(session, loaded_specs, loaded=loaded)
    assert refused.value.render("en").startswith("Someone added the column “Tri”")
    session.expire_all()
    assert session.scalar(select(BoardColumn).where(BoardColumn.name == "Tri")) is not None
    # Loaded again, the same edit goes through.
    again = columns.workflow(session)
    again[1] = replace(again[1], name="Idées")
    columns.apply_workflow(session, again, loaded={s.id for s in again if s.id is not None})
    session.expire_all()
    assert session.scalar(select(BoardColumn).where(BoardColumn.name == "Idées")) is not None
