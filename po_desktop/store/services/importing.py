"""Bulk import of needs from rows of text (a CSV file, a workbook): one transaction, all
or nothing, however many rows.

Rows are checked by the same validators as a need typed in a dialog and get the same
history events. The first bad row rolls the whole import back and is reported with
its line number in the file.

Records are read as they come, a batch at a time: a million-row file takes the memory
of a batch, not of the file. For each batch the needs its keys name are looked up in
one query; new needs are inserted in bulk rather than through
:func:`needs.create_need`, whose ORM queries per need would make a 10,000-row file
slow. The bulk path uses the same validation (``needs._validate``) and event
formatting, and a test pins that both paths store identical rows, tags and events.
Existing needs that the file changes go through :func:`needs.update_need`; rows equal
to the stored need are skipped, so re-importing an edited export costs only its edits.

A new need without a key takes its number at the end, after every key the file names
(until then it holds a negative placeholder), so it never takes a number a later row
refers to. :func:`preview_import` runs the same import and rolls it back: what would
be created, updated and skipped, nothing written.
"""

from __future__ import annotations

import gc
import operator
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice, repeat
from typing import Any

from sqlalchemy import Integer, String, bindparam, cast, func, insert, literal, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from po_desktop.domain import ranks
from po_desktop.domain.enums import EventField
from po_desktop.domain.keys import format_key
from po_desktop.domain.readiness import has_problem
from po_desktop.store import identity
from po_desktop.store.bulk import bind_value, ids_given, insert_many, stored_as
from po_desktop.store.errors import (
    PoDesktopError,
    ValidationError,
)
from po_desktop.store.models import Need, NeedEvent, Project, utcnow
from po_desktop.store.services import import_batch, import_trackers
from po_desktop.store.services import import_cells as cells
from po_desktop.store.services import needs as need_service
from po_desktop.store.services._base import (
    _event_value,
    rolled_back,
    transactional,
)
from po_desktop.store.services.import_lookups import Lookups, among
from po_desktop.store.services.import_types import (
    CREATE,
    PREVIEW_MAX,
    SKIP,
    UPDATE,
    ImportOptions,
    ImportResult,
    NeedRecord,
    PreviewRow,
    RecordBatch,
)

BATCH_SIZE = 1000
COLLECT_AFTER = 20_000
"""Objects left since the last collection (batches leave about a thousand each) that
set off a collection of the young generations during an import."""


_CHECKED_NAMES = (
    *need_service.TEXTS,
    "source",
    "technical",
    "points",
    "project_id",
    "sprint_id",
    "assignee_id",
)
_CHECKED = operator.itemgetter(*_CHECKED_NAMES)
"""A validated need's values, as a tuple in the order of :data:`_NEED_COLUMNS`."""
_NEED_COLUMNS = (
    *_CHECKED_NAMES,
    "number",
    "column_id",
    "rank",
    "created_at",
    "updated_at",
    "done_at",
    "column_since",
    "external_ref",
)
_COLUMN_AT = _NEED_COLUMNS.index("column_id")
_Pending = tuple[tuple[Any, ...], list[str], int, int, int | None, float | None]
"""A new need's row, its tags, and its project, number, sprint and points."""


class _Creator:
    """New needs exactly as ``create_need`` makes them, written a batch at a time."""

    def __init__(self, session: Session, lookups: Lookups) -> None:
        self.session = session
        self.lookups = lookups
        self.bottom: dict[int, int] | None = None
        self.pending: list[_Pending] = []
        self.now = utcnow()
        """One time for the whole import: it is one action."""
        connection = session.connection()
        self.stored_now = bind_value(connection, _TABLES["need"], "created_at", self.now)
        self.stored_time = stored_as(connection, _TABLES["need"], "created_at")
        self.keyless: dict[int, int] = {}
        """Project id → needs created without a key (numbered -1, -2, … until the end)."""
        self.done_columns = {c.id for c in lookups.columns.values() if c.is_done}
        self.first_column_id = lookups.first_column_id
        self.archived: dict[int, bool] = {}
        self.values: dict[object, str] = {}
        """Event values as stored (a column id, a number of points), each made once."""
        self.highest = lookups.newest_before
        """The highest need id so far: the ids SQLite gives a batch follow it."""

    def forget_ranks(self) -> None:
        """Another service moved needs: read the columns' bottom ranks again."""
        self.bottom = None

    def add(
        self,
        data: need_service.NeedInput,
        project: Project,
        number: int | None,
        ref: str = "",
        created: datetime | None = None,
    ) -> None:
        """``ref``: the row's external reference as stored (``import_trackers.ref_key``);
        ``created``: when the item was created in the tool it comes from (UTC), the
        need's creation time (a decision letter answers the request of that day), the
        import's time when unknown or not past. Its history starts with the import, when
        it entered the board's column, as the card's time in its column does."""
        clean = need_service._validate(self.session, data, known=True)
        archived = self.archived.get(data.project_id)
        if archived is None:  # a project's flag read once, not per row
            archived = self.archived[data.project_id] = project.archived
        if archived:
            raise ValidationError("project.archived", field="project", code=project.code)
        column_id = data.column_id or self.first_column_id
        if number is None:
            project_id = data.project_id
            number = self.keyless[project_id] = self.keyless.get(project_id, 0) - 1
        bottom = self._bottom()
        top = bottom.get(column_id)
        rank = ranks.STEP if top is None else top + ranks.STEP
        bottom[column_id] = rank
        now = self.stored_now
        values = clean.values
        born = now if created is None or created >= self.now else self.stored_time(created)
        row = (
            *_CHECKED(values),
            number,
            column_id,
            rank,
            born,
            now,
            now if column_id in self.done_columns else None,
            now,
            ref,
        )
        sprint_id, points = values["sprint_id"], values["points"]
        self.pending.append((row, clean.tags, data.project_id, number, sprint_id, points))
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def add_many(self, new: import_batch.NewNeeds) -> None:
        """A batch of new needs checked a column at a time: stored as :meth:`add` stores
        each (its number, its rank at the bottom of its column, its creation time)."""
        keyless = self.keyless
        numbers = new.numbers
        if None in numbers:  # rows without a key: numbered -1, -2… until the end
            numbers = []
            for project_id, number in zip(new.project_ids, new.numbers, strict=True):
                if number is None:
                    number = keyless[project_id] = keyless.get(project_id, 0) - 1
                numbers.append(number)
        bottom, step = self._bottom(), ranks.STEP
        rank_list = []
        for column_id in new.column_ids:
            rank = bottom[column_id] = bottom.get(column_id, 0) + step
            rank_list.append(rank)
        now = self.stored_now
        count = len(numbers)
        project_ids = new.project_ids
        done = [now if c in self.done_columns else None for c in new.column_ids]
        rows = zip(
            *new.texts,
            new.sources,
            new.technical,
            new.points,
            project_ids,
            new.sprint_ids,
            new.assignee_ids,
            numbers,
            new.column_ids,
            rank_list,
            repeat(now, count),
            repeat(now, count),
            done,
            repeat(now, count),
            new.refs,
            strict=True,
        )
        self.pending += zip(
            rows, new.tags, project_ids, numbers, new.sprint_ids, new.points, strict=True
        )
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def _bottom(self) -> dict[int, int]:
        """Each column's bottom rank, read once, then kept as needs are added."""
        if self.bottom is None:
            query = select(Need.column_id, func.max(Need.rank)).group_by(Need.column_id)
            self.bottom = {column_id: top for column_id, top in self.session.execute(query)}
        return self.bottom

    def flush(self) -> None:
        if not self.pending:
            return
        connection = self.session.connection()
        rows = [pending[0] for pending in self.pending]
        last = insert_many(connection, _TABLES["need"], _NEED_COLUMNS, rows)
        ids = ids_given(last, len(rows), self.highest)
        need_ids = list(ids) if ids is not None else self._ids_asked()
        low, high = min(need_ids), max(need_ids)
        self.highest = max(self.highest, high)
        tags: list[tuple[int, str]] = []
        events: list[tuple[int, str, str, None, str, int | None, str]] = []
        now = self.stored_now
        author = identity.current(self.session)
        # Ids handed out one after the other (always on SQLite, whose writer is alone):
        # every need of their range is one of this batch, and its creation event, the
        # column it starts in, is copied from its row by one statement, before its other
        # events (an event's order among a need's events is its id's).
        copied = high - low + 1 == len(self.pending)
        if copied:
            span = {"low": low, "high": high, "at": self.now}
            connection.execute(_CREATED_EVENTS, {**span, **_by(author)})
        by = (author.person_id, author.name)
        stored = self._stored
        for need_id, (row, names, _project, _number, sprint_id, points) in zip(
            need_ids, self.pending, strict=True
        ):
            if names:
                tags += [(need_id, name) for name in names]
            # In create_need's order: created (the column), sprint, points.
            if not copied:
                events.append((need_id, now, _CREATED, None, stored(row[_COLUMN_AT]), *by))
            if sprint_id is not None:
                events.append((need_id, now, _SPRINT, None, stored(sprint_id), *by))
            if points is not None:
                events.append((need_id, now, _POINTS, None, stored(points), *by))
        insert_many(connection, _TABLES["need_tag"], ("need_id", "name"), tags)
        insert_many(connection, _TABLES["need_event"], _EVENT_COLUMNS, events)
        self.pending.clear()

    def _ids_asked(self) -> list[int]:
        """The ids of the pending needs, in their order, asked by (project, number), each
        unique: RETURNING in parameter order makes SQLAlchemy insert on SQLite a row at a
        time, and PostgreSQL's sequence may interleave another session's needs."""
        by_key: dict[tuple[int, int], int] = {}
        numbers: dict[int, list[int]] = {}
        for _row, _tags, project_id, number, _sprint, _points in self.pending:
            numbers.setdefault(project_id, []).append(number)
        for project_id, wanted in numbers.items():
            query = select(Need.number, Need.id).where(Need.project_id == project_id, among(wanted))
            for number, need_id in self.session.execute(query):
                by_key[(project_id, number)] = need_id
        return [by_key[(pending[2], pending[3])] for pending in self.pending]

    def _stored(self, value: object) -> str:
        """An event's value as stored, made once per distinct value."""
        stored = self.values.get(value)
        if stored is None:
            stored = self.values[value] = _value(value)
        return stored

    def number_keyless(self) -> None:
        """Give the needs created without a key their numbers, after every key the file
        named: placeholder -1 becomes the project's next number, -2 the one after..."""
        self.flush()
        self.lookups.settle_numbers()
        by_id = {p.id: p for p in self.lookups.projects.values()}
        for project_id, lowest in self.keyless.items():
            project = by_id[project_id]
            # Claimed in one statement, as a need created alone claims its number: an
            # import beside another PO's creations on a team workspace takes the next keys.
            count = -lowest
            end = self.session.execute(
                update(Project)
                .where(Project.id == project_id)
                .values(next_number=Project.next_number + count)
                .returning(Project.next_number),
                execution_options={"synchronize_session": False},
            ).scalar_one()
            set_committed_value(project, "next_number", end)
            base = end - count
            self.session.execute(
                update(Need)
                .where(Need.project_id == project_id, Need.number < 0)
                .values(number=base - 1 - Need.number)
                .execution_options(synchronize_session=False)
            )


_TABLES = Need.metadata.tables
_EVENT_COLUMNS = (
    "need_id",
    "at",
    "field",
    "old_value",
    "new_value",
    "author_id",
    "author_name",
)
_CREATED, _SPRINT, _POINTS = (
    EventField.CREATED.value,
    EventField.SPRINT.value,
    EventField.POINTS.value,
)
_value = _event_value
_CREATED_EVENTS = insert(NeedEvent).from_select(
    ["need_id", "at", "field", "new_value", "author_id", "author_name"],
    select(
        Need.id,
        bindparam("at", type_=NeedEvent.at.type),
        literal(_CREATED, String),
        cast(Need.column_id, String),  # as _event_value writes a column's id
        bindparam("author_id", type_=Integer),
        bindparam("author_name", type_=String),
    ).where(Need.id.between(bindparam("low"), bindparam("high"))),
)
"""The creation events of the needs whose ids run from ``low`` to ``high``."""


def _by(author: identity.Author) -> dict[str, object]:
    return {"author_id": author.person_id, "author_name": author.name}


_NEW = need_service.NeedInput(title="", problem="", project_id=0)
"""What a new need holds where its row's file has no column for it (never changed)."""


def _input(
    record: NeedRecord,
    lookups: Lookups,
    project_id: int,
    current: need_service.NeedInput | None,
) -> need_service.NeedInput:
    """The row as a service input; absent columns keep the need's value, else the default.
    Straight-line code, arguments in the order of the fields: this runs for every row."""
    base = _NEW if current is None else current
    # A need always sits in a column: a blank status keeps an existing need where it is.
    # A tracker's item with no problem statement yet waits in the first one, to be
    # qualified (a row of ours that names another column is refused, as a form would).
    tracker = bool(record.create_missing)
    column_id = lookups.column_id(record.status or "", tracker=tracker)
    if column_id is None:
        column_id = base.column_id if current is not None else lookups.first_column_id
    first = lookups.first_column_id
    lookups.row_held = tracker and not has_problem(record.problem) and column_id != first
    if lookups.row_held:
        lookups.held_back += 1  # its status asked for another column: the user is told
        column_id = first
    for name in record.closed_sprints:
        lookups.sprint_id(name, record, closed=True)
    sprint_id = base.sprint_id
    if record.sprint is not None:
        sprint_id = lookups.sprint_id(record.sprint, record)
    for name in record.people:
        lookups.trackers.person_id(name)
    assignee_id = base.assignee_id
    if record.assignee is not None:
        assignee_id = lookups.trackers.person_id(record.assignee)
    solution, requester, source = record.solution, record.requester, record.source
    business_unit, technical, points = record.business_unit, record.technical, record.points
    tags, acceptance = record.tags, record.acceptance
    return need_service.NeedInput(
        record.title,
        record.problem,
        project_id,
        base.solution if solution is None else solution,
        base.requester if requester is None else requester,
        base.source if source is None else cells.source(source),
        base.business_unit if business_unit is None else business_unit,
        base.technical if technical is None else cells.technical(technical),
        column_id,
        base.points if points is None else cells.points(points, record.numbers),
        sprint_id,
        assignee_id,
        base.tags if tags is None else cells.tags(tags),
        base.acceptance if acceptance is None else acceptance,
    )


_Placed = tuple[int, NeedRecord, Project, int | None]


def _by_reference(
    session: Session, placed: list[_Placed], projects: dict[int, Project]
) -> list[_Placed]:
    """Rows without a key that carry an external reference take the key of the need
    imported before with that reference: a re-import updates it, never duplicates it."""
    refs = [record.external_ref for _, record, _, number in placed if number is None]
    if not any(refs):
        return placed
    found = import_trackers.needs_by_ref(session, refs)
    if not found:
        return placed
    result: list[_Placed] = []
    for line, record, project, number in placed:
        ref = import_trackers.ref_key(record.external_ref)
        known = found.get(ref) if number is None else None
        if known is not None:
            _need_id, project_id, known_number = known
            project = projects.get(project_id) or session.get(Project, project_id) or project
            number = known_number
        result.append((line, record, project, number))
    return result


def _row_error(exc: PoDesktopError, line: int) -> ValidationError:
    return ValidationError(
        "csv.row", field=getattr(exc, "field", None), line=line, problem=exc.message
    )


def _preview(
    result: ImportResult, rows: Iterable[tuple[int, str]], new: import_batch.NewNeeds
) -> None:
    """The rows (line, title) of a batch of new needs, as the row path lists each."""
    placed = zip(rows, new.projects, new.numbers, strict=True)
    for (line, title), project, number in islice(placed, PREVIEW_MAX - len(result.preview)):
        key = format_key(project.code, number) if number is not None else ""
        result.preview.append(PreviewRow(line, CREATE, key, title))


def _run(
    session: Session,
    records: Iterable[NeedRecord],
    options: ImportOptions,
    first_line: int,
) -> ImportResult:
    # Each row allocates tens of objects, freed by reference counting, that would set off
    # the cyclic collector's passes over the whole heap (every need row the app holds,
    # SQLAlchemy's modules) several times per thousand rows, for about a tenth of the
    # import's time. Paused, with the young generations collected once what the batches
    # left (the keys they claimed, tuples the collector walks) reaches COLLECT_AFTER
    # objects: what they left in cycles is freed then, and memory stays bounded. A batch
    # leaves about a thousand and no cycle: collected after each, they took 3 % of it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import_rows(session, records, options, first_line, collect=collecting)
    finally:
        if collecting:
            gc.enable()


def _import_rows(
    session: Session,
    records: Iterable[NeedRecord],
    options: ImportOptions,
    first_line: int,
    *,
    collect: bool,
) -> ImportResult:
    lookups = Lookups(session, options)
    creator = _Creator(session, lookups)
    afterwards = import_trackers.Afterwards(session)
    by_id = {p.id: p for p in lookups.projects.values()}
    refs_seen: set[str] = set()  # given by a row without a key, or a tracker's item
    result = ImportResult()
    done = 0
    for batch in import_batch.batches(records, BATCH_SIZE):
        creator.flush()  # the batch's lookups see the needs created before it
        lookups.batch_keys.clear()
        placed: list[tuple[int, NeedRecord, Project, int | None]] = []
        refused: ValidationError | None = None
        new, existing = None, {}
        rows: Iterator[tuple[int, str]] = iter(())  # (line, title) of each new need
        if isinstance(batch, RecordBatch):  # read as columns: checked as such if it can be
            new = import_batch.new_needs_read(batch, lookups)
            new = None if new is None or new.repeats_a_reference(refs_seen) else new
            rows = zip(batch.lines, batch.column("title"), strict=True)
        if new is None:
            for record in batch.records() if isinstance(batch, RecordBatch) else batch:
                line = record.line or first_line + done + len(placed)
                try:
                    project = lookups.project(record.project, record.key)
                    placed.append((line, record, project, cells.key_number(record, project)))
                except PoDesktopError as exc:
                    refused = _row_error(exc, line)  # once the rows before it are checked
                    refused.__cause__ = exc
                    break
            placed = _by_reference(session, placed, by_id)
            ids = {project: project.id for project in {project for _, _, project, _ in placed}}
            existing = lookups.existing(
                (ids[project], number) for _, _, project, number in placed if number is not None
            )
            new = None if existing else import_batch.new_needs(placed, lookups)
            new = None if new is None or new.repeats_a_reference(refs_seen) else new
            rows = iter([(line, record.title) for line, record, _, _ in placed])
        if new is not None:  # every row a new need, every cell clean
            lookups.claim_new(zip(new.projects, new.numbers, strict=True))
            refs_seen.update(new.keyless_refs())
            creator.add_many(new)
            result.created += len(new.numbers)
            if options.preview:
                _preview(result, rows, new)
            placed = []
        for line, record, project, number in placed:
            try:
                ref = import_trackers.ref_key(record.external_ref)
                by_ref = record.create_missing or not record.key.strip()  # known by it
                if by_ref and ref and ref in refs_seen:
                    raise ValidationError("csv.duplicate_ref", field="external_ref", ref=ref)
                need_id, current = 0, None
                project_id = project.id
                if number is not None:
                    need_id, current = existing.get((project_id, number), (0, None))
                    lookups.claim(project, project_id, number, need_id)
                data = _input(record, lookups, project_id, current)
                afterwards.keep(record, ref)
                if by_ref:
                    refs_seen.add(ref)
                if current is None:
                    creator.add(data, project, number, ref, record.created)
                    result.created += 1
                    action = CREATE
                elif need_service.as_stored(data) == current:
                    result.unchanged += 1
                    action = SKIP
                else:
                    creator.flush()
                    need_service.update_need(session, need_id, data)
                    creator.forget_ranks()
                    result.updated += 1
                    action = UPDATE
            except PoDesktopError as exc:
                raise _row_error(exc, line) from exc
            if options.preview and len(result.preview) < PREVIEW_MAX:
                key = format_key(project.code, number) if number is not None else ""
                row = PreviewRow(line, action, key, data.title, lookups.row_held)
                result.preview.append(row)
        lookups.settle_numbers()
        if refused is not None:
            raise refused
        done += len(batch)
        if collect and gc.get_count()[0] > COLLECT_AFTER:
            gc.collect(1)
        if options.progress is not None:
            options.progress(done)
    creator.number_keyless()
    afterwards.apply()
    result.projects_created = len(lookups.created_projects)
    result.project_codes = list(lookups.created_projects)
    result.held_back = lookups.held_back
    result.sprints_created = lookups.trackers.sprints_made
    return result


@transactional
def import_needs(
    session: Session,
    records: Iterable[NeedRecord],
    options: ImportOptions | None = None,
    *,
    first_line: int = 2,
) -> ImportResult:
    """Create or update one need per record; the first bad row aborts everything.

    A row with a key updates that need (or creates it under that key); a row
    without one creates a new need. ``first_line`` numbers records whose
    ``line`` is 0, so errors still point at a line of the file. ``records`` is
    read once, as it comes.
    """
    return _run(session, records, options or ImportOptions(), first_line)


def preview_import(
    session: Session,
    records: Iterable[NeedRecord],
    options: ImportOptions | None = None,
    *,
    first_line: int = 2,
) -> ImportResult:
    """What :func:`import_needs` would do with these records, and its refusal if it
    would refuse them: the same import, rolled back. Nothing is written."""
    with rolled_back(session):
        return _run(session, records, options or ImportOptions(), first_line)
