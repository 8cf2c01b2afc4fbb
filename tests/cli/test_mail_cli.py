"""``po-desktop need from-mail``: an e-mail saved by a mail program becomes a need from a
terminal, whatever its encoding (UTF-8, quoted-printable, ISO-8859-1) or format (Outlook's
``.msg``); ``--dry-run`` writes nothing; every mistake is one line, exit code 2, nothing
written."""

from __future__ import annotations

import os
import subprocess
import sys
from email.header import Header
from pathlib import Path

import pytest
from helpers.mail import BODY, SUBJECT, mail_bytes
from helpers.workspace import FIXTURES, tables

from po_desktop.cli import main
from po_desktop.store import dossier_queries as dq
from po_desktop.store import queries
from po_desktop.store.database import open_database
from po_desktop.store.services import needs, people, projects


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "espace.podb"
    with open_database(path) as db, db.session() as s:
        pid = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP")).id
        needs.create_need(s, needs.NeedInput("Relances de factures", "Trois heures", pid))
        projects.create_project(s, projects.ProjectInput("OLD", "Ancien", archived=True))
        people.create_person(s, people.PersonInput("Claire Martin", email="claire@client.fr"))
    return path


def from_mail(
    path: Path, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en"
) -> tuple[int, str, str]:
    code = main(["need", "from-mail", *args, "--db", str(path), "--lang", lang])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("charset", "encoding", "marker"),
    [
        ("utf-8", "8bit", b"\xc3\xa0 la main"),
        ("utf-8", "quoted-printable", b"=C3=A0 la main"),
        ("iso-8859-1", "quoted-printable", b"=E0 la main"),
        ("iso-8859-1", "8bit", b"\xe0 la main"),
    ],
)
def test_an_eml_in_any_common_encoding_becomes_a_need_and_its_key_is_printed(
    workspace: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    charset: str,
    encoding: str,
    marker: bytes,
) -> None:
    mail = tmp_path / "Relance client.eml"
    mail.write_bytes(mail_bytes(charset, encoding))
    assert marker in mail.read_bytes()  # the file really is in that encoding

    code, out, err = from_mail(workspace, capsys, str(mail), "--project", "erp")
    assert (code, err) == (0, "")
    assert out == (
        f"ERP-2 made from Relance client.eml: “{SUBJECT}”, requester Françoise Dupré "
        "(a new person).\n"
    )
    with open_database(workspace) as db, db.session() as s:
        need = needs.find_need(s, "ERP-2")
        assert (need.title, need.problem, need.requester) == (
            SUBJECT,
            BODY.strip(),
            "Françoise Dupré",
        )
        assert need.column.position == 0
        francoise = next(p for p in queries.people(s) if p.name == "Françoise Dupré")
        assert francoise.email == "f.dupre@client.fr"
        [attached] = dq.attachments(s, need.id)
        assert attached.name == "Relance client.eml"
        assert dq.attachment_bytes(s, attached.id) == mail.read_bytes()


def test_the_sender_is_found_by_address_then_by_name_and_said_in_french(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_address = tmp_path / "adresse.eml"
    by_address.write_bytes(mail_bytes("utf-8", "8bit", sender="C. M. <CLAIRE@Client.fr>"))
    code, out, _err = from_mail(workspace, capsys, str(by_address), "--project", "ERP", lang="fr")
    assert code == 0
    assert out.startswith("ERP-2 créé à partir de adresse.eml\u00a0: «\u00a0Relances de factures")
    assert out.endswith("demandeur Claire Martin (personne reconnue à son adresse).\n")

    by_name = tmp_path / "nom.eml"
    sender = Header("Claire Martin", "iso-8859-1").encode() + " <c.martin@ailleurs.fr>"
    by_name.write_bytes(mail_bytes("iso-8859-1", "quoted-printable", sender=sender))
    code, out, _err = from_mail(workspace, capsys, str(by_name), "--project", "ERP")
    assert out.endswith("requester Claire Martin (a person found by the name).\n")
    with open_database(workspace) as db, db.session() as s:
        assert [p.name for p in queries.people(s)] == ["Claire Martin"]  # nobody new


def test_an_outlook_msg_becomes_a_need_too(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "demande.msg"
    mail.write_bytes((FIXTURES / "mail" / "jotlmsg-sent.msg").read_bytes())
    code, out, _err = from_mail(workspace, capsys, str(mail), "--project", "ERP")
    assert code == 0
    assert out == (
        "ERP-2 made from demande.msg: “This is a message”, requester sender@jotlmsg.com "
        "(a new person).\n"
    )
    with open_database(workspace) as db, db.session() as s:
        need = needs.find_need(s, "ERP-2")
        assert need.problem == "Hello,\n\nThis is a simple message that has been sent.\n\n.Bye."
        [attached] = dq.attachments(s, need.id)
        assert attached.media_type == "application/vnd.ms-outlook"
        assert dq.attachment_bytes(s, attached.id) == mail.read_bytes()

    draft = tmp_path / "brouillon.msg"  # saved by Outlook, no sender yet
    draft.write_bytes((FIXTURES / "mail" / "outlook-draft.msg").read_bytes())
    code, out, _err = from_mail(workspace, capsys, str(draft), "--project", "ERP")
    assert out == (
        "ERP-3 made from brouillon.msg: “Test subject”, requester none (the mail names no "
        "sender).\n"
    )


def test_a_dry_run_says_what_it_would_make_and_writes_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "relance.eml"
    mail.write_bytes(mail_bytes("utf-8", "quoted-printable"))
    before = tables(workspace)
    code, out, _err = from_mail(workspace, capsys, str(mail), "--project", "ERP", "--dry-run")
    assert code == 0
    assert out == (
        f"Preview, nothing was written: relance.eml would make ERP-2, “{SUBJECT}”, requester "
        "Françoise Dupré (a new person).\n"
    )
    assert tables(workspace) == before
    # The real run then gives the key the preview said.
    assert from_mail(workspace, capsys, str(mail), "--project", "ERP")[1].startswith("ERP-2 ")


def test_every_mistake_is_one_line_and_writes_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "relance.eml"
    mail.write_bytes(mail_bytes("utf-8", "8bit"))
    photo = tmp_path / "photo.eml"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    before = tables(workspace)
    cases = [
        ((str(tmp_path / "absente.eml"), "--project", "ERP"), "File not found"),
        ((str(photo), "--project", "ERP"), "photo.eml is not an e-mail"),
        ((str(mail), "--project", "RH"), "Project not found: RH."),
        ((str(mail), "--project", "OLD"), "Project “OLD” is archived"),
    ]
    for args, said in cases:
        code, out, err = from_mail(workspace, capsys, *args)
        assert (code, out) == (2, ""), args
        assert said in err and err.count("\n") == 1, err
    code, _out, err = from_mail(workspace, capsys, str(photo), "--project", "ERP", lang="fr")
    assert "photo.eml n'est pas un e-mail" in err and ".eml ou .msg" in err
    assert tables(workspace) == before


def test_from_mail_runs_without_qt(workspace: Path, tmp_path: Path) -> None:
    mail = tmp_path / "relance.msg"
    mail.write_bytes((FIXTURES / "mail" / "jotlmsg-sent.msg").read_bytes())
    script = (
        "import sys\nfrom po_desktop.cli import main\n"
        f"code = main(['need', 'from-mail', {str(mail)!r}, '--project', 'ERP',"
        f" '--db', {str(workspace)!r}, '--lang', 'en'])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
        "sys.exit(code)\n"
    )
    env = os.environ | {"PO_DESKTOP_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ERP-2 made from relance.msg")
