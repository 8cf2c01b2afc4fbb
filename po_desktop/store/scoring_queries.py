"""What the scoring form shows of a need, read in one session: the need's statement,
the grids it can be scored on, its latest scoring and every earlier version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from po_desktop.domain.enums import Decision
from po_desktop.domain.scoring import Grid
from po_desktop.store.models import Assessment, Need, ScoringModel
from po_desktop.store.services import scoring


@dataclass(frozen=True)
class Version:
    """One saved scoring of the need, as its history lists it."""

    version: int
    decided_at: datetime
    """Naive UTC, like every stored time."""
    decision: str
    score: float
    decided_by: str
    grid: str


@dataclass(frozen=True)
class ScoringSheet:
    key: str
    title: str
    problem: str
    solution: str
    grids: list[tuple[int, str]]
    """Every grid, by id and name: the form's grid choice."""
    by_model: dict[int, Grid]
    model_id: int
    """The grid of the latest scoring, or the active grid for a need never scored."""
    values: dict[str, float]
    """The latest scoring's values, by criterion key (empty: never scored)."""
    decision: str
    rationale: str
    decided_by: str
    versions: list[Version]
    """Newest first."""


def _versions(history: list[Assessment], models: list[ScoringModel]) -> list[Version]:
    names = {m.id: m.name for m in models}
    return [
        Version(
            a.version, a.decided_at, a.decision, a.score, a.decided_by, names.get(a.model_id, "")
        )
        for a in history
    ]


def versions(session: Session, need_id: int) -> list[Version]:
    """The need's saved scorings, newest first."""
    return _versions(scoring.history(session, need_id), scoring.grids(session))


def scoring_sheet(session: Session, need_id: int) -> ScoringSheet | None:
    """Everything the form shows of the need; None when it no longer exists."""
    need = session.get(Need, need_id)
    if need is None:
        return None
    history = scoring.history(session, need_id)
    models = scoring.grids(session)
    latest = history[0] if history else None
    keys = {c.id: c.key for m in models for c in m.criteria}
    return ScoringSheet(
        key=need.key,
        title=need.title,
        problem=need.problem,
        solution=need.solution,
        grids=[(m.id, m.name) for m in models],
        by_model={m.id: scoring.grid_of(m) for m in models},
        model_id=latest.model_id if latest else scoring.active_model(session).id,
        values={keys[v.criterion_id]: v.value for v in latest.values} if latest else {},
        decision=latest.decision if latest else Decision.PENDING,
        rationale=latest.rationale if latest else "",
        decided_by=latest.decided_by if latest else "",
        versions=_versions(history, models),
    )
