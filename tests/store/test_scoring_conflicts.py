"""Two people scoring one need: a scoring saved on a version someone has superseded since
is refused with who and when, on a workspace file and on a team workspace."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.store.errors import ConflictError
from po_desktop.store.models import Assessment
from po_desktop.store.services import needs, scoring

VALUES = {"relevance": "3", "investment": "3", "time": "2", "resources": "5"}


def _need(session: Session, project_id: int) -> int:
    return needs.create_need(
        session, needs.NeedInput("Export SEPA", "Les virements partent à la main", project_id)
    )


def _versions(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Assessment)) or 0


def test_a_scoring_saved_after_someone_else_scored_the_need_is_refused(
    session: Session, project_id: int
) -> None:
    need_id = _need(session, project_id)
    # Both opened the need never scored (version 0); Virginie saves first.
    virginie = scoring.AssessmentInput(VALUES, "go", decided_by="Virginie Morel")
    assert scoring.assess_need(session, need_id, virginie, based_on=0) == 1
    mine = scoring.AssessmentInput({**VALUES, "time": "5"}, "explore", "À creuser")
    with pytest.raises(ConflictError) as refused:
        scoring.assess_need(session, need_id, mine, based_on=0)
    english, french = refused.value.render("en"), refused.value.render("fr")
    assert english.startswith("ERP-1 was scored again at ")
    assert "decided by Virginie Morel" in english and "v1" in english
    assert french.startswith("ERP-1 a été coté de nouveau à ") and " h " in french
    assert _versions(session) == 1  # nothing written
    # Saved again on the version now shown: it goes through, as a new version.
    assert scoring.assess_need(session, need_id, mine, based_on=1) == 2


def test_restoring_a_version_after_someone_else_scored_is_refused(
    session: Session, project_id: int
) -> None:
    need_id = _need(session, project_id)
    scoring.assess_need(session, need_id, scoring.AssessmentInput(VALUES, "go"))
    scoring.assess_need(session, need_id, scoring.AssessmentInput(VALUES, "pending"))
    scoring.assess_need(session, need_id, scoring.AssessmentInput(VALUES, "explore", "Voir"))
    with pytest.raises(ConflictError):
        scoring.restore_assessment(session, need_id, 1, based_on=2)  # v3 came meanwhile
    assert _versions(session) == 3
    assert scoring.restore_assessment(session, need_id, 1, based_on=3) == 4
