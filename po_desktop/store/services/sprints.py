"""Sprints, rituals and absences: plan, generate a cadence, start, close; capacity.

Each service is one user action; the change protocol (store/changes.py) records
and undoes what it wrote.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from po_desktop.domain.calendar import (
    EARLIEST,
    LATEST,
    CadenceError,
    PastSprint,
    PersonCapacity,
    RitualTimes,
    cadence,
    forecast_points,
    in_range,
    overlaps,
    person_capacity,
    public_holidays,
    working_days,
)
from po_desktop.domain.enums import CeremonyKind, EventField, SprintState
from po_desktop.domain.messages import Bilingual, Message, choice_label, day_label
from po_desktop.domain.text import fold
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.models import (
    Absence,
    BoardColumn,
    Ceremony,
    Need,
    Person,
    Setting,
    Sprint,
    SprintCommitment,
    SprintMember,
    utcnow,
)
from po_desktop.store.services._base import (
    LONG_TEXT_MAX,
    clean_choice,
    clean_number,
    clean_text,
    find_named,
    transactional,
)
from po_desktop.store.services.needs import _event

# ----- workspace settings ---------------------------------------------------------------

REGION_KEY = "holiday_region"
UID_KEY = "workspace_uid"


def setting(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


@transactional
def set_setting(session: Session, key: str, value: str) -> str:
    """Store a workspace setting; returns the previous value (for undo)."""
    row = session.get(Setting, key)
    previous = row.value if row is not None else ""
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
    return previous


def workspace_uid(session: Session) -> str:
    """An id of this workspace file, made once: calendar exports use it in their UIDs."""
    uid = setting(session, UID_KEY)
    if not uid:
        uid = uuid.uuid4().hex
        set_setting(session, UID_KEY, uid)
    return uid


def holiday_region(session: Session) -> str:
    return setting(session, REGION_KEY)


def holidays_between(session: Session, start: date, end: date, lang: str = "fr") -> dict[date, str]:
    return public_holidays(start, end, holiday_region(session), lang)


# ----- validation -----------------------------------------------------------------------


def clean_date(value: object, name: str) -> date:
    """A date as stored: typed or given, and within the range a workspace plans with."""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError("sprint.bad_date", field=name, value=str(value)) from None
    _check_range(day, name)
    return day


def _check_range(day: date, name: str) -> None:
    if not in_range(day):
        raise ValidationError("date.out_of_range", field=name, value=day_label(day), **_bounds())


def _bounds() -> dict[str, Any]:
    return {"min": day_label(EARLIEST), "max": day_label(LATEST)}


def sprint_dates_problem(sprint: Sprint) -> Message | None:
    """What is wrong with a stored sprint's dates (an older or hand-edited file may hold
    9999-12-31), or None: reports on such a sprint say so instead of overflowing."""
    if in_range(sprint.start_date) and in_range(sprint.end_date):
        return None
    return Message(
        "sprint.dates_out_of_range",
        {
            "name": sprint.name,
            "start": day_label(sprint.start_date),
            "end": day_label(sprint.end_date),
            **_bounds(),
        },
    )


def check_sprint_dates(sprint: Sprint) -> None:
    """Refuse to report on a sprint whose stored dates are out of range, saying which."""
    problem = sprint_dates_problem(sprint)
    if problem is not None:
        raise ValidationError(problem.msg_id, **problem.params)


def _sprints_in_range() -> Any:
    return (Sprint.start_date >= EARLIEST) & (Sprint.end_date <= LATEST)


def dates_out_of_range(session: Session) -> list[Message]:
    """Every stored sprint, ritual and absence whose dates a workspace cannot plan with,
    each said in a message (``check`` lists them; exports leave them out)."""
    problems: list[Message] = []
    for sprint in session.scalars(select(Sprint).where(~_sprints_in_range()).order_by(Sprint.id)):
        problem = sprint_dates_problem(sprint)
        if problem is not None:
            problems.append(problem)
    for ceremony in session.scalars(
        select(Ceremony).where(~_ceremonies_in_range()).order_by(Ceremony.id)
    ):
        problems.append(ceremony_date_problem(ceremony))
    for absence, name in session.execute(
        select(Absence, Person.name)
        .join(Person, Person.id == Absence.person_id)
        .where((Absence.start_date < EARLIEST) | (Absence.end_date > LATEST))
        .order_by(Absence.id)
    ):
        problems.append(
            Message(
                "absence.dates_out_of_range",
                {
                    "name": name,
                    "start": day_label(absence.start_date),
                    "end": day_label(absence.end_date),
                    **_bounds(),
                },
            )
        )
    return problems


def _ceremonies_in_range() -> Any:
    return (Ceremony.starts_at >= datetime.combine(EARLIEST, time())) & (
        Ceremony.starts_at < datetime.combine(LATEST + timedelta(days=1), time())
    )


def ceremony_date_problem(ceremony: Ceremony) -> Message:
    """A stored ritual whose day is out of range, said (its title, else its kind)."""
    return Message(
        "ceremony.date_out_of_range",
        {
            "name": Bilingual(
                ceremony.title or choice_label(ceremony.kind, "fr"),
                ceremony.title or choice_label(ceremony.kind, "en"),
            ),
            "start": day_label(ceremony.starts_at),
            **_bounds(),
        },
    )


@dataclass
class SprintInput:
    name: str
    start: date | str
    end: date | str
    goal: str = ""
    team: str = ""
    focus_factor: float | str = 0.8
    member_ids: Sequence[int] = ()


def _check_sprint(session: Session, data: SprintInput, sprint_id: int | None) -> dict[str, Any]:
    name = clean_text(data.name, "name", required=True, max_len=80)
    start, end = clean_date(data.start, "start"), clean_date(data.end, "end")
    if end < start:
        raise ValidationError(
            "sprint.dates_order", field="end", start=day_label(start), end=day_label(end)
        )
    team = clean_text(data.team, "team", max_len=80)
    focus = clean_number(
        data.focus_factor, "focus_factor", minimum=0.05, maximum=1.0, allow_none=False
    )
    taken = session.scalar(
        select(Sprint.id).where(
            func.lower(Sprint.name) == name.lower(), Sprint.id != (sprint_id or 0)
        )
    )
    if taken is not None:
        raise ConflictError("sprint.name_taken", name=name)
    for other in session.scalars(
        select(Sprint).where(func.lower(Sprint.team) == team.lower(), Sprint.id != (sprint_id or 0))
    ):
        if overlaps(start, end, other.start_date, other.end_date):
            raise ConflictError(
                "sprint.overlap",
                name=other.name,
                start=day_label(other.start_date),
                end=day_label(other.end_date),
            )
    for person_id in data.member_ids:
        if session.get(Person, person_id) is None:
            raise NotFoundError("person.not_found", ref=person_id)
    return {
        "name": name,
        "start_date": start,
        "end_date": end,
        "goal": clean_text(data.goal, "goal", max_len=LONG_TEXT_MAX),
        "team": team,
        "focus_factor": focus,
    }


def _set_members(session: Session, sprint_id: int, member_ids: Sequence[int]) -> None:
    session.execute(delete(SprintMember).where(SprintMember.sprint_id == sprint_id))
    ids = sorted(set(member_ids))
    if ids:
        session.execute(
            insert(SprintMember), [{"sprint_id": sprint_id, "person_id": p} for p in ids]
        )


# ----- sprints --------------------------------------------------------------------------


@transactional
def create_sprint(session: Session, data: SprintInput) -> int:
    """A planned sprint with its team members; its id."""
    values = _check_sprint(session, data, None)
    sprint = Sprint(**values, state=SprintState.PLANNED.value)
    session.add(sprint)
    session.flush()
    _set_members(session, sprint.id, data.member_ids)
    return sprint.id


@transactional
def update_sprint(session: Session, sprint_id: int, data: SprintInput) -> None:
    sprint = _sprint(session, sprint_id)
    values = _check_sprint(session, data, sprint_id)
    for key, value in values.items():
        setattr(sprint, key, value)
    _set_members(session, sprint_id, data.member_ids)


@transactional
def delete_sprint(session: Session, sprint_id: int) -> None:
    """Remove an empty sprint with its rituals; one still holding needs is refused."""
    sprint = _sprint(session, sprint_id)
    count = session.scalar(select(func.count()).where(Need.sprint_id == sprint_id)) or 0
    if count:
        raise ConflictError("sprint.has_needs", name=sprint.name, count=count)
    for model in (Ceremony, SprintMember, SprintCommitment):
        session.execute(delete(model).where(model.sprint_id == sprint_id))  # type: ignore[attr-defined]
    session.execute(delete(Sprint).where(Sprint.id == sprint_id))
    session.expire_all()


def _sprint(session: Session, sprint_id: int) -> Sprint:
    sprint = session.get(Sprint, sprint_id)
    if sprint is None:
        raise NotFoundError("sprint.not_found", ref=sprint_id)
    return sprint


def find_sprint(session: Session, ref: str | int) -> Sprint:
    """A sprint by id or name (case-insensitive)."""
    return find_named(session, Sprint, ref, "sprint.not_found")


@dataclass
class CadenceInput:
    first_start: date | str
    count: int
    weeks: int
    team: str = ""
    focus_factor: float | str = 0.8
    member_ids: Sequence[int] = ()
    name_pattern: str = "Sprint {n}"
    first_number: int = 1
    rituals: RitualTimes = field(default_factory=RitualTimes)


@transactional
def generate_cadence(session: Session, data: CadenceInput) -> list[int]:
    """The next sprints of a team, back to back, each with its rituals: all or nothing."""
    start = clean_date(data.first_start, "start")
    horizon = start + timedelta(weeks=max(1, data.weeks) * max(1, data.count) + 1)
    off = holidays_between(session, start, horizon)
    pattern = data.name_pattern if "{n}" in data.name_pattern else data.name_pattern + " {n}"
    try:
        plans = cadence(
            start,
            data.count,
            data.weeks,
            off.__contains__,
            names=lambda i: pattern.replace("{n}", str(data.first_number + i)),
            rituals=data.rituals,
        )
    except CadenceError as exc:
        params = {
            k: day_label(date.fromisoformat(v)) if k == "start" else v
            for k, v in exc.params.items()
        }
        raise ValidationError(exc.msg_id, **params) from None
    created: list[int] = []
    for plan in plans:
        sprint_id = create_sprint(
            session,
            SprintInput(
                plan.name, plan.start, plan.end, "", data.team, data.focus_factor, data.member_ids
            ),
        )
        created.append(sprint_id)
        session.execute(
            insert(Ceremony),
            [
                {
                    "sprint_id": sprint_id,
                    "kind": c.kind.value,
                    "title": "",
                    "starts_at": c.starts_at,
                    "duration_minutes": c.minutes,
                    "location": "",
                    "notes": "",
                }
                for c in plan.ceremonies
            ],
        )
    return created


# ----- ceremonies and absences ----------------------------------------------------------


@dataclass
class CeremonyInput:
    kind: str
    starts_at: datetime
    duration_minutes: int | str = 60
    sprint_id: int | None = None
    title: str = ""
    location: str = ""
    notes: str = ""


def _check_ceremony(session: Session, data: CeremonyInput) -> dict[str, Any]:
    kind = clean_choice(data.kind, "kind", [k.value for k in CeremonyKind])
    if not isinstance(data.starts_at, datetime):
        raise ValidationError("sprint.bad_date", field="start", value=str(data.starts_at))
    _check_range(data.starts_at.date(), "start")
    minutes = clean_number(
        data.duration_minutes, "duration_minutes", minimum=5, maximum=24 * 60, allow_none=False
    )
    if data.sprint_id is not None:
        _sprint(session, data.sprint_id)
    return {
        "kind": kind,
        "starts_at": data.starts_at.replace(tzinfo=None, second=0, microsecond=0),
        "duration_minutes": int(minutes or 60),
        "sprint_id": data.sprint_id,
        "title": clean_text(data.title, "title", max_len=200),
        "location": clean_text(data.location, "location", max_len=200),
        "notes": clean_text(data.notes, "notes", max_len=LONG_TEXT_MAX),
    }


def sprint_at(session: Session, day: date, team: str | None = None) -> Sprint | None:
    """The sprint running on this day (of this team, if given)."""
    stmt = select(Sprint).where(Sprint.start_date <= day, Sprint.end_date >= day)
    if team is not None:
        stmt = stmt.where(func.lower(Sprint.team) == team.lower())
    return session.scalar(stmt.order_by(Sprint.start_date))


def _save_row(
    session: Session, model: type, row_id: int | None, values: dict[str, Any], missing: str
) -> int:
    """Create (``row_id`` None) or update one ritual or absence; its id."""
    if row_id is None:
        row = model(**values)
        session.add(row)
        session.flush()
        return int(row.id)
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(missing, ref=row_id)
    for key, value in values.items():
        setattr(row, key, value)
    return row_id


def _delete_row(session: Session, model: type, row_id: int, missing: str) -> None:
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(missing, ref=row_id)
    session.delete(row)


@transactional
def save_ceremony(session: Session, ceremony_id: int | None, data: CeremonyInput) -> int:
    values = _check_ceremony(session, data)
    return _save_row(session, Ceremony, ceremony_id, values, "ceremony.not_found")


@transactional
def delete_ceremony(session: Session, ceremony_id: int) -> None:
    _delete_row(session, Ceremony, ceremony_id, "ceremony.not_found")


@dataclass
class AbsenceInput:
    person_id: int
    start: date | str
    end: date | str
    reason: str = ""


@transactional
def save_absence(session: Session, absence_id: int | None, data: AbsenceInput) -> int:
    if session.get(Person, data.person_id) is None:
        raise NotFoundError("person.not_found", ref=data.person_id)
    start, end = clean_date(data.start, "start"), clean_date(data.end, "end")
    if end < start:
        raise ValidationError(
            "absence.dates_order", field="end", start=day_label(start), end=day_label(end)
        )
    values = {
        "person_id": data.person_id,
        "start_date": start,
        "end_date": end,
        "reason": clean_text(data.reason, "reason", max_len=200),
    }
    return _save_row(session, Absence, absence_id, values, "absence.not_found")


@transactional
def delete_absence(session: Session, absence_id: int) -> None:
    _delete_row(session, Absence, absence_id, "absence.not_found")


# ----- lifecycle ------------------------------------------------------------------------


def _done_columns(session: Session) -> set[int]:
    return set(session.scalars(select(BoardColumn.id).where(BoardColumn.is_done.is_(True))))


@transactional
def start_sprint(session: Session, sprint_id: int) -> None:
    """Start a planned sprint: its scope now is the commitment; later additions show as added."""
    sprint = _sprint(session, sprint_id)
    if sprint.state != SprintState.PLANNED.value:
        raise ConflictError("sprint.not_planned", name=sprint.name)
    running = session.scalar(
        select(Sprint).where(
            Sprint.state == SprintState.ACTIVE.value,
            func.lower(Sprint.team) == sprint.team.lower(),
        )
    )
    if running is not None:
        raise ConflictError("sprint.other_active", name=running.name)
    sprint.state = SprintState.ACTIVE.value
    sprint.started_at = utcnow()
    needs = session.execute(select(Need.id, Need.points).where(Need.sprint_id == sprint_id)).all()
    if needs:
        session.execute(
            insert(SprintCommitment),
            [{"sprint_id": sprint_id, "need_id": n, "points": p} for n, p in needs],
        )


def next_sprint(session: Session, sprint: Sprint) -> Sprint | None:
    """The team's next planned sprint after this one."""
    return session.scalar(
        select(Sprint)
        .where(
            Sprint.state == SprintState.PLANNED.value,
            func.lower(Sprint.team) == sprint.team.lower(),
            Sprint.start_date > sprint.end_date,
        )
        .order_by(Sprint.start_date)
        .limit(1)
    )


NEXT, BACKLOG = "next", "backlog"


@transactional
def close_sprint(
    session: Session,
    sprint_id: int,
    default: str = NEXT,
    choices: dict[int, str] | None = None,
) -> None:
    """Close the active sprint: each unfinished need goes to the next sprint or back to
    the backlog (``choices`` per need, else ``default``), recorded as sprint events;
    the sprint's velocity is the points of the needs it finished. All or nothing.
    """
    sprint = _sprint(session, sprint_id)
    if sprint.state != SprintState.ACTIVE.value:
        raise ConflictError("sprint.not_active", name=sprint.name)
    clean_choice(default, "sprint", (NEXT, BACKLOG))
    done = _done_columns(session)
    members = session.execute(
        select(Need.id, Need.column_id, Need.points).where(Need.sprint_id == sprint_id)
    ).all()
    unfinished = [n for n, column, _p in members if column not in done]
    targets = {n: (choices or {}).get(n, default) for n in unfinished}
    following = next_sprint(session, sprint)
    if following is None and NEXT in targets.values():
        raise ConflictError("sprint.no_next", name=sprint.name)
    now = utcnow()
    for need_id, target in targets.items():
        new_sprint = following.id if target == NEXT and following is not None else None
        _event(session, need_id, EventField.SPRINT, sprint_id, new_sprint, now)
        need = session.get(Need, need_id)
        assert need is not None
        need.sprint_id = new_sprint
        need.updated_at = now
    sprint.velocity = float(sum(p or 0 for _n, column, p in members if column in done))
    sprint.state = SprintState.CLOSED.value
    sprint.closed_at = now


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
    sprint = _sprint(session, sprint_id)
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
                _sprints_in_range(),  # an older file's sprint in the year 1 is no history
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


def added_during(session: Session, sprint_id: int) -> set[int]:
    """Needs in a started sprint that were not in its committed scope."""
    committed = set(
        session.scalars(
            select(SprintCommitment.need_id).where(SprintCommitment.sprint_id == sprint_id)
        )
    )
    sprint = _sprint(session, sprint_id)
    if sprint.state == SprintState.PLANNED.value:
        return set()
    current = set(session.scalars(select(Need.id).where(Need.sprint_id == sprint_id)))
    return current - committed


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
