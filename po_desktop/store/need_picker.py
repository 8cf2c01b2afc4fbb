"""The needs a person can pick as they type (the link picker): by key or by title,
regardless of case and accents, a few at a time however many needs the workspace holds.

Every query stops at its ``limit``: titles are compared in SQL through ``fold()``, the
accent- and case-free form of :func:`po_desktop.domain.text.fold` that every connection
knows (:mod:`po_desktop.store.engine`), scanning from the newest need and stopping at
the first ``limit`` matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Executable, Select, String, cast, func, select
from sqlalchemy.orm import Session

from po_desktop.domain.keys import format_key, parse_key
from po_desktop.domain.text import fold
from po_desktop.store.models import Need, Project

PICK_LIMIT = 50
"""As many as a list shows without being a wall to scroll."""

_KEY_START = re.compile(r"^([A-Za-z][A-Za-z0-9]{0,9})(?:-([0-9]{0,9}))?$")
"""What may be the start of a key: "erp", "ERP-", "erp-12"."""


@dataclass(frozen=True)
class NeedChoice:
    id: int
    key: str
    title: str
    archived: bool

    @property
    def label(self) -> str:
        return f"{self.key} — {self.title}"


def _base(exclude: int | None) -> Select[int, str, int, str, datetime | None]:
    query = select(Need.id, Project.code, Need.number, Need.title, Need.archived_at).join(
        Project, Need.project_id == Project.id
    )
    return query if exclude is None else query.where(Need.id != exclude)


def _choices(session: Session, query: Executable) -> list[NeedChoice]:
    return [
        NeedChoice(need_id, format_key(code, number), title, archived is not None)
        for need_id, code, number, title, archived in session.execute(query)
    ]


def pick_needs(
    session: Session, text: str, *, exclude: int | None = None, limit: int = PICK_LIMIT
) -> list[NeedChoice]:
    """At most ``limit`` needs for what is typed: the need whose key it is first, then
    those whose key starts with it, then those whose title holds every typed word (newest
    first). Nothing typed: the needs changed last. Archived needs are included (marked):
    "already done in ERP-20" is worth linking."""
    base = _base(exclude)
    typed = text.strip()
    if not typed:
        return _choices(session, base.order_by(Need.updated_at.desc(), Need.id.desc()).limit(limit))
    found: dict[int, NeedChoice] = {}
    key = _KEY_START.match(typed)
    if key and key.group(2) is not None:  # "erp" alone may as well be a word of a title
        code, digits = key.group(1).upper(), key.group(2)
        query = base.where(Project.code == code)
        if digits:
            query = query.where(cast(Need.number, String).startswith(digits))
        for choice in _choices(session, query.order_by(Need.number).limit(limit)):
            found[choice.id] = choice
    words = fold(typed).split()
    if len(found) < limit and words:
        query = base.where(
            *(func.fold(Need.title).contains(word, autoescape=True) for word in words)
        )
        if found:
            query = query.where(Need.id.not_in(found))
        for choice in _choices(session, query.order_by(Need.id.desc()).limit(limit - len(found))):
            found[choice.id] = choice
    return list(found.values())


def find_choice(session: Session, text: str, *, exclude: int | None = None) -> NeedChoice | None:
    """The one need that what was typed names: its key (alone or starting its line
    "KEY — title"), or the only one whose title holds every typed word; None otherwise."""
    typed = text.strip()
    if not typed:
        return None
    key = parse_key(typed.split()[0])
    if key is not None:
        exact = _choices(
            session, _base(exclude).where(Project.code == key[0], Need.number == key[1])
        )
        if exact:
            return exact[0]
    matches = pick_needs(session, typed, exclude=exclude, limit=2)
    return matches[0] if len(matches) == 1 else None
