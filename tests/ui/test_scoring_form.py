"""The cotation form as a product owner uses it with a requester."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop.store import queries
from po_desktop.store.database import Database
from po_desktop.store.services import needs, projects, scoring
from po_desktop.ui.feedback import Unsaved
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.workspace import Workspace

MIDDLE = {"relevance": "3", "investment": "3", "time": "2", "resources": "5"}  # 50 by hand


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        for title in ("Relances", "Export comptable", "Paie"):
            needs.create_need(s, needs.NeedInput(title, f"Défi : {title}", erp.id))
        scoring.assess_need(
            s, 3, scoring.AssessmentInput({**MIDDLE, "relevance": "5"}, "go")
        )  # Paie: (3 + 1 + 1.5 + 0) / 8 = 68.75
    win = MainWindow(Workspace(db))
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentIndex(MainWindow.SCORING)
    yield win
    win.workspace.undo_stack.clear()


def _fill(window: MainWindow, values: dict[str, str]) -> None:
    for key, text in values.items():
        window.scoring.form.inputs[key].setText(text)


def _select(window: MainWindow, need_id: int) -> None:
    window.scoring.list.select_need(need_id)


def test_scoring_a_need_with_a_live_score_then_undo(window: MainWindow) -> None:
    form = window.scoring.form
    _select(window, 1)
    assert form.heading.text() == "ERP-1 — Relances"
    assert "Défi : Relances" in form.problem.toPlainText()  # the real need comes first
    _fill(window, MIDDLE)
    assert form.score_label.text() == "50 / 100 — rank 2 of 2 in the backlog"
    form.decision.setCurrentIndex(form.decision.findData("go"))
    form.decided_by.setText("Léa Martin")
    assert form.save()
    row = next(r for r in window.need_rows if r.id == 1)
    assert (row.score, row.decision) == (50.0, "go")
    assert form.history.count() == 1 and "Léa Martin" in form.history.item(0).text()
    window.actions.undo_action.trigger()
    assert next(r for r in window.need_rows if r.id == 1).score is None


def test_refusals_keep_what_was_typed(window: MainWindow) -> None:
    form = window.scoring.form
    _select(window, 1)
    _fill(window, {**MIDDLE, "time": "beaucoup"})
    assert "not a valid number" in form.score_label.text()
    _fill(window, MIDDLE)
    form.decision.setCurrentIndex(form.decision.findData("no_go"))
    assert not form.save()
    assert form.error.isVisibleTo(form) and "requester will read" in form.error.text()
    assert form.inputs["time"].text() == "2" and form.decision.currentData() == "no_go"
    assert window.workspace.undo_stack.count() == 0
    form.rationale.setPlainText("Déjà couvert par l'ERP")
    assert form.save()
    assert next(r for r in window.need_rows if r.id == 1).decision == "no_go"


def test_an_older_version_can_be_restored_and_undone(window: MainWindow) -> None:
    form = window.scoring.form
    _select(window, 3)  # Paie, scored go at 68.75
    _fill(window, MIDDLE)
    form.decision.setCurrentIndex(form.decision.findData("explore"))
    form.rationale.setPlainText("Étude de faisabilité")
    assert form.save()
    assert form.history.count() == 2
    form.history.setCurrentRow(1)  # version 1
    assert form.restore_button.isEnabled()
    assert form.restore_selected()
    versions = window.workspace.read(lambda s: scoring.history(s, 3))
    assert (versions[0].version, versions[0].decision, versions[0].score) == (3, "go", 68.75)
    window.actions.undo_action.trigger()
    versions = window.workspace.read(lambda s: scoring.history(s, 3))
    assert [a.version for a in versions] == [2, 1]


def test_next_unscored_walks_the_scoring_session(window: MainWindow) -> None:
    page = window.scoring
    rows = page.model.rows()
    assert rows[0].score is not None  # ranked first: the scored need
    _select(window, rows[0].id)
    page.step_unscored(1)
    first = page.list.current_id()
    assert first is not None and first != rows[0].id
    page.step_unscored(1)
    second = page.list.current_id()
    assert second not in (None, first)
    page.step_unscored(-1)
    assert page.list.current_id() == first
    assert all(
        r.score is None for r in window.workspace.read(queries.need_rows) if r.id in (first, second)
    )


def test_leaving_a_need_with_unsaved_scoring_asks(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    form = window.scoring.form
    _select(window, 1)
    _fill(window, MIDDLE)
    feedback.default_unsaved = Unsaved.CANCEL
    _select(window, 2)
    qtbot.waitUntil(lambda: window.scoring.list.current_id() == 1)  # back to ERP-1
    assert form.need_id == 1 and form.inputs["time"].text() == "2"
    feedback.default_unsaved = Unsaved.SAVE
    _select(window, 2)
    assert form.need_id == 2
    assert next(r for r in window.need_rows if r.id == 1).score == 50.0  # saved on the way


def test_switching_database_with_unsaved_scoring_asks_first(
    window: MainWindow, tmp_path: Path, feedback: FakeFeedback
) -> None:
    _select(window, 1)
    _fill(window, MIDDLE)
    feedback.default_unsaved = Unsaved.CANCEL
    assert not window.files.switch_database(tmp_path / "other.podb")
    assert window.scoring.form.inputs["time"].text() == "2"  # still there, nothing lost
    assert not window.close()  # closing asks too
    assert window.isVisible()
    feedback.default_unsaved = Unsaved.DISCARD
    assert window.files.switch_database(tmp_path / "other.podb")
    assert window.scoring.form.need_id is None


def test_the_tab_orders_equal_scores_like_the_backlog(window: MainWindow) -> None:
    form = window.scoring.form
    for need_id, decision in ((1, "pending"), (2, "go")):
        _select(window, need_id)
        _fill(window, MIDDLE)
        form.decision.setCurrentIndex(form.decision.findData(decision))
        assert form.save()
    keys = [r.key for r in window.scoring.model.rows()]
    assert keys[:3] == ["ERP-3", "ERP-2", "ERP-1"]  # 68.75, then 50 go before 50 pending


def test_switching_grids_and_back_keeps_the_saved_values(window: MainWindow) -> None:
    form = window.scoring.form
    _select(window, 3)
    assert form.inputs["relevance"].text() == "5"
    ice = window.workspace.read(lambda s: scoring.add_preset_grid(s, "ice").id)
    window.workspace.changed_elsewhere()
    _select(window, 3)
    form.grid_combo.setCurrentIndex(form.grid_combo.findData(ice))
    assert set(form.inputs) == {"impact", "confidence", "ease"}
    form.grid_combo.setCurrentIndex(0)
    assert form.inputs["relevance"].text() == "5" and form.inputs["time"].text() == "2"


def test_a_scoring_saved_after_someone_else_scored_the_need_is_refused_keeping_it(
    window: MainWindow, db: Database
) -> None:
    form = window.scoring.form
    _select(window, 1)
    _fill(window, MIDDLE)
    form.decision.setCurrentIndex(form.decision.findData("go"))
    # Meanwhile, on another laptop of the team, Virginie scores the same need.
    with db.session() as s:
        theirs = {**MIDDLE, "time": "5"}
        virginie = scoring.AssessmentInput(theirs, "explore", "À creuser", "Virginie Morel")
        scoring.assess_need(s, 1, virginie, based_on=0)
    assert not form.save()
    assert form.error.isVisibleTo(form)
    assert form.error.text().startswith("ERP-1 was scored again at ")
    assert "decided by Virginie Morel" in form.error.text()
    assert form.values() == MIDDLE and form.decision.currentData() == "go"  # nothing lost
    assert "Virginie Morel" in form.history.item(0).text()  # their version now listed
    assert window.workspace.undo_stack.count() == 0
    # Saved again, knowingly: it replaces theirs as a new version.
    assert form.save()
    assert [form.history.item(i).text()[:2] for i in range(form.history.count())] == ["v2", "v1"]
    assert next(r for r in window.need_rows if r.id == 1).decision == "go"
