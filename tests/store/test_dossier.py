"""A need's dossier as its users meet it: comments, attachments, the timeline, quick
capture and the archive. Links and merging are in test_links.py, e-mails in
tests/io/test_mail.py, the command line in tests/cli/test_need_cli.py."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers.undo import act, redo, undo
from helpers.workspace import FIXTURES, hostile_text
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.filenames import safe_name
from po_desktop.store import backups, queries
from po_desktop.store import dossier_queries as dq
from po_desktop.store.database import open_database
from po_desktop.store.errors import NotFoundError, ValidationError
from po_desktop.store.models import (
    Attachment,
    AttachmentData,
    BoardColumn,
    Need,
    NeedComment,
    utcnow,
)
from po_desktop.store.services import (
    archive,
    dossier,
    importing,
    needs,
    people,
    projects,
    scoring,
)
from po_desktop.store.services._base import clean_text

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 50 + b"\x00" * 7
"""An attachment's bytes: a real image header, every byte value, NULs at the end."""


def _columns(session: Session) -> list[int]:
    return list(session.scalars(select(BoardColumn.id).order_by(BoardColumn.position)))


@pytest.fixture
def need_id(session: Session, project_id: int) -> int:
    return needs.create_need(session, needs.NeedInput("Relances de factures", "", project_id))


# ----- quick capture ------------------------------------------------------------------------


def test_a_title_and_a_project_make_a_need_in_the_first_column(
    session: Session, project_id: int
) -> None:
    created = needs.create_need(session, needs.NeedInput("Portail revendeurs", "", project_id))
    need = needs.find_need(session, created)
    assert (need.key, need.problem, need.column_id) == ("ERP-1", "", _columns(session)[0])


def test_the_problem_statement_is_required_to_leave_the_first_column(
    session: Session, need_id: int, project_id: int
) -> None:
    first, second, *_ = _columns(session)
    with pytest.raises(ValidationError) as moved:
        needs.move_needs(session, [need_id], second)
    assert moved.value.field == "problem"
    assert moved.value.render("en") == (
        "ERP-1 has no problem statement yet: it stays in “À qualifier” until one is written, "
        "and cannot go to “À coter”."
    )
    assert "défi à relever" in moved.value.render("fr")
    edit = needs.need_input(needs.find_need(session, need_id))
    edit.column_id = second
    with pytest.raises(ValidationError, match="only with a problem statement"):
        needs.update_need(session, need_id, edit)
    with pytest.raises(ValidationError, match="only with a problem statement"):
        needs.create_need(session, needs.NeedInput("Autre", " \n ", project_id, column_id=second))
    with pytest.raises(ValidationError) as scored:
        scoring.assess_need(
            session, need_id, scoring.AssessmentInput({}, "go", decided_by="Claire")
        )
    assert scored.value.message.msg_id == "scoring.problem_first"
    with pytest.raises(ValidationError, match="only with a problem statement"):
        importing.import_needs(
            session,
            [importing.NeedRecord(title="Importé", problem="", project="ERP", status="Prêt")],
        )
    assert needs.find_need(session, need_id).column_id == first  # nothing moved

    edit.problem = "Les relances partent à la main, avec trois semaines de retard."
    needs.update_need(session, need_id, edit)
    assert needs.find_need(session, need_id).column_id == second
    needs.move_needs(session, [need_id], first)  # back to qualification: always allowed


# ----- comments -----------------------------------------------------------------------------


def test_comments_keep_their_author_text_and_times(session: Session, need_id: int) -> None:
    claire = people.create_person(session, people.PersonInput("Claire Martin")).id
    first = dossier.add_comment(session, need_id, "Vu avec Claire\r\nà relancer", author_id=claire)
    second = dossier.add_comment(session, need_id, "Client : OK", author_name="  M. Dupont ")
    dossier.edit_comment(session, second, "Client : d'accord")
    shown = dq.comments(session, need_id)
    assert [(c.id, c.author, c.text) for c in shown] == [
        (first, "Claire Martin", "Vu avec Claire\nà relancer"),
        (second, "M. Dupont", "Client : d'accord"),
    ]
    assert shown[0].edited_at is None and shown[1].edited_at is not None

    people.update_person(session, claire, people.PersonInput("Claire Durand"))
    assert dq.comments(session, need_id)[0].author == "Claire Durand"  # the person's name now
    people.delete_person(session, claire)
    assert dq.comments(session, need_id)[0].author == "Claire Martin"  # as it was written


@pytest.mark.parametrize(
    ("call", "msg_id"),
    [
        (lambda s, n: dossier.add_comment(s, n, " \n\t"), "field.required"),
        (lambda s, n: dossier.add_comment(s, n, "x" * 20_001), "field.too_long"),
        (lambda s, n: dossier.add_comment(s, n, "copié\x00collé"), "field.bad_character"),
        (lambda s, n: dossier.add_comment(s, n, "\x1b[31mrouge"), "field.bad_character"),
        (lambda s, n: dossier.add_comment(s, n, "ok", author_name="a\x07b"), "field.bad_character"),
    ],
)
def test_a_bad_comment_is_refused_and_nothing_is_written(
    session: Session, need_id: int, call: object, msg_id: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        call(session, need_id)  # type: ignore[operator]
    assert refused.value.message.msg_id == msg_id
    assert refused.value.render("fr") != refused.value.render("en")
    assert session.scalar(select(func.count()).select_from(NeedComment)) == 0


def test_comments_on_missing_things_say_so(session: Session, need_id: int) -> None:
    with pytest.raises(NotFoundError, match="Need not found"):
        dossier.add_comment(session, 999, "x")
    with pytest.raises(NotFoundError, match="Person not found"):
        dossier.add_comment(session, need_id, "x", author_id=999)
    with pytest.raises(NotFoundError, match="Comment not found"):
        dossier.edit_comment(session, 999, "x")
    with pytest.raises(NotFoundError, match="Comment not found"):
        dossier.delete_comment(session, 999)


def test_hostile_texts_come_back_from_comments_as_typed(session: Session, need_id: int) -> None:
    kept = 0
    for text in hostile_text().CORPUS:
        try:
            comment_id = dossier.add_comment(session, need_id, text, author_name=text[:120])
        except ValidationError as refused:  # blank, too long or unstorable: said, not crashed
            assert refused.message.msg_id in {
                "field.required",
                "field.too_long",
                "field.bad_character",
            }
            continue
        stored = session.get(NeedComment, comment_id)
        assert stored is not None
        assert stored.text == clean_text(text, "comment", max_len=dossier.COMMENT_MAX)
        kept += 1
    assert kept > 100


# ----- the activity timeline ----------------------------------------------------------------


def test_the_timeline_merges_comments_and_events_in_time_order(
    session: Session, need_id: int
) -> None:
    _first, second, *_ = _columns(session)
    dossier.add_comment(session, need_id, "Premier échange")
    edit = needs.need_input(needs.find_need(session, need_id))
    edit.problem, edit.points = "Trop de relances manuelles", 3
    needs.update_need(session, need_id, edit)
    needs.move_needs(session, [need_id], second)
    gone = dossier.add_comment(session, need_id, "Message à retirer")
    dossier.delete_comment(session, gone)
    dossier.attach_file(session, need_id, "capture.png", PNG)
    archive.archive_needs(session, [need_id])
    archive.restore_needs(session, [need_id])

    timeline = dq.activity(session, need_id)
    assert [(item.kind, item.old_label, item.new_label) for item in timeline] == [
        ("created", None, "À qualifier"),
        ("comment", None, None),
        ("points", None, "3"),
        ("column", "À qualifier", "À coter"),
        ("comment", str(gone), None),  # its text is gone; its deletion is told
        ("attachment", None, "capture.png"),
        ("archive", None, "manual"),
        ("archive", "manual", None),
    ]
    assert timeline[1].comment is not None and timeline[1].comment.text == "Premier échange"
    assert [i.at for i in timeline] == sorted(i.at for i in timeline)
    only = dq.activity(session, need_id, comments_only=True)
    assert [(i.kind, i.comment and i.comment.text) for i in only] == [
        ("comment", "Premier échange")
    ]


# ----- attachments --------------------------------------------------------------------------


def _bytes_of(session: Session, need_id: int) -> dict[str, bytes]:
    return {a.name: dq.attachment_bytes(session, a.id) for a in dq.attachments(session, need_id)}


def test_an_attachment_comes_back_byte_for_byte_through_undo_and_redo(
    session: Session, need_id: int
) -> None:
    data = os.urandom(3 * 1024 * 1024) + PNG
    change = act(session, lambda s: dossier.attach_file(s, need_id, "relevé.pdf", data))
    info = dq.attachment(session, change.result)
    assert (info.name, info.media_type, info.size) == ("relevé.pdf", "application/pdf", len(data))
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    undo(session, change)
    assert _bytes_of(session, need_id) == {}
    assert session.scalar(select(func.count()).select_from(AttachmentData)) == 0
    redo(session, change)
    assert _bytes_of(session, need_id) == {"relevé.pdf": data}

    removal = act(session, lambda s: dossier.remove_attachment(s, change.result))
    assert _bytes_of(session, need_id) == {}
    undo(session, removal)
    assert _bytes_of(session, need_id) == {"relevé.pdf": data}
    assert dq.attachment(session, change.result) == info  # same id, name, time


def test_attachments_survive_a_backup_and_its_restore_exactly(tmp_path: Path) -> None:
    path = tmp_path / "espace.podb"
    blobs = {"vide.txt": b"", "capture.png": PNG, "bruit.bin": os.urandom(2_000_000)}
    with open_database(path) as db, db.session() as s:
        pid = projects.create_project(s, projects.ProjectInput("ERP", "ERP")).id
        need_id = needs.create_need(s, needs.NeedInput("Sauvegarde", "", pid))
        for name, data in blobs.items():
            dossier.attach_file(s, need_id, name, data)
    copy = backups.create(path, "manual")
    with open_database(path) as db, db.session() as s:
        for attachment in dq.attachments(s, need_id):
            dossier.remove_attachment(s, attachment.id)
        assert _bytes_of(s, need_id) == {}
    backups.restore(path, copy)
    with open_database(path) as db, db.session() as s:
        assert _bytes_of(s, need_id) == blobs
        for attachment in dq.attachments(s, need_id):
            assert attachment.sha256 == hashlib.sha256(blobs[attachment.name]).hexdigest()


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system.ini", "system.ini"),
        ("C:\\Users\\Claire\\Bureau\\devis.pdf", "devis.pdf"),
        ("..", "attachment"),
        ("...", "attachment"),
        ("", "attachment"),
        ("/", "attachment"),
        (".bashrc", "bashrc"),
        ("facture\u202egpj.exe", "facturegpj.exe"),  # reads "factureexe.jpg" on screen
        ("\u2067rapport\u2069.pdf", "rapport.pdf"),
        ("rap\x00port\x1b[31m.txt", "rapport[31m.txt"),
        ("ligne\nsuivante\t2.txt", "ligne suivante 2.txt"),
        ('a<b>c:d"e|f?g*h.txt', "a_b_c_d_e_f_g_h.txt"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("  point final. . ", "point final"),
        ("e\u0301te\u0301.odt", "été.odt"),  # decomposed accents, as macOS writes them
    ],
)
def test_hostile_file_names_become_plain_names(
    session: Session, need_id: int, given: str, kept: str
) -> None:
    assert safe_name(given) == kept
    attachment_id = dossier.attach_file(session, need_id, given, b"x")
    assert dq.attachment(session, attachment_id).name == kept


def test_a_name_of_more_than_255_bytes_is_cut_keeping_its_extension(
    session: Session, need_id: int
) -> None:
    long = "é" * 200 + ".pdf"  # 404 bytes in UTF-8
    first = dq.attachment(session, dossier.attach_file(session, need_id, long, b"1"))
    second = dq.attachment(session, dossier.attach_file(session, need_id, long, b"2"))
    for shown in (first.name, second.name):
        assert len(shown.encode()) <= 255 and shown.endswith(".pdf")
    assert second.name.endswith(" (2).pdf")
    third = dq.attachment(session, dossier.attach_file(session, need_id, "Capture.PNG", b"3"))
    fourth = dq.attachment(session, dossier.attach_file(session, need_id, "capture.png", b"4"))
    assert (third.name, fourth.name) == ("Capture.PNG", "capture (2).png")
    assert dq.attachment_named(session, need_id, "CAPTURE (2).PNG").id == fourth.id


def test_a_file_over_25_mb_is_refused_with_its_size(session: Session, need_id: int) -> None:
    limit = dossier.MAX_ATTACHMENT_BYTES
    dossier.attach_file(session, need_id, "juste.bin", bytes(limit))
    with pytest.raises(ValidationError) as refused:
        dossier.attach_file(session, need_id, "trop.bin", bytes(limit + 1))
    assert refused.value.render("en").startswith(
        "“trop.bin” is 25\u00a0MB: a file attached to a need is limited to 25\u00a0MB."
    )
    assert refused.value.render("fr").startswith("«\u00a0trop.bin\u00a0» fait 25\u00a0Mo")
    assert dq.attachment_totals(session) == (1, limit)


def test_totals_per_need_and_per_workspace(session: Session, project_id: int) -> None:
    a = needs.create_need(session, needs.NeedInput("A", "", project_id))
    b = needs.create_need(session, needs.NeedInput("B", "", project_id))
    dossier.attach_file(session, a, "a.txt", b"12345")
    dossier.attach_file(session, a, "b.txt", b"678")
    dossier.attach_file(session, b, "c.txt", b"9")
    assert dossier.attachment_total(session, a) == (2, 8)
    assert dq.dossier(session, a).attachment_bytes == 8
    assert dq.attachment_totals(session) == dossier.attachment_total(session) == (3, 9)


def test_deleting_a_need_takes_its_files_and_undo_brings_them_back(
    session: Session, need_id: int
) -> None:
    dossier.attach_file(session, need_id, "capture.png", PNG)
    dossier.add_comment(session, need_id, "Vu")
    change = act(session, lambda s: needs.delete_needs(s, [need_id]))
    assert session.scalar(select(func.count()).select_from(AttachmentData)) == 0
    assert session.scalar(select(func.count()).select_from(Attachment)) == 0
    undo(session, change)
    assert _bytes_of(session, need_id) == {"capture.png": PNG}
    assert [c.text for c in dq.comments(session, need_id)] == ["Vu"]


# ----- the archive --------------------------------------------------------------------------


def test_archive_and_restore_by_action(session: Session, project_id: int) -> None:
    ids = [needs.create_need(session, needs.NeedInput(f"B{i}", "", project_id)) for i in range(3)]
    assert archive.archive_needs(session, ids[:2]) == ids[:2]
    rows = {row.id: row for row in queries.need_rows(session)}  # what the board reads
    assert [rows[i].archived_at is not None for i in ids] == [True, True, False]
    assert archive.archive_needs(session, ids) == [ids[2]]  # the others already were
    with pytest.raises(Exception, match="ERP-1 is already archived"):
        archive.archive_needs(session, ids[:1])
    with pytest.raises(Exception, match="These 2 needs are already archived"):
        archive.archive_needs(session, ids[:2])
    assert archive.restore_needs(session, ids) == ids
    with pytest.raises(Exception, match="ERP-2 is not archived"):
        archive.restore_needs(session, ids[1:2])
    assert all(session.get(Need, i).archived_at is None for i in ids)  # type: ignore[union-attr]


def test_done_needs_leave_the_board_after_the_workspace_s_days(
    session: Session, project_id: int
) -> None:
    assert archive.auto_archive_days(session) == 14  # a new workspace's default
    done = _columns(session)[-1]
    old, recent, restored = (
        needs.create_need(session, needs.NeedInput(t, "Défi", project_id, column_id=done))
        for t in ("Ancien", "Récent", "Rappelé")
    )
    now = utcnow()
    for need_id, age in ((old, 20), (recent, 3), (restored, 40)):
        session.get(Need, need_id).done_at = now - timedelta(days=age)  # type: ignore[union-attr]
    session.commit()
    archive.archive_needs(session, [restored])
    archive.restore_needs(session, [restored])  # brought back by hand: it stays
    now = utcnow()
    assert archive.archive_done_needs(session, now=now) == [old]
    assert archive.archive_done_needs(session, now=now) == []
    reasons = [i.new for i in dq.activity(session, old) if i.kind == "archive"]
    assert reasons == ["auto"]

    archive.set_auto_archive_days(session, 2)
    assert archive.archive_done_needs(session, now=now) == [recent]
    archive.set_auto_archive_days(session, None)
    assert archive.auto_archive_days(session) is None
    with pytest.raises(ValidationError, match="not a valid number"):
        archive.set_auto_archive_days(session, "1,5")
    with pytest.raises(ValidationError, match="between 0 and 3650"):
        archive.set_auto_archive_days(session, 5000)


def test_an_upgraded_workspace_keeps_its_done_needs_on_the_board(tmp_path: Path) -> None:
    path = tmp_path / "ancien.podb"
    shutil.copy(FIXTURES / "schema-0004.podb", path)
    with open_database(path) as db, db.session() as s:
        assert archive.auto_archive_days(s) is None
        assert archive.archive_done_needs(s, now=datetime(2040, 1, 1)) == []
        assert s.scalar(select(func.count()).where(Need.archived_at.is_not(None))) == 0


# ----- similar needs ------------------------------------------------------------------------


def test_the_three_most_similar_needs_regardless_of_accents_and_case(
    session: Session, project_id: int
) -> None:
    titles = [
        "Relance automatique des factures impayées",
        "Tableau de bord RH",
        "Relances clients : factures en retard",
        "Facturation électronique Chorus",
        "Congés d'été des équipes",
        "Relance des devis",
    ]
    ids = {t: needs.create_need(session, needs.NeedInput(t, "", project_id)) for t in titles}
    found = dq.similar_needs(session, "RELANCE FACTURES IMPAYEES")
    assert [f.title for f in found] == [titles[0], titles[2]]  # one word of three: too far
    assert found[0].key == "ERP-1" and found[0].score > found[1].score
    assert len(dq.similar_needs(session, "relance des factures")) == 3
    assert [f.title for f in dq.similar_needs(session, "conges ete")] == [titles[4]]
    assert dq.similar_needs(session, "les des pour") == []  # little words say nothing
    assert dq.similar_needs(session, "Migration du serveur de mails") == []
    without = dq.similar_needs(session, titles[0], exclude=[ids[titles[0]]])
    assert titles[0] not in [f.title for f in without]


def test_similar_needs_follow_edits_undo_and_the_archive(session: Session, project_id: int) -> None:
    need_id = needs.create_need(session, needs.NeedInput("Portail revendeurs", "", project_id))
    assert [f.id for f in dq.similar_needs(session, "portail")] == [need_id]
    edit = needs.need_input(needs.find_need(session, need_id))
    edit.title = "Extranet distributeurs"
    change = act(session, lambda s: needs.update_need(s, need_id, edit))
    assert dq.similar_needs(session, "portail") == []
    undo(session, change)
    assert [f.id for f in dq.similar_needs(session, "portail")] == [need_id]
    archive.archive_needs(session, [need_id])
    [found] = dq.similar_needs(session, "portail revendeurs")
    assert found.archived and found.column == "À qualifier"  # "already asked for" is news too
