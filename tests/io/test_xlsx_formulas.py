"""Formulas and errors in a workbook given to the import.

Excel and LibreOffice save each formula with its last result, which the import reads.
A workbook written by a program (openpyxl, a script's export) may hold a formula alone:
read as an empty cell, it wiped the need's solution, shown as "1 to update"; an error
("#NAME?") became the solution's text. Both are refused, naming the cell, and nothing is
imported, unless the import leaves their column out.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from helpers.libreoffice import convert, needs_libreoffice

from po_desktop.cli import main
from po_desktop.io.needs_files import open_needs
from po_desktop.io.needs_table import Table, records
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import ValidationError
from po_desktop.store.services import needs as need_service
from po_desktop.store.services.import_types import ImportResult
from po_desktop.store.services.importing import import_needs
from po_desktop.store.services.projects import ProjectInput, create_project

SOLUTION = "Publier le tableau de bord chaque lundi"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "formulas.podb")
    with database.session() as session:
        project = create_project(session, ProjectInput(code="ERP", name="ERP"))
        need_service.create_need(
            session,
            need_service.NeedInput(
                title="Budget", problem="Défi", project_id=project.id, solution=SOLUTION
            ),
        )
    yield database
    database.close()


def written_by_a_program(path: Path) -> Path:
    """ERP-1 with its solution as a formula and no result, as openpyxl writes it."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Clé", "Titre", "Défi à relever", "Solution envisagée", "Projet", "Points"])
    sheet.append(["ERP-1", "Budget", "Défi", '="Publier "&"le tableau"', "ERP", "=2+3"])
    workbook.save(path)
    return path


def with_results(path: Path, results: dict[str, tuple[str, str]]) -> Path:
    """The workbook as a spreadsheet saves it: each formula's cell keeps its result
    (cell → (type, value): "str" for a text, "n" for a number)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    for cell, (kind, value) in results.items():
        sheet, count = re.subn(
            rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/>',
            rf'<c r="{cell}"\1 t="{kind}"><f>\2</f><v>{value}</v>',
            sheet,
        )
        assert count == 1, cell
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    saved = path.with_name(f"saved-{path.name}")
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return saved


def solution_and_points(database: Database) -> tuple[str, float | None]:
    with database.session() as session:
        need = need_service.find_need(session, "ERP-1")
        return need.solution, need.points


def test_a_formula_without_its_result_is_refused_naming_the_cell(
    db: Database, tmp_path: Path
) -> None:
    path = written_by_a_program(tmp_path / "script.xlsx")
    with open_needs(path) as table, pytest.raises(ValidationError) as refused:
        import_needs_of(db, table)
    message = refused.value.message
    assert message.msg_id == "exchange.formula_without_result"
    assert message.params["cell"] == "D2"
    assert "D2" in message.render("fr") and "LibreOffice" in message.render("fr")
    assert solution_and_points(db) == (SOLUTION, None)


def test_an_error_the_spreadsheet_shows_is_refused_not_imported_as_text(
    db: Database, tmp_path: Path
) -> None:
    saved = with_results(
        written_by_a_program(tmp_path / "script.xlsx"),
        {"D2": ("e", "#NAME?"), "F2": ("n", "5")},
    )
    with open_needs(saved) as table, pytest.raises(ValidationError) as refused:
        import_needs_of(db, table)
    assert refused.value.message.render("fr").startswith(
        "La cellule D2 de " + str(saved) + " affiche l'erreur #NAME?"
    )
    assert solution_and_points(db) == (SOLUTION, None)


def test_a_column_the_import_leaves_out_may_hold_anything(db: Database, tmp_path: Path) -> None:
    """A helper column of formulas or errors is no reason to refuse the needs."""
    saved = with_results(written_by_a_program(tmp_path / "script.xlsx"), {"F2": ("n", "5")})
    with open_needs(saved) as table:
        mapping = ["key", "title", "problem", None, "project", "points"]
        with db.session() as session:
            result = import_needs(session, records(table, mapping))
    assert result.updated == 1
    assert solution_and_points(db) == (SOLUTION, 5.0)


def import_needs_of(database: Database, table: Table) -> ImportResult:
    with database.session() as session:
        return import_needs(session, records(table))


def test_the_command_line_refuses_it_and_imports_nothing(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written_by_a_program(tmp_path / "script.xlsx")
    db_path = str(db.path)
    db.close()
    code = main(["import", "--db", db_path, str(path), "--lang", "fr"])
    assert code != 0
    err = capsys.readouterr().err
    assert "La cellule D2 de" in err and "rien n'a été importé" in err
    reopened = open_database(Path(db_path))
    try:
        assert solution_and_points(reopened) == (SOLUTION, None)
    finally:
        reopened.close()


def test_formulas_saved_with_their_results_import_the_results(db: Database, tmp_path: Path) -> None:
    saved = with_results(
        written_by_a_program(tmp_path / "script.xlsx"),
        {"D2": ("str", "Publier le tableau"), "F2": ("n", "5")},
    )
    with open_needs(saved) as table:
        assert import_needs_of(db, table).updated == 1
    assert solution_and_points(db) == ("Publier le tableau", 5.0)


def test_a_formula_whose_result_is_an_empty_text_is_read_as_empty(tmp_path: Path) -> None:
    saved = with_results(
        written_by_a_program(tmp_path / "script.xlsx"), {"D2": ("str", ""), "F2": ("n", "5")}
    )
    with open_needs(saved) as table:
        (record,) = list(records(table))
    assert (record.solution, record.points) == ("", 5.0)


@needs_libreoffice
def test_libreoffice_saving_it_gives_the_results(
    db: Database, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """What the refusal tells the user to do works."""
    saved = convert(
        written_by_a_program(tmp_path / "script.xlsx"),
        "xlsx",
        tmp_path / "libreoffice",
        tmp_path_factory.mktemp("libreoffice-profile"),
    )
    with open_needs(saved) as table:
        assert import_needs_of(db, table).updated == 1
    assert solution_and_points(db) == ("Publier le tableau", 5.0)


def test_a_damaged_sheet_with_formulas_says_so(tmp_path: Path) -> None:
    """The sheet's XML cut short after a formula: said as any damaged workbook is."""
    path = written_by_a_program(tmp_path / "script.xlsx")
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    members["xl/worksheets/sheet1.xml"] = sheet[: sheet.index(b"</f>") + 4]
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(ValidationError) as refused:
        open_needs(damaged).close()
    assert refused.value.message.msg_id == "exchange.bad_workbook"
