"""Cotation services: versions never edited, decisions explained, undo exact."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers.undo import act, redo, undo
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.store import queries
from po_desktop.store.errors import ConflictError, ValidationError
from po_desktop.store.models import Assessment, Need, NeedEvent
from po_desktop.store.services import needs, scoring
from po_desktop.store.services.scoring import AssessmentInput

MIDDLE = {"relevance": 3, "investment": 3, "time": 2, "resources": 5}  # 50.0 by hand


def _need(session: Session, project_id: int) -> int:
    return needs.create_need(
        session, needs.NeedInput("Relances", "Les factures partent en retard", project_id)
    )


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
        ({**typed, "reach": "1_0"}, "“1_0” is not a valid number for “Reach”."),
        ({**typed, "reach": "nan"}, "“nan” is not a valid number for “Reach”."),
    ]
    for values, message in cases:
        with pytest.raises(ValidationError) as err:
            scoring.assess_need(session, need, AssessmentInput(values, model_id=rice.id))
        assert err.value.render("en") == message
    assert _versions(session, need) == 0
    scoring.assess_need(
        session, need, AssessmentInput({**typed, "impact": "2,0"}, model_id=rice.id)
    )
    assert queries.need_rows(session)[0].score == 50.813275  # (1/2 x 2/3 x 0.8 x 1/4) ** 0.25
    # French groups thousands with a (narrow no-break) space: "1 000" is a thousand.
    scoring.assess_need(
        session, need, AssessmentInput({**typed, "reach": "1\u202f000"}, model_id=rice.id)
    )
    assert scoring.history(session, need)[0].score == 60.427508  # (1 x 2/3 x 0.8 x 0.25) ** 0.25
    # In English, "1,000" is a thousand, as the help text writes it; "1 5" is a typo.
    scoring.assess_need(
        session, need, AssessmentInput({**typed, "reach": "1,000"}, model_id=rice.id)
    )
    assert scoring.history(session, need)[0].score == 60.427508
    with pytest.raises(ValidationError):
        scoring.assess_need(
            session, need, AssessmentInput({**typed, "reach": "1 5"}, model_id=rice.id)
        )


def test_restoring_an_old_version_is_a_new_version_and_undoes_exactly(
    session: Session, project_id: int
) -> None:
    need = _need(session, project_id)
    scoring.assess_need(session, need, AssessmentInput(MIDDLE, "go"))
    scoring.assess_need(
        session, need, AssessmentInput(MIDDLE, "explore", rationale="Étude d'abord")
    )
    change = act(session, lambda s: scoring.restore_assessment(s, need, 1))
    versions = scoring.history(session, need)
    assert [(a.version, a.decision) for a in versions] == [
        (3, "go"),
        (2, "explore"),
        (1, "go"),
    ]
    assert _decisions(session, need)[-1] == ("explore", "go")
    undo(session, change)
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
    assert new.score == 62.14465  # (0.8 x 0.6 x 0.5) ** (1/3) = 0.6214465…
    with pytest.raises(ConflictError):
        scoring.add_preset_grid(session, "ice", "ice MARKETING")
    assert scoring.find_model(session, "ice marketing").id == ice.id
    assert scoring.find_model(session, "grille par defaut").id == default.id


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
    from po_desktop.reports.backlog import ranked_backlog

    need = _need(session, project_id)
    scoring.assess_need(session, need, AssessmentInput(MIDDLE, "go"))
    rice = scoring.add_preset_grid(session, "rice")
    typed = {"reach": "500", "impact": "2", "confidence": "80", "effort": "2"}
    scoring.assess_need(
        session, need, AssessmentInput(typed, "no_go", rationale="Hors périmètre", model_id=rice.id)
    )
    line = ranked_backlog(session, "Grille par défaut")[0]
    assert (line.score, line.decision) == (50.0, "no_go")  # its score there, its decision now


def _draft_with(session: Session, **weights: float) -> scoring.GridDraft:
    draft = scoring.draft_of(scoring.active_model(session))
    criteria = tuple(replace(c, weight=weights.get(c.key, c.weight)) for c in draft.criteria)
    return replace(draft, criteria=criteria)


def test_an_unused_grid_is_edited_in_place_and_undone_exactly(
    session: Session, project_id: int
) -> None:
    model = scoring.active_model(session)
    before = scoring.draft_of(model)
    draft = _draft_with(session, relevance=5)
    draft = replace(draft, name="Grille commerce", criteria=draft.criteria[:2])
    edit = act(session, lambda s: scoring.save_grid(s, model.id, draft))
    assert edit.result == model.id and not edit.created("scoring_model")
    saved = scoring.draft_of(scoring.active_model(session))
    assert saved.name == "Grille commerce"
    assert [c.key for c in saved.criteria] == ["relevance", "investment"]
    assert saved.criteria[0].weight == 5
    undo(session, edit)
    assert scoring.draft_of(scoring.active_model(session)) == before


def test_editing_a_used_grid_makes_a_new_active_grid_and_keeps_old_scores(
    session: Session, project_id: int
) -> None:
    need = _need(session, project_id)
    scoring.assess_need(session, need, AssessmentInput(MIDDLE))
    old = scoring.active_model(session)
    edit = act(session, lambda s: scoring.save_grid(s, old.id, _draft_with(s, relevance=9)))
    assert edit.created("scoring_model") and edit.result != old.id
    new = scoring.active_model(session)
    assert (new.id, new.name) == (edit.result, "Grille par défaut (2)")
    after = scoring.draft_of(new)
    assert [a.model_id for a in scoring.history(session, need)] == [old.id]
    assert scoring.find_model(session, old.id).criteria[0].weight == 3  # untouched
    undo(session, edit)
    assert scoring.active_model(session).id == old.id
    assert [m.id for m in scoring.grids(session)] == [old.id]
    redo(session, edit)  # the same id again: later undo steps still apply
    again = scoring.active_model(session)
    assert (again.id, scoring.draft_of(again)) == (edit.result, after)


def test_grid_edits_are_validated_and_save_nothing(session: Session, project_id: int) -> None:
    model = scoring.active_model(session)
    before = scoring.draft_of(model)
    draft = scoring.draft_of(model)
    bad = [
        (replace(draft, criteria=()), "scoring.no_criterion"),
        (_draft_with(session, time=0), "scoring.bad_weight"),
        (_draft_with(session, time=-2), "scoring.bad_weight"),
        (replace(draft, name="  "), "field.required"),
        (
            replace(draft, criteria=(*draft.criteria, draft.criteria[0])),
            "scoring.criterion_repeated",
        ),
        (
            replace(
                draft,
                criteria=(replace(draft.criteria[0], label_fr=" ", label_en=""),),
            ),
            "scoring.criterion_label",
        ),
    ]
    for wrong, msg_id in bad:
        with pytest.raises(ValidationError) as caught:
            scoring.save_grid(session, model.id, wrong)
        assert caught.value.message.msg_id == msg_id
    rice = scoring.add_preset_grid(session, "rice")
    rice_draft = scoring.draft_of(rice)
    no_effort = replace(rice_draft, criteria=rice_draft.criteria[:3])
    effort_zero = replace(
        rice_draft,
        criteria=(*rice_draft.criteria[:3], replace(rice_draft.criteria[3], scale_min=0)),
    )
    for wrong, msg_id in (
        (no_effort, "scoring.missing_role"),
        (effort_zero, "scoring.formula_scale"),
    ):
        with pytest.raises(ValidationError) as caught:
            scoring.save_grid(session, rice.id, wrong)
        assert caught.value.message.msg_id == msg_id
    assert "RICE" in caught.value.render("fr")
    assert scoring.draft_of(scoring.find_model(session, model.id)) == before


def test_a_used_grid_or_the_last_grid_cannot_be_deleted(session: Session, project_id: int) -> None:
    default = scoring.active_model(session)
    with pytest.raises(ConflictError):
        scoring.delete_grid(session, default.id)  # the only grid
    ice = scoring.add_preset_grid(session, "ice")
    scoring.set_active_grid(session, ice.id)
    draft = scoring.draft_of(ice)
    deleted = act(session, lambda s: scoring.delete_grid(s, ice.id))
    assert scoring.active_model(session).id == default.id
    undo(session, deleted)
    restored = ice.id  # under its own id: a redo of the deletion finds it
    assert scoring.active_model(session).id == restored
    assert scoring.draft_of(scoring.active_model(session)) == draft
    scoring.assess_need(
        session,
        _need(session, project_id),
        AssessmentInput({"impact": 1, "confidence": 1, "ease": 1}),
    )
    with pytest.raises(ConflictError) as caught:
        scoring.delete_grid(session, restored)
    assert "ICE" in caught.value.render("fr")


def test_applying_what_if_weights_rescores_on_a_new_grid_and_undoes(
    session: Session, project_id: int
) -> None:
    a, b, c = (_need(session, project_id) for _ in range(3))
    cheap = {"relevance": 2, "investment": 1, "time": 1, "resources": 1}  # 71.875, then 40.0
    vital = {"relevance": 5, "investment": 4, "time": 4, "resources": 3}  # 56.25, then 86.0
    scoring.assess_need(session, a, AssessmentInput(cheap, "go", decided_by="Claire"))
    scoring.assess_need(session, b, AssessmentInput(vital, "explore", "À chiffrer"))
    old = scoring.active_model(session)
    ice = scoring.add_preset_grid(session, "ice")
    scoring.assess_need(
        session, c, AssessmentInput({"impact": 5, "confidence": 5, "ease": 5}, model_id=ice.id)
    )
    scores = {r.id: r.score for r in queries.need_rows(session)}
    assert scores[a] > scores[b]
    done = act(session, lambda s: scoring.apply_weights(s, old.id, {"relevance": 20}))
    assert set(done.result) == {a, b}  # c was scored on another grid
    (new_grid,) = done.created("scoring_model")
    rows = {r.id: r for r in queries.need_rows(session)}
    assert (rows[a].score, rows[b].score) == (40.0, 86.0)  # relevance now dominates
    assert rows[c].score == scores[c]
    latest = scoring.history(session, b)[0]
    assert (latest.version, latest.decision, latest.rationale) == (2, "explore", "À chiffrer")
    assert latest.model_id == new_grid[0] == scoring.active_model(session).id
    assert {v.value for v in latest.values} == {5, 4, 3}
    assert scoring.history(session, a)[0].decided_by == "Claire"
    assert _decisions(session, a) == [(None, "go")]  # the decision did not change: no event
    added = sorted(key[0] for key in done.created("assessment"))
    undo(session, done)
    assert {r.id: r.score for r in queries.need_rows(session)} == scores
    assert scoring.active_model(session).id == old.id
    assert _versions(session, b) == 1
    redo(session, done)
    assert scoring.history(session, b)[0].id == added[1]
    assert scoring.active_model(session).id == new_grid[0]
    assert {r.id: r.score for r in queries.need_rows(session)}[b] == 86.0


def test_a_long_grid_name_still_gets_a_free_copy_name(session: Session, project_id: int) -> None:
    long_name = "G" * 80
    model = scoring.active_model(session)
    scoring.save_grid(session, model.id, replace(scoring.draft_of(model), name=long_name))
    scoring.assess_need(session, _need(session, project_id), AssessmentInput(MIDDLE))
    saved = scoring.save_grid(session, model.id, _draft_with(session, relevance=4))
    copy = scoring.find_model(session, saved).name
    assert copy == "G" * 76 + " (2)" and len(copy) == 80


def test_the_backlog_ranks_no_archived_need(session: Session, project_id: int) -> None:
    from po_desktop.reports.backlog import ranked_backlog
    from po_desktop.store.services import archive

    kept, shelved, last = (_need(session, project_id) for _ in range(3))
    scoring.assess_need(session, kept, AssessmentInput(MIDDLE, "go"))
    best = {"relevance": 5, "investment": 5, "time": 1, "resources": 1}
    scoring.assess_need(session, shelved, AssessmentInput(best, "no_go", rationale="Hors cible"))
    archive.archive_needs(session, [shelved])  # a no-go left the board, its column open

    lines = ranked_backlog(session)

    assert [line.key for line in lines] == ["ERP-1", "ERP-3"]  # ranked 1, then unscored 2
    assert [line.rank for line in lines] == [1, 2]
    assert last == session.scalar(select(Need.id).where(Need.number == 3))


def test_the_saved_score_is_the_what_if_score_to_the_last_digit(
    session: Session, project_id: int
) -> None:
    from po_desktop.domain.scoring import Reranker, score_text
    from po_desktop.reports.backlog import ranked_backlog

    need = _need(session, project_id)
    values = {"relevance": 5, "investment": 2, "time": 1, "resources": 1}
    scoring.assess_need(session, need, AssessmentInput(values, "go"))
    old = scoring.active_model(session)
    # What-if with resources weighing 4, on the values as saved (read back from the database).
    reranker = Reranker(scoring.grid_of(old), queries.latest_values(session, old.id))
    simulated = dict(reranker.scores(scoring.grid_of(old).with_weight("resources", 4)))
    scoring.apply_weights(session, old.id, {"resources": 4})
    # (3 x 1 + 2 x 0.75 + 2 x 1 + 4 x 1) / 11 = 10.5 / 11 = 95.4545…: 95, where a score kept
    # to a tenth (95.5) showed 96.
    saved = queries.need_rows(session)[0].score
    assert saved == simulated[need] == 95.454545
    assert score_text(saved) == "95"
    # Scored again on the new grid with the same values: the same float once more.
    scoring.assess_need(session, need, AssessmentInput(values, "go"))
    assert scoring.history(session, need)[0].score == saved
    assert ranked_backlog(session)[0].score == saved


def test_scores_equal_on_paper_tie_in_the_backlog(session: Session, project_id: int) -> None:
    from po_desktop.reports.backlog import ranked_backlog

    model = scoring.active_model(session)
    weights = {"relevance": 0.1, "investment": 0.2, "time": 0.3, "resources": 0.4}
    scoring.save_grid(session, model.id, _draft_with(session, **weights))  # unused: in place
    older, newer = _need(session, project_id), _need(session, project_id)
    # 0.2 + 0.3 x 0.75 + 0.4 x 0.75 and 0.1 + 0.3 x 0.75 + 0.4 are both 0.725 (72.5), though
    # the first sum gives 72.50000000000001 in floating point.
    first = {"relevance": 1, "investment": 1, "time": 2, "resources": 2}
    second = {"relevance": 1, "investment": 3, "time": 2, "resources": 1}
    scoring.assess_need(session, newer, AssessmentInput(first, "go"))
    scoring.assess_need(session, older, AssessmentInput(second, "go"))
    lines = ranked_backlog(session)
    assert [(line.rank, line.score, line.tie) for line in lines] == [
        (1, 72.5, "older"),
        (2, 72.5, "older"),
    ]
    assert [line.key for line in lines] == ["ERP-1", "ERP-2"]  # same decision: the older first
