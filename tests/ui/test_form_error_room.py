"""A refusal shown inside a form makes room for itself: no field is squashed under it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from po_desktop.store.errors import ValidationError
from po_desktop.ui.connect_dialog import ConnectDialog


def _squashed(dialog: ConnectDialog) -> list[str]:
    """The fields and the message drawn smaller than they need."""
    found = [
        edit.objectName() or edit.accessibleName() or str(i)
        for i, edit in enumerate(dialog.findChildren(QLineEdit))
        if edit.isVisible() and edit.height() < edit.minimumSizeHint().height()
    ]
    error = dialog.error
    if error.height() < error.heightForWidth(error.width()):
        found.append("error")
    return found


def test_a_long_refusal_grows_the_dialog_instead_of_squashing_its_fields(
    app: QApplication, qtbot: QtBot
) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    height = dialog.height()
    detail = "could not translate host name “nohost.invalid” to address: Name or service not known "
    dialog.error.refused(ValidationError("team.unreachable", detail=detail * 3))
    QApplication.processEvents()

    assert dialog.error.isVisible()
    assert _squashed(dialog) == []
    assert dialog.height() > height
