"""Files of needs, whichever format: told apart by their content on import and by
their name's extension on export.

Import: a workbook (.xlsx) is recognised by what it holds, whatever its name, so an
``.xlsx`` given to the CSV import is read as the workbook it is; anything else is read
as CSV text, and a CSV file whose header is Jira's as a Jira export; a JSON file shaped
like a Trello board as one (:mod:`po_desktop.io.jira_needs`,
:mod:`po_desktop.io.trello_needs`). Export: ``.xlsx`` writes a workbook, ``.csv`` a CSV
file; any other extension is refused rather than guessed, so a file named ``.xlsx`` never holds CSV.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from po_desktop.domain.messages import os_reason
from po_desktop.io.csv_needs import open_csv, write_needs_csv, zip_kind
from po_desktop.io.jira_needs import jira_table, looks_like_jira
from po_desktop.io.needs_table import Table
from po_desktop.io.trello_needs import open_trello
from po_desktop.io.xlsx_needs import open_xlsx, write_needs_xlsx
from po_desktop.store.errors import StorageError, ValidationError

IMPORT_FORMATS = ("auto", "csv", "xlsx", "jira", "trello")
EXPORT_FORMATS = {".xlsx": "xlsx", ".csv": "csv"}
"""Extensions an export understands, and the format each writes."""
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})

_ZIP = b"PK\x03\x04"
_EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(path: Path) -> str:
    """ "xlsx" for a workbook, "trello" for a JSON object or a .json file (a board export,
    or refused as not one), "csv" for anything else (the CSV reader says what is not
    text; a Jira export is told by its header once read). An OpenDocument spreadsheet or
    an old .xls is refused with what to do, and a file named .xlsx that is no workbook nor
    text (a damaged one, an image renamed) as one to save again; text named .xlsx (a CSV
    export misnamed) is read as the CSV it is."""
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise StorageError("file.read_failed", path=str(path), reason=os_reason(exc)) from exc
    kind = zip_kind(path) if head.startswith(_ZIP) else None
    if kind == "xlsx":
        return "xlsx"
    if kind == "ods":
        raise ValidationError("exchange.opendocument", file=str(path))
    if head.startswith(_OLE2):
        raise ValidationError("exchange.old_workbook", file=str(path))
    suffix = path.suffix.lower()
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))  # Excel's "Unicode text"
    binary = kind is not None or (b"\x00" in head and not utf16) or head.startswith(b"%PDF-")
    if suffix in _EXCEL_SUFFIXES and binary:  # a damaged workbook, an image renamed
        raise ValidationError("exchange.bad_workbook", file=str(path))
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"{") or suffix == ".json":
        return "trello"  # a JSON file: a board export, or refused as not one
    return "csv"


def open_needs(path: Path | str, format: str = "auto") -> Table:
    """The file's table of needs, by ``format`` ("auto": by its content)."""
    path = Path(path)
    if format not in IMPORT_FORMATS:
        raise ValidationError(
            "field.bad_choice", field="--format", value=format, choices=", ".join(IMPORT_FORMATS)
        )
    if format == "auto":
        format = detect_format(path)
    if format == "xlsx":
        return open_xlsx(path)
    if format == "trello":
        return open_trello(path)
    table = open_csv(path)
    if format == "csv" and not looks_like_jira(table.header):
        return table
    with table:
        if format == "jira" and not looks_like_jira(table.header):
            raise ValidationError("exchange.not_jira", file=str(path))
    with open_csv(path, as_written=True) as table:
        rows = list(table.rows())
    return jira_table(path, table.header, rows)


def export_format(path: Path | str) -> str:
    """The format an export to ``path`` writes, by its extension; refused when unknown."""
    if Path(path).is_dir():
        raise ValidationError("exchange.output_is_folder", file=str(path))
    suffix = Path(path).suffix.lower()
    found = EXPORT_FORMATS.get(suffix)
    if found is None:
        raise ValidationError("exchange.unknown_extension", file=str(path), suffix=suffix or "—")
    return found


def export_needs(
    session: Session,
    path: Path | str,
    *,
    project: str | None = None,
    lang: str | None = None,
    delimiter: str = ";",
) -> int:
    """Export needs to ``path`` as its extension says (.xlsx or .csv); the row count."""
    if export_format(path) == "xlsx":
        return write_needs_xlsx(session, path, project=project, lang=lang)
    return write_needs_csv(session, path, delimiter=delimiter, project=project, lang=lang)
