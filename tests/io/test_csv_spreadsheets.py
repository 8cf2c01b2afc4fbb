"""CSV files as French and English spreadsheets write them (issue 18).

Excel starts a file with ``sep=;`` when asked to, or when the file came from it; a cell
typed on several lines comes back with CR LF; a French spreadsheet writes "2,5" and an
English one "2.5" or "1,000", whatever language the app is shown in. A re-import of an
unchanged export changes nothing, and every refusal names its line.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from po_desktop.domain import messages
from po_desktop.io.csv_needs import read_needs_csv, write_needs_csv
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import ValidationError
from po_desktop.store.models import Need
from po_desktop.store.services import needs as need_service
from po_desktop.store.services.import_types import ImportResult
from po_desktop.store.services.importing import import_needs
from po_desktop.store.services.projects import ProjectInput, create_project


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "w.podb")
    yield database
    database.close()


@pytest.fixture
def interface_language() -> Iterator[None]:
    before = messages.language()
    yield
    messages.set_language(before)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def run_import(database: Database, path: Path) -> ImportResult:
    records = read_needs_csv(path)
    with database.session() as session:
        return import_needs(session, records)


def points(database: Database) -> dict[str, float | None]:
    with database.session() as session:
        return {n.title: n.points for n in session.scalars(select(Need))}


def test_excel_sep_line_names_the_separator_and_lines_still_count_from_it(
    db: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "excel.csv",
        "sep=;\r\nTitre;Défi à relever;Projet;Points\r\nÉcran, saisie;Ressaisie;ERP;2,5\r\n",
        "cp1252",
    )
    assert run_import(db, path).created == 1
    assert points(db) == {"Écran, saisie": 2.5}
    # A comma-separated file that says so, quoted as some tools write it.
    path = write(tmp_path / "comma.csv", '"sep=,"\ntitle,problem,project\nA;B,Défi,ERP\n')
    assert [r.title for r in read_needs_csv(path)] == ["A;B"]
    path = write(tmp_path / "bad.csv", "SEP=;\ntitle;problem;project\n;Défi;ERP\n")
    with pytest.raises(ValidationError) as info:
        run_import(db, path)
    assert info.value.render("en") == (
        "Line 3: The field “Title” is required. Nothing was imported."
    )


def test_sep_line_in_excel_unicode_text(tmp_path: Path) -> None:
    text = "sep=\t\r\nTitre\tDéfi à relever\tProjet\r\nA\tB\tERP\r\n"
    path = tmp_path / "u.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    [record] = read_needs_csv(path)
    assert (record.title, record.line) == ("A", 3)


def test_header_errors_name_their_line(tmp_path: Path) -> None:
    path = write(tmp_path / "h.csv", "sep=;\n\ntitle;problem;projet;couleur\n")
    with pytest.raises(ValidationError) as info:
        read_needs_csv(path)
    assert info.value.render("fr") == (
        "Ligne 3\u00a0: Colonnes inconnues dans l'en-tête\u00a0: "
        "«\u00a0couleur\u00a0». Rien n'a été importé."
    )


def test_cr_lf_inside_cells_of_an_unchanged_export_changes_nothing(
    db: Database, tmp_path: Path
) -> None:
    with db.session() as session:
        project = create_project(session, ProjectInput(code="ERP", name="ERP"))
        for title in ("Un", "Deux"):
            need_service.create_need(
                session,
                need_service.NeedInput(
                    title=title,
                    problem="ligne 1\nligne 2",
                    project_id=project.id,
                    acceptance="- a\n- b\n",
                    solution="   indentée\n\n  fin  ",
                ),
            )
    exported = tmp_path / "export.csv"
    with db.session() as session:
        write_needs_csv(session, exported)
    raw = exported.read_bytes()
    assert b"ligne 1\nligne 2" in raw
    # As a Windows tool writes the file back: every line end CR LF, inside cells too.
    resaved = write(
        tmp_path / "resaved.csv",
        raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\n", "\r\n"),
    )
    assert b"ligne 1\r\nligne 2" in resaved.read_bytes()
    result = run_import(db, resaved)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_numbers_follow_the_file_never_the_interface_language(
    db: Database, tmp_path: Path, lang: str, interface_language: None
) -> None:
    """The same files store the same points whatever language the app speaks."""
    messages.set_language(lang)
    french = write(
        tmp_path / "fr.csv",
        "key;title;problem;project;points\n;A;D;ERP;2,500\n;B;D;ERP;1 000\n;C;D;ERP;0.5\n",
    )
    english = write(
        tmp_path / "en.csv",
        'key,title,problem,project,points\n,E,D,ERP,"1,000"\n,F,D,ERP,2.5\n,G,D,ERP,"2,5"\n',
    )
    run_import(db, french)
    run_import(db, english)
    assert points(db) == {
        "A": 2.5, "B": 1000, "C": 0.5, "E": 1000, "F": 2.5, "G": 2.5,
    }  # fmt: skip


def test_a_number_that_reads_two_ways_in_a_file_that_does_not_say_is_refused(
    db: Database, tmp_path: Path
) -> None:
    path = write(tmp_path / "tab.txt", "title\tproblem\tproject\tpoints\nA\tD\tERP\t2,500\n")
    with pytest.raises(ValidationError) as info:
        run_import(db, path)
    assert info.value.render("fr") == (
        "Ligne 2\u00a0: «\u00a02,500\u00a0» peut valoir 2,5 ou 2500 selon le "
        "tableur qui l'a écrit\u00a0: "
        "écrivez l'un ou l'autre dans «\u00a0Points\u00a0». Rien n'a été importé."
    )
    assert "may be 2.5 or 2500" in info.value.render("en")
    assert points(db) == {}


def test_points_are_written_as_the_separator_s_spreadsheet_reads_them(
    db: Database, tmp_path: Path
) -> None:
    path = write(tmp_path / "in.csv", "title;problem;project;points\nA;D;ERP;3,5\nB;D;ERP;2\n")
    run_import(db, path)
    out = tmp_path / "out.csv"
    with db.session() as session:
        write_needs_csv(session, out, lang="en")
        lines = out.read_text(encoding="utf-8-sig").splitlines()
        assert lines[0].startswith("Key;Title;Problem statement;")
        assert lines[1].split(";")[10] == "3,5"
        write_needs_csv(session, out, delimiter=",", lang="en")
        assert out.read_text(encoding="utf-8-sig").splitlines()[1].split(",")[10] == "3.5"


def test_key_column_is_optional_and_french_names_are_read(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "k.csv",
        "Titre;Problème;Projet;Statut;Étiquette;Technique;Origine\n"
        "Relances;Factures en retard;CRM;Prêt;compta;non;Client\n",
    )
    assert run_import(db, path).created == 1
    with db.session() as session:
        need = need_service.find_need(session, "CRM-1")
        assert (need.problem, need.column.name, need.tag_names) == (
            "Factures en retard",
            "Prêt",
            ["compta"],
        )
        assert (need.technical, need.source) == (False, "customer")


def test_an_english_export_reads_back_in_a_french_interface(
    db: Database, tmp_path: Path, interface_language: None
) -> None:
    path = write(tmp_path / "in.csv", "title;problem;project;technical;source\nA;D;ERP;non;team\n")
    run_import(db, path)
    out = tmp_path / "en.csv"
    with db.session() as session:
        write_needs_csv(session, out, lang="en")
    text = out.read_text(encoding="utf-8-sig")
    assert ";internal team;;no;ERP;" in text
    messages.set_language("fr")
    assert run_import(db, out) == ImportResult(unchanged=1)
