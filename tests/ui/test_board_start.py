"""A large workspace's board paints from each column's first cards, then shows them all.

The window reads each column's first cards and its exact figures before the first paint,
and every need right after it; until then, anything that needs every card (a search, a
quick filter, another page, a change) reads them all first. Small sizes stand in for
100,000 needs: ``START_MIN`` and ``FIRST_CARDS`` are lowered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from po_desktop.store.database import Database
from po_desktop.store.models import Need
from po_desktop.store.services import archive, columns, needs, projects, sprints
from po_desktop.ui import need_rows, views
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.workspace import Workspace

TITLES = [f"Besoin {n}" for n in range(1, 8)]
"""Seven needs in the first column, in rank order; "Besoin 7" is far below its first cards."""


@pytest.fixture
def large_db(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Seven needs in the first column (one archived), three in the second; "large" from
    five needs, the first two cards of each column painted first."""
    monkeypatch.setattr(need_rows, "START_MIN", 5)
    monkeypatch.setattr(views, "FIRST_CARDS", 2)
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        flow = [c.id for c in columns.ordered_columns(s)]
        for n, title in enumerate(TITLES, start=1):
            needs.create_need(
                s,
                needs.NeedInput(
                    title,
                    "Défi",
                    erp.id,
                    column_id=flow[0],
                    points=n,
                    business_unit="Finance" if n == 7 else "",
                    source="customer" if n == 7 else "team",
                    tags=["paie"] if n == 7 else [],
                ),
            )
        for title in ("Archivé", "Suite A", "Suite B", "Suite C"):
            column = flow[0] if title == "Archivé" else flow[1]
            needs.create_need(s, needs.NeedInput(title, "Défi", erp.id, column_id=column))
        s.commit()
        archive.archive_needs(s, [8])
        s.commit()
    return db


@pytest.fixture
def window(app: object, large_db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(Workspace(large_db))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    yield win
    win.workspace.undo_stack.clear()


def _titles(window: MainWindow, column: int) -> list[str]:
    column_id = window.board.model.columns[column].id
    return [r.title for r in window.board.model.cell(None, column_id).rows()]


def test_first_paint_shows_first_cards_with_exact_figures_then_every_card(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.host.rows.partial
    assert _titles(window, 0) == ["Besoin 1", "Besoin 2"]
    first = window.board.view.column_header(0)
    # The whole column's count and points, the archived need aside, as after a full read.
    assert first.figures.text() == "7 needs · 28 pts"
    assert window.board.view.column_header(1).figures.text() == "3 needs · 0 pts"
    assert window.count_label.text() == "Needs shown: 10 of 10"
    cell = window.board.model.cell(None, window.board.model.columns[0].id)
    assert cell.rowCount() == 7  # the scroll bar is already the whole column's

    window.show()  # painted: the rest is read on the next turn of the event loop
    qtbot.waitUntil(lambda: not window.host.rows.partial, timeout=3000)
    assert _titles(window, 0) == TITLES
    assert _titles(window, 1) == ["Suite A", "Suite B", "Suite C"]
    assert first.figures.text() == "7 needs · 28 pts"
    assert window.count_label.text() == "Needs shown: 10 of 10"
    assert len(window.need_rows) == 11  # the archived need too, for its scope


def test_a_search_typed_before_every_card_is_read_finds_them_all(window: MainWindow) -> None:
    assert window.host.rows.partial
    window.search.setText("besoin 7")
    window.views.filters_edited()  # at once, before the window is ever painted
    assert _titles(window, 0) == ["Besoin 7"]
    assert window.count_label.text() == "Needs shown: 1 of 10"


def test_a_quick_filter_before_every_card_is_read_finds_them_all(window: MainWindow) -> None:
    assert window.host.rows.partial
    source = window.board.filters.source
    source.setCurrentIndex(source.findData("customer"))
    assert _titles(window, 0) == ["Besoin 7"]
    assert not window.host.rows.partial


def test_units_and_tags_are_offered_once_every_card_is_read(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Read with every need right after the first paint (each is a scan of every need):
    before it, the window is not on screen and the board is not filtered."""
    window.show()
    qtbot.waitUntil(lambda: not window.host.rows.partial, timeout=3000)
    filters = window.board.filters
    assert filters.unit.findData("Finance") > 0
    assert filters.tag.findData("paie") > 0
    filters.tag.setCurrentIndex(filters.tag.findData("paie"))
    assert _titles(window, 0) == ["Besoin 7"]


def test_a_unit_filter_left_on_the_board_is_on_again_at_the_next_opening(
    window: MainWindow, large_db: Database, app: object, qtbot: QtBot
) -> None:
    window.show()
    qtbot.waitUntil(lambda: not window.host.rows.partial, timeout=3000)
    unit = window.board.filters.unit
    unit.setCurrentIndex(unit.findData("Finance"))
    window.views.save_board_state()

    again = MainWindow(Workspace(large_db))
    qtbot.addWidget(again)
    assert again.board.filters.unit.currentData() == "Finance"
    assert _titles(again, 0) == ["Besoin 7"]
    assert again.count_label.text() == "Needs shown: 1 of 10"
    again.workspace.undo_stack.clear()


def test_another_page_before_every_card_is_read_lists_them_all(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(window.views.LIST)
    assert window.needs_list.model.rowCount() == 10
    assert not window.host.rows.partial


def test_the_sprints_figures_are_those_of_every_need_when_the_calendar_is_opened(
    large_db: Database, app: object, qtbot: QtBot
) -> None:
    with large_db.session() as s:
        sprint = sprints.create_sprint(s, sprints.SprintInput("Mars", "2027-03-01", "2027-03-12"))
        for need_id in (1, 7):  # "Besoin 7" is not among the first cards
            need = s.get(Need, need_id)  # not get_one: SQLAlchemy 2.0.10 has none
            assert need is not None
            need.sprint_id = sprint
        s.commit()
    win = MainWindow(Workspace(large_db))
    qtbot.addWidget(win)
    assert win.host.rows.partial
    win.tabs.setCurrentIndex(win.views.CALENDAR)
    model = win.sprint_model
    row = model.row_of(sprint)
    assert row is not None
    figures = [model.index(row, column).data() for column in range(model.columnCount())]
    assert "2" in figures and "8" in figures  # its two needs, 1 + 7 points
    win.workspace.undo_stack.clear()


def test_the_collector_paused_for_the_start_up_runs_again_once_the_board_is_painted(
    db: Database, qtbot: QtBot
) -> None:
    """The command line pauses Python's garbage collector for the start-up; the window
    turns it back on after the first paint, with what start-up made set aside (a session
    of hours must not pile up its garbage)."""
    import gc

    from po_desktop.ui.app import start_gui

    path = db.path
    db.close()
    gc.disable()
    try:
        _app, window = start_gui(path, "en")
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        assert not gc.isenabled()  # not before the board is painted
        qtbot.waitUntil(gc.isenabled, timeout=5000)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_the_first_move_finds_its_recording_ready_once_the_board_is_painted(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The first action after opening installed the triggers that record it: 30 to 100 ms
    more on the first card move. They are installed once the board is painted, with
    nothing written nor put on the undo stack; the first move is then undone as any."""

    def triggers() -> int:
        with window.workspace.session() as session:
            found = session.execute(
                text("SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'")
            )
            return int(found.scalar_one())

    assert triggers() == 0
    window.show()
    qtbot.waitUntil(lambda: triggers() > 0, timeout=3000)
    assert window.workspace.undo_stack.count() == 0
    qtbot.waitUntil(lambda: not window.host.rows.partial, timeout=3000)
    window.board.select_need(1)
    window.board.move_next_action.trigger()
    assert _titles(window, 1) == ["Besoin 1", "Suite A", "Suite B", "Suite C"]
    window.workspace.undo_stack.undo()
    assert _titles(window, 0) == TITLES
    assert _titles(window, 1) == ["Suite A", "Suite B", "Suite C"]


def test_a_failure_readying_the_first_action_is_left_to_that_action(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readying the recording runs on its own after the first paint: a driver error there
    (a full temporary store) is not a crash; the first move installs what it needs and
    is recorded and undone as any."""
    from po_desktop.store import capture

    def full(_dbapi: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(capture, "_clear", full)
    window.workspace.prepare_actions()
    monkeypatch.undo()
    window.show()
    qtbot.waitUntil(lambda: not window.host.rows.partial, timeout=3000)
    window.board.select_need(1)
    window.board.move_next_action.trigger()
    assert _titles(window, 1) == ["Besoin 1", "Suite A", "Suite B", "Suite C"]
    window.workspace.undo_stack.undo()
    assert _titles(window, 1) == ["Suite A", "Suite B", "Suite C"]
