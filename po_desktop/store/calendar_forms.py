"""What the calendar's dialogs open with, read in one session each: the sprint, ritual
or absence being edited (None for a new one) and the choices beside it.

The rows are returned detached (sessions here do not expire on commit): a dialog reads
their attributes after the session is closed and never writes through them; writes go
through the services.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.cadence import RitualTimes, name_pattern, next_number
from po_desktop.domain.calendar import EARLIEST, LATEST, clamp
from po_desktop.domain.enums import CeremonyKind
from po_desktop.domain.keys import format_key
from po_desktop.domain.text import fold
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
    """Who can be in a sprint's team, by name (« Émilie » among the E, as
    ``queries.people`` orders them)."""
    query = select(Person.id, Person.name).where(Person.active.is_(True))
    return _by_name(session.execute(query))


def _by_name(rows: Iterable[tuple[int, str]]) -> list[Choice]:
    return sorted(((person_id, name) for person_id, name in rows), key=lambda c: (fold(c[1]), c[0]))


def _teams(session: Session) -> list[str]:
    return sorted({t for t in session.scalars(select(Sprint.team)) if t}, key=fold)


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
    next_start: date
    """Where a new sprint starts unless a day was chosen: the Monday after the last
    sprint of the workspace's unnamed team, else this week's Monday or the next one."""


def sprint_form(session: Session, sprint_id: int | None, today: date | None = None) -> SprintForm:
    sprint = session.get(Sprint, sprint_id) if sprint_id is not None else None
    last_end = session.scalar(
        select(func.max(Sprint.end_date)).where(
            Sprint.team == "", Sprint.start_date >= EARLIEST, Sprint.end_date <= LATEST
        )
    )
    today = today or date.today()
    after = max(last_end, today - timedelta(days=1)) if last_end else today - timedelta(days=1)
    next_start = _monday_after(after)
    return SprintForm(sprint, _members(session, sprint_id), _teams(session), next_start)


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
    people = session.execute(select(Person.id, Person.name))
    return AbsenceForm(absence, _by_name(people))


@dataclass(frozen=True)
class CadencePlan:
    """How a team's next sprints continue its last one."""

    start: date
    """The Monday after the team's last sprint (after today when it has none)."""
    weeks: int
    pattern: str
    """Its name with its number, or its ISO year and week, as placeholders."""
    first_number: int
    focus: float
    members: set[int]
    """The last sprint's members, or everyone active."""
    rituals: RitualTimes
    """Its rituals' times and lengths, kind by kind; else the usual ones."""
    locations: dict[str, str]
    """Where its rituals took place, by kind ("daily": "Open space")."""


@dataclass(frozen=True)
class CadenceDefaults:
    teams: list[str]
    team: str
    """The last sprint's team: the plan a new series shows first."""
    plans: dict[str, CadencePlan]
    """By team (folded), for each team that has sprints."""
    fresh: CadencePlan
    """For a team without sprints (its names: ``domain.cadence.own_series``)."""
    names: tuple[str, ...]
    """Every sprint's name: a pattern typed anew numbers on from its series'
    (:func:`~po_desktop.domain.cadence.next_number`)."""

    def plan(self, team: str) -> CadencePlan:
        return self.plans.get(team.strip().casefold(), self.fresh)


def cadence_defaults(session: Session, today: date) -> CadenceDefaults:
    # The sprints a plan can follow (not one ending in 9999), the last one of each team.
    sprints = session.scalars(
        select(Sprint)
        .where(Sprint.start_date >= EARLIEST, Sprint.end_date <= LATEST)
        .order_by(Sprint.end_date, Sprint.id)
    ).all()
    lasts = {sprint.team.strip().casefold(): sprint for sprint in sprints}
    names = tuple(session.scalars(select(Sprint.name)))
    rituals = _rituals(session, [sprint.id for sprint in lasts.values()])
    plans = {
        team: _continuing(session, sprint, names, *rituals.get(sprint.id, (RitualTimes(), {})))
        for team, sprint in lasts.items()
    }
    fresh = CadencePlan(  # a new team: its own members are to be chosen, unless it is
        start=_monday_after(today),  # the first one (then everyone active)
        weeks=2,
        pattern="Sprint {n}",
        first_number=next_number("Sprint {n}", names),
        focus=0.8,
        members=set() if sprints else _members(session, None),
        rituals=RitualTimes(),
        locations={},
    )
    last_team = sprints[-1].team if sprints else ""
    return CadenceDefaults(_teams(session), last_team, plans, fresh, names)


def _monday_after(day: date) -> date:
    return clamp(day + timedelta(days=7 - day.weekday()))


def _continuing(
    session: Session,
    last: Sprint,
    names: tuple[str, ...],
    rituals: RitualTimes,
    locations: dict[str, str],
) -> CadencePlan:
    named = name_pattern(last.name, last.start_date)
    pattern = named[0] if named is not None else "Sprint {n}"
    days = (last.end_date - last.start_date).days + 1
    return CadencePlan(
        start=_monday_after(last.end_date),
        weeks=min(8, max(1, round(days / 7))),  # Monday to Friday a week later: two
        pattern=pattern,
        first_number=next_number(pattern, names),
        focus=last.focus_factor,
        members=_members(session, last.id),
        rituals=rituals,
        locations=locations,
    )


_FIELDS = {  # a ritual's kind → RitualTimes' fields for its time and its length
    CeremonyKind.PLANNING.value: ("planning", "planning_minutes"),
    CeremonyKind.DAILY.value: ("daily", "daily_minutes"),
    CeremonyKind.REVIEW.value: ("review", "review_minutes"),
    CeremonyKind.RETRO.value: ("retro", "retro_minutes"),
}


def _rituals(
    session: Session, sprint_ids: list[int]
) -> dict[int, tuple[RitualTimes, dict[str, str]]]:
    """Each sprint's rituals as a plan repeats them: the first one of each kind's time
    and length, and where it takes place (by kind)."""
    rows = session.execute(
        select(
            Ceremony.sprint_id,
            Ceremony.kind,
            Ceremony.starts_at,
            Ceremony.duration_minutes,
            Ceremony.location,
        )
        .where(Ceremony.sprint_id.in_(sprint_ids), Ceremony.kind.in_(list(_FIELDS)))
        .order_by(Ceremony.starts_at.desc())
    )
    found: dict[int, tuple[RitualTimes, dict[str, str]]] = {}
    for sprint_id, kind, starts_at, minutes, location in rows:  # the earliest last: it stays
        if sprint_id is None:  # (asked by sprint: never)
            continue
        times, places = found.get(sprint_id, (RitualTimes(), {}))
        at, length = _FIELDS[kind]
        changes: dict[str, Any] = {at: starts_at.time(), length: minutes}
        found[sprint_id] = (replace(times, **changes), {**places, kind: location})
    return found


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
