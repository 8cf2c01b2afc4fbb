"""The workspace: the default workflow and scoring grid it starts with, and its settings."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.calendar import public_holidays
from po_desktop.domain.enums import DEFAULT_COLUMNS
from po_desktop.domain.grid_presets import DEFAULT_GRID
from po_desktop.store.models import BoardColumn, ScoringModel, Setting
from po_desktop.store.services._base import transactional

DEFAULT_MODEL_NAME = "Grille par défaut"


# ----- workspace settings ---------------------------------------------------------------

REGION_KEY = "holiday_region"
UID_KEY = "workspace_uid"
AUTO_ARCHIVE_KEY = "auto_archive_days"
DEFAULT_AUTO_ARCHIVE_DAYS = 14
"""What a new workspace starts with: two weeks (a sprint or two) after a need is done, it
leaves the board, long enough to be shown at the review. A workspace made before this
setting existed keeps everything on its board (no key: off) until someone turns it on:
needs do not vanish from a board its users know because the application was updated."""


def setting(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


@transactional
def set_setting(session: Session, key: str, value: str) -> str:
    """Store a workspace setting; returns the previous value (for undo)."""
    row = session.get(Setting, key)
    previous = row.value if row is not None else ""
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
    return previous


def workspace_uid(session: Session) -> str:
    """An id of this workspace file, made once: calendar exports use it in their UIDs."""
    uid = setting(session, UID_KEY)
    if not uid:
        uid = uuid.uuid4().hex
        set_setting(session, UID_KEY, uid)
    return uid


def holiday_region(session: Session) -> str:
    return setting(session, REGION_KEY)


def holidays_between(session: Session, start: date, end: date, lang: str = "fr") -> dict[date, str]:
    return public_holidays(start, end, holiday_region(session), lang)


@transactional
def initialize(session: Session) -> None:
    """Idempotent: only fills what is missing."""
    # Imported here: the scoring services and their queries are not the review pack's,
    # which reads the holiday region through this module.
    from po_desktop.store.services.scoring import new_model

    if session.scalar(select(BoardColumn.id).limit(1)) is None:
        for position, (name, is_done) in enumerate(DEFAULT_COLUMNS):
            session.add(BoardColumn(name=name, position=position, is_done=is_done))
    if session.scalar(select(ScoringModel.id).limit(1)) is None:
        session.add(new_model(DEFAULT_MODEL_NAME, "default", DEFAULT_GRID, active=True))
    if session.get(Setting, UID_KEY) is None:
        session.add(Setting(key=UID_KEY, value=uuid.uuid4().hex))
    if session.get(Setting, AUTO_ARCHIVE_KEY) is None:
        session.add(Setting(key=AUTO_ARCHIVE_KEY, value=str(DEFAULT_AUTO_ARCHIVE_DAYS)))
