"""What can be done to needs from any page: create, edit, move, plan, assign, duplicate,
delete — each one undoable step through :meth:`Host.perform`.

The board's card menu, the lists' context menu, the Edit menu and the keyboard all
call these; the page on screen is asked for its selection and shown the result.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from po_desktop.store import queries
from po_desktop.store.services import needs as need_service
from po_desktop.ui import feedback
from po_desktop.ui.host import Host
from po_desktop.ui.mail_drop import need_from_mail
from po_desktop.ui.printouts import Printouts

MAX_KEYS_ASKED = 12
"""How many keys the question before deleting several needs names."""


class NeedPage(Protocol):
    """A page that shows needs and lets the user select them."""

    def selected_ids(self) -> list[int]: ...

    def select_need(self, need_id: int) -> None: ...

    def select_needs(self, ids: list[int], current: int | None) -> None: ...


class NeedActions(QObject):
    def __init__(
        self,
        host: Host,
        current_page: Callable[[], NeedPage | None],
        default_project: Callable[[], int | None],
    ) -> None:
        super().__init__(host)
        self.host = host
        self._current_page = current_page
        self._default_project = default_project
        self.printouts = Printouts(host, self.selected)
        """The decision letter and the cards, for the selected needs."""

    # ----- selection ----------------------------------------------------------------------
    def selected(self) -> list[int]:
        page = self._current_page()
        return page.selected_ids() if page is not None else []

    def select(self, ids: list[int]) -> None:
        page = self._current_page()
        if page is not None and ids:
            page.select_needs(ids, ids[0])

    def _perform(
        self, text: str, action: Callable[[Session], object], select: list[int] | None = None
    ) -> bool:
        change = self.host.perform(text, action)
        if change is not None and select:
            self.select(select)
        return change is not None

    # ----- editing ------------------------------------------------------------------------
    def new(self) -> None:
        from po_desktop.ui.need_dialog import NeedDialog  # its tabs' modules: on first use

        dialog = NeedDialog(
            self.host.workspace, parent=self.host.window, project_id=self._default_project()
        )
        if feedback.sink().run(dialog) and dialog.saved_need_id is not None:
            self.select([dialog.saved_need_id])
            self.host.status(self.tr("Need created."), 4000)

    def edit(self, need_id: int) -> None:
        from po_desktop.ui.need_dialog import NeedDialog  # its tabs' modules: on first use

        dialog = NeedDialog(self.host.workspace, need_id, parent=self.host.window)
        if feedback.sink().run(dialog):
            self.select([need_id])

    def edit_selected(self) -> None:
        ids = self.selected()
        if ids:
            self.edit(ids[0])
        else:
            self._none_selected()

    def delete_selected(self) -> None:
        ids = self.selected()
        if ids:
            self.delete(ids)
        else:
            self._none_selected()

    def _none_selected(self) -> None:
        """A need action with no need selected (the calendar on screen): said, not ignored."""
        self.host.status(
            self.tr("Select a need first: on the board, in the list or in the scoring ranking."),
            6000,
        )

    def delete(self, ids: list[int]) -> None:
        """Several needs: asked first. One: deleted at once, with Undo at hand."""
        rows = self.host.rows
        keys = [row.key for row in map(rows.get, ids) if row is not None]
        if len(ids) > 1:
            shown = ", ".join(keys[:MAX_KEYS_ASKED]) + (" …" if len(keys) > MAX_KEYS_ASKED else "")
            if not feedback.sink().ask(
                self.host.window,
                self.tr("Delete needs"),
                self.tr(
                    "Delete these %n needs, with their scoring and history?\n\n%1\n\n"
                    "You can undo it (Ctrl+Z).",
                    "",
                    len(ids),
                ).replace("%1", shown),
                yes=self.tr("Delete"),
                no=self.tr("Cancel"),
                default_yes=False,
            ):
                return
        text = self.tr("Delete %n need(s)", "", len(ids))
        if not self._perform(text, lambda s: need_service.delete_needs(s, ids)):
            return
        if len(keys) == 1:
            self.host.notify(self.tr("%1 deleted.").replace("%1", keys[0]))
        else:
            self.host.notify(self.tr("%n need(s) deleted.", "", len(ids)))

    # ----- moving -------------------------------------------------------------------------
    def move(
        self,
        ids: list[int],
        column_id: int,
        before_id: int | None,
        assignee: int | need_service.Unchanged | None = need_service.UNCHANGED,
    ) -> None:
        """Into a column, above a need (None: at the bottom), given to ``assignee``."""
        self._perform(
            self.tr("Move %n need(s)", "", len(ids)),
            lambda s: need_service.move_needs(s, ids, column_id, before_id, assignee_id=assignee),
            select=ids,
        )

    def plan(self, ids: list[int], sprint_id: int | None) -> None:
        self._perform(
            self.tr("Plan %n need(s)", "", len(ids)),
            lambda s: need_service.plan_needs(s, ids, sprint_id),
            select=ids,
        )

    def assign(self, ids: list[int], person_id: int | None) -> None:
        self._perform(
            self.tr("Assign %n need(s)", "", len(ids)),
            lambda s: need_service.assign_needs(s, ids, person_id),
            select=ids,
        )

    def duplicate(self, ids: list[int]) -> None:
        change = self.host.perform(
            self.tr("Duplicate %n need(s)", "", len(ids)),
            lambda s: need_service.duplicate_needs(s, ids),
        )
        if change is not None:
            copies = [key[0] for key in change.created("need")]
            self.select(copies)
            self.host.notify(self.tr("%n need(s) duplicated.", "", len(copies)))

    # ----- archive ------------------------------------------------------------------------
    def archive_selected(self) -> None:
        rows = self.host.rows
        ids = [i for i in self.selected() if (row := rows.get(i)) and row.archived_at is None]
        if ids:
            self.archive(ids)
        elif not self.selected():
            self._none_selected()

    def restore_selected(self) -> None:
        """The archived needs among the selected ones go back on the board."""
        rows = self.host.rows
        ids = [i for i in self.selected() if (row := rows.get(i)) and row.archived_at is not None]
        if ids:
            self.restore(ids)
        else:
            self.host.status(
                self.tr("Choose archived needs to restore (Filters › Scope › Archived needs)."),
                6000,
            )

    def archive(self, ids: list[int]) -> None:
        """Off the board, still searchable (the "Archived needs" scope), with Undo at hand."""
        from po_desktop.store.services import archive as archive_service  # on first use

        self._archive_step(
            self.tr("Archive %n need(s)", "", len(ids)),
            lambda s: archive_service.archive_needs(s, ids),
            lambda n: self.tr("%n need(s) archived.", "", n),
        )

    def restore(self, ids: list[int]) -> None:
        from po_desktop.store.services import archive as archive_service  # on first use

        self._archive_step(
            self.tr("Restore %n need(s)", "", len(ids)),
            lambda s: archive_service.restore_needs(s, ids),
            lambda n: self.tr("%n need(s) back on the board.", "", n),
        )

    def _archive_step(
        self, text: str, action: Callable[[Session], list[int]], said: Callable[[int], str]
    ) -> None:
        change = self.host.perform(text, action)
        if change is not None and isinstance(change.result, list):
            self.host.notify(said(len(change.result)))

    # ----- an e-mail dropped ----------------------------------------------------------------
    def from_mails(self, paths: list[Path]) -> None:
        """Each ``.eml`` or ``.msg`` dropped becomes a need of the project the toolbar shows
        (else the first project), one undoable step each."""
        project_id = self._default_project()
        if project_id is None:
            projects = self.host.read(lambda s: queries.projects(s, include_archived=False))
            if not projects:
                feedback.sink().warn(
                    self.host.window,
                    self.tr("New need from an e-mail"),
                    self.tr("Every need belongs to a project: create one first."),
                )
                return
            project_id = projects[0].id
        made: list[int] = []
        for path in paths:
            need_id = need_from_mail(
                self.host.workspace,
                project_id,
                path,
                lambda exc: feedback.sink().warn(
                    self.host.window, self.tr("New need from an e-mail"), exc.render()
                ),
            )
            if need_id is not None:
                made.append(need_id)
        if made:
            self.select(made)
            self.host.notify(self.tr("%n need(s) made from e-mails.", "", len(made)))
