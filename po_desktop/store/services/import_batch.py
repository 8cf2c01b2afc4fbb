"""A batch of new needs checked a column at a time, for the import (:mod:`.importing`).

The import's row path checks each row as a dialog checks a need: a service input, a dict
of cleaned texts and a dozen calls per row, which made its Python work twice SQLite's.
Most batches are plain: rows of our own export or of a spreadsheet, every one a new
need, every text already clean. For those the same rules give the same answer when they
run over each column of the batch at once, as C-level passes (one ``isprintable`` over a
column's joined texts, ``strip`` and ``len`` mapped over it) and one look-up per distinct
value (a status, a sprint, a source, a number of points, a list of tags).

Whenever a rule would do more than let a value through as the row path stores it (a
text to mend or refuse, an unknown status, a key named twice, a row for a need that
exists, a tracker's item), :func:`new_needs` declines the whole batch and the row path
takes it: every refusal, with its line, and every mended value remain the row path's
own. Nothing is changed before it decides.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import Any, TypeVar

from po_desktop.domain.enums import Source
from po_desktop.domain.keys import KEY_RE
from po_desktop.domain.numbers import NumberConvention
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.models import Project
from po_desktop.store.services import import_cells as cells
from po_desktop.store.services import import_trackers
from po_desktop.store.services import needs as need_service
from po_desktop.store.services._base import SHORT_TEXT_MAX, clean_tags
from po_desktop.store.services.import_lookups import Lookups
from po_desktop.store.services.import_types import NeedRecord, RecordBatch

_Placed = tuple[int, NeedRecord, Project, int | None]
T = TypeVar("T")

_TRACKER = ("create_missing", "people", "closed_sprints", "comments", "parent_ref", "sprint_dates")
"""A tracker's fields: a record with any of them set goes the row path (people to create,
comments and parents to attach once the need exists)."""
_READ = (
    *need_service.TEXTS,
    "status",
    "sprint",
    "source",
    "technical",
    "tags",
    "points",
    "numbers",
    "external_ref",
    "assignee",
    *_TRACKER,
)
_FIELDS = attrgetter(*_READ)
"""A record's fields as one tuple: the batch is read one record at a time, in one pass
(a pass per field would fetch each record from memory once per field)."""
_DEFAULT_SOURCE = Source.OTHER.value
"""What a new need holds where the file has no source column (``importing._NEW``)."""
_DEFAULT_TECHNICAL = need_service.NeedInput("", "", 0).technical
_PLAIN = NeedRecord()
"""A record of no tracker: the sprint of a plain file's row is never created."""


@dataclass
class NewNeeds:
    """The batch's new needs, cleaned, one list per field, in the order of the rows."""

    texts: list[list[str]]
    """One list per text of :data:`needs.TEXTS`, in its order."""
    sources: list[str]
    technical: list[bool]
    points: list[float | None]
    sprint_ids: list[int | None]
    assignee_ids: list[int | None]
    column_ids: list[int]
    tags: list[list[str]]
    projects: list[Project]
    project_ids: list[int]
    numbers: list[int | None]
    """The number each row's key names; None for a row without a key."""
    refs: list[str]
    """External references as stored (``import_trackers.ref_key``)."""

    def keyless_refs(self) -> list[str]:
        """The external references of the rows without a key: each one's identity."""
        return [ref for ref, n in zip(self.refs, self.numbers, strict=True) if ref and n is None]

    def repeats_a_reference(self, seen: set[str]) -> bool:
        """A row without a key whose external reference an earlier such row of the file
        gave (``seen``) or another such row of the batch gives: the row path refuses the
        one that repeats it, naming its line."""
        keyless = self.keyless_refs()
        return len(set(keyless)) != len(keyless) or not seen.isdisjoint(keyless)


def new_needs(placed: Sequence[_Placed], lookups: Lookups) -> NewNeeds | None:
    """The rows of ``placed``, all new needs with no need of the workspace at their keys,
    cleaned as the row path cleans them; None when a row needs the row path."""
    records = [record for _line, record, _project, _number in placed]
    if not records:
        return None
    column: dict[str, Sequence[Any]] = dict(
        zip(_READ, zip(*map(_FIELDS, records), strict=True), strict=True)
    )
    numbers = [number for _line, _record, _project, number in placed]
    projects = [project for _line, _record, project, _number in placed]
    return _checked(column, projects, numbers, lookups)


def new_needs_of(
    batch: RecordBatch, projects: list[Project], numbers: list[int | None], lookups: Lookups
) -> NewNeeds | None:
    """:func:`new_needs` for a batch read as columns, placed by :func:`place`."""
    if not batch.lines:
        return None
    return _checked({name: batch.column(name) for name in _READ}, projects, numbers, lookups)


def new_needs_read(batch: RecordBatch, lookups: Lookups) -> NewNeeds | None:
    """A batch read as columns when its rows are all new needs, none at a key of the
    workspace or known by its external reference, every cell clean: cleaned as the row
    path cleans them. None when a row needs the row path."""
    placed = place(batch, lookups)
    if placed is None:
        return None
    projects, numbers = placed
    refs = batch.columns.get("external_ref")
    if refs:  # a row without a key updates the need imported before with its reference
        keyless = [ref for ref, number in zip(refs, numbers, strict=True) if number is None]
        if any(keyless) and import_trackers.needs_by_ref(lookups.session, keyless):
            return None
    ids = {project: project.id for project in set(projects)}
    keyed = ((ids[p], n) for p, n in zip(projects, numbers, strict=True) if n is not None)
    if lookups.existing(keyed):
        return None
    return new_needs_of(batch, projects, numbers, lookups)


def place(batch: RecordBatch, lookups: Lookups) -> tuple[list[Project], list[int | None]] | None:
    """Each row's project and the number its key names, as the row path finds them
    (``Lookups.project``, ``import_cells.key_number``), a column at a time; None when a
    row needs the row path: a key that is not one, or of another project, or a row
    with neither project, key nor default project (it names the row's line)."""
    keys = batch.columns.get("key")
    matches = list(map(KEY_RE.match, [k.strip().upper() for k in keys])) if keys else None
    raws = batch.columns.get("project")
    if raws is None:
        raws = [""] * len(batch)
    typed = [raw.strip() for raw in raws]
    if matches is None:
        named: list[tuple[str, str | None]] = [(cell, None) for cell in typed]
    else:
        if any(m is None and k.strip() for m, k in zip(matches, keys or (), strict=True)):
            return None  # a key that is not one
        named = [
            (cell, m[1] if m is not None else None) for cell, m in zip(typed, matches, strict=True)
        ]
    try:
        found = {pair: lookups.project_for(*pair) for pair in dict.fromkeys(named)}
    except PoDesktopError:
        return None
    projects = list(map(found.__getitem__, named))
    if matches is None:
        return projects, [None] * len(projects)
    if any(
        m is not None and m[1] != project.code for m, project in zip(matches, projects, strict=True)
    ):
        return None  # a key of another project
    return projects, [None if m is None else int(m[2]) for m in matches]


def _checked(
    column: dict[str, Sequence[Any]],
    projects: list[Project],
    numbers: list[int | None],
    lookups: Lookups,
) -> NewNeeds | None:
    if any(chain.from_iterable(column[name] for name in _TRACKER)):
        return None
    ids = {project: project.id for project in set(projects)}  # an ORM attribute: once each
    project_ids = list(map(ids.__getitem__, projects))
    keyed = [(i, n) for i, n in zip(project_ids, numbers, strict=True) if n is not None]
    if len(set(keyed)) != len(keyed) or not lookups.batch_keys.isdisjoint(keyed):
        return None  # a key named twice: the row path names it and its line
    if any(project.archived for project in set(projects)):
        return None
    texts = []
    for name, (required, max_len) in need_service.TEXTS.items():
        cleaned = _texts(column[name], required, max_len)
        if cleaned is None:
            return None
        texts.append(cleaned)
    try:
        column_ids = _distinct(column["status"], lambda raw: _column(lookups, raw))
        sprint_ids = _distinct(
            column["sprint"],
            lambda raw: None if raw is None else lookups.sprint_id(raw, _PLAIN),
        )
        assignee_ids = _distinct(column["assignee"], lambda raw: _person(lookups, raw))
        sources = _distinct(
            column["source"], lambda raw: _DEFAULT_SOURCE if raw is None else cells.source(raw)
        )
        technical = _distinct(
            column["technical"],
            lambda raw: _DEFAULT_TECHNICAL if raw is None else cells.technical(raw),
        )
        tags = _distinct(
            column["tags"], lambda raw: [] if raw is None else clean_tags(cells.tags(raw))
        )
        points = _distinct(list(zip(column["points"], column["numbers"], strict=True)), _points)
    except PoDesktopError:
        return None  # the row path refuses it, naming the row's line
    if _UNKNOWN in assignee_ids:
        return None  # a person to create: the row path creates it
    first = lookups.first_column_id
    problems = texts[1]
    if any(c != first and not p.strip() for c, p in zip(column_ids, problems, strict=True)):
        return None  # a need leaves the first column only with a problem statement
    refs = list(map(import_trackers.ref_key, column["external_ref"]))
    return NewNeeds(
        texts,
        sources,
        technical,
        points,
        sprint_ids,
        assignee_ids,
        column_ids,
        tags,
        projects,
        project_ids,
        numbers,
        refs,
    )


def _texts(values: Sequence[Any], required: bool, max_len: int) -> list[str] | None:
    """A column's texts as ``_base.clean_text`` stores them, when every one is clean:
    printable, or with paragraphs split by LF alone. None when one needs mending."""
    if None in values:  # a column the file lacks: a new need's empty text
        values = ["" if value is None else value for value in values]
    try:
        joined = "".join(values)
    except TypeError:  # a value that is not text
        return None
    short = max_len <= SHORT_TEXT_MAX
    if joined.isprintable():
        cleaned = list(map(str.strip, values)) if short else list(values)
    elif "\n" in joined and joined.replace("\n", "").isprintable():
        cleaned = [value.replace("\n", " ").strip() for value in values] if short else list(values)
    else:
        return None
    if required and not all(map(str.strip, cleaned)):
        return None
    if cleaned and max(map(len, cleaned)) > max_len:
        return None
    return cleaned


def _column(lookups: Lookups, raw: str | None) -> int:
    """The status's column; a new need without one starts in the first column."""
    column_id = None if raw is None else lookups.column_id(raw)
    return lookups.first_column_id if column_id is None else column_id


_UNKNOWN = -1
"""An assignee the workspace does not know (no id is negative)."""


def _person(lookups: Lookups, raw: str | None) -> int | None:
    """The assignee's person: none for no name, :data:`_UNKNOWN` for a name the
    workspace lacks (the row path creates that person; nothing is created here)."""
    if raw is None or not raw.strip():
        return None
    found = lookups.trackers.known_person_id(raw)
    return _UNKNOWN if found is None else found


def _points(cell: tuple[str | float | None, NumberConvention]) -> float | None:
    """The points of a cell read by the convention of the file that holds it."""
    raw, numbers = cell
    return None if raw is None else cells.points(raw, numbers)


def _distinct(cells_: Sequence[Hashable], value_of: Callable[[Any], T]) -> list[T]:
    """``value_of`` of each cell, computed once per distinct cell."""
    values = {cell: value_of(cell) for cell in set(cells_)}
    return list(map(values.__getitem__, cells_))


def batches(records: Iterable[NeedRecord], size: int) -> Iterator[list[NeedRecord] | RecordBatch]:
    """The records ``size`` at a time: as their reader batches them when it does (a CSV
    file's rows as columns, see ``needs_table.Records``)."""
    batches = getattr(records, "batches", None)
    if batches is not None:
        yield from batches(size)
        return
    batch: list[NeedRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
