"""The loaded needs every page shows, and what they are shown with.

One copy of the workspace's need rows for the board, the list and the ranked backlog:
read whole when the workspace changes in depth (a new file, columns, projects, an
import), patched row by row when a change only touches needs (a card moved, a need
scored), so a move does not reload 10,000 rows. ``version`` goes up at each change;
a page remembers the version it shows and refreshes when it is behind.

A large workspace just opened starts *partial* (:meth:`NeedRows.load_start`): each
column's first cards and the columns' exact figures, what the board paints first; the
window reads every row (:meth:`NeedRows.load`) right after that paint, and before
anything that needs more.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from operator import attrgetter

from sqlalchemy.orm import Session

from po_desktop.store import board_links, queries
from po_desktop.store.models import BoardColumn, Person, Project
from po_desktop.store.queries import NeedRow, SprintRow
from po_desktop.store.services import workspace as workspace_service
from po_desktop.ui.board.model import ColumnInfo

_ID = attrgetter("id")

PATCH_LIMIT = 1000
"""Above this many changed needs, reloading everything is faster than patching rows."""

START_MIN = 2000
"""From this many needs, a workspace just opened paints its board from each column's first
cards before every row is read; below, reading them all is as fast."""


@dataclass
class Reference:
    """What the filters and menus offer beside the needs: projects, people, sprints…"""

    projects: list[Project] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    """Active people only: the ones a need can be given to."""
    sprints: list[SprintRow] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    region: str = ""


class NeedRows:
    """The need rows, their columns and reference data."""

    def __init__(self) -> None:
        self.rows: list[NeedRow] = []
        """In the order of their ids: a row is found by bisection, where a table of them
        by id would take 5 MB at 100,000 needs (and 3 MB more for their positions)."""
        self.columns: list[ColumnInfo] = []
        self.done_columns: frozenset[int] = frozenset()
        self.reference = Reference()
        self.version = 0
        self.figures: dict[int, tuple[int, float]] | None = None
        """While partial: per column, its needs on the board and their points."""
        self._more: dict[int, NeedRow] = {}
        """While partial: the epics of the first cards, for their badges."""

    @property
    def partial(self) -> bool:
        """Only each column's first cards are read (see :meth:`load_start`)."""
        return self.figures is not None

    def __len__(self) -> int:
        return len(self.rows)

    def get(self, need_id: int) -> NeedRow | None:
        at = self._position(need_id)
        return self.rows[at] if at is not None else self._more.get(need_id)

    def _position(self, need_id: int) -> int | None:
        at = bisect.bisect_left(self.rows, need_id, key=_ID)
        return at if at < len(self.rows) and self.rows[at].id == need_id else None

    def load(self, session: Session) -> None:
        """Everything again, in one session."""
        self.rows = queries.need_rows(session)
        self._load_rest(session, queries.columns(session))
        self.figures, self._more = None, {}

    def load_start(self, session: Session, per_column: int) -> bool:
        """Each column's first ``per_column`` cards on the board, the columns' figures and
        the reference; False, reading no row, when the workspace is small (or its board
        empty): :meth:`load` reads it whole as fast."""
        columns = queries.columns(session)
        start = queries.board_start(session, [c.id for c in columns], per_column)
        if start.needs < START_MIN or not start.rows:
            return False
        self.rows = sorted(start.rows, key=_ID)
        # The sprints' figures, the business units and the tags (each a scan of every
        # need) are read with every need (:meth:`load`), right after the first paint:
        # nothing shows them before, the filters being off (Views.reload).
        self._load_rest(session, columns, first_screen=True)
        self.figures = start.figures
        parent_of = board_links.epics(session)[0]
        parents = {parent_of[r.id] for r in start.rows if r.id in parent_of} - {
            r.id for r in self.rows
        }
        self._more = (
            {row.id: row for row in queries.need_rows(session, need_ids=sorted(parents))}
            if parents
            else {}
        )
        return True

    def _load_rest(
        self, session: Session, columns: list[BoardColumn], *, first_screen: bool = False
    ) -> None:
        self.reference = Reference(
            projects=queries.projects(session),
            people=[p for p in queries.people(session) if p.active],
            sprints=queries.sprint_rows(session, figures=not first_screen),
            units=[] if first_screen else queries.business_units(session),
            tags=[] if first_screen else queries.tag_names(session),
            region=workspace_service.holiday_region(session),
        )
        self.columns = [
            ColumnInfo(c.id, c.name, c.wip_limit, c.is_done, c.entry_rules) for c in columns
        ]
        self.done_columns = frozenset(c.id for c in columns if c.is_done)
        self.version += 1

    def patch(self, session: Session, need_ids: list[int]) -> dict[int, NeedRow | None] | None:
        """Read these needs again; returns each one's new row (None: deleted), or None,
        changing nothing, when there are too many to patch: read everything instead."""
        if len(need_ids) > PATCH_LIMIT or self.partial:
            return None
        found = {row.id: row for row in queries.need_rows(session, need_ids=need_ids)}
        fresh: dict[int, NeedRow | None] = {i: found.get(i) for i in dict.fromkeys(need_ids)}
        replaced = {i: row for i, row in fresh.items() if row is not None}
        at = {need_id: self._position(need_id) for need_id in replaced}
        places = [i for i in at.values() if i is not None]
        if len(places) == len(fresh):  # edits and moves: rows replaced in place
            for i, row in zip(places, replaced.values(), strict=True):
                self.rows[i] = row
        else:
            rows = [r for r in self.rows if r.id not in fresh]
            rows.extend(replaced.values())
            rows.sort(key=_ID)  # new needs come last already: a restored one may not
            self.rows = rows
        self.version += 1
        return fresh
