"""The archive: needs that left the board (done, no-go, merged) and come back in one step.

An archived need keeps everything (its column, sprint, scoring, dossier): it counts in
reports and stays searchable; only the board leaves it out. Needs done for a number of
days, a workspace setting, can leave it on their own (:func:`archive_done_needs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import ArchiveReason, Decision, EventField
from po_desktop.store.errors import ConflictError, ValidationError
from po_desktop.store.models import Assessment, Need, NeedEvent, Project, utcnow
from po_desktop.store.services import needs
from po_desktop.store.services._base import _event, clean_number, transactional
from po_desktop.store.services.workspace import AUTO_ARCHIVE_KEY, set_setting, setting

MAX_AUTO_ARCHIVE_DAYS = 3650


def auto_archive_days(session: Session) -> int | None:
    """Days after which a done need leaves the board by itself; None: never."""
    raw = setting(session, AUTO_ARCHIVE_KEY)
    try:
        days = int(raw)
    except ValueError:
        return None
    return days if 0 < days <= MAX_AUTO_ARCHIVE_DAYS else None


@transactional
def set_auto_archive_days(session: Session, days: int | str | None) -> None:
    """Done needs leave the board ``days`` after they are done; None (or 0): never."""
    number = clean_number(days, "auto_archive_days", minimum=0, maximum=MAX_AUTO_ARCHIVE_DAYS)
    if number is not None and not number.is_integer():
        raise ValidationError("field.bad_number", field="auto_archive_days", value=days)
    set_setting(session, AUTO_ARCHIVE_KEY, str(int(number)) if number else "0")


def _archive(session: Session, need: Need, reason: ArchiveReason, now: datetime) -> None:
    need.archived_at = now
    need.updated_at = now
    _event(session, need.id, EventField.ARCHIVE, None, reason.value, now)


@transactional
def archive_needs(session: Session, need_ids: Sequence[int]) -> list[int]:
    """Take needs off the board; those already archived are left as they are. Returns
    the ones archived now; refused when every one of them already was."""
    found = needs._load(session, list(dict.fromkeys(need_ids)))
    now = utcnow()
    done = []
    for need in found:
        if need.archived_at is None:
            _archive(session, need, ArchiveReason.MANUAL, now)
            done.append(need.id)
    if found and not done:
        if len(found) == 1:
            raise ConflictError("need.already_archived", key=found[0].key)
        raise ConflictError("need.all_archived", count=len(found))
    return done


def _reason(session: Session, need_id: int) -> str | None:
    return session.scalar(
        select(NeedEvent.new_value)
        .where(NeedEvent.need_id == need_id, NeedEvent.field == EventField.ARCHIVE.value)
        .order_by(NeedEvent.id.desc())
        .limit(1)
    )


@transactional
def restore_needs(session: Session, need_ids: Sequence[int]) -> list[int]:
    """Put archived needs back on the board, where they were; returns those restored.
    Refused when none of them was archived."""
    found = needs._load(session, list(dict.fromkeys(need_ids)))
    now = utcnow()
    done = []
    for need in found:
        if need.archived_at is None:
            continue
        reason = _reason(session, need.id) or ArchiveReason.MANUAL.value
        need.archived_at = None
        need.updated_at = now
        _event(session, need.id, EventField.ARCHIVE, reason, None, now)
        done.append(need.id)
    if found and not done:
        if len(found) == 1:
            raise ConflictError("need.not_archived", key=found[0].key)
        raise ConflictError("need.none_archived", count=len(found))
    return done


def closed_since(session: Session, days: int, now: datetime) -> list[int]:
    """Needs still on the board that closed more than ``days`` days before ``now``: done
    (entered a done column) or decided no-go (their latest scoring), in key order. A need
    restored by hand after it closed stays on the board: it was brought back on purpose."""
    latest = (
        select(Assessment.need_id, func.max(Assessment.version).label("version"))
        .group_by(Assessment.need_id)
        .subquery()
    )
    no_go = (
        select(Assessment.need_id, Assessment.decided_at)
        .join(
            latest,
            and_(latest.c.need_id == Assessment.need_id, latest.c.version == Assessment.version),
        )
        .where(Assessment.decision == Decision.NO_GO.value)
        .subquery()
    )
    closed_at = func.coalesce(Need.done_at, no_go.c.decided_at)
    restored_since_closed = exists().where(
        and_(
            NeedEvent.need_id == Need.id,
            NeedEvent.field == EventField.ARCHIVE.value,
            NeedEvent.new_value.is_(None),
            NeedEvent.at >= closed_at,
        )
    )
    return list(
        session.scalars(
            select(Need.id)
            .outerjoin(no_go, no_go.c.need_id == Need.id)
            .join(Project, Project.id == Need.project_id)
            .where(
                Need.archived_at.is_(None),
                closed_at.is_not(None),
                closed_at <= now - timedelta(days=days),
                ~restored_since_closed,
            )
            .order_by(Project.code, Need.number)
        )
    )


@transactional
def archive_done_needs(
    session: Session, *, now: datetime | None = None, days: int | None = None
) -> list[int]:
    """Archive the needs done or no-go for more than ``days`` days (by default the
    workspace's setting; none when it is off), as one step. Returns their ids."""
    if days is None:
        days = auto_archive_days(session)
        if days is None:
            return []
    elif not 0 < days <= MAX_AUTO_ARCHIVE_DAYS:
        raise ValidationError(
            "field.out_of_range", field="days", value=days, min=1, max=MAX_AUTO_ARCHIVE_DAYS
        )
    moment = now or utcnow()
    due = needs._load(session, closed_since(session, days, moment))
    for need in due:
        _archive(session, need, ArchiveReason.AUTO, moment)
    return [need.id for need in due]
