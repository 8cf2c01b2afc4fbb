"""A new workspace starts with the default workflow and the default scoring grid."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import DEFAULT_COLUMNS
from po_desktop.domain.scoring import DEFAULT_GRID
from po_desktop.store.models import BoardColumn, ScoringModel, Setting
from po_desktop.store.services._base import transactional
from po_desktop.store.services.scoring import new_model

DEFAULT_MODEL_NAME = "Grille par défaut"


@transactional
def initialize(session: Session) -> None:
    """Idempotent: only fills what is missing."""
    if session.scalar(select(BoardColumn.id).limit(1)) is None:
        for position, (name, is_done) in enumerate(DEFAULT_COLUMNS):
            session.add(BoardColumn(name=name, position=position, is_done=is_done))
    if session.scalar(select(ScoringModel.id).limit(1)) is None:
        session.add(new_model(DEFAULT_MODEL_NAME, "default", DEFAULT_GRID, active=True))
    if session.get(Setting, "workspace_uid") is None:
        session.add(Setting(key="workspace_uid", value=uuid.uuid4().hex))
