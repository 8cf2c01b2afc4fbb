"""One call for the CLI and the app: collect a sprint's review and write its PDF safely."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.platypus.doctemplate import LayoutError
from sqlalchemy.orm import Session

from po_desktop.reports.pack import build_pack
from po_desktop.reports.review import collect, empty_database
from po_desktop.store.errors import DatabaseFileError, NotFoundError, StorageError


def export_pack(
    session: Session,
    sprint_ref: str | int,
    output: Path,
    lang: str = "fr",
    *,
    database: Any = None,
) -> int:
    """Write the pack of one sprint; returns its page count.

    The PDF is built beside the target and moved into place, so a failure never
    leaves half a file under the chosen name (or over a previous pack).
    """
    if database is not None and database.owns(output):
        raise DatabaseFileError("db.output_is_database", path=str(output))
    if empty_database(session):
        raise NotFoundError("pack.no_sprint")
    data = collect(session, sprint_ref, lang)
    scratch = output.with_name(output.name + ".part")
    try:
        pages = build_pack(data, scratch, lang)
        os.replace(scratch, output)
    except OSError as exc:
        scratch.unlink(missing_ok=True)
        raise StorageError(
            "cli.output_unwritable", path=str(output), detail=exc.strerror or str(exc)
        ) from None
    except LayoutError as exc:  # a page that cannot be laid out: said, not a crash
        scratch.unlink(missing_ok=True)
        raise StorageError(
            "cli.output_unwritable", path=str(output), detail=str(exc)[:200]
        ) from None
    return pages
