"""Needs: create, edit, move, delete — and exact snapshots so every change can be undone.

Each mutating service returns a :class:`NeedChange` holding the state of every
need it touched before and after. Undo applies ``before``, redo applies
``after``: column, rank, tags, assessments and the event history come back
exactly, because they are part of the snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from po_desktop.domain import ranks
from po_desktop.domain.enums import EventField, Source
from po_desktop.domain.keys import format_key, parse_key
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.models import (
    Assessment,
    AssessmentValue,
    BoardColumn,
    Need,
    NeedEvent,
    NeedTag,
    Person,
    Project,
    Sprint,
    SprintCommitment,
    utcnow,
)
from po_desktop.store.services._base import (
    LONG_TEXT_MAX,
    clean_bool,
    clean_choice,
    clean_number,
    clean_tags,
    clean_text,
    transactional,
)

MAX_POINTS = 1000


@dataclass
class NeedInput:
    """Everything a user types about a need; ids refer to existing rows."""

    title: str
    problem: str
    project_id: int
    solution: str = ""
    requester: str = ""
    source: str = Source.OTHER.value
    business_unit: str = ""
    technical: bool = True
    column_id: int | None = None
    points: float | str | None = None
    """A number, or the text a user typed ("0,5"): the service parses and checks it."""
    sprint_id: int | None = None
    assignee_id: int | None = None
    tags: Sequence[str] = ()
    acceptance: str = ""


@dataclass(frozen=True)
class NeedSnapshot:
    """A need with everything that hangs off it, enough to recreate it byte for byte."""

    id: int
    row: dict[str, Any]
    tags: tuple[str, ...]
    events: tuple[dict[str, Any], ...]
    assessments: tuple[tuple[dict[str, Any], tuple[dict[str, Any], ...]], ...]
    commitments: tuple[dict[str, Any], ...]


@dataclass
class NeedChange:
    """What one user action did to needs: the state of each touched need before and after."""

    before: dict[int, NeedSnapshot | None] = field(default_factory=dict)
    after: dict[int, NeedSnapshot | None] = field(default_factory=dict)
    primary_id: int | None = None

    @property
    def need_ids(self) -> list[int]:
        return list(self.before)


def _columns_of(model: type) -> list[str]:
    return [c.key for c in model.__table__.columns]  # type: ignore[attr-defined]


_NEED_COLS = _columns_of(Need)
_EVENT_COLS = _columns_of(NeedEvent)
_ASSESSMENT_COLS = _columns_of(Assessment)
_VALUE_COLS = _columns_of(AssessmentValue)
_COMMIT_COLS = _columns_of(SprintCommitment)


def _row(obj: object, cols: Iterable[str]) -> dict[str, Any]:
    return {c: getattr(obj, c) for c in cols}


def snapshot(session: Session, need_id: int) -> NeedSnapshot | None:
    need = session.get(Need, need_id)
    if need is None:
        return None
    session.flush()
    events = session.scalars(
        select(NeedEvent).where(NeedEvent.need_id == need_id).order_by(NeedEvent.id)
    )
    assessments = []
    for assessment in session.scalars(
        select(Assessment).where(Assessment.need_id == need_id).order_by(Assessment.version)
    ):
        values = tuple(_row(v, _VALUE_COLS) for v in assessment.values)
        assessments.append((_row(assessment, _ASSESSMENT_COLS), values))
    commitments = session.scalars(
        select(SprintCommitment).where(SprintCommitment.need_id == need_id)
    )
    tags = session.scalars(select(NeedTag.name).where(NeedTag.need_id == need_id))
    return NeedSnapshot(
        id=need_id,
        row=_row(need, _NEED_COLS),
        tags=tuple(sorted(tags, key=str.casefold)),
        events=tuple(_row(e, _EVENT_COLS) for e in events),
        assessments=tuple(assessments),
        commitments=tuple(_row(c, _COMMIT_COLS) for c in commitments),
    )


class _Recorder:
    """Takes the 'before' snapshot the first time a need is touched in an action."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.change = NeedChange()

    def touch(self, need_id: int) -> None:
        if need_id not in self.change.before:
            self.change.before[need_id] = snapshot(self.session, need_id)

    def created(self, need_id: int) -> None:
        self.change.before.setdefault(need_id, None)

    def finish(self, primary_id: int | None = None) -> NeedChange:
        self.session.flush()
        for need_id in self.change.before:
            self.change.after[need_id] = snapshot(self.session, need_id)
        self.change.primary_id = primary_id
        return self.change


def _event(
    session: Session, need_id: int, kind: EventField, old: object, new: object, at: datetime
) -> None:
    session.add(
        NeedEvent(
            need_id=need_id,
            at=at,
            field=kind.value,
            old_value=None if old is None else _event_value(old),
            new_value=None if new is None else _event_value(new),
        )
    )


def _event_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _first_column(session: Session) -> BoardColumn:
    column = session.scalar(select(BoardColumn).order_by(BoardColumn.position).limit(1))
    if column is None:
        raise NotFoundError("column.not_found", ref="—")
    return column


def _bottom_rank(session: Session, column_id: int) -> int:
    top = session.scalar(select(func.max(Need.rank)).where(Need.column_id == column_id))
    return ranks.STEP if top is None else top + ranks.STEP


@dataclass
class _Clean:
    values: dict[str, Any]
    tags: list[str]


def _validate(session: Session, data: NeedInput) -> _Clean:
    values: dict[str, Any] = {
        "title": clean_text(data.title, "title", required=True, max_len=300),
        "problem": clean_text(data.problem, "problem", required=True, max_len=LONG_TEXT_MAX),
        "solution": clean_text(data.solution, "solution", max_len=LONG_TEXT_MAX),
        "requester": clean_text(data.requester, "requester", max_len=200),
        "source": clean_choice(data.source, "source", [s.value for s in Source]),
        "business_unit": clean_text(data.business_unit, "business_unit", max_len=80),
        "technical": clean_bool(data.technical, "technical"),
        "points": clean_number(data.points, "points", minimum=0, maximum=MAX_POINTS),
        "acceptance": clean_text(data.acceptance, "acceptance", max_len=LONG_TEXT_MAX),
    }
    project = session.get(Project, data.project_id)
    if project is None:
        raise NotFoundError("project.not_found", ref=data.project_id)
    values["project_id"] = project.id
    if data.column_id is not None and session.get(BoardColumn, data.column_id) is None:
        raise NotFoundError("column.not_found", ref=data.column_id)
    if data.sprint_id is not None and session.get(Sprint, data.sprint_id) is None:
        raise NotFoundError("sprint.not_found", ref=data.sprint_id)
    if data.assignee_id is not None and session.get(Person, data.assignee_id) is None:
        raise NotFoundError("person.not_found", ref=data.assignee_id)
    values["sprint_id"] = data.sprint_id
    values["assignee_id"] = data.assignee_id
    return _Clean(values, clean_tags(data.tags))


def _set_tags(session: Session, need_id: int, tags: list[str]) -> None:
    session.execute(delete(NeedTag).where(NeedTag.need_id == need_id))
    if tags:
        session.execute(insert(NeedTag), [{"need_id": need_id, "name": t} for t in tags])


def _claim_number(session: Session, project: Project, number: int | None) -> int:
    if number is None:
        number = project.next_number
    else:
        exists = session.scalar(
            select(Need.id).where(Need.project_id == project.id, Need.number == number)
        )
        if exists is not None:
            raise ConflictError("need.key_taken", key=format_key(project.code, number))
    project.next_number = max(project.next_number, number + 1)
    return number


@transactional
def create_need(session: Session, data: NeedInput, *, number: int | None = None) -> NeedChange:
    """A new need at the bottom of its column (the first column by default)."""
    clean = _validate(session, data)
    project = session.get(Project, clean.values["project_id"])
    assert project is not None
    if project.archived:
        raise ValidationError("project.archived", field="project", code=project.code)
    column = (
        session.get(BoardColumn, data.column_id)
        if data.column_id is not None
        else _first_column(session)
    )
    assert column is not None
    now = utcnow()
    need = Need(
        **clean.values,
        number=_claim_number(session, project, number),
        column_id=column.id,
        rank=_bottom_rank(session, column.id),
        created_at=now,
        updated_at=now,
        done_at=now if column.is_done else None,
    )
    session.add(need)
    session.flush()
    recorder = _Recorder(session)
    recorder.created(need.id)
    _set_tags(session, need.id, clean.tags)
    _event(session, need.id, EventField.CREATED, None, column.id, now)
    if need.sprint_id is not None:
        _event(session, need.id, EventField.SPRINT, None, need.sprint_id, now)
    if need.points is not None:
        _event(session, need.id, EventField.POINTS, None, need.points, now)
    return recorder.finish(need.id)


@transactional
def update_need(session: Session, need_id: int, data: NeedInput) -> NeedChange:
    """Edit every field; a change of column, sprint or points is recorded as an event."""
    need = session.get(Need, need_id)
    if need is None:
        raise NotFoundError("need.not_found", ref=need_id)
    clean = _validate(session, data)
    recorder = _Recorder(session)
    recorder.touch(need_id)
    now = utcnow()
    values = clean.values
    if values["project_id"] != need.project_id:
        project = session.get(Project, values["project_id"])
        assert project is not None
        if project.archived:
            raise ValidationError("project.archived", field="project", code=project.code)
        need.number = _claim_number(session, project, None)
    if values["sprint_id"] != need.sprint_id:
        _event(session, need.id, EventField.SPRINT, need.sprint_id, values["sprint_id"], now)
    if values["points"] != need.points:
        _event(session, need.id, EventField.POINTS, need.points, values["points"], now)
    for name, value in values.items():
        setattr(need, name, value)
    if data.column_id is not None and data.column_id != need.column_id:
        _place(session, [need], data.column_id, None, now, recorder)
    _set_tags(session, need.id, clean.tags)
    need.updated_at = now
    return recorder.finish(need.id)


def _place(
    session: Session,
    needs: list[Need],
    column_id: int,
    before_id: int | None,
    now: datetime,
    recorder: _Recorder,
) -> None:
    column = session.get(BoardColumn, column_id)
    if column is None:
        raise NotFoundError("column.not_found", ref=column_id)
    moving = {n.id for n in needs}
    if before_id is not None and before_id in moving:
        raise ValidationError("need.not_found", ref=before_id)
    others = [
        (nid, rank)
        for nid, rank in session.execute(
            select(Need.id, Need.rank).where(Need.column_id == column_id).order_by(Need.rank)
        )
        if nid not in moving
    ]
    if before_id is None:
        index = len(others)
    else:
        index = next((i for i, (nid, _r) in enumerate(others) if nid == before_id), None)
        if index is None:
            raise NotFoundError("need.not_found", ref=before_id)
    lower = others[index - 1][1] if index > 0 else None
    upper = others[index][1] if index < len(others) else None
    new_ranks = _ranks_between(lower, upper, len(needs))
    if new_ranks is None:
        # No room left between the neighbours: renumber the whole column.
        order = [nid for nid, _r in others[:index]] + [n.id for n in needs]
        order += [nid for nid, _r in others[index:]]
        spread = dict(zip(order, ranks.spread(len(order)), strict=True))
        for nid, _rank in others:
            if spread[nid] != _rank:
                recorder.touch(nid)
                other = session.get(Need, nid)
                assert other is not None
                other.rank = spread[nid]
        new_ranks = [spread[n.id] for n in needs]
    for need, rank in zip(needs, new_ranks, strict=True):
        recorder.touch(need.id)
        if need.column_id != column_id:
            _event(session, need.id, EventField.COLUMN, need.column_id, column_id, now)
            need.column_id = column_id
            need.done_at = now if column.is_done else None
            need.updated_at = now
        need.rank = rank


def _ranks_between(lower: int | None, upper: int | None, count: int) -> list[int] | None:
    result: list[int] = []
    current = lower
    if upper is None:
        base = ranks.STEP if lower is None else lower + ranks.STEP
        return [base + i * ranks.STEP for i in range(count)]
    floor = 0 if lower is None else lower
    gap = upper - floor
    if gap <= count:
        return None
    step = gap // (count + 1)
    for i in range(count):
        current = floor + step * (i + 1)
        result.append(current)
    return result


@transactional
def move_needs(
    session: Session, need_ids: Sequence[int], column_id: int, before_id: int | None = None
) -> NeedChange:
    """Put needs, in this order, into a column just above ``before_id`` (None: at the bottom)."""
    needs = []
    for need_id in need_ids:
        need = session.get(Need, need_id)
        if need is None:
            raise NotFoundError("need.not_found", ref=need_id)
        needs.append(need)
    recorder = _Recorder(session)
    _place(session, needs, column_id, before_id, utcnow(), recorder)
    return recorder.finish(needs[0].id if needs else None)


@transactional
def delete_needs(session: Session, need_ids: Sequence[int]) -> NeedChange:
    recorder = _Recorder(session)
    for need_id in need_ids:
        need = session.get(Need, need_id)
        if need is None:
            raise NotFoundError("need.not_found", ref=need_id)
        recorder.touch(need_id)
        session.delete(need)
    return recorder.finish()


@transactional
def apply_snapshots(session: Session, states: dict[int, NeedSnapshot | None]) -> None:
    """Set needs to exactly these states (None: absent). Undo and redo use this."""
    for need_id, state in states.items():
        existing = session.get(Need, need_id)
        if state is None:
            if existing is not None:
                session.delete(existing)
            continue
        if existing is None:
            session.execute(insert(Need), [state.row])
        else:
            for name, value in state.row.items():
                setattr(existing, name, value)
        session.flush()
        project = session.get(Project, state.row["project_id"])
        if project is not None and project.next_number <= state.row["number"]:
            project.next_number = state.row["number"] + 1
        _set_tags(session, need_id, list(state.tags))
        session.execute(delete(NeedEvent).where(NeedEvent.need_id == need_id))
        if state.events:
            session.execute(insert(NeedEvent), list(state.events))
        session.execute(delete(Assessment).where(Assessment.need_id == need_id))
        for row, values in state.assessments:
            session.execute(insert(Assessment), [row])
            if values:
                session.execute(insert(AssessmentValue), list(values))
        session.execute(delete(SprintCommitment).where(SprintCommitment.need_id == need_id))
        if state.commitments:
            session.execute(insert(SprintCommitment), list(state.commitments))
    session.flush()
    session.expire_all()


def find_need(session: Session, ref: str | int) -> Need:
    """A need by id or by key (``ERP-12``)."""
    if isinstance(ref, int):
        need = session.get(Need, ref)
    else:
        parsed = parse_key(ref)
        if parsed is None:
            raise ValidationError("need.bad_key", field="key", key=ref)
        code, number = parsed
        need = session.scalar(
            select(Need).join(Project).where(Project.code == code, Need.number == number)
        )
    if need is None:
        raise NotFoundError("need.not_found", ref=ref)
    return need


def need_input(need: Need) -> NeedInput:
    """The editable form of a need, for dialogs and partial updates."""
    return NeedInput(
        title=need.title,
        problem=need.problem,
        project_id=need.project_id,
        solution=need.solution,
        requester=need.requester,
        source=need.source,
        business_unit=need.business_unit,
        technical=need.technical,
        column_id=need.column_id,
        points=need.points,
        sprint_id=need.sprint_id,
        assignee_id=need.assignee_id,
        tags=list(need.tag_names),
        acceptance=need.acceptance,
    )
