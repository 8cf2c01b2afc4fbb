"""A new workspace starts with the default workflow and the default scoring grid."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import DEFAULT_COLUMNS
from po_desktop.domain.scoring import DEFAULT_GRID
from po_desktop.store.models import BoardColumn, Criterion, ScoringModel
from po_desktop.store.services._base import transactional

DEFAULT_MODEL_NAME = "Grille par défaut"


@transactional
def initialize(session: Session) -> None:
    """Idempotent: only fills what is missing."""
    if session.scalar(select(BoardColumn.id).limit(1)) is None:
        for position, (name, is_done) in enumerate(DEFAULT_COLUMNS):
            session.add(BoardColumn(name=name, position=position, is_done=is_done))
    if session.scalar(select(ScoringModel.id).limit(1)) is None:
        model = ScoringModel(name=DEFAULT_MODEL_NAME, preset="default", active=True)
        for position, spec in enumerate(DEFAULT_GRID):
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
        session.add(model)
