"""What the calendar view shows, read: the portfolio of points per project, and the
sprints, rituals, absences and holidays of a period.

Apart from ``store.calendar_queries`` (capacity and forecast), which the review pack
imports: the pack does not build these view classes it never uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.store.models import Absence, Ceremony, Need, Person, Sprint
from po_desktop.store.services.workspace import holidays_between


@dataclass(frozen=True)
class PortfolioRow:
    sprint_id: int
    sprint: str
    start: date
    state: str
    team: str
    points: dict[str, float]
    """Points committed per project code."""


def portfolio(session: Session) -> list[PortfolioRow]:
    """Sprint by sprint, the points committed to each project (closed sprints: what was done
    plus what was carried, as the sprint's needs stand now)."""
    from po_desktop.store.models import Project

    sums: dict[int, dict[str, float]] = {}
    for sprint_id, code, points in session.execute(
        select(Need.sprint_id, Project.code, func.coalesce(func.sum(Need.points), 0))
        .join(Project, Project.id == Need.project_id)
        .where(Need.sprint_id.is_not(None))
        .group_by(Need.sprint_id, Project.code)
    ):
        sums.setdefault(sprint_id, {})[code] = float(points)
    return [
        PortfolioRow(s.id, s.name, s.start_date, s.state, s.team, sums.get(s.id, {}))
        for s in session.scalars(select(Sprint).order_by(Sprint.start_date))
    ]


# ----- what the calendar view shows -----------------------------------------------------


@dataclass(frozen=True)
class CalendarSprint:
    id: int
    name: str
    team: str
    start: date
    end: date
    state: str
    goal: str


@dataclass(frozen=True)
class CalendarCeremony:
    id: int
    sprint_id: int | None
    kind: str
    title: str
    starts_at: datetime
    minutes: int
    location: str


@dataclass(frozen=True)
class CalendarAbsence:
    id: int
    person_id: int
    person: str
    start: date
    end: date
    reason: str


@dataclass(frozen=True)
class CalendarItems:
    sprints: tuple[CalendarSprint, ...]
    ceremonies: tuple[CalendarCeremony, ...]
    absences: tuple[CalendarAbsence, ...]
    holidays: dict[date, str]

    @cached_property
    def several_teams(self) -> bool:
        """Whether the sprints shown are several teams' (asked for each ritual painted)."""
        return len({s.team for s in self.sprints}) > 1

    def whose(self, ceremony: CalendarCeremony, shown: str) -> str:
        """The team of a ritual (« · ERP »), said where the sprints shown are several
        teams' (two « Mêlée » a morning, one each), its sprint's name for the unnamed
        team's; "" when there is one team, the ritual belongs to no sprint, or what is
        ``shown`` of it (its title) says it already."""
        if not self.several_teams:
            return ""
        sprint = next((s for s in self.sprints if s.id == ceremony.sprint_id), None)
        whose = "" if sprint is None else sprint.team or sprint.name
        return f" · {whose}" if whose and whose not in shown else ""


def calendar_items(session: Session, start: date, end: date, lang: str = "fr") -> CalendarItems:
    """Everything the calendar shows from ``start`` to ``end`` included, in three SELECTs."""
    sprints = tuple(
        CalendarSprint(s.id, s.name, s.team, s.start_date, s.end_date, s.state, s.goal)
        for s in session.scalars(
            select(Sprint)
            .where(Sprint.end_date >= start, Sprint.start_date <= end)
            .order_by(Sprint.start_date)
        )
    )
    ceremonies = tuple(
        CalendarCeremony(
            c.id, c.sprint_id, c.kind, c.title, c.starts_at, c.duration_minutes, c.location
        )
        for c in session.scalars(
            select(Ceremony)
            .where(
                Ceremony.starts_at >= datetime.combine(start, datetime.min.time()),
                Ceremony.starts_at < datetime.combine(end + timedelta(days=1), datetime.min.time()),
            )
            .order_by(Ceremony.starts_at)
        )
    )
    absences = tuple(
        CalendarAbsence(a.id, a.person_id, name, a.start_date, a.end_date, a.reason)
        for a, name in session.execute(
            select(Absence, Person.name)
            .join(Person, Person.id == Absence.person_id)
            .where(Absence.end_date >= start, Absence.start_date <= end)
            .order_by(Absence.start_date, Person.name)
        )
    )
    return CalendarItems(sprints, ceremonies, absences, holidays_between(session, start, end, lang))
