"""Sending the decision and printing cards from the window, as a product owner does it:
the card menu, the scoring form, the menus; the feedback double answers the dialogs."""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import date, timedelta
from email import policy
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from pytestqt.qtbot import QtBot

from po_desktop.store.database import Database
from po_desktop.store.services import needs, projects, scoring, sprints
from po_desktop.ui.feedback import Purpose, Unsaved
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.printout_dialogs import PrintCardsDialog, SendDecisionDialog
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    today = date.today()
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP")).id
        sprint = sprints.create_sprint(
            s, sprints.SprintInput("Sprint 12", today, today + timedelta(days=13))
        )
        for title in ("Relances", "Paie", "Congés"):
            needs.create_need(
                s,
                needs.NeedInput(
                    title, "Défi", erp, requester="marie@example.org", points=3, sprint_id=sprint
                ),
            )
        values = {c.key: "3" for c in scoring.active_model(s).criteria}
        scoring.assess_need(s, 1, scoring.AssessmentInput(values, "go", "Utile", "Claire"))
    win = MainWindow(Workspace(db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.close()


def _menu_action(menu: QMenu, text: str) -> object:
    found = [a for a in menu.actions() if a.text() == text]
    assert len(found) == 1, [a.text() for a in menu.actions()]
    return found[0]


def _write_in(folder: Path, lang: str = "en") -> object:
    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, SendDecisionDialog)
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        dialog.choose_folder()  # the chooser answers with the folder
        assert dialog.folder_edit.text() == str(folder)
        return True

    return answer


def test_the_card_menu_sends_the_decision_and_opens_the_draft(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    folder = tmp_path / "lettres"
    folder.mkdir()
    feedback.files[Purpose.LETTER] = folder
    feedback.on_dialog = _write_in(folder, "fr")
    window.board.select_need(1)
    menu = window.board.card_menu([1])
    _menu_action(menu, "Send the decision…").trigger()  # type: ignore[attr-defined]
    pdf, eml = folder / "decision-ERP-1.pdf", folder / "decision-ERP-1.eml"
    assert pdf.is_file() and eml.is_file()
    assert "Go : nous le ferons." in PdfReader(pdf).pages[0].extract_text().replace("\xa0", " ")
    assert feedback.opened == [eml]  # the mail program gets the draft
    draft = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert draft["X-Unsent"] == "1" and str(draft["To"]) == "marie@example.org"
    assert not feedback.warnings
    # Sent again: the first letter stays as it was sent, the new one beside it.
    menu = window.board.card_menu([1])
    _menu_action(menu, "Send the decision…").trigger()  # type: ignore[attr-defined]
    assert (folder / "decision-ERP-1 (2).pdf").is_file()
    assert (folder / "decision-ERP-1 (2).eml").is_file()


def test_a_need_never_scored_is_explained_not_failed(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    window.board.select_need(2)
    window.actions.decision_action.trigger()
    assert feedback.texts("inform") == [
        "ERP-2 has not been scored yet: there is no decision to send. Score it with the "
        "requester first (Scoring view)."
    ]
    assert feedback.dialogs == []


def test_the_scoring_form_saves_what_is_typed_before_sending(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    feedback.files[Purpose.LETTER] = folder
    feedback.on_dialog = _write_in(folder)
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    window.scoring.list.select_need(2)
    form = window.scoring.form
    for box in form.inputs.values():
        box.setText("2")
    form.decision.setCurrentIndex(form.decision.findData("explore"))
    form.rationale.setPlainText("Étude de coût d'abord")
    feedback.answers = [Unsaved.SAVE]
    form.send_button.click()
    pdf = folder / "decision-ERP-2.pdf"
    assert pdf.is_file(), feedback.shown
    text = PdfReader(pdf).pages[0].extract_text()
    assert "To explore: we will study it before deciding." in text
    assert "Étude de coût d'abord" in text


def test_cards_print_for_the_selected_needs_or_the_sprint(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    out = tmp_path / "cartes.pdf"
    feedback.files[Purpose.CARDS] = out
    chosen: list[tuple[int | None, int]] = []

    def sheet_of_six(dialog: QDialog) -> bool:
        assert isinstance(dialog, PrintCardsDialog)
        dialog.per_page.setCurrentIndex(dialog.per_page.findData(6))
        chosen.append((dialog.sprint_id(), dialog.cards_per_page()))
        return True

    feedback.on_dialog = sheet_of_six
    window.board.select_needs([1, 3], 1)
    menu = window.board.card_menu([1, 3])
    _menu_action(menu, "Print cards…").trigger()  # type: ignore[attr-defined]
    assert chosen == [(None, 6)]  # the needs right-clicked: their cards
    assert feedback.opened == [out]
    text = PdfReader(out).pages[0].extract_text()
    assert "ERP-1" in text and "ERP-3" in text and "ERP-2" not in text

    def the_sprint(dialog: QDialog) -> bool:
        assert isinstance(dialog, PrintCardsDialog)
        assert dialog.sprint.currentText() == "Sprint 12 (planned)"
        assert dialog.by_sprint.isChecked()  # one card selected: its sprint is offered first
        return True

    feedback.on_dialog = the_sprint
    window.board.select_need(1)
    window.actions.cards_action.trigger()
    text = PdfReader(out).pages[0].extract_text()
    assert all(key in text for key in ("ERP-1", "ERP-2", "ERP-3"))
    assert not feedback.warnings


def test_an_unwritable_folder_is_said_and_nothing_opens(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    feedback.files[Purpose.LETTER] = folder
    feedback.on_dialog = _write_in(folder)
    folder.rmdir()  # taken away between the choice and the writing
    window.board.select_need(1)
    window.actions.decision_action.trigger()
    assert len(feedback.warnings) == 1
    assert "the file or folder does not exist" in feedback.warnings[0]
    assert feedback.opened == []
