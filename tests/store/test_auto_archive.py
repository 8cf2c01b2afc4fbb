"""Needs done or decided no-go for the workspace's number of days leave the board by
themselves, as one undoable step (the window runs it when a workspace opens and once a day;
the command line as ``po-desktop archive``)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from helpers.undo import act, undo
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.store import queries
from po_desktop.store.errors import ValidationError
from po_desktop.store.models import Assessment, BoardColumn, Need, utcnow
from po_desktop.store.services import archive, needs, scoring

NOW = datetime(2027, 3, 15, 9, 0)


def _column(session: Session, done: bool) -> int:
    return session.scalars(
        select(BoardColumn.id).where(BoardColumn.is_done == done).order_by(BoardColumn.position)
    ).first()  # type: ignore[return-value]


def _need(session: Session, project_id: int, title: str, *, done: bool = False) -> int:
    return needs.create_need(
        session,
        needs.NeedInput(title, "Le défi", project_id, column_id=_column(session, done)),
    )


def _done_at(session: Session, need_id: int, at: datetime) -> None:
    session.get(Need, need_id).done_at = at  # type: ignore[union-attr]
    session.commit()


def _decide(session: Session, need_id: int, decision: str, at: datetime) -> None:
    values = {c.key: c.scale_min for c in scoring.active_model(session).criteria}
    scoring.assess_need(
        session,
        need_id,
        scoring.AssessmentInput(values, decision, "Hors périmètre", decided_by="Claire"),
    )
    for assessment in session.scalars(select(Assessment).where(Assessment.need_id == need_id)):
        assessment.decided_at = at
    session.commit()


def _on_board(session: Session) -> set[str]:
    return {row.key for row in queries.need_rows(session) if row.archived_at is None}


def test_done_and_no_go_needs_leave_after_the_days_and_undo_brings_them_back(
    session: Session, project_id: int
) -> None:
    archive.set_auto_archive_days(session, 30)
    old_done = _need(session, project_id, "Terminé il y a longtemps", done=True)  # ERP-1
    just_done = _need(session, project_id, "Terminé à la limite", done=True)  # ERP-2
    old_no_go = _need(session, project_id, "Refusé il y a longtemps")  # ERP-3
    recent_no_go = _need(session, project_id, "Refusé récemment")  # ERP-4
    old_go = _need(session, project_id, "Accepté il y a longtemps")  # ERP-5
    open_need = _need(session, project_id, "En cours")  # ERP-6
    _done_at(session, old_done, NOW - timedelta(days=30, minutes=1))
    _done_at(session, just_done, NOW - timedelta(days=29, hours=23))  # the day before the limit
    _decide(session, old_no_go, "no_go", NOW - timedelta(days=45))
    _decide(session, recent_no_go, "no_go", NOW - timedelta(days=10))
    _decide(session, old_go, "go", NOW - timedelta(days=90))
    assert open_need  # in the first column, never done nor decided: it stays
    before = _on_board(session)

    assert archive.closed_since(session, 30, NOW) == [old_done, old_no_go]
    change = act(session, lambda s: archive.archive_done_needs(s, now=NOW))
    assert change.result == [old_done, old_no_go]
    assert before - _on_board(session) == {"ERP-1", "ERP-3"}
    rows = {row.id: row for row in queries.need_rows(session)}
    assert rows[old_done].archived_at == NOW and rows[old_no_go].archived_at == NOW
    # A day later, the one done on the limit goes too; nothing else.
    assert archive.archive_done_needs(session, now=NOW + timedelta(days=1)) == [just_done]

    session.commit()
    undo(session, change)  # the first step only
    assert _on_board(session) == before - {"ERP-2"}


def test_nothing_leaves_when_the_setting_is_off_but_days_can_be_given(
    session: Session, project_id: int
) -> None:
    done = _need(session, project_id, "Terminé", done=True)
    _done_at(session, done, NOW - timedelta(days=400))
    archive.set_auto_archive_days(session, 0)
    assert archive.archive_done_needs(session, now=NOW) == []
    assert archive.archive_done_needs(session, now=NOW, days=500) == []
    assert archive.archive_done_needs(session, now=NOW, days=365) == [done]
    with pytest.raises(ValidationError, match="between 1 and 3650"):
        archive.archive_done_needs(session, now=NOW, days=0)


def test_a_need_brought_back_by_hand_or_reopened_stays(session: Session, project_id: int) -> None:
    archive.set_auto_archive_days(session, 7)
    now = utcnow()  # the restore below is stamped with the real time
    kept, reopened, no_go_then_go = (
        _need(session, project_id, t, done=True) for t in ("Rappelé", "Rouvert", "Reconsidéré")
    )
    for need_id in (kept, reopened):
        _done_at(session, need_id, now - timedelta(days=20))
    archive.archive_needs(session, [kept])
    archive.restore_needs(session, [kept])  # brought back on purpose after it was done
    needs.move_needs(session, [reopened], _column(session, False))  # done no more
    needs.move_needs(session, [no_go_then_go], _column(session, False))
    _decide(session, no_go_then_go, "no_go", now - timedelta(days=30))
    _decide(session, no_go_then_go, "go", now - timedelta(days=30))  # the latest decision counts
    assert archive.archive_done_needs(session, now=now) == []
