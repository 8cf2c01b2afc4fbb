"""Needs as Excel workbooks (.xlsx), written and read with openpyxl.

A workbook keeps what CSV cannot: each cell's type. Texts are written as text cells in
the text format ("@"), so a key "007", a title "03/04", "1e3" or "25%" stays what it is
in Excel and LibreOffice, and a text starting with "=" is text, never a formula; the
points are numbers. The header is in the user's language, frozen, with filters, and
the columns are as wide as their content needs (within bounds).

Reading takes the first sheet's header in either language (or our column ids), the
texts as they are and the numbers as numbers; rows are streamed, never held whole.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Callable, Generator, Iterator, Sequence
from datetime import date, time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.formulas import ESCAPED_STARTS, keep_apostrophe, restore
from po_desktop.domain.keys import format_key
from po_desktop.domain.messages import Message, os_reason, thousands
from po_desktop.io.needs_table import COLUMNS, Cell, ExportValue, Table, header_label, need_rows
from po_desktop.store.errors import StorageError, ValidationError
from po_desktop.store.files import atomic_binary
from po_desktop.store.models import Need, Project
from po_desktop.store.services.projects import find_project

CELL_MAX = 32_767
"""Characters a spreadsheet cell holds (Excel's limit; LibreOffice truncates too)."""

_WIDTHS = {
    "key": (9, 12),
    "title": (24, 50),
    "problem": (30, 60),
    "solution": (20, 50),
    "requester": (12, 24),
    "source": (10, 16),
    "business_unit": (10, 20),
    "technical": (9, 11),
    "project": (8, 12),
    "status": (10, 18),
    "points": (7, 10),
    "sprint": (10, 22),
    "assignee": (12, 24),
    "tags": (10, 30),
    "acceptance": (20, 50),
    "external_ref": (12, 40),
}
"""Each column's narrowest and widest width, in characters."""
_SAMPLE = 200
"""Rows measured for the widths: the rest follow the same columns."""
_FILTER_ROOM = 3
"""Characters the filter button takes beside a header."""


def _longest_line(value: ExportValue) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return len(repr(value))
    return max((len(line) for line in value.splitlines()), default=0)


def _widths(header: Sequence[str], sample: Sequence[Sequence[ExportValue]]) -> list[int]:
    widths = []
    for index, column in enumerate(COLUMNS):
        low, high = _WIDTHS[column]
        longest = max([_longest_line(row[index]) for row in sample], default=0)
        widths.append(max(low, min(high, longest + 2), len(header[index]) + _FILTER_ROOM))
    return widths


def write_needs_xlsx(
    session: Session,
    path: Path | str,
    *,
    project: str | None = None,
    lang: str | None = None,
) -> int:
    """Export needs (all, or one project's) ordered by key as a workbook; returns the
    number of rows. Written atomically, as every output (:mod:`po_desktop.store.files`).

    A text longer than a cell can hold is refused, with its need and field, rather than
    cut: the CSV export carries it whole.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    _refuse_long_texts(session, project)
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "PO Desktop"
    workbook.properties.title = Message("exchange.sheet_title").render(lang)
    sheet = workbook.create_sheet(Message("exchange.sheet_title").render(lang))
    header = [header_label(c, lang) for c in COLUMNS]
    rows = need_rows(session, project, lang)
    sample = [row for _, row in zip(range(_SAMPLE), rows, strict=False)]
    for index, width in enumerate(_widths(header, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    top = Alignment(vertical="top")

    def text_cell(value: str, font: Font | None = None) -> Any:
        cell = WriteOnlyCell(sheet, value=None)
        cell.value = keep_apostrophe(value)
        cell.data_type = "s"  # never a formula, whatever it starts with
        cell.number_format = "@"
        cell.alignment = top
        if font is not None:
            cell.font = font
        return cell

    count = 0
    try:
        sheet.append([text_cell(name, bold) for name in header])
        for row in _chain(sample, rows):
            sheet.append(
                [
                    value if value is None or isinstance(value, float) else text_cell(value)
                    for value in row
                ]
            )
            count += 1
        last = get_column_letter(len(COLUMNS))
        sheet.auto_filter.ref = f"A1:{last}{count + 1}"
        with atomic_binary(path) as fh:
            workbook.save(fh)
    except BaseException:
        # The sheet streams into a scratch file: end it, or its writer complains when
        # collected. The target is left as it was (atomic_binary).
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        raise
    return count


def _refuse_long_texts(session: Session, project: str | None) -> None:
    """A text no spreadsheet cell holds is refused before anything is written, with the
    need and the field, rather than cut."""
    for name in ("title", "problem", "solution", "requester", "acceptance"):
        column = getattr(Need, name)
        query = (
            select(Project.code, Need.number)
            .join(Need.project)
            .where(
                (func.length(column) > CELL_MAX)
                | (  # one more character: an apostrophe that keeps it whole (keep_apostrophe)
                    (func.length(column) == CELL_MAX)
                    & (func.substr(column, 1, 1) == "'")
                    & func.substr(column, 2, 1).in_(sorted(ESCAPED_STARTS))
                )
            )
            .order_by(Project.code, Need.number)
            .limit(1)
        )
        if project is not None:
            query = query.where(Project.id == find_project(session, project).id)
        found = session.execute(query).first()
        if found is not None:
            raise ValidationError(
                "exchange.cell_too_long",
                key=format_key(found.code, found.number),
                field=name,
                max=thousands(CELL_MAX),
            )


def _chain(
    first: Sequence[list[ExportValue]], rest: Iterator[list[ExportValue]]
) -> Iterator[list[ExportValue]]:
    yield from first
    yield from rest


def open_xlsx(path: Path | str) -> Table:
    """Open a workbook of needs: its first sheet's header, then its rows on demand
    (line = the spreadsheet's row number). Close the table when done."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    try:
        # Opened here, not by name: openpyxl refuses a workbook whose name does not end
        # in .xlsx, and the file is what it holds, whatever its name.
        fh = path.open("rb")
    except OSError as exc:
        raise StorageError("file.read_failed", path=str(path), reason=os_reason(exc)) from exc
    try:
        workbook = load_workbook(fh, read_only=True, data_only=True, keep_links=False)
    except OSError as exc:
        fh.close()
        raise StorageError("file.read_failed", path=str(path), reason=os_reason(exc)) from exc
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError) as exc:
        fh.close()
        raise ValidationError("exchange.bad_workbook", file=str(path)) from exc
    try:
        return _open(workbook, path, fh.close)
    except BaseException:
        workbook.close()
        fh.close()
        raise


def _open(workbook: Any, path: Path, release: Callable[[], None]) -> Table:
    sheet = workbook.worksheets[0]
    declared = sheet.max_row if isinstance(sheet.max_row, int) else 0
    # Some tools write a wrong size: read what is there.
    sheet.reset_dimensions()
    rows = _rows(sheet, path)
    position = {"row": 0}
    header: list[str] | None = None
    header_line = 0
    for line, row in rows:
        position["row"] = line
        if any(_filled(value) for value in row):
            header = ["" if value is None else str(value) for value in row]
            header_line = line
            break
    if header is None:
        raise ValidationError("csv.empty", file=str(path))
    try:
        unreadable = _unreadable(workbook, sheet, path, header_line)
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, SyntaxError) as exc:
        # (a sheet's XML that does not parse: ElementTree's ParseError is a SyntaxError)
        raise ValidationError("exchange.bad_workbook", file=str(path)) from exc

    def tracked() -> Generator[tuple[int, Sequence[Cell]]]:
        for line, row in rows:
            position["row"] = line
            yield line, row

    reading = tracked()

    def close() -> None:
        # A sheet's rows hold the archive open until their generators end.
        reading.close()
        rows.close()
        workbook.close()
        release()

    def progress() -> float:
        return min(1.0, position["row"] / declared) if declared > 1 else 0.0

    return Table(
        path=path,
        format="xlsx",
        header=header,
        header_line=header_line,
        strict_width=False,
        unreadable=unreadable,
        _rows=reading,
        _progress=progress,
        _close=close,
    )


_SUSPECT = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?f[\s/>]|\st="e"')
"""A formula's element in a sheet's XML (``<f>``, ``<f t="shared" …/>``, ``<x:f>``), or
a cell holding an error value (``t="e"``)."""
_CHUNK = 1 << 20


def _unreadable(workbook: Any, sheet: Any, path: Path, after: int) -> dict[int, ValidationError]:
    """Columns (by index) of the rows below ``after`` with a cell whose value is not what
    the spreadsheet shows: a formula without its result, or an error ("#NAME?"), each
    with the refusal of its first such cell, raised if the import takes the column.

    Excel and LibreOffice save each formula's last result, which is what the import
    reads; a workbook written by a program (openpyxl, a script's export) may hold
    formulas alone, read as empty cells, and an error read as text: a need's solution
    would be wiped, or become "#REF!", without a word. Most sheets have neither, which
    one scan of their XML tells; only a sheet with formulas or errors is parsed again."""
    archive = getattr(workbook, "_archive", None)
    member = getattr(sheet, "_worksheet_path", None)
    if archive is None or member is None:  # another openpyxl: its reading as it is
        return {}
    with archive.open(member) as source:
        tail = b""
        while chunk := source.read(_CHUNK):
            if _SUSPECT.search(tail + chunk):
                break
            tail = chunk[-32:]
        else:
            return {}
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import (
        column_index_from_string,
        coordinate_from_string,
        get_column_letter,
    )

    found: dict[int, ValidationError] = {}
    line = column = 0
    with archive.open(member) as source:
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag.rpartition("}")[2]
            if event == "start":
                if tag == "row":
                    line, column = int(element.get("r") or line + 1), 0
                continue
            if tag == "row":
                element.clear()  # its cells read: a large sheet is not held whole
            if tag != "c":
                continue
            ref = element.get("r")
            column = column_index_from_string(coordinate_from_string(ref)[0]) if ref else column + 1
            index = column - 1
            if line <= after or index in found:
                continue
            cell = ref or f"{get_column_letter(column)}{line}"
            parts = {child.tag.rpartition("}")[2]: child.text for child in element}
            kind = element.get("t")
            # A text result may be empty (t="str", <v></v>); any other result is not.
            kept = parts.get("v") or (kind == "str" and "v" in parts)
            if "f" in parts and not kept and kind != "inlineStr":
                found[index] = ValidationError(
                    "exchange.formula_without_result", file=str(path), cell=cell
                )
            elif kind == "e":
                found[index] = ValidationError(
                    "exchange.cell_error", file=str(path), cell=cell, value=parts.get("v") or "#"
                )
    return found


def _filled(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _rows(sheet: Any, path: Path) -> Generator[tuple[int, Sequence[Cell]]]:
    try:
        for line, row in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            yield line, [_value(value) for value in row]
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, EOFError) as exc:
        raise ValidationError("exchange.bad_workbook", file=str(path)) from exc


def _value(value: object) -> Cell:
    if isinstance(value, str):
        # A CSV file of ours saved as a workbook keeps as text the apostrophe that
        # protected a cell from formulas ("'- critère"): given back, as the CSV
        # reader does (the workbook writer protects texts this would shorten).
        return restore(value) if value[:1] == "'" else value
    if value is None or isinstance(value, int | float | bool | date | time):
        return value
    return str(value)  # a duration, an error value
