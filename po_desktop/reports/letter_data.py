"""What the decision letter says of a need, read from the store: the need as stated, its
latest scoring (through :func:`~po_desktop.store.scoring_queries.scoring_sheet`), where it
is planned and who signs.

Kept apart from the layout so tests can check each value against the data, and the PDF
and the e-mail draft say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from po_desktop.domain.enums import Direction, SprintState
from po_desktop.domain.messages import Bilingual
from po_desktop.store import scoring_queries
from po_desktop.store.errors import ConflictError
from po_desktop.store.services import needs as need_service


class NotScoredError(ConflictError):
    """The need has no scoring yet: there is no decision to send."""


@dataclass(frozen=True)
class CriterionValue:
    label: Bilingual
    value: float
    scale_min: float
    scale_max: float
    weight: float
    cost: bool
    """A cost criterion: the lower the value, the better the score."""


@dataclass(frozen=True)
class PlannedSprint:
    name: str
    start: date
    end: date
    active: bool


@dataclass(frozen=True)
class DecisionLetter:
    need_id: int
    key: str
    title: str
    project_code: str
    project_name: str
    requester: str
    problem: str
    solution: str
    asked_on: date
    """When the need was recorded, in local time."""
    decision: str
    rationale: str
    decided_by: str
    decided_on: date
    """The latest scoring's date, in local time."""
    version: int
    score: float
    grid: str
    criteria: tuple[CriterionValue, ...]
    sprint: PlannedSprint | None
    """The sprint the need is planned in, unless that sprint is closed."""
    done_on: date | None
    """When the need reached a done column (None: not done)."""
    signer: str
    """The project's owner, who signs the letter ("" when the project has none)."""
    signer_role: str


def local_day(moment: datetime) -> date:
    """A stored time (naive UTC) as the day it was here."""
    return moment.replace(tzinfo=UTC).astimezone().date()


def collect_letter(session: Session, ref: str | int) -> DecisionLetter:
    """The letter of one need, by key (``ERP-12``) or id; :class:`NotScoredError` when the need
    was never scored, NotFoundError / ValidationError for an unknown or malformed key."""
    need = need_service.find_need(session, ref)
    sheet = scoring_queries.scoring_sheet(session, need.id)
    assert sheet is not None  # found just above, in the same session
    if not sheet.versions:
        raise NotScoredError("letter.not_scored", key=need.key)
    latest = sheet.versions[0]
    grid = sheet.by_model[sheet.model_id]
    criteria = tuple(
        CriterionValue(
            spec.label,
            sheet.values[spec.key],
            spec.scale_min,
            spec.scale_max,
            spec.weight,
            spec.direction is Direction.COST,
        )
        for spec in grid.criteria
        if spec.key in sheet.values
    )
    sprint = need.sprint
    planned = None
    if sprint is not None and sprint.state != SprintState.CLOSED.value:
        active = sprint.state == SprintState.ACTIVE.value
        planned = PlannedSprint(sprint.name, sprint.start_date, sprint.end_date, active)
    owner = need.project.owner
    return DecisionLetter(
        need_id=need.id,
        key=need.key,
        title=need.title,
        project_code=need.project.code,
        project_name=need.project.name,
        requester=need.requester,
        problem=need.problem,
        solution=need.solution,
        asked_on=local_day(need.created_at),
        decision=sheet.decision,
        rationale=sheet.rationale,
        decided_by=sheet.decided_by,
        decided_on=local_day(latest.decided_at),
        version=latest.version,
        score=latest.score,
        grid=latest.grid,
        criteria=criteria,
        sprint=planned,
        done_on=local_day(need.done_at) if need.done_at and need.column.is_done else None,
        signer=owner.name if owner is not None else "",
        signer_role=owner.role if owner is not None else "",
    )
