"""``po-desktop import``: CSV or workbook, a default project, a dry run, one summary line,
and a progress bar when a person watches a terminal (issue 18)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from po_desktop.cli import main
from po_desktop.store.database import open_database
from po_desktop.store.models import Need, Project
from po_desktop.store.services.projects import ProjectInput, create_project


def workspace(path: Path) -> Path:
    open_database(path).close()
    return path


def needs(path: Path) -> list[tuple[str, str]]:
    with open_database(path) as db, db.session() as session:
        return [
            (need.key, need.title)
            for need in session.scalars(select(Need).order_by(Need.project_id, Need.number))
        ]


def test_summary_line_counts_created_updated_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = workspace(tmp_path / "w.podb")
    first = tmp_path / "v1.csv"
    first.write_text("Titre;Problème;Projet\nA;Défi;ERP\nB;Défi;ERP\nC;Défi;ERP\n")
    assert main(["import", str(first), "--db", str(db), "--lang", "fr"]) == 0
    assert capsys.readouterr().out == (
        "Import terminé\u00a0: 3 besoins créés, 0 mis à jour, 0 ignoré car inchangé, "
        "1 projet créé (ERP).\n"
    )
    second = tmp_path / "v2.csv"
    second.write_text("key;title;problem;project\nERP-1;A;Défi;ERP\nERP-2;B2;Défi;ERP\n;D;X;ERP\n")
    assert main(["import-csv", str(second), "--db", str(db), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "Import done: 1 need created, 1 updated, 1 skipped as unchanged.\n"
    )
    assert needs(db) == [("ERP-1", "A"), ("ERP-2", "B2"), ("ERP-3", "C"), ("ERP-4", "D")]


def test_dry_run_says_what_would_happen_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = workspace(tmp_path / "w.podb")
    path = tmp_path / "b.csv"
    path.write_text("title;problem;project\nA;Défi;NEW\n")
    before = db.read_bytes()
    assert main(["import", str(path), "--db", str(db), "--dry-run", "--lang", "fr"]) == 0
    assert capsys.readouterr().out == (
        "Aperçu, rien n'a été importé\u00a0: 1 besoin à créer, 0 à mettre à jour, "
        "0 à ignorer car inchangé, 1 projet à créer (NEW).\n"
    )
    assert needs(db) == []
    with open_database(db) as database, database.session() as session:
        assert session.scalar(select(func.count()).select_from(Project)) == 0
    assert db.read_bytes() == before
    path.write_text("title;problem;project\nA;Défi;NEW\n;Défi;NEW\n")
    assert main(["import", str(path), "--db", str(db), "--dry-run", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "po-desktop: Line 3: The field “Title” is required. Nothing was imported.\n"
    )


def test_default_project_for_a_file_without_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = workspace(tmp_path / "w.podb")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Titre", "Défi à relever"])
    sheet.append(["Relances", "Les factures partent en retard"])
    path = tmp_path / "sans projet.xlsx"
    workbook.save(path)
    assert main(["import", str(path), "--db", str(db), "--lang", "en"]) == 2
    assert "Missing header columns: Project." in capsys.readouterr().err
    assert main(["import", str(path), "--db", str(db), "--project", "crm", "--lang", "en"]) == 0
    assert needs(db) == [("CRM-1", "Relances")]


def test_a_project_is_found_by_its_name_as_well_as_its_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A spreadsheet names its projects as people call them: « Plateforme client » is the
    project PLAT, in a cell or given with --project. A name that is no project and cannot
    be a code is refused, naming the cell's line, the name and the projects there are."""
    db = workspace(tmp_path / "w.podb")
    with open_database(db) as database, database.session() as session:
        create_project(session, ProjectInput(code="PLAT", name="Plateforme client"))
    named = tmp_path / "named.csv"
    named.write_text(
        "Titre;Problème;Projet\nA;Défi;Plateforme client\nB;Défi;plateforme CLIENT\nC;Défi;plat\n"
    )
    assert main(["import", str(named), "--db", str(db), "--lang", "fr"]) == 0
    assert capsys.readouterr().out == (
        "Import terminé\u00a0: 3 besoins créés, 0 mis à jour, 0 ignoré car inchangé.\n"
    )
    assert needs(db) == [("PLAT-1", "A"), ("PLAT-2", "B"), ("PLAT-3", "C")]
    bare = tmp_path / "bare.csv"
    bare.write_text("Titre;Problème\nD;Défi\n")
    args = ["import", str(bare), "--db", str(db), "--project", "Plateforme client"]
    assert main([*args, "--lang", "fr"]) == 0
    assert needs(db)[-1] == ("PLAT-4", "D")
    capsys.readouterr()
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("Titre;Problème;Projet\nE;Défi;PLAT\nF;Défi;Portail fournisseurs\n")
    assert main(["import", str(unknown), "--db", str(db), "--lang", "fr"]) == 2
    said = capsys.readouterr().err.strip()
    assert said.endswith(
        "Ligne 3\u00a0: Projet «\u00a0Portail fournisseurs\u00a0» introuvable\u00a0: "
        "ce n'est ni le code ni le nom d'un projet de l'espace (PLAT), ni un code possible "
        "pour en créer un (2 à 10 majuscules ou chiffres, en commençant par une lettre). "
        "Rien n'a été importé."
    )
    assert len(needs(db)) == 4


def test_format_chosen_by_hand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = workspace(tmp_path / "w.podb")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["title", "problem", "project"])
    sheet.append(["A", "Défi", "ERP"])
    path = tmp_path / "named.csv"  # a workbook whatever its name says
    workbook.save(path)
    assert main(["import", str(path), "--db", str(db), "--format", "csv", "--lang", "en"]) == 2
    assert "is an Excel workbook, not a CSV file" in capsys.readouterr().err
    assert main(["import", str(path), "--db", str(db), "--lang", "en"]) == 0
    assert needs(db) == [("ERP-1", "A")]


def _rows(count: int) -> str:
    return "title;problem;project\n" + "".join(f"Besoin {i};Défi {i};ERP\n" for i in range(count))


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    db = workspace(tmp_path / "w.podb")
    path = tmp_path / "big.csv"
    path.write_text(_rows(20_000))
    env = os.environ | {"PO_DESKTOP_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "po_desktop", "import", str(path), "--db", str(db)]
    master, slave = pty.openpty()
    try:
        child = subprocess.run(
            [*command, "--lang", "fr", "--dry-run"],
            stdout=subprocess.PIPE,
            stderr=slave,
            env=env,
            timeout=300,
            check=False,
        )
        os.close(slave)
        slave = -1
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal is closed once everything is read
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if slave >= 0:
            os.close(slave)
        os.close(master)
    assert child.returncode == 0
    text = seen.decode()
    assert "lignes lues" in text and "%" in text and "\r" in text, text
    assert text.endswith("\r\x1b[K")  # erased once done: the summary stands alone
    assert child.stdout.decode().startswith(
        "Aperçu, rien n'a été importé\u00a0: 20\u202f000 besoins à créer"
    )
    piped = subprocess.run(
        [*command, "--lang", "en"], capture_output=True, env=env, timeout=300, check=False
    )
    assert piped.returncode == 0 and piped.stderr == b""


def test_a_value_in_a_column_without_header_is_refused_not_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A column with no header is left out; one that holds a value (notes typed beside
    the titles) stops the import at its line instead of losing them unseen. Empty, it
    is no trouble (spreadsheets leave such columns)."""
    db = workspace(tmp_path / "w.podb")
    empty = tmp_path / "empty.csv"
    empty.write_text("Titre;;Problème;Projet\nA;;Défi;ERP\n")
    assert main(["import", str(empty), "--db", str(db), "--dry-run", "--lang", "en"]) == 0
    capsys.readouterr()
    noted = tmp_path / "noted.csv"
    noted.write_text("Titre;;Problème;Projet\nA;;Défi;ERP\nB;à revoir;Défi;ERP\n")
    assert main(["import", str(noted), "--db", str(db), "--lang", "fr"]) == 2
    assert capsys.readouterr().err == (
        "po-desktop: Ligne 3\u00a0: La colonne 2 n'a pas d'en-tête mais contient "
        "«\u00a0à revoir\u00a0»\u00a0: donnez-lui l'en-tête d'un des champs des besoins, ou "
        "videz-la. Rien n'a été importé.\n"
    )
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Titre", "Problème", None, "Projet"])
    sheet.append(["A", "Défi", None, "ERP"])
    sheet.append(["B", "Défi", "à revoir", "ERP"])
    path = tmp_path / "noted.xlsx"
    workbook.save(path)
    assert main(["import", str(path), "--db", str(db), "--lang", "en"]) == 2
    assert "Line 3: Column 3 has no header but holds “à revoir”" in capsys.readouterr().err
    assert needs(db) == []


def test_an_export_to_a_folder_says_to_name_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = workspace(tmp_path / "w.podb")
    assert main(["export", "--db", str(db), "-o", str(tmp_path), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"po-desktop: {tmp_path} is a folder: give the name of the file to write, ending .xlsx "
        "(Excel workbook) or .csv.\n"
    )


def test_a_key_s_code_is_a_code_and_names_are_told_apart_by_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project is found by name from a project cell only: a row « APP-3 » is in APP
    even beside a project called « App » (the key's code decides, by either reading
    path); two projects named alike but for case each get the rows naming them exactly,
    whatever the rows' order; a --project that is nobody's name nor a possible code is
    refused before any row, naming no line."""
    db = workspace(tmp_path / "w.podb")
    with open_database(db) as database, database.session() as session:
        for code, name in (("APPLI", "App"), ("SW1", "Site Web"), ("SW2", "Site web")):
            create_project(session, ProjectInput(code=code, name=name))
    keyed = tmp_path / "keyed.csv"
    keyed.write_text("Clé;Titre;Problème;Projet\nAPP-3;A;Défi;\nAPP-4;B;Défi;APP\n")
    assert main(["import", str(keyed), "--db", str(db), "--lang", "en"]) == 0
    assert "1 project created (APP)" in capsys.readouterr().out
    alike = tmp_path / "alike.csv"
    alike.write_text("Titre;Problème;Projet\nC;Défi;Site web\nD;Défi;Site Web\n")
    assert main(["import", str(alike), "--db", str(db), "--lang", "en"]) == 0
    capsys.readouterr()
    keys = {title: key for key, title in needs(db)}
    assert (keys["A"], keys["B"], keys["C"], keys["D"]) == ("APP-3", "APP-4", "SW2-1", "SW1-1")
    neither = tmp_path / "neither.csv"  # matches both but for case: asked, never guessed
    neither.write_text("Titre;Problème;Projet\nE;Défi;site web\n")
    assert main(["import", str(neither), "--db", str(db), "--lang", "en"]) == 2
    assert "matches more than one name" in capsys.readouterr().err
    board = str(Path(__file__).parent.parent / "fixtures" / "exchange" / "trello-board.json")
    args = ["import", board, "--db", str(db), "--project", "Portail fournisseurs", "--lang", "fr"]
    assert main(args) == 2
    said = capsys.readouterr().err
    assert said.startswith("po-desktop: Projet «\u00a0Portail fournisseurs\u00a0» introuvable")
    assert "Ligne" not in said
