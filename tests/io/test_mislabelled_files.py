"""Files that are not what their name says: each refused with what it is and what to do."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from po_desktop.io.needs_files import open_needs
from po_desktop.store.errors import ValidationError

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def _refusal(path: Path) -> ValidationError:
    with pytest.raises(ValidationError) as refused, open_needs(path) as table:
        list(table.rows())
    return refused.value


def test_an_image_renamed_xlsx_is_called_a_damaged_workbook(tmp_path: Path) -> None:
    path = tmp_path / "besoins.xlsx"
    path.write_bytes(PNG + bytes(range(256)) * 4)
    refusal = _refusal(path)
    assert refusal.message.msg_id == "exchange.bad_workbook"
    assert "save it again as .xlsx" in refusal.render("en")
    assert "enregistrez-le de nouveau en .xlsx" in refusal.render("fr")


def test_a_truncated_workbook_is_called_damaged_not_a_zip_archive(tmp_path: Path) -> None:
    whole = tmp_path / "entier.xlsx"
    book = Workbook()
    book.active.append(["title", "problem"])  # type: ignore[union-attr]
    book.save(whole)
    assert zipfile.is_zipfile(whole)
    cut = tmp_path / "coupé.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    refusal = _refusal(cut)
    assert refusal.message.msg_id == "exchange.bad_workbook"
    assert "ZIP" not in refusal.render("en")


def test_a_csv_export_misnamed_xlsx_is_still_read_as_the_csv_it_is(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_text("title;problem\nRelances;Les relances partent en retard\n", encoding="utf-8")
    with open_needs(path) as table:
        assert table.format == "csv" and table.header == ["title", "problem"]


@pytest.mark.parametrize("content", ["[1,2", '{"name": "Tableau"', "", "title;problem\n"])
def test_a_json_file_that_is_no_board_is_refused_as_not_a_trello_board(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "tableau.json"
    path.write_text(content, encoding="utf-8")
    refusal = _refusal(path)
    assert refusal.message.msg_id == "exchange.not_trello"
    assert "Unknown header columns" not in refusal.render("en")
