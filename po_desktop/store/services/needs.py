"""Needs: create, edit, move, delete — and exact snapshots so every change can be undone.

Each mutating service returns a :class:`NeedChange` holding the state of every
need it touched before and after. Undo applies ``before``, redo applies
``after``: column, rank, tags, assessments and the event history come back
exactly, because they are part of the snapshot.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, delete, func, insert, select, update
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


class Unchanged:
    """Type of :data:`UNCHANGED`: "leave this field as it is", distinct from None."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = Unchanged()


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


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield list(ids[i : i + size])


@functools.cache
def _snapshot_statements() -> tuple[Select, ...]:
    """Built once, run with an expanding ``ids`` list: every undoable action takes two
    snapshots, and constructing these SELECTs cost more than running them."""
    ids = bindparam("ids", expanding=True)
    need, event = Need.__table__, NeedEvent.__table__
    assessment, value = Assessment.__table__, AssessmentValue.__table__
    commitment = SprintCommitment.__table__
    return (
        select(need).where(need.c.id.in_(ids)),
        select(NeedTag.need_id, NeedTag.name).where(NeedTag.need_id.in_(ids)),
        select(event).where(event.c.need_id.in_(ids)).order_by(event.c.id),
        select(assessment)
        .where(assessment.c.need_id.in_(ids))
        .order_by(assessment.c.need_id, assessment.c.version),
        select(value)
        .where(value.c.assessment_id.in_(ids))
        .order_by(value.c.assessment_id, value.c.criterion_id),
        select(commitment).where(commitment.c.need_id.in_(ids)).order_by(commitment.c.sprint_id),
    )


def snapshots(session: Session, need_ids: Sequence[int]) -> dict[int, NeedSnapshot | None]:
    """Snapshots of many needs in a handful of queries (one per table and 500 ids)."""
    session.flush()
    result: dict[int, NeedSnapshot | None] = dict.fromkeys(need_ids)
    need_q, tag_q, event_q, assessment_q, value_q, commit_q = _snapshot_statements()

    def run(stmt: Select, ids: list[int]) -> Any:
        return session.execute(stmt, {"ids": ids})

    for chunk in _chunks(list(dict.fromkeys(need_ids))):
        rows = {r["id"]: dict(r) for r in run(need_q, chunk).mappings().all()}
        if not rows:
            continue
        present = list(rows)
        tags: dict[int, list[str]] = {i: [] for i in present}
        for need_id, name in run(tag_q, present):
            tags[need_id].append(name)
        events: dict[int, list[dict[str, Any]]] = {i: [] for i in present}
        for row in run(event_q, present).mappings():
            events[row["need_id"]].append(dict(row))
        assessments: dict[int, list[tuple[dict[str, Any], tuple[dict[str, Any], ...]]]] = {
            i: [] for i in present
        }
        assessment_rows = [dict(r) for r in run(assessment_q, present).mappings()]
        values: dict[int, list[dict[str, Any]]] = {r["id"]: [] for r in assessment_rows}
        if assessment_rows:
            for row in run(value_q, list(values)).mappings():
                values[row["assessment_id"]].append(dict(row))
        for row in assessment_rows:
            assessments[row["need_id"]].append((row, tuple(values[row["id"]])))
        commitments: dict[int, list[dict[str, Any]]] = {i: [] for i in present}
        for row in run(commit_q, present).mappings():
            commitments[row["need_id"]].append(dict(row))
        for need_id, row in rows.items():
            result[need_id] = NeedSnapshot(
                id=need_id,
                row=row,
                tags=tuple(sorted(tags[need_id], key=str.casefold)),
                events=tuple(events[need_id]),
                assessments=tuple(assessments[need_id]),
                commitments=tuple(commitments[need_id]),
            )
    return result


def snapshot(session: Session, need_id: int) -> NeedSnapshot | None:
    return snapshots(session, [need_id])[need_id]


class _Recorder:
    """Collects the needs an action touches; 'before' is read before the first change."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.change = NeedChange()

    def touch(self, need_id: int) -> None:
        if need_id not in self.change.before:
            self.change.before[need_id] = snapshot(self.session, need_id)

    def touch_many(self, need_ids: Sequence[int]) -> None:
        missing = [i for i in need_ids if i not in self.change.before]
        if missing:
            self.change.before.update(snapshots(self.session, missing))

    def created(self, need_id: int) -> None:
        self.change.before.setdefault(need_id, None)

    def finish(self, primary_id: int | None = None) -> NeedChange:
        self.session.flush()
        self.change.after = snapshots(self.session, list(self.change.before))
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


_NO_SYNC = {"synchronize_session": False}


def _set_tags(session: Session, need_id: int, tags: list[str]) -> None:
    # Core statements without session synchronisation: scanning the identity map
    # would make every edit slower as a long-lived session fills up.
    session.execute(delete(NeedTag).where(NeedTag.need_id == need_id), execution_options=_NO_SYNC)
    if tags:
        session.execute(insert(NeedTag), [{"need_id": need_id, "name": t} for t in tags])
    need = session.get(Need, need_id)
    if need is not None:
        session.expire(need, ["tags"])


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
        column_since=now,
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


def _neighbours(
    session: Session, column_id: int, before_id: int | None, moving: set[int]
) -> tuple[int | None, int | None]:
    """Ranks of the cards just above and below the drop point, ignoring the moving cards.

    Two indexed lookups instead of reading the column: a move stays cheap in a
    column of thousands of cards.
    """
    others = Need.column_id == column_id
    if moving:
        others = others & Need.id.not_in(moving)
    if before_id is None:
        return session.scalar(select(func.max(Need.rank)).where(others)), None
    target = session.get(Need, before_id)
    if target is None or target.column_id != column_id:
        raise NotFoundError("need.not_found", ref=before_id)
    upper: int | None = target.rank
    if before_id in moving:
        # Dropping a selection onto one of its own cards: land where that card was.
        upper = session.scalar(select(func.min(Need.rank)).where(others, Need.rank > target.rank))
        lower = session.scalar(select(func.max(Need.rank)).where(others, Need.rank < target.rank))
        return lower, upper
    lower = session.scalar(select(func.max(Need.rank)).where(others, Need.rank < upper))
    return lower, upper


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
    lower, upper = _neighbours(session, column_id, before_id, moving)
    new_ranks = _ranks_between(lower, upper, len(needs))
    if new_ranks is None:
        # No room left between the neighbours: renumber the whole column (rare).
        others = [
            (nid, rank)
            for nid, rank in session.execute(
                select(Need.id, Need.rank).where(Need.column_id == column_id).order_by(Need.rank)
            )
            if nid not in moving
        ]
        index = sum(1 for _nid, rank in others if lower is not None and rank <= lower)
        order = [nid for nid, _r in others[:index]] + [n.id for n in needs]
        order += [nid for nid, _r in others[index:]]
        spread = dict(zip(order, ranks.spread(len(order)), strict=True))
        for nid, rank in others:
            if spread[nid] != rank:
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
            need.column_since = now
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
    session: Session,
    need_ids: Sequence[int],
    column_id: int,
    before_id: int | None = None,
    *,
    assignee_id: int | Unchanged | None = UNCHANGED,
) -> NeedChange:
    """Put needs, in this order, into a column just above ``before_id`` (None: at the bottom).

    ``assignee_id`` also gives them to someone (None: nobody) in the same action: a card
    dropped into another person's swimlane is one undoable step.
    """
    needs = _load(session, need_ids)
    recorder = _Recorder(session)
    recorder.touch_many([n.id for n in needs])
    now = utcnow()
    if not isinstance(assignee_id, Unchanged):
        if assignee_id is not None and session.get(Person, assignee_id) is None:
            raise NotFoundError("person.not_found", ref=assignee_id)
        for need in needs:
            if need.assignee_id != assignee_id:
                need.assignee_id = assignee_id
                need.updated_at = now
    _place(session, needs, column_id, before_id, now, recorder)
    return recorder.finish(needs[0].id if needs else None)


def _load(session: Session, need_ids: Sequence[int]) -> list[Need]:
    needs = []
    for need_id in need_ids:
        need = session.get(Need, need_id)
        if need is None:
            raise NotFoundError("need.not_found", ref=need_id)
        needs.append(need)
    return needs


@transactional
def assign_needs(session: Session, need_ids: Sequence[int], person_id: int | None) -> NeedChange:
    """Give needs to one person (None: nobody); the board's "Assign" action."""
    if person_id is not None and session.get(Person, person_id) is None:
        raise NotFoundError("person.not_found", ref=person_id)
    needs = _load(session, need_ids)
    recorder = _Recorder(session)
    recorder.touch_many(list(need_ids))
    now = utcnow()
    for need in needs:
        if need.assignee_id != person_id:
            need.assignee_id = person_id
            need.updated_at = now
    return recorder.finish(needs[0].id if needs else None)


@transactional
def plan_needs(session: Session, need_ids: Sequence[int], sprint_id: int | None) -> NeedChange:
    """Put needs into a sprint (None: back to the backlog), recorded as sprint events."""
    if sprint_id is not None:
        sprint = session.get(Sprint, sprint_id)
        if sprint is None:
            raise NotFoundError("sprint.not_found", ref=sprint_id)
        if sprint.state == "closed":
            raise ConflictError("sprint.closed", name=sprint.name)
    needs = _load(session, need_ids)
    recorder = _Recorder(session)
    recorder.touch_many(list(need_ids))
    now = utcnow()
    for need in needs:
        if need.sprint_id != sprint_id:
            _event(session, need.id, EventField.SPRINT, need.sprint_id, sprint_id, now)
            need.sprint_id = sprint_id
            need.updated_at = now
    return recorder.finish(needs[0].id if needs else None)


@transactional
def duplicate_needs(session: Session, need_ids: Sequence[int]) -> NeedChange:
    """Copies with new keys, each just below its original; scoring and history start afresh.

    A copy keeps what describes the need (texts, project, unit, tags, points,
    assignee) but not its sprint: planning the copy is a decision of its own.
    """
    sources = _load(session, need_ids)
    recorder = _Recorder(session)
    now = utcnow()
    first: int | None = None
    for source in sources:
        project = session.get(Project, source.project_id)
        assert project is not None
        if project.archived:
            raise ValidationError("project.archived", field="project", code=project.code)
        copy = Need(
            **{
                name: getattr(source, name)
                for name in (
                    "project_id",
                    "title",
                    "problem",
                    "solution",
                    "requester",
                    "source",
                    "business_unit",
                    "technical",
                    "column_id",
                    "points",
                    "assignee_id",
                    "acceptance",
                )
            },
            number=_claim_number(session, project, None),
            rank=source.rank,
            created_at=now,
            updated_at=now,
            column_since=now,
            done_at=now if source.done_at is not None else None,
        )
        session.add(copy)
        session.flush()
        recorder.created(copy.id)
        first = first if first is not None else copy.id
        _set_tags(session, copy.id, list(source.tag_names))
        _event(session, copy.id, EventField.CREATED, None, copy.column_id, now)
        if copy.points is not None:
            _event(session, copy.id, EventField.POINTS, None, copy.points, now)
        below = session.scalar(
            select(Need.id)
            .where(Need.column_id == source.column_id, Need.rank > source.rank)
            .order_by(Need.rank)
            .limit(1)
        )
        _place(session, [copy], source.column_id, below, now, recorder)
    return recorder.finish(first)


@transactional
def delete_needs(session: Session, need_ids: Sequence[int]) -> NeedChange:
    recorder = _Recorder(session)
    recorder.touch_many(need_ids)
    missing = [need_id for need_id in need_ids if recorder.change.before[need_id] is None]
    if missing:
        raise NotFoundError("need.not_found", ref=missing[0])
    for chunk in _chunks(list(need_ids)):
        session.execute(delete(Need).where(Need.id.in_(chunk)), execution_options=_NO_SYNC)
    session.expire_all()
    return recorder.finish()


@transactional
def apply_snapshots(session: Session, states: dict[int, NeedSnapshot | None]) -> None:
    """Set needs to exactly these states (None: absent). Undo and redo use this.

    Set-based: undoing an import of 10,000 needs is a few statements per 500
    needs, not a few per need.
    """
    session.flush()
    gone = [need_id for need_id, state in states.items() if state is None]
    kept = [state for state in states.values() if state is not None]
    kept_ids = [state.id for state in kept]
    for chunk in _chunks(gone):
        session.execute(delete(Need).where(Need.id.in_(chunk)), execution_options=_NO_SYNC)
    for chunk in _chunks(kept_ids):
        for table, column in (
            (NeedTag, NeedTag.need_id),
            (NeedEvent, NeedEvent.need_id),
            (Assessment, Assessment.need_id),
            (SprintCommitment, SprintCommitment.need_id),
        ):
            session.execute(delete(table).where(column.in_(chunk)), execution_options=_NO_SYNC)
    existing: set[int] = set()
    for chunk in _chunks(kept_ids):
        existing.update(session.scalars(select(Need.id).where(Need.id.in_(chunk))))
    updates = [state.row for state in kept if state.id in existing]
    inserts = [state.row for state in kept if state.id not in existing]
    if updates:
        # Park moved numbers first so swapping keys between needs cannot collide.
        session.execute(
            update(Need).where(Need.id.in_([r["id"] for r in updates])).values(number=-Need.id),
            execution_options=_NO_SYNC,
        )
        session.execute(update(Need), updates)
    if inserts:
        session.execute(insert(Need), inserts)
    tag_rows = [{"need_id": s.id, "name": t} for s in kept for t in s.tags]
    event_rows = [e for s in kept for e in s.events]
    assessment_rows = [a for s in kept for a, _v in s.assessments]
    value_rows = [v for s in kept for _a, values in s.assessments for v in values]
    commitment_rows = [c for s in kept for c in s.commitments]
    for model, rows in (
        (NeedTag, tag_rows),
        (NeedEvent, event_rows),
        (Assessment, assessment_rows),
        (AssessmentValue, value_rows),
        (SprintCommitment, commitment_rows),
    ):
        if rows:
            session.execute(insert(model), rows)
    highest: dict[int, int] = {}
    for state in kept:
        project_id, number = state.row["project_id"], state.row["number"]
        highest[project_id] = max(highest.get(project_id, 0), number)
    for project_id, number in highest.items():
        session.execute(
            update(Project)
            .where(Project.id == project_id, Project.next_number <= number)
            .values(next_number=number + 1),
            execution_options=_NO_SYNC,
        )
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
