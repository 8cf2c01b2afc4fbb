"""Read-side queries: flat rows for views, in one SQL statement each.

Views show thousands of needs; loading ORM objects one by one would be slow,
so these return plain frozen rows built from a single joined SELECT.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Container
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, String, bindparam, cast, func, select, union_all
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from po_desktop.domain.readiness import has_problem
from po_desktop.domain.text import fold, search_text
from po_desktop.store.models import (
    Assessment,
    AssessmentValue,
    BoardColumn,
    Ceremony,
    Criterion,
    Need,
    NeedTag,
    Person,
    Project,
    Sprint,
    SprintCommitment,
)

log = logging.getLogger(__name__)


class NeedRow(NamedTuple):
    """One need as lists and boards show it; a tuple, because 10,000 are built at start-up.

    Without its problem statement, a third of a row's memory at 100,000 needs: a search
    looks in ``text``, and a tooltip reads the statement when shown (:func:`need_problem`).
    """

    id: int
    key: str
    title: str
    text: str
    """What a search looks in (:func:`~po_desktop.domain.text.search_text`): made while
    the problem statement is at hand, the row does not keep it."""
    stated: bool
    """The need has a problem statement (:func:`~po_desktop.domain.readiness.has_problem`)."""
    project_id: int
    project_code: str
    project_color: str
    column_id: int
    column_name: str
    column_position: int
    rank: int
    points: float | None
    source: str
    business_unit: str
    technical: bool
    requester: str
    sprint_id: int | None
    sprint_name: str | None
    assignee_id: int | None
    assignee_name: str | None
    score: float | None
    decision: str | None
    tags_text: str | None
    """Tag names joined by U+001F, as SQLite's group_concat returns them."""
    column_since: datetime
    """When the need entered its column: the card's age."""
    sprint_state: str | None
    archived_at: datetime | None = None
    """When the need left the board (see services/archive.py); None while it is on it."""
    updated_at: datetime | None = None
    """When the need was last changed, and by whom (empty: not known)."""
    updated_by: str = ""

    def in_backlog(self, done_columns: Container[int]) -> bool:
        """Still to do: on the board (not archived) and in none of ``done_columns``. The
        ranked backlog ranks these needs alone."""
        return self.archived_at is None and self.column_id not in done_columns

    @property
    def tags(self) -> tuple[str, ...]:
        if not self.tags_text:
            return ()
        return tuple(sorted(self.tags_text.split(TAG_SEPARATOR), key=str.casefold))


TAG_SEPARATOR = "\x1f"


class joined(FunctionElement[str]):  # noqa: N801 — used as a SQL function
    """The texts of a group joined by a separator: ``group_concat`` on SQLite,
    ``string_agg`` on PostgreSQL (a team workspace)."""

    type = String()
    inherit_cache = True
    name = "joined"


@compiles(joined, "sqlite")
def _joined_sqlite(element: joined, compiler: Any, **kw: Any) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)})"


@compiles(joined, "postgresql")
def _joined_postgresql(element: joined, compiler: Any, **kw: Any) -> str:
    return f"string_agg({compiler.process(element.clauses, **kw)})"


_SHARED = tuple(
    NeedRow._fields.index(name)
    for name in (
        "project_code",
        "project_color",
        "column_name",
        "source",
        "business_unit",
        "requester",
        "sprint_name",
        "assignee_name",
        "decision",
        "tags_text",
        "sprint_state",
        "updated_by",
        "points",
        "score",
        "column_since",
        "updated_at",
    )
)
"""Fields with few distinct values: one object each, shared by every row that has it.
Texts, numbers and times: none of them equals a value of another kind, so one table
keeps them all. A move sets ``column_since`` and ``updated_at`` to the same time, and
an import gives its needs the same one: those rows share one datetime too."""
_CHUNK = 2000
"""Needs read and made into rows at a time (see :func:`need_rows`)."""


def need_rows(session: Session, *, need_ids: list[int] | None = None) -> list[NeedRow]:
    """All needs (or these ones) in one SELECT, through Core: no ORM object per row.

    The driver makes a new object per row and field; the few distinct values of a
    project, column, person or sprint name, of points and scores, and the times shared
    by several needs are kept once instead, which spares a third of the rows' memory at
    100,000 needs. The problem statement becomes the search text and whether there is
    one: 100,000 of them would hold a fifth of the rows' memory.
    """
    if need_ids is None:
        result = session.connection().execute(_need_rows_statement(False))
    else:
        result = session.connection().execute(_need_rows_statement(True), {"ids": need_ids})
    distinct: dict[object, object] = {}
    keep = distinct.setdefault
    shared = _SHARED

    def make(values: Any, text: str) -> NeedRow:
        fields = list(values)
        fields[3] = text
        fields.insert(4, has_problem(values[3]))  # the SELECT's columns are the row's from here
        for i in shared:
            value = fields[i]
            fields[i] = keep(value, value)
        return NeedRow._make(fields)

    rows: list[NeedRow] = []
    while chunk := result.fetchmany(_CHUNK):
        # The texts one after the other, in memory too: a search scans them 1.5 times
        # faster at 100,000 needs than texts made between the objects of each row.
        texts = [search_text(key, title, problem) for _id, key, title, problem, *_ in chunk]
        rows.extend(map(make, chunk, texts))
    return rows


@functools.cache
def _need_rows_statement(some: bool) -> Select:
    """Built once: constructing this SELECT costs more than running it for a few needs.

    Refreshing the cards a move touched runs it with ``some``, an expanding
    ``ids`` parameter.
    """
    ids = bindparam("ids", expanding=True)
    latest_q = select(Assessment.need_id, func.max(Assessment.version).label("version"))
    tags_q = select(NeedTag.need_id, joined(NeedTag.name, TAG_SEPARATOR).label("names"))
    if some:
        # A refresh of a few cards must not aggregate every need's tags and scores.
        latest_q = latest_q.where(Assessment.need_id.in_(ids))
        tags_q = tags_q.where(NeedTag.need_id.in_(ids))
    latest = latest_q.group_by(Assessment.need_id).subquery()
    tags = tags_q.group_by(NeedTag.need_id).subquery()
    current = aliased(Assessment)
    stmt = (
        select(
            Need.id,
            Project.code + "-" + cast(Need.number, String),
            Need.title,
            Need.problem,
            Project.id,
            Project.code,
            Project.color,
            BoardColumn.id,
            BoardColumn.name,
            BoardColumn.position,
            Need.rank,
            Need.points,
            Need.source,
            Need.business_unit,
            Need.technical,
            Need.requester,
            Sprint.id,
            Sprint.name,
            Person.id,
            Person.name,
            current.score,
            current.decision,
            tags.c.names,
            Need.column_since,
            Sprint.state,
            Need.archived_at,
            Need.updated_at,
            Need.updated_by,
        )
        .join(Project, Need.project_id == Project.id)
        .join(BoardColumn, Need.column_id == BoardColumn.id)
        .outerjoin(Sprint, Need.sprint_id == Sprint.id)
        .outerjoin(Person, Need.assignee_id == Person.id)
        .outerjoin(latest, latest.c.need_id == Need.id)
        .outerjoin(current, (current.need_id == Need.id) & (current.version == latest.c.version))
        .outerjoin(tags, tags.c.need_id == Need.id)
    )
    # All of them in the order of their ids, which SQLite's plan gives at no cost: a row
    # is then found by bisection (see po_desktop.ui.need_rows).
    return stmt.where(Need.id.in_(ids)) if some else stmt.order_by(Need.id)


@dataclass(frozen=True, slots=True)
class SprintRow:
    id: int
    name: str
    goal: str
    start_date: object
    end_date: object
    state: str
    velocity: float | None
    need_count: int
    points: float
    done_points: float
    ceremony_count: int
    committed: float | None = None
    """A started sprint's points when it started (its commitment); None before."""

    @property
    def shown_points(self) -> float:
        """What the sprint list shows: a closed sprint's commitment (its needs now are the
        ones done, the rest went on at the close), else the points it holds."""
        if self.state == "closed" and self.committed is not None:
            return self.committed
        return self.points


def sprint_rows(session: Session, *, figures: bool = True) -> list[SprintRow]:
    """Every sprint with its needs, points, done points and ceremonies counted.

    ``figures`` False: the sprints alone, those four at zero, without reading every need
    (what the board's first paint needs: names and states; ~12 ms less at 10,000 needs).
    """
    if not figures:
        return [
            SprintRow(
                s.id, s.name, s.goal, s.start_date, s.end_date, s.state, s.velocity, 0, 0.0, 0.0, 0
            )
            for s in session.scalars(select(Sprint).order_by(Sprint.start_date))
        ]
    need_stats = (
        select(
            Need.sprint_id,
            func.count(Need.id).label("n"),
            func.coalesce(func.sum(Need.points), 0).label("pts"),
            func.coalesce(func.sum(Need.points).filter(BoardColumn.is_done.is_(True)), 0).label(
                "done"
            ),
        )
        .join(BoardColumn, Need.column_id == BoardColumn.id)
        .group_by(Need.sprint_id)
        .subquery()
    )
    ceremonies = (
        select(Ceremony.sprint_id, func.count(Ceremony.id).label("c"))
        .group_by(Ceremony.sprint_id)
        .subquery()
    )
    commitments = (
        select(
            SprintCommitment.sprint_id,
            func.coalesce(func.sum(SprintCommitment.points), 0).label("committed"),
        )
        .group_by(SprintCommitment.sprint_id)
        .subquery()
    )
    stmt = (
        select(
            Sprint,
            func.coalesce(need_stats.c.n, 0),
            func.coalesce(need_stats.c.pts, 0),
            func.coalesce(need_stats.c.done, 0),
            func.coalesce(ceremonies.c.c, 0),
            func.coalesce(commitments.c.committed, 0),
        )
        .outerjoin(need_stats, need_stats.c.sprint_id == Sprint.id)
        .outerjoin(ceremonies, ceremonies.c.sprint_id == Sprint.id)
        .outerjoin(commitments, commitments.c.sprint_id == Sprint.id)
        .order_by(Sprint.start_date)
    )
    return [
        SprintRow(
            s.id,
            s.name,
            s.goal,
            s.start_date,
            s.end_date,
            s.state,
            s.velocity,
            int(n),
            float(pts),
            float(done),
            int(c),
            float(committed) if s.started_at is not None else None,
        )
        for s, n, pts, done, c, committed in session.execute(stmt)
    ]


def projects(session: Session, *, include_archived: bool = True) -> list[Project]:
    stmt = select(Project).order_by(Project.code)
    if not include_archived:
        stmt = stmt.where(Project.archived.is_(False))
    return list(session.scalars(stmt))


def people(session: Session) -> list[Person]:
    """Every person, in the order a reader looks for a name: « Émilie » among the E, not
    after « Thomas » (a byte order puts accented capitals last; on either engine)."""
    return sorted(
        session.scalars(select(Person).order_by(Person.name)), key=lambda p: (fold(p.name), p.id)
    )


def sprints(session: Session) -> list[Sprint]:
    return list(session.scalars(select(Sprint).order_by(Sprint.start_date)))


def need_problem(session: Session, need_id: int) -> str:
    """A need's problem statement, for a tooltip: rows do not keep it. "" for a need gone,
    and when the workspace cannot be read just now (the drive holding the file unplugged,
    the team server gone): a card hovered is no place for an error, the next action says
    what happened."""
    try:
        return session.scalar(select(Need.problem).where(Need.id == need_id)) or ""
    except DBAPIError as exc:
        log.warning("A problem statement could not be read for a tooltip: %s", exc)
        return ""


def need_counts_by_column(session: Session) -> dict[int, int]:
    """How many needs each column holds (a column without any is absent)."""
    query = select(Need.column_id, func.count()).group_by(Need.column_id)
    return {column_id: count for column_id, count in session.execute(query)}


@dataclass(frozen=True, slots=True)
class BoardStart:
    """What the board paints first: each column's top cards and its exact figures."""

    rows: list[NeedRow]
    """Each column's first ``per_column`` needs on the board, in rank order."""
    figures: dict[int, tuple[int, float]]
    """Per column: its needs on the board (archived ones aside) and their points."""
    needs: int
    """Every need of the workspace, archived ones included."""


def board_start(session: Session, column_ids: list[int], per_column: int) -> BoardStart:
    """The board's first screen without reading every need: a bounded read per column
    through the (column, rank) index, and the columns' counts and points from SQL."""
    # Read from the (column, rank, …, archived, points) index alone, in column order:
    # at 100,000 needs a fifth of reading the table through.
    figures = {
        column_id: (count, float(points or 0))
        for column_id, count, points in session.execute(
            select(Need.column_id, func.count(), func.coalesce(func.sum(Need.points), 0.0))
            .where(Need.archived_at.is_(None))
            .group_by(Need.column_id)
        )
    }
    # One statement for every column (one round trip to a server), each part still a
    # bounded read through the (column, rank) index.
    firsts = [
        select(Need.id)
        .where(Need.column_id == column_id, Need.archived_at.is_(None))
        .order_by(Need.rank, Need.id)
        .limit(per_column)
        .subquery()
        for column_id in column_ids
    ]
    ids = list(session.scalars(union_all(*(select(f.c.id) for f in firsts)))) if firsts else []
    needs = session.scalar(select(func.count()).select_from(Need)) or 0
    place = {column_id: n for n, column_id in enumerate(column_ids)}
    rows = (
        sorted(need_rows(session, need_ids=ids), key=lambda r: (place[r.column_id], r.rank, r.id))
        if ids
        else []
    )
    return BoardStart(rows, figures, needs)


def columns(session: Session) -> list[BoardColumn]:
    return list(session.scalars(select(BoardColumn).order_by(BoardColumn.position)))


def business_units(session: Session) -> list[str]:
    units = set(session.scalars(select(Need.business_unit).distinct()))
    units |= set(session.scalars(select(Person.business_unit).distinct()))
    return sorted((u for u in units if u), key=str.casefold)


def tag_names(session: Session) -> list[str]:
    return sorted(session.scalars(select(NeedTag.name).distinct()), key=str.casefold)


def latest_values(session: Session, model_id: int) -> dict[int, dict[str, float]]:
    """The values of each need whose current assessment was made with this grid.

    What-if, the backlog's criterion columns and the matrix read these; a need
    since re-scored on another grid is left out (its old values no longer count).
    One SELECT for every need, values keyed by criterion key.
    """
    latest = (
        select(Assessment.need_id, func.max(Assessment.version).label("version"))
        .group_by(Assessment.need_id)
        .subquery()
    )
    stmt = (
        select(Assessment.need_id, Criterion.key, AssessmentValue.value)
        .join(
            latest,
            (latest.c.need_id == Assessment.need_id) & (latest.c.version == Assessment.version),
        )
        .join(AssessmentValue, AssessmentValue.assessment_id == Assessment.id)
        .join(Criterion, Criterion.id == AssessmentValue.criterion_id)
        .where(Assessment.model_id == model_id)
    )
    result: dict[int, dict[str, float]] = {}
    for need_id, key, value in session.execute(stmt):
        result.setdefault(need_id, {})[key] = value
    return result
