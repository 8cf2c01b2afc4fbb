"""The ranked backlog around the form: what-if weights, the matrix, grids, quick filters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop.store import queries
from po_desktop.store.database import Database
from po_desktop.store.services import needs, projects, scoring
from po_desktop.ui.feedback import Unsaved
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.scoring.grid_dialog import GridsDialog
from po_desktop.ui.scoring.ranked_model import RankedNeedModel
from po_desktop.ui.workspace import Workspace

CHEAP = {"relevance": 2, "investment": 1, "time": 1, "resources": 1}  # 71.875, 40 at relevance x20
VITAL = {"relevance": 5, "investment": 4, "time": 4, "resources": 3}  # 56.25, 86 at relevance x20
FOCUS = {"relevance": 4, "investment": 2, "time": 2, "resources": 2}  # 75.0 - the leader


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        for title in ("Relances", "Paie", "Export", "Portail"):
            needs.create_need(s, needs.NeedInput(title, f"Défi : {title}", erp.id))
        scoring.assess_need(s, 1, scoring.AssessmentInput(CHEAP, "go"))
        scoring.assess_need(s, 2, scoring.AssessmentInput(VITAL, "explore", "À chiffrer"))
        scoring.assess_need(s, 3, scoring.AssessmentInput(FOCUS, "go"))
    win = MainWindow(Workspace(db))
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    win.tabs.setCurrentIndex(MainWindow.SCORING)
    yield win
    win.workspace.undo_stack.clear()


def _order(window: MainWindow) -> list[str]:
    return [r.key for r in window.scoring.model.rows()]


def _cell(window: MainWindow, key: str, column: int) -> str:
    model = window.scoring.model
    row = next(i for i, r in enumerate(model.rows()) if r.key == key)
    return str(model.index(row, column).data())


def _scores(window: MainWindow) -> dict[int, float | None]:
    return {r.id: r.score for r in window.workspace.read(queries.need_rows)}


def test_the_backlog_shows_rank_and_each_criterion(window: MainWindow) -> None:
    model = window.scoring.model
    assert _order(window) == ["ERP-3", "ERP-1", "ERP-2", "ERP-4"]
    assert [_cell(window, k, RankedNeedModel.RANK) for k in _order(window)] == ["1", "2", "3", "—"]
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(RankedNeedModel.FIRST_CRITERION, model.columnCount())
    ]
    assert headers == ["Business", "Investment", "Estimated", "Resources"]
    tip = model.headerData(
        RankedNeedModel.FIRST_CRITERION, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tip == "Business relevance (1 – 5)"
    assert _cell(window, "ERP-2", RankedNeedModel.FIRST_CRITERION + 1) == "4"
    assert _cell(window, "ERP-4", RankedNeedModel.FIRST_CRITERION) == ""  # not scored


def test_what_if_reranks_at_once_and_saves_nothing_until_applied(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    page = window.scoring
    before = _scores(window)
    page.what_if.set_on(True)
    assert window.scoring.list.view.isColumnHidden(RankedNeedModel.MOVE)
    page.what_if.spins["relevance"].setValue(20)
    # Vital jumps from third to first; the cheap one falls from second to third.
    assert _order(window) == ["ERP-2", "ERP-3", "ERP-1", "ERP-4"]
    assert _cell(window, "ERP-2", RankedNeedModel.MOVE) == "▲ 2"
    assert _cell(window, "ERP-1", RankedNeedModel.MOVE) == "▼ 1"
    assert _cell(window, "ERP-2", RankedNeedModel.SCORE) == "86"
    assert not page.list.view.isColumnHidden(RankedNeedModel.MOVE)
    assert page.what_if.summary.text().startswith("Needs moving in the ranking: 3.")
    assert _scores(window) == before  # nothing saved
    page.what_if.reset_button.click()
    assert _order(window) == ["ERP-3", "ERP-1", "ERP-2", "ERP-4"]
    assert not page.what_if.apply_button.isEnabled()

    page.what_if.spins["relevance"].setValue(20)
    feedback.answers = [True]
    page.what_if.apply_button.click()
    after = _scores(window)
    assert (after[1], after[2]) == (40.0, 86.0)
    assert page.grid_combo.currentText() == "Grille par défaut (2)"
    assert not page.what_if.is_on()
    assert _order(window)[0] == "ERP-2"
    window.actions.undo_action.trigger()
    assert _scores(window) == before
    assert page.grid_combo.currentText() == "Grille par défaut"


def test_clicking_a_point_of_the_matrix_opens_its_need(window: MainWindow, qtbot: QtBot) -> None:
    page = window.scoring
    page.tabs.setCurrentIndex(page.MATRIX_TAB)
    qtbot.waitUntil(lambda: len(page.matrix.points()) == 3)  # ERP-4 has no score
    # quick wins, big bets, fill-ins, money pits: ERP-3, ERP-2, ERP-1
    assert page.matrix.quadrant_counts() == (1, 1, 1, 0)
    vital = next(p for p in page.matrix.points() if p.key == "ERP-2")
    assert (vital.value, vital.effort) == (100.0, 70.0)  # (2 x 0.75 + 2 x 0.75 + 0.5) / 5
    qtbot.mouseClick(
        page.matrix, Qt.MouseButton.LeftButton, pos=page.matrix.position_of(vital).toPoint()
    )
    assert page.form.need_id == 2
    assert page.list.current_id() == 2
    window.search.setText("Relances")  # the matrix shows the filtered needs only
    qtbot.waitUntil(lambda: [p.key for p in page.matrix.points()] == ["ERP-1"])
    assert page.matrix.need_at(page.matrix.position_of(vital)) is None


def test_the_scoring_list_has_the_boards_quick_filters(window: MainWindow) -> None:
    filters = window.scoring.filters
    filters.decision.setCurrentIndex(filters.decision.findData("explore"))
    assert _order(window) == ["ERP-2"]
    filters.decision.setCurrentIndex(filters.decision.findData("unscored"))
    assert _order(window) == ["ERP-4"]
    filters.clear_button.click()
    assert len(_order(window)) == 4


def test_switching_the_active_grid_is_undoable(window: MainWindow) -> None:
    page = window.scoring
    ice = window.workspace.read(lambda s: scoring.add_preset_grid(s, "ice").id)
    window.workspace.changed_elsewhere()
    page.grid_combo.setCurrentIndex(page.grid_combo.findData(ice))
    page.grid_combo.activated.emit(page.grid_combo.currentIndex())
    assert window.workspace.read(lambda s: scoring.active_model(s).id) == ice
    assert page.model.criteria[0].key == "impact"  # the columns follow the active grid
    window.actions.undo_action.trigger()
    assert window.workspace.read(lambda s: scoring.active_model(s).name) == "Grille par défaut"


def test_editing_a_used_grid_in_the_dialog_makes_a_new_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = GridsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    assert dialog.notice.text().startswith("Used by 3 assessments.")
    weight = dialog.table.item(0, dialog.WEIGHT)
    weight.setText("0")
    assert dialog.save_button.isEnabled()
    assert not dialog.save()
    assert "must be a positive number" in dialog.error.text()
    assert dialog.grid_list.count() == 1  # nothing saved
    weight.setText("beaucoup")
    assert not dialog.save() and "not a valid number" in dialog.error.text()
    weight.setText("4,5")  # a French decimal comma is understood
    assert dialog.save()
    assert dialog.grid_list.count() == 2
    assert dialog.name.text() == "Grille par défaut (2)"
    active = window.workspace.read(lambda s: scoring.draft_of(scoring.active_model(s)))
    assert (active.name, active.criteria[0].weight) == ("Grille par défaut (2)", 4.5)
    assert window.workspace.read(lambda s: scoring.history(s, 1)[0].model_id) != dialog.model_id
    window.actions.undo_action.trigger()
    assert dialog.grid_list.count() == 1


def test_a_new_grid_from_a_preset_can_be_edited_and_deleted(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    dialog = GridsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.add_preset("rice")
    assert dialog.name.text() == "RICE" and dialog.table.rowCount() == 4
    assert "edited in place" in dialog.notice.text()
    dialog.table.item(3, dialog.LOW).setText("0")  # an effort that could be 0
    assert not dialog.save() and "no work takes zero effort" in dialog.error.text()
    dialog.table.item(3, dialog.LOW).setText("0,5")
    dialog.add_criterion()
    dialog.table.item(4, dialog.LABEL_FR).setText("Alignement stratégique")
    assert dialog.save()
    rice = window.workspace.read(lambda s: scoring.draft_of(scoring.find_model(s, "RICE")))
    assert [c.label_en for c in rice.criteria][-1] == "Alignement stratégique"
    feedback.answers = [True]
    dialog.delete()
    assert dialog.grid_list.count() == 1
    window.actions.undo_action.trigger()
    assert dialog.grid_list.count() == 2


def test_cancel_keeps_the_typed_scoring_even_when_a_search_hides_its_need(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    page = window.scoring
    page.list.select_need(4)
    page.form.inputs["relevance"].setText("5")
    window.search.setText("Paie")  # hides ERP-4, whose scoring is being typed
    qtbot.waitUntil(lambda: _order(window) == ["ERP-2"])
    assert page.form.need_id == 4 and page.form.inputs["relevance"].text() == "5"
    feedback.default_unsaved = Unsaved.CANCEL
    page.list.select_need(2)
    qtbot.wait(20)
    assert len(feedback.questions) == 1  # asked once, not again when the selection goes back
    assert page.list.current_id() is None  # ERP-4 is hidden: nothing else is selected
    assert page.form.need_id == 4 and page.form.inputs["relevance"].text() == "5"
    page.form.load(None)  # drop the typing: closing the window would ask about it


def test_an_undo_while_typing_refreshes_the_history_and_keeps_the_typing(
    window: MainWindow,
) -> None:
    form = window.scoring.form
    window.scoring.list.select_need(1)
    form.inputs["relevance"].setText("3")
    assert form.save() and form.history.count() == 2
    form.inputs["relevance"].setText("4")  # typing again, not saved
    window.actions.undo_action.trigger()  # takes back the version just saved
    assert form.history.count() == 1
    assert form.inputs["relevance"].text() == "4"
    form.load(None)  # drop the typing: closing the window would ask about it


def test_apply_keeps_untouched_weights_to_the_last_digit(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    def precise(s: object) -> object:
        draft = scoring.draft_of(scoring.active_model(s))  # type: ignore[arg-type]
        first = replace(draft.criteria[0], weight=2.254)  # shown as 2.25 in the box
        return scoring.save_grid(
            s, None, replace(draft, name="Précise", criteria=(first, *draft.criteria[1:]))
        )  # type: ignore[arg-type]

    made = window.workspace.read(precise)
    window.workspace.read(lambda s: scoring.set_active_grid(s, made))
    window.workspace.changed_elsewhere()
    page = window.scoring
    page.what_if.set_on(True)
    page.what_if.spins["investment"].setValue(3)
    assert page.what_if.weights() == {"investment": 3.0}
    feedback.answers = [True]
    assert page.apply_weights()
    grid = window.workspace.read(lambda s: scoring.draft_of(scoring.active_model(s)))
    assert [c.weight for c in grid.criteria] == [2.254, 3.0, 2.0, 1.0]
    page.what_if.set_on(True)
    page.what_if.spins["time"].setValue(5)
    page.what_if.reset_button.click()
    assert not page.what_if.apply_button.isEnabled()  # back to exactly the saved weights


def test_a_grid_switch_while_sorted_by_a_criterion_falls_back_to_the_rank(
    window: MainWindow,
) -> None:
    page = window.scoring
    page.list.view.sortByColumn(RankedNeedModel.FIRST_CRITERION + 3, Qt.SortOrder.AscendingOrder)
    ice = window.workspace.read(lambda s: scoring.add_preset_grid(s, "ice").id)
    window.workspace.read(lambda s: scoring.set_active_grid(s, ice))
    window.workspace.changed_elsewhere()  # three criteria now: the fourth column is gone
    header = page.list.view.horizontalHeader()
    assert header.sortIndicatorSection() == RankedNeedModel.RANK
    assert _order(window) == ["ERP-3", "ERP-1", "ERP-2", "ERP-4"]


def test_the_simulation_follows_a_scoring_saved_meanwhile(window: MainWindow) -> None:
    page = window.scoring
    page.what_if.set_on(True)
    page.what_if.spins["relevance"].setValue(20)
    page.list.select_need(4)
    for key, text in {"relevance": "5", "investment": "1", "time": "1", "resources": "1"}.items():
        page.form.inputs[key].setText(text)
    assert page.form.save()
    assert _order(window)[0] == "ERP-4"  # 100 whatever the weights: first in the simulation
    assert _cell(window, "ERP-4", RankedNeedModel.RANK) == "1"
    assert _cell(window, "ERP-2", RankedNeedModel.RANK) == "2"


def test_redo_of_a_grid_deletion_finds_the_grid_again(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    dialog = GridsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.add_preset("ice")
    feedback.answers = [True]
    dialog.delete()
    window.actions.undo_action.trigger()  # deletion undone
    window.actions.undo_action.trigger()  # creation undone
    window.actions.redo_action.trigger()
    window.actions.redo_action.trigger()
    assert dialog.grid_list.count() == 1
    assert not dialog.error.isVisible()
    assert window.workspace.undo_stack.canUndo()


def test_saving_on_the_way_shows_the_grid_clicked(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    dialog = GridsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.add_preset("ice")
    dialog.grid_list.setCurrentRow(0)
    dialog.name.setText("Grille renommée")
    dialog.name.textEdited.emit("Grille renommée")
    feedback.answers = [Unsaved.SAVE]
    dialog.grid_list.setCurrentRow(1)  # ICE, with the rename still unsaved
    assert dialog.name.text() == "ICE"
    assert dialog.grid_list.currentItem().text().startswith("ICE")
    names = window.workspace.read(lambda s: [m.name for m in scoring.grids(s)])
    assert "Grille renommée" in names  # a copy: the default grid scored needs


def test_an_archived_need_leaves_the_ranking_and_its_counts(window: MainWindow) -> None:
    from po_desktop.store.services import archive

    window.workspace.perform("Archiver", lambda s: archive.archive_needs(s, [3]))  # the leader

    model = window.scoring.model
    assert "ERP-3" not in _order(window)
    assert [_cell(window, k, RankedNeedModel.RANK) for k in _order(window)] == ["1", "2", "—"]
    assert [r.rank for r in model.saved_ranking()] == [1, 2]
    # Scoring ERP-4 at the top would make it first of three, not of four.
    assert model.rank_preview(4, 99.0, "go") == (1, 3)


def test_a_score_shows_as_worked_out_by_hand_simulated_saved_and_previewed(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    page = window.scoring
    page.list.select_need(4)
    for key, text in {"relevance": "5", "investment": "2", "time": "1", "resources": "1"}.items():
        page.form.inputs[key].setText(text)
    assert page.form.save()  # (3 + 1.5 + 2 + 1) / 8 = 93.75 on the weights as they are
    page.what_if.set_on(True)
    page.what_if.spins["resources"].setValue(4)
    # (3 x 1 + 2 x 0.75 + 2 x 1 + 4 x 1) / 11 = 10.5 / 11 = 95.4545…: 95 by hand. Kept to a
    # tenth (95.5), it showed 96.
    assert _cell(window, "ERP-4", RankedNeedModel.SCORE) == "95"
    model = page.model
    row = next(r for r in model.rows() if r.key == "ERP-4")
    simulated = model.score_of(row)
    score_index = model.index(model.rows().index(row), RankedNeedModel.SCORE)
    assert score_index.data(Qt.ItemDataRole.ToolTipRole) == "Saved score 94, simulated 95"
    feedback.answers = [True]
    assert page.apply_weights()
    assert _scores(window)[4] == simulated == 95.454545  # what-if showed what is saved
    assert _cell(window, "ERP-4", RankedNeedModel.SCORE) == "95"
    # The other needs on 3 / 2 / 2 / 4: (0.75 + 2 + 2 + 4) / 11 = 79.5…, (2.25 + 1.5 + 1.5
    # + 3) / 11 = 75, (3 + 0.5 + 0.5 + 2) / 11 = 54.5454… (55 by hand, 54 from 54.5).
    assert [_cell(window, k, RankedNeedModel.SCORE) for k in _order(window)] == [
        "95",
        "80",
        "75",
        "55",
    ]
    page.list.select_need(4)
    assert page.form.score_label.text() == "95 / 100 — rank 1 of 4 in the backlog"
