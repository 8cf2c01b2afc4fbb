"""The need's dossier in the need dialog, as a user drives it: comments and activity, files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from helpers.keys import type_text
from helpers.workspace import FIXTURES
from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop.domain.enums import LinkKind, LinkRole
from po_desktop.store import dossier_queries, queries
from po_desktop.store.database import Database
from po_desktop.store.services import dossier, links, needs, projects
from po_desktop.store.services.import_types import NeedRecord
from po_desktop.store.services.importing import import_needs
from po_desktop.ui.feedback import Purpose
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.need_dossier import linked_html
from po_desktop.ui.need_files import FilesPanel
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        needs.create_need(s, needs.NeedInput("Relances", "Défi : gagner du temps", erp.id))
        needs.create_need(s, needs.NeedInput("Export", "Défi : exporter", erp.id))
        dossier.add_comment(s, 1, "Vu avec la compta", author_name="Someone else")
    win = MainWindow(Workspace(db))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.workspace.undo_stack.clear()


def _dialog(window: MainWindow, qtbot: QtBot) -> NeedDialog:
    dialog = NeedDialog(window.workspace, need_id=1, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _files(window: MainWindow, qtbot: QtBot) -> tuple[NeedDialog, FilesPanel]:
    dialog = _dialog(window, qtbot)
    assert dialog.files is not None
    return dialog, dialog.files


def _drop(*paths: Path) -> QDropEvent:
    """Files dropped from a file manager."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    mime.setParent(None)
    _dropped.append(mime)  # alive as long as the event reads it
    return QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


_dropped: list[QMimeData] = []


def _mail(path: Path, sender: str, subject: str) -> Path:
    """An e-mail saved by a mail program."""
    path.write_text(
        f"From: {sender}\r\nTo: po@example.org\r\nSubject: {subject}\r\n"
        "Date: Mon, 7 Dec 2026 09:00:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nÀ faire.\r\n",
        encoding="utf-8",
        newline="",
    )
    return path


def _lines(dialog: NeedDialog) -> list[str]:
    assert dialog.dossier is not None
    model = dialog.dossier.model
    return [str(model.data(model.index(i))) for i in range(model.rowCount())]


def test_comment_edit_delete_and_undo_in_the_timeline(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _dialog(window, qtbot)
    panel = dialog.dossier
    assert panel is not None and dialog.tabs is not None
    dialog.tabs.setCurrentWidget(panel)
    assert any("Created in" in line for line in _lines(dialog))
    assert not panel.edit_button.isEnabled()  # someone else's comment
    type_text(panel.editor, "See https://intra.example/ticket?id=4&x=<b>")
    panel.add_button.click()
    assert panel.count.text() == "2 comments"
    html = panel.reader.toHtml()
    assert 'href="https://intra.example/ticket?id=4&amp;x=' in html
    assert "<b>" not in panel.reader.toPlainText() or "&lt;b&gt;" in html
    assert panel.edit_button.isEnabled()  # one's own comment, just written
    panel.edit_button.click()
    assert panel.editor.toPlainText().startswith("See https://")
    panel.editor.setPlainText("Corrected")
    panel.edit_button.click()
    comments = window.workspace.read(lambda s: dossier_queries.comments(s, 1))
    assert comments[-1].text == "Corrected" and comments[-1].author == window.workspace.author.name
    panel.delete_button.click()
    assert any("A comment was deleted" in line for line in _lines(dialog))
    window.workspace.undo_stack.undo()
    assert panel.count.text() == "2 comments"
    panel.comments_only.setChecked(True)
    assert panel.model.rowCount() == 2
    assert all(item.comment is not None for item in panel.model.items)


def test_linked_html_escapes_user_text() -> None:
    assert linked_html("<script>") == "&lt;script&gt;"
    assert linked_html("a\nhttp://x.org/a.") == 'a<br><a href="http://x.org/a">http://x.org/a</a>.'


def test_files_attach_open_save_remove(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback, tmp_path: Path
) -> None:
    _, files = _files(window, qtbot)
    note = tmp_path / "note.txt"
    note.write_text("bonjour", encoding="utf-8")
    feedback.files[Purpose.ATTACHMENT] = note
    files.add_button.click()
    assert files.model.rowCount() == 1
    assert files.total.text() == "1 file, 7\u00a0bytes in all"
    files.files.setCurrentIndex(files.model.index(0))
    files.open_button.click()
    assert feedback.opened and feedback.opened[-1].read_bytes() == b"bonjour"
    assert feedback.opened[-1].name == "note.txt"
    target = tmp_path / "out" / "copy.txt"
    target.parent.mkdir()
    feedback.files[Purpose.ATTACHMENT] = target
    files.save_button.click()
    assert target.read_bytes() == b"bonjour"
    files.remove_button.click()
    assert files.model.rowCount() == 0
    window.workspace.undo_stack.undo()
    assert files.model.rowCount() == 1


def test_a_program_is_never_opened_only_saved(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    _, files = _files(window, qtbot)
    assert files.attach("setup.exe", b"MZ")
    files.files.setCurrentIndex(files.model.index(0))
    files.open_button.click()
    assert not feedback.opened
    assert "is a program" in feedback.warnings[-1]


def test_files_dropped_on_the_dialog_and_a_pasted_screenshot(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog, files = _files(window, qtbot)
    first, second = tmp_path / "a.pdf", tmp_path / "b.csv"
    first.write_bytes(b"%PDF-1.4")
    second.write_bytes(b"x;y")
    dialog.dropEvent(_drop(first, second))
    assert sorted(item.name for item in files.model.items) == ["a.pdf", "b.csv"]
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    QGuiApplication.clipboard().setImage(image)
    assert files.paste_image()
    png = [item for item in files.model.items if item.name.endswith(".png")]
    assert png and png[0].media_type == "image/png"
    files.files.setCurrentIndex(files.model.index(files.model.items.index(png[0])))
    assert files.preview.pixmap() is not None and not files.preview.pixmap().isNull()


def test_a_file_over_the_limit_is_refused_with_the_limit(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    _, files = _files(window, qtbot)
    big = tmp_path / "film.mp4"
    with big.open("wb") as out:
        out.truncate(dossier.MAX_ATTACHMENT_BYTES + 1)
    assert files.attach_paths([big]) == 0
    assert "limited to" in files.error.text()
    assert files.model.rowCount() == 0


def test_links_made_removed_and_a_duplicate_merged(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    dialog = _dialog(window, qtbot)
    panel = dialog.links
    assert panel is not None and dialog.tabs is not None
    dialog.tabs.setCurrentWidget(panel)
    panel.role.setCurrentIndex(panel.role.findData(LinkRole.BLOCKED_BY))
    panel.other.setText("erp-2")
    panel.add_button.click()
    assert [link.role for link in panel.model.items] == [LinkRole.BLOCKED_BY]
    assert "is blocked by ERP-2" in str(panel.model.data(panel.model.index(0)))
    panel.links.setCurrentIndex(panel.model.index(0))
    panel.remove_button.click()
    assert panel.model.rowCount() == 0
    panel.other.setText("nothing like it")
    panel.add_button.click()
    assert "Choose the other need" in panel.error.text()
    panel.other.setText("ERP-2 — Export")
    panel.merge_button.click()
    assert "duplicate of ERP-2" in feedback.questions[-1]
    rows = {row.id: row for row in window.need_rows}
    assert rows[1].archived_at is not None
    window.workspace.undo_stack.undo()
    assert {row.id: row for row in window.need_rows}[1].archived_at is None


def test_archive_leaves_the_board_and_the_archived_scope_shows_it(window: MainWindow) -> None:
    board = window.board
    board.select_needs([1], 1)
    window.actions.archive_action.trigger()
    keys = [row.key for cell in board.model.cells() for row in cell.rows()]
    assert "ERP-1" not in keys and "ERP-2" in keys
    scope = board.filters.scope
    scope.setCurrentIndex(scope.findData("archived"))
    keys = [row.key for cell in board.model.cells() for row in cell.rows()]
    assert keys == ["ERP-1"]
    board.select_needs([1], 1)
    window.actions.restore_need_action.trigger()
    scope.setCurrentIndex(scope.findData("all"))
    keys = [row.key for cell in board.model.cells() for row in cell.rows()]
    assert "ERP-1" in keys
    window.workspace.undo_stack.undo()
    keys = [row.key for cell in board.model.cells() for row in cell.rows()]
    assert "ERP-1" not in keys


def test_quick_capture_shows_similar_needs_and_saves_a_title_alone(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = NeedDialog(window.workspace, parent=window, project_id=1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.similar is not None and not dialog.similar.isVisible()
    type_text(dialog.title, "Relances clients")
    qtbot.waitUntil(lambda: dialog.similar is not None and dialog.similar.isVisible())
    assert "ERP-1" in dialog.similar.text()
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert any(row.title == "Relances clients" for row in window.need_rows)


def test_an_email_dropped_on_the_new_need_dialog_makes_the_need(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    mail = _mail(tmp_path / "demande.eml", "Anne Roy <anne@client.fr>", "Export des factures")
    dialog = NeedDialog(window.workspace, parent=window, project_id=1)
    qtbot.addWidget(dialog)
    dialog.dropEvent(_drop(mail))
    assert dialog.result() == dialog.DialogCode.Accepted
    row = next(row for row in window.need_rows if row.id == dialog.saved_need_id)
    assert (row.title, row.requester) == ("Export des factures", "Anne Roy")
    # Anne is a person of the workspace now, with her address: her next mail finds her.
    anne = [p for p in window.workspace.read(queries.people) if p.name == "Anne Roy"]
    assert [p.email for p in anne] == ["anne@client.fr"]


def test_an_outlook_message_dropped_on_the_new_need_dialog_makes_the_need(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    mail = tmp_path / "brouillon.msg"
    mail.write_bytes((FIXTURES / "mail" / "outlook-draft.msg").read_bytes())
    dialog = NeedDialog(window.workspace, parent=window, project_id=1)
    qtbot.addWidget(dialog)
    dialog.dropEvent(_drop(mail))
    assert dialog.result() == dialog.DialogCode.Accepted
    row = next(row for row in window.need_rows if row.id == dialog.saved_need_id)
    assert (row.title, row.requester) == ("Test subject", "")  # a draft names no sender


def test_cards_show_blocked_their_epic_and_an_epics_progress(window: MainWindow) -> None:
    board = window.board
    window.workspace.perform("Link", lambda s: links.link_needs(s, 2, LinkKind.PARENT, 1))
    window.workspace.perform("Link", lambda s: links.link_needs(s, 2, LinkKind.BLOCKS, 1))
    texts = [text for text, _colour in board._badges(1)]
    assert texts == ["blocked", "ERP-2"]
    assert [text for text, _colour in board._badges(2)] == ["0/0 pts"]
    window.workspace.undo_stack.undo()
    assert [text for text, _colour in board._badges(1)] == ["ERP-2"]


def test_the_auto_archive_setting_is_kept_in_the_workspace_and_undone(
    window: MainWindow, qtbot: QtBot
) -> None:
    from po_desktop.store.services import archive
    from po_desktop.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window.workspace, window)
    qtbot.addWidget(dialog)
    before = window.workspace.read(archive.auto_archive_days)
    dialog.auto_archive.setValue(0)
    assert dialog.auto_archive.text() == "Never"
    dialog.accept()
    assert window.workspace.read(archive.auto_archive_days) is None
    window.workspace.undo_stack.undo()
    assert window.workspace.read(archive.auto_archive_days) == before


def test_the_need_dialog_archives_and_restores_its_need(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _dialog(window, qtbot)
    assert dialog.archive_button is not None
    dialog.archive_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert {row.id: row for row in window.need_rows}[1].archived_at is not None
    again = _dialog(window, qtbot)
    assert again.archive_button is not None and again.archive_button.text() == "Res&tore"
    again.archive_button.click()
    assert {row.id: row for row in window.need_rows}[1].archived_at is None


def test_an_email_dropped_on_the_board_becomes_a_need(
    window: MainWindow, tmp_path: Path, feedback: FakeFeedback
) -> None:
    mail = _mail(tmp_path / "question.eml", "bob@client.fr", "Badge perdu")
    window.board.dropEvent(_drop(mail))
    assert any(row.title == "Badge perdu" for row in window.need_rows)
    not_mail = tmp_path / "photo.eml"
    not_mail.write_bytes(b"\x89PNG\r\n")
    window.board.dropEvent(_drop(not_mail))
    assert "is not an e-mail" in feedback.warnings[-1]


def test_an_outlook_message_dropped_on_the_board_becomes_a_need(
    window: MainWindow, tmp_path: Path, feedback: FakeFeedback
) -> None:
    mail = tmp_path / "Demande.msg"
    mail.write_bytes((FIXTURES / "mail" / "jotlmsg-sent.msg").read_bytes())
    window.board.dropEvent(_drop(mail))
    row = next(row for row in window.need_rows if row.title == "This is a message")
    assert row.requester == "sender@jotlmsg.com"
    [attached] = window.workspace.read(lambda s: dossier_queries.attachments(s, row.id))
    assert attached.name == "Demande.msg"
    window.workspace.undo_stack.undo()
    assert not any(row.title == "This is a message" for row in window.need_rows)

    word = tmp_path / "compte rendu.msg"  # a Compound File that is no message
    word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    window.board.dropEvent(_drop(word))
    assert "compte rendu.msg is not an e-mail" in feedback.warnings[-1]


class _Browser(QObject):
    """Stands for the web browser: records the addresses the app asks it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_the_dialog_shows_where_an_imported_need_comes_from(
    window: MainWindow, db: Database, qtbot: QtBot
) -> None:
    card = "https://trello.com/c/AbCd0001/12-suivre-<b>commande</b>"
    with db.session() as s:
        import_needs(
            s,
            [
                NeedRecord(
                    title="Suivre ma commande",
                    problem="Défi : savoir où en est la commande",
                    project="ERP",
                    external_ref=card,
                    create_missing="Trello",
                ),
                NeedRecord(
                    title="Factures",
                    problem="Défi : exporter",
                    project="ERP",
                    external_ref="SMRGR-2643",
                    create_missing="Jira",
                ),
            ],
        )
    plain = NeedDialog(window.workspace, need_id=1, parent=window)  # made in the app
    qtbot.addWidget(plain)
    assert plain.external_ref.isHidden() and plain.external_ref_label.isHidden()
    plain.reject()

    jira = NeedDialog(window.workspace, need_id=4, parent=window)
    qtbot.addWidget(jira)
    jira.show()
    assert jira.external_ref_label.text() == "External reference"
    assert jira.external_ref.isVisible() and jira.external_ref.text() == "SMRGR-2643"
    assert jira.external_ref.textFormat() == Qt.TextFormat.PlainText  # a key, no link
    jira.reject()

    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        dialog = NeedDialog(window.workspace, need_id=3, parent=window)
        qtbot.addWidget(dialog)
        dialog.show()
        label = dialog.external_ref
        assert label.isVisible() and label.textFormat() == Qt.TextFormat.RichText
        assert "&lt;b&gt;commande&lt;/b&gt;" in label.text()  # the address, as text
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(8, label.height() // 2))
        assert browser.opened == [QUrl(card).toString()]
        dialog.title.setText("Suivre ma commande en ligne")
        dialog.save()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    with db.session() as s:
        assert needs.find_need(s, 3).external_ref == card  # read-only: saving keeps it
