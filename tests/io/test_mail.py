"""An e-mail becomes a need: messages written as mail programs write them (the standard
library's email package, SMTP line ends), in UTF-8, quoted-printable and ISO-8859-1."""

from __future__ import annotations

import email.policy
from email.header import Header
from email.message import EmailMessage
from pathlib import Path

import pytest
from helpers.mail import BODY, SUBJECT, mail_bytes
from helpers.undo import act, undo
from helpers.workspace import FIXTURES
from sqlalchemy.orm import Session

from po_desktop.io.mail import read_mail, read_mail_file
from po_desktop.store import dossier_queries as dq
from po_desktop.store import queries
from po_desktop.store.errors import ValidationError
from po_desktop.store.services import dossier, needs, people


@pytest.mark.parametrize(
    ("charset", "encoding", "marker"),
    [
        ("utf-8", "8bit", b"\xc3\xa0 la main"),
        ("utf-8", "quoted-printable", b"=C3=A0 la main"),
        ("utf-8", "base64", b"Content-Transfer-Encoding: base64"),
        ("iso-8859-1", "quoted-printable", b"=E0 la main"),
        ("iso-8859-1", "8bit", b"\xe0 la main"),
    ],
)
def test_a_message_in_any_common_encoding_gives_its_text(
    charset: str, encoding: str, marker: bytes
) -> None:
    data = mail_bytes(charset, encoding)
    assert marker in data  # the file really is in that encoding
    mail = read_mail(data, "relance.eml")
    assert mail.subject == SUBJECT
    assert mail.body == BODY.strip()
    assert (mail.sender_name, mail.sender_address) == ("Françoise Dupré", "f.dupre@client.fr")
    assert mail.data == data and mail.file_name == "relance.eml"


def test_headers_encoded_in_iso_8859_1_are_read() -> None:
    message = EmailMessage(policy=email.policy.compat32)
    message["From"] = Header("Françoise Dupré", "iso-8859-1").encode() + " <f@client.fr>"
    message["Subject"] = Header("Réclamation : délai dépassé", "iso-8859-1")
    message.set_payload("D\xe9lai d\xe9pass\xe9.".encode("iso-8859-1"))
    message["Content-Type"] = 'text/plain; charset="iso-8859-1"'
    data = message.as_bytes()
    assert b"=?iso-8859-1?q?" in data.lower()
    mail = read_mail(data)
    assert (mail.subject, mail.body) == ("Réclamation : délai dépassé", "Délai dépassé.")
    assert (mail.sender_name, mail.sender_address) == ("Françoise Dupré", "f@client.fr")


def test_the_text_part_is_preferred_and_html_alone_becomes_text() -> None:
    message = EmailMessage()
    message["From"] = "client@example.com"
    message["Subject"] = "Alternative"
    message.set_content("Version texte\n")
    message.add_alternative("<p>Version <b>HTML</b></p>", subtype="html")
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="a.pdf")
    assert read_mail(message.as_bytes()).body == "Version texte"

    html_only = EmailMessage()
    html_only["From"] = "Client <client@example.com>"
    html_only["Subject"] = "HTML"
    html_only.set_content(
        "<html><head><style>p{color:red}</style></head><body><p>Premier&nbsp;point</p>"
        "<p>Second <script>alert(1)</script>point</p><br>Fin</body></html>",
        subtype="html",
    )
    assert read_mail(html_only.as_bytes()).body == "Premier point\n\nSecond point\n\nFin"


def test_control_characters_of_a_message_are_dropped_not_refused() -> None:
    message = EmailMessage()
    message["From"] = "x@example.com"
    message["Subject"] = "Bip"
    message.set_content("avant\x07apr\x00ès\n")
    mail = read_mail(message.as_bytes())
    assert mail.body == "avantaprès"


def test_a_file_that_is_not_a_message_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        read_mail(b"\x89PNG\r\n\x1a\n\x00\x00", "photo.eml")
    assert refused.value.render("en").startswith("photo.eml is not an e-mail")
    assert refused.value.render("fr").startswith("photo.eml n'est pas un e-mail")
    big = tmp_path / "énorme.eml"
    with big.open("wb") as out:
        out.truncate(dossier.MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(ValidationError, match="limited to 25"):
        read_mail_file(big)


def test_a_message_becomes_a_need_with_the_mail_attached(
    session: Session, project_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "Relance client.eml"
    path.write_bytes(mail_bytes("iso-8859-1", "quoted-printable"))
    made = dossier.create_need_from_mail(session, project_id, read_mail_file(path))
    need = needs.find_need(session, made.need_id)
    assert (need.title, need.problem, need.column.position) == (SUBJECT, BODY.strip(), 0)
    # The sender becomes a person of the workspace, with their address.
    assert (made.requester, made.matched) == ("Françoise Dupré", "new")
    assert need.requester == made.requester
    [francoise] = [p for p in queries.people(session) if p.id == made.person_id]
    assert (francoise.name, francoise.email) == ("Françoise Dupré", "f.dupre@client.fr")
    [attached] = dq.attachments(session, need.id)
    assert (attached.name, attached.media_type) == ("Relance client.eml", "message/rfc822")
    assert dq.attachment_bytes(session, attached.id) == path.read_bytes()

    # The next mail of the same sender finds her by address (any case), whatever the name.
    again = read_mail(mail_bytes("utf-8", "8bit", sender="F. Dupré <F.Dupre@CLIENT.fr>"))
    second = dossier.create_need_from_mail(session, project_id, again)
    assert (second.requester, second.matched, second.person_id) == (
        "Françoise Dupré",
        "address",
        francoise.id,
    )
    assert len(queries.people(session)) == 1  # nobody new

    # A person of the workspace is matched by name, regardless of accents and case.
    people.create_person(session, people.PersonInput("Noémie Petit"))
    third = read_mail(mail_bytes("utf-8", "8bit", sender="NOEMIE PETIT <np@example.com>"))
    made_third = dossier.create_need_from_mail(session, project_id, third)
    assert (made_third.requester, made_third.matched) == ("Noémie Petit", "name")

    # The address comes before the name: a colleague's name on someone else's address
    # is that someone.
    fourth = read_mail(mail_bytes("utf-8", "8bit", sender="Noémie Petit <f.dupre@client.fr>"))
    assert dossier.create_need_from_mail(session, project_id, fourth).requester == (
        "Françoise Dupré"
    )


def test_a_sender_known_only_by_address_becomes_a_person_named_by_it(
    session: Session, project_id: int
) -> None:
    made = dossier.create_need_from_mail(
        session, project_id, read_mail(mail_bytes("utf-8", "8bit", sender="bob@client.fr"))
    )
    assert (made.requester, made.matched) == ("bob@client.fr", "new")
    [bob] = queries.people(session)
    assert (bob.name, bob.email) == ("bob@client.fr", "bob@client.fr")

    # Undoing the need takes the person made for it away too: one step.
    undone = act(
        session,
        lambda s: dossier.create_need_from_mail(
            s, project_id, read_mail(mail_bytes("utf-8", "8bit", sender="Zoé <zoe@client.fr>"))
        ),
    )
    assert sorted(p.name for p in queries.people(session)) == ["Zoé", "bob@client.fr"]
    undo(session, undone)
    assert [p.name for p in queries.people(session)] == ["bob@client.fr"]


def test_a_message_without_subject_takes_its_first_line(session: Session, project_id: int) -> None:
    message = EmailMessage()
    message["From"] = "x@example.com"
    message.set_content("\n\n  Première ligne utile\nsuite\n")
    made = dossier.create_need_from_mail(session, project_id, read_mail(message.as_bytes()))
    assert needs.find_need(session, made.need_id).title == "Première ligne utile"


# ----- Outlook's .msg ---------------------------------------------------------------------

MSG = FIXTURES / "mail"


def test_an_outlook_message_gives_its_subject_text_and_sender() -> None:
    data = (MSG / "jotlmsg-sent.msg").read_bytes()
    mail = read_mail(data, "jotlmsg-sent.msg")
    assert mail.subject == "This is a message"
    assert mail.body == "Hello,\n\nThis is a simple message that has been sent.\n\n.Bye."
    assert (mail.sender_name, mail.sender_address) == ("sender@jotlmsg.com", "sender@jotlmsg.com")
    assert (mail.file_name, mail.media_type, mail.data) == (
        "jotlmsg-sent.msg",
        "application/vnd.ms-outlook",
        data,
    )


def test_a_message_saved_by_outlook_reads_with_its_line_ends_tidied() -> None:
    mail = read_mail((MSG / "outlook-draft.msg").read_bytes(), "brouillon.msg")
    assert mail.subject == "Test subject"
    assert mail.body == "Hello,\n\nThis is a simple test message.\n\nSee ya,\nTester"
    assert (mail.sender_name, mail.sender_address) == ("", "")  # a draft has no sender


def test_a_msg_is_known_by_its_content_and_an_eml_named_msg_still_reads(tmp_path: Path) -> None:
    renamed = tmp_path / "relance.msg"
    renamed.write_bytes(mail_bytes("utf-8", "quoted-printable"))
    assert read_mail_file(renamed).subject == SUBJECT
    outlook_named_eml = tmp_path / "outlook.eml"
    outlook_named_eml.write_bytes((MSG / "jotlmsg-sent.msg").read_bytes())
    assert read_mail_file(outlook_named_eml).subject == "This is a message"


def test_a_damaged_or_foreign_compound_file_is_refused_with_its_name(tmp_path: Path) -> None:
    """An Office document, a truncated message, a header and nothing else: all said to be
    no e-mail in the user's language, never a crash."""
    data = (MSG / "outlook-draft.msg").read_bytes()
    for cut in (8, 512, 3000):
        with pytest.raises(ValidationError) as refused:
            read_mail(data[:cut], "coupé.msg")
        assert refused.value.render("fr").startswith("coupé.msg n'est pas un e-mail")
        assert ".msg" in refused.value.render("en")
    corrupt = bytearray(data)
    corrupt[0x30:0x34] = b"\xff\xff\xff\x7f"  # the directory's first sector, out of the file
    with pytest.raises(ValidationError):
        read_mail(bytes(corrupt), "abîmé.msg")


def test_an_outlook_message_becomes_a_need_with_the_msg_attached(
    session: Session, project_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "Demande client.msg"
    path.write_bytes((MSG / "jotlmsg-sent.msg").read_bytes())
    made = dossier.create_need_from_mail(session, project_id, read_mail_file(path))
    need = needs.find_need(session, made.need_id)
    assert (need.title, need.requester) == ("This is a message", "sender@jotlmsg.com")
    [sender] = queries.people(session)
    assert sender.email == "sender@jotlmsg.com"
    [attached] = dq.attachments(session, need.id)
    assert (attached.name, attached.media_type) == (
        "Demande client.msg",
        "application/vnd.ms-outlook",
    )
    assert dq.attachment_bytes(session, attached.id) == path.read_bytes()
