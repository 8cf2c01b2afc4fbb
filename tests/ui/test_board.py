"""The kanban board as a product owner drives it: drag, keys, limits, lanes, filters, undo."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from helpers.keys import type_text
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.readiness import EntryRule
from po_desktop.store import queries
from po_desktop.store.database import Database, open_database
from po_desktop.store.models import Assessment, NeedEvent, ScoringModel, Sprint
from po_desktop.store.services import columns, needs, people, projects
from po_desktop.ui.board.cells import CARD_ROLE, MIME_TYPE, CellModel
from po_desktop.ui.board.settings_dialog import BoardSettingsDialog
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def board_db(db: Database) -> Database:
    """Two projects, two people, a sprint, eight needs spread over the first columns."""
    with db.session() as s:
        erp = projects.create_project(
            s, projects.ProjectInput("ERP", "Déploiement ERP", "internal")
        )
        plat = projects.create_project(s, projects.ProjectInput("PLAT", "Plateforme client"))
        lea = people.create_person(s, people.PersonInput("Léa Martin", "Dév", "IT")).id
        hugo = people.create_person(
            s, people.PersonInput("Hugo Petit", "Marketing", "Marketing")
        ).id
        sprint = Sprint(
            name="Sprint 12",
            start_date=date(2026, 11, 23),
            end_date=date(2026, 12, 4),
            state="active",
        )
        s.add(sprint)
        s.commit()
        flow = [c.id for c in columns.ordered_columns(s)]
        specs = [
            (
                "Relances de factures",
                erp.id,
                0,
                dict(points=3, assignee_id=lea, sprint_id=sprint.id, business_unit="Finance"),
            ),
            ("Export comptable", erp.id, 0, dict(points=2, tags=["compta"], source="team")),
            (
                "Paie mensuelle",
                erp.id,
                0,
                dict(points=5, assignee_id=hugo, technical=False, business_unit="RH"),
            ),
            (
                "Espace client mobile",
                plat.id,
                1,
                dict(points=8, source="customer", sprint_id=sprint.id),
            ),
            (
                "Campagne salon",
                plat.id,
                1,
                dict(technical=False, business_unit="Marketing", assignee_id=hugo),
            ),
            ("Recherche produits", plat.id, 2, dict(points=1, source="customer")),
            ("Tableau RH", erp.id, 3, dict(points=2, assignee_id=lea)),
            ("Inventaire", erp.id, 3, dict(points=3)),
        ]
        for title, project, column, extra in specs:
            needs.create_need(
                s,
                needs.NeedInput(
                    title, f"Défi : {title.lower()}", project, column_id=flow[column], **extra
                ),  # type: ignore[arg-type]
            )
        model = s.scalar(select(ScoringModel))
        assert model is not None
        s.add(Assessment(need_id=1, model_id=model.id, version=1, score=80, decision="go"))
        s.add(Assessment(need_id=2, model_id=model.id, version=1, score=20, decision="no_go"))
        s.commit()
    return db


@pytest.fixture
def window(app: QApplication, board_db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(Workspace(board_db))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.workspace.undo_stack.clear()


def _column_ids(window: MainWindow) -> list[int]:
    return [c.id for c in window.board.model.columns]


def _cell(window: MainWindow, column: int, lane: object = None) -> CellModel:
    return window.board.model.cell(lane, _column_ids(window)[column])


def _titles(window: MainWindow, column: int, lane: object = None) -> list[str]:
    return [r.title for r in _cell(window, column, lane).rows()]


def _id(window: MainWindow, title: str) -> int:
    return next(r.id for r in window.need_rows if r.title == title)


def _events(window: MainWindow, need_id: int) -> list[tuple[str, str | None, str | None]]:
    def read(s: Session) -> list[tuple[str, str | None, str | None]]:
        rows = s.execute(
            select(NeedEvent.field, NeedEvent.old_value, NeedEvent.new_value)
            .where(NeedEvent.need_id == need_id)
            .order_by(NeedEvent.id)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]

    return window.workspace.read(read)


def _select(window: MainWindow, *titles: str) -> None:
    ids = [_id(window, t) for t in titles]
    window.board.select_needs(ids, ids[0])


def _press(window: MainWindow, qtbot: QtBot, key: Qt.Key) -> None:
    view = window.board.view.current_view()
    assert view is not None, "a card list has the focus"
    qtbot.keyClick(view, key, Qt.KeyboardModifier.ControlModifier)


def _drop(cell: CellModel, ids: list[int], row: int, source: CellModel | None = None) -> bool:
    if source is not None:
        mime = source.mimeData([source.index(source.row_of(i)) for i in ids])  # type: ignore[arg-type]
    else:
        mime = QMimeData()
        payload = {"board": cell.board.token, "lane": None, "ids": ids}
        mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
    if not cell.canDropMimeData(mime, Qt.DropAction.MoveAction, row, 0, QModelIndex()):
        return False
    cell.dropMimeData(mime, Qt.DropAction.MoveAction, row, 0, QModelIndex())
    return True


# --- columns and cards --------------------------------------------------------------------


def test_columns_show_cards_in_rank_order_with_counts_and_points(window: MainWindow) -> None:
    names = [c.name for c in window.board.model.columns]
    assert names == ["À qualifier", "À coter", "Prêt", "En cours", "En revue", "Terminé"]
    assert _titles(window, 0) == ["Relances de factures", "Export comptable", "Paie mensuelle"]
    header = window.board.view.column_header(0)
    assert header.name.text() == "À qualifier"
    assert header.figures.text() == "3 needs · 10 pts"
    assert window.count_label.text() == "Needs shown: 8 of 8"


def test_delegate_paints_every_card_field(window: MainWindow) -> None:
    """A painted card shows key, title, points, decision, initials, age and the tag."""
    from po_desktop.ui.board.delegate import initials

    assert initials("Léa Martin") == "LM" and initials("Jean-Pierre") == "JP" and initials("") == ""
    view = window.board.view.view(None, _column_ids(window)[0])
    assert view is not None
    image = view.viewport().grab().toImage()
    stripe = image.pixelColor(8, 20)  # ERP's colour stripe on the first card
    assert stripe.name().upper() == _row_colour(window, "Relances de factures")
    tooltip = _cell(window, 0).index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "ERP-1" in tooltip and "Léa Martin" in tooltip and "Sprint 12" in tooltip


def test_a_card_is_drawn_the_same_through_a_smoothing_painter(window: MainWindow) -> None:
    """A card is drawn from its cached picture pixel for pixel: through a painter with a
    smooth pixmap transform (as item views paint), turned off for that draw (5 to 8 times
    faster), the card is the same and the painter's hint is left as it was."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from po_desktop.ui.board.delegate import CARD_HEIGHT

    view = window.board.view.view(None, _column_ids(window)[0])
    assert view is not None
    delegate = window.board.view.delegate
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, view.viewport().width(), CARD_HEIGHT)
    option.palette = view.palette()
    option.font = view.font()
    option.state = QStyle.StateFlag.State_Enabled
    smooth = QPainter.RenderHint.SmoothPixmapTransform
    images = []
    for hint in (False, True, True):  # the last from the cache
        image = QImage(option.rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(smooth, hint)
        delegate.paint(painter, option, _cell(window, 0).index(0))
        assert painter.testRenderHint(smooth) == hint
        painter.end()
        images.append(image)
    assert images[0] == images[1] == images[2]
    blank = QImage(images[0].size(), images[0].format())
    blank.fill(Qt.GlobalColor.white)
    assert images[0] != blank  # a card was drawn


def _row_colour(window: MainWindow, title: str) -> str:
    return next(r.project_color for r in window.need_rows if r.title == title).upper()


# --- drag and drop ------------------------------------------------------------------------


def test_drag_and_drop_between_and_within_columns(window: MainWindow, qtbot: QtBot) -> None:
    source, target = _cell(window, 0), _cell(window, 1)
    moving = _id(window, "Export comptable")
    assert _drop(target, [moving], 1, source)  # between the two cards of "À coter"
    qtbot.waitUntil(
        lambda: _titles(window, 1) == ["Espace client mobile", "Export comptable", "Campagne salon"]
    )
    assert _titles(window, 0) == ["Relances de factures", "Paie mensuelle"]
    flow = _column_ids(window)
    assert _events(window, moving)[-1] == ("column", str(flow[0]), str(flow[1]))
    # Within a column: drop the last card at the top.
    campagne = _id(window, "Campagne salon")
    assert _drop(_cell(window, 1), [campagne], 0, _cell(window, 1))
    qtbot.waitUntil(lambda: _titles(window, 1)[0] == "Campagne salon")
    assert window.board.selected_ids() == [campagne]  # the moved card stays selected
    # Two cards at once, dropped at the end.
    ids = [_id(window, "Relances de factures"), _id(window, "Paie mensuelle")]
    assert _drop(_cell(window, 2), ids, -1, _cell(window, 0))
    qtbot.waitUntil(lambda: _titles(window, 0) == [])
    assert _titles(window, 2) == ["Recherche produits", "Relances de factures", "Paie mensuelle"]


def test_drops_from_elsewhere_are_refused(window: MainWindow) -> None:
    target = _cell(window, 1)
    foreign = QMimeData()
    payload = {"board": "another-window", "lane": None, "ids": [1]}
    foreign.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
    assert not target.canDropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    garbage = QMimeData()
    garbage.setData(MIME_TYPE, QByteArray(b"{not json"))
    assert not target.canDropMimeData(garbage, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    text = QMimeData()
    text.setText("ERP-1")
    assert not target.dropMimeData(text, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert target.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert not target.flags(target.index(0)) & Qt.ItemFlag.ItemIsDropEnabled  # between, not on


# --- keyboard -----------------------------------------------------------------------------


def test_every_keyboard_move(window: MainWindow, qtbot: QtBot, qtmodeltester) -> None:
    for cell in window.board.model.cells():
        qtmodeltester.check(cell)  # and it keeps watching the rows moves insert and remove
    window.activateWindow()
    _select(window, "Paie mensuelle")
    _press(window, qtbot, Qt.Key.Key_Up)
    assert _titles(window, 0) == ["Relances de factures", "Paie mensuelle", "Export comptable"]
    _press(window, qtbot, Qt.Key.Key_Home)
    assert _titles(window, 0) == ["Paie mensuelle", "Relances de factures", "Export comptable"]
    _press(window, qtbot, Qt.Key.Key_Down)
    assert _titles(window, 0) == ["Relances de factures", "Paie mensuelle", "Export comptable"]
    _press(window, qtbot, Qt.Key.Key_Right)  # to the top of the next column, in sight
    assert _titles(window, 1) == ["Paie mensuelle", "Espace client mobile", "Campagne salon"]
    assert "Paie mensuelle" not in _titles(window, 0)
    _press(window, qtbot, Qt.Key.Key_Left)
    assert _titles(window, 0)[0] == "Paie mensuelle"
    assert window.board.selected_ids() == [_id(window, "Paie mensuelle")]
    # Multi-selection moves together, in order.
    _select(window, "Relances de factures", "Export comptable")
    _press(window, qtbot, Qt.Key.Key_Right)
    assert _titles(window, 1)[:2] == ["Relances de factures", "Export comptable"]
    # Plain arrows walk between columns without moving anything.
    view = window.board.view.current_view()
    assert view is not None
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert window.board.view.current_view() is window.board.view.view(None, _column_ids(window)[2])
    assert _undo_texts(window)[-1] == "Move 2 needs"  # English plural forms, not "need(s)"


def test_a_card_read_while_a_move_removes_and_inserts_it_is_never_another_card(
    window: MainWindow, qtbot: QtBot
) -> None:
    """A view that reads the cards while the rows change (Qt tells it at once) gets the
    card at that place, or no card while the strings and the rows differ: never another
    card. Just before the card leaves and just after it arrives, every card reads (a
    screen reader says the new current card then)."""
    reads: list[tuple[str, list[object], list[object]]] = []

    def read_all(phase: str, cell: CellModel) -> None:
        shown = [cell.data(cell.index(at), CARD_ROLE) for at in range(cell.rowCount())]
        reads.append((phase, shown, list(cell.rows())))

    for cell in window.board.model.cells():
        for phase, signal in (
            ("leaving", cell.rowsAboutToBeRemoved),
            ("left", cell.rowsRemoved),
            ("arriving", cell.rowsAboutToBeInserted),
            ("arrived", cell.rowsInserted),
        ):
            signal.connect(lambda *_, phase=phase, cell=cell: read_all(phase, cell))
    window.activateWindow()
    _select(window, "Relances de factures")
    source = _titles(window, 0)
    assert source.index("Relances de factures") < len(source) - 1  # cards below it move up
    _press(window, qtbot, Qt.Key.Key_Right)
    assert "Relances de factures" in _titles(window, 1)
    assert {phase for phase, _shown, _rows in reads} == {"leaving", "left", "arriving", "arrived"}
    for phase, shown, rows in reads:
        if phase in ("leaving", "arrived"):  # the strings and the rows agree
            assert shown == rows
        else:  # they differ: nothing, rather than the card one place off
            assert all(card is None for card in shown)


def test_a_move_updates_the_badges_of_the_cards_it_unblocks_and_of_its_epic(
    window: MainWindow,
) -> None:
    # A move repaints its two columns only, unless what cards show of links changed.
    from po_desktop.store.services import links

    blocker, blocked = _id(window, "Paie mensuelle"), _id(window, "Espace client mobile")
    epic, child = _id(window, "Relances de factures"), _id(window, "Export comptable")
    window.workspace.perform("Link", lambda s: links.link_needs(s, blocker, "blocks", blocked))
    window.workspace.perform("Link", lambda s: links.link_needs(s, epic, "parent", child))
    board = window.board
    epic_key = board.model.need(epic).key  # type: ignore[union-attr]
    assert board.tr("blocked") in [text for text, _colour in board._badges(blocked)]
    assert epic_key in [text for text, _colour in board._badges(child)]
    progress = [text for text, _colour in board._badges(epic)]
    done = next(c.id for c in board.model.columns if c.is_done)
    board.request_move([blocker, child], done, None)
    assert board.model.column_of(blocker) == done
    assert board.tr("blocked") not in [text for text, _colour in board._badges(blocked)]
    assert [text for text, _colour in board._badges(epic)] != progress  # its child is done
    board.request_move([_id(window, "Campagne salon")], _column_ids(window)[0], None)
    window.workspace.undo_stack.undo()  # that unrelated move, then the blocker's
    window.workspace.undo_stack.undo()
    assert board.tr("blocked") in [text for text, _colour in board._badges(blocked)]
    assert [text for text, _colour in board._badges(epic)] == progress


def _undo_texts(window: MainWindow) -> list[str]:
    stack = window.workspace.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def test_undo_and_redo_of_a_move_restore_column_rank_and_events(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.activateWindow()
    need = _id(window, "Export comptable")
    before_events = _events(window, need)
    _select(window, "Export comptable")
    _press(window, qtbot, Qt.Key.Key_Right)
    moved_events = _events(window, need)
    assert len(moved_events) == len(before_events) + 1
    window.actions.undo_action.trigger()
    assert _titles(window, 0) == ["Relances de factures", "Export comptable", "Paie mensuelle"]
    assert _events(window, need) == before_events
    window.actions.redo_action.trigger()
    assert _titles(window, 1)[0] == "Export comptable"
    assert _events(window, need) == moved_events


# --- WIP limits ---------------------------------------------------------------------------


def test_breaking_a_wip_limit_asks_first(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    flow = _column_ids(window)
    with window.workspace.session() as s:
        columns.update_column(s, flow[3], name="En cours", wip_limit=2)
    window.workspace.changed_elsewhere()
    header = window.board.view.column_header(3)
    assert header.wip.text() == "2 / 2" and not header.over
    feedback.default_answer = False
    asked = feedback.shown
    window.activateWindow()
    _select(window, "Recherche produits")
    _press(window, qtbot, Qt.Key.Key_Right)  # "Prêt" -> "En cours": 3 for a limit of 2
    question = feedback.questions[0]
    assert "3" in question and "2" in question and "En cours" in question
    assert "Recherche produits" in _titles(window, 2)  # refused: nothing moved
    assert window.workspace.undo_stack.count() == 0
    feedback.default_answer = True
    _press(window, qtbot, Qt.Key.Key_Right)
    assert "Recherche produits" in _titles(window, 3)
    header = window.board.view.column_header(3)
    assert header.over and not header.warning_icon.isHidden()
    assert header.wip.text() == "3 / 2"
    assert header.alert.text() == "WIP limit exceeded" and not header.alert.isHidden()
    asked.clear()
    _select(window, "Tableau RH")
    _press(window, qtbot, Qt.Key.Key_Down)  # reordering inside the column asks nothing
    assert not asked


# --- swimlanes ----------------------------------------------------------------------------


def test_swimlanes_by_project_assignee_and_unit(window: MainWindow, qtbot: QtBot) -> None:
    board = window.board
    board.lanes.setCurrentIndex(board.lanes.findData("project"))
    labels = [lane.label for lane in board.model.lanes]
    assert labels == ["ERP — Déploiement ERP", "PLAT — Plateforme client"]
    erp = board.model.lanes[0].key
    assert board.model.lane_counts[erp] == 5
    assert board.view.lane_header(erp).text() == "ERP — Déploiement ERP  (5)"  # type: ignore[union-attr]
    assert _titles(window, 1, board.model.lanes[1].key) == [
        "Espace client mobile",
        "Campagne salon",
    ]
    # A card cannot be dropped into another lane (that would change its project silently).
    source = _cell(window, 0, erp)
    other = _cell(window, 0, board.model.lanes[1].key)
    assert not _drop(other, [_id(window, "Export comptable")], 0, source)
    assert _drop(_cell(window, 1, erp), [_id(window, "Export comptable")], 0, source)
    qtbot.waitUntil(lambda: _titles(window, 1, erp) == ["Export comptable"])

    board.lanes.setCurrentIndex(board.lanes.findData("assignee"))
    labels = [lane.label for lane in board.model.lanes]
    assert labels == ["Hugo Petit", "Léa Martin", "Unassigned"]  # nobody's lane last
    assert board.model.lane_counts[None] == 4
    # Into another person's lane: the card is theirs now, in one undoable step.
    lea = board.model.lanes[1].key
    export = _id(window, "Export comptable")
    assert _drop(_cell(window, 2, lea), [export], 0, _cell(window, 1, None))
    qtbot.waitUntil(lambda: _titles(window, 2, lea) == ["Export comptable"])
    assert next(r for r in window.need_rows if r.id == export).assignee_name == "Léa Martin"
    window.actions.undo_action.trigger()
    assert "Export comptable" in _titles(window, 1, None)
    assert next(r for r in window.need_rows if r.id == export).assignee_id is None

    board.lanes.setCurrentIndex(board.lanes.findData("unit"))
    assert [lane.label for lane in board.model.lanes] == [
        "Finance",
        "Marketing",
        "RH",
        "No business unit",
    ]
    header = board.view.lane_header("RH")
    assert header is not None
    view = board.view.view("RH", _column_ids(window)[0])
    assert view is not None and view.isVisible()
    header.click()  # fold
    assert not view.isVisible() and "RH" in board.view.collapsed
    header.click()
    assert view.isVisible()
    board.lanes.setCurrentIndex(board.lanes.findData("none"))
    assert [lane.key for lane in board.model.lanes] == [None]


# --- quick filters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("combo", "value", "expected"),
    [
        ("source", "customer", {"Espace client mobile", "Recherche produits"}),
        ("unit", "RH", {"Paie mensuelle"}),
        ("assignee", "Léa Martin", {"Relances de factures", "Tableau RH"}),
        (
            "assignee",
            -1,
            {"Export comptable", "Espace client mobile", "Recherche produits", "Inventaire"},
        ),
        ("decision", "go", {"Relances de factures"}),
        (
            "decision",
            "unscored",
            {
                "Paie mensuelle",
                "Espace client mobile",
                "Campagne salon",
                "Recherche produits",
                "Tableau RH",
                "Inventaire",
            },
        ),
        ("tag", "compta", {"Export comptable"}),
        ("scope", "sprint", {"Relances de factures", "Espace client mobile"}),
        (
            "scope",
            "backlog",
            {
                "Export comptable",
                "Paie mensuelle",
                "Campagne salon",
                "Recherche produits",
                "Tableau RH",
                "Inventaire",
            },
        ),
    ],
)
def test_each_quick_filter(window: MainWindow, combo: str, value: object, expected: set) -> None:
    widget = getattr(window.board, combo)
    if combo == "assignee" and isinstance(value, str):
        value = next(p.id for p in window.workspace.read(queries.people) if p.name == value)
    index = widget.findData(value)
    assert index > 0, f"{combo} offers {value}"
    widget.setCurrentIndex(index)
    shown = {r.title for cell in window.board.model.cells() for r in cell.rows()}
    assert shown == expected
    assert window.count_label.text() == f"Needs shown: {len(expected)} of 8"
    first = window.board.view.column_header(0)
    in_first = [r for r in window.need_rows if r.column_name == "À qualifier"]
    shown_first = [r for r in in_first if r.title in expected]
    if len(shown_first) != len(in_first):  # counts and totals follow the filter
        points = sum(r.points or 0 for r in shown_first)
        assert first.figures.text().startswith(f"{len(shown_first)} of {len(in_first)} · ")
        assert first.figures.text().endswith(f"{points:g} pts")
    window.board.clear_button.click()
    assert len([r for cell in window.board.model.cells() for r in cell.rows()]) == 8


def test_text_and_project_filters_combine_with_quick_filters(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.project_filter.setCurrentIndex(window.project_filter.findData(1))  # ERP
    window.board.source.setCurrentIndex(window.board.source.findData("team"))
    assert {r.title for c in window.board.model.cells() for r in c.rows()} == {"Export comptable"}
    window.board.clear_button.click()
    window.search.setText("défi : paie")  # problem statement
    qtbot.waitUntil(lambda: window.board.model.shown_count() == 1)
    window.search.setText("erp-4")  # key
    qtbot.waitUntil(lambda: _titles(window, 3) == ["Tableau RH"])


def test_search_ignores_case_and_accents_and_shows_what_was_typed(
    window: MainWindow, qtbot: QtBot
) -> None:
    erp = window.workspace.read(lambda s: projects.find_project(s, "ERP").id)
    with window.workspace.session() as s:
        needs.create_need(
            s,
            needs.NeedInput(
                "Cœur de l’offre", "Congés\u00a0payés, «\u202fŒuvres\u202f» ; Evenement annuel", erp
            ),
        )
    window.reload()

    def shown() -> set[str]:
        return {r.title for cell in window.board.model.cells() for r in cell.rows()}

    for typed in ("coeur de l'offre", "CONGES PAYES", "« oeuvres »", "événement", "DEFI : PAIE"):
        window.search.clear()
        type_text(window.search, typed)
        expected = {"Paie mensuelle"} if typed.startswith("DEFI") else {"Cœur de l’offre"}
        qtbot.waitUntil(lambda expected=expected: shown() == expected)
        assert window.search.text() == typed
        assert window.count_label.text() == "Needs shown: 1 of 9"


def test_search_as_typed_finds_a_need_renamed_meanwhile(window: MainWindow, qtbot: QtBot) -> None:
    def shown() -> set[str]:
        return {r.title for cell in window.board.model.cells() for r in cell.rows()}

    def searched(text: str) -> None:
        """Wait until the board shows the search for ``text`` (it runs on the next turn)."""
        qtbot.waitUntil(lambda: window.board.model.need_filter.text == text)

    for typed in ("p", "a", "i"):  # each letter searched on its own, as a user types
        type_text(window.search, typed)
        searched(window.search.text())
    assert shown() == {"Paie mensuelle"}
    need = _id(window, "Inventaire")

    def rename(s: Session) -> None:
        data = needs.need_input(needs.find_need(s, need))
        needs.update_need(s, need, dataclasses.replace(data, title="Inventaire des paiements"))

    window.workspace.perform("edit", rename)
    both = {"Paie mensuelle", "Inventaire des paiements"}
    assert shown() == both
    type_text(window.search, "e")  # "paie": among what "pai" finds now, not before
    searched("paie")
    assert shown() == both
    assert window.count_label.text() == "Needs shown: 2 of 8"
    window.search.backspace()  # a letter erased: the same cards, counted exactly
    searched("pai")
    assert shown() == both
    window.search.clear()
    searched("")
    assert len(shown()) == 8
    assert window.count_label.text() == "Needs shown: 8 of 8"


def test_filters_are_kept_per_database_between_runs(
    window: MainWindow, app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    board = window.board
    board.lanes.setCurrentIndex(board.lanes.findData("assignee"))
    lea = next(p.id for p in window.workspace.read(queries.people) if p.name == "Léa Martin")
    board.assignee.setCurrentIndex(board.assignee.findData(lea))
    board.scope.setCurrentIndex(board.scope.findData("sprint"))
    window.search.setText("Défi : RELANCES")
    qtbot.waitUntil(lambda: board.model.shown_count() == 1)
    database = window.workspace.database
    path = database.path
    window.close()  # closes the database too
    with open_database(path) as again:
        second = MainWindow(Workspace(again))
        qtbot.addWidget(second)
        assert second.board.model.lane_mode == "assignee"
        assert second.board.assignee.currentData() == lea
        assert second.board.scope.currentData() == "sprint"
        assert second.search.text() == "Défi : RELANCES"  # as typed
        assert second.board.model.shown_count() == 1
        # Another database starts with its own (empty) filters.
        assert second.files.switch_database(tmp_path / "other.podb")
        assert second.board.model.lane_mode == "none" and second.search.text() == ""
        assert second.board.assignee.currentData() is None
        second.close()


# --- refresh and card actions -------------------------------------------------------------


def test_board_follows_changes_made_elsewhere(window: MainWindow, tmp_path: Path) -> None:
    flow = _column_ids(window)
    need = _id(window, "Inventaire")
    window.workspace.perform("move", lambda s: needs.move_needs(s, [need], flow[5]))
    assert _titles(window, 5) == ["Inventaire"]
    window.actions.undo_action.trigger()
    assert _titles(window, 5) == []
    csv_file = tmp_path / "besoins.csv"
    csv_file.write_text(
        "key,title,problem,project,status\n,Salon RH,Recruter,ERP,En revue\n", encoding="utf-8"
    )
    window.exchange.import_file(csv_file)
    assert _titles(window, 4) == ["Salon RH"]
    with window.workspace.session() as s:  # a change through the project dialog
        projects.update_project(s, 2, projects.ProjectInput("PLAT", "Portail client"))
    window.workspace.changed_elsewhere()
    window.board.lanes.setCurrentIndex(window.board.lanes.findData("project"))
    assert window.board.model.lanes[1].label == "PLAT — Portail client"


def _menu_action(menu: QMenu, *path: str) -> object:
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == text)
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_card_menu_plans_assigns_duplicates_and_deletes(window: MainWindow) -> None:
    inventaire = _id(window, "Inventaire")
    menu = window.board.card_menu([inventaire])
    _menu_action(menu, "Move to sprint", "Sprint 12 (active)").trigger()  # type: ignore[attr-defined]
    row = next(r for r in window.need_rows if r.id == inventaire)
    assert row.sprint_name == "Sprint 12"
    assert _events(window, inventaire)[-1] == ("sprint", None, "1")
    _menu_action(window.board.card_menu([inventaire]), "Assign to", "Hugo Petit").trigger()  # type: ignore[attr-defined]
    assert next(r for r in window.need_rows if r.id == inventaire).assignee_name == "Hugo Petit"
    _menu_action(window.board.card_menu([inventaire]), "Duplicate").trigger()  # type: ignore[attr-defined]
    assert _titles(window, 3) == ["Tableau RH", "Inventaire", "Inventaire"]
    copy = window.board.selected_ids()
    assert len(copy) == 1 and copy[0] != inventaire
    _menu_action(window.board.card_menu(copy), "Delete").trigger()  # type: ignore[attr-defined]
    assert _titles(window, 3) == ["Tableau RH", "Inventaire"]
    window.actions.undo_action.trigger()  # the copy comes back
    assert _titles(window, 3) == ["Tableau RH", "Inventaire", "Inventaire"]
    for _ in range(3):
        window.actions.undo_action.trigger()  # duplicate, assign, plan
    row = next(r for r in window.need_rows if r.id == inventaire)
    assert (row.sprint_name, row.assignee_name) == (None, None)
    _menu_action(window.board.card_menu([inventaire]), "Open scoring form").trigger()  # type: ignore[attr-defined]
    assert window.tabs.currentIndex() == MainWindow.SCORING
    assert window.scoring.list.current_id() == inventaire


def test_double_click_opens_the_need_editor(window: MainWindow, qtbot: QtBot) -> None:
    view = window.board.view.view(None, _column_ids(window)[0])
    assert view is not None
    window.board.open_requested.disconnect(window.needs.edit)  # no modal editor in a test
    with qtbot.waitSignal(window.board.open_requested) as opened:
        view.activated.emit(_cell(window, 0).index(1))
    assert opened.args == [_id(window, "Export comptable")]


# --- board settings -----------------------------------------------------------------------


def test_board_settings_edit_the_workflow_as_one_undoable_action(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = BoardSettingsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    assert not dialog.remove_button.isEnabled()  # 3 needs still in it
    assert "3 needs in this column" in dialog.cards.text()
    dialog.list.setCurrentRow(4)  # "En revue": empty
    dialog.remove_column()
    dialog.list.setCurrentRow(3)  # "En cours"
    dialog.name.setText("En réalisation")
    dialog.name.textEdited.emit("En réalisation")
    dialog.wip.setValue(4)
    dialog.move_column(-1)
    dialog.add_column()
    dialog.name.setText("Validé métier")
    dialog.name.textEdited.emit("Validé métier")
    dialog.apply()
    assert dialog.result() == dialog.DialogCode.Accepted
    names = [c.name for c in window.board.model.columns]
    assert names == ["À qualifier", "À coter", "En réalisation", "Validé métier", "Prêt", "Terminé"]
    assert window.board.view.column_header(2).wip.text() == "2 / 4"
    assert _titles(window, 2) == ["Tableau RH", "Inventaire"]
    window.actions.undo_action.trigger()
    names = [c.name for c in window.board.model.columns]
    assert names == ["À qualifier", "À coter", "Prêt", "En cours", "En revue", "Terminé"]


def test_board_settings_refuse_duplicate_names_and_keep_the_edits(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = BoardSettingsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentRow(1)
    dialog.name.setText("à qualifier")
    dialog.name.textEdited.emit("à qualifier")
    dialog.apply()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.isVisible() and "name of its own" in dialog.error.text()
    assert dialog.drafts[1].name == "à qualifier"
    assert [c.name for c in window.board.model.columns][1] == "À coter"


def test_board_settings_saved_after_someone_changed_a_column_are_refused_with_who(
    window: MainWindow, board_db: Database, qtbot: QtBot
) -> None:
    """Another PO limits "À coter" while the dialog is open: saving the dialog (which
    writes every column) is refused with who and when, and the edits stay."""
    from po_desktop.store import identity

    dialog = BoardSettingsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    with board_db.session() as other:
        identity.sign_in(other, identity.resolve(other, "Virginie"))
        second = dialog.drafts[1]
        columns.update_column(other, second.id, name=second.name, wip_limit=2)  # type: ignore[arg-type]
    dialog.list.setCurrentRow(0)
    dialog.name.setText("Entrée")
    dialog.name.textEdited.emit("Entrée")
    dialog.apply()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.text().startswith("Virginie changed the column À coter at ")
    assert dialog.drafts[0].name == "Entrée"
    assert window.workspace.read(queries.columns)[0].name == "À qualifier"


def test_a_drop_inside_a_list_never_reorders_behind_the_board(window: MainWindow) -> None:
    """QListView first tries moveRows for a drop within one list: refused, so the cards
    shown and the cards acted on (Delete!) can never disagree."""
    cell = _cell(window, 0)
    before = [r.title for r in cell.rows()]
    assert not cell.moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert [cell.index(i).data(Qt.ItemDataRole.DisplayRole) for i in range(3)] == [
        f"{r.key} {r.title}" for r in cell.rows()
    ]
    assert [r.title for r in cell.rows()] == before


def test_card_actions_wait_for_the_board_to_be_in_sight(window: MainWindow) -> None:
    _select(window, "Paie mensuelle")
    window.tabs.setCurrentIndex(MainWindow.LIST)
    assert not window.board.duplicate_action.isEnabled()
    assert not window.board.move_next_action.isEnabled()
    window.board.move_selection("next")  # even when called directly
    window.board._duplicate()
    assert window.workspace.undo_stack.count() == 0
    window.tabs.setCurrentIndex(MainWindow.BOARD)
    assert window.board.move_next_action.isEnabled()


def test_a_lane_that_loses_its_last_card_goes(window: MainWindow) -> None:
    board = window.board
    board.lanes.setCurrentIndex(board.lanes.findData("assignee"))
    lea = next(lane.key for lane in board.model.lanes if lane.label == "Léa Martin")
    ids = [r.id for cell in board.model.cells() if cell.lane == lea for r in cell.rows()]
    window.workspace.perform("unassign", lambda s: needs.assign_needs(s, ids, None))
    assert "Léa Martin" not in [lane.label for lane in board.model.lanes]
    assert board.model.lane_counts[None] == 6


def test_dragging_near_an_edge_scrolls_the_lanes(window: MainWindow) -> None:
    board = window.board
    board.lanes.setCurrentIndex(board.lanes.findData("unit"))
    window.resize(1280, 500)
    QApplication.processEvents()
    bar = board.view.body.verticalScrollBar()
    assert bar.maximum() > 0, "four lanes do not fit in 500 pixels"
    height = board.view.body.viewport().height()
    assert board.view.autoscroll(height - 5) > 0 and bar.value() > 0
    assert board.view.autoscroll(height // 2) == 0
    assert board.view.autoscroll(5) < 0


# --- entry rules ("definition of ready") ---------------------------------------------------
# PLAT-1 "Espace client mobile" (À coter, 8 pts, never scored), PLAT-2 "Campagne salon"
# (À coter, no points), ERP-1 "Relances de factures" (À qualifier, 3 pts, go),
# ERP-2 "Export comptable" (À qualifier, 2 pts, no go), PLAT-3 "Recherche produits" (Prêt).


def _rules(window: MainWindow, column: int, rules: set[EntryRule], wip: int | None = None) -> None:
    column_id = _column_ids(window)[column]
    name = window.board.model.columns[column].name
    with window.workspace.session() as s:
        columns.update_column(s, column_id, name=name, wip_limit=wip, entry_rules=rules)
    window.workspace.changed_elsewhere()


def test_a_keyboard_move_that_breaks_entry_rules_asks_with_the_reasons(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    _rules(window, 2, set(EntryRule))
    window.activateWindow()
    feedback.default_answer = False
    _select(window, "Campagne salon")
    _press(window, qtbot, Qt.Key.Key_Right)  # À coter -> Prêt
    assert [s.title for s in feedback.shown] == ["Entry rules"]
    question = feedback.questions[0]
    assert question.startswith("1 need would enter “Prêt” without meeting its entry rules:")
    assert "PLAT-2 “Campagne salon”: no estimate, not decided go" in question
    assert "problem statement" not in question  # it has one
    assert question.endswith("Move anyway?")
    assert "Campagne salon" in _titles(window, 1)  # "no": nothing moved
    assert window.workspace.undo_stack.count() == 0
    feedback.default_answer = True
    _press(window, qtbot, Qt.Key.Key_Right)
    assert _titles(window, 2)[0] == "Campagne salon"
    assert len(feedback.questions) == 2
    # Cards already in the column ask nothing when they are reordered, nor a ready one.
    feedback.shown.clear()
    _press(window, qtbot, Qt.Key.Key_Down)
    assert _titles(window, 2) == ["Recherche produits", "Campagne salon"]
    _select(window, "Relances de factures")
    _press(window, qtbot, Qt.Key.Key_Right)
    _press(window, qtbot, Qt.Key.Key_Right)  # À qualifier -> À coter -> Prêt: go, 3 pts
    assert "Relances de factures" in _titles(window, 2)
    assert feedback.questions == []


def test_a_drop_of_several_cards_asks_once_for_those_that_break_the_rules(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    _rules(window, 2, {EntryRule.GO})
    ids = [_id(window, t) for t in ("Relances de factures", "Export comptable", "Paie mensuelle")]
    feedback.default_answer = False
    assert _drop(_cell(window, 2), ids, -1, _cell(window, 0))
    qtbot.waitUntil(lambda: len(feedback.questions) == 1)
    question = feedback.questions[0]
    assert question.startswith("2 needs would enter “Prêt”")
    assert "ERP-2 “Export comptable”: not decided go" in question
    assert "ERP-3 “Paie mensuelle”: not decided go" in question
    assert "ERP-1" not in question  # decided go: nothing to say about it
    qtbot.wait(20)
    assert _titles(window, 0) == ["Relances de factures", "Export comptable", "Paie mensuelle"]
    feedback.default_answer = True
    assert _drop(_cell(window, 2), ids, -1, _cell(window, 0))
    qtbot.waitUntil(lambda: _titles(window, 0) == [])
    assert _titles(window, 2)[1:] == ["Relances de factures", "Export comptable", "Paie mensuelle"]
    assert len(feedback.questions) == 2


def test_entry_rules_and_the_wip_limit_are_asked_in_one_question(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    _rules(window, 2, {EntryRule.ESTIMATE}, wip=1)
    campagne = _id(window, "Campagne salon")
    feedback.default_answer = False
    menu = window.board.card_menu([campagne])
    _menu_action(menu, "Move to column", "Prêt").trigger()  # type: ignore[attr-defined]
    assert [s.title for s in feedback.shown] == ["Entry rules and work-in-progress limit"]
    question = feedback.questions[0]
    assert "PLAT-2 “Campagne salon”: no estimate" in question
    assert "“Prêt” would hold 2 needs for a limit of 1." in question
    assert question.endswith("Move anyway?")
    assert "Campagne salon" in _titles(window, 1)
    # A need that meets the rules still meets the limit: the WIP question alone.
    feedback.shown.clear()
    _menu_action(
        window.board.card_menu([_id(window, "Espace client mobile")]), "Move to column", "Prêt"
    ).trigger()  # type: ignore[attr-defined]
    assert [s.title for s in feedback.shown] == ["Work-in-progress limit"]


def test_the_question_names_ten_needs_then_counts_the_rest(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    with window.workspace.session() as s:
        for n in range(12):
            needs.create_need(s, needs.NeedInput(f"Besoin {n}", "Un défi", 1))
    window.workspace.changed_elsewhere()
    _rules(window, 1, {EntryRule.ESTIMATE, EntryRule.GO})
    ids = [r.id for r in window.need_rows if r.title.startswith("Besoin ")]
    feedback.default_answer = False
    assert not window.board.request_move(ids, _column_ids(window)[1], None)
    lines = feedback.questions[0].split("\n")
    assert lines[0] == "12 needs would enter “À coter” without meeting its entry rules:"
    assert lines[1] == "ERP-6 “Besoin 0”: no estimate, not decided go"
    assert lines[10].startswith("ERP-15 ")
    assert lines[11] == "… and 2 more needs"


def test_the_question_shows_column_names_and_titles_as_typed(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    flow = _column_ids(window)
    odd = "<b>Prêt</b> 100%2 &amp;"
    title = "<i>Relance</i> %1 %3 " + "x" * 60
    with window.workspace.session() as s:
        columns.update_column(s, flow[2], name=odd, wip_limit=1, entry_rules=[EntryRule.GO])
        needs.update_need(
            s,
            _id(window, "Paie mensuelle"),
            dataclasses.replace(needs.need_input(needs.find_need(s, "ERP-3")), title=title),
        )
    window.workspace.changed_elsewhere()
    feedback.default_answer = False
    window.board.request_move([_id(window, title)], flow[2], None)
    question = feedback.questions[0]
    assert f"would enter “{odd}” without" in question
    assert f"ERP-3 “{title[:39].rstrip()}…”: not decided go" in question
    assert f"“{odd}” would hold 2 needs for a limit of 1." in question


def test_duplicates_do_not_enter_a_column_and_ask_nothing(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    _rules(window, 2, set(EntryRule))
    recherche = _id(window, "Recherche produits")  # in Prêt, never decided
    _menu_action(window.board.card_menu([recherche]), "Duplicate").trigger()  # type: ignore[attr-defined]
    assert _titles(window, 2) == ["Recherche produits", "Recherche produits"]
    assert feedback.questions == []


def test_column_headers_state_their_entry_rules(window: MainWindow) -> None:
    _rules(window, 2, {EntryRule.PROBLEM, EntryRule.GO})
    header = window.board.view.column_header(2)
    assert "Entry rules: Problem statement · Go decision" in header.toolTip()
    assert window.board.view.column_header(1).toolTip() == ""


def test_board_settings_show_save_and_undo_entry_rules(window: MainWindow, qtbot: QtBot) -> None:
    _rules(window, 2, {EntryRule.ESTIMATE})
    dialog = BoardSettingsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentRow(2)
    checked = {rule for rule, box in dialog.rule_boxes.items() if box.isChecked()}
    assert checked == {EntryRule.ESTIMATE}
    assert [box.text() for box in dialog.rule_boxes.values()] == [
        "Problem statement",
        "Estimate (points)",
        "Go decision",
    ]
    assert "asks first" in dialog.rule_boxes[EntryRule.GO].toolTip()
    dialog.rule_boxes[EntryRule.GO].setChecked(True)
    dialog.list.setCurrentRow(0)  # the draft keeps it while another column is shown
    assert not any(box.isChecked() for box in dialog.rule_boxes.values())
    dialog.rule_boxes[EntryRule.PROBLEM].setChecked(True)
    dialog.list.setCurrentRow(2)
    assert dialog.rule_boxes[EntryRule.GO].isChecked()
    dialog.apply()
    assert dialog.result() == dialog.DialogCode.Accepted
    rules = [c.entry_rules for c in window.board.model.columns]
    assert rules[0] == {EntryRule.PROBLEM} and rules[2] == {EntryRule.ESTIMATE, EntryRule.GO}
    window.actions.undo_action.trigger()
    rules = [c.entry_rules for c in window.board.model.columns]
    assert rules[0] == frozenset() and rules[2] == {EntryRule.ESTIMATE}
    window.actions.redo_action.trigger()
    assert window.board.model.columns[2].entry_rules == {EntryRule.ESTIMATE, EntryRule.GO}


def test_the_need_editor_asks_before_saving_a_need_into_a_column_it_is_not_ready_for(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    _rules(window, 2, set(EntryRule))
    campagne = _id(window, "Campagne salon")
    dialog = NeedDialog(window.workspace, campagne, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.column.setCurrentIndex(dialog.column.findData(_column_ids(window)[2]))
    dialog.title.setText("Campagne salon 2027")
    feedback.default_answer = False
    dialog.save()
    assert [s.title for s in feedback.shown] == ["Entry rules"]
    assert feedback.questions[0] == (
        "This need does not meet the entry rules of “Prêt”: no estimate, not decided go."
        "\n\nSave it there anyway?"
    )
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.title.text() == "Campagne salon 2027"  # everything typed is still there
    assert "Campagne salon" in _titles(window, 1) and window.workspace.undo_stack.count() == 0
    dialog.points.setText("3")  # estimated now: only the decision is missing
    dialog.save()
    assert feedback.questions[1].endswith("“Prêt”: not decided go.\n\nSave it there anyway?")
    feedback.default_answer = True
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "Campagne salon 2027" in _titles(window, 2)
    # Editing a need already in the column asks nothing.
    feedback.shown.clear()
    again = NeedDialog(window.workspace, campagne, window)
    qtbot.addWidget(again)
    again.title.setText("Campagne salon")
    again.save()
    assert again.result() == again.DialogCode.Accepted and feedback.questions == []


def _clipped(dialog: QWidget) -> list[str]:
    """Labels and buttons cut off: narrower than their text, or outside the dialog."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisible():
            continue
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        height = widget.heightForWidth(widget.width()) if wraps else widget.sizeHint().height()
        place = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
        if (
            (not wraps and widget.sizeHint().width() > widget.width())
            or height > widget.height()
            or not dialog.rect().contains(place)
        ):
            found.append(widget.text())
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_board_settings_show_every_text_whole(window: MainWindow, qtbot: QtBot, lang: str) -> None:
    from po_desktop.ui.app import create_application

    try:
        create_application(lang)
        dialog = BoardSettingsDialog(window.workspace, window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.list.setCurrentRow(0)  # "3 needs in this column: it can be removed once empty."
        QApplication.processEvents()
        assert dialog.width() <= 1366 and dialog.height() <= 768
        assert _clipped(dialog) == []
        dialog.resize(dialog.minimumSize())  # as small as it goes
        QApplication.processEvents()
        assert _clipped(dialog) == []
    finally:
        create_application("en")


def test_a_new_need_created_in_a_column_with_rules_asks_too(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    _rules(window, 2, {EntryRule.ESTIMATE})
    dialog = NeedDialog(window.workspace, parent=window)
    qtbot.addWidget(dialog)
    dialog.title.setText("Portail revendeurs")
    dialog.problem.setPlainText("Les revendeurs commandent par e-mail.")
    dialog.column.setCurrentIndex(dialog.column.findData(_column_ids(window)[2]))
    feedback.default_answer = False
    dialog.save()
    assert feedback.questions[0].startswith("This need does not meet the entry rules of “Prêt”")
    assert "Portail revendeurs" not in [r.title for r in window.need_rows]
    dialog.problem.setPlainText("")  # refused by the service anyway: no question first
    dialog.save()
    assert len(feedback.questions) == 1 and "problem statement" in dialog.error.text()
    dialog.problem.setPlainText("Les revendeurs commandent par e-mail.")
    dialog.points.setText("0")  # zero points is an estimate
    dialog.save()
    assert len(feedback.questions) == 1 and dialog.result() == dialog.DialogCode.Accepted
    assert "Portail revendeurs" in _titles(window, 2)


def test_archived_needs_leave_the_column_totals_but_count_in_reports(window: MainWindow) -> None:
    """A column's "n of N", its WIP count and the status bar's total count the needs on
    the board; the archive scope counts the archived ones; sprint figures keep them all."""
    _rules(window, 0, set(), wip=2)  # "À qualifier" holds 3 needs: over its limit
    assert window.board.view.column_header(0).over
    window.needs.archive([_id(window, "Paie mensuelle"), _id(window, "Relances de factures")])
    header = window.board.view.column_header(0)
    assert not header.over  # one card left, under the limit of 2
    assert header.wip.text() == "1 / 2"
    window.board.source.setCurrentIndex(window.board.source.findData("customer"))
    assert header.figures.text() == "0 of 1 · 0 pts"  # not "0 of 3": two left the board
    assert window.count_label.text() == "Needs shown: 2 of 6"

    window.board.clear_button.click()
    window.board.scope.setCurrentIndex(window.board.scope.findData("archived"))
    assert _titles(window, 0) == ["Relances de factures", "Paie mensuelle"]
    assert header.figures.text() == "2 needs · 8 pts"
    assert window.count_label.text() == "Needs shown: 2 of 2"
    window.board.assignee.setCurrentIndex(window.board.assignee.findText("Hugo Petit"))
    assert header.figures.text() == "1 of 2 · 5 pts"

    window.tabs.setCurrentIndex(window.LIST)  # the list leaves the archive out too
    assert window.count_label.text() == "Needs shown: 6 of 6"
    sprint = next(r for r in window.workspace.read(queries.sprint_rows) if r.name == "Sprint 12")
    assert (sprint.need_count, sprint.points) == (2, 11)  # the archived ERP-1 still counts


def test_column_headers_stay_when_a_filter_changes_the_swimlanes(
    window: MainWindow, qtbot: QtBot
) -> None:
    """With swimlanes, a quick filter that leaves fewer lanes rebuilds the board: its
    column headers (names, counts, limits) came back with no height, and stayed gone
    until a card was saved."""
    board = window.board
    board.lanes.setCurrentIndex(board.lanes.findData("assignee"))
    qtbot.waitUntil(lambda: board.view.header_area.height() > 20)
    board.scope.setCurrentIndex(board.scope.findData("sprint"))
    QApplication.processEvents()
    view = board.view
    header = view.column_header(0)
    qtbot.waitUntil(lambda: header.isVisible())
    assert view.header_area.height() >= header.sizeHint().height() > 20
    board.lanes.setCurrentIndex(board.lanes.findData("none"))
    QApplication.processEvents()
    assert view.header_area.height() >= view.column_header(0).sizeHint().height() > 20
