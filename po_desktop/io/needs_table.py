"""Needs as a table, whatever file holds it (CSV, xlsx): its columns, their names in
both languages, a file's header mapped to them, its rows turned into records.

A reader (:mod:`po_desktop.io.csv_needs`, :mod:`po_desktop.io.xlsx_needs`) opens a
:class:`Table`: the header as written, the rows as they are read (a million-row file is
never held whole), and the convention its numbers are written in. :func:`records`
turns rows into :class:`~po_desktop.store.services.import_types.NeedRecord` by a mapping
from the file's columns to ours, which the import assistant lets the user change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import cache
from itertools import islice
from pathlib import Path
from types import TracebackType

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload

from po_desktop.domain.formulas import restore
from po_desktop.domain.messages import (
    FIELD_LABELS,
    Label,
    Message,
    choice_label,
    field_label,
    labels_in_every_language,
    listing,
)
from po_desktop.domain.numbers import EITHER, NumberConvention
from po_desktop.domain.text import fold
from po_desktop.store.errors import ValidationError
from po_desktop.store.models import BoardColumn, Need, Person, Project, Sprint
from po_desktop.store.services.import_types import NeedRecord, RecordBatch, text_records
from po_desktop.store.services.projects import find_project

COLUMNS: tuple[str, ...] = (
    "key",
    "title",
    "problem",
    "solution",
    "requester",
    "source",
    "business_unit",
    "technical",
    "project",
    "status",
    "points",
    "sprint",
    "assignee",
    "tags",
    "acceptance",
    "external_ref",
)
REQUIRED: tuple[str, ...] = ("title", "problem", "project")
"""Columns a file must have; without ``key`` every row is a new need."""

Cell = str | float | int | bool | datetime | date | time | None
"""What a cell holds: text in a CSV file, typed values in a workbook."""


@cache
def header_aliases() -> dict[str, str]:
    """Column ids plus their French and English labels, folded: "CLE", "Metier" and
    "Critères d’acceptation" read too, and the names people give them ("Problème").
    Built on first use: the catalogue is read then, not when the module is imported."""
    aliases: dict[str, str] = {}
    for column in COLUMNS:
        aliases[column] = column
        for label in labels_in_every_language(FIELD_LABELS.get(column, column)):
            aliases[fold(label)] = column
    aliases.update(
        {
            "libelle": "title",
            "business unit": "business_unit",
            "probleme": "problem",
            "defi": "problem",
            "problem statement": "problem",
            "colonne": "status",
            "column": "status",
            "etiquette": "tags",
            "tag": "tags",
            "story points": "points",
            "acceptance criteria": "acceptance",
            "external ref": "external_ref",
            "ref externe": "external_ref",
        }
    )
    return aliases


def header_label(column: str, lang: str | None = None) -> str:
    """A column's name in an exported header, in the user's language."""
    return field_label(column, lang)


def column_for(name: object) -> str | None:
    """Our column for a header cell as written, None when it names none of ours."""
    return header_aliases().get(normalise_header(name))


def normalise_header(name: object) -> str:
    text = "" if name is None else str(name)
    return fold(text.replace("\ufeff", "").strip())


Mapping = list[str | None]
"""For each column of a file, the field it fills (None: left out)."""


def default_mapping(
    header: Sequence[object], *, line: int = 1, optional: Sequence[str] = ()
) -> Mapping:
    """Each header cell's column by its name; a name we do not know, a column named
    twice or a required one missing is refused, the header's line named."""
    mapping: Mapping = []
    unknown: list[str] = []
    duplicates: list[str] = []
    for raw in header:
        name = normalise_header(raw)
        if not name:
            mapping.append(None)
            continue
        column = header_aliases().get(name)
        if column is None:
            unknown.append(str(raw).strip())
        elif column in mapping:
            duplicates.append(str(raw).strip())
        mapping.append(column)
    if unknown:
        problem = Message("csv.unknown_columns", {"columns": listing(unknown, quoted=True)})
        raise ValidationError("csv.row", line=line, problem=problem)
    if duplicates:
        problem = Message("csv.duplicate_columns", {"columns": listing(duplicates, quoted=True)})
        raise ValidationError("csv.row", line=line, problem=problem)
    check_mapping(mapping, line=line, optional=optional)
    return mapping


def check_mapping(
    mapping: Sequence[str | None], *, line: int = 1, optional: Sequence[str] = ()
) -> None:
    """Refuse a mapping without a required column (``optional``: given another way)."""
    missing = [c for c in REQUIRED if c not in mapping and c not in optional]
    if missing:
        problem = Message(
            "csv.missing_columns",
            {
                "columns": listing(Label("field", c) for c in missing),
                "expected": listing((Label("field", c) for c in COLUMNS), limit=None),
            },
        )
        raise ValidationError("csv.row", line=line, problem=problem)


@dataclass
class Table:
    """A file of needs being read: its header, then its rows on demand.

    ``rows`` yields ``(line, cells)``, ``line`` being where the row starts in the file
    (the spreadsheet's row number in a workbook). ``progress`` says how much of the
    file is read, 0 to 1. Close it (or use ``with``) to release the file.
    """

    path: Path
    format: str
    """"csv", "xlsx", "jira" or "trello"."""
    header: list[str]
    header_line: int
    numbers: NumberConvention = EITHER
    """How the numbers written as text are written (see :mod:`po_desktop.domain.numbers`)."""
    strict_width: bool = True
    """Every row has exactly as many cells as the header (CSV); a workbook's rows end
    at their last value."""
    extras: dict[int, dict[str, object]] = field(default_factory=dict)
    """A tracker's export (Jira, Trello): by line, the record's fields beyond the table's
    columns (external reference, assignee, comments, parent, sprints)."""
    set_aside: int = 0
    """Items of the file an import leaves out on purpose (archived Trello cards)."""
    unreadable: dict[int, ValidationError] = field(default_factory=dict)
    """A workbook's columns (by index) with a cell that does not hold what it shows (a
    formula without its result, an error): the first such cell's refusal, raised when
    an import takes the column, not for a column it leaves out."""
    source_header: list[str] = field(default_factory=list)
    """A tracker's export: the file's own columns (Jira's header as written, the card
    fields of a Trello board), which it reads into :attr:`header`, the same for all."""
    sources: list[str] = field(default_factory=list)
    """A tracker's export: for each column of :attr:`header`, what the file calls what
    fills it ("Summary", "Résumé"; a Trello card's name), "" when nothing of it does."""
    _rows: Iterator[tuple[int, Sequence[Cell]]] = field(default_factory=lambda: iter(()))
    _restoring: list[bool] = field(default_factory=lambda: [False])
    """A CSV file: whether :meth:`rows` gives back what an export of ours protected."""
    _progress: Callable[[], float] = lambda: 0.0
    _close: Callable[[], None] = lambda: None

    def rows(self) -> Iterator[tuple[int, Sequence[Cell]]]:
        return self._rows

    def rows_as_read(self) -> bool:
        """From now on :meth:`rows` gives the cells as read, leaving the caller to give
        back the texts an export of ours protected from formulas (``formulas.restore``):
        a column at a time costs less than a row at a time. True when there are some to
        give back (a CSV file not written by another tool)."""
        restoring, self._restoring[0] = self._restoring[0], False
        return restoring

    def progress(self) -> float:
        return self._progress()

    def close(self) -> None:
        self._close()

    def __enter__(self) -> Table:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _text(value: Cell) -> str:
    """A workbook's typed cell as the text a CSV file would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def records(
    table: Table, mapping: Sequence[str | None] | None = None, *, by_header: bool | None = None
) -> Records:
    """The table's rows as records, by ``mapping`` (default: the header's names).

    Blank rows are skipped. A number in the points column stays a number; every other
    cell becomes its text. A row with more or fewer cells than the header (CSV) or a
    value under no header (a workbook) is refused with its line. ``by_header`` (the
    default without a mapping: a mapping read from the header, as the command line's):
    a value in a column whose header is blank is refused too, not left out unseen.
    """
    return Records(table, mapping, mapping is None if by_header is None else by_header)


class Records:
    """A table's rows as records, read once, as they come: iterate for one record at a
    time; an import takes them by :meth:`batches`."""

    def __init__(
        self, table: Table, mapping: Sequence[str | None] | None, by_header: bool = False
    ) -> None:
        self.table = table
        self.mapping = mapping
        self.by_header = by_header
        self.unnamed: list[int] = []
        """Columns with a blank header, left out, that must hold nothing (``by_header``)."""
        if mapping is not None and by_header:
            self.unnamed = _unnamed(table.header, mapping)

    def _mapping(self) -> Sequence[str | None]:
        """Checked when the rows are first asked for (a header refused names its line)."""
        if self.mapping is None:
            self.mapping = default_mapping(self.table.header, line=self.table.header_line)
            if self.by_header:
                self.unnamed = _unnamed(self.table.header, self.mapping)
        return self.mapping

    def _refuse_unnamed(self, line: int, row: Sequence[Cell]) -> None:
        """A value in a column whose header is blank: named with its line, not dropped."""
        for index in self.unnamed:
            value = _text(row[index]).strip() if index < len(row) else ""
            if value:
                problem = Message("csv.unnamed_column", {"column": index + 1, "value": value})
                raise ValidationError("csv.row", line=line, problem=problem)

    def __iter__(self) -> Iterator[NeedRecord]:
        table, mapping = self.table, self._mapping()
        for index, _name in _mapped(mapping):
            if index in table.unreadable:
                raise table.unreadable[index]
        width = len(mapping)
        texts_only = table.format == "csv"  # every cell is a str already: the quick way
        make = text_records(_mapped(mapping), table.numbers)
        unnamed = self.unnamed
        for line, row in table.rows():
            if texts_only and len(row) == width:
                if "".join(row).strip():  # type: ignore[arg-type]  # a cell not blank
                    if unnamed:
                        self._refuse_unnamed(line, row)
                    yield make(row, line)  # type: ignore[arg-type]
                continue
            record = self._record(line, row)
            if record is not None:
                yield record

    def _record(self, line: int, row: Sequence[Cell]) -> NeedRecord | None:
        """A row of a workbook or a tracker, or of the wrong width: its record (None for
        a blank row), or its refusal."""
        table, mapping = self.table, self._mapping()
        width = len(mapping)
        if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in row):
            return None
        if len(row) != width and (table.strict_width or any(_text(v).strip() for v in row[width:])):
            problem = Message("csv.bad_row_length", {"count": len(row), "expected": width})
            raise ValidationError("csv.row", line=line, problem=problem)
        self._refuse_unnamed(line, row)
        values: dict[str, str | float] = {}
        for index, name in _mapped(mapping):
            value = row[index] if index < len(row) else None
            if name == "points" and isinstance(value, int | float) and not isinstance(value, bool):
                values[name] = float(value)
            elif name == "points" and isinstance(value, bool):  # TRUE is no number of points
                values[name] = str(value).upper()
            else:
                values[name] = _text(value)
        record = NeedRecord(**values, line=line, numbers=table.numbers)  # type: ignore[arg-type]
        extra = table.extras.get(line)
        return record if extra is None else replace(record, **extra)  # type: ignore[arg-type]

    def batches(self, size: int) -> Iterator[list[NeedRecord] | RecordBatch]:
        """The records ``size`` rows at a time. A CSV file's rows come as a
        :class:`RecordBatch` of columns, which an import checks a column at a time
        without a record per row, unless a row of the batch is of the wrong width;
        every other table's, as lists of records."""
        table, mapping = self.table, self._mapping()
        if table.format != "csv":
            records = iter(self)
            while batch := list(islice(records, size)):
                yield batch
            return
        width = len(mapping)
        columns = _mapped(mapping)
        names = dict.fromkeys(name for _index, name in columns)  # a field mapped twice: once
        make = text_records(list(enumerate(names)), table.numbers)
        protected = table.rows_as_read()
        rows_read: Iterator[tuple[int, Sequence[str]]] = table.rows()  # type: ignore[assignment]
        while chunk := _not_blank(rows_read, size):
            lines, rows = (list(cells) for cells in zip(*chunk, strict=True))
            if set(map(len, rows)) != {width}:  # the row path names the row and its line
                if protected:
                    chunk = [(line, list(map(restore, row))) for line, row in chunk]
                read = (self._record(line, row) for line, row in chunk)
                yield [record for record in read if record is not None]
                continue
            cells = list(zip(*rows, strict=True))
            filled = [i for i in self.unnamed if any(map(str.strip, cells[i]))]
            if filled:  # the first row holding one, as the row path finds it
                at = min(next(r for r, v in enumerate(cells[i]) if v.strip()) for i in filled)
                self._refuse_unnamed(lines[at], rows[at])
            by_name: dict[str, Sequence[str]] = {name: cells[index] for index, name in columns}
            if protected:
                by_name = {name: _restored(texts) for name, texts in by_name.items()}
            yield RecordBatch(lines, by_name, table.numbers, make)


def _unnamed(header: Sequence[object], mapping: Sequence[str | None]) -> list[int]:
    """The columns whose header is blank and that the mapping leaves out."""
    return [
        i
        for i, name in enumerate(header)
        if not normalise_header(name) and (i >= len(mapping) or mapping[i] is None)
    ]


def _not_blank(
    rows: Iterator[tuple[int, Sequence[str]]], size: int
) -> list[tuple[int, Sequence[str]]]:
    """The next ``size`` rows of texts that are not blank (fewer at the end of the file):
    a batch is so many records, as :func:`records` gives them, wherever blank rows are."""
    kept: list[tuple[int, Sequence[str]]] = []
    while len(kept) < size and (chunk := list(islice(rows, size - len(kept)))):
        if all(map(str.strip, map("".join, (row for _line, row in chunk)))):
            kept += chunk
        else:
            kept += [(line, row) for line, row in chunk if "".join(row).strip()]
    return kept


def _restored(cells: Sequence[str]) -> Sequence[str]:
    """A column's texts with what an export of ours protected from formulas given back;
    the column itself when no text starts with an apostrophe (one join tells)."""
    if "\x00'" not in "\x00".join(("", *cells)):
        return cells
    return [restore(value) if value[:1] == "'" else value for value in cells]


def _mapped(mapping: Sequence[str | None]) -> list[tuple[int, str]]:
    """The (index, field) of each column the mapping keeps."""
    return [(index, name) for index, name in enumerate(mapping) if name is not None]


TRACKER_HEADER: tuple[str, ...] = (
    "title",
    "problem",
    "project",
    "status",
    "points",
    "sprint",
    "tags",
    "requester",
    "acceptance",
)
"""The columns of a tracker's export once read (Jira, Trello), named as ours."""


def tracker_table(
    path: Path,
    format: str,
    items: Sequence[tuple[int, dict[str, str], dict[str, object]]],
    *,
    set_aside: int = 0,
    source_header: Sequence[str] = (),
    sources: dict[str, str] | None = None,
) -> Table:
    """A tracker's export as a table of needs: for each item its line (or position),
    its cells by our column names, and its other fields (:attr:`Table.extras`);
    ``source_header``: the file's own columns (:attr:`Table.source_header`); ``sources``:
    by our column name, what the file calls what fills it (:attr:`Table.sources`).

    Only the columns the file fills are the table's: a field the tracker has no column
    for (a Trello card's points, sprint or requester) is left alone on the needs a
    re-import updates, not emptied (a sprint planned in the app was lost)."""
    named = sources or {}
    header = [name for name in TRACKER_HEADER if named.get(name)] if sources else TRACKER_HEADER
    rows = [(line, [cells.get(name, "") for name in header]) for line, cells, _ in items]
    extras = {line: extra for line, _cells, extra in items}
    state = {"read": 0}

    def read() -> Iterator[tuple[int, Sequence[Cell]]]:
        for row in rows:
            state["read"] += 1
            yield row

    return Table(
        path,
        format,
        list(header),
        0,
        strict_width=False,
        extras=extras,
        set_aside=set_aside,
        source_header=list(source_header),
        sources=[named.get(name, "") for name in header],
        _rows=read(),
        _progress=lambda: state["read"] / max(1, len(rows)),
    )


# ----- export ---------------------------------------------------------------------------

ExportValue = str | float | None
"""A cell of an export: text, or the points as a number (None: no points)."""


def yes_no(value: bool, lang: str | None = None) -> str:
    """The technical flag as an export writes it; the import reads both languages."""
    return Message("exchange.yes" if value else "exchange.no").render(lang)


def need_rows(
    session: Session, project: str | None = None, lang: str | None = None
) -> Iterator[list[ExportValue]]:
    """Every need (or one project's, by code or name) ordered by key, one value per
    column of :data:`COLUMNS`: texts as stored, choices in ``lang``, points a number."""
    columns = {i: name for i, name in session.execute(select(BoardColumn.id, BoardColumn.name))}
    sprints = {i: name for i, name in session.execute(select(Sprint.id, Sprint.name))}
    people = {i: name for i, name in session.execute(select(Person.id, Person.name))}
    query = (
        select(Need)
        .join(Need.project)
        .options(contains_eager(Need.project), selectinload(Need.tags))
        .order_by(Project.code, Need.number)
    )
    if project is not None:
        query = query.where(Project.id == find_project(session, project).id)
    for need in session.scalars(query):
        yield [
            need.key,
            need.title,
            need.problem,
            need.solution,
            need.requester,
            choice_label(need.source, lang),
            need.business_unit,
            yes_no(need.technical, lang),
            need.project.code,
            columns[need.column_id],
            need.points,
            "" if need.sprint_id is None else sprints[need.sprint_id],
            "" if need.assignee_id is None else people[need.assignee_id],
            ", ".join(sorted(need.tag_names, key=str.casefold)),
            need.acceptance,
            need.external_ref,
        ]


# ----- what a file holds, for the import assistant ---------------------------------------

DISTINCT_MAX = 200
"""Distinct values kept per column: enough to map a file's statuses, bounded however
many rows it has."""


@dataclass
class TableScan:
    """A file's columns as the import assistant shows them: an example of each, the
    distinct values of each (its statuses, when a column holds them), the rows."""

    header: list[str]
    examples: list[str]
    values: list[list[str]]
    """Each column's distinct non-blank values in the order met, at most
    :data:`DISTINCT_MAX`."""
    filled: list[int]
    """Each column's non-blank cells."""
    rows: int = 0


def scan(table: Table, progress: Callable[[int], None] | None = None) -> TableScan:
    """Read the whole table once; ``progress`` is called every thousand rows (raising
    from it stops the scan)."""
    width = len(table.header)
    examples = [""] * width
    values: list[dict[str, None]] = [{} for _ in range(width)]
    filled = [0] * width
    rows = 0
    for _line, row in table.rows():
        texts = [_text(value).strip() for value in row[:width]]
        if not any(texts):
            continue
        rows += 1
        for index, text in enumerate(texts):
            if text:
                filled[index] += 1
                if not examples[index]:
                    examples[index] = text
                seen = values[index]
                if len(seen) < DISTINCT_MAX:
                    seen.setdefault(text)
        if progress is not None and rows % 1000 == 0:
            progress(rows)
    return TableScan(list(table.header), examples, [list(v) for v in values], filled, rows)


def signature(header: Sequence[object]) -> str:
    """The same for every file with these column names (case and accents aside): the
    key under which the assistant remembers how such a file is mapped."""
    import hashlib

    names = "\x1f".join(normalise_header(name) for name in header)
    return hashlib.sha1(names.encode(), usedforsecurity=False).hexdigest()[:16]


def file_layout(table: Table) -> str:
    """The key under which the assistant remembers how a file of this layout is mapped:
    a spreadsheet's column names (:func:`signature`); a tracker's export, whose columns
    once read are the same whatever it holds, by its kind and the file's own columns, so
    that a Jira export's mapping is not offered for a Trello board, nor for a Jira
    export of other columns."""
    if table.source_header:
        return f"{table.format}-{signature(table.source_header)}"
    return signature(table.header)


def guess_mapping(header: Sequence[object]) -> Mapping:
    """Each column's field by its name, None for a name we do not know or a field
    already taken by an earlier column: the assistant's starting point."""
    mapping: Mapping = []
    for name in header:
        column = column_for(name)
        mapping.append(column if column is not None and column not in mapping else None)
    return mapping
