"""``po-desktop archive``: the needs done or no-go for more than some days leave the board
from a terminal or a script, with a dry run first; counts said in French and English."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from po_desktop.cli import main
from po_desktop.store.database import open_database
from po_desktop.store.models import BoardColumn, Need, utcnow
from po_desktop.store.services import archive, needs, projects


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """Needs done 100, 50 and 10 days ago, one open; the workspace archives after 14 days."""
    path = tmp_path / "espace.podb"
    with open_database(path) as db, db.session() as s:
        pid = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP")).id
        done = s.scalar(select(BoardColumn.id).where(BoardColumn.is_done))
        for title, age in (("Relances", 100), ("Export", 50), ("Paie", 10)):
            need_id = needs.create_need(s, needs.NeedInput(title, "Défi", pid, column_id=done))
            s.get(Need, need_id).done_at = utcnow() - timedelta(days=age)  # type: ignore[union-attr]
        needs.create_need(s, needs.NeedInput("Ouvert", "Défi", pid))
        s.commit()
    return path


def run(path: Path, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en") -> str:
    code = main(["archive", "--db", str(path), "--lang", lang, *args])
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    return captured.out


def archived(path: Path) -> int:
    with open_database(path, create=False) as db, db.session() as s:
        return s.scalar(select(func.count()).where(Need.archived_at.is_not(None))) or 0


def test_dry_run_then_archive_with_the_setting_then_older_than(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(workspace, capsys, "--dry-run") == (
        "2 needs done or no-go for more than 14 days would be archived (nothing changed).\n"
    )
    assert run(workspace, capsys, "--dry-run", lang="fr") == (
        "2 besoins terminés ou refusés depuis plus de 14 jours seraient archivés "
        "(rien n'a été modifié).\n"
    )
    assert archived(workspace) == 0
    assert run(workspace, capsys) == (
        "2 needs done or no-go for more than 14 days archived: they left the board.\n"
    )
    assert archived(workspace) == 2
    assert run(workspace, capsys, "--older-than", "1", lang="fr") == (
        "1 besoin terminé ou refusé depuis plus de 1 jour archivé\u00a0: il a quitté le tableau.\n"
    )
    assert run(workspace, capsys, "--older-than", "1") == (
        "No need done or no-go for more than 1 day: nothing to archive.\n"
    )
    assert run(workspace, capsys, "--older-than", "1", "--dry-run", lang="fr") == (
        "Aucun besoin terminé ou refusé depuis plus de 1 jour\u00a0: rien à archiver.\n"
    )
    assert archived(workspace) == 3


def test_off_in_the_workspace_archives_nothing_unless_days_are_given(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(workspace) as db, db.session() as s:
        archive.set_auto_archive_days(s, None)
    assert run(workspace, capsys).startswith("Automatic archiving is off in this workspace")
    assert run(workspace, capsys, lang="fr").startswith("L'archivage automatique est désactivé")
    assert archived(workspace) == 0
    assert "1 need done" in run(workspace, capsys, "--older-than", "60")
    assert archived(workspace) == 1


def test_a_wrong_number_of_days_is_refused_with_nothing_written(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for days in ("0", "4000"):
        assert main(["archive", "--db", str(workspace), "--older-than", days]) == 2
        err = capsys.readouterr().err
        assert f"“--older-than” must be between 1 and 3650 (got {days})" in err
    with pytest.raises(SystemExit) as exited:  # argparse's own refusal, in French
        main(["archive", "--db", str(workspace), "--older-than", "trente", "--lang", "fr"])
    assert exited.value.code == 2
    assert "--older-than" in capsys.readouterr().err
    assert archived(workspace) == 0
