"""What the app prints for people outside it: a need's decision letter with its e-mail
draft, for the requester, and cards to cut out for a physical board.

The board's card menu, the lists' menu, the scoring form, the File and Edit menus call
these. Nothing here changes the workspace: the files are written whole beside their
targets, then renamed (see :mod:`po_desktop.reports.export`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from po_desktop.domain.enums import SprintState
from po_desktop.domain.messages import choice_label, language
from po_desktop.store import files, queries
from po_desktop.store.errors import PoDesktopError
from po_desktop.ui import feedback
from po_desktop.ui.feedback import Purpose
from po_desktop.ui.host import Host

if TYPE_CHECKING:
    from po_desktop.reports.letter_data import DecisionLetter


class Printouts(QObject):
    def __init__(self, host: Host, selected: Callable[[], list[int]]) -> None:
        super().__init__(host)
        self.host = host
        self._selected = selected

    # ----- the decision letter ------------------------------------------------------------
    def send_selected_decision(self) -> None:
        ids = self._selected()
        if not ids:
            feedback.sink().inform(
                self.host.window,
                self.tr("Send the decision"),
                self.tr("Select the need whose decision you want to send."),
            )
            return
        self.send_decision(ids[0])

    def send_decision(self, need_id: int) -> tuple[Path, Path] | None:
        """Ask the language and the folder, write the letter and its draft there, then
        open the draft in the mail program when asked; returns the two files."""
        # The letter's modules bring reportlab: imported on the first letter, not at start.
        from po_desktop.reports.letter import verdict
        from po_desktop.reports.letter_data import NotScoredError, collect_letter
        from po_desktop.ui.printout_dialogs import SendDecisionDialog

        title = self.tr("Send the decision")
        try:
            letter = self.host.read(lambda s: collect_letter(s, need_id))
        except NotScoredError as exc:  # nothing wrong: a step to take first
            feedback.sink().inform(self.host.window, title, exc.render())
            return None
        except PoDesktopError as exc:
            self.host.warn(title, exc.render())
            return None
        dialog = SendDecisionDialog(
            f"{letter.key} — {letter.title}",
            verdict(letter, language()),
            feedback.sink().folder_for(Purpose.LETTER),
            language(),
            self.host.window,
        )
        if not feedback.sink().run(dialog):
            return None
        folder, lang = dialog.folder, dialog.lang()
        written = self.host.attempt(title, lambda: self._write_letter(letter, folder, lang))
        if written is None:
            return None
        pdf, eml = written
        feedback.sink().remember_folder(Purpose.LETTER, pdf)
        self.host.notify(
            self.tr("Decision letter of %1 and its e-mail draft saved in %2")
            .replace("%2", str(folder))
            .replace("%1", letter.key),
            undo=False,
        )
        if dialog.open_draft.isChecked():
            feedback.sink().open_externally(self.host.window, eml, title)
        return pdf, eml

    def _write_letter(self, letter: DecisionLetter, folder: Path, lang: str) -> tuple[Path, Path]:
        """The letter and its draft under names no earlier letter holds: a letter already
        sent stays as it was sent."""
        from po_desktop.reports.export import export_letter
        from po_desktop.reports.letter_mail import attachment_name

        stem = attachment_name(letter).removesuffix(".pdf")
        base = files.free_name(
            folder, lambda n: stem if n == 1 else f"{stem} ({n})", suffixes=(".pdf", ".eml")
        )
        pdf, eml = base.with_name(base.name + ".pdf"), base.with_name(base.name + ".eml")
        workspace = self.host.workspace
        workspace.read(
            lambda s: export_letter(s, letter.need_id, pdf, eml, lang, database=workspace.database)
        )
        return pdf, eml

    # ----- cards --------------------------------------------------------------------------
    def print_selected_cards(self) -> None:
        """From the File menu: a lone selected card is rarely the point, its sprint is."""
        ids = self._selected()
        self.print_cards(ids, prefer_selection=len(ids) > 1)

    def print_cards(self, ids: list[int], *, prefer_selection: bool = True) -> Path | None:
        """Ask which cards (these needs, or a sprint's) and where, write the sheets and
        open them in the PDF viewer; ``prefer_selection``: these needs are offered first."""
        from po_desktop.ui.printout_dialogs import PrintCardsDialog, SprintChoice  # on first use

        title = self.tr("Print cards")
        sprints = self.host.read(queries.sprint_rows)
        if not ids and not sprints:
            feedback.sink().inform(
                self.host.window,
                title,
                self.tr("Select the needs to print, or plan a sprint: its cards print together."),
            )
            return None
        choices = [
            SprintChoice(s.id, f"{s.name} ({choice_label(s.state)})")
            for s in sprints
            if s.state != SprintState.CLOSED.value
        ] or [SprintChoice(s.id, f"{s.name} ({choice_label(s.state)})") for s in sprints]
        dialog = PrintCardsDialog(
            len(ids), choices, _current_sprint(sprints), prefer_selection, self.host.window
        )
        if not feedback.sink().run(dialog):
            return None
        sprint_id, per_page = dialog.sprint_id(), dialog.cards_per_page()
        name = self.tr("cards") + ".pdf"
        path = feedback.sink().choose_save(
            self.host.window, title, Purpose.CARDS, name, self.tr("PDF document (*.pdf)"), ".pdf"
        )
        if path is None:
            return None
        from po_desktop.reports.export import export_cards

        workspace = self.host.workspace
        lang = language()

        def write() -> tuple[int, int]:
            with workspace.session() as session:
                return export_cards(
                    session,
                    path,
                    lang,
                    sprint=sprint_id,
                    needs=() if sprint_id is not None else ids,
                    per_page=per_page,
                    database=workspace.database,
                )

        written = self.host.attempt(title, write)
        if written is None:
            return None
        count, _sheets = written
        self.host.status(self.tr("%n card(s) saved: %1", "", count).replace("%1", str(path)))
        feedback.sink().open_externally(self.host.window, path, title)
        return path


def _current_sprint(sprints: list[queries.SprintRow]) -> int | None:
    """The active sprint, else the next planned one, else the last."""
    for row in sprints:
        if row.state == SprintState.ACTIVE.value:
            return row.id
    today = date.today()
    planned = [
        r
        for r in sprints
        if r.state == SprintState.PLANNED.value
        and isinstance(r.end_date, date)
        and r.end_date >= today
    ]
    if planned:
        return planned[0].id
    return sprints[-1].id if sprints else None
