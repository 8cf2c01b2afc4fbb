"""Tableau: the kanban board with its quick filters, swimlanes, card actions and keyboard moves."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain import formatting
from po_desktop.domain.enums import LinkKind
from po_desktop.store import board_links
from po_desktop.store.queries import NeedRow
from po_desktop.store.services.needs import UNCHANGED, Unchanged
from po_desktop.ui import feedback
from po_desktop.ui.board import card_menu
from po_desktop.ui.board.model import LANE_MODES, BoardModel, ColumnInfo, Lane, LaneKey
from po_desktop.ui.board.readiness import Breach, EntryRuleTexts, breaches
from po_desktop.ui.board.view import BoardView, CellView
from po_desktop.ui.filtering import NeedFilter
from po_desktop.ui.host import Host
from po_desktop.ui.mail_drop import mail_files
from po_desktop.ui.models import fill, literal_html
from po_desktop.ui.need_actions import NeedActions
from po_desktop.ui.quick_filters import QuickFilters, filter_combo


@dataclass(frozen=True)
class Choice:
    """An entry of a menu or combo: id and label (sprints, people, projects)."""

    id: int
    label: str
    detail: str = ""


def _links_shown(
    session: Session,
) -> tuple[
    dict[int, list[int]],
    tuple[dict[int, int], dict[int, board_links.EpicProgress]],
    frozenset[int],
]:
    """What cards show of links (blocked, epics), and the needs those links join."""
    return (
        board_links.blocked_needs(session),
        board_links.epics(session),
        board_links.linked_needs(session, (LinkKind.BLOCKS, LinkKind.PARENT)),
    )


class BoardPage(QWidget):
    """The board runs its card actions itself (through ``needs``, one undoable step each),
    after the questions only the board can ask: entry rules and WIP limits."""

    open_requested = Signal(int)
    scoring_requested = Signal(int)
    filters_changed = Signal()

    def __init__(self, host: Host, needs: NeedActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.needs = needs
        self.model = BoardModel(self)
        self.model.set_lane_labeller(self._lane)
        self.model.set_tooltip_maker(self._tooltip)
        self.view = BoardView(self.model)
        self.rule_texts = EntryRuleTexts(self)
        self.view.describe_rules = self.rule_texts.summary
        self.view.texts = {
            "shown_of": self.tr("%1 of %2"),
            "over": self.tr("WIP limit exceeded"),
            "wip_tip": self.tr("Work-in-progress limit: %1 cards"),
        }
        self._projects: dict[int, Choice] = {}
        self._people: list[Choice] = []
        self._sprints: list[Choice] = []
        self._active: CellView | None = None
        self._base = NeedFilter()
        self._restoring = False

        self._restoring = True  # combos fire while they are filled
        self._build_filter_bar()
        self._restoring = False
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)

        self.view.cell_focused.connect(self._activate)
        self.view.hop_requested.connect(self._hop)
        self.view.context_menu_requested.connect(self._context_menu)
        self.view.open_requested.connect(self.open_requested)
        self.view.collapsed_changed.connect(self.filters_changed)
        self.model.drop_requested.connect(self._dropped)
        self.before_refilter: Callable[[], None] = lambda: None
        """Called before a quick filter or the swimlanes change what is shown: the window
        reads every card first when the board shows only each column's first ones."""
        self._blocked: dict[int, list[int]] = {}
        self._parent_of: dict[int, int] = {}
        self._epics: dict[int, board_links.EpicProgress] = {}
        self._linked: frozenset[int] = frozenset()
        """The needs at either end of a link the cards show (blocks, parent)."""
        self.view.delegate.badges = self._badges
        self.setAcceptDrops(True)  # e-mails (.eml, .msg) dropped become needs

    # ----- construction -------------------------------------------------------------------
    def _build_filter_bar(self) -> None:
        self.filter_bar = QWidget()
        self.filter_bar.setObjectName("boardFilterBar")
        self.lanes = filter_combo(self.tr("Swimlanes"))
        self.lanes.currentIndexChanged.connect(self._bar_changed)
        for mode, label in zip(
            LANE_MODES,
            (
                self.tr("No swimlanes"),
                self.tr("Lanes by project"),
                self.tr("Lanes by assignee"),
                self.tr("Lanes by business unit"),
            ),
            strict=True,
        ):
            self.lanes.addItem(label, mode)
        self.filters = QuickFilters()
        self.filters.changed.connect(self._bar_changed)
        f = self.filters  # the board's tests and menus reach the combos by these names
        self.scope, self.source, self.unit, self.assignee, self.decision, self.tag = f.combos
        self.clear_button = f.clear_button
        self.settings_button = QPushButton(self.tr("Columns…"))
        self.settings_button.setToolTip(
            self.tr("Add, rename, reorder or limit the board's columns")
        )
        self.settings_button.clicked.connect(self.show_settings)
        bar = QHBoxLayout(self.filter_bar)
        bar.setContentsMargins(8, 6, 8, 2)
        bar.setSpacing(6)
        bar.addWidget(self.lanes, 0, Qt.AlignmentFlag.AlignTop)
        bar.addSpacing(8)
        bar.addWidget(self.filters, 1)
        bar.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignTop)

    def _build_actions(self) -> None:
        def action(text: str, shortcut: str, slot: Any) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.move_prev_action = action(
            self.tr("Move to previous column"), "Ctrl+Left", lambda: self.move_selection("prev")
        )
        self.move_next_action = action(
            self.tr("Move to next column"), "Ctrl+Right", lambda: self.move_selection("next")
        )
        self.move_up_action = action(
            self.tr("Move card up"), "Ctrl+Up", lambda: self.move_selection("up")
        )
        self.move_down_action = action(
            self.tr("Move card down"), "Ctrl+Down", lambda: self.move_selection("down")
        )
        self.move_top_action = action(
            self.tr("Move to top of column"), "Ctrl+Home", lambda: self.move_selection("top")
        )
        self.duplicate_action = action(self.tr("Duplicate"), "Ctrl+D", self._duplicate)
        self.move_actions = [
            self.move_prev_action,
            self.move_next_action,
            self.move_up_action,
            self.move_down_action,
            self.move_top_action,
        ]

    # ----- data ---------------------------------------------------------------------------
    def set_reference(
        self,
        projects: list[Choice],
        people: list[Choice],
        sprints: list[Choice],
        units: list[str],
        tags: list[str],
    ) -> None:
        """Names the filters, menus and lane titles need; kept choices survive a reload."""
        self._projects = {p.id: p for p in projects}
        self._people = people
        self._sprints = sprints
        self.filters.set_reference([(p.id, p.label) for p in people], units, tags)

    def set_data(
        self,
        columns: list[ColumnInfo],
        rows: list[NeedRow],
        base: NeedFilter,
        figures: dict[int, tuple[int, float]] | None = None,
    ) -> None:
        """``figures``: the rows are each column's first cards (see BoardModel.set_data)."""
        selected, current = self.selected_ids(), self.current_id()
        self._base = base
        self.refresh_links()
        self.model.set_data(columns, rows, self.need_filter(), figures)
        self.select_needs(selected, current, focus=False)

    def patch(self, fresh: dict[int, NeedRow | None], links_changed: bool = True) -> bool:
        """Changed rows only (a move, an edit); False when the board must be rebuilt.

        What cards show of links is read again when the change reached links
        (``links_changed``) or a need at either end of one: a blocker done or back, a
        child's points, an epic's key. A move of any other card reads no link.
        """
        if links_changed or not self._linked.isdisjoint(fresh):
            self.refresh_links(fresh)
        return self.model.patch(fresh)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if mail_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mails = mail_files(event.mimeData())
        if mails:
            event.acceptProposedAction()
            self.needs.from_mails(mails)

    def refresh_links(self, changed: Collection[int] | None = None) -> None:
        """What the cards show of links: blocked, their epic, an epic's progress.

        Every card is repainted when that changed, or when ``changed`` (the needs a patch
        brings; None: any) has an epic, whose key its children show. A plain move repaints
        only its two columns, as the board model tells them (not every column of the board).
        """
        blocked, (parent_of, epics), self._linked = self.host.read(_links_shown)
        same = (blocked, parent_of, epics) == (self._blocked, self._parent_of, self._epics)
        self._blocked, self._parent_of, self._epics = blocked, parent_of, epics
        if same and changed is not None and not any(need in epics for need in changed):
            return
        for cell in self.view.findChildren(CellView):
            cell.viewport().update()

    def _badges(self, need_id: int) -> tuple[tuple[str, str], ...]:
        badges: list[tuple[str, str]] = []
        if need_id in self._blocked:
            badges.append((self.tr("blocked"), "#C62828"))
        parent = self._parent_of.get(need_id)
        parent_row = self.host.rows.get(parent) if parent is not None else None
        if parent_row is not None:
            badges.append((parent_row.key, "#6A1B9A"))
        progress = self._epics.get(need_id)
        if progress is not None:
            done = formatting.number(progress.done_points, decimals=1)
            total = formatting.number(progress.points, decimals=1)
            badges.append(
                (self.tr("%1/%2 pts").replace("%1", done).replace("%2", total), "#2E7D32")
            )
        return tuple(badges)

    def apply_filter(self, base: NeedFilter) -> None:
        """The toolbar's text and project, combined with this page's own quick filters."""
        self._base = base
        self._refilter()

    def need_filter(self) -> NeedFilter:
        return self.filters.applied(self._base)

    def _bar_changed(self) -> None:
        if self._restoring:
            return
        self.before_refilter()
        self.model.set_lane_mode(self.lanes.currentData() or "none")
        self._refilter()
        self.filters_changed.emit()

    def _refilter(self) -> None:
        selected, current = self.selected_ids(), self.current_id()
        self.model.set_filter(self.need_filter())
        self.select_needs(selected, current, focus=False)

    def clear_filters(self) -> None:
        self.filters.clear()

    def state(self) -> dict[str, Any]:
        """Lanes, quick filters and folded lanes, kept per database between runs."""
        return {
            "lanes": self.model.lane_mode,
            "filter": self.need_filter().to_state(),
            "collapsed": sorted(
                (k for k in self.view.collapsed if isinstance(k, int | str)), key=str
            ),
        }

    def restore_state(self, state: dict[str, Any]) -> NeedFilter:
        """Apply a saved state; returns the saved filter so the toolbar can show its part."""
        saved = NeedFilter.from_state(state.get("filter"))
        self.filters.restore(saved)
        self._restoring = True
        try:
            index = self.lanes.findData(state.get("lanes"))
            self.lanes.setCurrentIndex(max(0, index))
            collapsed = state.get("collapsed")
            self.view.collapsed = (
                {k for k in collapsed if isinstance(k, int | str)}
                if isinstance(collapsed, list)
                else set()
            )
        finally:
            self._restoring = False
        self.model.set_lane_mode(self.lanes.currentData() or "none")
        return saved

    def _tooltip(self, row: NeedRow) -> str:
        """Everything the card has no room for, shown as typed (never as HTML)."""
        since = QLocale().toString(
            QDate(row.column_since.date()),
            QLocale.FormatType.LongFormat,
        )
        problem = self.host.problem_of(row.id)
        problem = problem if len(problem) <= 400 else problem[:400] + "…"
        lines = [f"{row.key} — {row.title}", "", problem, ""]
        lines.append(self.tr("Assignee: %1").replace("%1", row.assignee_name or "—"))
        lines.append(self.tr("Sprint: %1").replace("%1", row.sprint_name or "—"))
        # "%2" first: a column named "50%2" must not receive the date.
        lines.append(
            self.tr("In “%1” since %2").replace("%2", since).replace("%1", row.column_name)
        )
        if row.tags:
            lines.append(self.tr("Tags: %1").replace("%1", ", ".join(row.tags)))
        if row.updated_by and row.updated_at is not None:
            moved = abs((row.updated_at - row.column_since).total_seconds()) < 1
            said = self.tr("Moved by %1, %2") if moved else self.tr("Changed by %1, %2")
            ago = formatting.ago(row.updated_at)
            lines.append(said.replace("%2", ago).replace("%1", row.updated_by))
        return literal_html("\n".join(lines))

    def _lane(self, mode: str, key: LaneKey, row: NeedRow | None) -> Lane:
        if mode == "project":
            project = self._projects.get(key) if isinstance(key, int) else None
            if project is not None:
                return Lane(key, f"{project.label} — {project.detail}")
            return Lane(key, row.project_code if row else str(key))
        if mode == "assignee":
            if key is None:
                return Lane(key, self.tr("Unassigned"))
            return Lane(key, row.assignee_name if row and row.assignee_name else str(key))
        if mode == "unit":
            return Lane(key, str(key) if key else self.tr("No business unit"))
        return Lane(key, "")

    # ----- selection ----------------------------------------------------------------------
    def _activate(self, view: CellView) -> None:
        """One cell holds the selection at a time, like one list."""
        if self._active is view:
            return
        if self._active is not None:
            with contextlib.suppress(RuntimeError):  # its cell was rebuilt away
                self._active.clearSelection()
        self._active = view

    def _active_view(self) -> CellView | None:
        view = self.view.current_view() or self._active
        if view is not None and view in self.view.views():
            return view
        return None

    def selected_ids(self) -> list[int]:
        view = self._active_view()
        return view.selected_ids() if view is not None else []

    def current_id(self) -> int | None:
        view = self._active_view()
        if view is None:
            return None
        index = view.currentIndex()
        rows = view.cell.rows()
        return rows[index.row()].id if index.isValid() and index.row() < len(rows) else None

    def select_needs(
        self, need_ids: list[int], current: int | None = None, *, focus: bool = True
    ) -> None:
        """Select these cards again where they now are (after a move, reload or filter)."""
        anchor = current if current is not None else (need_ids[0] if need_ids else None)
        found = self.model.find(anchor) if anchor is not None else None
        if found is None:
            return
        cell, row = found
        view = self.view.view(cell.lane, cell.column_id)
        if view is None:
            return
        selection = QItemSelection()
        for need_id in need_ids:
            r = cell.row_of(need_id)
            if r is not None:
                selection.select(cell.index(r), cell.index(r))
        model = view.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        model.setCurrentIndex(cell.index(row), QItemSelectionModel.SelectionFlag.NoUpdate)
        view.scrollTo(cell.index(row))
        self._activate(view)
        if focus:
            view.setFocus()

    def clear_selection(self) -> None:
        for view in self.view.views():
            view.clearSelection()
            view.setCurrentIndex(view.cell.index(-1, 0))
        self._active = None

    def select_need(self, need_id: int) -> None:
        self.select_needs([need_id], need_id)

    # ----- moves --------------------------------------------------------------------------
    def move_selection(self, direction: str) -> None:
        if not self.isVisible():
            return  # from the Edit menu on another tab: the board's selection is not in sight
        view = self._active_view()
        ids = view.selected_ids() if view is not None else []
        if view is None or not ids:
            return
        cell = view.cell
        columns = [c.id for c in self.model.columns]
        here = columns.index(cell.column_id)
        rows = cell.rows()
        positions = sorted(r for r in map(cell.row_of, ids) if r is not None)
        if direction in ("prev", "next"):
            # To the top of the neighbouring column: in a column of a thousand cards the
            # moved card stays in sight, where the team looks during the daily scrum.
            target = here + (-1 if direction == "prev" else 1)
            if 0 <= target < len(columns):
                top = self.model.first_in_column(columns[target])
                self.request_move(ids, columns[target], top.id if top is not None else None)
        elif direction == "up":
            if positions[0] > 0:
                self.request_move(ids, cell.column_id, rows[positions[0] - 1].id)
        elif direction == "down":
            if positions[-1] < len(rows) - 1:
                below = rows[positions[-1] + 1].id
                self.request_move(ids, cell.column_id, self.model.after(below, set(ids)))
        elif direction == "top":
            first = self.model.first_in_column(cell.column_id)
            already = positions == list(range(len(positions))) and rows[0].id == getattr(
                first, "id", None
            )
            if first is not None and not already:
                self.request_move(ids, cell.column_id, first.id)

    def request_move(
        self,
        ids: list[int],
        column_id: int,
        before_id: int | None,
        assignee: int | Unchanged | None = UNCHANGED,
    ) -> bool:
        """Ask before breaking the column's entry rules or WIP limit (one question for
        both), then move them (one undoable step)."""
        arriving = [i for i in ids if self.model.column_of(i) != column_id]
        column = self.model.column(column_id)
        rows = [row for row in map(self.model.need, arriving) if row is not None]
        found = breaches(column.entry_rules, rows) if column is not None else []
        if not self._allowed(column_id, len(arriving), found):
            return False
        self.needs.move(list(ids), column_id, before_id, assignee)
        return True

    def _allowed(
        self, column_id: int, arriving: int, found: list[Breach], *, duplicate: bool = False
    ) -> bool:
        """True unless cards arriving in the column break its entry rules (``found``) or its
        WIP limit and the user, asked once with every reason, says no."""
        column = self.model.column(column_id)
        stats = self.model.stats.get(column_id)
        if column is None or stats is None:
            return False
        reasons = [self.rule_texts.breaches(column.name, found)] if found else []
        after = stats.total + arriving
        over = column.wip_limit is not None and arriving > 0 and after > column.wip_limit
        if over:
            reasons.append(
                fill(
                    self.tr("“%1” would hold %2 needs for a limit of %3."),
                    column.name,
                    after,
                    column.wip_limit,
                )
            )
        if not reasons:
            return True
        if found and over:
            title = self.tr("Entry rules and work-in-progress limit")
        elif found:
            title = self.rule_texts.title()
        else:
            title = self.tr("Work-in-progress limit")
        if duplicate:
            reasons.append(self.tr("Duplicate anyway?"))
            yes = self.tr("Duplicate anyway")
        else:
            reasons.append(self.tr("Move anyway?"))
            yes = self.tr("Move anyway")
        return feedback.sink().ask(
            self, title, "\n\n".join(reasons), yes=yes, no=self.tr("Cancel"), default_yes=False
        )

    def _dropped(self, ids: list[int], column_id: int, before_id: int | None, lane: object) -> None:
        if before_id in ids and len(ids) == 1:
            return  # dropped onto itself
        assignee: int | Unchanged | None = UNCHANGED
        if self.model.lane_mode == "assignee" and any(
            self.model.assignee_of(i) != lane for i in ids
        ):
            assignee = lane if isinstance(lane, int) else None  # the "nobody" lane unassigns
        self.request_move(ids, column_id, before_id, assignee)

    def _hop(self, view: CellView, step: int) -> None:
        """Left / Right: the same lane's neighbouring column, skipping empty ones."""
        columns = [c.id for c in self.model.columns]
        index = columns.index(view.cell.column_id) + step
        row = max(0, view.currentIndex().row())
        while 0 <= index < len(columns):
            target = self.view.view(view.cell.lane, columns[index])
            if target is not None and target.cell.rowCount():
                r = min(row, target.cell.rowCount() - 1)
                target.setFocus()
                target.selectionModel().setCurrentIndex(
                    target.cell.index(r), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self._activate(target)
                return
            index += step

    # ----- card menu ----------------------------------------------------------------------
    def _context_menu(self, view: CellView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if not index.isValid():
            return
        if not view.selectionModel().isSelected(index):
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._activate(view)
        menu = self.card_menu(view.selected_ids())
        menu.exec(view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def card_menu(self, ids: list[int], *, board_moves: bool = True) -> QMenu:
        """What can be done to these needs (see :func:`card_menu.build`)."""
        return card_menu.build(self, ids, board_moves=board_moves)

    def _duplicate(self) -> None:
        if self.isVisible():
            self.duplicate(self.selected_ids())

    def duplicate(self, ids: list[int]) -> None:
        """Copies land beside their originals: each column they join may pass its limit."""
        if not ids:
            return
        arriving: dict[int, int] = {}
        for need_id in ids:
            column_id = self.model.column_of(need_id)
            if column_id is not None:
                arriving[column_id] = arriving.get(column_id, 0) + 1
        # Copies join their originals' columns: no move, so no entry rule to meet.
        if all(self._allowed(c, n, [], duplicate=True) for c, n in arriving.items()):
            self.needs.duplicate(ids)

    def show_settings(self) -> None:
        """The board's columns: names, order, WIP limits, entry rules."""
        from po_desktop.ui.board.settings_dialog import BoardSettingsDialog

        self.host.run_dialog(BoardSettingsDialog(self.host.workspace, self.host.window))
