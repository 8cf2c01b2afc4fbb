"""Cotation: grids in the database, and assessments as versions that are never edited.

Scoring a need writes a new assessment version; restoring an older one writes a
copy of it as the newest. Undo is the change protocol's (store/changes.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import Decision, Direction, EventField
from po_desktop.domain.formatting import Clock
from po_desktop.domain.grid_presets import PRESETS
from po_desktop.domain.scoring import CriterionSpec, Grid, GridKind, ScoringError
from po_desktop.store import identity, queries
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
    _event,
    clean_choice,
    clean_number,
    clean_text,
    find_named,
    transactional,
)

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
    return find_named(session, ScoringModel, ref, "scoring.grid_not_found")


def new_model(
    name: str, preset: str, criteria: Sequence[CriterionSpec], *, active: bool
) -> ScoringModel:
    """A grid row with its criteria, in the order given (not yet added to a session)."""
    model = ScoringModel(name=name, preset=preset, active=active)
    model.criteria.extend(_criterion_rows(criteria))
    return model


def _criterion_rows(criteria: Sequence[CriterionSpec]) -> list[Criterion]:
    return [
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
        for position, spec in enumerate(criteria)
    ]


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
class GridDraft:
    """A grid as the editor holds it: name, formula (a preset key or "custom"), criteria."""

    name: str
    preset: str
    criteria: tuple[CriterionSpec, ...]


def draft_of(model: ScoringModel) -> GridDraft:
    return GridDraft(model.name, model.preset, grid_of(model).criteria)


def uses(session: Session, model_id: int) -> int:
    """How many assessment versions were made with this grid."""
    return session.scalar(select(func.count()).where(Assessment.model_id == model_id)) or 0


def _check_name(session: Session, name: str, model_id: int | None) -> str:
    label = clean_text(name, "name", required=True, max_len=80)
    taken = session.scalar(
        select(ScoringModel.id).where(
            func.lower(ScoringModel.name) == label.lower(), ScoringModel.id != (model_id or 0)
        )
    )
    if taken is not None:
        raise ConflictError("scoring.grid_name_taken", name=label)
    return label


def free_name(session: Session, name: str) -> str:
    """The name itself if no grid has it, else "Grille (2)", "Grille (3)"..."""
    name = name.strip()
    taken = {n.lower() for n in session.scalars(select(ScoringModel.name))}
    if name.lower() not in taken:
        return name
    base = name
    if name.endswith(")") and " (" in name:
        head, _sep, number = name[:-1].rpartition(" (")
        if number.isdigit():
            base = head
    number = 2

    def named(n: int) -> str:
        suffix = f" ({n})"
        return base[: 80 - len(suffix)] + suffix  # the number survives a long name

    while named(number).lower() in taken:
        number += 1
    return named(number)


def _clean_criteria(draft: GridDraft) -> tuple[CriterionSpec, ...]:
    """Labels filled (one language fills the other), keys unique, the grid able to score."""
    cleaned: list[CriterionSpec] = []
    keys: set[str] = set()
    for spec in draft.criteria:
        label_fr = clean_text(spec.label_fr, "label", max_len=120)
        label_en = clean_text(spec.label_en, "label", max_len=120)
        if not (label_fr or label_en):
            raise ValidationError("scoring.criterion_label", field="label")
        label_fr, label_en = label_fr or label_en, label_en or label_fr
        key = spec.key.strip()
        if not key or key in keys:
            raise ValidationError("scoring.criterion_repeated", field="label", criterion=label_fr)
        keys.add(key)
        cleaned.append(
            CriterionSpec(
                key=key,
                label_fr=label_fr,
                label_en=label_en,
                weight=spec.weight,
                scale_min=spec.scale_min,
                scale_max=spec.scale_max,
                direction=spec.direction,
                help_fr=clean_text(spec.help_fr, "help", max_len=LONG_TEXT_MAX),
                help_en=clean_text(spec.help_en, "help", max_len=LONG_TEXT_MAX),
            )
        )
    criteria = tuple(cleaned)
    try:
        Grid(draft.name, grid_kind(draft.preset), criteria).validate()
    except ScoringError as exc:
        raise ValidationError(exc.message.msg_id, **exc.message.params) from None
    return criteria


def _set_criteria(session: Session, model: ScoringModel, criteria: Sequence[CriterionSpec]) -> None:
    model.criteria.clear()
    session.flush()  # old rows go before new ones take their keys
    model.criteria.extend(_criterion_rows(criteria))


@transactional
def save_grid(session: Session, model_id: int | None, draft: GridDraft) -> int:
    """Create a grid, or change one; returns the grid that holds the draft now.

    A grid that already scored needs is never changed under them: the edit makes a
    new grid (named "… (2)" unless the user renamed it), which takes over as the
    active grid if the old one was; the old assessments keep the old grid.
    """
    clean_choice(draft.preset, "preset", (*PRESETS, "custom"))
    criteria = _clean_criteria(draft)
    if model_id is None:
        model = new_model(
            _check_name(session, draft.name, None), draft.preset, criteria, active=False
        )
        session.add(model)
        session.flush()
        return model.id
    model = session.get(ScoringModel, model_id)
    if model is None:
        raise NotFoundError("scoring.grid_not_found", ref=model_id)
    if uses(session, model_id) == 0:
        model.name = _check_name(session, draft.name, model_id)
        model.preset = draft.preset
        _set_criteria(session, model, criteria)
        session.flush()
        return model.id
    same_name = draft.name.strip().lower() == model.name.lower()
    name = free_name(session, model.name) if same_name else _check_name(session, draft.name, None)
    copy = new_model(name, draft.preset, criteria, active=model.active)
    model.active = False
    session.add(copy)
    session.flush()
    return copy.id


@transactional
def delete_grid(session: Session, model_id: int) -> None:
    """Remove a grid no assessment uses; the database always keeps one grid."""
    model = session.get(ScoringModel, model_id)
    if model is None:
        raise NotFoundError("scoring.grid_not_found", ref=model_id)
    count = uses(session, model_id)
    if count:
        raise ConflictError("scoring.grid_in_use", name=model.name)
    others = [g for g in grids(session) if g.id != model_id]
    if not others:
        raise ConflictError("scoring.last_grid")
    was_active = model.active
    session.delete(model)
    session.flush()
    if was_active:
        others[0].active = True
    session.flush()


@transactional
def apply_weights(session: Session, model_id: int, weights: Mapping[str, float]) -> list[int]:
    """Make what-if weights real: the grid with these weights, and each need re-scored.

    Needs whose current assessment used this grid get a new version on the new
    grid, with the same values, decision, rationale and decider: only the score
    moves. Their older versions keep the old grid and the old score. Returns the needs
    re-scored.
    """
    model = session.get(ScoringModel, model_id)
    if model is None:
        raise NotFoundError("scoring.grid_not_found", ref=model_id)
    draft = draft_of(model)
    criteria = tuple(
        replace(c, weight=float(weights[c.key])) if c.key in weights else c for c in draft.criteria
    )
    saved = save_grid(session, model_id, replace(draft, criteria=criteria))
    if saved == model_id:  # edited in place: no assessment used it
        return []
    new = session.get(ScoringModel, saved)
    assert new is not None
    grid = grid_of(new)
    score = grid.scorer()
    criterion_ids = {c.key: c.id for c in new.criteria}
    latest = (
        select(Assessment.need_id, func.max(Assessment.version).label("version"))
        .group_by(Assessment.need_id)
        .subquery()
    )
    current = session.execute(
        select(
            Assessment.id,
            Assessment.need_id,
            Assessment.version,
            Assessment.decision,
            Assessment.rationale,
            Assessment.decided_by,
            Assessment.decided_at,
        )
        .join(
            latest,
            (latest.c.need_id == Assessment.need_id) & (latest.c.version == Assessment.version),
        )
        .where(Assessment.model_id == model_id)
        .order_by(Assessment.need_id)
    ).all()
    values = queries.latest_values(session, model_id)
    rows = [
        {
            "need_id": a.need_id,
            "model_id": new.id,
            "version": a.version + 1,
            "score": score(values[a.need_id]),
            "decision": a.decision,
            "rationale": a.rationale,
            "decided_by": a.decided_by,
            "decided_at": a.decided_at,
        }
        for a in current
    ]
    if not rows:
        return []
    added = session.execute(
        insert(Assessment).returning(
            Assessment.id, Assessment.need_id, sort_by_parameter_order=True
        ),
        rows,
    ).all()
    value_rows = [
        {"assessment_id": assessment_id, "criterion_id": criterion_ids[key], "value": value}
        for assessment_id, need_id in added
        for key, value in values[need_id].items()
    ]
    session.execute(insert(AssessmentValue), value_rows)
    return [need_id for _a, need_id in added]


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


def _check_based_on(session: Session, need: Need, based_on: int | None) -> Assessment | None:
    """The latest scoring of ``need``; refused when it is not the version ``based_on``
    that the form showed (0: never scored), i.e. someone scored the need since."""
    if based_on is not None:  # one save at a time per need: the second one sees the first
        session.refresh(need, with_for_update=True)
    latest = _latest(session, need.id)
    if based_on is None or (latest.version if latest else 0) == based_on:
        return latest
    assert latest is not None
    at = Clock(latest.decided_at)
    if latest.decided_by:
        raise ConflictError(
            "scoring.changed_by",
            key=need.key,
            who=latest.decided_by,
            at=at,
            version=latest.version,
        )
    raise ConflictError("scoring.changed_since", key=need.key, at=at, version=latest.version)


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
def assess_need(
    session: Session, need_id: int, data: AssessmentInput, *, based_on: int | None = None
) -> int:
    """Score a need: a new assessment version; a changed decision is recorded as an event.

    The form nudges toward the real need: a need without a problem statement
    cannot be scored, and a no-go or an explore needs a rationale. Returns the version.
    ``based_on``: the latest version the form showed (0: none); if someone has scored the
    need since, nothing is written and :class:`ConflictError` says who and when.
    """
    need = session.get(Need, need_id)
    if need is None:
        raise NotFoundError("need.not_found", ref=need_id)
    previous = _check_based_on(session, need, based_on)
    if not need.problem.strip():
        raise ValidationError("scoring.problem_first", field="problem")
    decision = clean_choice(data.decision, "decision", [d.value for d in Decision])
    rationale = clean_text(data.rationale, "rationale", max_len=LONG_TEXT_MAX)
    if decision in NEEDS_A_REASON and not rationale.strip():
        raise ValidationError("scoring.rationale_required", field="rationale")
    decided_by = clean_text(data.decided_by, "decided_by", max_len=120)
    if not decided_by:  # no one named: whoever records the decision
        decided_by = identity.current(session).name
    model = (
        find_model(session, data.model_id) if data.model_id is not None else active_model(session)
    )
    grid = grid_of(model)
    try:
        numbers = _numbers(grid, data.values)
        score = grid.score(numbers)
    except ScoringError as exc:
        raise ValidationError(exc.message.msg_id, **exc.message.params) from None
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
    return assessment.version


@transactional
def restore_assessment(
    session: Session, need_id: int, version: int, *, based_on: int | None = None
) -> int:
    """Make an older version the current one again, as a new version (history is kept);
    ``based_on`` as for :func:`assess_need`."""
    need = session.get(Need, need_id)
    if need is None:
        raise NotFoundError("need.not_found", ref=need_id)
    latest = _check_based_on(session, need, based_on)
    old = session.scalar(
        select(Assessment).where(Assessment.need_id == need_id, Assessment.version == version)
    )
    if old is None:
        raise NotFoundError("scoring.version_not_found", ref=version)
    assert latest is not None
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
    need.updated_at = now
    return copy.version


def history(session: Session, need_id: int) -> list[Assessment]:
    """Every version, newest first, with its values loaded."""
    return list(
        session.scalars(
            select(Assessment)
            .where(Assessment.need_id == need_id)
            .order_by(Assessment.version.desc())
        )
    )
