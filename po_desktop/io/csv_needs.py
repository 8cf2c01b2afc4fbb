"""Needs as CSV files that Excel (French or English) opens and writes back.

Export is UTF-8 with a BOM and ``;`` so a French Excel shows accents and
columns right; import also takes Windows-1252 and ``,`` because that is what a
file saved by hand from Excel often is. Text that a spreadsheet would run as a
formula is prefixed with an apostrophe on export and unprefixed on import, so
every value survives a round trip unchanged.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload

from po_desktop.domain.formulas import neutralise, restore
from po_desktop.domain.messages import (
    FIELD_LABELS,
    Message,
    labels_in_every_language,
    listing,
    os_reason,
    thousands,
)
from po_desktop.domain.text import fold
from po_desktop.store.errors import StorageError, ValidationError
from po_desktop.store.files import atomic_text
from po_desktop.store.models import BoardColumn, Need, Project, Sprint
from po_desktop.store.services.importing import NeedRecord
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
    "tags",
    "acceptance",
)
REQUIRED: tuple[str, ...] = ("key", "title", "problem", "project")
DELIMITERS: tuple[str, ...] = (";", ",", "\t")
"""What French and English spreadsheets write; tabs in Excel's "Unicode text"."""

# A long text may be 200,000 characters; the csv module refuses fields above 131,072 by
# default. Far above that, the field's own check names the field that is too long.
_FIELD_LIMIT = 10_000_000


@cache
def header_aliases() -> dict[str, str]:
    """Column ids plus their French and English labels, so a translated header still reads
    (folded: "CLE", "Metier" and "Critères d’acceptation" are read too). Built on first
    use: the catalogue is read then, not when the module is imported."""
    aliases: dict[str, str] = {}
    for column in COLUMNS:
        aliases[column] = column
        for label in labels_in_every_language(FIELD_LABELS.get(column, column)):
            aliases[fold(label)] = column
    aliases["libelle"] = "title"
    aliases["business unit"] = "business_unit"
    return aliases


_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other Office files
_PROBE = 4096
"""Bytes looked at to recognise an encoding or a file that is not text."""


def _not_text(data: bytes, path: Path) -> None:
    """Refuse, with what it is and what to do, a file that is not a CSV at all: a
    workbook saved as is, a PDF, an image."""
    if data.startswith(_ZIP):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                kind = b""
                if "mimetype" in names:
                    with archive.open("mimetype") as entry:
                        kind = entry.read(100)  # never more: an archive can lie about sizes
        except (zipfile.BadZipFile, KeyError, ValueError, OSError):  # OSError: a corrupt entry
            names, kind = set(), b""
        if any(name.startswith("xl/") for name in names):
            raise ValidationError("csv.workbook", file=str(path))
        if kind.startswith(b"application/vnd.oasis.opendocument"):
            raise ValidationError("csv.opendocument", file=str(path))
        raise ValidationError("csv.binary", file=str(path), kind=Message("csv.kind.zip"))
    if data.startswith(_OLE2):
        raise ValidationError("csv.workbook", file=str(path))
    if data.startswith(b"%PDF-"):
        raise ValidationError("csv.binary", file=str(path), kind=Message("csv.kind.pdf"))
    if data[:_PROBE].count(0) > len(data[:_PROBE]) // 10:
        raise ValidationError("csv.binary", file=str(path), kind=Message("csv.kind.binary"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 by the place of its NUL bytes: text in Latin letters has one NUL in each pair
    of bytes, after the letter (little-endian) or before it (big-endian)."""
    probe = data[: _PROBE - _PROBE % 2]
    if len(probe) < 4:
        return None
    even, odd = probe[0::2].count(0), probe[1::2].count(0)
    pairs = len(probe) // 2
    if odd > pairs * 0.4 and even < pairs * 0.05:
        return "utf-16-le"
    if even > pairs * 0.4 and odd < pairs * 0.05:
        return "utf-16-be"
    return None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),  # Excel's "Unicode text" (tab-separated)
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode(data: bytes, path: Path) -> str:
    """The file's text: UTF-8, UTF-16 or UTF-32 (by their byte-order mark, or UTF-16 by
    its NUL bytes), else Windows-1252. A file that is not text says what it is."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom) :], encoding, path)
    encoding = _utf16_without_bom(data)
    if encoding is not None:
        return _decoded(data, encoding, path)
    _not_text(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _decoded(data, "cp1252", path)


def _decoded(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ValidationError("csv.encoding", file=str(path)) from None


def _normalise_header(name: str) -> str:
    return fold(name.replace("\ufeff", "").strip())


def _split_header(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _sniff(text: str) -> str:
    """The separator that turns the header line into the most known column names."""
    first = next(line for line in io.StringIO(text, newline="") if line.strip())
    first = first.rstrip("\r\n")

    def score(delimiter: str) -> tuple[int, int]:
        known = sum(
            _normalise_header(n) in header_aliases() for n in _split_header(first, delimiter)
        )
        return known, first.count(delimiter)

    return max(DELIMITERS, key=score)


def _header(row: list[str]) -> list[str | None]:
    """Each position's column id; None for an unnamed column (a trailing separator)."""
    columns: list[str | None] = []
    unknown: list[str] = []
    duplicates: list[str] = []
    for raw in row:
        name = _normalise_header(raw)
        if not name:
            columns.append(None)
            continue
        column = header_aliases().get(name)
        if column is None:
            unknown.append(raw.strip())
        elif column in columns:
            duplicates.append(raw.strip())
        columns.append(column)
    if unknown:
        raise ValidationError("csv.unknown_columns", columns=listing(unknown, quoted=True))
    if duplicates:
        raise ValidationError("csv.duplicate_columns", columns=listing(duplicates, quoted=True))
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ValidationError(
            "csv.missing_columns",
            columns=listing(missing),
            expected=listing(COLUMNS, limit=None),
        )
    return columns


def read_needs_csv(path: Path | str) -> list[NeedRecord]:
    """Read a needs file into records, each with the line where it starts.

    Columns absent from the header are ``None`` in the records, so an import
    leaves those fields of existing needs alone. Every problem, an unreadable file
    included, raises a PoDesktopError that says it in the user's language.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StorageError("file.read_failed", path=str(path), reason=os_reason(exc)) from exc
    text = _decode(data, path)
    if not text.strip():
        raise ValidationError("csv.empty", file=str(path))
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff(text), strict=True)
    header: list[str | None] | None = None
    records: list[NeedRecord] = []
    end = 0
    while True:
        start = end + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise ValidationError("csv.malformed", detail=_csv_problem(exc), line=start) from None
        if row is None:
            break
        end = reader.line_num
        if not any(value.strip() for value in row):
            continue  # blank line, or a row of bare separators as Excel leaves them
        if header is None:
            header = _header(row)
            continue
        if len(row) != len(header):
            problem = Message("csv.bad_row_length", {"count": len(row), "expected": len(header)})
            raise ValidationError("csv.row", line=start, problem=problem)
        values = {
            column: restore(value)
            for column, value in zip(header, row, strict=True)
            if column is not None
        }
        records.append(NeedRecord(**values, line=start))
    if header is None:
        raise ValidationError("csv.empty", file=str(path))
    return records


def _csv_problem(exc: csv.Error) -> Message:
    """What the csv module found, in the user's words (its own texts are English)."""
    text = str(exc)
    if text.startswith("field larger than field limit"):
        return Message("csv.field_too_big", {"limit": thousands(csv.field_size_limit())})
    if text == "unexpected end of data":  # strict mode: the file ends inside quotes
        return Message("csv.unclosed_quote")
    if text.endswith("expected after '\"'"):
        return Message("csv.quote_in_field")
    return Message("csv.bad_syntax")


def _points(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _rows(session: Session, project: str | None) -> list[list[str]]:
    columns = {i: name for i, name in session.execute(select(BoardColumn.id, BoardColumn.name))}
    sprints = {i: name for i, name in session.execute(select(Sprint.id, Sprint.name))}
    query = (
        select(Need)
        .join(Need.project)
        .options(contains_eager(Need.project), selectinload(Need.tags))
        .order_by(Project.code, Need.number)
    )
    if project is not None:
        query = query.where(Project.id == find_project(session, project).id)
    rows = []
    for need in session.scalars(query):
        values = {
            "key": need.key,
            "title": need.title,
            "problem": need.problem,
            "solution": need.solution,
            "requester": need.requester,
            "source": need.source,
            "business_unit": need.business_unit,
            "technical": "oui" if need.technical else "non",
            "project": need.project.code,
            "status": columns[need.column_id],
            "points": _points(need.points),
            "sprint": "" if need.sprint_id is None else sprints[need.sprint_id],
            "tags": ", ".join(sorted(need.tag_names, key=str.casefold)),
            "acceptance": need.acceptance,
        }
        rows.append([neutralise(values[c]) for c in COLUMNS])
    return rows


def write_needs_csv(
    session: Session,
    path: Path | str,
    *,
    delimiter: str = ";",
    project: str | None = None,
) -> int:
    """Export needs (all, or those of one project, by code or name) ordered by key;
    returns the number of rows.

    Written atomically (see :mod:`po_desktop.store.files`): a crash or a full disk
    leaves either the old file or the new one, never half of one. A write failure
    raises a StorageError that says why in the user's language.
    """
    rows = _rows(session, project)
    with atomic_text(path, encoding="utf-8-sig") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return len(rows)
