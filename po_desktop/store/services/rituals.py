"""Rituals and absences: a team's cadence of sprints with their rituals, one ritual or
one absence at a time.

Each service is one user action; the change protocol (store/changes.py) records
and undoes what it wrote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from po_desktop.domain.cadence import CadenceError, RitualTimes, cadence, sprint_name
from po_desktop.domain.enums import CeremonyKind
from po_desktop.domain.messages import day_label
from po_desktop.store.errors import NotFoundError, ValidationError
from po_desktop.store.models import Absence, Ceremony, Person, Sprint
from po_desktop.store.services._base import (
    LONG_TEXT_MAX,
    clean_choice,
    clean_number,
    clean_text,
    transactional,
)
from po_desktop.store.services.sprints import (
    SprintInput,
    check_in_range,
    clean_date,
    create_sprint,
    get_sprint,
)
from po_desktop.store.services.workspace import holidays_between


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
    locations: Mapping[str, str] = field(default_factory=dict)
    """Where each kind of ritual takes place ("daily": "Open space")."""


@transactional
def generate_cadence(session: Session, data: CadenceInput) -> list[int]:
    """The next sprints of a team, back to back, each with its rituals: all or nothing."""
    start = clean_date(data.first_start, "start")
    horizon = start + timedelta(weeks=max(1, data.weeks) * max(1, data.count) + 1)
    off = holidays_between(session, start, horizon)
    pattern, weeks = data.name_pattern, max(1, data.weeks)
    try:
        plans = cadence(
            start,
            data.count,
            data.weeks,
            off.__contains__,
            names=lambda i: sprint_name(
                pattern, data.first_number + i, start + timedelta(weeks=weeks * i)
            ),
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
                    "location": data.locations.get(c.kind.value, ""),
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
    check_in_range(data.starts_at.date(), "start")
    minutes = clean_number(
        data.duration_minutes, "duration_minutes", minimum=5, maximum=24 * 60, allow_none=False
    )
    if data.sprint_id is not None:
        get_sprint(session, data.sprint_id)
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
