"""Projects: the external and internal streams of work a product owner runs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.colours import next_project_colour
from po_desktop.domain.enums import ProjectKind
from po_desktop.domain.keys import is_valid_code
from po_desktop.domain.text import fold
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.identity import check_version
from po_desktop.store.models import Need, Person, Project
from po_desktop.store.services._base import (
    clean_choice,
    clean_color,
    clean_text,
    locked,
    name_index,
    pick_named,
    transactional,
)


@dataclass
class ProjectInput:
    code: str
    name: str
    kind: str = ProjectKind.EXTERNAL.value
    owner_id: int | None = None
    color: str = ""
    """"" gives the project a palette colour no other project has yet."""
    archived: bool = False


def _validate(session: Session, data: ProjectInput, project_id: int | None) -> ProjectInput:
    code = clean_text(data.code, "code", required=True, max_len=10).upper()
    if not is_valid_code(code):
        raise ValidationError("project.bad_code", field="code", code=code)
    taken = session.scalar(select(Project.id).where(Project.code == code))
    if taken is not None and taken != project_id:
        raise ConflictError("project.code_taken", code=code)
    name = clean_text(data.name, "name", required=True, max_len=200)
    kind = clean_choice(data.kind, "kind", [k.value for k in ProjectKind])
    if data.owner_id is not None and session.get(Person, data.owner_id) is None:
        raise NotFoundError("person.not_found", ref=data.owner_id)
    color = clean_color(data.color) if data.color.strip() else free_colour(session)
    return ProjectInput(code, name, kind, data.owner_id, color, data.archived)


def free_colour(session: Session) -> str:
    """The colour a new project gets unless one is chosen: one no project has yet."""
    return next_project_colour(session.scalars(select(Project.color)))


@transactional
def create_project(session: Session, data: ProjectInput) -> Project:
    clean = _validate(session, data, None)
    project = Project(
        code=clean.code,
        name=clean.name,
        kind=clean.kind,
        owner_id=clean.owner_id,
        color=clean.color,
        archived=clean.archived,
        next_number=1,
    )
    session.add(project)
    session.flush()
    return project


@transactional
def update_project(
    session: Session, project_id: int, data: ProjectInput, *, version: int | None = None
) -> Project:
    """Edit a project. ``version``: the project's version the form was filled from; if
    someone has changed it since, nothing is written and :class:`ConflictError` says who
    and when (the form keeps what was typed)."""
    project = locked(session, Project, project_id, version)
    if project is None:
        raise NotFoundError("project.not_found", ref=project_id)
    check_version(project, version)
    clean = _validate(session, data, project_id)
    project.code = clean.code
    project.name = clean.name
    project.kind = clean.kind
    project.owner_id = clean.owner_id
    project.color = clean.color
    project.archived = clean.archived
    session.flush()
    return project


@transactional
def delete_project(session: Session, project_id: int) -> None:
    """Only an empty project can go; one with history is archived instead."""
    project = session.get(Project, project_id)
    if project is None:
        raise NotFoundError("project.not_found", ref=project_id)
    count = session.scalar(select(func.count()).where(Need.project_id == project_id)) or 0
    if count:
        raise ConflictError("project.has_needs", code=project.code, count=count)
    session.delete(project)


def find_project(session: Session, ref: str | int) -> Project:
    """A project by id, by code regardless of case and accents, or by name (as typed, then
    regardless of case, then of accents too: "deploiement erp" finds "Déploiement ERP")."""
    project = None
    if isinstance(ref, int) or str(ref).isdigit():
        project = session.get(Project, int(ref))
    if project is None and isinstance(ref, str):
        typed = ref.strip()
        project = session.scalar(select(Project).where(Project.code == fold(typed).upper()))
        if project is None:
            found = pick_named(name_index(session, Project.name, Project.id), typed)
            project = None if found is None else session.get(Project, found)
    if project is None:
        raise NotFoundError("project.not_found", ref=ref)
    return project
