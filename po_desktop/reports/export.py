"""One call for the CLI and the app per printed document: collect its data, write its
files safely (a sprint's review pack, a need's decision letter and e-mail draft)."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.platypus.doctemplate import LayoutError
from sqlalchemy.orm import Session

from po_desktop.domain.messages import Message
from po_desktop.reports.pack import build_pack
from po_desktop.reports.review import collect, empty_database
from po_desktop.store import files
from po_desktop.store.errors import (
    DatabaseFileError,
    NotFoundError,
    StorageError,
    ValidationError,
)
from po_desktop.store.files import atomic_binary

if TYPE_CHECKING:
    from po_desktop.reports.letter_data import DecisionLetter

# The letter's and the cards' modules (QR codes, e-mail, their queries) are imported by
# their own calls: a review pack, one short process, does not pay for them.


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


def export_letter(
    session: Session,
    need_ref: str | int,
    output: Path,
    eml: Path | None = None,
    lang: str = "fr",
    *,
    database: Any = None,
    today: date | None = None,
) -> DecisionLetter:
    """Write a need's decision letter (and its e-mail draft when ``eml`` is given).

    Both files are written atomically; the PDF is laid out in memory first, so nothing is
    written when the need cannot have a letter (never scored, unknown key).
    """
    from po_desktop.reports.letter import build_letter
    from po_desktop.reports.letter_data import collect_letter
    from po_desktop.reports.letter_mail import draft

    targets = [output] if eml is None else [output, eml]
    for target in targets:
        if database is not None and database.owns(target):
            raise DatabaseFileError("db.output_is_database", path=str(target))
    if eml is not None and _same_file(output, eml):
        raise ValidationError("letter.same_output", path=str(eml))
    letter = collect_letter(session, need_ref)
    buffer = io.BytesIO()
    build_letter(letter, buffer, lang, today)
    pdf = buffer.getvalue()
    mail = draft(letter, pdf, lang) if eml is not None else None
    files.write_bytes(output, pdf)
    if eml is not None and mail is not None:
        files.write_bytes(eml, mail)
    return letter


def _same_file(one: Path, other: Path) -> bool:
    return os.path.abspath(one) == os.path.abspath(other) or (
        one.exists() and other.exists() and os.path.samefile(one, other)
    )


def export_cards(
    session: Session,
    output: Path,
    lang: str = "fr",
    *,
    sprint: str | int | None = None,
    needs: Sequence[str | int] = (),
    per_page: int = 8,
    database: Any = None,
) -> tuple[int, int]:
    """Write the cards of a sprint, or of these needs, atomically; returns the number of
    cards and of sheets."""
    from po_desktop.reports.cards import build_cards, need_cards, sprint_cards

    if database is not None and database.owns(output):
        raise DatabaseFileError("db.output_is_database", path=str(output))
    cards = (
        sprint_cards(session, sprint, lang)
        if sprint is not None
        else need_cards(session, needs, lang)
    )
    with atomic_binary(output) as fh:
        sheets = build_cards(cards, fh, lang, per_page)
    return len(cards.cards), sheets
