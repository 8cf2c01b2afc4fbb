"""What the calendar shows, read: sprint capacity and forecast (the portfolio of points
per project and what a period holds: ``store.calendar_view``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.calendar import (
    PastSprint,
    PersonCapacity,
    forecast_points,
    person_capacity,
    public_holidays,
    working_days,
)
from po_desktop.domain.enums import SprintState
from po_desktop.domain.text import fold
from po_desktop.store.models import (
    Absence,
    Need,
    Person,
    Sprint,
    SprintCommitment,
    SprintMember,
)
from po_desktop.store.services.sprints import check_sprint_dates, get_sprint, sprints_in_range
from po_desktop.store.services.workspace import holiday_region

# ----- capacity -------------------------------------------------------------------------


@dataclass(frozen=True)
class SprintCapacity:
    sprint_id: int
    name: str
    start: date
    end: date
    focus_factor: float
    working_days: int
    holidays: tuple[tuple[date, str], ...]
    people: tuple[PersonCapacity, ...]
    forecast: float | None
    """Points the team can take (None before any closed sprint)."""
    committed: float
    """Points of the needs in the sprint now."""
    history: tuple[PastSprint, ...]
    added: tuple[int, float] = (0, 0.0)
    """Needs (and their points) taken in after the sprint started: scope creep, in sight."""

    @property
    def days(self) -> float:
        return round(sum(p.days for p in self.people), 2)

    @property
    def over_committed(self) -> bool:
        return self.forecast is not None and self.committed > self.forecast


def _team_days(
    session: Session, sprint: Sprint, off: dict[date, str]
) -> tuple[list[date], list[PersonCapacity]]:
    days = working_days(sprint.start_date, sprint.end_date, off)
    people = sorted(
        session.scalars(
            select(Person)
            .join(SprintMember, SprintMember.person_id == Person.id)
            .where(SprintMember.sprint_id == sprint.id)
        ),
        key=lambda p: fold(p.name),
    )
    absences: dict[int, list[tuple[date, date]]] = {}
    for a in session.scalars(
        select(Absence).where(
            Absence.person_id.in_([p.id for p in people]),
            Absence.end_date >= sprint.start_date,
            Absence.start_date <= sprint.end_date,
        )
    ):
        absences.setdefault(a.person_id, []).append((a.start_date, a.end_date))
    return days, [
        person_capacity(
            p.id, p.name, days, absences.get(p.id, []), p.availability, sprint.focus_factor
        )
        for p in people
    ]


def capacity(session: Session, sprint_id: int, lang: str = "fr") -> SprintCapacity:
    """Per person: working days minus holidays and absences, times availability and focus;
    the team's total, and a forecast from the last three closed sprints of the team."""
    sprint, off, days, people, history = _team_capacity(session, sprint_id, lang)
    total = round(sum(p.days for p in people), 2)
    committed = session.scalar(
        select(func.coalesce(func.sum(Need.points), 0)).where(Need.sprint_id == sprint_id)
    )
    late = added_during(session, sprint_id)
    late_points = session.scalar(
        select(func.coalesce(func.sum(Need.points), 0)).where(Need.id.in_(late))
    )
    return SprintCapacity(
        sprint.id,
        sprint.name,
        sprint.start_date,
        sprint.end_date,
        sprint.focus_factor,
        len(days),
        tuple(off.items()),
        tuple(people),
        forecast_points(total, history),
        float(committed or 0),
        tuple(history),
        (len(late), float(late_points or 0)),
    )


def forecast(session: Session, sprint_id: int, lang: str = "fr") -> float | None:
    """The points :func:`capacity` forecasts for a sprint, without the figures of its
    scope (committed, added late) that only the capacity view shows."""
    _sprint, _off, _days, people, history = _team_capacity(session, sprint_id, lang)
    return forecast_points(round(sum(p.days for p in people), 2), history)


def _team_capacity(
    session: Session, sprint_id: int, lang: str
) -> tuple[Sprint, dict[date, str], list[date], list[PersonCapacity], list[PastSprint]]:
    """A sprint, its holidays, its working days, each member's capacity, and the team's
    last three closed sprints (velocity and capacity), oldest first."""
    sprint = get_sprint(session, sprint_id)
    check_sprint_dates(sprint)
    region = holiday_region(session)
    off = public_holidays(sprint.start_date, sprint.end_date, region, lang)
    days, people = _team_days(session, sprint, off)
    past = list(
        session.scalars(
            select(Sprint)
            .where(
                Sprint.state == SprintState.CLOSED.value,
                func.lower(Sprint.team) == sprint.team.lower(),
                Sprint.end_date < sprint.start_date,
                Sprint.velocity.is_not(None),
                sprints_in_range(),  # an older file's sprint in the year 1 is no history
            )
            .order_by(Sprint.start_date.desc())
            .limit(3)
        )
    )
    history = []
    for old in reversed(past):
        old_off = public_holidays(old.start_date, old.end_date, region, lang)
        _d, old_people = _team_days(session, old, old_off)
        history.append(PastSprint(old.velocity or 0.0, round(sum(p.days for p in old_people), 2)))
    return sprint, off, days, people, history


def added_during(session: Session, sprint_id: int) -> set[int]:
    """Needs in a started sprint that were not in its committed scope."""
    committed = set(
        session.scalars(
            select(SprintCommitment.need_id).where(SprintCommitment.sprint_id == sprint_id)
        )
    )
    sprint = get_sprint(session, sprint_id)
    if sprint.state == SprintState.PLANNED.value:
        return set()
    current = set(session.scalars(select(Need.id).where(Need.sprint_id == sprint_id)))
    return current - committed
