"""What the calendar's dialogs open with, read in one session each: the sprint, ritual
or absence being edited (None for a new one) and the choices beside it.

The rows are returned detached (sessions here do not expire on commit): a dialog reads
their attributes after the session is closed and never writes through them; writes go
through the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.calendar import EARLIEST, LATEST, clamp
from po_desktop.domain.keys import format_key
from po_desktop.store.models import (
    Absence,
    BoardColumn,
    Ceremony,
    Need,
    Person,
    Project,
    Sprint,
    SprintMember,
)
from po_desktop.store.services.rituals import sprint_at
from po_desktop.store.services.sprints import get_sprint, next_sprint

Choice = tuple[int, str]
"""An id and its name, as a combo box lists it."""


def active_people(session: Session) -> list[Choice]:
    """Who can be in a sprint's team, by name."""
    query = select(Person.id, Person.name).where(Person.active.is_(True)).order_by(Person.name)
    return [(person_id, name) for person_id, name in session.execute(query)]


def _teams(session: Session) -> list[str]:
    return sorted({t for t in session.scalars(select(Sprint.team)) if t})


def _members(session: Session, sprint_id: int | None) -> set[int]:
    """A sprint's members; for no sprint, everyone active (a new sprint's default)."""
    if sprint_id is None:
        return set(session.scalars(select(Person.id).where(Person.active.is_(True))))
    query = select(SprintMember.person_id).where(SprintMember.sprint_id == sprint_id)
    return set(session.scalars(query))


@dataclass(frozen=True)
class SprintForm:
    sprint: Sprint | None
    members: set[int]
    teams: list[str]


def sprint_form(session: Session, sprint_id: int | None) -> SprintForm:
    sprint = session.get(Sprint, sprint_id) if sprint_id is not None else None
    return SprintForm(sprint, _members(session, sprint_id), _teams(session))


@dataclass(frozen=True)
class CeremonyForm:
    ceremony: Ceremony | None
    sprints: list[Choice]
    running: int | None
    """The sprint running on the chosen day: a new ritual's default."""


def ceremony_form(session: Session, ceremony_id: int | None, day: date) -> CeremonyForm:
    ceremony = session.get(Ceremony, ceremony_id) if ceremony_id is not None else None
    sprints = [(s.id, s.name) for s in session.scalars(select(Sprint).order_by(Sprint.start_date))]
    running = sprint_at(session, day)
    return CeremonyForm(ceremony, sprints, running.id if running else None)


@dataclass(frozen=True)
class AbsenceForm:
    absence: Absence | None
    people: list[Choice]


def absence_form(session: Session, absence_id: int | None) -> AbsenceForm:
    absence = session.get(Absence, absence_id) if absence_id is not None else None
    people = session.execute(select(Person.id, Person.name).order_by(Person.name))
    return AbsenceForm(absence, [(person_id, name) for person_id, name in people])


@dataclass(frozen=True)
class CadenceDefaults:
    start: date
    """The Monday after the last sprint (after today when there is none)."""
    teams: list[str]
    sprint_count: int
    members: set[int]
    """The last sprint's team, or everyone active."""


def cadence_defaults(session: Session, today: date) -> CadenceDefaults:
    last = session.scalar(  # the last sprint a plan can follow (not one ending in 9999)
        select(Sprint)
        .where(Sprint.start_date >= EARLIEST, Sprint.end_date <= LATEST)
        .order_by(Sprint.end_date.desc())
        .limit(1)
    )
    after = last.end_date if last else today
    count = len(session.scalars(select(Sprint.id)).all())
    return CadenceDefaults(
        start=clamp(after + timedelta(days=7 - after.weekday())),
        teams=_teams(session),
        sprint_count=count,
        members=_members(session, last.id if last else None),
    )


@dataclass(frozen=True)
class OpenNeed:
    id: int
    key: str
    title: str
    column: str
    points: float | None


@dataclass(frozen=True)
class Closing:
    """A sprint about to be closed: its unfinished needs, and the sprint after it."""

    name: str
    following: str | None
    open_needs: list[OpenNeed]


def closing(session: Session, sprint_id: int) -> Closing:
    sprint = get_sprint(session, sprint_id)
    following = next_sprint(session, sprint)
    done = set(session.scalars(select(BoardColumn.id).where(BoardColumn.is_done.is_(True))))
    rows = session.execute(
        select(Need, Project.code, BoardColumn.name)
        .join(Project, Project.id == Need.project_id)
        .join(BoardColumn, BoardColumn.id == Need.column_id)
        .where(Need.sprint_id == sprint_id, Need.column_id.not_in(done))
        .order_by(BoardColumn.position, Need.rank)
    )
    return Closing(
        sprint.name,
        following.name if following else None,
        [
            OpenNeed(need.id, format_key(code, need.number), need.title, column, need.points)
            for need, code, column in rows
        ],
    )
