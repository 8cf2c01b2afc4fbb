"""Bulk import of needs from rows of text (a CSV file): one transaction, all or nothing.

Rows are checked by the same validators as a need typed in a dialog and get
the same history events. The first bad row rolls the whole import back and is
reported with its line number in the file.

New needs are inserted in batches rather than through :func:`needs.create_need`,
whose ORM queries per need would make a 10,000-row file slow. The batch path uses
the same validation (``needs._validate``) and event formatting, and a test pins
that both paths store identical rows, tags and events. Existing needs that the
file changes go through :func:`needs.update_need`; rows equal to the stored need are
skipped, so re-importing an edited export costs only its edits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from po_desktop.domain import ranks
from po_desktop.domain.enums import EventField, Source
from po_desktop.domain.keys import format_key, parse_key
from po_desktop.domain.messages import CHOICE_LABELS, listing
from po_desktop.domain.numbers import EITHER, NumberConvention
from po_desktop.domain.text import NameIndex, fold
from po_desktop.store.errors import (
    ConflictError,
    NotFoundError,
    PoDesktopError,
    ValidationError,
)
from po_desktop.store.models import BoardColumn, Need, NeedEvent, NeedTag, Project, Sprint, utcnow
from po_desktop.store.services import needs as need_service
from po_desktop.store.services._base import (
    clean_bool,
    clean_number,
    clean_tags,
    pick_named,
    transactional,
)
from po_desktop.store.services.projects import ProjectInput, create_project

BATCH_SIZE = 1000


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
    line: int = 0
    """Physical line in the file where the row starts; 0 when unknown."""
    numbers: NumberConvention = EITHER
    """How the file writes its numbers: its convention, never the interface language's."""


@dataclass
class ImportResult:
    """Counts to show the user after an import."""

    created: int = 0
    updated: int = 0
    projects_created: int = 0
    unchanged: int = 0
    """Existing needs whose row matched them exactly: left untouched, not even re-dated."""


def _source_aliases() -> dict[str, str]:
    aliases = {s.value: s.value for s in Source}
    for value in (s.value for s in Source):
        for label in CHOICE_LABELS.get(value, ()):
            aliases[fold(label)] = value
    aliases.update({"equipe": Source.TEAM.value, "equipe interne": Source.TEAM.value})
    return aliases


SOURCE_ALIASES = _source_aliases()
"""Stored values and French/English labels (folded: "equipe", "CLIENT") → stored value."""


_INPUT_FIELDS = (
    "title",
    "problem",
    "project_id",
    "solution",
    "requester",
    "source",
    "business_unit",
    "technical",
    "column_id",
    "points",
    "sprint_id",
    "assignee_id",
    "acceptance",
)


def _existing_needs(
    session: Session,
) -> dict[tuple[int, int], tuple[int, need_service.NeedInput]]:
    """Every need as (id, what ``needs.need_input`` gives), keyed by (project id, number).

    Plain rows, not ORM objects: with thousands of Need or NeedTag objects in the
    session, each tag delete in ``update_need`` scans them all (quadratic time).
    """
    tags: dict[int, list[str]] = {}
    for need_id, name in session.execute(select(NeedTag.need_id, NeedTag.name)):
        tags.setdefault(need_id, []).append(name)
    columns = [getattr(Need, name) for name in _INPUT_FIELDS]
    existing = {}
    for row in session.execute(select(Need.id, Need.number, *columns)):
        values = {name: getattr(row, name) for name in _INPUT_FIELDS}
        data = need_service.NeedInput(**values, tags=sorted(tags.get(row.id, ()), key=str.casefold))
        existing[(row.project_id, row.number)] = (row.id, data)
    return existing


class _Lookups:
    """Projects, columns, sprints and keyed needs loaded once, not queried per row."""

    def __init__(self, session: Session, records: Sequence[NeedRecord]) -> None:
        self.session = session
        # The session holds loaded rows weakly: keeping projects, columns and sprints
        # here lets the services' session.get() calls hit its identity map every row.
        self.projects = {p.code: p for p in session.scalars(select(Project))}
        columns = list(session.scalars(select(BoardColumn).order_by(BoardColumn.position)))
        if not columns:
            raise NotFoundError("column.not_found", ref="—")
        self.first_column = columns[0]
        self.column_names = [c.name for c in columns]
        self.columns = {c.id: c for c in columns}
        self.columns_by_name = NameIndex((c.name, c.id) for c in columns)
        sprints = list(session.scalars(select(Sprint)))
        self.sprints = {s.id: s for s in sprints}
        self.sprints_by_name = NameIndex((s.name, s.id) for s in sprints)
        self.max_keyed: dict[str, int] = {}
        for record in records:
            parsed = parse_key(record.key) if record.key.strip() else None
            if parsed is not None:
                code, number = parsed
                self.max_keyed[code] = max(self.max_keyed.get(code, 0), number)
        self.needs: dict[tuple[int, int], tuple[int, need_service.NeedInput]] = {}
        if self.max_keyed:
            self.needs = _existing_needs(session)
        self.projects_created = 0

    def project(self, raw: str) -> Project:
        code = raw.strip().upper()
        if not code:
            raise ValidationError("field.required", field="project")
        # Codes are ASCII capitals: "érp" can only mean ERP.
        project = self.projects.get(code) or self.projects.get(fold(code).upper())
        if project is None:
            project = create_project(self.session, ProjectInput(code=code, name=code))
            self.projects[code] = project
            self.projects_created += 1
        # Keyless rows take numbers after every key the file names, so a new need
        # never takes a number that a later row of the same file refers to.
        keyed = self.max_keyed.pop(code, 0)
        if keyed >= project.next_number:
            project.next_number = keyed + 1
        return project

    def column_id(self, raw: str) -> int | None:
        name = raw.strip()
        if not name:
            return None
        column_id = pick_named(self.columns_by_name, name)
        if column_id is None:
            raise ValidationError(
                "field.bad_choice",
                field="status",
                value=name,
                choices=listing(self.column_names),
            )
        return column_id

    def sprint_id(self, raw: str) -> int | None:
        name = raw.strip()
        if not name:
            return None
        sprint_id = pick_named(self.sprints_by_name, name)
        if sprint_id is None:
            raise NotFoundError("sprint.not_found", ref=name)
        return sprint_id


class _Creator:
    """New needs exactly as ``create_need`` makes them, written a batch at a time."""

    def __init__(self, session: Session, lookups: _Lookups) -> None:
        self.session = session
        self.lookups = lookups
        self.bottom: dict[int, int] | None = None
        self.pending: list[tuple[dict[str, Any], list[str]]] = []
        self.numbers: set[tuple[int, int]] = set()
        self.created_ids: list[int] = []

    def forget_ranks(self) -> None:
        """Another service moved needs: read the columns' bottom ranks again."""
        self.bottom = None

    def add(self, data: need_service.NeedInput, project: Project, number: int | None) -> None:
        clean = need_service._validate(self.session, data)
        if project.archived:
            raise ValidationError("project.archived", field="project", code=project.code)
        column = self.lookups.columns[data.column_id or self.lookups.first_column.id]
        if number is None:
            number = project.next_number
        if (project.id, number) in self.numbers:
            raise ConflictError("need.key_taken", key=format_key(project.code, number))
        self.numbers.add((project.id, number))
        project.next_number = max(project.next_number, number + 1)
        if self.bottom is None:
            query = select(Need.column_id, func.max(Need.rank)).group_by(Need.column_id)
            self.bottom = {column_id: top for column_id, top in self.session.execute(query)}
        top = self.bottom.get(column.id)
        rank = ranks.STEP if top is None else top + ranks.STEP
        self.bottom[column.id] = rank
        now = utcnow()
        row = {
            **clean.values,
            "number": number,
            "column_id": column.id,
            "rank": rank,
            "created_at": now,
            "updated_at": now,
            "done_at": now if column.is_done else None,
            "column_since": now,
        }
        self.pending.append((row, clean.tags))
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        rows = [row for row, _tags in self.pending]
        ids = self.session.scalars(
            insert(Need).returning(Need.id, sort_by_parameter_order=True), rows
        ).all()
        self.created_ids.extend(ids)
        tags: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for need_id, (row, names) in zip(ids, self.pending, strict=True):
            tags += [{"need_id": need_id, "name": name} for name in names]
            events.append(_event(need_id, EventField.CREATED, row["column_id"], row))
            if row["sprint_id"] is not None:
                events.append(_event(need_id, EventField.SPRINT, row["sprint_id"], row))
            if row["points"] is not None:
                events.append(_event(need_id, EventField.POINTS, row["points"], row))
        if tags:
            self.session.execute(insert(NeedTag), tags)
        self.session.execute(insert(NeedEvent), events)
        self.pending.clear()


def _event(need_id: int, kind: EventField, new: object, row: dict[str, Any]) -> dict[str, Any]:
    return {
        "need_id": need_id,
        "at": row["created_at"],
        "field": kind.value,
        "old_value": None,
        "new_value": need_service._event_value(new),
    }


def _source(raw: str) -> str:
    text = raw.strip()
    if not text:
        return Source.OTHER.value
    value = SOURCE_ALIASES.get(fold(text))
    if value is None:
        raise ValidationError(
            "field.bad_choice",
            field="source",
            value=text,
            choices=listing(s.value for s in Source),
        )
    return value


def _technical(raw: str) -> bool:
    return True if not raw.strip() else clean_bool(raw, "technical")


def _tags(raw: str) -> list[str]:
    return clean_tags(raw.split(","))


def _points(raw: str | float, numbers: NumberConvention) -> float | None:
    return clean_number(raw, "points", minimum=0, maximum=need_service.MAX_POINTS, numbers=numbers)


def _key(record: NeedRecord, project: Project, seen: set[str]) -> int | None:
    raw = record.key.strip()
    if not raw:
        return None
    parsed = parse_key(raw)
    if parsed is None:
        raise ValidationError("need.bad_key", field="key", key=raw)
    code, number = parsed
    key = format_key(code, number)
    if code != project.code:
        raise ValidationError("need.key_project_mismatch", field="key", key=key, code=project.code)
    if key in seen:
        raise ValidationError("csv.duplicate_key", field="key", key=key)
    seen.add(key)
    return number


def _input(
    record: NeedRecord, lookups: _Lookups, project: Project, current: need_service.NeedInput | None
) -> need_service.NeedInput:
    """The row as a service input; absent columns keep the need's value, else the default."""
    base = current or need_service.NeedInput(title="", problem="", project_id=project.id)

    def text(value: str | None, kept: str) -> str:
        return kept if value is None else value

    # A need always sits in a column: a blank status keeps an existing need where it is.
    column_id = lookups.column_id(record.status or "")
    if column_id is None:
        column_id = base.column_id if current is not None else lookups.first_column.id
    return need_service.NeedInput(
        title=record.title,
        problem=record.problem,
        project_id=project.id,
        solution=text(record.solution, base.solution),
        requester=text(record.requester, base.requester),
        source=base.source if record.source is None else _source(record.source),
        business_unit=text(record.business_unit, base.business_unit),
        technical=base.technical if record.technical is None else _technical(record.technical),
        column_id=column_id,
        points=base.points if record.points is None else _points(record.points, record.numbers),
        sprint_id=base.sprint_id if record.sprint is None else lookups.sprint_id(record.sprint),
        assignee_id=base.assignee_id,
        tags=base.tags if record.tags is None else _tags(record.tags),
        acceptance=text(record.acceptance, base.acceptance),
    )


@transactional
def import_needs(
    session: Session, records: Sequence[NeedRecord], *, first_line: int = 2
) -> ImportResult:
    """Create or update one need per record; the first bad row aborts everything.

    A row with a key updates that need (or creates it under that key); a row
    without one creates a new need. ``first_line`` numbers records whose
    ``line`` is 0, so errors still point at a line of the file.
    """
    lookups = _Lookups(session, records)
    creator = _Creator(session, lookups)
    result = ImportResult()
    seen: set[str] = set()
    for index, record in enumerate(records):
        line = record.line or first_line + index
        try:
            project = lookups.project(record.project)
            number = _key(record, project, seen)
            need_id, current = lookups.needs.get((project.id, number or 0), (0, None))
            data = _input(record, lookups, project, current)
            if current is None:
                creator.add(data, project, number)
                result.created += 1
            elif need_service.as_stored(data) == current:
                result.unchanged += 1
            else:
                creator.flush()
                need_service.update_need(session, need_id, data)
                creator.forget_ranks()
                result.updated += 1
        except PoDesktopError as exc:
            raise ValidationError(
                "csv.row", field=getattr(exc, "field", None), line=line, problem=exc.message
            ) from exc
    creator.flush()
    result.projects_created = lookups.projects_created
    return result
