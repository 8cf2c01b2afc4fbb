"""An e-mail saved as an ``.eml`` (or Outlook ``.msg``) file and dropped on the app becomes
a need: subject as title, text as the problem's draft, sender as requester, the mail
itself attached."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData

from po_desktop.store.errors import PoDesktopError
from po_desktop.ui.workspace import Workspace

MAIL_SUFFIXES = (".eml", ".msg")
"""The files a mail program saves a message as: RFC 5322 text, and Outlook's. The
readers (:mod:`po_desktop.io.mail`) are imported at the first drop, not at start-up."""


def mail_files(mime: QMimeData) -> list[Path]:
    """The ``.eml`` and ``.msg`` files among dropped ones."""
    found = []
    for url in mime.urls():
        local = url.toLocalFile()
        if local and local.lower().endswith(MAIL_SUFFIXES) and Path(local).is_file():
            found.append(Path(local))
    return found


def need_from_mail(
    workspace: Workspace,
    project_id: int,
    path: Path,
    refused: Callable[[PoDesktopError], object],
) -> int | None:
    """The need made from the mail in ``path`` (one undoable step), or None when refused."""
    from po_desktop.io.mail import read_mail_file
    from po_desktop.store.services import dossier as dossier_service

    try:
        mail = read_mail_file(path)
    except PoDesktopError as exc:
        refused(exc)
        return None
    change = workspace.try_perform(
        QCoreApplication.translate("MailDrop", "New need from an e-mail"),
        lambda s: dossier_service.create_need_from_mail(s, project_id, mail),
        refused,
    )
    if change is None or not isinstance(change.result, dossier_service.MailNeed):
        return None
    return change.result.need_id
