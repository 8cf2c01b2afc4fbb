"""Needs: create, edit, move, plan, assign, duplicate, delete.

Each service is one user action in one transaction; what it changed is recorded by
the change protocol (:mod:`po_desktop.store.changes`), which also undoes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from po_desktop.domain import ranks
from po_desktop.domain.enums import EventField, Source, SprintState
from po_desktop.domain.formatting import Clock
from po_desktop.domain.keys import format_key, parse_key
from po_desktop.domain.readiness import has_problem
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.models import (
    BoardColumn,
    Need,
    NeedTag,
    Person,
    Project,
    Sprint,
    utcnow,
)
from po_desktop.store.services._base import (
    LONG_TEXT_MAX,
    _event,
    clean_bool,
    clean_choice,
    clean_number,
    clean_tags,
    clean_text,
    transactional,
)

MAX_POINTS = 1000
SOURCES = tuple(s.value for s in Source)
TITLE_MAX = 300


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


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield list(ids[i : i + size])


def _first_column(session: Session) -> BoardColumn:
    column = session.scalar(select(BoardColumn).order_by(BoardColumn.position).limit(1))
    if column is None:
        raise NotFoundError("column.not_found", ref="—")
    return column


def _problem_before_leaving(
    session: Session, problem: str, column_id: int | None, key: str | None = None
) -> None:
    """Quick capture keeps its discipline: a title and a project make a need in the first
    column (qualification); it leaves that column only with a problem statement."""
    if has_problem(problem):
        return
    first = _first_column(session)
    if column_id is None or column_id == first.id:
        return
    column = session.get(BoardColumn, column_id)
    if column is None:
        return  # refused as a column not found
    if key is None:
        raise ValidationError(
            "need.problem_to_leave", field="problem", column=first.name, to=column.name
        )
    raise ValidationError(
        "need.problem_to_move", field="problem", key=key, column=first.name, to=column.name
    )


def _bottom_rank(session: Session, column_id: int) -> int:
    top = session.scalar(select(func.max(Need.rank)).where(Need.column_id == column_id))
    return ranks.STEP if top is None else top + ranks.STEP


@dataclass
class _Clean:
    values: dict[str, Any]
    tags: list[str]


TEXTS: dict[str, tuple[bool, int]] = {
    "title": (True, TITLE_MAX),
    "problem": (False, LONG_TEXT_MAX),  # required to leave the first column, not to exist
    "solution": (False, LONG_TEXT_MAX),
    "requester": (False, 200),
    "business_unit": (False, 80),
    "acceptance": (False, LONG_TEXT_MAX),
}
"""A need's texts: required, longest length."""


def _texts(data: NeedInput) -> dict[str, str]:
    return {
        name: clean_text(getattr(data, name), name, required=required, max_len=max_len)
        for name, (required, max_len) in TEXTS.items()
    }


def as_stored(data: NeedInput) -> NeedInput:
    """``data`` with its texts and tags as the store keeps them (line ends, spaces):
    compared with a stored need, equal means saving it would change nothing."""
    stored = replace(data, tags=clean_tags(data.tags))
    for name, text in _texts(data).items():
        setattr(stored, name, text)
    return stored


def _validate(
    session: Session, data: NeedInput, *, known: bool = False, column_id: int | None = None
) -> _Clean:
    """``data`` checked and cleaned; ``known``: the caller has checked that its project,
    column and sprint exist (an import, from rows it loaded) and no assignee is set.
    ``column_id`` is where an edited need stays when the input names no column."""
    values: dict[str, Any] = _texts(data)  # a new dict: the need's values gather in it
    _problem_before_leaving(session, values["problem"], data.column_id or column_id)
    values["source"] = clean_choice(data.source, "source", SOURCES)
    values["technical"] = clean_bool(data.technical, "technical")
    values["points"] = clean_number(data.points, "points", minimum=0, maximum=MAX_POINTS)
    values["project_id"] = data.project_id
    values["sprint_id"] = data.sprint_id
    values["assignee_id"] = data.assignee_id
    if known and data.assignee_id is None:
        return _Clean(values, clean_tags(data.tags))
    project = session.get(Project, data.project_id)
    if project is None:
        raise NotFoundError("project.not_found", ref=data.project_id)
    if data.column_id is not None and session.get(BoardColumn, data.column_id) is None:
        raise NotFoundError("column.not_found", ref=data.column_id)
    if data.sprint_id is not None and session.get(Sprint, data.sprint_id) is None:
        raise NotFoundError("sprint.not_found", ref=data.sprint_id)
    if data.assignee_id is not None and session.get(Person, data.assignee_id) is None:
        raise NotFoundError("person.not_found", ref=data.assignee_id)
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
        # One statement reads and moves the counter: two people creating needs at once on
        # a team workspace wait for each other's row lock and get ERP-13 and ERP-14.
        claimed = session.execute(
            update(Project)
            .where(Project.id == project.id)
            .values(next_number=Project.next_number + 1)
            .returning(Project.next_number),
            execution_options=_NO_SYNC,
        ).scalar_one()
        set_committed_value(project, "next_number", claimed)
        return int(claimed) - 1
    else:
        exists = session.scalar(
            select(Need.id).where(Need.project_id == project.id, Need.number == number)
        )
        if exists is not None:
            raise ConflictError("need.key_taken", key=format_key(project.code, number))
    project.next_number = max(project.next_number, number + 1)
    return number


@transactional
def create_need(session: Session, data: NeedInput, *, number: int | None = None) -> int:
    """A new need at the bottom of its column (the first column by default); its id."""
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
    _set_tags(session, need.id, clean.tags)
    _event(session, need.id, EventField.CREATED, None, column.id, now)
    if need.sprint_id is not None:
        _event(session, need.id, EventField.SPRINT, None, need.sprint_id, now)
    if need.points is not None:
        _event(session, need.id, EventField.POINTS, None, need.points, now)
    return need.id


def changed_since(need: Need) -> ConflictError:
    """The refusal of a change built on an older version of ``need``: who changed it, when."""
    at = Clock(need.updated_at)
    if need.updated_by:
        return ConflictError("need.changed_by", key=need.key, who=need.updated_by, at=at)
    return ConflictError("need.changed_since", key=need.key, at=at)


@transactional
def update_need(
    session: Session, need_id: int, data: NeedInput, *, version: int | None = None
) -> None:
    """Edit every field; a change of column, sprint or points is recorded as an event.

    ``version``: the need's version the form was filled from (:attr:`Need.version`); if
    someone has changed the need since, nothing is written and :class:`ConflictError`
    says who and when (the form keeps what was typed)."""
    need = session.get(
        Need, need_id, with_for_update=version is not None, populate_existing=version is not None
    )
    if need is None:
        raise NotFoundError("need.not_found", ref=need_id)
    if version is not None and need.version != version:
        raise changed_since(need)
    clean = _validate(session, data, column_id=need.column_id)
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
        _place(session, [need], data.column_id, None, now)
    _set_tags(session, need.id, clean.tags)
    need.updated_at = now


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
) -> None:
    column = session.get(BoardColumn, column_id)
    if column is None:
        raise NotFoundError("column.not_found", ref=column_id)
    for need in needs:
        if need.column_id != column_id:
            _problem_before_leaving(session, need.problem, column_id, need.key)
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
                other = session.get(Need, nid)
                assert other is not None
                other.rank = spread[nid]
        new_ranks = [spread[n.id] for n in needs]
    for need, rank in zip(needs, new_ranks, strict=True):
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
) -> None:
    """Put needs, in this order, into a column just above ``before_id`` (None: at the bottom).

    ``assignee_id`` also gives them to someone (None: nobody) in the same action: a card
    dropped into another person's swimlane is one undoable step.
    """
    needs = _load(session, need_ids)
    now = utcnow()
    if not isinstance(assignee_id, Unchanged):
        if assignee_id is not None and session.get(Person, assignee_id) is None:
            raise NotFoundError("person.not_found", ref=assignee_id)
        for need in needs:
            if need.assignee_id != assignee_id:
                need.assignee_id = assignee_id
                need.updated_at = now
    _place(session, needs, column_id, before_id, now)


def _load(session: Session, need_ids: Sequence[int]) -> list[Need]:
    needs = []
    for need_id in need_ids:
        need = session.get(Need, need_id)
        if need is None:
            raise NotFoundError("need.not_found", ref=need_id)
        needs.append(need)
    return needs


@transactional
def assign_needs(session: Session, need_ids: Sequence[int], person_id: int | None) -> None:
    """Give needs to one person (None: nobody); the board's "Assign" action."""
    if person_id is not None and session.get(Person, person_id) is None:
        raise NotFoundError("person.not_found", ref=person_id)
    needs = _load(session, need_ids)
    now = utcnow()
    for need in needs:
        if need.assignee_id != person_id:
            need.assignee_id = person_id
            need.updated_at = now


@transactional
def plan_needs(session: Session, need_ids: Sequence[int], sprint_id: int | None) -> None:
    """Put needs into a sprint (None: back to the backlog), recorded as sprint events."""
    if sprint_id is not None:
        sprint = session.get(Sprint, sprint_id)
        if sprint is None:
            raise NotFoundError("sprint.not_found", ref=sprint_id)
        if sprint.state == SprintState.CLOSED.value:
            raise ConflictError("sprint.closed", name=sprint.name)
    needs = _load(session, need_ids)
    now = utcnow()
    for need in needs:
        if need.sprint_id != sprint_id:
            _event(session, need.id, EventField.SPRINT, need.sprint_id, sprint_id, now)
            need.sprint_id = sprint_id
            need.updated_at = now


@transactional
def duplicate_needs(session: Session, need_ids: Sequence[int]) -> list[int]:
    """Copies with new keys, each just below its original; scoring and history start afresh.

    A copy keeps what describes the need (texts, project, unit, tags, points,
    assignee) but not its sprint: planning the copy is a decision of its own.
    """
    sources = _load(session, need_ids)
    now = utcnow()
    copies: list[int] = []
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
        copies.append(copy.id)
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
        _place(session, [copy], source.column_id, below, now)
    return copies


@transactional
def delete_needs(session: Session, need_ids: Sequence[int]) -> None:
    """Needs and everything that hangs off them (events, tags, scorings)."""
    wanted = list(dict.fromkeys(need_ids))
    found: set[int] = set()
    for chunk in _chunks(wanted):
        found.update(session.scalars(select(Need.id).where(Need.id.in_(chunk))))
    missing = [need_id for need_id in wanted if need_id not in found]
    if missing:
        raise NotFoundError("need.not_found", ref=missing[0])
    for chunk in _chunks(wanted):
        session.execute(delete(Need).where(Need.id.in_(chunk)), execution_options=_NO_SYNC)
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
