"""Cotation: grids in the database, and assessments as versions that are never edited.

Scoring a need writes a new assessment version; restoring an older one writes a
copy of it as the newest. Both return a :class:`NeedChange`, so undo brings the
history back exactly, decision events included.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import Decision, Direction, EventField
from po_desktop.domain.scoring import PRESETS, CriterionSpec, Grid, GridKind, ScoringError
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.models import (
    Assessment,
    AssessmentValue,
    Criterion,
    Need,
    ScoringModel,
    utcnow,
)
from po_desktop.store.services._base import (
    LONG_TEXT_MAX,
    clean_choice,
    clean_number,
    clean_text,
    transactional,
)
from po_desktop.store.services.needs import NeedChange, _event, _Recorder

NEEDS_A_REASON = frozenset({Decision.NO_GO.value, Decision.EXPLORE.value})
"""Decisions the requester will want explained later: a rationale is required."""


def grid_kind(preset: str) -> GridKind:
    """The formula a stored grid uses; custom and default grids are weighted means."""
    try:
        return GridKind(preset)
    except ValueError:
        return GridKind.WEIGHTED


def grid_of(model: ScoringModel) -> Grid:
    return Grid(
        model.name,
        grid_kind(model.preset),
        tuple(
            CriterionSpec(
                key=c.key,
                label_fr=c.label_fr,
                label_en=c.label_en,
                weight=c.weight,
                scale_min=c.scale_min,
                scale_max=c.scale_max,
                direction=Direction(c.direction),
                help_fr=c.help_fr,
                help_en=c.help_en,
            )
            for c in model.criteria
        ),
    )


def grids(session: Session) -> list[ScoringModel]:
    return list(session.scalars(select(ScoringModel).order_by(ScoringModel.id)))


def active_model(session: Session) -> ScoringModel:
    """The grid new assessments use (the first grid if none is marked active)."""
    model = session.scalar(
        select(ScoringModel).where(ScoringModel.active.is_(True)).order_by(ScoringModel.id)
    ) or session.scalar(select(ScoringModel).order_by(ScoringModel.id))
    if model is None:
        raise NotFoundError("scoring.no_grid")
    return model


def find_model(session: Session, ref: str | int) -> ScoringModel:
    """A grid by id or by name (case-insensitive)."""
    if isinstance(ref, int):
        model = session.get(ScoringModel, ref)
    else:
        model = session.scalar(
            select(ScoringModel).where(func.lower(ScoringModel.name) == ref.strip().lower())
        )
    if model is None:
        raise NotFoundError("scoring.grid_not_found", ref=ref)
    return model


def new_model(
    name: str, preset: str, criteria: Sequence[CriterionSpec], *, active: bool
) -> ScoringModel:
    """A grid row with its criteria, in the order given (not yet added to a session)."""
    model = ScoringModel(name=name, preset=preset, active=active)
    for position, spec in enumerate(criteria):
        model.criteria.append(
            Criterion(
                position=position,
                key=spec.key,
                label_fr=spec.label_fr,
                label_en=spec.label_en,
                help_fr=spec.help_fr,
                help_en=spec.help_en,
                weight=spec.weight,
                scale_min=spec.scale_min,
                scale_max=spec.scale_max,
                direction=spec.direction.value,
            )
        )
    return model


@transactional
def add_preset_grid(session: Session, preset: str, name: str | None = None) -> ScoringModel:
    """A new grid from a preset (default, rice, wsjf, ice); it is not made active."""
    clean_choice(preset, "preset", PRESETS)
    grid = PRESETS[preset]
    label = clean_text(name or grid.name, "name", required=True, max_len=80)
    taken = session.scalar(
        select(ScoringModel.id).where(func.lower(ScoringModel.name) == label.lower())
    )
    if taken is not None:
        raise ConflictError("scoring.grid_name_taken", name=label)
    model = new_model(label, preset, grid.criteria, active=False)
    session.add(model)
    session.flush()
    return model


@transactional
def set_active_grid(session: Session, model_id: int) -> int | None:
    """Make this grid the one new assessments use; returns the previously active grid."""
    model = session.get(ScoringModel, model_id)
    if model is None:
        raise NotFoundError("scoring.grid_not_found", ref=model_id)
    previous = active_model(session).id
    for other in grids(session):
        other.active = other.id == model_id
    session.flush()
    return previous


@dataclass(frozen=True)
class AssessmentInput:
    """What the scoring form collects; values may be text as typed ("0,5")."""

    values: Mapping[str, float | str | None]
    decision: str = Decision.PENDING.value
    rationale: str = ""
    decided_by: str = ""
    model_id: int | None = None
    """The grid to score with; None: the active grid."""


def _latest(session: Session, need_id: int) -> Assessment | None:
    return session.scalar(
        select(Assessment)
        .where(Assessment.need_id == need_id)
        .order_by(Assessment.version.desc())
        .limit(1)
    )


def preview_score(grid: Grid, values: Mapping[str, float | str | None]) -> float:
    """The score these values would give, for the form's live display; errors as for saving."""
    return grid.score(_numbers(grid, values))


def _numbers(grid: Grid, values: Mapping[str, float | str | None]) -> dict[str, float]:
    numbers: dict[str, float] = {}
    for spec in grid.criteria:
        raw = values.get(spec.key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            raise ScoringError("scoring.missing_value", criterion=spec.label)
        try:
            number = clean_number(raw, spec.key, allow_none=False)
        except ValidationError:
            raise ScoringError("scoring.bad_number", criterion=spec.label, value=raw) from None
        assert number is not None
        numbers[spec.key] = number
    return numbers


@transactional
def assess_need(session: Session, need_id: int, data: AssessmentInput) -> NeedChange:
    """Score a need: a new assessment version; a changed decision is recorded as an event.

    The form nudges toward the real need: a need without a problem statement
    cannot be scored, and a no-go or an explore needs a rationale.
    """
    need = session.get(Need, need_id)
    if need is None:
        raise NotFoundError("need.not_found", ref=need_id)
    if not need.problem.strip():
        raise ValidationError("scoring.problem_first", field="problem")
    decision = clean_choice(data.decision, "decision", [d.value for d in Decision])
    rationale = clean_text(data.rationale, "rationale", max_len=LONG_TEXT_MAX)
    if decision in NEEDS_A_REASON and not rationale.strip():
        raise ValidationError("scoring.rationale_required", field="rationale")
    decided_by = clean_text(data.decided_by, "decided_by", max_len=120)
    model = (
        find_model(session, data.model_id) if data.model_id is not None else active_model(session)
    )
    grid = grid_of(model)
    try:
        numbers = _numbers(grid, data.values)
        score = grid.score(numbers)
    except ScoringError as exc:
        raise ValidationError(exc.message.msg_id, **exc.message.params) from None
    recorder = _Recorder(session)
    recorder.touch(need_id)
    previous = _latest(session, need_id)
    now = utcnow()
    assessment = Assessment(
        need_id=need_id,
        model_id=model.id,
        version=(previous.version + 1) if previous else 1,
        score=score,
        decision=decision,
        rationale=rationale,
        decided_by=decided_by,
        decided_at=now,
    )
    session.add(assessment)
    session.flush()
    by_key = {c.key: c.id for c in model.criteria}
    session.add_all(
        AssessmentValue(assessment_id=assessment.id, criterion_id=by_key[key], value=value)
        for key, value in numbers.items()
    )
    old_decision = previous.decision if previous else None
    if old_decision != decision:
        _event(session, need_id, EventField.DECISION, old_decision, decision, now)
    need.updated_at = now
    return recorder.finish(need_id)


@transactional
def restore_assessment(session: Session, need_id: int, version: int) -> NeedChange:
    """Make an older version the current one again, as a new version (history is kept)."""
    old = session.scalar(
        select(Assessment).where(Assessment.need_id == need_id, Assessment.version == version)
    )
    if old is None:
        raise NotFoundError("scoring.version_not_found", ref=version)
    latest = _latest(session, need_id)
    assert latest is not None
    recorder = _Recorder(session)
    recorder.touch(need_id)
    now = utcnow()
    copy = Assessment(
        need_id=need_id,
        model_id=old.model_id,
        version=latest.version + 1,
        score=old.score,
        decision=old.decision,
        rationale=old.rationale,
        decided_by=old.decided_by,
        decided_at=now,
    )
    session.add(copy)
    session.flush()
    session.add_all(
        AssessmentValue(assessment_id=copy.id, criterion_id=v.criterion_id, value=v.value)
        for v in old.values
    )
    if latest.decision != old.decision:
        _event(session, need_id, EventField.DECISION, latest.decision, old.decision, now)
    need = session.get(Need, need_id)
    if need is not None:
        need.updated_at = now
    return recorder.finish(need_id)


def history(session: Session, need_id: int) -> list[Assessment]:
    """Every version, newest first, with its values loaded."""
    return list(
        session.scalars(
            select(Assessment)
            .where(Assessment.need_id == need_id)
            .order_by(Assessment.version.desc())
        )
    )
