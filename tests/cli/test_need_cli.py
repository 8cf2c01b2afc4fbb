"""``po-desktop need``: a need's dossier from a terminal, in French and English; every
mistake a one-line message and exit code 2, nothing written."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from po_desktop.cli import main
from po_desktop.store import dossier_queries as dq
from po_desktop.store.database import open_database
from po_desktop.store.services import needs, people, projects


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "espace.podb"
    with open_database(path) as db, db.session() as s:
        pid = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP")).id
        needs.create_need(
            s, needs.NeedInput("Relances de factures", "Trois heures par semaine", pid)
        )
        needs.create_need(s, needs.NeedInput("Portail revendeurs", "", pid))
        needs.create_need(s, needs.NeedInput("Épopée facturation", "Tout automatiser", pid))
        people.create_person(s, people.PersonInput("Claire Martin"))
    return path


def need(
    path: Path, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en"
) -> tuple[int, str, str]:
    code = main(["need", *args, "--db", str(path), "--lang", lang])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_dossier_built_and_shown_from_the_terminal(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = os.urandom(50_000) + b"\x00fin"
    source = tmp_path / "relevé bancaire.pdf"
    source.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()

    assert need(
        workspace,
        capsys,
        "comment",
        "ERP-1",
        "--text",
        "Vu avec\nle client",
        "--author",
        "claire martin",
    ) == (
        0,
        "Comment added to ERP-1.\n",
        "",
    )
    need(workspace, capsys, "comment", "erp-1", "--text", "Relancé", "--author", "M. Dupont")
    code, out, _ = need(workspace, capsys, "attach", "ERP-1", str(source))
    assert (code, out) == (
        0,
        f"“relevé bancaire.pdf” attached to ERP-1 (48.8\u00a0KB, SHA-256 {digest}).\n",
    )
    assert need(workspace, capsys, "link", "ERP-1", "--blocks", "ERP-2")[1] == (
        "Linked: ERP-1 blocks ERP-2.\n"
    )
    assert need(workspace, capsys, "link", "ERP-1", "--parent", "ERP-3")[1] == (
        "Linked: ERP-1 is a child of ERP-3.\n"
    )
    assert need(workspace, capsys, "move", "ERP-1", "--column", "pret")[1] == (
        "ERP-1 moved to “Prêt”.\n"
    )
    saved = tmp_path / "copie.pdf"
    code, out, _ = need(
        workspace, capsys, "attachment", "ERP-1", "RELEVÉ BANCAIRE.PDF", "-o", str(saved)
    )
    assert code == 0 and saved.read_bytes() == data

    code, shown, err = need(workspace, capsys, "show", "ERP-1")
    assert (code, err) == (0, "")
    for line in (
        "ERP-1 — Relances de factures",
        "Column: Prêt",
        "Requester: —",
        "  Blocks ERP-2 “Portail revendeurs”",
        "  Child of ERP-3 “Épopée facturation”",
        "Attachments (1 file, 48.8\u00a0KB):",
        f"    SHA-256 {digest}",
        "  relevé bancaire.pdf  application/pdf  48.8\u00a0KB",
        "      Vu avec",
        "      le client",
        "Moved from “À qualifier” to “Prêt”",
        "Linked: is a child of ERP-3",
    ):
        assert line in shown, line
    assert "Claire Martin wrote:" in shown and "M. Dupont wrote:" in shown

    code, french, _ = need(workspace, capsys, "show", "ERP-1", lang="fr")
    for line in (
        "Colonne\u00a0: Prêt",
        "  Bloque ERP-2 «\u00a0Portail revendeurs\u00a0»",
        "Pièces jointes (1 fichier, 48,8\u00a0Ko)\u00a0:",
        "Claire Martin a écrit\u00a0:",
    ):
        assert line in french, line

    assert need(workspace, capsys, "archive", "ERP-1", lang="fr")[1] == (
        "ERP-1 archivé\u00a0: il a quitté le tableau et reste consultable.\n"
    )
    assert "Archive" in need(workspace, capsys, "show", "ERP-1")[1]
    assert need(workspace, capsys, "restore", "ERP-1")[1] == "ERP-1 is back on the board.\n"


@pytest.mark.parametrize(
    ("args", "english"),
    [
        (("show", "ERP-99"), "Need not found: ERP-99."),
        (("show", "n'importe"), "Invalid key “n'importe”: expected CODE-NUMBER, e.g. ERP-12."),
        (("comment", "ERP-1", "--text", "  "), "The field “Comment” is required."),
        (("link", "ERP-1", "--relates", "ERP-1"), "A need cannot be linked to itself (ERP-1)."),
        (("move", "ERP-2", "--column", "Prêt"), "ERP-2 has no problem statement yet"),
        (("move", "ERP-1", "--column", "Nulle part"), "Column not found: Nulle part."),
        (("attachment", "ERP-1", "absent.txt", "-o", "x"), "Attachment not found: absent.txt."),
        (("restore", "ERP-1"), "ERP-1 is not archived."),
    ],
)
def test_mistakes_say_what_and_change_nothing(
    workspace: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], english: str
) -> None:
    before = workspace.read_bytes()
    code, out, err = need(workspace, capsys, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"po-desktop: {english}")
    code, _out, french = need(workspace, capsys, *args, lang="fr")
    assert code == 2 and french != err and "Traceback" not in french
    with open_database(workspace) as db, db.session() as s:
        assert dq.comments(s, 1) == [] and dq.attachments(s, 1) == []
    assert workspace.read_bytes() == before


def test_attach_refuses_a_missing_file_a_folder_and_a_file_over_25_mb(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert need(workspace, capsys, "attach", "ERP-1", str(tmp_path / "absent.pdf"))[0] == 2
    assert need(workspace, capsys, "attach", "ERP-1", str(tmp_path))[0] == 2
    big = tmp_path / "vidéo.mp4"
    with big.open("wb") as out:
        out.truncate(25 * 1024 * 1024 + 1)
    code, _out, err = need(workspace, capsys, "attach", "ERP-1", str(big))
    assert code == 2 and "“vidéo.mp4” is 25\u00a0MB: a file attached to a need is limited" in err


def test_an_attachment_is_never_saved_over_the_workspace(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "note.txt"
    source.write_text("note", encoding="utf-8")
    need(workspace, capsys, "attach", "ERP-1", str(source))
    code, _out, err = need(
        workspace, capsys, "attachment", "ERP-1", "note.txt", "-o", str(workspace)
    )
    assert code == 2 and "is the open database itself" in err


def test_the_need_commands_run_without_qt(workspace: Path, tmp_path: Path) -> None:
    script = (
        "import sys\nfrom po_desktop.cli import main\n"
        f"code = main(['need', 'show', 'ERP-1', '--db', {str(workspace)!r}])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
        "sys.exit(code)\n"
    )
    env = os.environ | {"PO_DESKTOP_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "ERP-1 — Relances de factures" in done.stdout


def test_merge_and_unlink_from_the_terminal(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "note.txt"
    source.write_text("note", encoding="utf-8")
    need(workspace, capsys, "comment", "ERP-2", "--text", "Même demande que ERP-1")
    need(workspace, capsys, "attach", "ERP-2", str(source))
    need(workspace, capsys, "link", "ERP-2", "--relates", "ERP-3")
    need(workspace, capsys, "link", "ERP-1", "--blocks", "ERP-3")
    assert need(workspace, capsys, "unlink", "ERP-3", "--blocks", "ERP-1")[0] == 2
    assert need(workspace, capsys, "unlink", "ERP-1", "--blocks", "ERP-3")[1] == (
        "Link removed: ERP-1 blocks ERP-3.\n"
    )
    assert need(workspace, capsys, "merge", "ERP-2", "--into", "ERP-1", lang="fr")[1] == (
        "ERP-2 fusionné dans ERP-1 et archivé (1 commentaire, 1 pièce jointe, 1 lien transférés).\n"
    )
    shown = need(workspace, capsys, "show", "ERP-1")[1]
    assert "Même demande que ERP-1" in shown and "note.txt" in shown
    assert "  Duplicated by ERP-2 “Portail revendeurs” (archived)" in shown
    assert "The duplicate ERP-2 was merged into this need" in shown
    code, _out, err = need(workspace, capsys, "merge", "ERP-2", "--into", "ERP-3")
    assert code == 2 and "ERP-2 is archived" in err


def test_what_a_command_changes_is_signed_by_author_or_by_the_login(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--author`` names a person of the workspace (by name or login) or anyone; without
    it, the computer's login name, matched to a person when one has that login."""
    from sqlalchemy import select

    from po_desktop.store.models import NeedEvent, Person

    with open_database(workspace) as db, db.session() as s:
        claire = s.scalar(select(Person.id).where(Person.name == "Claire Martin"))
        assert claire is not None
        people.update_person(s, claire, people.PersonInput("Claire Martin", login="cmartin"))

    assert need(workspace, capsys, "move", "ERP-1", "--column", "pret", "--author", "Paul")[0] == 0
    monkeypatch.setattr("getpass.getuser", lambda: "cmartin")
    assert need(workspace, capsys, "archive", "ERP-2")[0] == 0
    assert need(workspace, capsys, "comment", "ERP-3", "--text", "Vu")[0] == 0

    with open_database(workspace) as db, db.session() as s:
        events = s.execute(
            select(NeedEvent.field, NeedEvent.author_id, NeedEvent.author_name)
            .where(NeedEvent.field.in_(["column", "archive"]))
            .order_by(NeedEvent.id)
        ).all()
        assert [tuple(e) for e in events] == [
            ("column", None, "Paul"),
            ("archive", claire, "Claire Martin"),
        ]
        comment = dq.comments(s, 3)[0]
        assert (comment.author_id, comment.author) == (claire, "Claire Martin")
        timeline = dq.activity(s, 1)
        assert [i.author for i in timeline if i.kind == "column"] == ["Paul"]
    shown = need(workspace, capsys, "show", "ERP-1", lang="fr")[1]
    assert "par Paul" in shown
