"""The four pages in their tabs, and what each one shows.

The toolbar's search and project filter narrow the board and both lists; the scoring
list adds its own quick filters and shows open needs only. A page is refreshed when it
is on screen and behind the loaded rows (``NeedRows.version``) or the filters; the
others wait until they are shown. A change that only touches needs patches their rows
(the board patches its cards in place); any other change reloads everything.
"""

from __future__ import annotations

import linecache
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from po_desktop.domain.messages import choice_label
from po_desktop.store import queries
from po_desktop.store.changes import Change
from po_desktop.ui import icons
from po_desktop.ui.banner import INFO, MessageBar
from po_desktop.ui.board.page import BoardPage, Choice
from po_desktop.ui.filtering import NeedFilter
from po_desktop.ui.host import Host
from po_desktop.ui.models import SprintTableModel
from po_desktop.ui.pages import ListPage, NeedListPage
from po_desktop.ui.welcome import WelcomePanel

if TYPE_CHECKING:
    from po_desktop.ui.calendar.page import CalendarPage
    from po_desktop.ui.scoring.page import ScoringPage

NEED_KINDS = frozenset({"needs", "scoring"})
"""Changes of these kinds only: the rows of their needs are patched, nothing reloaded."""

SLOW_FILTER_S = 0.04
"""A filter pass slower than this (100,000 needs) waits for a pause in typing."""

SEARCH_KEPT_STYLE = "QLineEdit { background: #FFF4CE; }"
"""A search box with text stands out: needs are hidden."""

FIRST_CARDS = 100
"""A large workspace just opened paints each column's first cards this many (more than a
screen holds), then reads every need."""

REST_AFTER_MS = 500
"""Every need is read this long after a partial start at the latest, painted or not."""

SAVE_STATE_AFTER_MS = 1000
"""The search and project filter are kept this long after the last edit: QSettings writes
its file to disk on the next turn of the event loop after a change, 5 to 15 ms that came
before the repaint of every keystroke. Closing the window or the file keeps them at once."""


class Views(QObject):
    BOARD, LIST, SCORING, CALENDAR = range(4)

    def __init__(
        self,
        host: Host,
        board: BoardPage,
        make_scoring: Callable[[], ScoringPage],
        make_calendar: Callable[[], CalendarPage],
        sprint_model: SprintTableModel,
    ) -> None:
        super().__init__(host)
        self.host = host
        self.board = board
        self._make_scoring, self._make_calendar = make_scoring, make_calendar
        self._scoring: ScoringPage | None = None
        self._calendar: CalendarPage | None = None
        self.sprint_model = sprint_model
        self.needs_list = ListPage()
        self.needs_list.model.problem_of = host.problem_of  # tooltips read problem statements
        self._shown: dict[int, tuple[int, NeedFilter | None]] = {}
        self._archived_count: tuple[int | None, int] = (None, 0)
        """(rows version, archived needs among the rows): the pages' totals leave them out."""
        self.pending_project: int | None = None
        """The project filter the last session left, applied once the projects are read."""

        # The board, or the first steps while the workspace has no need yet.
        self.welcome = WelcomePanel()
        self.board_stack = QStackedWidget()
        self.board_stack.addWidget(board)
        self.board_stack.addWidget(self.welcome)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # The scoring and calendar pages are built into their tabs when first needed.
        self._holders = (QWidget(), QWidget())
        self._holder_layouts = tuple(_holder_layout(holder) for holder in self._holders)
        for page, icon, label in zip(
            (self.board_stack, self.needs_list, *self._holders),
            ("view-board", "view-list", "view-scoring", "view-calendar"),
            self.labels(),
            strict=True,
        ):
            self.tabs.addTab(page, icons.icon(icon), label)
        self.tabs.currentChanged.connect(self.tab_changed)
        self.filter_bar = MessageBar(INFO)
        self.count_label = QLabel()

        self.project_filter = QComboBox()
        self.project_filter.setMinimumWidth(200)
        self.project_filter.setAccessibleName(self.tr("Project filter"))
        self.project_filter.currentIndexChanged.connect(self.filters_edited)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search key, title, problem… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)  # raised to 150 ms when filtering gets slow
        self._search_timer.timeout.connect(self._search_now)
        self.search.textChanged.connect(self._search_timer.start)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_STATE_AFTER_MS)
        self._save_timer.timeout.connect(self.save_board_state)

        board.filters_changed.connect(self._board_filters_changed)
        board.before_refilter = self.read_the_rest

    @property
    def scoring(self) -> ScoringPage:
        """The scoring page, built the first time it is shown or used (an action, F8):
        the board is painted at start-up without it."""
        if self._scoring is None:
            page = self._make_scoring()
            self._scoring = page
            page.list.model.problem_of = self.host.problem_of
            self._scoring_reference()
            page.filters_changed.connect(self.apply_filters)
            self._holder_layouts[0].addWidget(page)
        return self._scoring

    @property
    def calendar(self) -> CalendarPage:
        """The calendar page, built the first time it is shown or used."""
        if self._calendar is None:
            page = self._make_calendar()
            self._calendar = page
            self._holder_layouts[1].addWidget(page)
        return self._calendar

    def built_pages(self) -> tuple[ScoringPage | None, CalendarPage | None]:
        """The scoring and calendar pages, None for one not built yet."""
        return self._scoring, self._calendar

    def _scoring_reference(self) -> None:
        """The scoring filters' people, units and tags: those of the rows read."""
        if self._scoring is not None:
            ref = self.host.rows.reference
            self._scoring.filters.set_reference(
                [(p.id, p.name) for p in ref.people], ref.units, ref.tags
            )

    def labels(self) -> list[str]:
        return [self.tr("&Board"), self.tr("L&ist"), self.tr("&Scoring"), self.tr("Ca&lendar")]

    def current_page(self) -> NeedListPage | BoardPage | None:
        index = self.tabs.currentIndex()
        if index == self.SCORING:
            return self.scoring.list
        pages: dict[int, NeedListPage | BoardPage] = {
            self.BOARD: self.board,
            self.LIST: self.needs_list,
        }
        return pages.get(index)

    # ----- loading ------------------------------------------------------------------------
    def reload(self, *, first: bool = False) -> None:
        """Everything again from the database (a new file, columns, projects, an import).

        ``first``: the workspace was just opened; a large one shown on a plain board
        (no filter, no swimlanes) paints each column's first cards and exact figures,
        and every need is read right after that paint (:meth:`read_the_rest`).
        """
        if first and self._plain_board(self.pending_project):
            self.host.start_rows(FIRST_CARDS)
            if not self.host.rows.partial:
                forget_sources()  # a small workspace, read whole at once
        else:
            forget_sources()  # before every row: they take the room the lines leave
            self.host.reload_rows()
        rows = self.host.rows
        ref = rows.reference
        self.welcome.set_progress(len(ref.projects), len(ref.people), ref.region)
        self._board_or_welcome()
        if not rows.partial:  # the sprints' figures come with every need (read_the_rest)
            self.sprint_model.set_rows(ref.sprints)
        current = self.project_filter.currentData()
        if self.pending_project is not None:
            current, self.pending_project = self.pending_project, None
        self.project_filter.blockSignals(True)
        self.project_filter.clear()
        self.project_filter.addItem(self.tr("All projects"), None)
        for project in ref.projects:
            label = f"{project.code} — {project.name}"
            if project.archived:
                label += " " + self.tr("(archived)")
            self.project_filter.addItem(label, project.id)
        self.project_filter.setCurrentIndex(max(0, self.project_filter.findData(current)))
        self.project_filter.blockSignals(False)
        self.board.set_reference(
            [Choice(p.id, p.code, p.name) for p in ref.projects],
            [Choice(p.id, p.name) for p in ref.people],
            [
                Choice(s.id, s.name, choice_label(s.state))
                for s in ref.sprints
                if s.state != "closed"
            ],
            ref.units,
            ref.tags,
        )
        self._scoring_reference()
        self.apply_filters()
        if rows.partial:
            self.after_first_paint(self.read_the_rest)

    def read_the_rest(self) -> None:
        """Every need, when the board shows only each column's first cards; before any
        filter, page or change that needs them all, and just after the first paint."""
        if self.host.rows.partial:
            self.reload()

    def _plain_board(self, project_id: int | None = None) -> bool:
        """The board on screen, every need of every column on it: no search, no project,
        no quick filter, no swimlanes. Only there are a column's first cards and its
        figures read by SQL what the board shows."""
        filters = self.board.filters
        return (
            self.tabs.currentIndex() == self.BOARD
            and project_id is None
            and not filters.waiting()
            and not filters.applied(self._base_filter()).is_narrowing
            and self.board.model.lane_mode == "none"
        )

    def after_first_paint(self, then: Callable[[], None]) -> None:
        """``then``, once, on the turn of the event loop after the board's first column
        is painted, or after REST_AFTER_MS should it not be (minimised, hidden)."""
        pending = [then]

        def once() -> None:
            if pending:
                pending.pop()()

        cells = self.board.view.views()
        if cells:
            _PaintWatcher(cells[0].viewport(), once)
        QTimer.singleShot(REST_AFTER_MS if cells else 0, self, once)  # not once closed

    def changes_applied(self, change: Change) -> None:
        """Refresh what the change concerns: the rows of its needs, or everything when
        it reaches projects, people, columns, sprints, grids or settings."""
        if not change.kinds <= NEED_KINDS:
            self.reload()
            return
        board_was_current = self._shown.get(self.BOARD) == (
            self.host.rows.version,
            self._base_filter(),
        )
        with self.host.workspace.session() as session:
            fresh = self.host.rows.patch(session, change.need_ids)
        if fresh is None:  # too many to patch: read again whole
            self.reload()
            return
        self._board_or_welcome()
        on_board = self.tabs.currentIndex() == self.BOARD
        links = "need_link" in change.rows
        if board_was_current and on_board and self.board.patch(fresh, links_changed=links):
            self._shown[self.BOARD] = (self.host.rows.version, self._base_filter())
        self.apply_filters()

    def forget(self) -> None:
        """Another file: ids mean other needs, every page is refreshed when shown."""
        self._shown.clear()
        self.project_filter.blockSignals(True)
        self.project_filter.setCurrentIndex(0)
        self.project_filter.blockSignals(False)
        lists = [self.needs_list] + ([self._scoring.list] if self._scoring is not None else [])
        for page in lists:
            page.view.clearSelection()
            page.view.setCurrentIndex(page.model.index(-1, -1))
        self.board.clear_selection()
        if self._scoring is not None:
            self._scoring.form.load(None)  # its need belongs to the other file

    def _board_or_welcome(self) -> None:
        """The first steps while the workspace has no need; the board from the first one."""
        self.board_stack.setCurrentWidget(self.board if self.host.rows.rows else self.welcome)

    # ----- filtering ----------------------------------------------------------------------
    def _base_filter(self) -> NeedFilter:
        return NeedFilter(
            text=self.search.text().strip(),
            project_id=self.project_filter.currentData(),
        )

    def _search_now(self) -> None:
        """Filter on every keystroke while that is instant; wait for a pause when it is not."""
        started = time.perf_counter()
        self.filters_edited()
        elapsed = time.perf_counter() - started
        self._search_timer.setInterval(150 if elapsed > SLOW_FILTER_S else 0)

    def apply_filters(self) -> None:
        """Refresh the page on screen now; the others when they are shown."""
        self._refresh_page(self.tabs.currentIndex())
        self.update_count()

    def filters_edited(self) -> None:
        """The user changed the project or the search: show it, and keep it for next time
        (after a pause in typing: see SAVE_STATE_AFTER_MS)."""
        self.apply_filters()
        self._save_timer.start()

    def _refresh_page(self, index: int) -> None:
        if self.host.workspace.unreachable:
            return  # the team server is gone: what is shown stays, all is read once back
        rows = self.host.rows
        plain = index == self.BOARD and self._plain_board(self.project_filter.currentData())
        if rows.partial and not plain:
            self.read_the_rest()  # reads all, then refreshes the page on screen
            return
        if index == self.CALENDAR:
            if self._shown.get(index, (None,))[0] != rows.version:
                # A need moved into a sprint changes its load and forecast: read them anew,
                # on the sprint the user had chosen.
                chosen = self.calendar.current_sprint_id()
                self.sprint_model.set_rows(self.host.read(queries.sprint_rows))
                self.calendar.refresh(chosen)
                self._shown[index] = (rows.version, None)
            return
        # Board and list show every need; the scoring list, open needs only, with its own
        # quick filters (the board's vocabulary).
        base = self._base_filter()
        wanted = (
            base
            if index in (self.BOARD, self.LIST)
            else self.scoring.filters.applied(
                replace(base, open_only=True, done_column_ids=rows.done_columns)
            )
        )
        version, shown_filter = self._shown.get(index, (None, None))
        if version == rows.version and shown_filter == wanted:
            return
        if index == self.BOARD:
            if version != rows.version:
                self.board.set_data(rows.columns, rows.rows, wanted, rows.figures)
            else:
                self.board.apply_filter(wanted)
        else:
            page = self.needs_list if index == self.LIST else self.scoring.list
            selected = page.selected_ids()
            current = page.current_id()
            if version != rows.version:
                if index == self.SCORING:
                    self.scoring.refresh_grid()  # a scoring, an undo, a grid edit...
                page.model.set_rows(rows.rows, wanted)
            else:
                page.model.set_filter(wanted)
            page.select_needs(selected, current)
        self._shown[index] = (rows.version, wanted)

    def tab_changed(self, index: int) -> None:
        # A page shown for the first time is built now, even while a team server is out
        # of reach (its refresh waits for the server; its controls and sprints show).
        if index == self.SCORING:
            self.scoring  # noqa: B018
        elif index == self.CALENDAR:
            self.calendar  # noqa: B018
        self._refresh_page(index)
        self.update_count()
        # Card moves act on the board's selection: only while the board is in sight,
        # and never on a workspace that can only be read.
        writable = not self.host.workspace.database.read_only
        for action in (*self.board.move_actions, self.board.duplicate_action):
            action.setEnabled(writable and index == self.BOARD)

    def update_count(self) -> None:
        index = self.tabs.currentIndex()
        total = self._on_board_count(index)
        if index == self.BOARD:
            shown = self.board.model.shown_count()
        elif index == self.LIST:
            shown = self.needs_list.model.rowCount()
        elif index == self.SCORING:
            shown = self.scoring.model.rowCount()
        else:
            shown = total
        # "Needs shown: 1 of 240": no noun to agree with the numbers, in either language.
        self.count_label.setText(
            self.tr("Needs shown: %1 of %2").replace("%1", str(shown)).replace("%2", str(total))
            if len(self.host.rows)
            else self.tr("No need yet")
        )
        self._update_filter_bar(index, shown, total)

    def _on_board_count(self, index: int) -> int:
        """The needs a page counts against: those on the board; the archived ones only
        while the page shows the archive (reports count both)."""
        if index == self.BOARD:  # its quick filters, the scope among them, are its own
            return self.board.model.total_count()
        shown_filter = self._shown.get(index, (None, None))[1]
        archive = shown_filter is not None and shown_filter.scope == "archived"
        rows = self.host.rows
        if self._archived_count[0] != rows.version:  # once per change, not per keystroke
            self._archived_count = (rows.version, sum(r.archived_at is not None for r in rows.rows))
        archived = self._archived_count[1]
        return archived if archive else len(rows) - archived

    def _active_filters(self, index: int) -> list[str]:
        """What narrows the page on screen, in the user's words."""
        parts = []
        text = self.search.text().strip()
        if text:
            parts.append(self.tr("search “%1”").replace("%1", text))
        if self.project_filter.currentData() is not None:
            parts.append(self.tr("project %1").replace("%1", self.project_filter.currentText()))
        quick = (
            self.board.filters
            if index == self.BOARD
            else self.scoring.filters
            if index == self.SCORING
            else None
        )
        if quick is not None:
            parts.extend(combo.currentText() for combo in quick.combos if combo.currentIndex() > 0)
        return parts

    def _update_filter_bar(self, index: int, shown: int, total: int) -> None:
        """A filtered page says so plainly, with one click back to every need: a search
        kept from the last session must never pass for needs that are gone."""
        self.search.setStyleSheet(SEARCH_KEPT_STYLE if self.search.text().strip() else "")
        parts = self._active_filters(index) if index != self.CALENDAR else []
        if not parts:
            self.filter_bar.dismiss()
            return
        self.filter_bar.show_message(
            self.tr("Filtered view — needs shown: %1 of %2 (%3).")
            .replace("%1", str(shown))
            .replace("%2", str(total))
            .replace("%3", ", ".join(parts)),
            [(self.tr("Show all needs"), self.clear_filters)],
            closable=False,
        )

    def clear_filters(self) -> None:
        """Every need on every page: no search, no project, no quick filter."""
        # Its signal goes through (the line edit's clear button hides on it, a blocked
        # one stayed in an empty box); the search it would start is the one done below.
        self.search.clear()
        self._search_timer.stop()
        self.project_filter.blockSignals(True)
        self.project_filter.setCurrentIndex(0)
        self.project_filter.blockSignals(False)
        quick_filters = [self.board.filters]
        if self._scoring is not None:  # one never built has none set
            quick_filters.append(self._scoring.filters)
        for quick in quick_filters:
            quick.clear()  # each says it changed: its page refilters
        self.filters_edited()

    def _board_filters_changed(self) -> None:
        self.update_count()
        self.save_board_state()

    # ----- the board's state, per database ------------------------------------------------
    def restore_board_state(self) -> None:
        """The open database's lanes and filters, as its user left them."""
        settings, path = self.host.settings, self.host.workspace.database.path
        saved = self.board.restore_state(settings.board_state(path))
        self.search.blockSignals(True)
        self.search.setText(saved.text)
        self.search.blockSignals(False)
        self.pending_project = saved.project_id

    def save_board_state(self) -> None:
        self._save_timer.stop()  # kept now: a pending save would only repeat it
        state = self.board.state()
        state["filter"] = self.board.need_filter().to_state()
        state["filter"]["text"] = self.search.text().strip()
        state["filter"]["project_id"] = self.project_filter.currentData()
        self.host.settings.set_board_state(self.host.workspace.database.path, state)


def _holder_layout(holder: QWidget) -> QVBoxLayout:
    """The layout of a tab's page until the page is built into it."""
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


class _PaintWatcher(QObject):
    """Runs ``then`` on the turn of the event loop after ``widget`` is first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._then)
        return False


def forget_sources() -> None:
    """Drop the source lines of the modules imported so far (a few MB, 16 MB at worst).

    PySide6 hooks every import made after its own and reads the module's source to look
    for "PySide6" (PYSIDE-2029); :mod:`linecache` keeps those lines for good. A traceback
    reads the lines it shows again from the files when needed.
    """
    linecache.clearcache()
