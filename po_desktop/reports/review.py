"""The figures of a sprint review, read from the store and the need event history.

Kept apart from the PDF layout so tests can check each figure against the data,
and the layout can change without touching a number.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.calendar import working_days
from po_desktop.domain.enums import CeremonyKind, Decision, EventField, SprintState
from po_desktop.domain.history import Event, NeedHistory, NeedState, burndown, ideal_line
from po_desktop.domain.keys import format_key
from po_desktop.domain.scoring import rank
from po_desktop.domain.text import fold
from po_desktop.store import calendar_queries
from po_desktop.store.models import (
    Assessment,
    Attachment,
    BoardColumn,
    Ceremony,
    Need,
    NeedEvent,
    Person,
    Project,
    Sprint,
    SprintCommitment,
    SprintMember,
    utcnow,
)
from po_desktop.store.services import sprints as sprint_service
from po_desktop.store.services import workspace as workspace_service


@dataclass(frozen=True)
class NeedLine:
    id: int
    key: str
    title: str
    project: str
    points: float | None
    requester: str
    business_unit: str
    column: str
    added: bool = False
    """Taken into the sprint after it started."""
    goes_to: str = ""
    """For an unfinished need: the next sprint's name, or "" for the backlog."""


@dataclass(frozen=True)
class AttachmentLine:
    key: str
    name: str
    size: int


@dataclass(frozen=True)
class DecisionLine:
    key: str
    title: str
    score: float
    decision: str
    rationale: str
    decided_by: str
    at: datetime
    version: int | None = None
    """The scoring version that carried the decision (None: no scoring by then)."""


@dataclass(frozen=True)
class VelocityBar:
    sprint: str
    committed: float
    completed: float
    closed: bool = True


@dataclass(frozen=True)
class RitualLine:
    kind: str
    title: str
    days: tuple[date, ...]
    time: str


@dataclass
class ReviewData:
    sprint_id: int
    name: str
    goal: str
    start: date
    end: date
    state: str
    team: tuple[str, ...]
    projects: tuple[str, ...]
    product_owner: str
    generated: datetime
    committed_points: float
    completed_points: float
    done: list[NeedLine] = field(default_factory=list)
    not_done: list[NeedLine] = field(default_factory=list)
    removed: list[NeedLine] = field(default_factory=list)
    outside: list[NeedLine] = field(default_factory=list)
    added: int = 0
    completed_added_points: float = 0.0
    """Of the points completed, those of needs added after the start (not committed)."""
    started: bool = False
    """The sprint was started: the points committed are its scope then, not what it holds
    (a sprint never started, even closed, commits what is planned in it)."""
    decisions: list[DecisionLine] = field(default_factory=list)
    velocity: list[VelocityBar] = field(default_factory=list)
    burndown: list[tuple[date, float | None]] = field(default_factory=list)
    ideal: list[tuple[date, float]] = field(default_factory=list)
    next_name: str | None = None
    next_goal: str = ""
    next_forecast: float | None = None
    next_planned: float = 0.0
    """Points the next sprint already holds, with what this one carries into it."""
    next_needs: list[NeedLine] = field(default_factory=list)
    rituals: list[RitualLine] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    """Each team member's role ("" when none is recorded), by name."""
    attachments: list[AttachmentLine] = field(default_factory=list)
    """The files attached to the needs listed above (done, not done, removed, outside)."""

    @property
    def completion(self) -> float | None:
        """The part of the committed points completed, or None when nothing was
        committed: needs added after the start count in the points completed (the
        velocity), not in this rate, whose base is the commitment."""
        if self.committed_points <= 0:
            return None
        return max(0.0, self.completed_points - self.completed_added_points) / (
            self.committed_points
        )

    @property
    def average_velocity(self) -> float | None:
        """Of the closed sprints only: a sprint still running has not finished its work."""
        done = [bar.completed for bar in self.velocity if bar.closed]
        return sum(done) / len(done) if done else None


def _histories(session: Session, need_ids: list[int]) -> dict[int, NeedHistory]:
    if not need_ids:
        return {}
    events: dict[int, list[Event]] = defaultdict(list)
    for need_id, at, kind, old, new in session.execute(
        select(
            NeedEvent.need_id,
            NeedEvent.at,
            NeedEvent.field,
            NeedEvent.old_value,
            NeedEvent.new_value,
        )
        .where(NeedEvent.need_id.in_(need_ids))
        .order_by(NeedEvent.at, NeedEvent.id)
    ):
        events[need_id].append(Event(at, kind, old, new))
    # Their columns only: building 300 ORM objects (every text of each need) for four
    # values each costs more than the query.
    rows = session.execute(
        select(Need.id, Need.column_id, Need.sprint_id, Need.points).where(Need.id.in_(need_ids))
    )
    return {
        need_id: NeedHistory(
            need_id, NeedState(True, column_id, sprint_id, points), tuple(events[need_id])
        )
        for need_id, column_id, sprint_id, points in rows
    }


def _lines(
    session: Session,
    need_ids: list[int] | set[int],
    added: set[int] | None = None,
    goes_to: dict[int, str] | None = None,
) -> list[NeedLine]:
    """Printable lines for these needs, by project and number."""
    if not need_ids:
        return []
    rows = session.execute(
        select(
            Need.id,
            Need.number,
            Need.title,
            Need.points,
            Need.requester,
            Need.business_unit,
            Project.code,
            BoardColumn.name,
        )
        .join(Project, Project.id == Need.project_id)
        .join(BoardColumn, BoardColumn.id == Need.column_id)
        .where(Need.id.in_(list(need_ids)))
        .order_by(Project.code, Need.number)
    )
    return [
        NeedLine(
            need_id,
            format_key(code, number),
            title,
            code,
            points,
            requester,
            business_unit,
            column,
            need_id in (added or ()),
            (goes_to or {}).get(need_id, ""),
        )
        for need_id, number, title, points, requester, business_unit, code, column in rows
    ]


def _attachments(session: Session, need_ids: list[int]) -> list[AttachmentLine]:
    """The files attached to these needs (never their bytes), by key, then name."""
    rows = session.execute(
        select(Project.code, Need.number, Attachment.name, Attachment.size)
        .join(Need, Need.id == Attachment.need_id)
        .join(Project, Project.id == Need.project_id)
        .where(Attachment.need_id.in_(need_ids or [0]))
        .order_by(Project.code, Need.number, Attachment.name)
    )
    return [AttachmentLine(format_key(code, n), name, size) for code, n, name, size in rows]


def collect(session: Session, sprint_ref: str | int, lang: str = "fr") -> ReviewData:
    """Everything the pack prints about one sprint."""
    sprint = sprint_service.find_sprint(session, sprint_ref)
    sprint_service.check_sprint_dates(sprint)  # an older file's 9999-12-31: said, not a crash
    # The needs as they are now: every event their rows already show counts, one a
    # colleague's clock dated ahead of this one included (else a need on the board's done
    # column would print as unfinished, and the figures disagree with the velocity).
    now = utcnow()
    newest = session.scalar(select(func.max(NeedEvent.at)))
    as_of = now if newest is None else max(now, newest)
    done_columns = set(session.scalars(select(BoardColumn.id).where(BoardColumn.is_done.is_(True))))
    started = sprint.started_at or datetime.combine(sprint.start_date, datetime.min.time())
    closing = sprint.closed_at or min(as_of, datetime.combine(sprint.end_date, datetime.max.time()))
    # Every need that was ever in this sprint, or finished while it ran.
    touched = set(session.scalars(select(Need.id).where(Need.sprint_id == sprint.id)))
    touched |= set(
        session.scalars(
            select(NeedEvent.need_id).where(
                NeedEvent.field == EventField.SPRINT.value,
                (NeedEvent.new_value == str(sprint.id)) | (NeedEvent.old_value == str(sprint.id)),
            )
        )
    )
    finished_during = set(
        session.scalars(
            select(NeedEvent.need_id).where(
                NeedEvent.field == EventField.COLUMN.value,
                NeedEvent.new_value.in_([str(c) for c in done_columns]),
                NeedEvent.at >= started,
                NeedEvent.at <= closing,
            )
        )
    )
    histories = _histories(session, sorted(touched | finished_during))
    committed = dict(
        session.execute(
            select(SprintCommitment.need_id, SprintCommitment.points).where(
                SprintCommitment.sprint_id == sprint.id
            )
        ).all()
    )
    before_close = closing - timedelta(microseconds=1) if sprint.closed_at else closing
    end_state = {i: h.at(before_close) for i, h in histories.items()}
    in_sprint_at_end = {i for i, s in end_state.items() if s.exists and s.sprint == sprint.id}
    done = {i for i in in_sprint_at_end if end_state[i].column in done_columns}
    not_done = in_sprint_at_end - done
    entered_late = {
        i
        for i, h in histories.items()
        if any(
            e.new == str(sprint.id) and started < e.at < closing
            for e in h.changes(EventField.SPRINT)
        )
    }
    added = (entered_late - set(committed)) if sprint.started_at else set()
    removed = {
        i
        for i, h in histories.items()
        if i not in in_sprint_at_end
        and any(
            e.old == str(sprint.id) and started < e.at < closing
            for e in h.changes(EventField.SPRINT)
        )
    }
    outside = set()
    for i in finished_during - touched:  # finished with no sprint (not another team's)
        finish = next(
            e.at
            for e in histories[i].changes(EventField.COLUMN)
            if e.new is not None and int(e.new) in done_columns and started <= e.at <= closing
        )
        if histories[i].at(finish).sprint is None:
            outside.add(i)
    # Where each unfinished need went at the close (or goes, for a sprint still running).
    names = dict(session.execute(select(Sprint.id, Sprint.name)).all())
    goes_to: dict[int, str] = {}
    following = _came_next(session, sprint)
    for i in not_done:
        if sprint.closed_at is not None:  # what the close decided
            after = histories[i].at(sprint.closed_at + timedelta(seconds=1))
            goes_to[i] = names.get(after.sprint, "") if after.sprint is not None else ""
        else:  # still running: the close will offer the next sprint first
            goes_to[i] = following.name if following is not None else ""
    completed_points = sum(end_state[i].points or 0 for i in done)
    if sprint.velocity is not None:  # recorded at the close: a need deleted since counts
        completed_points = sprint.velocity
    if sprint.started_at is not None:  # what was in the sprint when it started
        committed_points = sum(p or 0 for p in committed.values())
    else:  # not started: what is planned
        committed_points = sum(end_state[i].points or 0 for i in in_sprint_at_end)
    off = workspace_service.holidays_between(session, sprint.start_date, sprint.end_date, lang)
    days = working_days(sprint.start_date, sprint.end_date, off)
    roles = dict(
        session.execute(
            select(Person.name, Person.role)
            .join(SprintMember, SprintMember.person_id == Person.id)
            .where(SprintMember.sprint_id == sprint.id)
        ).all()
    )
    members = sorted(roles, key=fold)
    projects = sorted(
        {
            f"{code} — {name}"
            for code, name in session.execute(
                select(Project.code, Project.name)
                .join(Need, Need.project_id == Project.id)
                .where(Need.id.in_(list(touched or {0})))
            )
        }
    )
    owners = sorted(
        {
            name
            for (name,) in session.execute(
                select(Person.name)
                .join(Project, Project.owner_id == Person.id)
                .join(Need, Need.project_id == Project.id)
                .where(Need.id.in_(list(touched or {0})))
            )
        }
    )
    data = ReviewData(
        sprint.id,
        sprint.name,
        sprint.goal,
        sprint.start_date,
        sprint.end_date,
        sprint.state,
        tuple(members),
        tuple(projects),
        ", ".join(owners),
        now,
        float(committed_points),
        float(completed_points),
        added=len(added),
        completed_added_points=float(sum(end_state[i].points or 0 for i in done & added)),
        started=sprint.started_at is not None,
        roles=roles,
    )
    data.done = _lines(session, done, added)
    data.not_done = _lines(session, not_done, added, goes_to)
    data.removed = _lines(session, removed)
    data.outside = _lines(session, outside)
    listed = [n.id for n in (*data.done, *data.not_done, *data.removed, *data.outside)]
    data.attachments = _attachments(session, listed)
    # Up to just before the close: its own carry-over events are not work done.
    data.burndown = burndown(
        sprint.id, days, list(histories.values()), done_columns, min(as_of, before_close)
    )
    start_points = committed_points
    data.ideal = ideal_line(float(start_points), days)
    data.velocity = _velocity(session, sprint)
    data.decisions = _decisions(session, started, closing)
    data.rituals = _rituals(session, sprint.id)
    _next_sprint(session, sprint, following, data, lang)
    return data


def _velocity(session: Session, sprint: Sprint) -> list[VelocityBar]:
    """This sprint and the five before it (same team): commitment against points done."""
    recent = list(
        session.scalars(
            select(Sprint)
            .where(
                func.lower(Sprint.team) == sprint.team.lower(),
                Sprint.start_date <= sprint.start_date,
                Sprint.state != SprintState.PLANNED.value,
            )
            .order_by(Sprint.start_date.desc())
            .limit(6)
        )
    )
    done_columns = set(session.scalars(select(BoardColumn.id).where(BoardColumn.is_done.is_(True))))
    bars = []
    for old in reversed(recent):
        committed = session.scalar(
            select(func.coalesce(func.sum(SprintCommitment.points), 0)).where(
                SprintCommitment.sprint_id == old.id
            )
        )
        if old.velocity is not None:
            completed = old.velocity
        else:
            completed = session.scalar(
                select(func.coalesce(func.sum(Need.points), 0)).where(
                    Need.sprint_id == old.id, Need.column_id.in_(done_columns)
                )
            )
        bars.append(
            VelocityBar(
                old.name,
                float(committed or 0),
                float(completed or 0),
                old.state == SprintState.CLOSED,
            )
        )
    return bars


def _decisions(session: Session, start: datetime, end: datetime) -> list[DecisionLine]:
    """The decision each need was left with while the sprint ran (the latest, when it
    was decided more than once), with the assessment that carried it, in time order.

    Three SELECTs whatever the number of decisions: the events, the needs, and
    their assessments up to the sprint's end.
    """
    events = session.execute(
        select(NeedEvent.need_id, NeedEvent.at, NeedEvent.new_value)
        .where(
            NeedEvent.field == EventField.DECISION.value, NeedEvent.at >= start, NeedEvent.at <= end
        )
        .order_by(NeedEvent.at, NeedEvent.id)
    ).all()
    latest = {need_id: (at, decision) for need_id, at, decision in events}  # the last wins
    kept = sorted(
        ((need_id, at, decision) for need_id, (at, decision) in latest.items()),
        key=lambda e: e[1],
    )
    need_ids = sorted(latest)
    if not need_ids:
        return []
    needs = {
        need_id: (format_key(code, number), title)
        for need_id, number, title, code in session.execute(
            select(Need.id, Need.number, Need.title, Project.code)
            .join(Project, Project.id == Need.project_id)
            .where(Need.id.in_(need_ids))
        )
    }
    versions: dict[int, list[Assessment]] = defaultdict(list)
    for a in session.scalars(
        select(Assessment)
        .where(
            Assessment.need_id.in_(need_ids), Assessment.decided_at <= end + timedelta(seconds=1)
        )
        .order_by(Assessment.need_id, Assessment.version)
    ):
        versions[a.need_id].append(a)
    lines = []
    for need_id, at, decision in kept:
        if need_id not in needs:
            continue
        # The newest version made by the time of the decision (saved in the same step).
        made = [a for a in versions[need_id] if a.decided_at <= at + timedelta(seconds=1)]
        assessment = made[-1] if made else None
        key, title = needs[need_id]
        lines.append(
            DecisionLine(
                key,
                title,
                assessment.score if assessment else 0.0,
                decision or Decision.PENDING.value,
                assessment.rationale if assessment else "",
                assessment.decided_by if assessment else "",
                at,
                assessment.version if assessment else None,
            )
        )
    return lines


def _rituals(session: Session, sprint_id: int) -> list[RitualLine]:
    groups: dict[tuple[str, str], list[datetime]] = defaultdict(list)
    for c in session.scalars(
        select(Ceremony).where(Ceremony.sprint_id == sprint_id).order_by(Ceremony.starts_at)
    ):
        groups[(c.kind, c.title if c.kind != CeremonyKind.DAILY else "")].append(c.starts_at)
    order: dict[str, int] = {
        CeremonyKind.PLANNING: 0,
        CeremonyKind.DAILY: 1,
        CeremonyKind.REFINEMENT: 2,
        CeremonyKind.REVIEW: 3,
        CeremonyKind.RETRO: 4,
    }
    return [
        RitualLine(kind, title, tuple(d.date() for d in moments), moments[0].strftime("%H:%M"))
        for (kind, title), moments in sorted(
            groups.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[1][0])
        )
    ]


def _came_next(session: Session, sprint: Sprint) -> Sprint | None:
    """The team's sprint after this one, whatever its state."""
    return session.scalar(
        select(Sprint)
        .where(
            func.lower(Sprint.team) == sprint.team.lower(),
            Sprint.start_date > sprint.end_date,
        )
        .order_by(Sprint.start_date)
        .limit(1)
    )


def _next_sprint(
    session: Session, sprint: Sprint, following: Sprint | None, data: ReviewData, lang: str
) -> None:
    """The next sprint, and the top-ranked ready needs that fit what its forecast leaves
    once its own needs and the ones this sprint carries over are counted."""
    if following is None:
        return
    data.next_name, data.next_goal = following.name, following.goal
    if sprint_service.sprint_dates_problem(following) is None:
        data.next_forecast = calendar_queries.forecast(session, following.id, lang)
    else:  # its dates are out of range: no forecast for it, the rest of the pack prints
        data.next_forecast = None
    done_columns = set(session.scalars(select(BoardColumn.id).where(BoardColumn.is_done.is_(True))))
    already = float(
        session.scalar(
            select(func.coalesce(func.sum(Need.points), 0)).where(Need.sprint_id == following.id)
        )
        or 0
    )
    if sprint.closed_at is None:  # the close will carry these into it
        already += sum(n.points or 0 for n in data.not_done if n.goes_to == following.name)
    latest = (
        select(Assessment.need_id, func.max(Assessment.version).label("version"))
        .group_by(Assessment.need_id)
        .subquery()
    )
    candidates = session.execute(
        select(Need.id, Need.points, Need.sprint_id, Assessment.score, Assessment.decision)
        .join(Assessment, Assessment.need_id == Need.id)
        .join(
            latest,
            (latest.c.need_id == Assessment.need_id) & (latest.c.version == Assessment.version),
        )
        .where(
            Need.column_id.not_in(done_columns),
            Need.sprint_id.is_(None),  # in the backlog: what is already planned is counted
            Need.points.is_not(None),  # ready: decided "go" and estimated
            Assessment.decision == Decision.GO.value,
        )
    ).all()
    ranked = rank([(n, score, decision) for n, _p, _s, score, decision in candidates])
    points = {n: p for n, p, _s, _sc, _d in candidates}
    data.next_planned = already
    forecast = data.next_forecast
    budget = None if forecast is None else max(0.0, forecast - already)
    chosen: list[int] = []
    total = 0.0
    for r in ranked:
        size = points[r.need_id] or 0.0
        if budget is not None and total + size > budget:
            continue
        chosen.append(r.need_id)
        total += size
        if budget is None and len(chosen) >= 10:
            break
    by_id = {line.id: line for line in _lines(session, chosen)}
    data.next_needs = [by_id[i] for i in chosen if i in by_id]


def empty_database(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Sprint)) == 0
