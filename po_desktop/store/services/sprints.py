"""Sprints: plan, start and close them; the dates a workspace can plan with.

Each service is one user action; the change protocol (store/changes.py) records
and undoes what it wrote. Rituals and absences are in ``rituals``, workspace settings
in ``workspace``, and what the calendar shows in ``store.calendar_queries``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from po_desktop.domain.calendar import EARLIEST, LATEST, in_range, overlaps
from po_desktop.domain.enums import EventField, SprintState
from po_desktop.domain.messages import Bilingual, Message, choice_label, day_label
from po_desktop.store import identity
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.identity import check_version
from po_desktop.store.models import (
    Absence,
    BoardColumn,
    Ceremony,
    Need,
    Person,
    Sprint,
    SprintCommitment,
    SprintMember,
    utcnow,
)
from po_desktop.store.services._base import (
    LONG_TEXT_MAX,
    _event,
    clean_choice,
    clean_number,
    clean_text,
    find_named,
    locked,
    transactional,
)

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
    check_in_range(day, name)
    return day


def check_in_range(day: date, name: str) -> None:
    """Refuse a day a workspace cannot plan with, naming the field."""
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


def sprints_in_range() -> Any:
    """The SQL condition of a sprint whose dates a workspace can plan with."""
    return (Sprint.start_date >= EARLIEST) & (Sprint.end_date <= LATEST)


def dates_out_of_range(session: Session) -> list[Message]:
    """Every stored sprint, ritual and absence whose dates a workspace cannot plan with,
    each said in a message (``check`` lists them; exports leave them out)."""
    problems: list[Message] = []
    for sprint in session.scalars(select(Sprint).where(~sprints_in_range()).order_by(Sprint.id)):
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
def update_sprint(
    session: Session, sprint_id: int, data: SprintInput, *, version: int | None = None
) -> None:
    """Edit a sprint and its members. ``version``: the sprint's version the form was
    filled from; if someone has changed the sprint since, nothing is written and
    :class:`ConflictError` says who and when (the form keeps what was typed)."""
    sprint = locked(session, Sprint, sprint_id, version)
    if sprint is None:
        raise NotFoundError("sprint.not_found", ref=sprint_id)
    check_version(sprint, version)
    values = _check_sprint(session, data, sprint_id)
    for key, value in values.items():
        setattr(sprint, key, value)
    members = session.scalars(
        select(SprintMember.person_id).where(SprintMember.sprint_id == sprint_id)
    )
    if set(members) != set(data.member_ids):
        identity.touch(session, sprint)  # its team is part of the sprint
    _set_members(session, sprint_id, data.member_ids)


@transactional
def delete_sprint(session: Session, sprint_id: int) -> None:
    """Remove an empty sprint with its rituals; one still holding needs is refused."""
    sprint = get_sprint(session, sprint_id)
    count = session.scalar(select(func.count()).where(Need.sprint_id == sprint_id)) or 0
    if count:
        raise ConflictError("sprint.has_needs", name=sprint.name, count=count)
    for model in (Ceremony, SprintMember, SprintCommitment):
        session.execute(delete(model).where(model.sprint_id == sprint_id))  # type: ignore[attr-defined]
    session.execute(delete(Sprint).where(Sprint.id == sprint_id))
    session.expire_all()


def get_sprint(session: Session, sprint_id: int) -> Sprint:
    """The sprint with this id; NotFoundError when there is none."""
    sprint = session.get(Sprint, sprint_id)
    if sprint is None:
        raise NotFoundError("sprint.not_found", ref=sprint_id)
    return sprint


def find_sprint(session: Session, ref: str | int) -> Sprint:
    """A sprint by id or name (case-insensitive)."""
    return find_named(session, Sprint, ref, "sprint.not_found")


# ----- lifecycle ------------------------------------------------------------------------


def _done_columns(session: Session) -> set[int]:
    return set(session.scalars(select(BoardColumn.id).where(BoardColumn.is_done.is_(True))))


@transactional
def start_sprint(session: Session, sprint_id: int) -> None:
    """Start a planned sprint: its scope now is the commitment; later additions show as added."""
    sprint = get_sprint(session, sprint_id)
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
    sprint = get_sprint(session, sprint_id)
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
