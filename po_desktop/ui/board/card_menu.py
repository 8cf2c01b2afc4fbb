"""A card's context menu on the board (also offered by the lists): open, move, plan,
assign, print, duplicate, archive or delete the selected needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from po_desktop.ui.models import no_mnemonic

if TYPE_CHECKING:
    from po_desktop.ui.board.page import BoardPage


def build(page: BoardPage, ids: list[int], *, board_moves: bool = True) -> QMenu:
    """What can be done to these needs; ``board_moves``: the keyboard moves that act on
    the board's selection (not offered from a list)."""
    menu = QMenu(page)
    first = ids[0]
    menu.addAction(page.tr("Open…"), lambda: page.open_requested.emit(first))
    menu.addAction(page.tr("Open scoring form"), lambda: page.scoring_requested.emit(first))
    menu.addSeparator()
    columns = menu.addMenu(page.tr("Move to column"))
    for column in page.model.columns:
        act = columns.addAction(
            no_mnemonic(column.name), lambda c=column.id: page.request_move(ids, c, None)
        )
        act.setEnabled(any(page.model.column_of(i) != column.id for i in ids))
    sprints = menu.addMenu(page.tr("Move to sprint"))
    sprints.addAction(page.tr("Backlog (no sprint)"), lambda: page.needs.plan(ids, None))
    if page._sprints:
        sprints.addSeparator()
    for sprint in page._sprints:
        label = f"{sprint.label} ({sprint.detail})" if sprint.detail else sprint.label
        sprints.addAction(no_mnemonic(label), lambda s=sprint.id: page.needs.plan(ids, s))
    assign = menu.addMenu(page.tr("Assign to"))
    assign.addAction(page.tr("Nobody"), lambda: page.needs.assign(ids, None))
    if page._people:
        assign.addSeparator()
    for person in page._people:
        assign.addAction(no_mnemonic(person.label), lambda p=person.id: page.needs.assign(ids, p))
    if board_moves:
        menu.addSeparator()
        for act in page.move_actions:
            menu.addAction(act)
    menu.addSeparator()
    printouts = page.needs.printouts
    menu.addAction(page.tr("Send the decision…"), lambda: printouts.send_decision(first))
    menu.addAction(page.tr("Print cards…"), lambda: printouts.print_cards(ids))
    menu.addSeparator()
    menu.addAction(page.tr("Duplicate"), lambda: page.duplicate(ids))
    rows = [row for row in map(page.needs.host.rows.get, ids) if row is not None]
    if any(row.archived_at is not None for row in rows):
        menu.addAction(page.tr("Restore"), lambda: page.needs.restore(ids))
    else:
        menu.addAction(page.tr("Archive"), lambda: page.needs.archive(ids))
    menu.addAction(page.tr("Delete"), lambda: page.needs.delete(ids))
    return menu
