"""Cotation services: versions never edited, decisions explained, undo exact."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.store import queries
from po_desktop.store.errors import ConflictError, ValidationError
from po_desktop.store.models import Assessment, Need, NeedEvent
from po_desktop.store.services import needs, scoring
from po_desktop.store.services.scoring import AssessmentInput

MIDDLE = {"relevance": 3, "investment": 3, "time": 2, "resources": 5}  # 50.0 by hand


def _need(session: Session, project_id: int) -> int:
    change = needs.create_need(
        session, needs.NeedInput("Relances", "Les factures partent en retard", project_id)
    )
    assert change.primary_id is not None
    return change.primary_id


def _decisions(session: Session, need_id: int) -> list[tuple[str | None, str | None]]:
    rows = session.execute(
        select(NeedEvent.old_value, NeedEvent.new_value)
        .where(NeedEvent.need_id == need_id, NeedEvent.field == "decision")
        .order_by(NeedEvent.id)
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _versions(session: Session, need_id: int) -> int:
    return session.scalar(select(func.count()).where(Assessment.need_id == need_id)) or 0


def test_scoring_makes_versions_and_records_decisions(session: Session, project_id: int) -> None:
    need = _need(session, project_id)
    scoring.assess_need(session, need, AssessmentInput(MIDDLE, "go", decided_by="Léa"))
    row = queries.need_rows(session)[0]
    assert (row.score, row.decision) == (50.0, "go")
    assert _decisions(session, need) == [(None, "go")]
    best = {"relevance": "5", "investment": "1", "time": "1", "resources": "1"}  # typed text
    scoring.assess_need(session, need, AssessmentInput(best, "go"))
    assert queries.need_rows(session)[0].score == 100.0
    assert _decisions(session, need) == [(None, "go")]  # same decision: no new event
    versions = scoring.history(session, need)
    assert [a.version for a in versions] == [2, 1]
    assert {v.value for v in versions[1].values} == {3.0, 2.0, 5.0}


def test_no_go_and_explore_need_a_rationale(session: Session, project_id: int) -> None:
    need = _need(session, project_id)
    for decision in ("no_go", "explore"):
        with pytest.raises(ValidationError) as err:
            scoring.assess_need(session, need, AssessmentInput(MIDDLE, decision, rationale=" "))
        assert "requester will read" in err.value.render("en")
        assert "justification" in err.value.render("fr")
    assert _versions(session, need) == 0
    scoring.assess_need(
        session, need, AssessmentInput(MIDDLE, "no_go", rationale="Couvert par l'ERP")
    )
    assert queries.need_rows(session)[0].decision == "no_go"


def test_a_need_without_problem_statement_cannot_be_scored(
    session: Session, project_id: int
) -> None:
    need = _need(session, project_id)
    row = session.get(Need, need)
    assert row is not None
    row.problem = "   "  # as an old import may have left it
    session.commit()
    with pytest.raises(ValidationError) as err:
        scoring.assess_need(session, need, AssessmentInput(MIDDLE))
    assert err.value.field == "problem"
    assert "problem first" in err.value.render("en")


def test_values_are_checked_against_the_grid(session: Session, project_id: int) -> None:
    need = _need(session, project_id)
    rice = scoring.add_preset_grid(session, "rice")
    typed = {"reach": "500", "impact": "2", "confidence": "80", "effort": "2"}
    cases = [
        ({**typed, "effort": "0"}, "“Effort” must be between 0.5 and 12 (got 0)."),
        ({**typed, "reach": "beaucoup"}, "“beaucoup” is not a valid number for “Reach”."),
        ({**typed, "impact": ""}, "Give a value for “Impact”."),
    ]
    for values, message in cases:
        with pytest.raises(ValidationError) as err:
            scoring.assess_need(session, need, AssessmentInput(values, model_id=rice.id))
        assert err.value.render("en") == message
    assert _versions(session, need) == 0
    scoring.assess_need(
        session, need, AssessmentInput({**typed, "impact": "2,0"}, model_id=rice.id)
    )
    assert queries.need_rows(session)[0].score == 50.8


def test_restoring_an_old_version_is_a_new_version_and_undoes_exactly(
    session: Session, project_id: int
) -> None:
    need = _need(session, project_id)
    scoring.assess_need(session, need, AssessmentInput(MIDDLE, "go"))
    scoring.assess_need(
        session, need, AssessmentInput(MIDDLE, "explore", rationale="Étude d'abord")
    )
    change = scoring.restore_assessment(session, need, 1)
    versions = scoring.history(session, need)
    assert [(a.version, a.decision) for a in versions] == [
        (3, "go"),
        (2, "explore"),
        (1, "go"),
    ]
    assert _decisions(session, need)[-1] == ("explore", "go")
    needs.apply_snapshots(session, change.before)  # undo
    assert [a.version for a in scoring.history(session, need)] == [2, 1]
    assert _decisions(session, need)[-1] == ("go", "explore")
    assert queries.need_rows(session)[0].decision == "explore"


def test_switching_grids_leaves_old_assessments_on_theirs(
    session: Session, project_id: int
) -> None:
    need = _need(session, project_id)
    default = scoring.active_model(session)
    scoring.assess_need(session, need, AssessmentInput(MIDDLE))
    ice = scoring.add_preset_grid(session, "ice", "ICE marketing")
    assert scoring.set_active_grid(session, ice.id) == default.id
    assert scoring.active_model(session).id == ice.id
    scoring.assess_need(session, need, AssessmentInput({"impact": 8, "confidence": 6, "ease": 5}))
    old, new = sorted(scoring.history(session, need), key=lambda a: a.version)
    assert (old.model_id, new.model_id) == (default.id, ice.id)
    assert new.score == 62.1
    with pytest.raises(ConflictError):
        scoring.add_preset_grid(session, "ice", "ice MARKETING")
    assert scoring.find_model(session, "ice marketing").id == ice.id


def test_latest_values_feed_what_if(session: Session, project_id: int) -> None:
    need = _need(session, project_id)
    other = _need(session, project_id)
    scoring.assess_need(session, need, AssessmentInput(MIDDLE))
    best = {"relevance": 5, "investment": 1, "time": 1, "resources": 1}
    scoring.assess_need(session, need, AssessmentInput(best))  # the latest counts
    scoring.assess_need(session, other, AssessmentInput(MIDDLE))
    model = scoring.active_model(session)
    values = queries.latest_values(session, model.id)
    assert values == {need: {k: float(v) for k, v in best.items()}, other: MIDDLE}


def test_backlog_on_one_grid_shows_the_current_decision(session: Session, project_id: int) -> None:
    from po_desktop.io.backlog import ranked_backlog

    need = _need(session, project_id)
    scoring.assess_need(session, need, AssessmentInput(MIDDLE, "go"))
    rice = scoring.add_preset_grid(session, "rice")
    typed = {"reach": "500", "impact": "2", "confidence": "80", "effort": "2"}
    scoring.assess_need(
        session, need, AssessmentInput(typed, "no_go", rationale="Hors périmètre", model_id=rice.id)
    )
    line = ranked_backlog(session, "Grille par défaut")[0]
    assert (line.score, line.decision) == (50.0, "no_go")  # its score there, its decision now
