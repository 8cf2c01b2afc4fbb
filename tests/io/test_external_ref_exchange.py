"""A need's external reference (the Jira key or Trello card it came from) leaves in the
CSV and xlsx exports, under a header in the user's language, and comes back with the
file: a round trip keeps it, and a file of ours that gives it without a key updates the
need imported with it."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from helpers.workspace import FIXTURES
from sqlalchemy import func, select

from po_desktop.io.needs_files import export_needs, open_needs
from po_desktop.io.needs_table import default_mapping, records
from po_desktop.store.database import Database, open_database
from po_desktop.store.models import Need
from po_desktop.store.services.import_types import ImportOptions, ImportResult
from po_desktop.store.services.importing import import_needs

EXCHANGE = FIXTURES / "exchange"


def run_import(database: Database, path: Path, project: str = "") -> ImportResult:
    with open_needs(path) as table, database.session() as session:
        mapping = default_mapping(table.header, optional=("project",) if project else ())
        options = ImportOptions(default_project=project)
        return import_needs(session, records(table, mapping), options)


def refs(database: Database) -> dict[str, str]:
    with database.session() as session:
        return {need.key: need.external_ref for need in session.scalars(select(Need))}


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "source.podb")
    run_import(database, EXCHANGE / "jira-server-poinz-en.csv")
    run_import(database, EXCHANGE / "trello-board.json", "WEB")
    yield database
    database.close()


def header_and_rows(path: Path) -> list[list[str]]:
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            sheet = book.active
            assert sheet is not None
            rows = sheet.iter_rows(values_only=True)
            return [["" if v is None else str(v) for v in row] for row in rows]
        finally:
            book.close()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


@pytest.mark.parametrize(
    ("suffix", "lang", "label"),
    [
        (".csv", "fr", "Référence externe"),
        (".csv", "en", "External reference"),
        (".xlsx", "fr", "Référence externe"),
        (".xlsx", "en", "External reference"),
    ],
)
def test_the_reference_leaves_and_comes_back(
    source: Database, tmp_path: Path, suffix: str, lang: str, label: str
) -> None:
    before = refs(source)
    assert sorted(before.values())[:2] == ["SMRGR-2151", "SMRGR-2643"]
    path = tmp_path / f"needs{suffix}"
    with source.session() as session:
        assert export_needs(session, path, lang=lang) == len(before)
    header, *rows = header_and_rows(path)
    assert header[-1] == label
    by_key = {row[0]: row[-1] for row in rows}
    assert by_key == before  # the Jira key, the card's address, as they are
    assert "https://trello.com/c/AbCd0001" in by_key.values()

    copy = open_database(tmp_path / "copy.podb")
    try:
        assert run_import(copy, path).created == len(before)
        assert refs(copy) == before
    finally:
        copy.close()
    again = run_import(source, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(before))


def test_a_file_of_ours_with_a_reference_and_no_key_updates_that_need(
    source: Database, tmp_path: Path
) -> None:
    path = tmp_path / "by-reference.csv"
    path.write_text(
        "Titre;Défi à relever;Projet;Référence externe\n"
        "Désactiver les comptes partis;Les comptes restent ouverts.;SMRGR;SMRGR-6275\n",
        encoding="utf-8",
    )
    with source.session() as session:
        count = session.scalar(select(func.count()).select_from(Need))
    result = run_import(source, path)
    assert (result.created, result.updated) == (0, 1)
    with source.session() as session:
        need = session.scalars(select(Need).where(Need.external_ref == "SMRGR-6275")).one()
        assert need.title == "Désactiver les comptes partis"
        assert session.scalar(select(func.count()).select_from(Need)) == count
