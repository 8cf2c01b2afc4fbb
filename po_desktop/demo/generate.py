"""Writes the demo workspace: the defaults it relies on, its people, projects, sprints and
rituals, then every need with its history, in bulk and with precomputed ids."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import holidays
from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from po_desktop.demo.corpus import PEOPLE
from po_desktop.demo.drafts import POINTS, Builder, C, D, Draft, Q, R, T, V, archive_closed
from po_desktop.demo.rng import Rng
from po_desktop.demo.sprints import (
    CLOSED_SPRINTS,
    SPRINT_DAYS,
    SprintPlan,
    absence_rows_for,
    active_sprint_start,
    ceremony_rows_for,
    sprint_plans,
)
from po_desktop.demo.timeline import DAY_START, NOW, Timeline, utc
from po_desktop.domain import ranks
from po_desktop.domain.enums import (
    DEFAULT_COLUMNS,
    ArchiveReason,
    Decision,
    EventField,
    ProjectKind,
    SprintState,
)
from po_desktop.domain.grid_presets import DEFAULT_GRID
from po_desktop.domain.readiness import EntryRule
from po_desktop.store.bulk import claim_ids, insert_many, stored_as
from po_desktop.store.errors import ConflictError, ValidationError
from po_desktop.store.models import (
    Absence,
    Assessment,
    AssessmentValue,
    BoardColumn,
    Ceremony,
    Criterion,
    Need,
    NeedEvent,
    NeedTag,
    Person,
    Project,
    ScoringModel,
    Sprint,
    SprintCommitment,
    SprintMember,
)
from po_desktop.store.services import workspace
from po_desktop.store.services._base import transactional
from po_desktop.store.services.archive import auto_archive_days
from po_desktop.store.services.workspace import DEFAULT_MODEL_NAME

MAX_DEMO_NEEDS = 200_000


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`seed_demo` wrote, for the CLI and the welcome screen to report."""

    projects: int
    people: int
    needs: int
    sprints: int
    ceremonies: int
    assessments: int
    events: int


_STAGE_NAMES = tuple(name for name, _done in DEFAULT_COLUMNS)
"""The default columns, in the order of the stages ``Q`` to ``T``."""

_CAPACITY = (34, 44)
"""Points the team commits to at a sprint planning (its usual velocity)."""


def _check_count(needs: object) -> int:
    if isinstance(needs, bool) or not isinstance(needs, int):
        raise ValidationError("field.bad_number", field="needs", value=needs)
    if not 0 <= needs <= MAX_DEMO_NEEDS:
        raise ValidationError(
            "field.out_of_range", field="needs", value=needs, min=0, max=MAX_DEMO_NEEDS
        )
    return needs


def _ensure_empty(session: Session) -> None:
    """Refuse a workspace with user data: demo keys and names would collide with it."""
    for model in (Need, Project, Sprint, Person):
        if session.scalar(select(model.id).limit(1)) is not None:
            raise ConflictError("demo.not_empty")


_WIP_LIMITS = {"En cours": 5, "En revue": 3}
READY_RULES = {"Prêt": frozenset(EntryRule)}
"""The team's definition of ready: a need enters "Prêt" with a problem statement, an
estimate and a go decision. The generated needs that reach it meet all three."""


def _defaults(session: Session) -> tuple[list[int], int, list[int]]:
    """Ids of the default columns and grid, which the demo's history refers to.

    A fresh workspace has them; one whose workflow or grid was already reshaped
    is not fresh, and is refused like a workspace holding data.
    """
    workspace.initialize(session)
    columns = {c.name: c.id for c in session.scalars(select(BoardColumn))}
    model = session.scalar(select(ScoringModel).where(ScoringModel.name == DEFAULT_MODEL_NAME))
    criteria = (
        {}
        if model is None
        else {
            c.key: c.id
            for c in session.scalars(select(Criterion).where(Criterion.model_id == model.id))
        }
    )
    if (
        model is None
        or any(name not in columns for name in _STAGE_NAMES)
        or any(spec.key not in criteria for spec in DEFAULT_GRID)
    ):
        raise ConflictError("demo.not_empty")
    # The team's agreed work-in-progress limits and definition of ready, as a coached team
    # would set them.
    for name, limit in _WIP_LIMITS.items():
        column = session.get(BoardColumn, columns[name])
        if column is not None and column.wip_limit is None:
            column.wip_limit = limit
    for name, rules in READY_RULES.items():
        column = session.get(BoardColumn, columns[name])
        if column is not None and not column.entry_rules:
            column.entry_rules = rules
    return (
        [columns[name] for name in _STAGE_NAMES],
        model.id,
        [criteria[spec.key] for spec in DEFAULT_GRID],
    )


@transactional
def seed_demo(
    session: Session,
    *,
    needs: int = 240,
    seed: int = 7,
    today: date | None = None,
    clock: datetime | None = None,
) -> DemoSummary:
    """Fill an empty workspace with a realistic French demo: 2 projects, a team, 6 sprints.

    Deterministic for a given ``seed``, ``today`` and ``clock`` (ids included); ``today``
    defaults to the current date so that the active sprint is always current. Its history
    runs to the end of ``today``'s office hours, or to ``clock`` (Paris time) when that
    comes first: a demo built in the morning has no afternoon yet.
    """
    count = _check_count(needs)
    _ensure_empty(session)
    today = today or date.today()
    rng = Rng(seed)

    stage_id, model_id, criterion_ids = _defaults(session)

    # Calendar: French public holidays over the whole history.
    active_start = active_sprint_start(today)
    history_start = active_start - timedelta(days=SPRINT_DAYS * CLOSED_SPRINTS + 140)
    fr = holidays.country_holidays("FR", years=range(history_start.year, active_start.year + 2))

    def working(day: date) -> bool:
        return day.weekday() < 5 and day not in fr

    plans = sprint_plans(rng, today, working)
    active = plans[CLOSED_SPRINTS]
    now = datetime.combine(today, NOW)
    if clock is not None:  # built before the evening: nothing happened after it
        now = min(now, clock.replace(second=0, microsecond=0))
    now = max(now, datetime.combine(active.work_days[0], NOW))  # the sprint has a day
    line = Timeline(datetime.combine(history_start, DAY_START), now, working)
    builder = Builder(rng, line)

    # People, projects, sprints: a few rows, written as ORM objects for their ids.
    people: dict[str, int] = {}
    for spec in PEOPLE:
        person = Person(
            name=spec.name,
            role=spec.role,
            business_unit=spec.unit,
            availability=spec.availability,
            active=True,
        )
        session.add(person)
        session.flush()
        people[spec.key] = person.id
    project_rows = {
        "PLAT": Project(
            code="PLAT",
            name="Plateforme client",
            kind=ProjectKind.EXTERNAL.value,
            owner_id=people["claire"],
            color="#2E86AB",
            archived=False,
            next_number=1,
            created_at=utc(datetime.combine(history_start - timedelta(days=30), time(10, 0))),
        ),
        "ERP": Project(
            code="ERP",
            name="Déploiement ERP",
            kind=ProjectKind.INTERNAL.value,
            owner_id=people["julien"],
            color="#E07A1F",
            archived=False,
            next_number=1,
            created_at=utc(datetime.combine(history_start - timedelta(days=23), time(10, 0))),
        ),
    }
    session.add_all(project_rows.values())
    sprint_rows: list[Sprint] = []
    for plan in plans:
        sprint = Sprint(
            name=plan.name,
            goal=plan.goal,
            start_date=plan.start,
            end_date=plan.end,
            state=plan.state.value,
            focus_factor=0.8,
            velocity=None,
            started_at=None if plan.state is SprintState.PLANNED else utc(plan.started_at),
            closed_at=utc(plan.closed_at) if plan.state is SprintState.CLOSED else None,
        )
        session.add(sprint)
        session.flush()
        plan.id = sprint.id
        sprint_rows.append(sprint)
    team = [people[spec.key] for spec in PEOPLE if spec.team]
    session.execute(
        insert(SprintMember), [{"sprint_id": p.id, "person_id": pid} for p in plans for pid in team]
    )
    ceremony_rows = ceremony_rows_for(plans, rng)
    session.execute(insert(Ceremony), ceremony_rows)
    session.execute(insert(Absence), absence_rows_for(plans, people))

    commitments: list[tuple[int, Draft, float | None]] = []
    _generate(builder, plans, count, commitments)
    assert len(builder.drafts) == count

    # Velocity: points of the needs each closed sprint finished.
    for plan, sprint in zip(plans, sprint_rows, strict=True):
        if plan.state is SprintState.CLOSED:
            sprint.velocity = float(
                sum(
                    d.points or 0 for d in builder.drafts if d.sprint == plan.index and d.stage == T
                )
            )

    # What the app would have archived by itself over that history (done or no-go for
    # the workspace's days), not at the demo's first opening.
    archive_closed(builder.drafts, auto_archive_days(session), now, working)

    summary = _write_needs(
        session,
        builder.drafts,
        plans,
        stage_id,
        people,
        project_rows,
        model_id,
        criterion_ids,
        commitments,
    )
    return DemoSummary(
        projects=len(project_rows),
        people=len(people),
        needs=count,
        sprints=len(plans),
        ceremonies=len(ceremony_rows),
        assessments=summary[0],
        events=summary[1],
    )


def _generate(
    b: Builder,
    plans: list[SprintPlan],
    count: int,
    commitments: list[tuple[int, Draft, float | None]],
) -> None:
    """Decide what every need went through: sprints first, then the backlog."""
    rng, line = b.rng, b.line
    most = min(round(count * 0.05), 16)  # needs newly taken into one sprint, at most
    extras = count >= 60
    added = [rng.between(1, 2) if extras else 0 for _ in range(CLOSED_SPRINTS + 1)]
    legacy = round(count * 0.08)

    carry: list[Draft] = []
    for plan in plans[: CLOSED_SPRINTS + 1]:
        is_active = plan.state is SprintState.ACTIVE
        lo = line.offset(plan.started_at)
        hi = line.total if is_active else line.offset(plan.review_at)
        planning = line.offset(plan.planning_start)
        members: list[Draft] = []
        for d in carry:  # unfinished work comes along, same column
            at = plan.planning_start + timedelta(minutes=5 + rng.randrange(110))
            d.event(at, EventField.SPRINT, d.sprint, plan.index)
            d.sprint = plan.index
            members.append(d)
        newcomers: list[Draft] = []
        capacity = rng.between(_CAPACITY[0], _CAPACITY[1])
        load = sum(d.points or 0 for d in carry)
        while len(newcomers) < most and load < capacity:
            d = b.new()
            points = b.fill(load, capacity)
            load += points
            b.prehistory(d, R, planning, points=points, committed=True)
            at = plan.planning_start + timedelta(minutes=5 + rng.randrange(110))
            d.event(at, EventField.SPRINT, None, plan.index)
            d.sprint = plan.index
            b.assign(d)
            newcomers.append(d)
        members += newcomers
        commitments.extend((plan.index, d, d.points) for d in members)
        carry = []

        removed: list[Draft] = []
        if extras and plan.index in (1, 3) and len(newcomers) >= 3:
            d = newcomers[-1]
            at_out, at_back = line.sample(rng, 2, lo, lo + (hi - lo) / 2)
            d.event(at_out, EventField.SPRINT, plan.index, None)
            d.sprint = None
            d.move(at_back, C)  # too big after all: back to costing, to be split
            if d.points != 13.0:
                d.event(at_back, EventField.POINTS, d.points, 13.0)
                d.points = 13.0
            removed.append(d)
        for _ in range(added[plan.index]):
            at = line.at(lo + (hi - lo) * (0.1 + 0.5 * rng.random()))
            d = b.new()
            b.prehistory(d, R, line.offset(at), points=b.estimate(), committed=True)
            d.event(at, EventField.SPRINT, None, plan.index)
            d.sprint = plan.index
            b.assign(d)
            members.append(d)

        working = [d for d in members if d not in removed]
        if is_active:
            elapsed = sum(1 for day in plan.work_days if day <= line.end.date())
            _play_active(b, working, lo, hi, elapsed / len(plan.work_days))
        else:
            rescored = False
            for d in working:
                entry = max(lo, line.offset(d.events[-1][0]))
                done = rng.random() < (0.95 if d.stage > R else 0.88)
                target = T if done else rng.choice((D, V, V) if d.stage < V else (V,))
                target = max(target, d.stage)
                rescore = done and not rescored and d.stage == R and rng.random() < 0.5
                rescored |= rescore
                b.flow(d, target, entry, hi, rescore=rescore)
                if d.stage != T:
                    carry.append(d)

    # The planned sprint: ready needs picked during the active sprint's refinement.
    active, planned = plans[CLOSED_SPRINTS], plans[CLOSED_SPRINTS + 1]
    active_lo = line.offset(active.started_at)
    capacity = rng.between(_CAPACITY[0], _CAPACITY[1])
    load = 0.0
    for _ in range(most):
        if load >= capacity:
            break
        d = b.new()
        points = b.fill(load, capacity)
        load += points
        b.prehistory(d, R, line.offset(active.planning_start), points=points, committed=True)
        at = line.sample(rng, 1, active_lo, line.total)[0]
        d.event(at, EventField.SPRINT, None, planned.index)
        d.sprint = planned.index
        b.assign(d, 0.6)

    # Done before the sprint history began.
    first_planning = line.offset(plans[0].planning_start)
    for _ in range(legacy):
        d = b.new()
        b.prehistory(d, T, first_planning, points=b.estimate(0.9), committed=True)
        b.assign(d)

    # The backlog: a triage pile, needs being costed, and a ready queue.
    backlog = count - len(b.drafts)
    assert backlog >= 0
    to_triage = round(backlog * 0.4)
    to_cost = round(backlog * 0.32)
    for i in range(backlog):
        d = b.new()
        if i < to_triage:
            b.prehistory(d, Q, line.total, points=b.estimate(0.05), recent=True)
        elif i < to_triage + to_cost:
            b.prehistory(d, C, line.total, points=b.estimate(0.4))
        else:
            b.prehistory(d, R, line.total, points=b.estimate())  # ready: estimated
            b.assign(d, 0.25)

    for d in b.drafts:
        b.describe(d)


def _play_active(b: Builder, members: list[Draft], lo: float, hi: float, elapsed: float) -> None:
    """Spread the active sprint over Prêt / En cours / En revue / Terminé, by elapsed time."""
    rng = b.rng
    fresh = [d for d in members if d.stage == R]
    ongoing = [d for d in members if d.stage > R]
    n = len(fresh)
    done = round(n * elapsed * 0.6)
    review = round(n * 0.15)
    doing = round(n * 0.3)
    if n >= 4:
        done, review, doing = max(1, done), max(1, review), max(1, doing)
        while done + review + doing > n - 1:
            if doing >= max(done, review) and doing > 1:
                doing -= 1
            elif done >= review and done > 1:
                done -= 1
            else:
                review -= 1
    targets = [T] * done + [V] * review + [D] * doing
    targets += [R] * (n - len(targets))
    rng.shuffle(targets)
    for d, target in zip(fresh, targets, strict=True):
        b.flow(d, target, max(lo, b.line.offset(d.events[-1][0])), hi)
    for d in ongoing:
        target = T if rng.random() < 0.7 else max(d.stage, rng.choice((D, V)))
        b.flow(d, target, max(lo, b.line.offset(d.events[-1][0])), hi)


def _write_needs(
    session: Session,
    drafts: list[Draft],
    plans: list[SprintPlan],
    stage_id: list[int],
    people: dict[str, int],
    projects: dict[str, Project],
    model_id: int,
    criterion_ids: list[int],
    commitments: list[tuple[int, Draft, float | None]],
) -> tuple[int, int]:
    """Number, rank and bulk-insert every need with its tags, history and assessments."""
    session.flush()
    need_base = (session.scalar(select(func.max(Need.id))) or 0) + 1
    assessment_base = (session.scalar(select(func.max(Assessment.id))) or 0) + 1
    sprint_id = [p.id for p in plans]

    drafts = sorted(drafts, key=lambda d: (d.created_at, d.order))
    numbers = {"PLAT": 0, "ERP": 0}
    for offset, d in enumerate(drafts):
        d.id = need_base + offset
        numbers[d.project] += 1
        d.number = numbers[d.project]
    for code, project in projects.items():
        project.next_number = numbers[code] + 1

    ranked: dict[int, list[Draft]] = {stage: [] for stage in range(6)}
    for d in drafts:
        ranked[d.stage].append(d)
    sprint_order = {len(plans) - 2: 0, len(plans) - 1: 1}
    keys: dict[int, Callable[[Draft], Any]] = {
        Q: lambda d: d.id,
        C: lambda d: (-(d.score if d.score is not None else -1.0), d.id),
        R: lambda d: (
            sprint_order.get(d.sprint, 2),
            -(d.score if d.score is not None else -1.0),
            d.id,
        ),
        D: lambda d: d.id,
        V: lambda d: d.id,
        T: lambda d: (-(d.done_at.timestamp() if d.done_at else 0.0), d.id),
    }
    rank_of: dict[int, int] = {}
    for stage, members in ranked.items():
        members.sort(key=keys[stage])
        rank_of.update(zip((d.id for d in members), ranks.spread(len(members)), strict=True))

    # Event values are stored as services/needs.py writes them: ids and points as text.
    stages: dict[Any, str | None] = {None: None, **{i: str(c) for i, c in enumerate(stage_id)}}
    as_text: dict[str, dict[Any, str | None]] = {
        EventField.CREATED: stages,
        EventField.COLUMN: stages,
        EventField.SPRINT: {None: None, **{i: str(s) for i, s in enumerate(sprint_id)}},
        EventField.POINTS: {None: None, **{p: str(int(p)) for p in POINTS}},
        EventField.DECISION: {None: None, **{d.value: d.value for d in Decision}},
        EventField.ARCHIVE: {None: None, **{r.value: r.value for r in ArchiveReason}},
    }

    # Who did what: the need's product owner creates, plans, estimates, decides and
    # accepts it; whoever the need is assigned to moves it into progress and review.
    person = {key: (people[key], name) for key, name in _PERSON_NAMES.items()}
    column = EventField.COLUMN.value
    hands_on = frozenset((D, V))

    need_rows: list[dict[str, Any]] = []
    tag_rows: list[dict[str, Any]] = []
    events: list[tuple[datetime, int, int, str, str | None, str | None, tuple[int, str]]] = []
    assessment_rows: list[dict[str, Any]] = []
    value_rows: list[dict[str, Any]] = []
    next_assessment = assessment_base
    for d in drafts:
        last = d.events[-1][0]  # each need's events are appended in time order
        owner = person[d.decided_by]
        doer = owner if d.assignee is None else person[d.assignee]
        authors = [
            doer if kind == column and new in hands_on else owner
            for _at, kind, _old, new in d.events
        ]
        need_rows.append(
            {
                "id": d.id,
                "project_id": projects[d.project].id,
                "number": d.number,
                "title": d.title,
                "problem": d.problem,
                "solution": d.solution,
                "requester": d.requester,
                "source": d.source,
                "business_unit": d.unit,
                "technical": d.technical,
                "column_id": stage_id[d.stage],
                "rank": rank_of[d.id],
                "points": d.points,
                "sprint_id": None if d.sprint is None else sprint_id[d.sprint],
                "assignee_id": None if d.assignee is None else people[d.assignee],
                "acceptance": d.acceptance,
                "created_at": utc(d.created_at),
                "updated_at": utc(last),
                "updated_by": authors[-1][1],
                "done_at": None if d.done_at is None else utc(d.done_at),
                "archived_at": None if d.archived_at is None else utc(d.archived_at),
                "column_since": utc(
                    max(
                        at
                        for at, kind, _old, _new in d.events
                        if kind in (EventField.CREATED, EventField.COLUMN)
                    )
                ),
            }
        )
        tag_rows.extend({"need_id": d.id, "name": tag} for tag in d.tags)
        for seq, ((at, kind, old, new), who) in enumerate(zip(d.events, authors, strict=True)):
            text = as_text[kind]
            events.append((at, d.id, seq, kind, text[old], text[new], who))
        for version, decision, values, score, rationale, at in d.assessments:
            assessment_rows.append(
                {
                    "id": next_assessment,
                    "need_id": d.id,
                    "model_id": model_id,
                    "version": version,
                    "score": score,
                    "decision": decision.value,
                    "rationale": rationale,
                    "decided_by": _PERSON_NAMES[d.decided_by],
                    "decided_at": utc(at),
                }
            )
            value_rows.extend(
                {"assessment_id": next_assessment, "criterion_id": cid, "value": float(v)}
                for cid, v in zip(criterion_ids, values, strict=True)
            )
            next_assessment += 1
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    # Events, the most numerous rows, go to the driver as tuples (store/bulk.py).
    connection = session.connection()
    stored_time = stored_as(connection, _EVENT_TABLE, "at")
    event_rows = [
        (nid, stored_time(utc(at)), kind, old, new, who[0], who[1])
        for at, nid, _seq, kind, old, new, who in events
    ]
    commitment_rows = [
        {"sprint_id": sprint_id[index], "need_id": d.id, "points": points}
        for index, d, points in commitments
    ]
    for model, rows in (
        (Need, need_rows),
        (NeedTag, tag_rows),
        (Assessment, assessment_rows),
        (AssessmentValue, value_rows),
        (SprintCommitment, commitment_rows),
    ):
        if rows:
            session.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]
    insert_many(connection, _EVENT_TABLE, _EVENT_COLUMNS, event_rows)
    claim_ids(connection, [Need.__table__, Assessment.__table__])  # type: ignore[list-item]
    return len(assessment_rows), len(event_rows)


_PERSON_NAMES = {spec.key: spec.name for spec in PEOPLE}
_EVENT_TABLE: Table = NeedEvent.__table__  # type: ignore[assignment]
_EVENT_COLUMNS = ("need_id", "at", "field", "old_value", "new_value", "author_id", "author_name")
