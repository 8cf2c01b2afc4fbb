"""The import assistant as a product owner uses it: File ▸ Import, a spreadsheet that is
not quite ours, its columns and statuses mapped, a project for the rows without one, a
preview, then one undoable import (issue 18)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import shiboken6
from helpers.fakes import FakeFeedback
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from po_desktop.store import queries
from po_desktop.store.database import Database
from po_desktop.store.services import needs, projects
from po_desktop.ui import import_dialog
from po_desktop.ui.feedback import Purpose
from po_desktop.ui.import_dialog import ImportDialog
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace

SPREADSHEET = (
    "Clé;Résumé;Problème;État;Points;Commentaire\r\n"
    ";Relances automatiques;Les factures partent en retard;À faire;2,5;urgent\r\n"
    ";Tableau des ventes;Les chiffres arrivent tard;En cours;5;\r\n"
    ";Badge visiteurs;L'accueil note tout sur papier;Fait;;à revoir\r\n"
)
"""As a PO brings it: a title called "Résumé", statuses unlike the board's columns, no
project column, a column we do not know."""


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        needs.create_need(s, needs.NeedInput("Factures", "Relances manuelles", erp.id))
    win = MainWindow(Workspace(db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.workspace.undo_stack.clear()


def spreadsheet(tmp_path: Path, text: str = SPREADSHEET, name: str = "besoins.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def mapped(dialog: ImportDialog) -> dict[str, str]:
    """Each column of the file and what it is imported as, as the table shows it."""
    return {
        dialog.mapping_table.item(row, 0).text(): dialog.combos[row].currentText()
        for row in range(dialog.mapping_table.rowCount())
    }


def statuses(dialog: ImportDialog) -> dict[str, QComboBox]:
    return {value: combo for value, combo in dialog.status_combos}


def run_assistant(
    window: MainWindow, feedback: FakeFeedback, path: Path, fill: Callable[[ImportDialog], None]
) -> None:
    feedback.files[Purpose.IMPORT] = path

    def on_dialog(dialog: QDialog) -> bool:
        assert isinstance(dialog, ImportDialog)
        accepted: list[bool] = []  # (closed, it is deleted once events are processed)
        dialog.accepted.connect(lambda: accepted.append(True))
        dialog.show()
        QApplication.processEvents()
        fill(dialog)
        return bool(accepted)

    feedback.on_dialog = on_dialog
    window.actions.import_action.trigger()


def test_a_spreadsheet_is_mapped_previewed_and_imported_as_one_undoable_step(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path, qtbot: QtBot
) -> None:
    before = {row.key for row in window.need_rows}

    def fill(dialog: ImportDialog) -> None:
        assert dialog.summary.text() == "besoins.csv — 3 rows of needs"
        assert mapped(dialog) == {
            "Clé": "Key",
            "Résumé": "— left out —",
            "Problème": "Problem statement",
            "État": "— left out —",
            "Points": "Story points",
            "Commentaire": "— left out —",
        }
        choose(dialog.combos[1], "Title")
        dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)
        assert dialog.error.text() == (
            "Type the project of the needs below, or choose the file's column for it."
        )
        dialog.project.setCurrentText("web")
        previewed = (
            "Preview, nothing was imported: 3 needs to create, 0 to update, "
            "0 to skip as unchanged, 1 project to create (WEB)."
        )
        qtbot.waitUntil(lambda: dialog.counts.text() == previewed)  # once the typing pauses
        choose(dialog.combos[3], "Status")
        found = statuses(dialog)
        assert list(found) == ["À faire", "En cours", "Fait"]
        assert {v: c.currentText() for v, c in found.items()} == {
            "À faire": "À qualifier",  # no column of that name: the first one
            "En cours": "En cours",
            "Fait": "À qualifier",
        }
        choose(found["Fait"], "Terminé")
        preview = dialog.preview_table
        assert [preview.item(r, 1).text() for r in range(preview.rowCount())] == ["to create"] * 3
        assert preview.item(0, 3).text() == "Relances automatiques"
        dialog.import_button.click()

    run_assistant(window, feedback, spreadsheet(tmp_path), fill)
    rows = {row.key: row for row in window.need_rows}
    assert {k: (rows[k].title, rows[k].column_name) for k in set(rows) - before} == {
        "WEB-1": ("Relances automatiques", "À qualifier"),
        "WEB-2": ("Tableau des ventes", "En cours"),
        "WEB-3": ("Badge visiteurs", "Terminé"),
    }
    assert rows["WEB-1"].points == 2.5
    assert window.notice_bar.label.text() == (
        "Import done: 3 needs created, 0 updated, 0 skipped as unchanged, 1 project created (WEB)."
    )
    assert window.actions.undo_action.isEnabled()
    window.actions.undo_action.trigger()  # one step takes it all back, the project too
    assert {row.key for row in window.need_rows} == before
    assert window.host.read(lambda s: [p.code for p in queries.projects(s)]) == ["ERP"]


def test_the_mapping_is_remembered_for_the_next_file_of_that_shape(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    def first(dialog: ImportDialog) -> None:
        choose(dialog.combos[1], "Title")
        choose(dialog.combos[3], "Status")
        choose(statuses(dialog)["Fait"], "Terminé")
        dialog.project.setCurrentText("WEB")
        dialog.import_button.click()

    run_assistant(window, feedback, spreadsheet(tmp_path), first)
    later = spreadsheet(
        tmp_path,
        "CLÉ;résumé;Problème;Etat;Points;Commentaire\r\n;Nouveau;Défi;fait;;\r\n"
        "WEB-1;Relances automatiques;Les factures partent en retard;À faire;2,5;\r\n",
        "semaine suivante.csv",
    )
    seen: dict[str, object] = {}

    def second(dialog: ImportDialog) -> None:
        seen["mapped"] = mapped(dialog)
        seen["fait"] = statuses(dialog)["fait"].currentText()
        seen["project"] = dialog.project.currentText()
        dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)
        seen["counts"] = dialog.counts.text()
        dialog.import_button.click()

    run_assistant(window, feedback, later, second)
    assert seen == {
        "mapped": {
            "CLÉ": "Key",
            "résumé": "Title",
            "Problème": "Problem statement",
            "Etat": "Status",
            "Points": "Story points",
            "Commentaire": "— left out —",
        },
        "fait": "Terminé",
        "project": "WEB",
        "counts": "Preview, nothing was imported: 1 need to create, 0 to update, "
        "1 to skip as unchanged.",
    }
    rows = {row.key: row for row in window.need_rows}
    assert (rows["WEB-4"].title, rows["WEB-4"].column_name) == ("Nouveau", "Terminé")


def test_a_refused_row_keeps_the_assistant_open_and_writes_nothing(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Titre", "Problème", "Projet", "Points"])
    sheet.append(["Bon", "Défi", "ERP", 3])
    sheet.append(["Mauvais", "Défi", "ERP", "beaucoup"])
    path = tmp_path / "besoins.xlsx"
    workbook.save(path)
    before = {row.key for row in window.need_rows}
    outcome: dict[str, object] = {}

    def fill(dialog: ImportDialog) -> None:
        dialog.import_button.click()
        outcome["error"] = dialog.error.text()
        outcome["open"] = dialog.isVisible()
        dialog.reject()

    run_assistant(window, feedback, path, fill)
    assert outcome == {
        "error": "Line 3: “beaucoup” is not a valid number for “Story points”. "
        "Nothing was imported.",
        "open": True,
    }
    assert {row.key for row in window.need_rows} == before
    assert not window.actions.undo_action.isEnabled()


def test_stop_during_the_import_rolls_everything_back(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    rows = "".join(f";Besoin {i};Défi {i};ERP;;;\r\n" for i in range(2500))
    path = spreadsheet(tmp_path, "Clé;Titre;Problème;Projet;Statut;Points;Commentaire\r\n" + rows)
    before = {row.key for row in window.need_rows}
    outcome: dict[str, object] = {}

    def press_stop() -> None:
        (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog)]
        progress = dialog.findChild(QProgressDialog)
        assert isinstance(progress, QProgressDialog)
        progress.cancel()  # what its Stop button does

    def fill(dialog: ImportDialog) -> None:
        QTimer.singleShot(0, press_stop)
        dialog.import_button.click()
        outcome["error"] = dialog.error.text()
        dialog.reject()

    run_assistant(window, feedback, path, fill)
    assert outcome["error"] == "Import stopped: nothing was imported."
    assert {row.key for row in window.need_rows} == before
    assert not window.actions.undo_action.isEnabled()


def test_a_file_that_cannot_be_read_is_said_and_no_assistant_opens(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    path = tmp_path / "besoins.ods"
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    feedback.files[Purpose.IMPORT] = path
    window.actions.import_action.trigger()
    assert feedback.dialogs == []
    (warning,) = feedback.warnings
    assert "is a LibreOffice spreadsheet (.ods)" in warning


def test_export_writes_a_workbook_or_csv_by_the_name_chosen(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    target = tmp_path / "besoins.xlsx"
    feedback.files[Purpose.EXPORT] = target
    window.actions.export_action.trigger()
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert [c.value for c in sheet[1]][:2] == ["Key", "Title"]
    assert [c.value for c in sheet[2]][:2] == ["ERP-1", "Factures"]
    feedback.files[Purpose.EXPORT] = tmp_path / "besoins.pdf"
    window.actions.export_action.trigger()
    (warning,) = feedback.warnings
    assert "the extension “.pdf” is not an export format" in warning
    assert not (tmp_path / "besoins.pdf").exists()


EXCHANGE = Path(__file__).resolve().parents[1] / "fixtures" / "exchange"


def test_a_jira_export_goes_through_the_assistant_as_one_undoable_step(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    before = {row.key for row in window.need_rows}

    def fill(dialog: ImportDialog) -> None:
        found = statuses(dialog)
        assert {v: c.currentText() for v, c in found.items()} == {
            "In Progress": "En cours",  # Jira's usual statuses, to the default board's columns
            "To Do": "À coter",  # not started: to score first
            "Done": "Terminé",
        }
        choose(found["To Do"], "Prêt")  # this team's « To Do » is ready
        dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)
        assert dialog.counts.text() == (
            "Preview, nothing was imported: 4 needs to create, 0 to update, "
            "0 to skip as unchanged, 1 need without a description kept in the first column "
            "to be qualified. "  # into the workspace's own ERP project
            "3 sprints to create, their dates to check in the calendar: "
            "ERP Sprint 12 (19 Aug 2025 to 1 Sept 2025, from its issues' dates), "
            "ERP Sprint 13 (2 Sept 2025 to 15 Sept 2025, from its issues' dates), "
            "ERP Sprint 11 (30 Jul 2025 to 12 Aug 2025, from its issues' dates)."
        )
        table = dialog.preview_table
        what = {table.item(r, 3).text(): table.item(r, 1).text() for r in range(table.rowCount())}
        assert what["Relancer automatiquement les impayés"] == (  # which one, and why
            "to create in “À qualifier” (no description)"
        )
        assert what["Exporter les factures au format Factur-X"] == "to create"
        dialog.import_button.click()

    run_assistant(window, feedback, EXCHANGE / "jira-cloud-all-fields-en.csv", fill)
    rows = {row.key: row for row in window.need_rows}
    assert {(rows[k].title, rows[k].column_name) for k in set(rows) - before} >= {
        ("Exporter les factures au format Factur-X", "En cours"),
        ("Relancer automatiquement les impayés", "À qualifier"),  # no description
    }
    window.actions.undo_action.trigger()
    assert {row.key for row in window.need_rows} == before


def test_a_trello_board_in_the_assistant_counts_its_archived_cards(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    def fill(dialog: ImportDialog) -> None:
        assert list(statuses(dialog)) == ["Idées", "En cours"]
        dialog.project.setCurrentText("WEB")
        dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)
        assert "2 archived cards left out" in dialog.counts.text()
        dialog.import_button.click()

    run_assistant(window, feedback, EXCHANGE / "trello-board.json", fill)
    assert window.notice_bar.label.text() == (
        "Import done: 3 needs created, 0 updated, 0 skipped as unchanged, "
        "2 archived cards left out, "
        "1 need without a description kept in the first column to be qualified, "
        "1 project created (WEB)."
    )


TRELLO = EXCHANGE / "trello-board.json"
TYPED = "ABCDEFGHIJ"
TRELLO_PREVIEW = (
    "Preview, nothing was imported: 3 needs to create, 0 to update, 0 to skip as unchanged, "
    "2 archived cards left out, "
    "1 need without a description kept in the first column to be qualified, "
    "1 project to create (ABCDEFGHIJ)."
)


class ProgressDialogs(list[QProgressDialog]):
    """Every progress dialog the assistant makes, in order. ``at_once``: they show at
    their first step, as on a long read; ``when_shown`` is called once, when one shows."""

    at_once = False
    when_shown: Callable[[], None] | None = None


@pytest.fixture
def progress_dialogs(monkeypatch: pytest.MonkeyPatch) -> ProgressDialogs:
    made = ProgressDialogs()

    class Counted(QProgressDialog):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            made.append(self)

        def setMinimumDuration(self, ms: int) -> None:
            super().setMinimumDuration(0 if made.at_once else ms)

        def setValue(self, value: int) -> None:
            super().setValue(value)
            if self.isVisible() and made.when_shown is not None:
                call, made.when_shown = made.when_shown, None
                call()

    monkeypatch.setattr(import_dialog, "QProgressDialog", Counted)
    return made


def still_open(dialogs: list[QProgressDialog]) -> list[QProgressDialog]:
    return [d for d in dialogs if shiboken6.isValid(d) and d.isVisible()]


def type_later(widget: QWidget, text: str) -> None:
    """Keys as the window system delivers them: queued, each handled when the event loop
    (or a progress step) gets to it."""
    for char in text:
        key = Qt.Key(ord(char.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.ShiftModifier, char)
            QApplication.postEvent(widget, event)


def test_typing_the_project_on_the_preview_previews_it_once_the_typing_pauses(
    window: MainWindow,
    feedback: FakeFeedback,
    qtbot: QtBot,
    progress_dialogs: ProgressDialogs,
) -> None:
    seen: dict[str, object] = {}

    def fill(dialog: ImportDialog) -> None:
        dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)
        before = len(progress_dialogs)
        qtbot.keyClicks(dialog.project.lineEdit(), TYPED)
        qtbot.waitUntil(lambda: dialog.counts.text() == TRELLO_PREVIEW)
        seen["progress dialogs"] = len(progress_dialogs) - before
        seen["open"] = still_open(progress_dialogs)
        seen["error"] = dialog.error.text()
        seen["field"] = dialog.project.currentText()
        seen["previewed"] = [dialog.preview_table.item(r, 3).text() for r in range(3)]
        dialog.reject()

    run_assistant(window, feedback, TRELLO, fill)
    assert seen == {
        "progress dialogs": 1,  # one preview for the ten keys
        "open": [],
        "error": "",
        "field": TYPED,
        "previewed": [
            "Télécharger mes factures",
            "Suivre ma commande en ligne",
            "Paiement en 3 fois",
        ],
    }


def test_keys_typed_while_the_preview_is_computed_are_kept_and_previewed_after_it(
    window: MainWindow,
    feedback: FakeFeedback,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    progress_dialogs: ProgressDialogs,
) -> None:
    """The tester's crash: each key typed while a preview was computed started another
    preview inside it (the progress step lets events through), which took the first
    one's progress dialog and the database's write lock."""
    previews: list[str] = []
    running = [0]
    deepest = [0]
    real_preview = import_dialog.preview_import

    def preview(*args: Any) -> Any:
        options = args[2]
        previews.append(options.default_project)
        running[0] += 1
        deepest[0] = max(deepest[0], running[0])
        try:
            if len(previews) == 1:  # meanwhile the user types, then clicks Refresh
                type_later(dialog_of(window).project.lineEdit(), TYPED[2:])
                QTimer.singleShot(0, dialog_of(window).refresh_button.click)
            return real_preview(*args)
        finally:
            running[0] -= 1

    monkeypatch.setattr(import_dialog, "preview_import", preview)
    seen: dict[str, object] = {}

    def fill(dialog: ImportDialog) -> None:
        dialog.project.setCurrentText(TYPED[:2])  # a board names no project: one typed
        dialog.project.lineEdit().setFocus()
        dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)
        qtbot.waitUntil(lambda: dialog.counts.text() == TRELLO_PREVIEW)
        seen["field"] = dialog.project.currentText()
        seen["error"] = dialog.error.text()
        seen["open"] = still_open(progress_dialogs)
        dialog.reject()

    run_assistant(window, feedback, TRELLO, fill)
    assert seen == {"field": TYPED, "error": "", "open": []}
    assert deepest == [1]  # never a preview inside another
    assert previews == [TYPED[:2], TYPED]  # the first one, dropped when Refresh came, then one
    assert len(progress_dialogs) == 1 + 2  # reading the file, then the two previews


def test_keys_typed_while_a_long_preview_shows_its_progress_reach_the_form(
    window: MainWindow,
    feedback: FakeFeedback,
    qtbot: QtBot,
    tmp_path: Path,
    progress_dialogs: ProgressDialogs,
) -> None:
    """A large file: the preview's progress dialog shows. Modal, it took the keys the
    user went on typing, and they were lost."""
    rows = "".join(f";Besoin {i};Défi {i};ERP;;\r\n" for i in range(2500))
    path = spreadsheet(tmp_path, "Clé;Titre;Problème;Projet;Statut;Points\r\n" + rows)
    seen: dict[str, object] = {}

    def fill(dialog: ImportDialog) -> None:
        dialog.project.lineEdit().setFocus()
        window_handle = dialog.windowHandle()

        def type_on() -> None:  # through the window system, as the keyboard does
            for char in TYPED:
                QTest.keyClick(window_handle, char)

        progress_dialogs.at_once = True  # as if reading took long
        progress_dialogs.when_shown = type_on
        before = len(progress_dialogs)
        dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)  # a long preview starts
        # It, then the one for the project typed meanwhile:
        qtbot.waitUntil(
            lambda: len(progress_dialogs) == before + 2 and not still_open(progress_dialogs)
        )
        seen["field"] = dialog.project.currentText()
        seen["error"] = dialog.error.text()
        seen["counts"] = dialog.counts.text()
        dialog.reject()

    run_assistant(window, feedback, path, fill)
    assert seen == {
        "field": TYPED,
        "error": "",
        "counts": "Preview, nothing was imported: 2,500 needs to create, 0 to update, "
        "0 to skip as unchanged.",
    }


def test_import_pressed_while_the_preview_is_computed_imports_after_it(
    window: MainWindow,
    feedback: FakeFeedback,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    real_preview = import_dialog.preview_import
    asked = [0]

    def preview(*args: Any) -> Any:
        asked[0] += 1
        if asked[0] == 1:
            dialog = dialog_of(window)
            type_later(dialog.project.lineEdit(), TYPED[2:])
            QTimer.singleShot(0, dialog.import_button.click)
        return real_preview(*args)

    monkeypatch.setattr(import_dialog, "preview_import", preview)

    def fill(dialog: ImportDialog) -> None:
        dialog.project.setCurrentText(TYPED[:2])
        dialog.project.lineEdit().setFocus()
        done: list[bool] = []
        dialog.accepted.connect(lambda: done.append(True))
        dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)
        qtbot.waitUntil(lambda: bool(done))

    run_assistant(window, feedback, TRELLO, fill)
    assert window.notice_bar.label.text() == (
        "Import done: 3 needs created, 0 updated, 0 skipped as unchanged, "
        "2 archived cards left out, "
        "1 need without a description kept in the first column to be qualified, "
        "1 project created (ABCDEFGHIJ)."
    )
    assert {row.key.split("-")[0] for row in window.need_rows} == {"ERP", TYPED}


def dialog_of(window: MainWindow) -> ImportDialog:
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog)]
    return dialog


JIRA = EXCHANGE / "jira-cloud-all-fields-en.csv"


def look(
    seen: dict[str, object], name: str, read: Callable[[ImportDialog], object]
) -> Callable[[ImportDialog], None]:
    """Fills in nothing: notes in ``seen[name]`` what ``read`` finds, then cancels."""

    def fill(dialog: ImportDialog) -> None:
        seen[name] = read(dialog)
        dialog.reject()

    return fill


def tags_and_project(dialog: ImportDialog) -> tuple[str, str]:
    """What the file's labels are imported as, and the project for rows without one."""
    row = dialog.scan.header.index("tags")
    return dialog.combos[row].currentText(), dialog.project.currentText()


@pytest.mark.parametrize(
    ("first", "other", "same_layout"),
    [
        (JIRA, TRELLO, "jira-copy.csv"),
        (TRELLO, JIRA, "trello-copy.json"),
    ],
    ids=["jira-then-trello", "trello-then-jira"],
)
def test_a_trackers_mapping_is_offered_for_its_layout_only(
    window: MainWindow,
    feedback: FakeFeedback,
    tmp_path: Path,
    first: Path,
    other: Path,
    same_layout: str,
) -> None:
    """Every tracker's export is read into the same columns of ours: remembered under
    those, a mapping chosen for a Jira file was a Trello board's too, project and all."""

    def leave_tags_out(dialog: ImportDialog) -> None:
        choose(dialog.combos[dialog.scan.header.index("tags")], "— left out —")
        dialog.project.setCurrentText("WEB")
        dialog.import_button.click()

    run_assistant(window, feedback, first, leave_tags_out)
    copy = tmp_path / same_layout
    copy.write_bytes(first.read_bytes())
    offered: dict[str, object] = {}
    run_assistant(window, feedback, other, look(offered, "other", tags_and_project))
    run_assistant(window, feedback, copy, look(offered, "same layout", tags_and_project))
    assert offered == {
        "other": ("Tags", ""),  # guessed, as for a file never seen
        "same layout": ("— left out —", "WEB"),
    }


def test_a_trackers_columns_are_named_as_the_file_names_them(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    """Not our internal ids (title, problem, points…): the export's own column names,
    a Trello card's parts as Trello calls them; only the fields the file fills."""
    shown: dict[str, object] = {}
    run_assistant(window, feedback, JIRA, look(shown, "jira", mapped))
    french = EXCHANGE / "jira-server-current-fields-fr.csv"
    run_assistant(window, feedback, french, look(shown, "fr", mapped))
    run_assistant(window, feedback, TRELLO, look(shown, "trello", mapped))
    assert shown == {
        "jira": {
            "Summary": "Title",
            "Description": "Problem statement",
            "Project key": "Project",
            "Status": "Status",
            "Custom field (Story Points), Custom field (Story point estimate)": "Story points",
            "Sprint": "Sprint",
            "Labels": "Tags",
            "Reporter": "Requester",  # no acceptance criteria in Jira: no row for them
        },
        "fr": {
            "Résumé": "Title",
            "Description": "Problem statement",
            "Clé de ticket": "Project",  # no project column: the key's prefix
            "État": "Status",
            "Champ personnalisé (Story Points)": "Story points",
            "Sprint": "Sprint",
            "Libellés": "Tags",
            "Rapporteur": "Requester",
        },
        "trello": {  # a board has no project, points, sprint nor requester: no empty rows
            "Card name": "Title",
            "Description": "Problem statement",
            "List": "Status",
            "Labels": "Tags",
            "Checklists": "Acceptance criteria",
        },
    }


def test_an_import_that_changes_nothing_offers_no_undo(window: MainWindow, tmp_path: Path) -> None:
    """Every row as stored: the notice says so, with no Undo button (it would have undone
    the step before, the only one on the stack)."""
    window.host.workspace.perform(
        "Rename", lambda s: projects.update_project(s, 1, projects.ProjectInput("ERP", "ERP"))
    )
    steps = window.workspace.undo_stack.count()
    same = spreadsheet(
        tmp_path, "Clé;Titre;Défi à relever;Projet\nERP-1;Factures;Relances manuelles;ERP\n"
    )
    result = window.exchange.import_file(same)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert window.workspace.undo_stack.count() == steps
    assert "1 skipped as unchanged" in window.notice_bar.label.text()
    assert window.notice_bar.buttons == []


def test_a_long_example_reads_on_one_line_and_whole_in_its_tooltip(
    window: MainWindow, tmp_path: Path
) -> None:
    """Wrapped in its cell, a long problem statement was cut mid-word on its third line
    with nothing to say so: now one line, ended with "…" where it is cut, and its whole
    first line in the tooltip."""
    from po_desktop.ui.import_dialog import ImportDialog

    problem = "Les gestionnaires de paie perdent deux heures par semaine à ressaisir " * 3
    path = spreadsheet(tmp_path, f"Titre;Problème;Projet\r\nRelances;{problem};ERP\r\n")
    dialog = ImportDialog(window.host, path, window)
    table = dialog.mapping_table
    assert not table.wordWrap()
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    example = table.item(1, 1)
    assert example is not None and example.toolTip() == problem.strip()
    dialog.close()


def test_the_assistant_is_used_with_the_keyboard_alone(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mapping table is one stop of the Tab key (Tab went from cell to cell and back
    to the first, never reaching the project or Import); the arrows pick a row, Space
    opens its choice; Enter on the preview imports (it refreshed the preview again)."""
    path = spreadsheet(tmp_path)
    dialog = ImportDialog(window.host, path, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.mapping_table
    table.setFocus()
    table.setCurrentCell(0, 0)
    QTest.keyClick(table, Qt.Key.Key_Down)
    assert table.currentRow() == 1
    opened: list[QComboBox] = []  # (a popup warns on a screen-less test platform)
    monkeypatch.setattr(QComboBox, "showPopup", lambda combo: opened.append(combo))
    QTest.keyClick(table, Qt.Key.Key_Space)
    QTest.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert opened == [dialog.combos[1]] * 2  # the row's choice
    table.setFocus()
    reached: list[QWidget] = []
    for _ in range(8):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        reached.append(dialog.focusWidget())
    assert not [w for w in reached if w is not table and table.isAncestorOf(w)]  # no cell stop
    assert any(w is dialog.project or dialog.project.isAncestorOf(w) for w in reached)
    assert dialog.import_button in reached
    dialog.project.setCurrentText("ERP")
    choose(dialog.combos[1], "Title")
    dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)
    qtbot.waitUntil(lambda: "3 needs to create" in dialog.counts.text())
    dialog.refresh_button.setFocus()
    assert dialog.import_button.isDefault() and not dialog.refresh_button.isDefault()
    QTest.keyClick(dialog.refresh_button, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
