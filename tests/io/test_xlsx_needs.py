"""Needs as Excel workbooks, and through LibreOffice and back (issue 18).

Through a spreadsheet, CSV loses what a cell is: French LibreOffice turned ``007`` into
7, ``03/04`` into a date, ``1e3`` into 1000, ``25%`` into 25 %. A workbook keeps each
cell's type: these texts come back as they left, the points as numbers, and LibreOffice
saving the workbook again changes no field.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from helpers.libreoffice import ENGLISH, FRENCH, convert, needs_libreoffice
from sqlalchemy import select

from po_desktop.cli import main
from po_desktop.io.csv_needs import write_needs_csv
from po_desktop.io.needs_files import export_needs, open_needs
from po_desktop.io.needs_table import COLUMNS, records
from po_desktop.io.xlsx_needs import write_needs_xlsx
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import PoDesktopError, ValidationError
from po_desktop.store.models import BoardColumn, Need, Sprint
from po_desktop.store.services import needs as need_service
from po_desktop.store.services.import_types import ImportResult
from po_desktop.store.services.importing import import_needs
from po_desktop.store.services.projects import ProjectInput, create_project

TEXTS = [
    "007",
    "03/04",
    "1e3",
    "25%",
    '=HYPERLINK("http://x")',
    "+33 6 12 34 56 78",
    "-",
    "'quoted'",
    "@mention",
    "TRUE",
    "0,5",
    "1 000",
    "2025-03-04",
    "🚀 fusée 👩‍💻 Noël — 10 €",
]
"""What spreadsheets turn into numbers, dates, booleans or formulas when typed in."""
LONG_TEXTS = [
    "ligne 1\nligne 2\n\nligne 4",
    "  espaces autour  ",
    "\tindenté",
    "<b>R&D</b> & « guillemets »",
]
POINTS = [None, 0.5, 2.5, 13.0, 1000.0, 0.1, 3.0]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "source.podb")
    yield database
    database.close()


def fresh(path: Path, sprints: list[str]) -> Database:
    """A workspace with the same sprints, for needs imported from a file."""
    database = open_database(path)
    with database.session() as session, session.begin():
        for name in sprints:
            session.add(Sprint(name=name, start_date=date(2026, 3, 2), end_date=date(2026, 3, 13)))
    return database


SPRINTS = ["03/04", "Sprint 1e3"]


def seed(database: Database) -> None:
    with database.session() as session, session.begin():
        for name in SPRINTS:
            session.add(Sprint(name=name, start_date=date(2026, 3, 2), end_date=date(2026, 3, 13)))
    with database.session() as session:
        erp = create_project(session, ProjectInput(code="ERP", name="ERP"))
        crm = create_project(session, ProjectInput(code="CRM", name="CRM"))
        columns = list(session.scalars(select(BoardColumn.id).order_by(BoardColumn.position)))
        sprint_ids = list(session.scalars(select(Sprint.id).order_by(Sprint.id)))
        for index, text in enumerate(TEXTS):
            long_text = LONG_TEXTS[index % len(LONG_TEXTS)]
            need_service.create_need(
                session,
                need_service.NeedInput(
                    title=text,
                    problem=f"{long_text}\n{text}",
                    project_id=(erp if index % 3 else crm).id,
                    solution=text if index % 2 else "",
                    requester=text,
                    source=["rnd", "customer", "team", "other"][index % 4],
                    business_unit=text,
                    technical=index % 2 == 0,
                    column_id=columns[index % len(columns)],
                    points=POINTS[index % len(POINTS)],
                    sprint_id=sprint_ids[index % 2] if index % 3 else None,
                    tags=[text.replace(",", " ")[:40], "Été"] if index % 2 else [],
                    acceptance=long_text,
                ),
            )


def state(database: Database) -> dict[str, dict[str, Any]]:
    """Every field of every need, by key, as a person reads them in the app."""
    with database.session() as session:
        found = {}
        for need in session.scalars(select(Need)):
            found[need.key] = {
                "title": need.title,
                "problem": need.problem,
                "solution": need.solution,
                "requester": need.requester,
                "source": need.source,
                "business_unit": need.business_unit,
                "technical": need.technical,
                "project": need.project.code,
                "column": need.column.name,
                "points": need.points,
                "sprint": need.sprint.name if need.sprint else None,
                "tags": need.tag_names,
                "acceptance": need.acceptance,
            }
        return found


def run_import(database: Database, path: Path) -> ImportResult:
    with open_needs(path) as table:
        found = list(records(table))
    with database.session() as session:
        return import_needs(session, found)


def test_workbook_cells_are_typed_and_the_sheet_is_ready_to_filter(
    db: Database, tmp_path: Path
) -> None:
    seed(db)
    path = tmp_path / "besoins.xlsx"
    with db.session() as session:
        assert write_needs_xlsx(session, path, lang="fr") == len(TEXTS)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None and sheet.title == "Besoins"
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Clé", "Titre", "Défi à relever", "Solution envisagée"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:P{len(TEXTS) + 1}"
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(titles) == sorted(TEXTS)  # "007", "1e3", "=HYPERLINK(…)" as typed
    for row in sheet.iter_rows(min_row=2):
        for column, cell in zip(COLUMNS, row, strict=True):
            if column == "points":
                assert cell.value is None or cell.data_type == "n"
            elif cell.value is not None:
                assert (cell.data_type, cell.number_format) == ("s", "@"), cell.value
    points = sorted(row[10] for row in sheet.iter_rows(min_row=2, values_only=True) if row[10])
    assert {0.1, 0.5, 2.5} <= set(points) and all(isinstance(p, int | float) for p in points)
    widths = {c: sheet.column_dimensions[chr(ord("A") + i)].width for i, c in enumerate(COLUMNS)}
    assert widths["key"] < widths["title"] <= 50
    assert widths["title"] >= max(len(text) for text in TEXTS)  # every title shows whole
    assert all(width <= 60 for width in widths.values())  # a long text wraps, never a wall
    assert widths["business_unit"] >= len("Métier") + 3  # the header and its filter button
    english = tmp_path / "needs.xlsx"
    with db.session() as session:
        write_needs_xlsx(session, english, lang="en")
    sheet = openpyxl.load_workbook(english).active
    assert sheet is not None and sheet.title == "Needs"
    assert [c.value for c in sheet[1]][:3] == ["Key", "Title", "Problem statement"]


def test_workbook_round_trip_gives_every_field_back(db: Database, tmp_path: Path) -> None:
    seed(db)
    path = tmp_path / "besoins.xlsx"
    with db.session() as session:
        write_needs_xlsx(session, path, lang="en")
    copy = fresh(tmp_path / "copy.podb", SPRINTS)
    try:
        result = run_import(copy, path)
        assert (result.created, result.projects_created) == (len(TEXTS), 2)
        assert state(copy) == state(db)
    finally:
        copy.close()
    assert run_import(db, path) == ImportResult(unchanged=len(TEXTS))


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("libreoffice-profile")


@needs_libreoffice
def test_libreoffice_saving_the_workbook_again_changes_no_field(
    db: Database, tmp_path: Path, profile: Path
) -> None:
    seed(db)
    path = tmp_path / "besoins.xlsx"
    with db.session() as session:
        write_needs_xlsx(session, path, lang="fr")
    saved = convert(path, "xlsx", tmp_path / "libreoffice", profile)
    assert saved.read_bytes() != path.read_bytes()  # LibreOffice wrote its own workbook
    sheet = openpyxl.load_workbook(saved).active
    assert sheet is not None
    assert sorted(row[1] for row in sheet.iter_rows(min_row=2, values_only=True)) == sorted(TEXTS)
    assert run_import(db, saved) == ImportResult(unchanged=len(TEXTS))
    copy = fresh(tmp_path / "copy.podb", SPRINTS)
    try:
        assert run_import(copy, saved).created == len(TEXTS)
        assert state(copy) == state(db)
    finally:
        copy.close()


@needs_libreoffice
@pytest.mark.parametrize(
    ("separator", "language", "lang"), [(";", FRENCH, "fr"), (",", ENGLISH, "en")]
)
def test_libreoffice_reads_the_csv_points_as_numbers(
    db: Database, tmp_path: Path, profile: Path, separator: str, language: int, lang: str
) -> None:
    """A French Calc stores "3,5" from a ; file as a number (it kept "3.5" as text), and
    an English one "3.5" from a , file: the points can be summed."""
    seed(db)
    path = tmp_path / "besoins.csv"
    with db.session() as session:
        write_needs_csv(session, path, delimiter=separator, lang=lang)
    infilter = f"CSV:{ord(separator)},34,76,1,,{language}"
    sheet = openpyxl.load_workbook(
        convert(path, "xlsx", tmp_path / "libreoffice", profile, infilter=infilter)
    ).active
    assert sheet is not None
    points = [row[10] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(p, int | float) for p in points if p is not None), points
    expected = [POINTS[i % len(POINTS)] for i in range(len(TEXTS))]
    assert sorted(p for p in points if p is not None) == sorted(p for p in expected if p)


@needs_libreoffice
def test_our_csv_saved_as_a_workbook_by_libreoffice_changes_no_field(
    db: Database, tmp_path: Path, profile: Path
) -> None:
    """The CSV export puts an apostrophe before a cell a spreadsheet would run as a
    formula ("'-", "'=HYPERLINK…"); French LibreOffice keeps it as text when it saves
    that file as a workbook. The workbook's import takes it away, as the CSV's does: no
    need's text gains an apostrophe."""
    texts = ["- critère", '=HYPERLINK("http://x")', "+ option", "@mention", "Plain title"]
    with db.session() as session:
        erp = create_project(session, ProjectInput(code="ERP", name="ERP"))
        for text in texts:
            need_service.create_need(
                session,
                need_service.NeedInput(
                    title=text, problem=f"Problème : {text}", acceptance=text, project_id=erp.id
                ),
            )
    path = tmp_path / "besoins.csv"
    with db.session() as session:
        write_needs_csv(session, path, delimiter=";", lang="fr")
    saved = convert(
        path, "xlsx", tmp_path / "libreoffice", profile, infilter=f"CSV:59,34,76,1,,{FRENCH}"
    )
    sheet = openpyxl.load_workbook(saved).active
    assert sheet is not None
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "'- critère" in titles  # kept as text by LibreOffice
    before = state(db)
    assert run_import(db, saved) == ImportResult(unchanged=len(texts))
    assert state(db) == before


def test_a_text_that_starts_like_a_protected_one_survives_the_workbook(
    db: Database, tmp_path: Path
) -> None:
    """A workbook's reader gives back the apostrophes our CSV export adds: a need's own
    text starting with an apostrophe before a formula character is written so that it
    comes back as it is."""
    texts = ["'=SOMME(A1)", "'-", "''", "'quoted'", "'"]
    with db.session() as session:
        erp = create_project(session, ProjectInput(code="ERP", name="ERP"))
        for text in texts:
            need_service.create_need(
                session, need_service.NeedInput(title=text, problem=text, project_id=erp.id)
            )
    path = tmp_path / "besoins.xlsx"
    with db.session() as session:
        write_needs_xlsx(session, path, lang="fr")
    assert run_import(db, path) == ImportResult(unchanged=len(texts))
    copy = fresh(tmp_path / "copy.podb", [])
    try:
        run_import(copy, path)
        assert sorted(need["title"] for need in state(copy).values()) == sorted(texts)
    finally:
        copy.close()


def test_a_workbook_typed_by_hand_imports(db: Database, tmp_path: Path) -> None:
    """Headers in French with other names, a number and a date where text was meant,
    TRUE/FALSE cells, an integer of points, blank rows and a column left empty."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([])
    sheet.append(["Titre", "Problème", "Projet", "Technique", "Points", "Étiquette", None])
    sheet.append([7, "Les factures partent en retard", "erp", False, 3, "compta, Été"])
    sheet.append([])
    sheet.append([datetime(2026, 4, 3), "Date prise pour un titre", "ERP", True, 2.5])
    sheet.append(["Sans points", "Défi", "ERP", None, None, None, None, None])
    path = tmp_path / "saisi.xlsx"
    workbook.save(path)
    assert run_import(db, path).created == 3
    with db.session() as session:
        first, second, third = (need_service.find_need(session, f"ERP-{n}") for n in (1, 2, 3))
        assert (first.title, first.technical, first.points) == ("7", False, 3.0)
        assert first.tag_names == ["compta", "Été"]
        assert (second.title, second.technical, second.points) == ("2026-04-03", True, 2.5)
        assert (third.points, third.tag_names) == (None, [])


def test_workbook_errors_name_the_spreadsheet_row(db: Database, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["title", "problem", "project", "points"])
    sheet.append(["A", "Défi", "ERP", 2])
    sheet.append(["B", "Défi", "ERP", "beaucoup"])
    path = tmp_path / "erreurs.xlsx"
    workbook.save(path)
    with pytest.raises(ValidationError) as info:
        run_import(db, path)
    assert info.value.render("fr") == (
        "Ligne 3\u00a0: «\u00a0beaucoup\u00a0» n'est pas un nombre valide pour "
        "«\u00a0Points\u00a0». Rien n'a été importé."
    )
    sheet.delete_rows(3)
    sheet.append(["C", "Défi", "ERP", 1, "sans en-tête"])
    workbook.save(path)
    with pytest.raises(ValidationError) as info:
        run_import(db, path)
    assert info.value.render("en") == "Line 3: 5 values instead of 4. Nothing was imported."
    sheet.delete_rows(3)
    sheet.append(["D", "Défi", "ERP", True])  # a ticked box is no number of points (not 1)
    workbook.save(path)
    with pytest.raises(ValidationError) as info:
        run_import(db, path)
    assert info.value.render("en") == (
        "Line 3: “TRUE” is not a valid number for “Story points”. Nothing was imported."
    )
    assert state(db) == {}


def test_a_text_longer_than_a_cell_is_refused_and_the_previous_file_kept(
    db: Database, tmp_path: Path
) -> None:
    with db.session() as session:
        project = create_project(session, ProjectInput(code="ERP", name="ERP"))
        need_service.create_need(session, need_service.NeedInput("Long", "x" * 40_000, project.id))
    path = tmp_path / "besoins.xlsx"
    path.write_bytes(b"previous")
    with db.session() as session, pytest.raises(PoDesktopError) as info:
        export_needs(session, path, lang="fr")
    assert info.value.render("fr") == (
        "ERP-1\u00a0: «\u00a0Défi à relever\u00a0» dépasse 32\u202f767 caractères, "
        "plus qu'une cellule de "
        "tableur n'en contient. Rien n'a été exporté\u00a0: exportez en CSV, qui garde les "
        "textes entiers."
    )
    assert path.read_bytes() == b"previous"
    # At the limit exactly, a text the export writes with one more apostrophe (to come
    # back as it is) no longer fits either; one an apostrophe does not lengthen does.
    with db.session() as session:
        need = need_service.find_need(session, "ERP-1")
        need.problem = "'-" + "x" * 32_765
        session.commit()
        with pytest.raises(PoDesktopError):
            export_needs(session, path, lang="fr")
        need.problem = "-" + "x" * 32_766
        session.commit()
        assert export_needs(session, path, lang="fr") == 1


def test_files_that_are_no_workbook_we_read_say_what_to_do(tmp_path: Path) -> None:
    import zipfile

    ods = tmp_path / "besoins.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(ValidationError) as info:
        open_needs(ods)
    assert "«\u00a0Classeur Excel 2007-365 (.xlsx)\u00a0»" in info.value.render("fr")
    xls = tmp_path / "besoins.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(ValidationError) as info:
        open_needs(xls)
    assert "old format (.xls)" in info.value.render("en")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not a workbook")
    with pytest.raises(ValidationError) as info:
        open_needs(broken)
    assert info.value.render("en").startswith(f"{broken} cannot be read as an Excel workbook")


def test_cli_exports_by_extension_and_imports_a_workbook_given_as_csv(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db)
    db.close()
    source = str(tmp_path / "source.podb")
    workbook = tmp_path / "besoins.xlsx"
    assert main(["export", "--db", source, "-o", str(workbook), "--lang", "fr"]) == 0
    assert f"{len(TEXTS)} besoins exportés dans {workbook}." in capsys.readouterr().out
    assert openpyxl.load_workbook(workbook).active is not None
    text = tmp_path / "besoins.csv"
    assert main(["export", "--db", source, "-o", str(text), "--lang", "en"]) == 0
    assert text.read_bytes().startswith(b"\xef\xbb\xbfKey;Title;")
    capsys.readouterr()
    for name in ("besoins.pdf", "besoins"):
        assert main(["export", "--db", source, "-o", str(tmp_path / name), "--lang", "en"]) == 2
        assert "is not an export format. Name the file .xlsx" in capsys.readouterr().err
        assert not (tmp_path / name).exists()
    wrong = tmp_path / "autre.xlsx"
    assert main(["export-csv", "--db", source, "-o", str(wrong), "--lang", "en"]) == 2
    assert "export-csv writes CSV text, not a workbook" in capsys.readouterr().err
    assert not wrong.exists()
    copy = fresh(tmp_path / "copy.podb", SPRINTS)
    copy.close()
    copy_path = str(tmp_path / "copy.podb")
    assert main(["import-csv", str(workbook), "--db", copy_path, "--lang", "fr"]) == 0
    assert f"{len(TEXTS)} besoins créés" in capsys.readouterr().out
