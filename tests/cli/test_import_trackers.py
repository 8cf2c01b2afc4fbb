"""``po-desktop import FILE --format jira|trello|auto``: a tracker's export in one
transaction, with the one summary line (issue 18)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers.workspace import FIXTURES
from sqlalchemy import func, select

from po_desktop.cli import main
from po_desktop.store.database import open_database
from po_desktop.store.models import Need, NeedComment
from po_desktop.store.services import needs

EXCHANGE = FIXTURES / "exchange"


def workspace(path: Path) -> Path:
    open_database(path).close()
    return path


def counts(path: Path) -> tuple[int, int]:
    with open_database(path) as db, db.session() as session:
        needs = session.scalar(select(func.count()).select_from(Need)) or 0
        comments = session.scalar(select(func.count()).select_from(NeedComment)) or 0
    return needs, comments


@pytest.mark.parametrize("format", ["jira", "auto"])
def test_jira_in_english_then_again(
    format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = workspace(tmp_path / "w.podb")
    path = str(EXCHANGE / "jira-cloud-all-fields-en.csv")
    assert main(["import", path, "--format", format, "--db", str(db), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "Import done: 4 needs created, 0 updated, 0 skipped as unchanged, 1 need without a "
        "description kept in the first column to be qualified, 1 project created (ERP). "
        "3 sprints created, their dates to check in the calendar: "
        "ERP Sprint 12 (19 Aug 2025 to 1 Sept 2025, from its issues' dates), "
        "ERP Sprint 13 (2 Sept 2025 to 15 Sept 2025, from its issues' dates), "
        "ERP Sprint 11 (30 Jul 2025 to 12 Aug 2025, from its issues' dates).\n"
    )
    assert main(["import", path, "--format", format, "--db", str(db), "--lang", "fr"]) == 0
    assert capsys.readouterr().out == (  # the need still waiting is said again
        "Import terminé\u00a0: 0 besoin créé, 0 mis à jour, 4 ignorés car inchangés, "
        "1 besoin sans description gardé dans la première colonne pour être qualifié.\n"
    )
    assert counts(db) == (4, 4)


def test_jira_in_french_dry_run_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = workspace(tmp_path / "w.podb")
    before = db.read_bytes()
    path = str(EXCHANGE / "jira-server-current-fields-fr.csv")
    assert main(["import", path, "--db", str(db), "--dry-run", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "3 besoins à créer" in out
    assert out.endswith(
        "1 sprint à créer, ses dates à vérifier dans le calendrier\u00a0: Sprint RH 3 "
        "(du 2 sept. 2025 au 15 sept. 2025, d’après les dates de ses tickets).\n"
    )
    assert db.read_bytes() == before


@pytest.mark.parametrize("format", ["trello", "auto"])
def test_trello_board(format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = workspace(tmp_path / "w.podb")
    board = tmp_path / "export"  # no extension: told by its content
    shutil.copy(EXCHANGE / "trello-board.json", board)
    args = ["import", str(board), "--format", format, "--project", "web", "--db", str(db)]
    assert main([*args, "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "Import done: 3 needs created, 0 updated, 0 skipped as unchanged, "
        "2 archived cards left out, 1 need without a description kept in the first column "
        "to be qualified, 1 project created (WEB).\n"
    )
    assert counts(db) == (3, 2)


def test_a_file_that_is_not_what_the_format_says_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = workspace(tmp_path / "w.podb")
    path = str(EXCHANGE / "jira-cloud-all-fields-en.csv")
    assert main(["import", path, "--format", "trello", "--db", str(db), "--lang", "en"]) != 0
    assert "is not a Trello board" in capsys.readouterr().err
    assert counts(db) == (0, 0)


def test_need_show_names_where_the_need_comes_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = workspace(tmp_path / "w.podb")
    main(["import", str(EXCHANGE / "jira-server-poinz-en.csv"), "--db", str(db)])
    main(["import", str(EXCHANGE / "trello-board.json"), "--project", "WEB", "--db", str(db)])
    capsys.readouterr()
    with open_database(db) as database, database.session() as session:
        keys = {n.external_ref: n.key for n in session.scalars(select(Need))}
    show = ["need", "show", keys["SMRGR-2643"], "--db", str(db)]
    assert main([*show, "--lang", "en"]) == 0
    assert "External reference: SMRGR-2643\n" in capsys.readouterr().out
    card = keys["https://trello.com/c/AbCd0001"]
    assert main(["need", "show", card, "--db", str(db), "--lang", "fr"]) == 0
    assert "Référence externe\u00a0: https://trello.com/c/AbCd0001\n" in capsys.readouterr().out
    with open_database(db) as database, database.session() as session:
        project_id = session.scalars(select(Need.project_id)).first()
        assert project_id is not None
        made = needs.create_need(session, needs.NeedInput("Saisi à la main", "x", project_id))
        own = needs.find_need(session, made).key
    assert main(["need", "show", own, "--db", str(db), "--lang", "en"]) == 0
    assert "External reference" not in capsys.readouterr().out


def test_a_trello_board_without_a_project_says_to_give_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Trello board's cards name no project: without --project the import stops before
    reading them, saying how to give one (it said « Ligne 5 : Le champ « Projet » est
    obligatoire », a line a JSON file does not have)."""
    db = workspace(tmp_path / "w.podb")
    path = str(EXCHANGE / "trello-board.json")
    assert main(["import", path, "--db", str(db), "--lang", "fr"]) == 2
    assert capsys.readouterr().err == (
        "po-desktop: Un tableau Trello ne nomme pas de projet\u00a0: indiquez celui où vont "
        "ses cartes avec --project (le code ou le nom d'un projet).\n"
    )
    assert counts(db)[0] == 0
