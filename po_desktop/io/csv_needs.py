"""Needs as CSV files that Excel and LibreOffice (French or English) open and write back.

Export is UTF-8 with a BOM, headers in the user's language, and ``;`` with decimal
commas by default, so a French spreadsheet shows accents and columns right and stores
the points as numbers; ``,`` comes with decimal points, as an English one reads them.
Import also takes Windows-1252, UTF-16 (Excel's "Unicode text"), Excel's ``sep=;``
first line, headers in either language, and reads the numbers by the file's own
convention (its separator), never by the interface language. Text that a spreadsheet
would run as a formula is prefixed with an apostrophe on export and unprefixed on
import, so every value survives a round trip unchanged.

The file is read as it is imported, never whole: a million rows take the memory of a
few.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from po_desktop.domain.formulas import neutralise, restore
from po_desktop.domain.messages import Message, os_reason, thousands
from po_desktop.domain.numbers import DECIMAL_POINT, NumberConvention, for_delimiter
from po_desktop.io.needs_table import (
    COLUMNS,
    Cell,
    Table,
    header_aliases,
    header_label,
    need_rows,
    normalise_header,
    records,
)
from po_desktop.store.errors import StorageError, ValidationError
from po_desktop.store.files import atomic_text
from po_desktop.store.services.import_types import NeedRecord

__all__ = ["COLUMNS", "DELIMITERS", "open_csv", "read_needs_csv", "write_needs_csv"]

DELIMITERS: tuple[str, ...] = (";", ",", "\t")
"""What French and English spreadsheets write; tabs in Excel's "Unicode text"."""

# A long text may be 200,000 characters; the csv module refuses fields above 131,072 by
# default. Far above that, the field's own check names the field that is too long.
_FIELD_LIMIT = 10_000_000

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other Office files
_PROBE = 4096
"""Bytes looked at to recognise an encoding or a file that is not text."""
_CHUNK = 1 << 20
_SEP_LINE = re.compile(r'^"?sep=(.)"?\s*$', re.IGNORECASE)
"""Excel's first line naming the separator ("sep=;"), which it writes and reads."""


def zip_kind(path: Path) -> str | None:
    """ "xlsx", "ods" or "zip" for a ZIP archive (a workbook saved as is), else None."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            kind = b""
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    kind = entry.read(100)  # never more: an archive can lie about sizes
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):  # OSError: a corrupt entry
        return "zip"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    if kind.startswith(b"application/vnd.oasis.opendocument"):
        return "ods"
    return "zip"


def _not_text(head: bytes, path: Path) -> None:
    """Refuse, with what it is and what to do, a file that is not a CSV at all: a
    workbook of another format, a PDF, an image."""
    if head.startswith(_ZIP):
        kind = zip_kind(path)
        if kind == "xlsx":
            raise ValidationError("csv.workbook", file=str(path))
        if kind == "ods":
            raise ValidationError("csv.opendocument", file=str(path))
        raise ValidationError("csv.binary", file=str(path), kind=Message("csv.kind.zip"))
    if head.startswith(_OLE2):
        raise ValidationError("csv.workbook", file=str(path))
    if head.startswith(b"%PDF-"):
        raise ValidationError("csv.binary", file=str(path), kind=Message("csv.kind.pdf"))
    if head.count(0) > len(head) // 10:
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


def _decodes(fh: BinaryIO, encoding: str) -> bool:
    """Whether the rest of the file decodes, read a chunk at a time."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := fh.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _encoding(fh: BinaryIO, path: Path) -> tuple[str, int]:
    """The file's encoding and the bytes of its byte-order mark: UTF-8, UTF-16 or
    UTF-32 (by their mark, or UTF-16 by its NUL bytes), else Windows-1252 when it is
    not UTF-8. A file that is not text says what it is."""
    head = fh.read(_PROBE)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    encoding = _utf16_without_bom(head)
    if encoding is not None:
        return encoding, 0
    _not_text(head, path)
    for encoding in ("utf-8", "cp1252"):
        fh.seek(0)
        if _decodes(fh, encoding):
            return encoding, 0
    raise ValidationError("csv.encoding", file=str(path))


def _split_header(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _sniff(first: str) -> str:
    """The separator that turns the header line into the most known column names."""
    first = first.rstrip("\r\n")

    def score(delimiter: str) -> tuple[int, int]:
        known = sum(
            normalise_header(n) in header_aliases() for n in _split_header(first, delimiter)
        )
        return known, first.count(delimiter)

    return max(DELIMITERS, key=score)


def open_csv(path: Path | str, *, delimiter: str | None = None, as_written: bool = False) -> Table:
    """Open a CSV file of needs: its encoding, separator, header and convention for
    numbers found; rows read on demand. Close the table when done.

    ``as_written``: another tool's export (Jira), whose apostrophes are text, never the
    protection from formulas an export of ours adds. Every problem, an unreadable file
    included, raises a PoDesktopError that says it in the user's language and names the
    line.
    """
    path = Path(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise StorageError("file.read_failed", path=str(path), reason=os_reason(exc)) from exc
    try:
        return _open(raw, path, delimiter, as_written)
    except BaseException:
        raw.close()
        raise


def _open(raw: BinaryIO, path: Path, delimiter: str | None, as_written: bool) -> Table:
    try:
        total = max(1, path.stat().st_size)
        encoding, skip = _encoding(raw, path)
        raw.seek(skip)
    except OSError as exc:
        raise StorageError("file.read_failed", path=str(path), reason=os_reason(exc)) from exc
    text = io.TextIOWrapper(raw, encoding=encoding, newline="")
    # Blank lines before the header stay in what the csv module reads, so its line
    # numbers are the file's; Excel's "sep=;" line does not, and is counted apart.
    before: list[str] = []
    offset = 0
    try:
        for line in text:
            if not line.strip():
                before.append(line)
                continue
            named = _SEP_LINE.match(line)
            if named is not None and not offset and not before:
                delimiter = delimiter or named[1]
                offset = 1
                continue
            before.append(line)
            break
    except UnicodeDecodeError:
        raise ValidationError("csv.encoding", file=str(path)) from None
    if not before or not before[-1].strip():
        raise ValidationError("csv.empty", file=str(path))
    delimiter = delimiter or _sniff(before[-1])
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    # The file object itself, not a generator over its lines: the csv module pulls each
    # line in C, and a decoding error surfaces where the rows are read.
    reader = csv.reader(chain(before, text), delimiter=delimiter, strict=True)
    restoring = [not as_written]
    rows = _rows(reader, offset, path, restoring=restoring)
    header: list[str] | None = None
    header_line = 0
    for number, row in rows:
        if any(value.strip() for value in row):
            header = [value.replace("\ufeff", "") for value in row]
            header_line = number
            break
    if header is None:
        raise ValidationError("csv.empty", file=str(path))
    return Table(
        path=path,
        format="csv",
        header=header,
        header_line=header_line,
        numbers=for_delimiter(delimiter),
        strict_width=True,
        _rows=rows,
        _restoring=restoring,
        _progress=lambda: min(1.0, raw.tell() / total) if not raw.closed else 1.0,
        _close=text.close,
    )


def _rows(
    reader: Iterator[list[str]], offset: int, path: Path, *, restoring: list[bool]
) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line where it starts in the file. While ``restoring[0]``, the
    rows after the header (the first row not blank) have the texts an export of ours
    protected from formulas given back (see ``Table.rows_as_read``); a row none of whose
    cells starts with an apostrophe (one join tells) is left as read. One generator, not
    one per step: its frames cost more than the csv module's reading."""
    end = 0
    header_read = False
    join = "\x00".join
    try:
        for row in reader:
            start, end = end + 1, reader.line_num  # type: ignore[attr-defined]
            if header_read:
                if restoring[0] and "\x00'" in join(("", *row)):
                    row = [restore(value) if value[:1] == "'" else value for value in row]
            elif "".join(row).strip():
                header_read = True
            yield start + offset, row
    except csv.Error as exc:
        problem = _csv_problem(exc)
        raise ValidationError("csv.malformed", detail=problem, line=end + 1 + offset) from None
    except UnicodeDecodeError:
        raise ValidationError("csv.encoding", file=str(path)) from None


def read_needs_csv(path: Path | str) -> list[NeedRecord]:
    """Read a needs file into records, each with the line where it starts.

    Columns absent from the header are ``None`` in the records, so an import
    leaves those fields of existing needs alone.
    """
    with open_csv(path) as table:
        return list(records(table))


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


def _cell(value: Cell, numbers: NumberConvention) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return numbers.format(value)
    return neutralise(str(value))


def write_needs_csv(
    session: Session,
    path: Path | str,
    *,
    delimiter: str = ";",
    project: str | None = None,
    lang: str | None = None,
) -> int:
    """Export needs (all, or those of one project, by code or name) ordered by key;
    returns the number of rows. Headers are in ``lang`` (default: the interface's);
    points are written as the spreadsheet that reads this separator writes numbers.

    Written atomically (see :mod:`po_desktop.store.files`): a crash or a full disk
    leaves either the old file or the new one, never half of one. A write failure
    raises a StorageError that says why in the user's language.
    """
    numbers = for_delimiter(delimiter)
    if numbers.decimal is None:
        numbers = DECIMAL_POINT
    count = 0
    with atomic_text(path, encoding="utf-8-sig") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([header_label(c, lang) for c in COLUMNS])
        for row in need_rows(session, project, lang):
            writer.writerow([_cell(value, numbers) for value in row])
            count += 1
    return count
