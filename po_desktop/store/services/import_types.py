"""What an import takes and gives: the records read from a file, the options chosen beside
it, the result and its summary (one wording for the command line and the window)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from po_desktop.domain.messages import Message, day_label, listing
from po_desktop.domain.numbers import EITHER, NumberConvention
from po_desktop.domain.text import fold
from po_desktop.store.errors import (
    PoDesktopError,
)

CREATE, UPDATE, SKIP = "create", "update", "skip"
PREVIEW_MAX = 1000
"""Rows a preview lists; its counts are exact however many rows there are."""


@dataclass(frozen=True)
class Comment:
    """A comment as a tracker exported it."""

    text: str
    author: str = ""
    at: datetime | None = None
    """When it was written (UTC, naive), None when the file does not say."""


@dataclass(frozen=True)
class NeedRecord:
    """One need as text read from a file.

    ``None`` means the column is absent from the file: a new need gets the
    default and an existing need keeps its value, so a file with only a few
    columns cannot wipe the others. An empty string is a real (empty) value.
    """

    key: str = ""
    title: str = ""
    problem: str = ""
    solution: str | None = None
    requester: str | None = None
    source: str | None = None
    business_unit: str | None = None
    technical: str | None = None
    project: str = ""
    status: str | None = None
    points: str | float | None = None
    """Text as the file writes it (read by ``numbers``), or a workbook's number."""
    sprint: str | None = None
    tags: str | None = None
    acceptance: str | None = None
    external_ref: str = ""
    """The item's reference in the tool it comes from (a Jira issue key, a Trello card's
    address): a need already imported with it is updated, never duplicated."""
    assignee: str | None = None
    """A person's name, created when the workspace has no one by that name."""
    people: tuple[str, ...] = ()
    """Everyone the item names (a Trello card's members): created when missing."""
    closed_sprints: tuple[str, ...] = ()
    """Earlier sprints the item went through (created closed when missing)."""
    sprint_dates: tuple[tuple[str, date, date], ...] = ()
    """(name, start, end) of the item's sprints whose dates the export's own dates
    suggest: a sprint created by the import takes them."""
    comments: tuple[Comment, ...] = ()
    parent_ref: str = ""
    """The external reference of the item's parent (its epic): linked as its parent."""
    created: datetime | None = None
    """When the item was created in the tool it comes from (UTC): a need it creates was
    asked for then, not on the day of the import."""
    create_missing: str = ""
    """The tracker whose export this is ("Jira", "Trello"; empty for a file of ours, whose
    external reference column only carries the reference): its sprints missing from the
    workspace are created, for a team of that name."""
    line: int = 0
    """Physical line in the file where the row starts; 0 when unknown."""
    numbers: NumberConvention = EITHER
    """How the file writes its numbers: its convention, never the interface language's."""


def text_records(
    columns: Sequence[tuple[int, str]], numbers: NumberConvention
) -> Callable[[Sequence[str], int], NeedRecord]:
    """Make records from rows of texts, ``columns`` giving each field's cell (index, field
    name): what ``NeedRecord(**cells, line=line, numbers=numbers)`` makes, in a third of
    its time (a frozen dataclass sets its 23 fields one call at a time; here a row's
    record is filled in one update)."""
    names = {field.name for field in fields(NeedRecord)}
    unknown = [name for _index, name in columns if name not in names]
    if unknown:
        raise TypeError(f"NeedRecord has no field {unknown[0]!r}")
    defaults = {field.name: field.default for field in fields(NeedRecord)}
    defaults["numbers"] = numbers
    indexes = [index for index, _name in columns]
    pick: Callable[[Sequence[str]], tuple[str, ...]]
    if len(indexes) > 1:
        pick = itemgetter(*indexes)
    else:  # itemgetter of one index gives the value, not a tuple
        pick = lambda row: tuple(row[index] for index in indexes)  # noqa: E731
    fields_of = [name for _index, name in columns]
    new = object.__new__

    def make(row: Sequence[str], line: int) -> NeedRecord:
        record: NeedRecord = new(NeedRecord)
        state = record.__dict__
        state.update(defaults)
        state.update(zip(fields_of, pick(row), strict=True))
        state["line"] = line
        return record

    return make


@dataclass
class RecordBatch:
    """Rows of texts read as a batch, each field a column: what an import of a plain file
    (CSV) checks a column at a time without making one record per row; :meth:`records`
    makes them when a row needs checking alone."""

    lines: list[int]
    """Where each row starts in the file."""
    columns: dict[str, Sequence[str]]
    """The batch's cells by field, for the fields the file has (the others are
    :class:`NeedRecord`'s defaults)."""
    numbers: NumberConvention
    make: Callable[[Sequence[str], int], NeedRecord]
    """A row's record from its cells in the order of :attr:`columns` (see
    :func:`text_records`)."""

    def __len__(self) -> int:
        return len(self.lines)

    def records(self) -> list[NeedRecord]:
        make, rows = self.make, zip(*self.columns.values(), strict=True)
        return [make(row, line) for row, line in zip(rows, self.lines, strict=True)]

    def column(self, name: str) -> Sequence[Any]:
        """The field's value in each row: the file's cells, or the record's default."""
        found = self.columns.get(name)
        if found is not None:
            return found
        default = self.numbers if name == "numbers" else _DEFAULTS[name]
        return [default] * len(self.lines)


_DEFAULTS = {f.name: f.default for f in fields(NeedRecord)}


@dataclass(frozen=True)
class PreviewRow:
    """What an import does with one row of the file."""

    line: int
    action: str
    """:data:`CREATE`, :data:`UPDATE` or :data:`SKIP` (the need is as the row says)."""
    key: str
    """The need's key; empty for a new need the file gives no key (numbered at the end)."""
    title: str
    held_back: bool = False
    """A tracker's item without a description, in the first column whatever its status
    says (counted in :attr:`ImportResult.held_back`)."""


@dataclass(frozen=True)
class SprintMade:
    """A sprint an import created because the file names it and the workspace lacks it."""

    name: str
    start: date
    end: date
    from_issues: bool
    """Its dates come from its issues' dates in the file; otherwise they follow the
    team's last sprint. Either way, the user is to check them."""

    def describe(self) -> Message:
        how = "exchange.sprint_from_issues" if self.from_issues else "exchange.sprint_placed"
        span = {"start": day_label(self.start), "end": day_label(self.end)}
        return Message(how, {"name": self.name, **span})


@dataclass
class ImportResult:
    """Counts to show the user after an import."""

    created: int = 0
    updated: int = 0
    projects_created: int = 0
    project_codes: list[str] = field(default_factory=list, compare=False)
    """The codes of the projects created (to create, in a preview)."""
    unchanged: int = 0
    """Existing needs whose row matched them exactly: skipped, not even re-dated."""
    set_aside: int = 0
    """Items the file holds that an import leaves out on purpose (archived cards)."""
    held_back: int = 0
    """Tracker items with no problem statement put, or kept, in the first column, whatever
    their status said: to qualify first."""
    preview: list[PreviewRow] = field(default_factory=list, compare=False)
    """The first :data:`PREVIEW_MAX` rows, when asked for."""
    sprints_created: list[SprintMade] = field(default_factory=list)
    """Sprints the file names that the workspace lacked (to create, in a preview)."""

    @property
    def skipped(self) -> int:
        return self.unchanged

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged

    def summary(self, *, preview: bool = False) -> Message:
        """What the import did, or would do: "Import done: 3 needs created, 1 updated,
        0 skipped as unchanged, 1 project created." (the CLI and the window alike)."""
        counts = [
            Message(
                "exchange.to_create" if preview else "exchange.created", {"count": self.created}
            ),
            Message(
                "exchange.to_update" if preview else "exchange.updated", {"count": self.updated}
            ),
            Message("exchange.to_skip" if preview else "exchange.skipped", {"count": self.skipped}),
        ]
        if self.set_aside:
            counts.append(Message("exchange.archived_skipped", {"count": self.set_aside}))
        if self.held_back:
            counts.append(Message("exchange.held_back", {"count": self.held_back}))
        if self.projects_created:
            created = "exchange.projects_to_create" if preview else "exchange.projects_created"
            named = {"count": self.projects_created, "codes": listing(self.project_codes)}
            counts.append(Message(created + "_named" if self.project_codes else created, named))
        done = Message(
            "cli.import_preview" if preview else "cli.import_summary",
            {"counts": listing(counts, limit=None)},
        )
        if not self.sprints_created:
            return done
        made = [sprint.describe() for sprint in self.sprints_created]
        sprints = Message(
            "exchange.sprints_to_create" if preview else "exchange.sprints_created",
            {"count": len(made), "sprints": listing(made, limit=None)},
        )
        return Message("exchange.summary_and_sprints", {"summary": done, "sprints": sprints})


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose beside the file."""

    default_project: str = ""
    """Project code for rows that name none (created when it does not exist)."""
    statuses: Mapping[str, int] = field(default_factory=dict)
    """The file's statuses (folded, see :func:`status_key`) → board column id; a status
    not listed is looked up among the columns' names."""
    preview: bool = False
    """Keep the first rows' actions in the result."""
    progress: Callable[[int], None] | None = None
    """Called after each batch with the rows done; raising from it stops the import,
    which then writes nothing."""


class ImportCancelledError(PoDesktopError):
    """The user stopped the import (its progress callback raised it): nothing written."""

    def __init__(self) -> None:
        super().__init__("exchange.cancelled")


def status_key(text: str) -> str:
    """A file's status as :attr:`ImportOptions.statuses` keys it."""
    return fold(text.strip())
