"""Services run as user actions in tests: their change recorded, undone and redone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.store import changes
from po_desktop.store.changes import Change
from po_desktop.store.models import Assessment, AssessmentValue, Need, NeedEvent, NeedTag


def act(session: Session, action: Callable[[Session], Any]) -> Change:
    """Run one service call as the interface does; the change, its result inside."""
    with changes.capture(session) as change:
        change.result = action(session)
    return change


def _apply(session: Session, change: Change, backwards: bool) -> Change:
    if session.in_transaction():
        session.commit()  # what the test read before: the undo is a transaction of its own
    with session.begin():
        applied = changes.apply(session, change, backwards=backwards)
    session.expire_all()
    return applied


def undo(session: Session, change: Change) -> Change:
    return _apply(session, change, backwards=True)


def redo(session: Session, change: Change) -> Change:
    return _apply(session, change, backwards=False)


def _columns(model: type) -> list[str]:
    return [c.key for c in model.__table__.columns]  # type: ignore[attr-defined]


@dataclass(frozen=True)
class NeedState:
    """A need with what hangs off it, as stored: for comparing two needs."""

    row: dict[str, Any]
    tags: tuple[str, ...]
    events: tuple[dict[str, Any], ...]
    assessments: tuple[dict[str, Any], ...]


def need_state(session: Session, need_id: int) -> NeedState | None:
    session.flush()
    need = session.get(Need, need_id)
    if need is None:
        return None
    events = session.scalars(
        select(NeedEvent).where(NeedEvent.need_id == need_id).order_by(NeedEvent.id)
    )
    assessments = session.scalars(
        select(Assessment).where(Assessment.need_id == need_id).order_by(Assessment.version)
    )
    return NeedState(
        # A need's version and who and when changed it last move forward with an undo too.
        {c: getattr(need, c) for c in _columns(Need) if c not in changes.COUNTED},
        tuple(
            sorted(
                session.scalars(select(NeedTag.name).where(NeedTag.need_id == need_id)),
                key=str.casefold,
            )
        ),
        tuple({c: getattr(e, c) for c in _columns(NeedEvent)} for e in events),
        tuple(
            {
                **{c: getattr(a, c) for c in _columns(Assessment)},
                "values": sorted(
                    (v.criterion_id, v.value)
                    for v in session.scalars(
                        select(AssessmentValue).where(AssessmentValue.assessment_id == a.id)
                    )
                ),
            }
            for a in assessments
        ),
    )
