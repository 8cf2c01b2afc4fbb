"""One call for the CLI and the app: collect a sprint's review and write its PDF safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus.doctemplate import LayoutError
from sqlalchemy.orm import Session

from po_desktop.domain.messages import Message
from po_desktop.reports.pack import build_pack
from po_desktop.reports.review import collect, empty_database
from po_desktop.store.errors import DatabaseFileError, NotFoundError, StorageError
from po_desktop.store.files import atomic_binary


def export_pack(
    session: Session,
    sprint_ref: str | int,
    output: Path,
    lang: str = "fr",
    *,
    database: Any = None,
) -> int:
    """Write the pack of one sprint; returns its page count.

    The PDF is written atomically (see :mod:`po_desktop.store.files`): a failure never
    leaves half a file under the chosen name, nor over a previous pack.
    """
    if database is not None and database.owns(output):
        raise DatabaseFileError("db.output_is_database", path=str(output))
    if empty_database(session):
        raise NotFoundError("pack.no_sprint")
    data = collect(session, sprint_ref, lang)
    try:
        with atomic_binary(output) as fh:
            return build_pack(data, fh, lang)
    except LayoutError:  # a page that cannot be laid out: said, not a crash
        raise StorageError(
            "output.failed", path=str(output), reason=Message("pack.layout")
        ) from None
